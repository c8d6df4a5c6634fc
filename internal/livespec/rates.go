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

// CommandRates lists commands whose documented limit differs from DefaultCommandRate, in
// requests per second (copy_default_gift_config's one per 10 s is 0.1).
var CommandRates = map[string]float64{
	"get_room_list":       10,
	"multiaccount_import": 100,
	"account_check":       100,
	"add_robot":           100,
	"get_robot":           100,
	"del_robot":           100,
}

func init() {
	for _, command := range GiftConfigCommands {
		CommandRates[command] = GiftConfigRate
	}
	CommandRates[CopyDefaultGiftConfig] = 0.1
}

// CommandRate returns the documented requests/second limit of a command.
func CommandRate(command string) float64 {
	if r, ok := CommandRates[command]; ok {
		return r
	}
	return DefaultCommandRate
}
