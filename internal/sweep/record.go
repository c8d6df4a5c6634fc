package sweep

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// EnvRecord names the record file: acceptance tests append "kind name" lines to it for each
// object they are about to create, and sweepers read it to find what the service cannot list
// (rooms that are not public, accounts).
const EnvRecord = "TENCENTLIVE_SWEEP_RECORD"

// Record appends a name of kind to the record file at path. Each line is one short write to a
// file opened for appending, so concurrent tests do not interleave lines.
func Record(path string, kind Kind, name string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "%s %s\n", kind, name)
	return errors.Join(err, f.Close())
}

// readRecord returns the names of kind in the record file; a missing file holds none.
func readRecord(path string, kind Kind) ([]string, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("record file: %w", err)
	}
	var names []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		if k, name, ok := strings.Cut(sc.Text(), " "); ok && Kind(k) == kind {
			names = append(names, name)
		}
	}
	return names, nil
}

// forget rewrites the record file without the names of kind given.
func forget(path string, kind Kind, names []string) error {
	if path == "" || len(names) == 0 {
		return nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("record file: %w", err)
	}
	drop := map[string]bool{}
	for _, n := range names {
		drop[string(kind)+" "+n] = true
	}
	var keep strings.Builder
	for line := range strings.Lines(string(data)) {
		if !drop[strings.TrimRight(line, "\n")] {
			keep.WriteString(line)
		}
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(keep.String()), 0o600); err != nil {
		return fmt.Errorf("record file: %w", err)
	}
	return os.Rename(tmp, path)
}
