package emulator

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkCreateGetDestroy measures the emulator over real loopback HTTP with keep-alive
// connections: each iteration is create_room + get_room_info + destroy_room. It reports req/s;
// the goal is at least 20,000 on a 2-core machine, so the emulator never limits a provider
// benchmark. Rate limits are off and there is no latency. cpu-µs/req is the CPU the whole
// process (client and emulator) spends per request, which stays meaningful on a busy machine.
func BenchmarkCreateGetDestroy(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	transport := &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256, IdleConnTimeout: time.Minute}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport}
	query := "?" + authQuery(s.SDKAppID(), DefaultAdmin, s.UserSig(DefaultAdmin))
	urls := map[string]string{}
	for _, c := range []string{"create_room", "get_room_info", "destroy_room"} {
		urls[c] = srv.URL + servicePath(c) + query
	}

	var seq atomic.Int64
	var failures atomic.Int64
	send := func(command, body string) {
		resp, err := client.Post(urls[command], "application/json", strings.NewReader(body))
		if err != nil {
			failures.Add(1)
			return
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(data), `"ErrorCode":0`) {
			failures.Add(1)
		}
	}

	b.SetParallelism(8)
	b.ResetTimer()
	start, cpuStart := time.Now(), processCPUTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := fmt.Sprintf("bench-%d", seq.Add(1))
			send("create_room", `{"RoomInfo":{"RoomId":"`+id+`","RoomType":"Live","SeatTemplate":"VideoDynamicGrid9Seats"}}`)
			send("get_room_info", `{"RoomId":"`+id+`"}`)
			send("destroy_room", `{"RoomId":"`+id+`"}`)
		}
	})
	elapsed, cpu := time.Since(start), processCPUTime()-cpuStart
	b.StopTimer()
	if n := failures.Load(); n > 0 {
		b.Fatalf("%d requests failed", n)
	}
	b.ReportMetric(float64(3*b.N)/elapsed.Seconds(), "req/s")
	// CPU per request (client and server together) does not depend on what else the machine
	// runs: an idle N-core machine can serve about N/cpu-time requests per second.
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(3*b.N), "cpu-µs/req")
	}
}

// BenchmarkHandlerInProcess measures the handler alone (no network): the emulator's own share
// of BenchmarkCreateGetDestroy.
func BenchmarkHandlerInProcess(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	query := authQuery(s.SDKAppID(), DefaultAdmin, s.UserSig(DefaultAdmin))
	serve := func(command, body string) {
		req := &http.Request{Method: http.MethodPost, URL: &url.URL{Path: servicePath(command), RawQuery: query},
			Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body))}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if !strings.Contains(rec.Body.String(), `"ErrorCode":0`) {
			b.Fatalf("%s: %s", command, rec.Body)
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		id := "bench-" + strconv.Itoa(i)
		serve("create_room", `{"RoomInfo":{"RoomId":"`+id+`","RoomType":"Live","SeatTemplate":"VideoDynamicGrid9Seats"}}`)
		serve("get_room_info", `{"RoomId":"`+id+`"}`)
		serve("destroy_room", `{"RoomId":"`+id+`"}`)
	}
}
