package emulator

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkCreateGetDestroy measures the emulator over real loopback HTTP with keep-alive
// connections: each iteration is create_room + get_room_info + destroy_room. It reports req/s;
// the goal is at least 20,000 on a 2-core machine, so the emulator never limits a provider
// benchmark. Rate limits are off and there is no latency.
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
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := fmt.Sprintf("bench-%d", seq.Add(1))
			send("create_room", `{"RoomInfo":{"RoomId":"`+id+`","RoomType":"Live","SeatTemplate":"VideoDynamicGrid9Seats"}}`)
			send("get_room_info", `{"RoomId":"`+id+`"}`)
			send("destroy_room", `{"RoomId":"`+id+`"}`)
		}
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if n := failures.Load(); n > 0 {
		b.Fatalf("%d requests failed", n)
	}
	b.ReportMetric(float64(3*b.N)/elapsed.Seconds(), "req/s")
}
