package giftkit

import (
	"context"
	"errors"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// ReadGift reads one gift: from the catalogue of this process (one bulk read for a whole
// refresh), or with the documented reads where the bulk read is not served. found is false
// when the gift does not exist.
func (s *Session) ReadGift(ctx context.Context, c *wire.Client, giftID string) (g wire.GiftRecord, found bool, err error) {
	cat, ok, err := s.Catalog(ctx, c)
	if err != nil {
		return g, false, err
	}
	if ok {
		g, found = FindGift(cat, giftID)
		return g, found, nil
	}
	g, err = c.ReadGift(ctx, giftID)
	if errors.Is(err, wire.ErrGiftNotFound) {
		return g, false, nil
	}
	return g, err == nil, err
}

// ReadCategory is ReadGift for a category.
func (s *Session) ReadCategory(ctx context.Context, c *wire.Client, categoryID string) (cat wire.GiftCategoryRecord, found bool, err error) {
	all, ok, err := s.Catalog(ctx, c)
	if err != nil {
		return cat, false, err
	}
	if ok {
		cat, found = FindCategory(all, categoryID)
		return cat, found, nil
	}
	cat, err = c.ReadGiftCategory(ctx, categoryID)
	if errors.Is(err, wire.ErrGiftCategoryNotFound) {
		return cat, false, nil
	}
	return cat, err == nil, err
}

// GiftExists reports whether giftID exists on the service, for plan-time checks: from the
// catalogue, or get_gift where the bulk read is not served.
func (s *Session) GiftExists(ctx context.Context, c *wire.Client, giftID string) (bool, error) {
	cat, ok, err := s.Catalog(ctx, c)
	if err != nil {
		return false, err
	}
	if ok {
		_, found := FindGift(cat, giftID)
		return found, nil
	}
	_, err = c.GetGift(ctx, giftID)
	if errors.Is(err, wire.ErrGiftNotFound) {
		return false, nil
	}
	return err == nil, err
}
