package emulator

import "time"

// GenUserSig returns a UserSig for identifier signed with key, valid for expiry from now: what
// the official TLSSigAPIv2 libraries make, for scripts that call the API without one.
func GenUserSig(sdkAppID uint64, key, identifier string, expiry time.Duration) string {
	return genUserSig(sdkAppID, key, identifier, time.Now(), expiry)
}
