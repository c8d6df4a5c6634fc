package emulator

import (
	"fmt"
	"maps"
	"slices"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// giftListLanguage is one entry of a gift's LanguageList in get_gift_info_list.
type giftListLanguage struct {
	Language string
	Name     string
	Desc     string
}

type categoryListLanguage struct {
	Language     string
	CategoryName string
	CategoryDesc string
}

type giftListItem struct {
	GiftID        string `json:"GiftId"`
	Name          string // the default name
	Desc          string // the default description
	IconURL       string `json:"IconUrl"`
	Coins         int64
	ResourceURL   string `json:"ResourceUrl"`
	Level         int64
	ExtensionInfo string
	CreateTime    int64 // Unix seconds
	LanguageList  []giftListLanguage
}

type categoryListItem struct {
	CategoryID    string `json:"CategoryId"`
	CategoryName  string // the default name
	CategoryDesc  string // the default description
	ExtensionInfo string
	GiftIDList    []string `json:"GiftIdList"`
	LanguageList  []categoryListLanguage
}

// languagesInOrder returns the codes set in entries, in livespec.GiftLanguages order.
func languagesInOrder(entries map[string]GiftText) []string {
	return slices.DeleteFunc(slices.Clone(livespec.GiftLanguages), func(l string) bool { _, ok := entries[l]; return !ok })
}

// getGiftInfoList is the bulk read: every gift and category with their translations and
// relations, under Response, gifts and categories sorted by ID, no paging.
func (s *Server) getGiftInfoList(*call) (result, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	gifts := make([]giftListItem, 0, len(s.gifts.gifts))
	for _, id := range slices.Sorted(maps.Keys(s.gifts.gifts)) {
		gf := s.gifts.gifts[id]
		item := giftListItem{GiftID: gf.GiftID, Name: gf.DefaultName, Desc: gf.DefaultDesc, IconURL: gf.IconURL,
			Coins: gf.Coins, ResourceURL: gf.ResourceURL, Level: gf.Level, ExtensionInfo: gf.ExtensionInfo,
			CreateTime: gf.CreateTime.Unix(), LanguageList: []giftListLanguage{}}
		for _, lang := range languagesInOrder(gf.Languages) {
			t := gf.Languages[lang]
			item.LanguageList = append(item.LanguageList, giftListLanguage{lang, t.Name, t.Desc})
		}
		gifts = append(gifts, item)
	}
	categories := make([]categoryListItem, 0, len(s.gifts.categories))
	for _, id := range slices.Sorted(maps.Keys(s.gifts.categories)) {
		cat := s.gifts.categories[id].clone()
		item := categoryListItem{CategoryID: cat.CategoryID, CategoryName: cat.DefaultName, CategoryDesc: cat.DefaultDesc,
			ExtensionInfo: cat.ExtensionInfo, GiftIDList: cat.GiftIDs, LanguageList: []categoryListLanguage{}}
		for _, lang := range languagesInOrder(cat.Languages) {
			t := cat.Languages[lang]
			item.LanguageList = append(item.LanguageList, categoryListLanguage{lang, t.Name, t.Desc})
		}
		categories = append(categories, item)
	}
	return result{payload: struct {
		GiftList     []giftListItem
		CategoryList []categoryListItem
		TotalCount   int
	}{gifts, categories, len(gifts)}}, nil
}

// copyDefaultGiftConfig seeds the demo catalogue (livespec.DefaultConfigGifts gifts in
// livespec.DefaultConfigCategories categories, with English and Simplified Chinese names) into
// an app with no gift configuration at all; otherwise 102010.
func (s *Server) copyDefaultGiftConfig(*call) (result, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gifts.init()
	if !s.gifts.empty() {
		return result{}, fail(livespec.CodeGiftConfigExists, "gift configuration already exists; delete every gift and category first")
	}
	if livespec.DefaultConfigGifts > s.opts.GiftQuota || livespec.DefaultConfigCategories > s.opts.GiftCategoryQuota {
		return result{}, fail(livespec.CodeOverPackageLimit, fmt.Sprintf("the default configuration needs %d gifts and %d categories; the package allows %d and %d",
			livespec.DefaultConfigGifts, livespec.DefaultConfigCategories, s.opts.GiftQuota, s.opts.GiftCategoryQuota))
	}
	now := s.opts.Now()
	perCategory := livespec.DefaultConfigGifts / livespec.DefaultConfigCategories
	for c := range livespec.DefaultConfigCategories {
		cat := &GiftCategory{
			CategoryID:  fmt.Sprintf("default_cat_%d", c+1),
			DefaultName: fmt.Sprintf("Category %d", c+1),
			Languages: map[string]GiftText{
				livespec.GiftLanguageEnglish:           {Name: fmt.Sprintf("Category %d", c+1)},
				livespec.GiftLanguageSimplifiedChinese: {Name: fmt.Sprintf("分类%d", c+1)},
			},
		}
		for i := range perCategory {
			n := c*perCategory + i + 1
			gf := &Gift{
				GiftID:      fmt.Sprintf("default_gift_%d", n),
				DefaultName: fmt.Sprintf("Gift %d", n),
				Coins:       int64(n * 10),
				IconURL:     fmt.Sprintf("https://example.com/gifts/%d.png", n),
				CreateTime:  now,
				Languages: map[string]GiftText{
					livespec.GiftLanguageEnglish:           {Name: fmt.Sprintf("Gift %d", n)},
					livespec.GiftLanguageSimplifiedChinese: {Name: fmt.Sprintf("礼物%d", n)},
				},
			}
			s.gifts.gifts[gf.GiftID] = gf
			cat.GiftIDs = append(cat.GiftIDs, gf.GiftID)
		}
		s.gifts.categories[cat.CategoryID] = cat
	}
	s.gen++
	return result{}, nil
}
