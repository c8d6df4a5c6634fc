// Package sweeptest leaves test objects on an application beside objects the application made
// itself, and checks after a sweep that exactly the test objects are gone. The unit tests of the
// sweepers and the CI sweep test (a real `go test -sweep` against the emulator) share it.
package sweeptest

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Object is one object left on the application.
type Object struct {
	Kind sweep.Kind
	Name string
}

// Fixture leaves objects of one kind and tells whether one still exists. A resource type with
// a sweeper adds its fixture to Fixtures.
type Fixture struct {
	Kind sweep.Kind
	// Leave creates objects with the prefix, recorded in the record file where the sweeper needs
	// that to find them, and objects the application made (some of them in the record file too,
	// or named like the prefix without its dash). It returns both.
	Leave  func(ctx context.Context, c *wire.Client, record string) (prefixed, app []Object, err error)
	Exists func(ctx context.Context, c *wire.Client, name string) (bool, error)
}

// Fixtures are the kinds a sweep test leaves and checks: the rooms' fixture comes first, as its
// rooms use accounts, and the gifts' before the categories', which show them.
var Fixtures = []Fixture{rooms, accounts, gifts, giftCategories}

// Left is what Leave left.
type Left struct{ Prefixed, App []Object }

// Leave runs every fixture.
func Leave(ctx context.Context, c *wire.Client, record string) (Left, error) {
	var left Left
	for _, f := range Fixtures {
		p, a, err := f.Leave(ctx, c, record)
		if err != nil {
			return left, fmt.Errorf("leaving %ss: %w", f.Kind, err)
		}
		left.Prefixed = append(left.Prefixed, p...)
		left.App = append(left.App, a...)
	}
	return left, nil
}

// Check returns an error naming every prefixed object still there and every object of the
// application that is gone.
func Check(ctx context.Context, c *wire.Client, left Left) error {
	exists := map[sweep.Kind]func(context.Context, *wire.Client, string) (bool, error){}
	for _, f := range Fixtures {
		exists[f.Kind] = f.Exists
	}
	var errs []error
	check := func(objects []Object, want bool, what string) {
		for _, o := range objects {
			ok, err := exists[o.Kind](ctx, c, o.Name)
			switch {
			case err != nil:
				errs = append(errs, fmt.Errorf("%s %s: %w", o.Kind, o.Name, err))
			case ok != want:
				errs = append(errs, fmt.Errorf("%s %s: %s", o.Kind, o.Name, what))
			}
		}
	}
	check(left.Prefixed, false, "a test object the sweep left")
	check(left.App, true, "the application's object, deleted by the sweep")
	return errors.Join(errs...)
}

var rooms = Fixture{
	Kind: sweep.KindRoom,
	Leave: func(ctx context.Context, c *wire.Client, record string) (prefixed, app []Object, err error) {
		p := func(s string) string { return sweep.Prefix + s }
		accountsOf := []string{p("owner"), p("admin"), p("robot"), "app-owner", "app-moderator", "tf-acc-testy-owner"}
		for _, id := range accountsOf {
			if err := c.ImportAccount(ctx, wire.Account{UserID: id}); err != nil {
				return nil, nil, err
			}
		}
		create := func(id, owner string, public bool) error {
			return c.CreateRoom(ctx, wire.RoomInfo{RoomID: id, SeatTemplate: new("Karaoke"), OwnerAccount: &owner, IsPublicVisible: &public})
		}
		steps := []error{
			// Public, so get_room_list shows it; its owner, admin and robot are test accounts
			// recorded nowhere: only the room leads the sweep to them.
			create(p("listed"), p("owner"), true),
			c.AddAdmins(ctx, p("listed"), []string{p("admin"), "app-moderator"}),
			c.AddRobots(ctx, p("listed"), []string{p("robot")}),
			// Not public: found through the record file only.
			create(p("hidden"), p("owner"), false),
			sweep.Record(record, sweep.KindRoom, p("hidden")),
			// A test room owned by an application's account: the room goes, the owner stays.
			create(p("app-owned"), "app-owner", true),
			// The application's rooms, one named like the prefix without its dash, one that the
			// record file names too.
			create("app-room", "app-owner", true),
			create("tf-acc-testy-room", "tf-acc-testy-owner", true),
			create("app-recorded", "app-owner", false),
			sweep.Record(record, sweep.KindRoom, "app-recorded"),
		}
		if err := errors.Join(steps...); err != nil {
			return nil, nil, err
		}
		for _, id := range []string{p("listed"), p("hidden"), p("app-owned")} {
			prefixed = append(prefixed, Object{sweep.KindRoom, id})
		}
		for _, id := range []string{p("owner"), p("admin"), p("robot")} {
			prefixed = append(prefixed, Object{sweep.KindAccount, id})
		}
		for _, id := range []string{"app-room", "tf-acc-testy-room", "app-recorded"} {
			app = append(app, Object{sweep.KindRoom, id})
		}
		for _, id := range []string{"app-owner", "app-moderator", "tf-acc-testy-owner"} {
			app = append(app, Object{sweep.KindAccount, id})
		}
		return prefixed, app, nil
	},
	Exists: func(ctx context.Context, c *wire.Client, name string) (bool, error) {
		_, err := c.GetRoomInfo(ctx, name)
		if wire.CodeOf(err) == livespec.CodeRoomNotFound {
			return false, nil
		}
		return err == nil, err
	},
}

var accounts = Fixture{
	Kind: sweep.KindAccount,
	Leave: func(ctx context.Context, c *wire.Client, record string) (prefixed, app []Object, err error) {
		pool := sweep.Prefix + "pool"
		for _, id := range []string{pool, "app-user", "tf-acc-testy"} {
			if err := c.ImportAccount(ctx, wire.Account{UserID: id}); err != nil {
				return nil, nil, err
			}
		}
		// The test pool is recorded; so is, wrongly, an application's account.
		if err := errors.Join(sweep.Record(record, sweep.KindAccount, pool), sweep.Record(record, sweep.KindAccount, "app-user")); err != nil {
			return nil, nil, err
		}
		return []Object{{sweep.KindAccount, pool}}, []Object{{sweep.KindAccount, "app-user"}, {sweep.KindAccount, "tf-acc-testy"}}, nil
	},
	Exists: func(ctx context.Context, c *wire.Client, name string) (bool, error) {
		st, err := c.CheckAccounts(ctx, []string{name})
		if err != nil {
			return false, err
		}
		if len(st) != 1 {
			return false, fmt.Errorf("account_check answered %d results for one account", len(st))
		}
		return st[0].Imported, nil
	},
}

// The gift fixtures' IDs fit the vendor's 20 bytes: the prefix leaves 8.
var (
	giftListed = sweep.Prefix + "listed" // shown by the bulk read only, in an app's category
	giftInCat  = sweep.Prefix + "incat"  // in a test category, recorded nowhere
	giftRec    = sweep.Prefix + "rec"    // recorded
	catListed  = sweep.Prefix + "catlist"
	catRec     = sweep.Prefix + "catrec"
)

var gifts = Fixture{
	Kind: sweep.KindGift,
	Leave: func(ctx context.Context, c *wire.Client, record string) (prefixed, app []Object, err error) {
		add := func(id string) error {
			return c.AddGift(ctx, wire.Gift{ID: id, DefaultName: strings.TrimPrefix(id, sweep.Prefix), Coins: 1})
		}
		steps := []error{
			add(giftListed), add(giftInCat), add(giftRec), add("app-gift"), add("tf-acc-testy"), add("app-gift-rec"),
			sweep.Record(record, sweep.KindGift, giftRec),
			// An application's gift the record file names, wrongly.
			sweep.Record(record, sweep.KindGift, "app-gift-rec"),
		}
		if err := errors.Join(steps...); err != nil {
			return nil, nil, err
		}
		for _, id := range []string{giftListed, giftInCat, giftRec} {
			prefixed = append(prefixed, Object{sweep.KindGift, id})
		}
		for _, id := range []string{"app-gift", "tf-acc-testy", "app-gift-rec"} {
			app = append(app, Object{sweep.KindGift, id})
		}
		return prefixed, app, nil
	},
	Exists: func(ctx context.Context, c *wire.Client, name string) (bool, error) {
		_, err := c.GetGift(ctx, name)
		if errors.Is(err, wire.ErrGiftNotFound) {
			return false, nil
		}
		return err == nil, err
	},
}

var giftCategories = Fixture{
	Kind: sweep.KindGiftCategory,
	Leave: func(ctx context.Context, c *wire.Client, record string) (prefixed, app []Object, err error) {
		add := func(id string, giftIDs ...string) error {
			if err := c.AddGiftCategory(ctx, wire.GiftCategory{ID: id, DefaultName: strings.TrimPrefix(id, sweep.Prefix)}); err != nil {
				return err
			}
			_, err := c.AddGiftCategoryRelations(ctx, id, giftIDs)
			return err
		}
		steps := []error{
			// Shown by the bulk read only; it shows a test gift recorded nowhere and an
			// application's gift, which stays.
			add(catListed, giftInCat, "app-gift"),
			add(catRec, giftRec),
			sweep.Record(record, sweep.KindGiftCategory, catRec),
			// The application's category (a package allows 3): named like the prefix without its
			// dash, showing a test gift, and named by the record file too.
			add("tf-acc-testy", giftListed, "app-gift"),
			sweep.Record(record, sweep.KindGiftCategory, "tf-acc-testy"),
		}
		if err := errors.Join(steps...); err != nil {
			return nil, nil, err
		}
		prefixed = []Object{{sweep.KindGiftCategory, catListed}, {sweep.KindGiftCategory, catRec}}
		return prefixed, []Object{{sweep.KindGiftCategory, "tf-acc-testy"}}, nil
	},
	Exists: func(ctx context.Context, c *wire.Client, name string) (bool, error) {
		_, err := c.GetGiftCategory(ctx, name)
		if errors.Is(err, wire.ErrGiftCategoryNotFound) {
			return false, nil
		}
		return err == nil, err
	},
}
