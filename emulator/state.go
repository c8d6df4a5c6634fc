package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

const stateVersion = 1

// stateFile is what Options.StatePath holds. No credentials are written.
type stateFile struct {
	Version  int
	SDKAppID uint64
	Rooms    []Room
	Accounts []Account
	Gifts    *GiftCatalog `json:",omitempty"`
}

// WriteCatalogState writes a state file holding only the gift catalogue cat of application
// sdkAppID, for Options.StatePath or -state: a test's emulator then starts with that catalogue,
// without the gift commands' 1 call per second.
func WriteCatalogState(path string, sdkAppID uint64, cat GiftCatalog) error {
	data, err := json.Marshal(stateFile{Version: stateVersion, SDKAppID: sdkAppID, Gifts: &cat})
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// load reads the state file when there is one.
func (s *Server) load() error {
	if s.opts.StatePath == "" {
		return nil
	}
	data, err := os.ReadFile(s.opts.StatePath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading state: %w", err)
	}
	var st stateFile
	if err := json.Unmarshal(data, &st); err != nil {
		return fmt.Errorf("state file %s is not valid: %w", s.opts.StatePath, err)
	}
	if st.Version != stateVersion {
		return fmt.Errorf("state file %s has version %d, want %d", s.opts.StatePath, st.Version, stateVersion)
	}
	if st.SDKAppID != s.opts.SDKAppID {
		return fmt.Errorf("state file %s belongs to SDKAppID %d, not %d", s.opts.StatePath, st.SDKAppID, s.opts.SDKAppID)
	}
	for i := range st.Rooms {
		r := st.Rooms[i].clone()
		s.rooms[r.RoomID] = &r
	}
	for _, a := range st.Accounts {
		s.accounts[a.UserID] = a
	}
	s.loadGifts(st.Gifts)
	return nil
}

// persist writes the state file if anything changed since the last write. Concurrent callers
// coalesce: whoever holds persistMu writes the newest state for all of them.
func (s *Server) persist() error {
	if s.opts.StatePath == "" {
		return nil
	}
	s.persistMu.Lock()
	defer s.persistMu.Unlock()
	s.mu.Lock()
	gen := s.gen
	if gen == s.persistedGen {
		s.mu.Unlock()
		return nil
	}
	st := stateFile{Version: stateVersion, SDKAppID: s.opts.SDKAppID, Rooms: s.roomsLocked(), Accounts: s.accountsLocked()}
	if catalog := s.giftCatalogLocked(); len(catalog.Gifts)+len(catalog.Categories)+len(catalog.Rooms) > 0 {
		st.Gifts = &catalog
	}
	s.mu.Unlock()

	data, err := json.MarshalIndent(st, "", "  ")
	if err == nil {
		err = writeFileAtomic(s.opts.StatePath, append(data, '\n'))
	}
	if err != nil {
		s.persistErr = err
		s.stats.recordPersistError()
		return err
	}
	s.persistedGen = gen
	s.persistErr = nil // the file on disk is whole again
	return nil
}

// startWriter runs the background writer: requests only signal a change, so a slow disk never
// adds to their latency, and a burst of changes is written once.
func (s *Server) startWriter() {
	if s.opts.StatePath == "" {
		return
	}
	s.writerDone = make(chan struct{})
	s.writerStop = make(chan struct{})
	go func() {
		defer close(s.writerDone)
		for {
			select {
			case <-s.persistSignal:
				_ = s.persist()
			case <-s.writerStop:
				return
			}
		}
	}()
}

// stopWriter ends the background writer; Close then writes the final state itself.
func (s *Server) stopWriter() {
	if s.writerStop == nil {
		return
	}
	s.closeOnce.Do(func() { close(s.writerStop) })
	<-s.writerDone
}

// persistSoon asks the background writer to write the state; errors are counted in Stats and
// returned by Close.
func (s *Server) persistSoon() {
	if s.opts.StatePath == "" {
		return
	}
	select {
	case s.persistSignal <- struct{}{}:
	default: // a write is already pending and will include this change
	}
}

// writeFileAtomic replaces path with data so that readers see the old or the new file, never
// a torn one: write a temporary file beside it, sync, then rename over it.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
