package e2e

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// The guide "Your gift panel as code" shows examples/gift-panel and says what applying it does;
// TestAccGuideGiftPanel applies the example as the guide goes and checks each claim, so the guide,
// the example and the provider cannot drift apart.

const (
	giftPanelParallelism = 10 // Terraform's default, as a reader of the guide runs it
	giftPanelExample     = "examples/gift-panel"
	giftPanelGuide       = "templates/guides/gift-panel-as-code.md.tmpl"
	// The seasonal category: shown by the guide, applied only when copied to a .tf file.
	giftPanelSeasonal = "lunar_new_year.tf.example"
)

// The twelve gifts in three languages and three categories, then the price change, then the
// seasonal category added and removed, through the real CLI at the documented rate limits (every
// gift command 1 call/s) and quotas (16 gifts, 3 categories). After each apply the emulator holds
// exactly the configuration, with the calls the guide names, and the next plan is empty.
func TestAccGuideGiftPanel(t *testing.T) {
	emu, ws, _ := adoptionSetup(t)
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	guide := readRepoFile(t, repo, giftPanelGuide)
	example := giftPanelFiles(t, repo)
	for name, content := range example {
		if strings.HasSuffix(name, ".tf") {
			writeWorkspaceFile(t, ws, name, content)
		}
	}
	mustExit(t, ws, 0, "init", "-input=false")

	// The catalogue from empty: the guide's table names every call.
	res := giftPanelApply(t, emu, ws, "the catalogue from empty", map[string]int64{
		"add_gift": 12, "set_gift_language": 36, "add_gift_category": 3, "set_gift_category_language": 9,
		"add_gift_category_relations": 3,
	})
	t.Logf("apply of the catalogue from empty (the guide: about 45 s): %.1fs", res.Wall.Seconds())
	assertGiftPanel(t, emu, wantGiftPanel(10, "popular", "deluxe", "legend"))
	assertPlanEmpty(t, ws, giftPanelParallelism)

	// The price change: the plan the guide prints, and one edit_gift.
	gifts := replaceOnce(t, example["gifts.tf"], "star      = { coins = 10,", "star      = { coins = 12,")
	writeWorkspaceFile(t, ws, "gifts.tf", gifts)
	plan := runStep(t, ws, Plan(giftPanelParallelism).With("-detailed-exitcode"), RunOptions{})
	if plan.ExitCode != 2 {
		t.Fatalf("plan of the price change exited %d, want 2 (changes):\n%s", plan.ExitCode, tail(plan.Stdout+plan.Stderr, 4000))
	}
	if want := guideTextBlock(t, guide, "run `terraform plan`:"); !strings.Contains(plan.Stdout, want) {
		t.Fatalf("plan of the price change does not print what the guide shows:\n%s\nplan:\n%s", want, tail(plan.Stdout, 4000))
	}
	res = giftPanelApply(t, emu, ws, "the price change", map[string]int64{"edit_gift": 1})
	t.Logf("apply of the price change (the guide: about 1 s): %.1fs", res.Wall.Seconds())
	assertGiftPanel(t, emu, wantGiftPanel(12, "popular", "deluxe", "legend"))
	assertPlanEmpty(t, ws, giftPanelParallelism)

	// A fourth category over the documented quota of 3 fails at plan, as the guide shows, and
	// sends nothing.
	writeWorkspaceFile(t, ws, "lunar_new_year.tf", example[giftPanelSeasonal])
	// The seasonal file is not a .tf in the example, so examples-check's fmt does not see it.
	mustExit(t, ws, 0, "fmt", "-check")
	before := emu.mustStats(t)
	out := mustExit(t, ws, 1, "plan", "-input=false")
	if want := guideQuotaError(t, guide); !want.MatchString(normalized(out)) {
		t.Fatalf("plan of four categories does not fail as the guide shows (%s):\n%s", want, tail(out, 4000))
	}
	assertGiftWrites(t, "the plan over the quota", before, emu.mustStats(t), nil)

	// As the guide says: drop a category for the season in the same apply. The delete and the
	// create run side by side; a create the quota refused first is sent again after the delete.
	writeWorkspaceFile(t, ws, "categories.tf", dropLine(t, example["categories.tf"], "    deluxe  = {"))
	giftPanelApply(t, emu, ws, "swapping deluxe for the seasonal category", map[string]int64{
		"del_gift_category": 1, "add_gift_category": 1, "set_gift_category_language": 3, "add_gift_category_relations": 1,
	})
	assertGiftPanel(t, emu, wantGiftPanel(12, "popular", "legend", "lunar-new-year"))
	assertPlanEmpty(t, ws, giftPanelParallelism)

	// The season ends: one del_gift_category takes the category with its translations and gift
	// list; rose and fireworks stay, listed by their own categories; deluxe comes back.
	removeWorkspaceFile(t, ws, "lunar_new_year.tf")
	writeWorkspaceFile(t, ws, "categories.tf", example["categories.tf"])
	giftPanelApply(t, emu, ws, "swapping the seasonal category back for deluxe", map[string]int64{
		"del_gift_category": 1, "add_gift_category": 1, "set_gift_category_language": 3, "add_gift_category_relations": 1,
	})
	assertGiftPanel(t, emu, wantGiftPanel(12, "popular", "deluxe", "legend"))
	assertPlanEmpty(t, ws, giftPanelParallelism)
}

// giftPanelApply applies, which must succeed without a diagnostic and send exactly writes.
func giftPanelApply(t *testing.T, emu *Emulator, ws *Workspace, what string, writes map[string]int64) *Result {
	t.Helper()
	before := emu.mustStats(t)
	res := mustSucceed(t, ws, Apply(giftPanelParallelism), RunOptions{})
	assertNoDiagnostics(t, res)
	assertGiftWrites(t, what, before, emu.mustStats(t), writes)
	return res
}

// assertGiftWrites fails unless the gift writes the emulator accepted between before and after
// are exactly want, by command; calls refused for their rate and retried count once.
func assertGiftWrites(t *testing.T, what string, before, after Stats, want map[string]int64) {
	t.Helper()
	d := StatsDelta(after, before)
	got := map[string]int64{}
	for cmd, n := range d.Commands {
		if n -= d.RefusedBy[cmd]; isGiftWrite(cmd) && n != 0 {
			got[cmd] = n
		}
	}
	// A category create that reached the service before the delete it replaces was refused for
	// the quota (100013) and sent again: count what the service accepted.
	if refused := d.ErrorCodes[100013]; refused > 0 {
		got["add_gift_category"] -= refused
	}
	if !maps.Equal(got, want) {
		t.Fatalf("%s sent the gift writes %v, want %v", what, got, want)
	}
}

// assertGiftPanel fails unless the emulator holds exactly want.
func assertGiftPanel(t *testing.T, emu *Emulator, want emulator.GiftCatalog) {
	t.Helper()
	if problems := compareGiftCatalog(giftCatalogOf(emu), want); len(problems) > 0 {
		t.Fatalf("the emulator's catalogue differs from the guide's (%d problems):\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

// wantGiftPanel is the guide's catalogue, written out independently of its HCL, with star at
// starCoins and the named categories.
func wantGiftPanel(starCoins int64, categories ...string) emulator.GiftCatalog {
	texts := func(en, hans, hant string) map[string]emulator.GiftText {
		return map[string]emulator.GiftText{"en": {Name: en}, "zh-Hans": {Name: hans}, "zh-Hant": {Name: hant}}
	}
	var cat emulator.GiftCatalog
	for _, g := range []struct {
		id            string
		coins, level  int64
		en, hans, hnt string
	}{
		{"rose", 1, 0, "Rose", "玫瑰", "玫瑰"},
		{"heart", 5, 0, "Heart", "爱心", "愛心"},
		{"star", starCoins, 1, "Star", "星星", "星星"},
		{"cake", 20, 1, "Cake", "蛋糕", "蛋糕"},
		{"crown", 50, 2, "Crown", "皇冠", "皇冠"},
		{"diamond", 100, 2, "Diamond", "钻石", "鑽石"},
		{"car", 300, 3, "Sports car", "跑车", "跑車"},
		{"yacht", 800, 3, "Yacht", "游艇", "遊艇"},
		{"rocket", 1000, 4, "Rocket", "火箭", "火箭"},
		{"castle", 2000, 4, "Castle", "城堡", "城堡"},
		{"fireworks", 3000, 5, "Fireworks", "烟花", "煙花"},
		{"planet", 5000, 5, "Planet", "星球", "星球"},
	} {
		cat.Gifts = append(cat.Gifts, emulator.Gift{
			GiftID: g.id, DefaultName: g.en, Coins: g.coins, Level: g.level,
			IconURL:       "https://cdn.example.com/gifts/" + g.id + ".png",
			ResourceURL:   "https://cdn.example.com/gifts/" + g.id + ".mp4",
			ExtensionInfo: fmt.Sprintf(`{"rarity":"%d"}`, g.level),
			Languages:     texts(g.en, g.hans, g.hnt),
		})
	}
	all := map[string]emulator.GiftCategory{
		"popular": {CategoryID: "popular", DefaultName: "Popular", Languages: texts("Popular", "热门", "熱門"),
			GiftIDs: []string{"rose", "heart", "star", "cake"}},
		"deluxe": {CategoryID: "deluxe", DefaultName: "Deluxe", Languages: texts("Deluxe", "豪华", "豪華"),
			GiftIDs: []string{"crown", "diamond", "car", "yacht"}},
		"legend": {CategoryID: "legend", DefaultName: "Legend", Languages: texts("Legend", "传说", "傳說"),
			GiftIDs: []string{"rocket", "castle", "fireworks", "planet"}},
		"lunar-new-year": {CategoryID: "lunar-new-year", DefaultName: "New Year", DefaultDesc: "Lunar New Year favourites",
			Languages: map[string]emulator.GiftText{"en": {Name: "New Year"}, "zh-Hans": {Name: "新春", Desc: "新春最受欢迎"},
				"zh-Hant": {Name: "新春", Desc: "新春最受歡迎"}},
			GiftIDs: []string{"fireworks", "rose"}},
	}
	for _, id := range categories {
		cat.Categories = append(cat.Categories, all[id])
	}
	return cat
}

// giftPanelFiles reads the example's files by name; its source address is spelled out, which
// both CLIs resolve to the workspace's mirror.
func giftPanelFiles(t *testing.T, repo string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(repo, giftPanelExample))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		files[e.Name()] = strings.ReplaceAll(readRepoFile(t, repo, filepath.Join(giftPanelExample, e.Name())),
			`"tencentlive/tencentlive"`, `"`+release.Address+`"`)
	}
	for _, name := range []string{"main.tf", "gifts.tf", "categories.tf", giftPanelSeasonal} {
		if _, ok := files[name]; !ok {
			t.Fatalf("%s has no %s", giftPanelExample, name)
		}
	}
	if !strings.Contains(files["main.tf"], release.Address) {
		t.Fatalf("%s/main.tf names no provider source %q", giftPanelExample, "tencentlive/tencentlive")
	}
	return files
}

// guideTextBlock returns the guide's ```text block that follows the text after.
func guideTextBlock(t *testing.T, guide, after string) string {
	t.Helper()
	_, rest, ok := strings.Cut(guide, after)
	if ok {
		_, rest, ok = strings.Cut(rest, "```text\n")
	}
	block, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatalf("%s has no ```text block after %q", giftPanelGuide, after)
	}
	return block
}

// guideQuotaError matches the guide's diagnostic for a fourth category: its summary, then its
// detail after the lines that locate it (which the guide leaves out), however Terraform wraps it
// and whichever category the plan counted fourth.
func guideQuotaError(t *testing.T, guide string) *regexp.Regexp {
	t.Helper()
	summary, detail, _ := strings.Cut(guideTextBlock(t, guide, "fails at plan with the code the service would answer:"), "\n\n")
	named := regexp.MustCompile(`gift category "[^"]+" is one`)
	parts := named.Split(normalized(detail), 2)
	if len(parts) != 2 || !strings.HasPrefix(summary, "Error: ") {
		t.Fatalf("the guide's quota error is not a summary and a detail naming a category: %s\n\n%s", summary, detail)
	}
	return regexp.MustCompile(regexp.QuoteMeta(normalized(summary)) + ` .*` +
		regexp.QuoteMeta(parts[0]) + `gift category "[^"]+" is one` + regexp.QuoteMeta(parts[1]))
}

func readRepoFile(t *testing.T, repo, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeWorkspaceFile(t *testing.T, ws *Workspace, name, content string) {
	t.Helper()
	if err := ws.WriteFile(name, content); err != nil {
		t.Fatal(err)
	}
}

func removeWorkspaceFile(t *testing.T, ws *Workspace, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(ws.Dir, name)); err != nil {
		t.Fatal(err)
	}
}

// replaceOnce replaces old in s by with; s must hold old exactly once: an edit that hits
// nothing would test nothing.
func replaceOnce(t *testing.T, s, old, with string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("the example holds %q %d times, want once", old, n)
	}
	return strings.Replace(s, old, with, 1)
}

// dropLine removes the one line of s that starts with prefix.
func dropLine(t *testing.T, s, prefix string) string {
	t.Helper()
	var kept []string
	lines := strings.SplitAfter(s, "\n")
	for _, line := range lines {
		if !strings.HasPrefix(line, prefix) {
			kept = append(kept, line)
		}
	}
	if len(lines)-len(kept) != 1 {
		t.Fatalf("the example has %d lines starting with %q, want one", len(lines)-len(kept), prefix)
	}
	return strings.Join(kept, "")
}
