// Command tencentlive-emulator serves a local imitation of Tencent RTC's live room REST API for
// tests, demos and CI. See emulator/README.md.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
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
	if len(args) > 0 {
		if sub, ok := subcommands[args[0]]; ok {
			return sub(ctx, args[1:], stdout, stderr)
		}
	}
	opts, sf, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	srv, err := emulator.New(opts)
	if err != nil {
		return err
	}
	if err := sf.seed(srv, stderr); err != nil {
		_ = srv.Close()
		return err
	}
	tlsConfig, err := sf.tlsConfig()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", sf.listen)
	if err != nil {
		return err
	}
	scheme := "http"
	if tlsConfig != nil {
		ln, scheme = tls.NewListener(ln, tlsConfig), "https"
	}
	// What stdout says once listening is the contract with scripts that start the emulator on
	// port 0; a self-signed certificate is written before it.
	if err := sf.announce(srv, fmt.Sprintf("%s://%s", scheme, ln.Addr()), stdout, stderr); err != nil {
		_ = ln.Close()
		return err
	}
	fmt.Fprintf(stderr, "tencentlive-emulator: sdkappid=%d admins=%s (secret key not shown)\n",
		opts.SDKAppID, strings.Join(srv.Admins(), ","))

	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(stderr, "tencentlive-emulator: ", 0)}
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

// serveFlags are the flags about how the emulator is served, not what it imitates.
type serveFlags struct {
	listen           string
	tlsCert, tlsKey  string   // serve https with this certificate and key
	selfSignedOut    string   // serve https with a new self-signed certificate, written here
	selfSignedHosts  []string // its extra host names, besides loopback and the listen host
	selfSignedListen string   // the listen host, a name of the certificate when not a wildcard
	env              bool     // stdout: the client's environment as export lines, then closed
	envFile          string   // the same lines, written to this file
	seedFile         string   // accounts and rooms loaded at start (emulator.ApplySeed)
}

func parseFlags(args []string, stderr io.Writer) (emulator.Options, serveFlags, error) {
	fs := flag.NewFlagSet("tencentlive-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tencentlive-emulator [flags]            serve (flags below)\n"+
			"       tencentlive-emulator health [URL]       exit 0 when the emulator at URL serves\n"+
			"       tencentlive-emulator usersig [-user ID] print a UserSig (key from $TENCENTLIVE_SECRET_KEY)")
		fs.PrintDefaults()
	}
	var (
		opts                           emulator.Options
		admins, words, groups, keyless string
		tlsHosts                       string
		sf                             serveFlags
	)
	fs.StringVar(&sf.listen, "listen", "127.0.0.1:8080", "address to serve on; 127.0.0.1:0 picks a free port")
	fs.StringVar(&sf.tlsCert, "tls-cert", "", "serve https with this PEM certificate (with -tls-key)")
	fs.StringVar(&sf.tlsKey, "tls-key", "", "PEM private key of -tls-cert")
	fs.StringVar(&sf.selfSignedOut, "tls-self-signed", "", "serve https with a new self-signed certificate and write it to this file, for clients to trust (the provider's ca_cert_file)")
	fs.StringVar(&tlsHosts, "tls-hosts", "", "comma-separated extra host names or IPs of the -tls-self-signed certificate (e.g. the CI service name); localhost, 127.0.0.1, ::1 and the -listen host are always in it")
	fs.BoolVar(&sf.env, "env", false, "once listening, print the environment a client needs (TENCENTLIVE_ENDPOINT, _SDK_APP_ID, _SECRET_KEY, _IDENTIFIER, and TENCENTLIVE_EMULATOR_PID) as 'export K=V' lines on stdout instead of the listening line, then close stdout: eval \"$(tencentlive-emulator -listen 127.0.0.1:0 -env 2>emulator.log &)\"")
	fs.StringVar(&sf.seedFile, "seed-file", "", "JSON file of accounts and rooms (with metadata, admins, robots) to start with; rooms already in -state are kept as they are (see emulator/README.md)")
	fs.StringVar(&sf.envFile, "env-file", "", "once listening, write the lines of -env to this file (written whole: it appears complete or not at all)")
	fs.StringVar(&keyless, "keyless-sdkappids", "", "comma-separated SDKAppIDs answered with 70016 (no key: an application of another data centre)")
	fs.Uint64Var(&opts.SDKAppID, "sdkappid", emulator.DefaultSDKAppID, "SDKAppID the emulator answers for")
	fs.StringVar(&opts.SecretKey, "secret-key", emulator.DefaultSecretKey, "secret key that UserSigs must be signed with")
	fs.StringVar(&admins, "admin", emulator.DefaultAdmin, "App Admin accounts, comma-separated (imported at start)")
	fs.DurationVar(&opts.Latency, "latency", 0, "delay added to every API request, e.g. 20ms")
	fs.Float64Var(&opts.Faults, "faults", 0, "fraction (0..1) of API requests answered with a transient failure")
	fs.IntVar(&opts.QPS, "qps", emulator.DefaultQPS, "per-command requests/second: -1 = the documented limits, 0 = no limits, N = N/s for every command")
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
	fs.BoolVar(&opts.NoPackage, "no-package", false, "no paid package: create_room answers 100007, every gift command 102001")
	fs.BoolVar(&opts.AccountDeleteDisabled, "account-delete-disabled", false, "account_delete answers 60017")
	fs.IntVar(&opts.GiftQuota, "gift-quota", livespec.DefaultGiftQuota, "gifts the package allows (more: 100013)")
	fs.IntVar(&opts.GiftCategoryQuota, "gift-category-quota", livespec.DefaultCategoryQuota, "gift categories the package allows (more: 100013)")
	fs.BoolVar(&opts.NoGiftInfoList, "no-gift-info-list", false, "get_gift_info_list (the bulk read) answers 60009, as an unknown command")
	fs.BoolVar(&opts.SharedGiftRateBudget, "shared-gift-rate-budget", false, "the gift configuration commands share one budget of 1 call/s instead of 1 call/s each")
	fs.BoolVar(&opts.GiftLanguageInResponse, "gift-language-in-response", false, "the gift and category language reads answer Response.Language instead of top-level GiftInfo/CategoryInfo")
	fs.BoolVar(&opts.GiftIconURLUpper, "gift-icon-url-upper", false, "get_gift spells its icon field IconURL instead of IconUrl")
	fs.Int64Var(&opts.Seed, "seed", 0, "seed of the fault RNG; 0 = random")
	if err := fs.Parse(args); err != nil {
		return opts, sf, err
	}
	if fs.NArg() > 0 {
		return opts, sf, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if opts.SeatCap <= 0 || opts.MemberCap <= 0 || opts.AdminCap <= 0 || opts.GiftQuota <= 0 || opts.GiftCategoryQuota <= 0 {
		return opts, sf, errors.New("-seat-cap, -member-cap, -admin-cap, -gift-quota and -gift-category-quota must be positive")
	}
	if (sf.tlsCert == "") != (sf.tlsKey == "") || sf.tlsCert != "" && sf.selfSignedOut != "" {
		return opts, sf, errors.New("use -tls-cert with -tls-key, or -tls-self-signed, not both")
	}
	if tlsHosts != "" && sf.selfSignedOut == "" {
		return opts, sf, errors.New("-tls-hosts needs -tls-self-signed")
	}
	for _, id := range splitList(keyless) {
		n, err := strconv.ParseUint(id, 10, 64)
		if err != nil {
			return opts, sf, fmt.Errorf("-keyless-sdkappids: %q is not an SDKAppID", id)
		}
		opts.KeylessSDKAppIDs = append(opts.KeylessSDKAppIDs, n)
	}
	opts.Admins = splitList(admins)
	opts.SensitiveWords = splitList(words)
	opts.ChatGroups = splitList(groups)
	sf.selfSignedHosts = splitList(tlsHosts)
	if host, _, err := net.SplitHostPort(sf.listen); err == nil {
		sf.selfSignedListen = host
	}
	return opts, sf, nil
}

// seed applies -seed-file, before the emulator listens: a bad file stops it at start.
func (sf serveFlags) seed(srv *emulator.Server, stderr io.Writer) error {
	if sf.seedFile == "" {
		return nil
	}
	data, err := os.ReadFile(sf.seedFile)
	if err != nil {
		return fmt.Errorf("-seed-file: %w", err)
	}
	sum, err := srv.ApplySeed(sf.seedFile, data)
	if err != nil {
		return fmt.Errorf("-seed-file %w", err)
	}
	fmt.Fprintf(stderr, "tencentlive-emulator: seeded %d accounts, %d rooms from %s (%d rooms already there)\n",
		sum.Accounts, sum.Rooms, sf.seedFile, sum.RoomsExisted)
	return nil
}

// tlsConfig returns the TLS configuration the flags ask for, or nil for plain http. A
// self-signed certificate is written to its file here, before the emulator announces itself.
func (sf serveFlags) tlsConfig() (*tls.Config, error) {
	switch {
	case sf.tlsCert != "":
		cert, err := tls.LoadX509KeyPair(sf.tlsCert, sf.tlsKey)
		if err != nil {
			return nil, fmt.Errorf("-tls-cert/-tls-key: %w", err)
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
	case sf.selfSignedOut != "":
		hosts := []string{"localhost", "127.0.0.1", "::1"}
		if ip := net.ParseIP(sf.selfSignedListen); sf.selfSignedListen != "" && (ip == nil || !ip.IsUnspecified()) {
			hosts = append(hosts, sf.selfSignedListen)
		}
		cert, certPEM, err := emulator.SelfSignedCert(append(hosts, sf.selfSignedHosts...))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(sf.selfSignedOut, certPEM, 0o644); err != nil { //nolint:gosec // a certificate is public
			return nil, fmt.Errorf("-tls-self-signed: %w", err)
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
	}
	return nil, nil
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
