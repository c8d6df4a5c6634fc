// Command tencentlive-emulator serves a local imitation of Tencent RTC's live room REST API for
// tests, demos and CI. See emulator/README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "tencentlive-emulator:", err)
		}
		os.Exit(2)
	}
}

// run serves until ctx is canceled (SIGINT/SIGTERM), then shuts down and writes the state.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, listen, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	srv, err := emulator.New(opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	// The first line is the contract with scripts that start the emulator on port 0.
	fmt.Fprintf(stdout, "listening on http://%s\n", ln.Addr())
	fmt.Fprintf(stderr, "tencentlive-emulator: sdkappid=%d admins=%s (secret key not shown)\n",
		opts.SDKAppID, strings.Join(srv.Admins(), ","))

	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()

	select {
	case err = <-served:
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = httpSrv.Shutdown(shutdownCtx)
		cancel()
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if cerr := srv.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("writing state: %w", cerr)
	}
	return err
}

func parseFlags(args []string, stderr io.Writer) (emulator.Options, string, error) {
	fs := flag.NewFlagSet("tencentlive-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		opts                  emulator.Options
		admins, words, groups string
		listen                string
	)
	fs.StringVar(&listen, "listen", "127.0.0.1:8080", "address to serve on; 127.0.0.1:0 picks a free port")
	fs.Uint64Var(&opts.SDKAppID, "sdkappid", emulator.DefaultSDKAppID, "SDKAppID the emulator answers for")
	fs.StringVar(&opts.SecretKey, "secret-key", emulator.DefaultSecretKey, "secret key that UserSigs must be signed with")
	fs.StringVar(&admins, "admin", emulator.DefaultAdmin, "App Admin accounts, comma-separated (imported at start)")
	fs.DurationVar(&opts.Latency, "latency", 0, "delay added to every API request, e.g. 20ms")
	fs.Float64Var(&opts.Faults, "faults", 0, "fraction (0..1) of API requests answered with a transient failure")
	fs.IntVar(&opts.QPS, "qps", emulator.DefaultQPS, "per-command requests/second; -1 = documented limits, 0 = off")
	fs.DurationVar(&opts.RoomTTL, "room-ttl", 0, "dismiss every room this long after creation (a blunt stand-in for all auto-destroy rules); 0 = never")
	fs.DurationVar(&opts.EmptyRoomTTL, "empty-room-ttl", 0, "auto-destroy rule 1: dismiss a room that someone entered and that has stayed empty this long, unless it has a robot (the platform's default is 30m); 0 = off")
	fs.BoolVar(&opts.OmitSeatTemplate, "omit-seat-template", false, "get_room_info leaves SeatTemplate out")
	fs.BoolVar(&opts.OmitRoomModes, "omit-room-modes", false, "get_room_info leaves IsUnlimitedRoomEnabled and KeepOwnerOnSeat out, as its documented field list does")
	fs.BoolVar(&opts.LegacyForms, "legacy-forms", false, "answer TakeSeatMode as 1/2 and numeric Owner_Account as a JSON number")
	fs.StringVar(&opts.StatePath, "state", "", "file that keeps rooms and accounts across restarts")
	fs.StringVar(&words, "sensitive-words", "", "comma-separated words refused in RoomName/Notice (100026)")
	fs.StringVar(&groups, "chat-groups", "", "comma-separated room IDs taken by Chat groups (100011)")
	fs.IntVar(&opts.SeatCap, "seat-cap", emulator.DefaultSeatCap, "package seat cap (MaxSeatCount above it: 100013)")
	fs.IntVar(&opts.MemberCap, "member-cap", emulator.DefaultMemberCap, "package member cap and MaxMemberCount default (above it: 100013)")
	fs.IntVar(&opts.AdminCap, "admin-cap", emulator.DefaultAdminCap, "admins one room may have (more: 100020)")
	fs.BoolVar(&opts.NoPackage, "no-package", false, "no paid package: create_room answers 100007")
	fs.BoolVar(&opts.AccountDeleteDisabled, "account-delete-disabled", false, "account_delete answers 60017")
	fs.Int64Var(&opts.Seed, "seed", 0, "seed of the fault RNG; 0 = random")
	if err := fs.Parse(args); err != nil {
		return opts, "", err
	}
	if fs.NArg() > 0 {
		return opts, "", fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if opts.SeatCap <= 0 || opts.MemberCap <= 0 || opts.AdminCap <= 0 {
		return opts, "", errors.New("-seat-cap, -member-cap and -admin-cap must be positive")
	}
	opts.Admins = splitList(admins)
	opts.SensitiveWords = splitList(words)
	opts.ChatGroups = splitList(groups)
	return opts, listen, nil
}

func splitList(v string) []string {
	var out []string
	for _, item := range strings.Split(v, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
