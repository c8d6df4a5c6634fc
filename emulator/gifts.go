package emulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// The gift system: gifts, their translations, and the per-room send_gift / get_gift_count.
// Categories and relations are in giftcategories.go, the translation commands of both in
// giftlanguages.go, the bulk read and the demo catalogue in giftlist.go. Everything is guarded by Server.mu and scoped to the one SDKAppID the emulator
// answers for, as the vendor scopes it to the SDKAppID of the request.

// Gift is the emulator's record of one gift. JSON names are the vendor's.
type Gift struct {
	GiftID        string              `json:"GiftId"`
	DefaultName   string              `json:"DefaultName"`
	DefaultDesc   string              `json:"DefaultDesc"`
	Coins         int64               `json:"Coins"`
	Level         int64               `json:"Level"`
	IconURL       string              `json:"IconUrl"`
	ResourceURL   string              `json:"ResourceUrl"`
	ExtensionInfo string              `json:"ExtensionInfo"`
	CreateTime    time.Time           `json:"CreateTime"`
	Languages     map[string]GiftText `json:"Languages,omitempty"` // by language code
}

// GiftText is one translation: a gift's Name/Desc, or a category's CategoryName/CategoryDesc.
type GiftText struct {
	Name string `json:"Name"`
	Desc string `json:"Desc"`
}

// RoomGifts is what send_gift left in one room: the room's gift switch and each receiver's
// statistics. RoomCreated ties it to one life of the room: a room created again under the same
// ID starts with the switch on and no statistics.
type RoomGifts struct {
	RoomID      string                `json:"RoomId"`
	RoomCreated time.Time             `json:"RoomCreated"`
	GiftsOff    bool                  `json:"GiftsOff,omitempty"`
	Received    map[string]*GiftTally `json:"Received,omitempty"` // by receiver UserID
}

// GiftTally is one receiver's gift statistics in a room (get_gift_count).
type GiftTally struct {
	Sequence   int64    `json:"Sequence"` // send_gift calls that reached this receiver
	TotalCount int64    `json:"TotalCount"`
	TotalCoins int64    `json:"TotalCoins"`
	Senders    []string `json:"Senders"`
}

// GiftCatalog is a snapshot of the gift state: the introspection endpoint's answer and what
// the state file keeps.
type GiftCatalog struct {
	Gifts      []Gift         `json:"Gifts"`
	Categories []GiftCategory `json:"Categories"`
	Rooms      []RoomGifts    `json:"Rooms,omitempty"`
}

// giftState is the live gift state.
type giftState struct {
	gifts      map[string]*Gift
	categories map[string]*GiftCategory
	rooms      map[string]*RoomGifts
}

func (g *giftState) init() {
	if g.gifts == nil {
		g.gifts, g.categories, g.rooms = map[string]*Gift{}, map[string]*GiftCategory{}, map[string]*RoomGifts{}
	}
}

// empty reports whether the app has no gift configuration at all.
func (g *giftState) empty() bool { return len(g.gifts) == 0 && len(g.categories) == 0 }

func (gf *Gift) clone() Gift {
	c := *gf
	c.Languages = maps.Clone(gf.Languages)
	return c
}

func init() {
	live := livespec.ServiceLive
	for _, c := range []struct {
		name     string
		mutating bool
		run      commandFunc
	}{
		{"add_gift", true, (*Server).addGift},
		{"edit_gift", true, (*Server).editGift},
		{"get_gift", false, (*Server).getGift},
		{"del_gift", true, (*Server).delGift},
		{"set_gift_language", true, (*Server).setGiftLanguage},
		{"get_gift_language", false, (*Server).getGiftLanguage},
		{"del_gift_language", true, (*Server).delGiftLanguage},
		{"add_gift_category", true, (*Server).addGiftCategory},
		{"edit_gift_category", true, (*Server).editGiftCategory},
		{"get_gift_category", false, (*Server).getGiftCategory},
		{"del_gift_category", true, (*Server).delGiftCategory},
		{"set_gift_category_language", true, (*Server).setGiftCategoryLanguage},
		{"get_gift_category_language", false, (*Server).getGiftCategoryLanguage},
		{"del_gift_category_language", true, (*Server).delGiftCategoryLanguage},
		{"add_gift_category_relations", true, (*Server).addGiftCategoryRelations},
		{"del_gift_category_relations", true, (*Server).delGiftCategoryRelations},
		{"get_gift_category_relations", false, (*Server).getGiftCategoryRelations},
		{"get_gift_info_list", false, (*Server).getGiftInfoList},
		{livespec.CopyDefaultGiftConfig, true, (*Server).copyDefaultGiftConfig},
		{"send_gift", true, (*Server).sendGift},
		{"get_gift_count", false, (*Server).getGiftCount},
	} {
		register(live, c.name, c.mutating, needsGiftPackage(c.run))
	}
}

// needsGiftPackage answers 102001 for every gift command of an app without a package.
func needsGiftPackage(run commandFunc) commandFunc {
	return func(s *Server, c *call) (result, *apiError) {
		if s.opts.NoPackage {
			return result{}, fail(livespec.CodeGiftNoPackage, "the gift system needs a TUILiveKit trial or paid package")
		}
		return run(s, c)
	}
}

// giftCommandHidden reports whether a switch turns command off, so that it answers as unknown.
func (s *Server) giftCommandHidden(command string) bool {
	return command == "get_gift_info_list" && s.opts.NoGiftInfoList
}

// Gifts returns a snapshot of the gift state, gifts and categories sorted by ID.
func (s *Server) Gifts() GiftCatalog {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.giftCatalogLocked()
}

func (s *Server) giftCatalogLocked() GiftCatalog {
	g := &s.gifts
	out := GiftCatalog{Gifts: make([]Gift, 0, len(g.gifts)), Categories: make([]GiftCategory, 0, len(g.categories))}
	for _, id := range slices.Sorted(maps.Keys(g.gifts)) {
		out.Gifts = append(out.Gifts, g.gifts[id].clone())
	}
	for _, id := range slices.Sorted(maps.Keys(g.categories)) {
		out.Categories = append(out.Categories, g.categories[id].clone())
	}
	for _, id := range slices.Sorted(maps.Keys(g.rooms)) {
		if r, ok := s.rooms[id]; ok && r.CreateTime.Equal(g.rooms[id].RoomCreated) {
			out.Rooms = append(out.Rooms, g.rooms[id].clone())
		}
	}
	return out
}

func (r *RoomGifts) clone() RoomGifts {
	c := *r
	c.Received = make(map[string]*GiftTally, len(r.Received))
	for k, t := range r.Received {
		tc := *t
		tc.Senders = slices.Clone(t.Senders)
		c.Received[k] = &tc
	}
	return c
}

// loadGifts restores a state file's gift catalogue.
func (s *Server) loadGifts(c *GiftCatalog) {
	s.gifts.init()
	if c == nil {
		return
	}
	for i := range c.Gifts {
		gf := c.Gifts[i].clone()
		s.gifts.gifts[gf.GiftID] = &gf
	}
	for i := range c.Categories {
		cat := c.Categories[i].clone()
		s.gifts.categories[cat.CategoryID] = &cat
	}
	for i := range c.Rooms {
		r := c.Rooms[i].clone()
		s.gifts.rooms[r.RoomID] = &r
	}
}

// SetGiftEnabled turns a room's gift switch (the console's IsGiftEnabled) on or off; send_gift
// in a room whose switch is off answers 102008. The switch belongs to this life of the room.
func (s *Server) SetGiftEnabled(roomID string, enabled bool) error {
	s.mu.Lock()
	r, ok := s.roomGiftsLocked(roomID)
	if ok {
		r.GiftsOff = !enabled
		s.gen++
	}
	s.mu.Unlock()
	if !ok {
		return ErrNoSuchRoom
	}
	s.persistSoon()
	return nil
}

// roomGiftsLocked returns the gift state of a live room, fresh when the room is new.
func (s *Server) roomGiftsLocked(roomID string) (*RoomGifts, bool) {
	room, ok := s.roomLocked(roomID, s.opts.Now())
	if !ok {
		return nil, false
	}
	s.gifts.init()
	r, ok := s.gifts.rooms[roomID]
	if !ok || !r.RoomCreated.Equal(room.CreateTime) {
		r = &RoomGifts{RoomID: roomID, RoomCreated: room.CreateTime}
		s.gifts.rooms[roomID] = r
		s.pruneRoomGiftsLocked()
	}
	return r, true
}

// pruneRoomGiftsLocked forgets the gift state of rooms that are gone, once it outgrows the
// rooms: destroy_room does not know about gifts.
func (s *Server) pruneRoomGiftsLocked() {
	if len(s.gifts.rooms) <= 2*len(s.rooms)+64 {
		return
	}
	for id, r := range s.gifts.rooms {
		if room, ok := s.rooms[id]; !ok || !room.CreateTime.Equal(r.RoomCreated) {
			delete(s.gifts.rooms, id)
		}
	}
}

// Field readers of the gift commands. Every failure is 100002 naming the field and the limit.

// giftID reads a required identifier field (GiftId, CategoryId): 1 to limit bytes.
func giftID(o object, name string, limit int) (string, *apiError) {
	id, present, err := o.str(name)
	if err != nil {
		return "", err
	}
	if !present || id == "" {
		return "", invalidParam(name + " is required")
	}
	if len(id) > limit {
		return "", invalidParam(fmt.Sprintf("%s exceeds %d bytes", name, limit))
	}
	return id, nil
}

// giftText reads an optional string field of at most limit bytes.
func giftText(o object, name string, limit int) (string, bool, *apiError) {
	v, present, err := o.str(name)
	if err != nil {
		return "", present, err
	}
	if len(v) > limit {
		return "", true, invalidParam(fmt.Sprintf("%s exceeds %d bytes", name, limit))
	}
	return v, present, nil
}

// requiredName reads a required, non-empty name field of at most limit bytes.
func requiredName(o object, name string, limit int) (string, *apiError) {
	v, present, err := giftText(o, name, limit)
	if err != nil {
		return "", err
	}
	if !present || v == "" {
		return "", invalidParam(name + " is required")
	}
	return v, nil
}

// giftNumber reads Coins or Level: an integer from 0 to livespec.MaxGiftNumber.
func giftNumber(o object, name string) (int64, bool, *apiError) {
	n, present, err := o.integer(name)
	if err != nil {
		return 0, present, err
	}
	if n < 0 || n > livespec.MaxGiftNumber {
		return 0, true, invalidParam(fmt.Sprintf("%s must be between 0 and %d", name, livespec.MaxGiftNumber))
	}
	return n, present, nil
}

// extensionInfo reads ExtensionInfo: "" or JSON text, at most 100 bytes.
func extensionInfo(o object) (string, *apiError) {
	v, _, err := giftText(o, "ExtensionInfo", livespec.MaxGiftExtensionInfoBytes)
	if err != nil {
		return "", err
	}
	if v != "" && !json.Valid([]byte(v)) {
		return "", invalidParam("ExtensionInfo must be JSON text")
	}
	return v, nil
}

// language reads the required Language field: one of livespec.GiftLanguages.
func language(o object) (string, *apiError) {
	lang, present, err := o.str("Language")
	if err != nil {
		return "", err
	}
	if !present || lang == "" {
		return "", invalidParam("Language is required")
	}
	if !livespec.IsGiftLanguage(lang) {
		return "", invalidParam(fmt.Sprintf("Language %q is not one of %s", lang, strings.Join(livespec.GiftLanguages, ", ")))
	}
	return lang, nil
}

// giftFields reads the body of add_gift and edit_gift: every default field, blanks included.
func giftFields(o object) (Gift, *apiError) {
	var gf Gift
	var err *apiError
	if gf.GiftID, err = giftID(o, "GiftId", livespec.MaxGiftIDBytes); err != nil {
		return gf, err
	}
	if gf.DefaultName, err = requiredName(o, "DefaultName", livespec.MaxGiftNameBytes); err != nil {
		return gf, err
	}
	if gf.DefaultDesc, _, err = giftText(o, "DefaultDesc", livespec.MaxGiftDescBytes); err != nil {
		return gf, err
	}
	coins, present, err := giftNumber(o, "Coins")
	if err != nil {
		return gf, err
	}
	if !present {
		return gf, invalidParam("Coins is required")
	}
	gf.Coins = coins
	if gf.Level, _, err = giftNumber(o, "Level"); err != nil {
		return gf, err
	}
	if gf.IconURL, _, err = giftText(o, "IconUrl", livespec.MaxGiftURLBytes); err != nil {
		return gf, err
	}
	if gf.ResourceURL, _, err = giftText(o, "ResourceUrl", livespec.MaxGiftURLBytes); err != nil {
		return gf, err
	}
	if gf.ExtensionInfo, err = extensionInfo(o); err != nil {
		return gf, err
	}
	return gf, nil
}

func giftNotFound(id string) *apiError {
	return fail(livespec.CodeGiftNotFound, fmt.Sprintf("GiftId %s does not exist", id))
}

func (s *Server) addGift(c *call) (result, *apiError) {
	gf, err := giftFields(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	if _, ok := s.gifts.gifts[gf.GiftID]; ok {
		return result{}, invalidParam(fmt.Sprintf("GiftId %s already exists", gf.GiftID))
	}
	if len(s.gifts.gifts) >= s.opts.GiftQuota {
		return result{}, fail(livespec.CodeOverPackageLimit, fmt.Sprintf("the package allows at most %d gifts", s.opts.GiftQuota))
	}
	gf.CreateTime = s.opts.Now()
	s.gifts.gifts[gf.GiftID] = &gf
	s.gen++
	return result{}, nil
}

// editGift replaces every default field (a blank one is cleared); translations, relations and
// the creation time stay.
func (s *Server) editGift(c *call) (result, *apiError) {
	gf, err := giftFields(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	old, ok := s.gifts.gifts[gf.GiftID]
	if !ok {
		return result{}, giftNotFound(gf.GiftID)
	}
	gf.CreateTime, gf.Languages = old.CreateTime, old.Languages
	*old = gf
	s.gen++
	return result{}, nil
}

// giftInfoWire is get_gift's top-level GiftInfo; IconURL replaces IconUrl with
// Options.GiftIconURLUpper, the spelling of the page's field table.
type giftInfoWire struct {
	GiftID        string  `json:"GiftId"`
	IconURL       *string `json:"IconUrl,omitempty"`
	IconURLUpper  *string `json:"IconURL,omitempty"`
	ResourceURL   string  `json:"ResourceUrl"`
	Coins         int64   `json:"Coins"`
	Level         int64   `json:"Level"`
	ExtensionInfo string  `json:"ExtensionInfo"`
	DefaultName   string  `json:"DefaultName"`
	DefaultDesc   string  `json:"DefaultDesc"`
}

func (s *Server) getGift(c *call) (result, *apiError) {
	id, err := giftID(c.body, "GiftId", livespec.MaxGiftIDBytes)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	gf, ok := s.gifts.gifts[id]
	if !ok {
		return result{}, giftNotFound(id)
	}
	info := giftInfoWire{GiftID: gf.GiftID, ResourceURL: gf.ResourceURL, Coins: gf.Coins, Level: gf.Level,
		ExtensionInfo: gf.ExtensionInfo, DefaultName: gf.DefaultName, DefaultDesc: gf.DefaultDesc}
	icon := gf.IconURL
	if s.opts.GiftIconURLUpper {
		info.IconURLUpper = &icon
	} else {
		info.IconURL = &icon
	}
	return result{payload: struct{ GiftInfo giftInfoWire }{info}, topLevel: true}, nil
}

// delGift deletes a gift with its translations and its place in every category; an absent gift
// is a success.
func (s *Server) delGift(c *call) (result, *apiError) {
	id, err := giftID(c.body, "GiftId", livespec.MaxGiftIDBytes)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	if _, ok := s.gifts.gifts[id]; !ok {
		return result{}, nil
	}
	delete(s.gifts.gifts, id)
	for _, cat := range s.gifts.categories {
		cat.GiftIDs = slices.DeleteFunc(cat.GiftIDs, func(g string) bool { return g == id })
	}
	s.gen++
	return result{}, nil
}

// setLanguage upserts a translation with the vendor's merge rule: only the fields present
// change; the name is required on the first set. nameField/descField are the body's names.
func setLanguage(o object, entries map[string]GiftText, lang, nameField, descField string, nameLimit, descLimit int) (map[string]GiftText, *apiError) {
	name, namePresent, err := giftText(o, nameField, nameLimit)
	if err != nil {
		return nil, err
	}
	if namePresent && name == "" {
		return nil, invalidParam(nameField + " must not be empty")
	}
	desc, descPresent, err := giftText(o, descField, descLimit)
	if err != nil {
		return nil, err
	}
	entry, exists := entries[lang]
	if !exists && !namePresent {
		return nil, invalidParam(fmt.Sprintf("%s is required the first time language %s is set", nameField, lang))
	}
	if namePresent {
		entry.Name = name
	}
	if descPresent {
		entry.Desc = desc
	}
	if entries == nil {
		entries = map[string]GiftText{}
	}
	entries[lang] = entry
	return entries, nil
}

// languageBody reads the id field and Language of a translation command.
func languageBody(o object, idField string, idLimit int) (id, lang string, err *apiError) {
	if id, err = giftID(o, idField, idLimit); err != nil {
		return "", "", err
	}
	lang, err = language(o)
	return id, lang, err
}

func (s *Server) setGiftLanguage(c *call) (result, *apiError) {
	return s.setTranslation(c, giftTranslations)
}

// languageAnswer shapes a translation read: the documented top-level object (GiftInfo or
// CategoryInfo), or with Options.GiftLanguageInResponse the console's Response.Language.
func (s *Server) languageAnswer(topLevelName string, entry any) result {
	if s.opts.GiftLanguageInResponse {
		return result{payload: map[string]any{"Language": entry}}
	}
	return result{payload: map[string]any{topLevelName: entry}, topLevel: true}
}

func noLanguageEntry(idField, id, lang string) *apiError {
	return invalidParam(fmt.Sprintf("%s %s has no %s entry", idField, id, lang))
}

func (s *Server) getGiftLanguage(c *call) (result, *apiError) {
	return s.getTranslation(c, giftTranslations)
}

// delGiftLanguage: an absent gift or entry is a success, like the other deletes.
func (s *Server) delGiftLanguage(c *call) (result, *apiError) {
	return s.delTranslation(c, giftTranslations)
}

// sendGift: the admin sends Count gifts from From_Account to each receiver in a room.
func (s *Server) sendGift(c *call) (result, *apiError) {
	roomID, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	giftIDValue, err := giftID(c.body, "GiftId", livespec.MaxGiftIDBytes)
	if err != nil {
		return result{}, err
	}
	from, present, err := c.body.account("From_Account")
	if err != nil {
		return result{}, err
	}
	if !present || from == "" || len(from) > livespec.MaxUserIDBytes {
		return result{}, invalidParam(fmt.Sprintf("From_Account is required, at most %d bytes", livespec.MaxUserIDBytes))
	}
	receivers, err := accountListField(c.body, "ReceiverList_Account")
	if err != nil {
		return result{}, err
	}
	count, present, err := c.body.integer("Count")
	if err != nil {
		return result{}, err
	}
	if !present {
		count = 1
	}
	if count < 1 || count > livespec.MaxGiftNumber {
		return result{}, invalidParam(fmt.Sprintf("Count must be between 1 and %d", livespec.MaxGiftNumber))
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	room, ok := s.roomGiftsLocked(roomID)
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	if room.GiftsOff {
		return result{}, fail(livespec.CodeGiftDisabledInRoom, "the room's gift switch is off")
	}
	gf, ok := s.gifts.gifts[giftIDValue]
	if !ok {
		return result{}, giftNotFound(giftIDValue)
	}
	if room.Received == nil {
		room.Received = map[string]*GiftTally{}
	}
	for _, to := range receivers {
		t, ok := room.Received[to]
		if !ok {
			t = &GiftTally{}
			room.Received[to] = t
		}
		t.Sequence++
		t.TotalCount += count
		t.TotalCoins += count * gf.Coins
		if !slices.Contains(t.Senders, from) {
			t.Senders = append(t.Senders, from)
		}
	}
	s.gen++
	return result{}, nil
}

// getGiftCount answers the gift statistics From_Account received in a room (zeros when none).
func (s *Server) getGiftCount(c *call) (result, *apiError) {
	roomID, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	user, present, err := c.body.account("From_Account")
	if err != nil {
		return result{}, err
	}
	if !present || user == "" {
		return result{}, invalidParam("From_Account is required")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	room, ok := s.roomGiftsLocked(roomID)
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	var t GiftTally
	if got, ok := room.Received[user]; ok {
		t = *got
	}
	return result{payload: struct {
		Sequence        int64
		TotalCount      int64
		TotalCoins      int64
		GiftSenderCount int
	}{t.Sequence, t.TotalCount, t.TotalCoins, len(t.Senders)}}, nil
}
