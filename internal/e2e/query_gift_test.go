package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// consoleCatalog is a gift panel made in the console: six gifts (translations with and without
// descriptions, custom JSON, effect URLs) and two categories showing them, one translated.
func consoleCatalog() emulator.GiftCatalog {
	texts := func(kv ...string) map[string]emulator.GiftText {
		out := map[string]emulator.GiftText{}
		for i := 0; i+2 < len(kv); i += 3 {
			out[kv[i]] = emulator.GiftText{Name: kv[i+1], Desc: kv[i+2]}
		}
		return out
	}
	return emulator.GiftCatalog{
		Gifts: []emulator.Gift{
			{GiftID: "tf-acc-test-g-rose", DefaultName: "Rose", Coins: 10, IconURL: "https://cdn.example.com/rose.png",
				Languages: texts("en", "Rose", "", "zh-Hans", "玫瑰", "一朵玫瑰", "zh-Hant", "玫瑰", "")},
			{GiftID: "tf-acc-test-g-heart", DefaultName: "Heart", DefaultDesc: "With love", Coins: 20,
				Languages: texts("en", "Heart", "With love")},
			{GiftID: "tf-acc-test-g-car", DefaultName: "Sports car", Coins: 1000, Level: 3, ExtensionInfo: `{"effect":"full"}`,
				ResourceURL: "https://cdn.example.com/car.svga", Languages: texts("zh-Hans", "跑车", "")},
			{GiftID: "tf-acc-test-g-rocket", DefaultName: "Rocket", Coins: 5000, Level: 5},
			{GiftID: "tf-acc-test-g-star", DefaultName: "Star", Coins: 1},
			{GiftID: "tf-acc-test-g-cake", DefaultName: "Cake", Coins: 66, Languages: texts("en", "Cake", "", "zh-Hant", "蛋糕", "生日快樂")},
		},
		Categories: []emulator.GiftCategory{
			{CategoryID: "tf-acc-test-g-hot", DefaultName: "Hot", ExtensionInfo: `{"order":"1"}`,
				GiftIDs:   []string{"tf-acc-test-g-rose", "tf-acc-test-g-heart", "tf-acc-test-g-car"},
				Languages: texts("zh-Hans", "热门", "最受欢迎")},
			{CategoryID: "tf-acc-test-g-luxury", DefaultName: "Luxury", DefaultDesc: "Big gifts",
				GiftIDs: []string{"tf-acc-test-g-car", "tf-acc-test-g-rocket"}},
		},
	}
}

// writeCatalogState writes an emulator state file holding cat, for -state: the catalogue is
// there when the emulator starts, without the gift commands' 1 call/s.
func writeCatalogState(t *testing.T, cat emulator.GiftCatalog) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "emulator-state.json")
	if err := emulator.WriteCatalogState(path, emulator.DefaultSDKAppID, cat); err != nil {
		t.Fatal(err)
	}
	return path
}

// A catalogue made in the console is adopted with `terraform query -generate-config-out`: the
// gifts and categories, their translations and the categories' gift_ids, as configuration and
// import blocks whose plan imports everything and adds, changes and destroys nothing; after the
// apply the next plan is empty. The query is one bulk read.
func TestAccQueryGiftCatalogGenerateConfig(t *testing.T) {
	cat := consoleCatalog()
	emu, ws, _ := adoptionSetupWith(t, EmulatorOptions{QPS: emulator.DocumentedQPS, Args: []string{"-state", writeCatalogState(t, cat)}})
	requireCLI(t, ws.Terraform, 14)
	if err := ws.WriteConfig(adoptionHeader); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteFile("catalogue.tfquery.hcl", `list "tencentlive_gift" "console" {
  provider = tencentlive
  config {
    gift_id_prefix = "tf-acc-test-g-"
  }
}

list "tencentlive_gift_category" "console" {
  provider = tencentlive
  config {
    category_id_prefix = "tf-acc-test-g-"
  }
}
`); err != nil {
		t.Fatal(err)
	}
	mustExit(t, ws, 0, "init", "-input=false")

	before := emu.mustStats(t)
	began := time.Now()
	mustExit(t, ws, 0, "query", "-generate-config-out=catalogue.tf")
	t.Logf("terraform query -generate-config-out of %d gifts and %d categories: %s", len(cat.Gifts), len(cat.Categories),
		time.Since(began).Round(10*time.Millisecond))
	after := emu.mustStats(t)
	if reads := after.Commands["get_gift_info_list"] - before.Commands["get_gift_info_list"]; reads > 2 {
		t.Errorf("the query sent %d bulk reads, want one per list block at most", reads)
	}
	for _, cmd := range []string{"get_gift", "get_gift_language", "get_gift_category"} {
		if n := after.Commands[cmd] - before.Commands[cmd]; n != 0 {
			t.Errorf("the query sent %d %s: the bulk read answers everything", n, cmd)
		}
	}
	generated, err := os.ReadFile(filepath.Join(ws.Dir, "catalogue.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Count("\n"+string(generated), "\nimport {"), len(cat.Gifts)+len(cat.Categories); got != want {
		t.Fatalf("catalogue.tf has %d import blocks, want %d:\n%s", got, want, tail(string(generated), 4000))
	}
	for _, want := range []string{`"tf-acc-test-g-rocket"`, `一朵玫瑰`, `生日快樂`, `最受欢迎`, `gift_ids`, `effect`, `car.svga`} {
		if !strings.Contains(string(generated), want) {
			t.Fatalf("catalogue.tf lacks %s:\n%s", want, tail(string(generated), 4000))
		}
	}
	if err := os.Remove(filepath.Join(ws.Dir, "catalogue.tfquery.hcl")); err != nil {
		t.Fatal(err)
	}
	out := mustExit(t, ws, 2, "plan", "-input=false", "-detailed-exitcode")
	if want := fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", len(cat.Gifts)+len(cat.Categories)); !strings.Contains(out, want) {
		t.Fatalf("plan of the generated configuration lacks %q:\n%s\n\ncatalogue.tf:\n%s", want, tail(out, 4000), tail(string(generated), 4000))
	}
	writes := emu.mustStats(t)
	mustExit(t, ws, 0, "apply", "-input=false", "-auto-approve")
	mustExit(t, ws, 0, "plan", "-input=false", "-detailed-exitcode")
	final := emu.mustStats(t)
	for cmd, n := range final.Commands {
		if isGiftWrite(cmd) && n != writes.Commands[cmd] {
			t.Errorf("adopting the catalogue sent %d %s", n-writes.Commands[cmd], cmd)
		}
	}
}

// isGiftWrite reports whether command changes the gift catalogue.
func isGiftWrite(command string) bool {
	for _, p := range []string{"add_gift", "edit_gift", "del_gift", "set_gift"} {
		if strings.HasPrefix(command, p) {
			return true
		}
	}
	return false
}
