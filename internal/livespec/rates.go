package livespec

// Service paths under /v4/.
const (
	ServiceLive    = "live_engine_http_srv"
	ServiceAccount = "im_open_login_svc"
)

// Documented per-command, per-SDKAppID rate limits (requests per second).
const (
	DefaultCommandRate = 200
)

// CommandRates lists commands whose documented limit differs from DefaultCommandRate.
var CommandRates = map[string]int{
	"get_room_list":       10,
	"multiaccount_import": 100,
	"account_check":       100,
	"add_robot":           100,
	"get_robot":           100,
	"del_robot":           100,
}

// CommandRate returns the documented requests/second limit of a command.
func CommandRate(command string) int {
	if r, ok := CommandRates[command]; ok {
		return r
	}
	return DefaultCommandRate
}
