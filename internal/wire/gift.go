package wire

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// The gift system: the app-wide gift catalogue (gifts, categories, their translations and
// which gifts each category shows) and the per-room send_gift / get_gift_count. Every
// configuration command is paced at 1 call/s per command (or one shared budget with
// Config.SharedGiftRateBudget); the service's 100012 over that rate is a refusal, not an
// execution, and is retried after a second.

// Gift is one gift of the catalogue: what add_gift and edit_gift send (every field, blanks
// included) and get_gift answers. Byte limits are in livespec (MaxGift*).
type Gift struct {
	ID          string `json:"GiftId"`      // unique within the SDKAppID, chosen by the caller
	DefaultName string `json:"DefaultName"` // shown when no translation matches the client's language
	DefaultDesc string `json:"DefaultDesc"`
	Coins       int64  `json:"Coins"` // price in the app's virtual currency
	Level       int64  `json:"Level"` // gift tier
	// IconURL is answered as IconUrl (the documented example) or IconURL (the field table);
	// decoding matches both.
	IconURL     string `json:"IconUrl"`
	ResourceURL string `json:"ResourceUrl"` // the effect (mp4, svga…)
	// ExtensionInfo is JSON text the app defines; the service may reformat it, so compare it as
	// JSON, not as text.
	ExtensionInfo string `json:"ExtensionInfo"`
}

// GiftText is one translation of a gift (Name, Desc) or of a category (CategoryName,
// CategoryDesc on the wire).
type GiftText struct {
	Name string
	Desc string
}

// GiftCategory is one category of the gift panel: its defaults, not its gifts (the relations
// commands manage those).
type GiftCategory struct {
	ID            string `json:"CategoryId"`
	DefaultName   string `json:"DefaultName"`
	DefaultDesc   string `json:"DefaultDesc"`
	ExtensionInfo string `json:"ExtensionInfo"`
}

// Languages maps a language code (livespec.GiftLanguages) to its translation.
type Languages map[string]GiftText

// GiftRecord is a gift with everything read about it: defaults, translations and, from the
// bulk read, its creation time.
type GiftRecord struct {
	Gift
	Languages  Languages
	CreateTime int64 // Unix seconds; 0 when read with the documented commands, which do not answer it
}

// GiftCategoryRecord is a category with its translations and the IDs of the gifts it shows,
// in the service's order.
type GiftCategoryRecord struct {
	GiftCategory
	Languages Languages
	GiftIDs   []string
}

// GiftCatalog is the whole gift configuration of the app, as the bulk read answers it.
type GiftCatalog struct {
	Gifts      []GiftRecord
	Categories []GiftCategoryRecord
}

// Errors the gift reads wrap around the service's *Error (CodeOf still reads its code).
var (
	// ErrGiftNotFound: the gift does not exist (102002).
	ErrGiftNotFound = errors.New("the gift does not exist")
	// ErrGiftCategoryNotFound: the category does not exist. The service answers 100002 naming
	// the category (a project decision, the docs are silent); the methods send only valid
	// requests, so a 100002 to a category command can mean nothing else.
	ErrGiftCategoryNotFound = errors.New("the gift category does not exist")
	// ErrBulkReadUnavailable: get_gift_info_list is not served (60009). It is known only from
	// Tencent's console; read with ReadGift and ReadGiftCategory instead.
	ErrBulkReadUnavailable = errors.New("the bulk gift read get_gift_info_list is not available")
)

func (c *Client) giftCall(ctx context.Context, command string, req, resp any) error {
	return c.Call(ctx, livespec.ServiceLive, command, req, resp)
}

// giftNotFound wraps a 102002 answer in ErrGiftNotFound.
func giftNotFound(err error) error {
	if CodeOf(err) == livespec.CodeGiftNotFound {
		return fmt.Errorf("%w: %w", ErrGiftNotFound, err)
	}
	return err
}

// categoryNotFound wraps a 100002 answer to a category command in ErrGiftCategoryNotFound.
func categoryNotFound(err error) error {
	if CodeOf(err) == livespec.CodeInvalidParam {
		return fmt.Errorf("%w: %w", ErrGiftCategoryNotFound, err)
	}
	return err
}

func checkLanguage(command, lang string) error {
	if !livespec.IsGiftLanguage(lang) {
		return fmt.Errorf("%s: language %q is not one of %s", command, lang, strings.Join(livespec.GiftLanguages, ", "))
	}
	return nil
}

type giftIDBody struct {
	GiftID string `json:"GiftId"`
}

type categoryIDBody struct {
	CategoryID string `json:"CategoryId"`
}

type giftLanguageBody struct {
	GiftID   string `json:"GiftId"`
	Language string `json:"Language"`
}

type categoryLanguageBody struct {
	CategoryID string `json:"CategoryId"`
	Language   string `json:"Language"`
}

// AddGift creates a gift. An existing ID is refused with 100002 naming it; over the package's
// gift quota with 100013. When an attempt's answer was lost and the retry meets 100002, the
// gift is read back: if it is the gift sent, the lost attempt made it and AddGift succeeds.
func (c *Client) AddGift(ctx context.Context, g Gift) error {
	err := c.giftCall(ctx, "add_gift", g, nil)
	if madeByLostAttempt(err) {
		if got, gerr := c.GetGift(ctx, g.ID); gerr == nil && sameGift(got, g) {
			return nil
		}
	}
	return err
}

// madeByLostAttempt reports whether err is a 100002 (exists) after an attempt of the same call
// got no answer, which may have created what the call creates.
func madeByLostAttempt(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == livespec.CodeInvalidParam && e.UnansweredBefore
}

// sameGift compares two gifts, ExtensionInfo as JSON (the service may reformat it).
func sameGift(a, b Gift) bool {
	ea, eb := a.ExtensionInfo, b.ExtensionInfo
	a.ExtensionInfo, b.ExtensionInfo = "", ""
	return a == b && sameJSON(ea, eb)
}

// sameJSON reports whether two JSON texts hold the same value ("" only equals "").
func sameJSON(a, b string) bool {
	if a == b {
		return true
	}
	var va, vb any
	if json.Unmarshal([]byte(a), &va) != nil || json.Unmarshal([]byte(b), &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

// EditGift replaces every default field of a gift (a blank one is cleared); its translations
// and categories stay. A missing gift wraps ErrGiftNotFound.
func (c *Client) EditGift(ctx context.Context, g Gift) error {
	return giftNotFound(c.giftCall(ctx, "edit_gift", g, nil))
}

// GetGift reads a gift's defaults (no translations, no categories). A missing gift wraps
// ErrGiftNotFound.
func (c *Client) GetGift(ctx context.Context, id string) (Gift, error) {
	var resp struct{ GiftInfo *Gift }
	if err := c.giftCall(ctx, "get_gift", giftIDBody{id}, wholeAnswer{&resp}); err != nil {
		return Gift{}, giftNotFound(err)
	}
	if resp.GiftInfo == nil {
		return Gift{}, fmt.Errorf("get_gift: the answer for gift %q carries no GiftInfo", id)
	}
	return *resp.GiftInfo, nil
}

// DeleteGift deletes a gift, its translations and its place in every category. Deleting a
// gift that does not exist succeeds.
func (c *Client) DeleteGift(ctx context.Context, id string) error {
	return c.giftCall(ctx, "del_gift", giftIDBody{id}, nil)
}

// SetGiftLanguage writes a gift's translation in lang, Name and Desc both (an empty Desc clears
// it; Name must not be empty). A missing gift wraps ErrGiftNotFound.
func (c *Client) SetGiftLanguage(ctx context.Context, giftID, lang string, t GiftText) error {
	if err := checkLanguage("set_gift_language", lang); err != nil {
		return err
	}
	req := struct {
		GiftID   string `json:"GiftId"`
		Language string `json:"Language"`
		Name     string `json:"Name"`
		Desc     string `json:"Desc"`
	}{giftID, lang, t.Name, t.Desc}
	return giftNotFound(c.giftCall(ctx, "set_gift_language", req, nil))
}

// GetGiftLanguage reads a gift's translation in lang; ok is false when the gift has none in
// that language. A missing gift wraps ErrGiftNotFound. Both answer shapes are read: the
// documented top-level GiftInfo and the console's Response.Language.
func (c *Client) GetGiftLanguage(ctx context.Context, giftID, lang string) (t GiftText, ok bool, err error) {
	if err := checkLanguage("get_gift_language", lang); err != nil {
		return GiftText{}, false, err
	}
	var resp struct {
		GiftInfo *GiftText
		Response struct{ Language *GiftText }
	}
	err = c.giftCall(ctx, "get_gift_language", giftLanguageBody{giftID, lang}, wholeAnswer{&resp})
	switch {
	case CodeOf(err) == livespec.CodeInvalidParam: // the request is valid: the entry is absent
		return GiftText{}, false, nil
	case err != nil:
		return GiftText{}, false, giftNotFound(err)
	case resp.GiftInfo != nil:
		return *resp.GiftInfo, true, nil
	case resp.Response.Language != nil:
		return *resp.Response.Language, true, nil
	}
	return GiftText{}, false, fmt.Errorf("get_gift_language: the answer for gift %q carries no translation", giftID)
}

// DeleteGiftLanguage removes a gift's translation in lang; an absent one (or gift) succeeds.
func (c *Client) DeleteGiftLanguage(ctx context.Context, giftID, lang string) error {
	if err := checkLanguage("del_gift_language", lang); err != nil {
		return err
	}
	return c.giftCall(ctx, "del_gift_language", giftLanguageBody{giftID, lang}, nil)
}

// AddGiftCategory creates a category. An existing ID is refused with 100002 naming it; over the
// package's category quota with 100013. As AddGift does, it recognises the category a lost
// attempt made.
func (c *Client) AddGiftCategory(ctx context.Context, cat GiftCategory) error {
	err := c.giftCall(ctx, "add_gift_category", cat, nil)
	if madeByLostAttempt(err) {
		got, gerr := c.GetGiftCategory(ctx, cat.ID)
		ea, eb := got.ExtensionInfo, cat.ExtensionInfo
		got.ExtensionInfo, cat.ExtensionInfo = "", ""
		if gerr == nil && got == cat && sameJSON(ea, eb) {
			return nil
		}
	}
	return err
}

// EditGiftCategory replaces every default field of a category; its translations and gifts
// stay. A missing category wraps ErrGiftCategoryNotFound.
func (c *Client) EditGiftCategory(ctx context.Context, cat GiftCategory) error {
	return categoryNotFound(c.giftCall(ctx, "edit_gift_category", cat, nil))
}

// GetGiftCategory reads a category's defaults. A missing category wraps
// ErrGiftCategoryNotFound.
func (c *Client) GetGiftCategory(ctx context.Context, id string) (GiftCategory, error) {
	var resp struct{ GiftCategoryInfo *GiftCategory }
	if err := c.giftCall(ctx, "get_gift_category", categoryIDBody{id}, wholeAnswer{&resp}); err != nil {
		return GiftCategory{}, categoryNotFound(err)
	}
	if resp.GiftCategoryInfo == nil {
		return GiftCategory{}, fmt.Errorf("get_gift_category: the answer for category %q carries no GiftCategoryInfo", id)
	}
	return *resp.GiftCategoryInfo, nil
}

// DeleteGiftCategory deletes a category with its translations and relations; its gifts stay.
// Deleting a category that does not exist succeeds.
func (c *Client) DeleteGiftCategory(ctx context.Context, id string) error {
	return c.giftCall(ctx, "del_gift_category", categoryIDBody{id}, nil)
}

// categoryText is a category translation as the wire names its fields.
type categoryText struct {
	CategoryName string
	CategoryDesc string
}

// SetGiftCategoryLanguage writes a category's translation in lang (Name → CategoryName, Desc →
// CategoryDesc; an empty Desc clears it). A missing category wraps ErrGiftCategoryNotFound.
func (c *Client) SetGiftCategoryLanguage(ctx context.Context, categoryID, lang string, t GiftText) error {
	if err := checkLanguage("set_gift_category_language", lang); err != nil {
		return err
	}
	req := struct {
		CategoryID string `json:"CategoryId"`
		Language   string `json:"Language"`
		categoryText
	}{categoryID, lang, categoryText{t.Name, t.Desc}}
	return categoryNotFound(c.giftCall(ctx, "set_gift_category_language", req, nil))
}

// GetGiftCategoryLanguage reads a category's translation in lang; ok is false when it has none
// in that language. The service answers a missing category with 100002 too; this wraps
// ErrGiftCategoryNotFound only when ErrorInfo says the category "does not exist", so an
// unexpected wording reads as a missing translation, never as a deleted category (ReadGiftCategory
// reads the category itself first).
func (c *Client) GetGiftCategoryLanguage(ctx context.Context, categoryID, lang string) (t GiftText, ok bool, err error) {
	if err := checkLanguage("get_gift_category_language", lang); err != nil {
		return GiftText{}, false, err
	}
	var resp struct {
		CategoryInfo *categoryText
		Response     struct{ Language *categoryText }
	}
	err = c.giftCall(ctx, "get_gift_category_language", categoryLanguageBody{categoryID, lang}, wholeAnswer{&resp})
	if err != nil {
		var e *Error
		if errors.As(err, &e) && e.Code == livespec.CodeInvalidParam && !strings.Contains(e.Message, "does not exist") {
			return GiftText{}, false, nil
		}
		return GiftText{}, false, categoryNotFound(err)
	}
	got := resp.CategoryInfo
	if got == nil {
		got = resp.Response.Language
	}
	if got == nil {
		return GiftText{}, false, fmt.Errorf("get_gift_category_language: the answer for category %q carries no translation", categoryID)
	}
	return GiftText{Name: got.CategoryName, Desc: got.CategoryDesc}, true, nil
}

// DeleteGiftCategoryLanguage removes a category's translation in lang; an absent one (or
// category) succeeds.
func (c *Client) DeleteGiftCategoryLanguage(ctx context.Context, categoryID, lang string) error {
	if err := checkLanguage("del_gift_category_language", lang); err != nil {
		return err
	}
	return c.giftCall(ctx, "del_gift_category_language", categoryLanguageBody{categoryID, lang}, nil)
}

type relationsBody struct {
	CategoryID string   `json:"CategoryId"`
	GiftIDs    []string `json:"GiftIdList"`
}

// AddGiftCategoryRelations adds gifts to a category, keeping those it shows; invalid lists the
// IDs the service did not add (no such gift). A missing category wraps ErrGiftCategoryNotFound.
// An empty giftIDs sends nothing.
func (c *Client) AddGiftCategoryRelations(ctx context.Context, categoryID string, giftIDs []string) (invalid []string, err error) {
	if len(giftIDs) == 0 {
		return nil, nil
	}
	var resp struct {
		InvalidGiftIDList []string `json:"InvalidGiftIdList"`
	}
	if err := c.giftCall(ctx, "add_gift_category_relations", relationsBody{categoryID, giftIDs}, wholeAnswer{&resp}); err != nil {
		return nil, categoryNotFound(err)
	}
	return resp.InvalidGiftIDList, nil
}

// DeleteGiftCategoryRelations removes gifts from a category; IDs it does not show, or a
// category that does not exist, succeed. An empty giftIDs sends nothing.
func (c *Client) DeleteGiftCategoryRelations(ctx context.Context, categoryID string, giftIDs []string) error {
	if len(giftIDs) == 0 {
		return nil
	}
	return c.giftCall(ctx, "del_gift_category_relations", relationsBody{categoryID, giftIDs}, nil)
}

// GetGiftCategoryRelations returns the IDs of the gifts a category shows, in the service's
// order. A missing category wraps ErrGiftCategoryNotFound.
func (c *Client) GetGiftCategoryRelations(ctx context.Context, categoryID string) ([]string, error) {
	var resp struct {
		Relation *relationsBody
	}
	if err := c.giftCall(ctx, "get_gift_category_relations", categoryIDBody{categoryID}, wholeAnswer{&resp}); err != nil {
		return nil, categoryNotFound(err)
	}
	if resp.Relation == nil {
		return nil, fmt.Errorf("get_gift_category_relations: the answer for category %q carries no Relation", categoryID)
	}
	return append([]string{}, resp.Relation.GiftIDs...), nil
}

// giftInfoList is get_gift_info_list's Response.
type giftInfoList struct {
	GiftList []struct {
		ID            string `json:"GiftId"`
		Name          string // the default name
		Desc          string
		IconURL       string `json:"IconUrl"`
		ResourceURL   string `json:"ResourceUrl"`
		Coins         int64
		Level         int64
		ExtensionInfo string
		CreateTime    int64
		LanguageList  []struct{ Language, Name, Desc string }
	}
	CategoryList []struct {
		ID            string `json:"CategoryId"`
		CategoryName  string // the default name
		CategoryDesc  string
		ExtensionInfo string
		GiftIDList    []string `json:"GiftIdList"`
		LanguageList  []struct{ Language, CategoryName, CategoryDesc string }
	}
}

// GetGiftCatalog reads the whole gift configuration in one call (get_gift_info_list, known
// from Tencent's console only). Where the service does not serve it, the error wraps
// ErrBulkReadUnavailable: read each gift with ReadGift and each category with
// ReadGiftCategory instead.
func (c *Client) GetGiftCatalog(ctx context.Context) (GiftCatalog, error) {
	var resp giftInfoList
	if err := c.giftCall(ctx, "get_gift_info_list", nil, &resp); err != nil {
		if CodeOf(err) == livespec.CodeUnknownCommand {
			return GiftCatalog{}, fmt.Errorf("%w: %w", ErrBulkReadUnavailable, err)
		}
		return GiftCatalog{}, err
	}
	out := GiftCatalog{Gifts: make([]GiftRecord, 0, len(resp.GiftList)), Categories: make([]GiftCategoryRecord, 0, len(resp.CategoryList))}
	for _, g := range resp.GiftList {
		rec := GiftRecord{Gift: Gift{ID: g.ID, DefaultName: g.Name, DefaultDesc: g.Desc, Coins: g.Coins, Level: g.Level,
			IconURL: g.IconURL, ResourceURL: g.ResourceURL, ExtensionInfo: g.ExtensionInfo}, CreateTime: g.CreateTime, Languages: Languages{}}
		for _, l := range g.LanguageList {
			rec.Languages[l.Language] = GiftText{Name: l.Name, Desc: l.Desc}
		}
		out.Gifts = append(out.Gifts, rec)
	}
	for _, cat := range resp.CategoryList {
		rec := GiftCategoryRecord{GiftCategory: GiftCategory{ID: cat.ID, DefaultName: cat.CategoryName, DefaultDesc: cat.CategoryDesc,
			ExtensionInfo: cat.ExtensionInfo}, GiftIDs: append([]string{}, cat.GiftIDList...), Languages: Languages{}}
		for _, l := range cat.LanguageList {
			rec.Languages[l.Language] = GiftText{Name: l.CategoryName, Desc: l.CategoryDesc}
		}
		out.Categories = append(out.Categories, rec)
	}
	return out, nil
}

// ReadGift reads one gift with the documented commands: get_gift and get_gift_language for
// each language, 1 + len(livespec.GiftLanguages) calls at 1/s each command. It is the fallback
// of GetGiftCatalog. A missing gift wraps ErrGiftNotFound.
func (c *Client) ReadGift(ctx context.Context, id string) (GiftRecord, error) {
	g, err := c.GetGift(ctx, id)
	if err != nil {
		return GiftRecord{}, err
	}
	rec := GiftRecord{Gift: g, Languages: Languages{}}
	for _, lang := range livespec.GiftLanguages {
		t, ok, err := c.GetGiftLanguage(ctx, id, lang)
		if err != nil {
			return GiftRecord{}, err
		}
		if ok {
			rec.Languages[lang] = t
		}
	}
	return rec, nil
}

// ReadGiftCategory reads one category with the documented commands: get_gift_category, its
// translations and its relations (2 + len(livespec.GiftLanguages) calls). A missing category
// wraps ErrGiftCategoryNotFound.
func (c *Client) ReadGiftCategory(ctx context.Context, id string) (GiftCategoryRecord, error) {
	cat, err := c.GetGiftCategory(ctx, id)
	if err != nil {
		return GiftCategoryRecord{}, err
	}
	rec := GiftCategoryRecord{GiftCategory: cat, Languages: Languages{}}
	for _, lang := range livespec.GiftLanguages {
		t, ok, err := c.GetGiftCategoryLanguage(ctx, id, lang)
		if err != nil {
			return GiftCategoryRecord{}, err
		}
		if ok {
			rec.Languages[lang] = t
		}
	}
	if rec.GiftIDs, err = c.GetGiftCategoryRelations(ctx, id); err != nil {
		return GiftCategoryRecord{}, err
	}
	return rec, nil
}

// CopyDefaultGiftConfig seeds Tencent's demo catalogue (15 gifts in 3 categories) into an app
// with no gift configuration; otherwise 102010. It is paced at one call per 10 s. The
// provider never calls it: it would add gifts nobody declared.
func (c *Client) CopyDefaultGiftConfig(ctx context.Context) error {
	return c.giftCall(ctx, livespec.CopyDefaultGiftConfig, nil, nil)
}

// SendGift is one send_gift: From sends Count of a gift to each receiver in a room.
type SendGift struct {
	RoomID    string   `json:"RoomId"`
	GiftID    string   `json:"GiftId"`
	From      string   `json:"From_Account"`
	Receivers []string `json:"ReceiverList_Account"`
	Count     int64    `json:"Count,omitempty"` // 0 leaves it out: the service counts 1
}

// SendGift sends a gift in a room as the admin. 102008: the room's gift switch is off;
// 102002: no such gift; 100004: no such room.
func (c *Client) SendGift(ctx context.Context, s SendGift) error {
	return c.giftCall(ctx, "send_gift", s, nil)
}

// GiftCount is a user's received-gift statistics in a room (get_gift_count).
type GiftCount struct {
	Sequence        int64
	TotalCount      int64 // gifts received
	TotalCoins      int64 // their value in coins
	GiftSenderCount int64 // distinct senders
}

// GetGiftCount reads the gift statistics userID received in a room.
func (c *Client) GetGiftCount(ctx context.Context, roomID, userID string) (GiftCount, error) {
	req := struct {
		RoomID string `json:"RoomId"`
		User   string `json:"From_Account"`
	}{roomID, userID}
	var out GiftCount
	err := c.giftCall(ctx, "get_gift_count", req, &out)
	return out, err
}
