package acctest

import (
	"fmt"
	"os"
	"strconv"

	tfacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// Prefix starts the name of every object an acceptance test creates; the sweepers remove
// exactly the objects whose name starts with it.
const Prefix = sweep.Prefix

// randomBytes is the length of a name's random part: 36^8 names, no clash across runs that
// share an application.
const randomBytes = 8

// nameCharset is valid in every kind of ID: TRTC's room ID characters, user IDs, gift IDs.
const nameCharset = "abcdefghijklmnopqrstuvwxyz0123456789"

// Name returns a fresh name for an object of kind that a test is about to create: Prefix, the
// label (shortened when the name would not fit), a dash and a random part, at most limit bytes.
// With no room for a label, the random part fills what Prefix leaves (a 20-byte gift ID gets
// 8 random characters). The name is recorded for the sweepers before it is used, so a run
// cancelled mid-create leaves nothing they cannot find.
func Name(kind sweep.Kind, label string, limit int) string {
	room := limit - len(Prefix) - randomBytes
	var name string
	switch {
	case room < 0:
		if limit <= len(Prefix) {
			panic(fmt.Sprintf("acctest.Name: a %d-byte limit leaves no room after %q", limit, Prefix))
		}
		name = Prefix + tfacctest.RandStringFromCharSet(limit-len(Prefix), nameCharset)
	case label == "" || room < 2:
		name = Prefix + tfacctest.RandStringFromCharSet(randomBytes, nameCharset)
	default:
		name = Prefix + label[:min(len(label), room-1)] + "-" + tfacctest.RandStringFromCharSet(randomBytes, nameCharset)
	}
	record(kind, name)
	return name
}

// RoomID returns a fresh room ID (TRTC's character set, at most 48 bytes).
func RoomID(label string) string { return Name(sweep.KindRoom, label, livespec.MaxRoomIDBytes) }

// AccountUserID returns a fresh user ID within the 32-byte limit (non-trial apps cannot import
// a deleted ID again for 3 months, so none is reused).
func AccountUserID(label string) string {
	return Name(sweep.KindAccount, label, livespec.MaxUserIDBytes)
}

// TestName returns a fresh name valid both as a room ID and as a user ID, recorded for both
// sweepers: for tests that name rooms and accounts alike.
func TestName() string {
	name := Name(sweep.KindAccount, "", min(livespec.MaxRoomIDBytes, livespec.MaxUserIDBytes))
	record(sweep.KindRoom, name)
	return name
}

// GiftID returns a fresh gift or category ID within the vendor's 20 bytes: Prefix and 8 random
// characters. The tests name gifts and categories with it alike, so it is recorded for both
// sweepers; the one whose kind it is not finds nothing by that name and drops it.
func GiftID() string {
	id := Name(sweep.KindGift, "", livespec.MaxGiftIDBytes)
	record(sweep.KindGiftCategory, id)
	return id
}

// record appends name to the sweepers' record file: against the real service always (the
// file of its SDKAppID), against an emulator only when TENCENTLIVE_SWEEP_RECORD asks for it
// (the sweep test). A name that cannot be recorded stops the run: its object could not be swept.
func record(kind sweep.Kind, name string) {
	path := os.Getenv(sweep.EnvRecord)
	if path == "" && RealService() {
		id, _ := strconv.ParseUint(os.Getenv(tfkit.EnvSDKAppID), 10, 64)
		path = sweep.RecordFile(id, os.Getenv)
	}
	if path == "" {
		return
	}
	if err := sweep.Record(path, kind, name); err != nil {
		panic(fmt.Sprintf("recording %s %s for the sweepers: %v", kind, name, err))
	}
}
