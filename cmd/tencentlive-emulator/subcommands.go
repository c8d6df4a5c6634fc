package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// subcommands run instead of the server when named first: tools for scripts and images that
// must not need anything but this binary (a FROM scratch image has no curl).
var subcommands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
	"health":  health,
	"usersig": userSig,
}

// defaultHealthURL is where the image's HEALTHCHECK finds the emulator it runs beside.
const defaultHealthURL = "http://127.0.0.1:8080" + emulator.HealthPath

// health asks a running emulator whether it serves: exit status 0 when its health endpoint
// answers 200 "ok", else a one-line reason and status 2.
func health(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("tencentlive-emulator health", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", 3*time.Second, "give up after this long")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: tencentlive-emulator health [-timeout D] [URL]\n"+
			"Exits 0 when URL (default %s; a URL without a path gets %s) answers 200 %q.\n", defaultHealthURL, emulator.HealthPath, strings.TrimSpace(emulator.HealthBody))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	url := defaultHealthURL
	switch fs.NArg() {
	case 0:
	case 1:
		url = strings.TrimSuffix(fs.Arg(0), "/")
		if !strings.Contains(strings.TrimPrefix(strings.TrimPrefix(url, "http://"), "https://"), "/") {
			url += emulator.HealthPath
		}
	default:
		return fmt.Errorf("health takes one URL, not %s", strings.Join(fs.Args(), " "))
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("not serving: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64))
	if resp.StatusCode != http.StatusOK || string(body) != emulator.HealthBody {
		return fmt.Errorf("not serving: %s answered %s %q", url, resp.Status, body)
	}
	_, err = fmt.Fprint(stdout, emulator.HealthBody)
	return err
}

// userSig prints a UserSig for an account, so a script can call the REST API (curl) as the
// application would. The key comes from the environment, never from a flag, which other users
// of the machine could read in the process list.
func userSig(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("tencentlive-emulator usersig", flag.ContinueOnError)
	fs.SetOutput(stderr)
	user := fs.String("user", emulator.DefaultAdmin, "account (UserID) the UserSig is for; calls to the REST API need an App Admin")
	defaultAppID := emulator.DefaultSDKAppID
	if v := os.Getenv("TENCENTLIVE_SDK_APP_ID"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return fmt.Errorf("TENCENTLIVE_SDK_APP_ID=%q is not an SDKAppID", v)
		}
		defaultAppID = n
	}
	appID := fs.Uint64("sdkappid", defaultAppID, "SDKAppID (default: $TENCENTLIVE_SDK_APP_ID, else the emulator's)")
	expiry := fs.Duration("expiry", 24*time.Hour, "how long the UserSig is valid")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tencentlive-emulator usersig [-user ID] [-sdkappid N] [-expiry D]\n"+
			"Prints a UserSig signed with $TENCENTLIVE_SECRET_KEY (unset: the emulator's development key).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if *user == "" || *expiry <= 0 {
		return errors.New("-user must not be empty and -expiry must be positive")
	}
	key := os.Getenv("TENCENTLIVE_SECRET_KEY")
	if key == "" {
		key = emulator.DefaultSecretKey
	}
	_, err := fmt.Fprintln(stdout, emulator.GenUserSig(*appID, key, *user, *expiry))
	return err
}
