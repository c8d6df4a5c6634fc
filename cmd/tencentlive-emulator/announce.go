package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// announce tells whoever started the emulator that it is listening at endpoint: the line
// "listening on URL" on stdout, or with -env the client's environment as export lines on stdout,
// which is then closed so that a shell's $(...) returns while the emulator goes on serving.
// With -env-file the same lines go to that file.
func (sf serveFlags) announce(srv *emulator.Server, endpoint string, stdout, stderr io.Writer) error {
	var exports bytes.Buffer
	if sf.env || sf.envFile != "" {
		caFile := ""
		if sf.selfSignedOut != "" {
			abs, err := filepath.Abs(sf.selfSignedOut)
			if err != nil {
				return err
			}
			caFile = abs
		}
		env := append(srv.ClientEnv(endpoint, caFile), "TENCENTLIVE_EMULATOR_PID="+strconv.Itoa(os.Getpid()))
		if err := emulator.WriteExports(&exports, env); err != nil {
			return err
		}
	}
	if sf.envFile != "" {
		if err := writeWhole(sf.envFile, exports.Bytes()); err != nil {
			return fmt.Errorf("-env-file: %w", err)
		}
	}
	if !sf.env {
		_, err := fmt.Fprintf(stdout, "listening on %s\n", endpoint)
		return err
	}
	fmt.Fprintf(stderr, "tencentlive-emulator: listening on %s\n", endpoint)
	if _, err := stdout.Write(exports.Bytes()); err != nil {
		return err
	}
	if c, ok := stdout.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// writeWhole writes data to path through a temporary file and a rename, so a reader never sees
// half of it. The file holds the development secret key, so only its owner may read it.
func writeWhole(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
