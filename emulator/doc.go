// Package emulator is a local imitation of Tencent RTC's live room REST API
// (v4/live_engine_http_srv), its gift system (the app's gift catalogue, send_gift) and the
// account commands it depends on (v4/im_open_login_svc).
//
// A Server is an http.Handler: mount it on httptest.NewServer in a test, or run the
// tencentlive-emulator command. It checks UserSigs with the official TLSSigAPIv2 library,
// answers every documented validation with the vendor's error code inside the usual envelope,
// enforces the documented rate limits, and can add latency, transient faults and the platform's
// auto-destroy, so clients prove their retries and drift handling. See README.md for what it
// imitates and what it does not.
package emulator
