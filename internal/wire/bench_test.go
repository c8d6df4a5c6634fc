package wire

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

var benchRoom = []byte(`{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","RequestId":"Id-0123456789abcdef0123456789abcdef-O-Seq-1",` +
	`"Response":{"RoomInfo":{"RoomId":"bench-room","RoomName":"bench","Owner_Account":"administrator","TakeSeatMode":1,` +
	`"SeatTemplate":"VideoDynamicGrid9Seats","MaxMemberCount":1000,"IsMessageDisabled":false,"IsPublicVisible":true,` +
	`"Category":[1,2],"CreateTime":1700000000,"ViewCount":3}}}`)

func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(benchRoom)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkCall measures one GetRoomInfo round trip against a loopback server: signing (cached),
// URL, limiter bookkeeping, HTTP and decoding. The fake clock keeps the limiter from pacing it.
func BenchmarkCall(b *testing.B) {
	srv := benchServer(b)
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: srv.URL, Clock: newFakeClock()})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetRoomInfo(ctx, "bench-room"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCallParallel(b *testing.B) {
	srv := benchServer(b)
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: srv.URL, Clock: newFakeClock()})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := c.GetRoomInfo(context.Background(), "bench-room"); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkLimiterRealClock sends create_room calls as fast as the real-clock limiter lets them
// and reports the achieved rate (documented limit 200/s; the client aims for 194/s after a burst of 64).
func BenchmarkLimiterRealClock(b *testing.B) {
	srv := benchServer(b)
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: srv.URL})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	start := time.Now()
	for b.Loop() {
		if err := c.Call(ctx, livespec.ServiceLive, "create_room", nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

func BenchmarkSignUserSig(b *testing.B) {
	c := offlineClient(b)
	for b.Loop() {
		c.sigs.mu.Lock()
		_ = c.sigs.renewLocked(time.Now())
		c.sigs.mu.Unlock()
	}
}
