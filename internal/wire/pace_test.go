package wire

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A process that records a send removes the ledger's records older than a day, and leaves the
// rest (and files that are not records) alone.
func TestPaceLedgerPrunesOldRecords(t *testing.T) {
	dir := t.TempDir()
	old, fresh, other := filepath.Join(dir, "old.last"), filepath.Join(dir, "fresh.last"), filepath.Join(dir, "notes.txt")
	for _, f := range []string{old, fresh, other} {
		if err := os.WriteFile(f, []byte("0"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-25 * time.Hour)
	for _, f := range []string{old, other} {
		if err := os.Chtimes(f, long, long); err != nil {
			t.Fatal(err)
		}
	}
	ledger := newPaceLedger(Config{PaceLedgerDir: dir, BaseURL: "http://127.0.0.1:1", SDKAppID: 1})
	ledger.recordSent("add_gift", time.Now())
	for f, want := range map[string]bool{old: false, fresh: true, other: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
	if _, ok := ledger.lastSent("add_gift"); !ok {
		t.Error("the record just written cannot be read")
	}
}

// Records are per endpoint, application and bucket: another emulator (port) or application
// does not see this one's sends.
func TestPaceLedgerKeysByEndpointAndApplication(t *testing.T) {
	dir := t.TempDir()
	a := newPaceLedger(Config{PaceLedgerDir: dir, BaseURL: "http://127.0.0.1:1", SDKAppID: 1})
	a.recordSent("add_gift", time.Unix(100, 0))
	for _, other := range []*paceLedger{
		newPaceLedger(Config{PaceLedgerDir: dir, BaseURL: "http://127.0.0.1:2", SDKAppID: 1}),
		newPaceLedger(Config{PaceLedgerDir: dir, BaseURL: "http://127.0.0.1:1", SDKAppID: 2}),
	} {
		if _, ok := other.lastSent("add_gift"); ok {
			t.Errorf("ledger %q sees another endpoint's or application's send", other.key)
		}
	}
	if got, ok := a.lastSent("add_gift"); !ok || !got.Equal(time.Unix(100, 0)) {
		t.Errorf("lastSent = %v, %v; want the recorded time", got, ok)
	}
	if _, ok := a.lastSent("get_gift"); ok {
		t.Error("a command never sent has a record")
	}
}

// A ledger whose directory cannot be made is not used: the limiter falls back to waiting an
// interval from its start, and nothing is written.
func TestPaceLedgerUnusableDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	ledger := newPaceLedger(Config{PaceLedgerDir: filepath.Join(file, "pace"), BaseURL: "http://127.0.0.1:1", SDKAppID: 1})
	if ledger.ready() {
		t.Fatal("a directory under a file was taken as usable")
	}
	ledger.recordSent("add_gift", time.Now())
	if _, ok := ledger.lastSent("add_gift"); ok {
		t.Error("a record was read back from an unusable ledger")
	}
}
