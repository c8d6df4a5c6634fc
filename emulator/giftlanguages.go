package emulator

import (
	"maps"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// translated is what the gift's and the category's language commands differ in: the body's
// field names and limits, where the translations live, and how a read answers one.
type translated struct {
	idField              string
	idLimit              int
	nameField, descField string
	nameLimit, descLimit int
	// languages finds the translations of id under the lock; ok is false when id is absent.
	languages func(g *giftState, id string) (langs *map[string]GiftText, ok bool)
	notFound  func(id string) *apiError
	infoName  string             // the documented top-level object of a read
	answer    func(GiftText) any // one translation as a read names its fields
}

var giftTranslations = translated{
	idField: "GiftId", idLimit: livespec.MaxGiftIDBytes,
	nameField: "Name", descField: "Desc", nameLimit: livespec.MaxGiftNameBytes, descLimit: livespec.MaxGiftDescBytes,
	languages: func(g *giftState, id string) (*map[string]GiftText, bool) {
		if gf, ok := g.gifts[id]; ok {
			return &gf.Languages, true
		}
		return nil, false
	},
	notFound: giftNotFound,
	infoName: "GiftInfo",
	answer:   func(t GiftText) any { return t },
}

var categoryTranslations = translated{
	idField: "CategoryId", idLimit: livespec.MaxCategoryIDBytes,
	nameField: "CategoryName", descField: "CategoryDesc", nameLimit: livespec.MaxCategoryNameBytes, descLimit: livespec.MaxCategoryDescBytes,
	languages: func(g *giftState, id string) (*map[string]GiftText, bool) {
		if cat, ok := g.categories[id]; ok {
			return &cat.Languages, true
		}
		return nil, false
	},
	notFound: categoryNotFound,
	infoName: "CategoryInfo",
	answer:   func(t GiftText) any { return categoryText{t.Name, t.Desc} },
}

// setTranslation is set_gift_language and set_gift_category_language.
func (s *Server) setTranslation(c *call, k translated) (result, *apiError) {
	id, lang, err := languageBody(c.body, k.idField, k.idLimit)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	langs, ok := k.languages(&s.gifts, id)
	if !ok {
		return result{}, k.notFound(id)
	}
	updated, err := setLanguage(c.body, maps.Clone(*langs), lang, k.nameField, k.descField, k.nameLimit, k.descLimit)
	if err != nil {
		return result{}, err
	}
	*langs = updated
	s.gen++
	return result{}, nil
}

// getTranslation is get_gift_language and get_gift_category_language.
func (s *Server) getTranslation(c *call, k translated) (result, *apiError) {
	id, lang, err := languageBody(c.body, k.idField, k.idLimit)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	langs, ok := k.languages(&s.gifts, id)
	if !ok {
		return result{}, k.notFound(id)
	}
	entry, ok := (*langs)[lang]
	if !ok {
		return result{}, noLanguageEntry(k.idField, id, lang)
	}
	return s.languageAnswer(k.infoName, k.answer(entry)), nil
}

// delTranslation is del_gift_language and del_gift_category_language: an absent gift,
// category or entry is a success, like the other deletes.
func (s *Server) delTranslation(c *call, k translated) (result, *apiError) {
	id, lang, err := languageBody(c.body, k.idField, k.idLimit)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	if langs, ok := k.languages(&s.gifts, id); ok {
		if _, ok := (*langs)[lang]; ok {
			*langs = maps.Clone(*langs)
			delete(*langs, lang)
			s.gen++
		}
	}
	return result{}, nil
}
