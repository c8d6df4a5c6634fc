package emulator

import (
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"sync/atomic"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// apiError is a failure answered inside the envelope with HTTP 200, as the vendor does.
type apiError struct {
	code livespec.Code
	info string
}

func fail(code livespec.Code, info string) *apiError { return &apiError{code: code, info: info} }

func invalidParam(info string) *apiError { return fail(livespec.CodeInvalidParam, info) }

// result is what a command handler answers on success.
type result struct {
	payload  any  // nil: envelope only
	topLevel bool // account commands put their fields beside the envelope, not under Response
}

// requestIDs numbers requests the way the vendor's RequestId does: Id-<32 hex>-O-Seq-<n>.
type requestIDs struct{ seq atomic.Uint64 }

func (g *requestIDs) next() string {
	var raw [16]byte
	a, b := rand.Uint64(), rand.Uint64()
	for i := 0; i < 8; i++ {
		raw[i] = byte(a >> (8 * i))
		raw[8+i] = byte(b >> (8 * i))
	}
	buf := make([]byte, 0, 64)
	buf = append(buf, "Id-"...)
	buf = hex.AppendEncode(buf, raw[:])
	buf = append(buf, "-O-Seq-"...)
	buf = strconv.AppendUint(buf, g.seq.Add(1), 10)
	return string(buf)
}

// encodeEnvelope renders the response body. Payload fields of account commands are merged at the
// top level; live commands nest them under "Response".
func encodeEnvelope(requestID string, res result, e *apiError) []byte {
	buf := make([]byte, 0, 256)
	code := livespec.CodeOK
	info := ""
	status := "OK"
	if e != nil {
		code, info, status = e.code, e.info, "FAIL"
	}
	buf = append(buf, `{"ActionStatus":"`...)
	buf = append(buf, status...)
	buf = append(buf, `","ErrorInfo":`...)
	buf = appendJSONString(buf, info)
	buf = append(buf, `,"ErrorCode":`...)
	buf = strconv.AppendInt(buf, int64(code), 10)
	buf = append(buf, `,"RequestId":`...)
	buf = appendJSONString(buf, requestID)
	if e == nil && res.payload != nil {
		payload, err := json.Marshal(res.payload)
		if err == nil && len(payload) > 2 && payload[0] == '{' {
			if res.topLevel {
				buf = append(buf, ',')
				buf = append(buf, payload[1:len(payload)-1]...)
			} else {
				buf = append(buf, `,"Response":`...)
				buf = append(buf, payload...)
			}
		}
	}
	buf = append(buf, '}', '\n')
	return buf
}

// appendJSONString quotes s; plain ASCII (every RequestId, most messages) skips the encoder.
func appendJSONString(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s) // a string always marshals
			return append(buf, b...)
		}
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}
