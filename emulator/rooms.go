package emulator

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Room is the emulator's record of one live room: every field create_room and update_room_info
// accept, plus what the platform adds. JSON names are the vendor's.
type Room struct {
	RoomID                 string            `json:"RoomId"`
	RoomType               string            `json:"RoomType"`
	RoomName               string            `json:"RoomName"`
	OwnerAccount           string            `json:"Owner_Account"`
	SeatTemplate           string            `json:"SeatTemplate"`
	SeatLayoutTemplateID   int               `json:"SeatLayoutTemplateId"`
	TakeSeatMode           string            `json:"TakeSeatMode"`
	MaxSeatCount           int               `json:"MaxSeatCount"`
	MaxMemberCount         int               `json:"MaxMemberCount"`
	IsSeatEnabled          bool              `json:"IsSeatEnabled"`
	IsMessageDisabled      bool              `json:"IsMessageDisabled"`
	IsPublicVisible        bool              `json:"IsPublicVisible"`
	IsUnlimitedRoomEnabled bool              `json:"IsUnlimitedRoomEnabled"`
	KeepOwnerOnSeat        bool              `json:"KeepOwnerOnSeat"`
	CoverURL               string            `json:"CoverURL"`
	Category               []int64           `json:"Category"`
	ActivityStatus         int64             `json:"ActivityStatus"`
	Notice                 string            `json:"Notice"`
	ViewCount              int64             `json:"ViewCount"`
	Metadata               map[string]string `json:"Metadata,omitempty"`
	Admins                 []string          `json:"Admin_Account,omitempty"`     // modify_admin, in the order added
	Robots                 []string          `json:"RobotList_Account,omitempty"` // add_robot, in the order added
	CreateTime             time.Time         `json:"CreateTime"`
	// Members are the users in the room now (Server.Enter/Leave). EmptySince is when the last of
	// them left; it stays zero while nobody has entered, which keeps the room from the
	// empty-room rule, as on the platform.
	Members    []string  `json:"Members,omitempty"`
	EmptySince time.Time `json:"EmptySince,omitzero"`
}

func (r *Room) clone() Room {
	c := *r
	c.Category = slices.Clone(r.Category)
	if c.Category == nil {
		c.Category = []int64{}
	}
	c.Admins, c.Robots, c.Members = slices.Clone(r.Admins), slices.Clone(r.Robots), slices.Clone(r.Members)
	if r.Metadata != nil {
		c.Metadata = make(map[string]string, len(r.Metadata))
		for k, v := range r.Metadata {
			c.Metadata[k] = v
		}
	}
	return c
}

// Rooms returns a snapshot of the live rooms, sorted by RoomId.
func (s *Server) Rooms() []Room {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.roomsLocked()
}

func (s *Server) roomsLocked() []Room {
	s.expireLocked(s.opts.Now())
	out := make([]Room, 0, len(s.rooms))
	for _, r := range s.rooms {
		out = append(out, r.clone())
	}
	slices.SortFunc(out, func(a, b Room) int { return strings.Compare(a.RoomID, b.RoomID) })
	return out
}

// SetViewCount sets a room's ViewCount, which only audiences change on the real service.
func (s *Server) SetViewCount(roomID string, n int64) error {
	s.mu.Lock()
	r, ok := s.roomLocked(roomID, s.opts.Now())
	if ok {
		r.ViewCount = n
		s.gen++
	}
	s.mu.Unlock()
	if !ok {
		return fmt.Errorf("room %q does not exist", roomID)
	}
	s.persistSoon()
	return nil
}

// roomLocked finds a live room; one past its TTL is dismissed on the spot, as the platform's
// auto-destroy would have done.
func (s *Server) roomLocked(id string, now time.Time) (*Room, bool) {
	r, ok := s.rooms[id]
	if !ok {
		return nil, false
	}
	if s.expired(r, now) {
		delete(s.rooms, id)
		s.gen++
		return nil, false
	}
	return r, true
}

// expired applies the platform's dismissals: RoomTTL (any room, counted from creation) and the
// empty-room rule (EmptyRoomTTL, counted from when the last member left; a room nobody entered,
// or with a robot, is exempt).
func (s *Server) expired(r *Room, now time.Time) bool {
	if s.opts.RoomTTL > 0 && !now.Before(r.CreateTime.Add(s.opts.RoomTTL)) {
		return true
	}
	return s.opts.EmptyRoomTTL > 0 && len(r.Members) == 0 && len(r.Robots) == 0 &&
		!r.EmptySince.IsZero() && !now.Before(r.EmptySince.Add(s.opts.EmptyRoomTTL))
}

// expireLocked dismisses every room the platform would have dismissed by now.
func (s *Server) expireLocked(now time.Time) {
	if s.opts.RoomTTL <= 0 && s.opts.EmptyRoomTTL <= 0 {
		return
	}
	for id, r := range s.rooms {
		if s.expired(r, now) {
			delete(s.rooms, id)
			s.gen++
		}
	}
}

// roomIDField reads and checks a RoomId: required, at most 48 bytes, printable ASCII.
func roomIDField(o object) (string, *apiError) {
	id, present, err := o.str("RoomId")
	if err != nil {
		return "", err
	}
	if !present || id == "" {
		return "", invalidParam("RoomId is required")
	}
	if len(id) > livespec.MaxRoomIDBytes {
		return "", invalidParam(fmt.Sprintf("RoomId exceeds %d bytes", livespec.MaxRoomIDBytes))
	}
	if !livespec.IsPrintableASCII(id) {
		return "", invalidParam("RoomId must be printable ASCII (0x20-0x7E)")
	}
	return id, nil
}

func maxBytes(name, v string, limit int) *apiError {
	if len(v) > limit {
		return invalidParam(fmt.Sprintf("%s exceeds %d bytes", name, limit))
	}
	return nil
}

// containsSensitive reports whether text holds a configured sensitive word, ignoring case.
func (s *Server) containsSensitive(text string) bool {
	if len(s.sensitive) == 0 || text == "" {
		return false
	}
	lower := strings.ToLower(text)
	for _, w := range s.sensitive {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// mutableFields are the fields create and update share, each with its presence.
type mutableFields struct {
	roomName          string
	hasRoomName       bool
	coverURL          string
	hasCoverURL       bool
	takeSeatMode      string
	hasTakeSeatMode   bool
	maxMemberCount    int64
	hasMaxMemberCount bool
	category          []int64
	hasCategory       bool
	activityStatus    int64
	hasActivity       bool
	publicVisible     bool
	hasPublicVisible  bool
	messageDisabled   bool
	hasMsgDisabled    bool
	unlimited         bool
	hasUnlimited      bool
	notice            string
	hasNotice         bool
}

// readMutable decodes and validates the shared fields; withNotice is false on create, where
// Notice is not a documented field and is ignored like any unknown field.
func (s *Server) readMutable(info object, withNotice bool) (mutableFields, *apiError) {
	var f mutableFields
	var err *apiError
	if f.roomName, f.hasRoomName, err = info.str("RoomName"); err != nil {
		return f, err
	}
	if f.coverURL, f.hasCoverURL, err = info.str("CoverURL"); err != nil {
		return f, err
	}
	if f.takeSeatMode, f.hasTakeSeatMode, err = info.str("TakeSeatMode"); err != nil {
		return f, err
	}
	if f.maxMemberCount, f.hasMaxMemberCount, err = info.integer("MaxMemberCount"); err != nil {
		return f, err
	}
	if f.category, f.hasCategory, err = info.intList("Category"); err != nil {
		return f, err
	}
	if f.activityStatus, f.hasActivity, err = info.integer("ActivityStatus"); err != nil {
		return f, err
	}
	if f.publicVisible, f.hasPublicVisible, err = info.boolean("IsPublicVisible"); err != nil {
		return f, err
	}
	if f.messageDisabled, f.hasMsgDisabled, err = info.boolean("IsMessageDisabled"); err != nil {
		return f, err
	}
	if f.unlimited, f.hasUnlimited, err = info.boolean("IsUnlimitedRoomEnabled"); err != nil {
		return f, err
	}
	if withNotice {
		if f.notice, f.hasNotice, err = info.str("Notice"); err != nil {
			return f, err
		}
	}

	if err := maxBytes("RoomName", f.roomName, livespec.MaxRoomNameBytes); err != nil {
		return f, err
	}
	if err := maxBytes("CoverURL", f.coverURL, livespec.MaxCoverURLBytes); err != nil {
		return f, err
	}
	if err := maxBytes("Notice", f.notice, livespec.MaxNoticeBytes); err != nil {
		return f, err
	}
	if f.hasTakeSeatMode && !slices.Contains(livespec.TakeSeatModes, f.takeSeatMode) {
		return f, invalidParam("TakeSeatMode must be FreeToTake or ApplyToTake")
	}
	if len(f.category) > livespec.MaxCategories {
		return f, fail(livespec.CodeTooManyCategories, fmt.Sprintf("Category holds at most %d tags", livespec.MaxCategories))
	}
	if f.hasMaxMemberCount {
		if f.maxMemberCount < 1 {
			return f, invalidParam("MaxMemberCount must be positive")
		}
		if f.maxMemberCount > int64(s.opts.MemberCap) {
			return f, fail(livespec.CodeOverPackageLimit, fmt.Sprintf("MaxMemberCount exceeds the package limit of %d", s.opts.MemberCap))
		}
	}
	if s.containsSensitive(f.roomName) {
		return f, fail(livespec.CodeSensitiveContent, "RoomName contains sensitive content")
	}
	if s.containsSensitive(f.notice) {
		return f, fail(livespec.CodeSensitiveContent, "Notice contains sensitive content")
	}
	return f, nil
}

// apply copies the present fields onto a room.
func (f *mutableFields) apply(r *Room) {
	if f.hasRoomName {
		r.RoomName = f.roomName
	}
	if f.hasCoverURL {
		r.CoverURL = f.coverURL
	}
	if f.hasTakeSeatMode {
		r.TakeSeatMode = f.takeSeatMode
	}
	if f.hasMaxMemberCount {
		r.MaxMemberCount = int(f.maxMemberCount)
	}
	if f.hasCategory {
		r.Category = f.category
	}
	if f.hasActivity {
		r.ActivityStatus = f.activityStatus
	}
	if f.hasPublicVisible {
		r.IsPublicVisible = f.publicVisible
	}
	if f.hasMsgDisabled {
		r.IsMessageDisabled = f.messageDisabled
	}
	if f.hasUnlimited {
		r.IsUnlimitedRoomEnabled = f.unlimited
	}
	if f.hasNotice {
		r.Notice = f.notice
	}
}

func (s *Server) createRoom(c *call) (result, *apiError) {
	if s.opts.NoPackage {
		return result{}, fail(livespec.CodeNoPackage, "no TUILiveKit package: buy one in the console")
	}
	info, present, err := c.body.obj("RoomInfo")
	if err != nil {
		return result{}, err
	}
	if !present {
		return result{}, invalidParam("RoomInfo is required")
	}
	room, err := s.newRoom(info, c.identifier)
	if err != nil {
		return result{}, err
	}
	if s.chatGroup[room.RoomID] {
		return result{}, fail(livespec.CodeRoomIDIsChatGroup, "RoomId is taken by a Chat group")
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	if _, ok := s.accounts[room.OwnerAccount]; !ok {
		return result{}, fail(livespec.CodeAccountNotImported, "Owner_Account has not been imported")
	}
	if at, ok := s.lastCreated[room.RoomID]; ok && now.Sub(at) < time.Second {
		return result{}, fail(livespec.CodeCreateTooFrequent, "the same RoomId may be created at most once per second")
	}
	if existing, ok := s.roomLocked(room.RoomID, now); ok {
		if existing.OwnerAccount == room.OwnerAccount {
			return result{}, fail(livespec.CodeRoomExistsSameOwner, "RoomId already exists with the same Owner_Account")
		}
		return result{}, fail(livespec.CodeRoomIDTaken, "RoomId already exists")
	}
	room.CreateTime = now
	s.rooms[room.RoomID] = room
	s.noteCreatedLocked(room.RoomID, now)
	s.gen++
	// The Create Room page shows RoomId beside the envelope's fields, not under Response.
	return result{payload: struct {
		RoomID string `json:"RoomId"`
	}{room.RoomID}, topLevel: true}, nil
}

// newRoom validates a create request's RoomInfo and builds the room with its defaults.
func (s *Server) newRoom(info object, identifier string) (*Room, *apiError) {
	id, err := roomIDField(info)
	if err != nil {
		return nil, err
	}
	roomType, present, err := info.str("RoomType")
	if err != nil {
		return nil, err
	}
	if !present || roomType == "" {
		return nil, invalidParam("RoomType is required")
	}
	if roomType != livespec.RoomTypeLive {
		return nil, fail(livespec.CodeInvalidRoomType, "RoomType must be Live")
	}
	templateName, present, err := info.str("SeatTemplate")
	if err != nil {
		return nil, err
	}
	if !present || templateName == "" {
		return nil, invalidParam("SeatTemplate is required")
	}
	template, ok := livespec.LookupSeatTemplate(templateName)
	if !ok {
		return nil, invalidParam("SeatTemplate is not a known layout template")
	}
	layoutID, hasLayoutID, err := info.integer("SeatLayoutTemplateId")
	if err != nil {
		return nil, err
	}
	if hasLayoutID && layoutID != int64(template.ID) {
		return nil, invalidParam("SeatLayoutTemplateId does not match SeatTemplate")
	}
	owner, _, err := info.account("Owner_Account")
	if err != nil {
		return nil, err
	}
	if owner == "" {
		owner = identifier
	}
	if len(owner) > livespec.MaxUserIDBytes {
		return nil, invalidParam(fmt.Sprintf("Owner_Account exceeds %d bytes", livespec.MaxUserIDBytes))
	}
	seats, hasSeats, err := info.integer("MaxSeatCount")
	if err != nil {
		return nil, err
	}
	seatEnabled, hasSeatEnabled, err := info.boolean("IsSeatEnabled")
	if err != nil {
		return nil, err
	}
	keepOwner, hasKeepOwner, err := info.boolean("KeepOwnerOnSeat")
	if err != nil {
		return nil, err
	}
	// On create an empty RoomName or TakeSeatMode means "not given": the defaults apply.
	for _, name := range []string{"RoomName", "TakeSeatMode"} {
		if v, ok := info.raw(name); ok && string(v) == `""` {
			delete(info, name)
		}
	}
	f, err := s.readMutable(info, false)
	if err != nil {
		return nil, err
	}
	if hasSeats {
		if !template.Voice {
			return nil, invalidParam("MaxSeatCount is only valid with AudioSalon or Karaoke")
		}
		if seats < 1 {
			return nil, invalidParam("MaxSeatCount must be positive")
		}
		if seats > int64(s.opts.SeatCap) {
			return nil, fail(livespec.CodeOverPackageLimit, fmt.Sprintf("MaxSeatCount exceeds the package limit of %d", s.opts.SeatCap))
		}
	}

	r := &Room{
		RoomID:               id,
		RoomType:             roomType,
		RoomName:             id,
		OwnerAccount:         owner,
		SeatTemplate:         templateName,
		SeatLayoutTemplateID: template.ID,
		TakeSeatMode:         livespec.TakeSeatFree,
		MaxSeatCount:         s.opts.SeatCap,
		MaxMemberCount:       s.opts.MemberCap,
		IsSeatEnabled:        true,
		IsPublicVisible:      true,
		KeepOwnerOnSeat:      true,
		Category:             []int64{},
	}
	if !template.Voice {
		r.MaxSeatCount = min(template.Seats, s.opts.SeatCap)
	} else if hasSeats {
		r.MaxSeatCount = int(seats)
	}
	if hasSeatEnabled {
		r.IsSeatEnabled = seatEnabled
	}
	if hasKeepOwner {
		r.KeepOwnerOnSeat = keepOwner
	}
	f.apply(r)
	return r, nil
}

// noteCreatedLocked remembers a successful create for the once-per-second rule, dropping
// entries older than a second once the map has doubled.
func (s *Server) noteCreatedLocked(id string, now time.Time) {
	s.lastCreated[id] = now
	if len(s.lastCreated) < s.pruneAt {
		return
	}
	for k, at := range s.lastCreated {
		if now.Sub(at) >= time.Second || now.Before(at.Add(-time.Hour)) {
			delete(s.lastCreated, k)
		}
	}
	s.pruneAt = max(1024, 2*len(s.lastCreated))
}

func (s *Server) destroyRoom(c *call) (result, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.roomLocked(id, s.opts.Now())
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	delete(s.rooms, id)
	s.gen++
	type statistic struct {
		TotalViewers           int64
		TotalGiftsSent         int64
		TotalGiftCoins         int64
		TotalUniqueGiftSenders int64
		TotalLikesReceived     int64
	}
	return result{payload: struct{ Statistic statistic }{statistic{TotalViewers: r.ViewCount}}}, nil
}

// roomInfoWire is get_room_info's Response.RoomInfo.
type roomInfoWire struct {
	RoomID                 string  `json:"RoomId"`
	RoomName               string  `json:"RoomName"`
	RoomType               string  `json:"RoomType"`
	OwnerAccount           any     `json:"Owner_Account"`
	SeatTemplate           *string `json:"SeatTemplate,omitempty"`
	CreateTime             int64   `json:"CreateTime"`
	IsSeatEnabled          bool    `json:"IsSeatEnabled"`
	TakeSeatMode           any     `json:"TakeSeatMode"`
	MaxSeatCount           int     `json:"MaxSeatCount"`
	MaxMemberCount         int     `json:"MaxMemberCount"`
	IsMessageDisabled      bool    `json:"IsMessageDisabled"`
	IsPublicVisible        bool    `json:"IsPublicVisible"`
	IsUnlimitedRoomEnabled *bool   `json:"IsUnlimitedRoomEnabled,omitempty"`
	KeepOwnerOnSeat        *bool   `json:"KeepOwnerOnSeat,omitempty"`
	CoverURL               string  `json:"CoverURL"`
	Category               []int64 `json:"Category"`
	ActivityStatus         int64   `json:"ActivityStatus"`
	ViewCount              int64   `json:"ViewCount"`
	Notice                 string  `json:"Notice"`
}

func (s *Server) getRoomInfo(c *call) (result, *apiError) {
	id, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	r, ok := s.roomLocked(id, s.opts.Now())
	var room Room
	if ok {
		room = r.clone()
	}
	s.mu.Unlock()
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	info := roomInfoWire{
		RoomID:            room.RoomID,
		RoomName:          room.RoomName,
		RoomType:          room.RoomType,
		OwnerAccount:      s.ownerWire(room.OwnerAccount),
		CreateTime:        room.CreateTime.Unix(),
		IsSeatEnabled:     room.IsSeatEnabled,
		TakeSeatMode:      room.TakeSeatMode,
		MaxSeatCount:      room.MaxSeatCount,
		MaxMemberCount:    room.MaxMemberCount,
		IsMessageDisabled: room.IsMessageDisabled,
		IsPublicVisible:   room.IsPublicVisible,
		CoverURL:          room.CoverURL,
		Category:          room.Category,
		ActivityStatus:    room.ActivityStatus,
		ViewCount:         room.ViewCount,
		Notice:            room.Notice,
	}
	if !s.opts.OmitSeatTemplate {
		info.SeatTemplate = &room.SeatTemplate
	}
	if !s.opts.OmitRoomModes {
		info.IsUnlimitedRoomEnabled, info.KeepOwnerOnSeat = &room.IsUnlimitedRoomEnabled, &room.KeepOwnerOnSeat
	}
	if s.opts.LegacyForms {
		info.TakeSeatMode = 1
		if room.TakeSeatMode == livespec.TakeSeatApply {
			info.TakeSeatMode = 2
		}
	}
	return result{payload: struct{ RoomInfo roomInfoWire }{info}}, nil
}

// ownerWire renders Owner_Account: a string, or with LegacyForms a bare JSON number when the
// account is a canonical decimal, as the vendor's doc examples show.
func (s *Server) ownerWire(owner string) any {
	if s.opts.LegacyForms && isCanonicalDecimal(owner) {
		return json.Number(owner)
	}
	return owner
}

func isCanonicalDecimal(v string) bool {
	if v == "" || (len(v) > 1 && v[0] == '0') {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

func (s *Server) updateRoomInfo(c *call) (result, *apiError) {
	info, present, err := c.body.obj("RoomInfo")
	if err != nil {
		return result{}, err
	}
	if !present {
		return result{}, invalidParam("RoomInfo is required")
	}
	id, err := roomIDField(info)
	if err != nil {
		return result{}, err
	}
	f, err := s.readMutable(info, true)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.roomLocked(id, s.opts.Now())
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	f.apply(r)
	s.gen++
	return result{}, nil
}
