package wire

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// paceLedger records, in a directory that the provider processes of one machine share, when a
// command slower than burstDivisor a second (the gift configuration commands, 1 call/s) was last
// sent to one application. Terraform runs a plan and then an apply in two processes back to
// back: without the record, the second process cannot tell whether the first has just spent the
// vendor's one-request bucket, and must wait a whole interval before its first call; with it,
// the second waits only for what is left of that interval, or not at all.
//
// One file per (endpoint, SDKAppID, limiter bucket), holding the Unix time in nanoseconds of the
// last send; written by rename, so a reader sees a whole record or the one before it. Nothing
// secret goes in: the file name is a hash, the content a time.
type paceLedger struct {
	dir    string
	key    string // endpoint and application, the prefix of every file's hashed name
	opened sync.Once
	usable bool // the directory exists or could be made
	pruned sync.Once
}

// paceRecordsKept is how long a record outlives its use (one interval, a second or ten) before
// a process that records a send removes it: test runs against emulators on fresh ports would
// otherwise leave a file per port behind.
const paceRecordsKept = 24 * time.Hour

// newPaceLedger returns the ledger for cfg, or nil when cfg names no directory.
func newPaceLedger(cfg Config) *paceLedger {
	if cfg.PaceLedgerDir == "" {
		return nil
	}
	return &paceLedger{dir: cfg.PaceLedgerDir, key: fmt.Sprintf("%s\x00%d", cfg.BaseURL, cfg.SDKAppID)}
}

// ready makes the directory the first time a 1/s command needs it (a process that sends none,
// most of them, never touches the disk) and reports whether it can be used; when it cannot, the
// limiter assumes the worst of the previous process.
func (p *paceLedger) ready() bool {
	p.opened.Do(func() { p.usable = os.MkdirAll(p.dir, 0o700) == nil })
	return p.usable
}

func (p *paceLedger) file(bucket string) string {
	sum := sha256.Sum256([]byte(p.key + "\x00" + bucket))
	return filepath.Join(p.dir, hex.EncodeToString(sum[:12])+".last")
}

// lastSent returns when bucket's command was last sent by any process using this ledger, and
// false when no process has recorded one (or the record cannot be read).
func (p *paceLedger) lastSent(bucket string) (time.Time, bool) {
	b, err := os.ReadFile(p.file(bucket))
	if err != nil {
		return time.Time{}, false
	}
	ns, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(0, ns), true
}

// recordSent notes that bucket's command is being sent at t. A failure to write costs the next
// process a wait, nothing else, so it is not reported.
func (p *paceLedger) recordSent(bucket string, t time.Time) {
	if !p.ready() {
		return
	}
	p.pruned.Do(p.prune)
	f, err := os.CreateTemp(p.dir, ".pace-*")
	if err != nil {
		return
	}
	_, werr := f.WriteString(strconv.FormatInt(t.UnixNano(), 10))
	if cerr := f.Close(); werr != nil || cerr != nil {
		_ = os.Remove(f.Name())
		return
	}
	if err := os.Rename(f.Name(), p.file(bucket)); err != nil {
		_ = os.Remove(f.Name())
	}
}

// prune removes the records, and the temporary files of interrupted writes, older than
// paceRecordsKept.
func (p *paceLedger) prune() {
	entries, err := os.ReadDir(p.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".last") && !strings.HasPrefix(name, ".pace-") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > paceRecordsKept {
			_ = os.Remove(filepath.Join(p.dir, name))
		}
	}
}
