package emulator

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Server is the emulated REST service. It is an http.Handler, safe for concurrent use.
type Server struct {
	opts      Options
	auth      *authenticator
	ids       requestIDs
	limits    *rateLimits
	faults    *faultInjector
	stats     statsRecorder
	sensitive []string // lower-cased
	chatGroup map[string]bool

	mu          sync.Mutex // guards the fields below
	rooms       map[string]*Room
	accounts    map[string]Account
	lastCreated map[string]time.Time // successful creates, for the once-per-second rule
	messages    map[string]*messageLog
	gifts       giftState // gifts.go
	pruneAt     int
	gen         uint64 // bumped by every change, so persistence can skip clean states

	persistMu     sync.Mutex
	persistedGen  uint64
	persistErr    error
	persistSignal chan struct{}
	writerStop    chan struct{}
	writerDone    chan struct{}
	closeOnce     sync.Once

	sigQuery unescapeMemo // escaped usersig query values already unescaped

	noRecover bool // the fuzz test turns the last-resort recover off, so panics surface
}

// call is one authenticated request, handed to a command.
type call struct {
	identifier string
	body       object
}

type commandFunc func(s *Server, c *call) (result, *apiError)

type commandSpec struct {
	name     string
	run      commandFunc
	mutating bool // changes state, so the state file is rewritten after it
}

// commands maps "<service>/<command>" (the path after /v4/) to its implementation.
var commands = map[string]commandSpec{}

func register(service, name string, mutating bool, run commandFunc) {
	commands[service+"/"+name] = commandSpec{name: name, run: run, mutating: mutating}
}

func init() {
	live, acct := livespec.ServiceLive, livespec.ServiceAccount
	register(live, "create_room", true, (*Server).createRoom)
	register(live, "destroy_room", true, (*Server).destroyRoom)
	register(live, "get_room_info", false, (*Server).getRoomInfo)
	register(live, "update_room_info", true, (*Server).updateRoomInfo)
	register(live, "get_room_list", false, (*Server).getRoomList)
	register(live, "get_room_metadata", false, (*Server).getRoomMetadata)
	register(live, "set_room_metadata", true, (*Server).setRoomMetadata)
	register(live, "del_room_metadata", true, (*Server).delRoomMetadata)
	register(live, "get_admin_list", false, (*Server).getAdminList)
	register(live, "modify_admin", true, (*Server).modifyAdmin)
	register(live, "add_robot", true, (*Server).addRobot)
	register(live, "get_robot", false, (*Server).getRobot)
	register(live, "del_robot", true, (*Server).delRobot)
	register(live, "send_text_msg", false, (*Server).sendTextMsg) // messages are not in the state file
	register(live, "send_custom_msg", false, (*Server).sendCustomMsg)
	register(acct, "account_import", true, (*Server).accountImport)
	register(acct, "multiaccount_import", true, (*Server).multiAccountImport)
	register(acct, "account_check", false, (*Server).accountCheck)
	register(acct, "account_delete", true, (*Server).accountDelete)
}

// Commands returns the emulated command paths ("<service>/<command>"), sorted.
func Commands() []string {
	out := make([]string, 0, len(commands))
	for k := range commands {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// New builds a Server, loading StatePath when it exists.
func New(opts Options) (*Server, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:        opts,
		auth:        newAuthenticator(opts.SDKAppID, opts.SecretKey, opts.KeylessSDKAppIDs),
		limits:      newRateLimits(opts.QPS, opts.SharedGiftRateBudget, opts.Now()),
		faults:      newFaultInjector(opts.Faults, opts.Seed),
		chatGroup:   make(map[string]bool, len(opts.ChatGroups)),
		rooms:       make(map[string]*Room),
		accounts:    make(map[string]Account),
		lastCreated: make(map[string]time.Time),
		pruneAt:     1024,

		persistSignal: make(chan struct{}, 1),
	}
	s.stats.reset()
	for _, w := range opts.SensitiveWords {
		if w = strings.TrimSpace(w); w != "" {
			s.sensitive = append(s.sensitive, strings.ToLower(w))
		}
	}
	for _, g := range opts.ChatGroups {
		s.chatGroup[g] = true
	}
	s.gifts.init()
	if err := s.load(); err != nil {
		return nil, err
	}
	for _, a := range opts.Admins {
		if _, ok := s.accounts[a]; !ok {
			s.accounts[a] = Account{UserID: a}
		}
	}
	s.gen++
	if err := s.persist(); err != nil { // fail early when the state file cannot be written
		return nil, err
	}
	s.startWriter()
	return s, nil
}

// Close stops the background writer and writes the state file one last time. The Server keeps
// answering afterwards, but later changes are written only by another Close.
func (s *Server) Close() error {
	s.stopWriter()
	if err := s.persist(); err != nil {
		return err
	}
	s.persistMu.Lock()
	defer s.persistMu.Unlock()
	return s.persistErr
}

// UserSig returns a UserSig for identifier, valid for 180 days from the emulator's clock.
func (s *Server) UserSig(identifier string) string {
	return s.UserSigWithExpiry(identifier, defaultSigExpiry)
}

// UserSigWithExpiry returns a UserSig valid for expiry from the emulator's clock.
func (s *Server) UserSigWithExpiry(identifier string, expiry time.Duration) string {
	return genUserSig(s.opts.SDKAppID, s.opts.SecretKey, identifier, s.opts.Now(), expiry)
}

// SDKAppID returns the application ID the emulator answers for.
func (s *Server) SDKAppID() uint64 { return s.opts.SDKAppID }

// Admins returns the App Admin accounts.
func (s *Server) Admins() []string { return append([]string(nil), s.opts.Admins...) }

const apiPrefix = "/v4/"

// ServeHTTP answers one request: introspection under /_emulator/, the health probe at HealthPath,
// the REST API elsewhere.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.noRecover {
		defer s.recoverPanic(w)
	}
	if strings.HasPrefix(r.URL.Path, introspectionPrefix) {
		s.serveIntrospection(w, r)
		return
	}
	if r.URL.Path == HealthPath { // no latency, faults or stats: a probe must not change them
		serveHealth(w, r)
		return
	}
	if s.opts.Latency > 0 {
		t := time.NewTimer(s.opts.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}

	spec, known := commands[strings.TrimPrefix(r.URL.Path, apiPrefix)]
	if !strings.HasPrefix(r.URL.Path, apiPrefix) || known && s.giftCommandHidden(spec.name) {
		known = false
	}
	statName := unknownCommand
	if known {
		statName = spec.name
	}

	fault := s.faults.pick()
	if fault.before() {
		s.stats.recordFault(statName, fault)
		s.answerFault(w, fault)
		return
	}

	res, apiErr := s.process(r, spec, known)
	code := livespec.CodeOK
	if apiErr != nil {
		code = apiErr.code
	}
	if known && spec.mutating && apiErr == nil {
		s.persistSoon()
	}
	if fault != noFault { // applied, then the answer is lost
		s.stats.recordFault(statName, fault)
		s.answerFault(w, fault)
		return
	}
	s.stats.record(statName, code)
	body := encodeEnvelope(s.ids.next(), res, apiErr)
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// process runs the vendor's checks in order: method, body size, JSON, query, UserSig, admin,
// command, rate limit; then the command itself validates its fields and limits.
func (s *Server) process(r *http.Request, spec commandSpec, known bool) (result, *apiError) {
	if r.Method != http.MethodPost {
		return result{}, fail(60002, "only POST is supported")
	}
	body, apiErr := readBody(r.Body)
	if apiErr != nil {
		return result{}, apiErr
	}
	obj, ok := decodeObject(body)
	if !ok {
		return result{}, fail(livespec.CodeBadJSON, "request body is not a JSON object")
	}

	q := parseAuthQuery(r.URL.RawQuery, &s.sigQuery)
	appID, err := strconv.ParseUint(q.sdkAppID, 10, 64)
	if err != nil {
		return result{}, fail(livespec.CodeMissingSDKAppID, "sdkappid is missing or not a number")
	}
	identifier := q.identifier
	if apiErr := s.auth.check(appID, identifier, q.userSig, s.opts.Now()); apiErr != nil {
		return result{}, apiErr
	}
	if !isAdmin(s.opts.Admins, identifier) {
		return result{}, fail(livespec.CodeNeedsAdmin, "identifier is not an App Admin")
	}
	if !known {
		return result{}, fail(livespec.CodeUnknownCommand, "unknown command: check the request URL")
	}
	if !s.limits.allow(spec.name, s.opts.Now()) {
		s.stats.recordRateRefused(spec.name)
		return result{}, fail(livespec.RateRefusalCode(spec.name), "REST API call rate exceeded")
	}
	return spec.run(s, &call{identifier: identifier, body: obj})
}

// recoverPanic is the last line of defense: a bug answers 100001 instead of killing the
// connection. The fuzz test runs without it.
func (s *Server) recoverPanic(w http.ResponseWriter) {
	p := recover()
	if p == nil {
		return
	}
	if err, ok := p.(error); ok && errors.Is(err, http.ErrAbortHandler) {
		panic(p) // net/http's own way of aborting a response
	}
	s.stats.record(unknownCommand, livespec.CodeInternal)
	body := encodeEnvelope(s.ids.next(), result{}, fail(livespec.CodeInternal, "internal server error"))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}
