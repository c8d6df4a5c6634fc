package emulator

import (
	"fmt"
	"maps"
	"slices"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// GiftCategory is the emulator's record of one gift category. Its translations hold
// CategoryName/CategoryDesc as Name/Desc; GiftIDs are its relations, in the order added.
type GiftCategory struct {
	CategoryID    string              `json:"CategoryId"`
	DefaultName   string              `json:"DefaultName"`
	DefaultDesc   string              `json:"DefaultDesc"`
	ExtensionInfo string              `json:"ExtensionInfo"`
	Languages     map[string]GiftText `json:"Languages,omitempty"`
	GiftIDs       []string            `json:"GiftIdList"`
}

func (c *GiftCategory) clone() GiftCategory {
	out := *c
	out.Languages = maps.Clone(c.Languages)
	out.GiftIDs = slices.Clone(c.GiftIDs)
	if out.GiftIDs == nil {
		out.GiftIDs = []string{}
	}
	return out
}

func categoryID(o object) (string, *apiError) {
	return giftID(o, "CategoryId", livespec.MaxCategoryIDBytes)
}

func categoryNotFound(id string) *apiError {
	return invalidParam(fmt.Sprintf("CategoryId %s does not exist", id))
}

// categoryFields reads the body of add_gift_category and edit_gift_category.
func categoryFields(o object) (GiftCategory, *apiError) {
	var cat GiftCategory
	var err *apiError
	if cat.CategoryID, err = categoryID(o); err != nil {
		return cat, err
	}
	if cat.DefaultName, err = requiredName(o, "DefaultName", livespec.MaxCategoryNameBytes); err != nil {
		return cat, err
	}
	if cat.DefaultDesc, _, err = giftText(o, "DefaultDesc", livespec.MaxCategoryDescBytes); err != nil {
		return cat, err
	}
	if cat.ExtensionInfo, err = extensionInfo(o); err != nil {
		return cat, err
	}
	return cat, nil
}

func (s *Server) addGiftCategory(c *call) (result, *apiError) {
	cat, err := categoryFields(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	if _, ok := s.gifts.categories[cat.CategoryID]; ok {
		return result{}, invalidParam(fmt.Sprintf("CategoryId %s already exists", cat.CategoryID))
	}
	if len(s.gifts.categories) >= s.opts.GiftCategoryQuota {
		return result{}, fail(livespec.CodeOverPackageLimit, fmt.Sprintf("the package allows at most %d gift categories", s.opts.GiftCategoryQuota))
	}
	s.gifts.categories[cat.CategoryID] = &cat
	s.gen++
	return result{}, nil
}

// editGiftCategory replaces the default fields; translations and relations stay.
func (s *Server) editGiftCategory(c *call) (result, *apiError) {
	cat, err := categoryFields(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	old, ok := s.gifts.categories[cat.CategoryID]
	if !ok {
		return result{}, categoryNotFound(cat.CategoryID)
	}
	cat.Languages, cat.GiftIDs = old.Languages, old.GiftIDs
	*old = cat
	s.gen++
	return result{}, nil
}

func (s *Server) getGiftCategory(c *call) (result, *apiError) {
	id, err := categoryID(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	cat, ok := s.gifts.categories[id]
	if !ok {
		return result{}, categoryNotFound(id)
	}
	type info struct {
		CategoryID    string `json:"CategoryId"`
		ExtensionInfo string
		DefaultName   string
		DefaultDesc   string
	}
	return result{payload: struct{ GiftCategoryInfo info }{info{cat.CategoryID, cat.ExtensionInfo, cat.DefaultName, cat.DefaultDesc}}, topLevel: true}, nil
}

// delGiftCategory deletes a category with its translations and relations; its gifts stay. An
// absent category is a success.
func (s *Server) delGiftCategory(c *call) (result, *apiError) {
	id, err := categoryID(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	if _, ok := s.gifts.categories[id]; ok {
		delete(s.gifts.categories, id)
		s.gen++
	}
	return result{}, nil
}

func (s *Server) setGiftCategoryLanguage(c *call) (result, *apiError) {
	return s.setTranslation(c, categoryTranslations)
}

// categoryText is a category translation as the API names its fields.
type categoryText struct {
	CategoryName string
	CategoryDesc string
}

func (s *Server) getGiftCategoryLanguage(c *call) (result, *apiError) {
	return s.getTranslation(c, categoryTranslations)
}

// delGiftCategoryLanguage: an absent category or entry is a success.
func (s *Server) delGiftCategoryLanguage(c *call) (result, *apiError) {
	return s.delTranslation(c, categoryTranslations)
}

// relationBody reads CategoryId and a non-empty GiftIdList of strings.
func relationBody(o object) (string, []string, *apiError) {
	id, err := categoryID(o)
	if err != nil {
		return "", nil, err
	}
	list, _, err := o.strList("GiftIdList")
	if err != nil {
		return "", nil, err
	}
	if len(list) == 0 {
		return "", nil, invalidParam("GiftIdList is required")
	}
	return id, list, nil
}

// addGiftCategoryRelations adds gifts to a category, keeping the ones it has; an ID that names
// no gift is not added and comes back in InvalidGiftIdList, with ErrorCode 0.
func (s *Server) addGiftCategoryRelations(c *call) (result, *apiError) {
	id, list, err := relationBody(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	cat, ok := s.gifts.categories[id]
	if !ok {
		return result{}, categoryNotFound(id)
	}
	invalid := []string{}
	for _, g := range list {
		switch {
		case s.gifts.gifts[g] == nil:
			if !slices.Contains(invalid, g) {
				invalid = append(invalid, g)
			}
		case !slices.Contains(cat.GiftIDs, g):
			cat.GiftIDs = append(cat.GiftIDs, g)
			s.gen++
		}
	}
	return result{payload: struct{ InvalidGiftIdList []string }{invalid}, topLevel: true}, nil
}

// delGiftCategoryRelations removes gifts from a category; IDs not in it, or an absent
// category, are a success.
func (s *Server) delGiftCategoryRelations(c *call) (result, *apiError) {
	id, list, err := relationBody(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	if cat, ok := s.gifts.categories[id]; ok {
		before := len(cat.GiftIDs)
		cat.GiftIDs = slices.DeleteFunc(cat.GiftIDs, func(g string) bool { return slices.Contains(list, g) })
		if len(cat.GiftIDs) != before {
			s.gen++
		}
	}
	return result{}, nil
}

func (s *Server) getGiftCategoryRelations(c *call) (result, *apiError) {
	id, err := categoryID(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	cat, ok := s.gifts.categories[id]
	if !ok {
		return result{}, categoryNotFound(id)
	}
	type relation struct {
		CategoryID string   `json:"CategoryId"`
		GiftIDList []string `json:"GiftIdList"`
	}
	return result{payload: struct{ Relation relation }{relation{id, cat.clone().GiftIDs}}, topLevel: true}, nil
}
