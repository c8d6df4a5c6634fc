package account_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	accountresource "github.com/tencentlive/terraform-provider-tencentlive/internal/account"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

const account = "tencentlive_account.test"

// accountConfig is one tencentlive_account "test" with the given attribute lines.
func (e *accEnv) accountConfig(lines ...string) string {
	return e.Provider() + "\nresource \"tencentlive_account\" \"test\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

func accountAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(account, action)},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
}

// isImported asks account_check behind Terraform's back.
func (e *accEnv) isImported(userID string) (bool, error) {
	return accountresource.CheckImported(context.Background(), e.Client, userID)
}

// checkImported passes when account_check says the account is (want) or is not imported.
func (e *accEnv) checkImported(userID string, want bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, err := e.isImported(userID)
		switch {
		case err != nil:
			return fmt.Errorf("account_check %s: %w", userID, err)
		case got != want:
			return fmt.Errorf("account %s: imported is %v, want %v", userID, got, want)
		}
		return nil
	}
}

// checkProfile compares the profile the emulator holds (the API has no profile read, so against
// the real service only the account's existence is checked).
func (e *accEnv) checkProfile(userID, nick, faceURL string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if e.Emu == nil {
			return e.checkImported(userID, true)(s)
		}
		for _, a := range e.Emu.Accounts() {
			if a.UserID == userID {
				if a.Nick != nick || a.FaceURL != faceURL {
					return fmt.Errorf("account %s: Nick %q FaceUrl %q, want %q %q", userID, a.Nick, a.FaceURL, nick, faceURL)
				}
				return nil
			}
		}
		return fmt.Errorf("account %s is not in the emulator", userID)
	}
}

// checkAccountsDestroyed is CheckDestroy: every account the state held that deletes on destroy
// is gone, every other one is still there.
func (e *accEnv) checkAccountsDestroyed(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "tencentlive_account" {
			continue
		}
		keep := rs.Primary.Attributes["delete_on_destroy"] == "false"
		if err := e.checkImported(rs.Primary.Attributes["user_id"], keep)(s); err != nil {
			return err
		}
	}
	return nil
}

// forget deletes an account the test left in place on purpose.
func (e *accEnv) forget(t *testing.T, userID string) {
	t.Cleanup(func() { _, _ = e.Client.DeleteAccounts(context.Background(), []string{userID}) })
}

// Create with a profile, change the nick in place, import by user ID, destroy.
func TestAccAccount_basic(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.AccountUserID("basic")
	const face = "https://cdn.example.com/avatars/jane.png"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkAccountsDestroyed,
		Steps: []resource.TestStep{
			{
				Config:           e.accountConfig("user_id = "+acctest.HCL(id), `nick = "Jane"`, "face_url = "+acctest.HCL(face)),
				ConfigPlanChecks: accountAction(plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(account, "id", knownvalue.StringExact(id)),
					acctest.StateIs(account, "user_id", knownvalue.StringExact(id)),
					acctest.StateIs(account, "nick", knownvalue.StringExact("Jane")),
					acctest.StateIs(account, "face_url", knownvalue.StringExact(face)),
					acctest.StateIs(account, "delete_on_destroy", knownvalue.Bool(true)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(e.checkImported(id, true), e.checkProfile(id, "Jane", face)),
			},
			{
				Config:           e.accountConfig("user_id = "+acctest.HCL(id), `nick = "Jane Doe · 主播"`, "face_url = "+acctest.HCL(face)),
				ConfigPlanChecks: accountAction(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.StateIs(account, "id", knownvalue.StringExact(id)),
					acctest.StateIs(account, "nick", knownvalue.StringExact("Jane Doe · 主播")),
				},
				Check: e.checkProfile(id, "Jane Doe · 主播", face),
			},
			{
				// The API has no profile read: nick and face_url are unknown after an import;
				// an imported account is not Terraform's to delete (delete_on_destroy false).
				ResourceName:            account,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"nick", "face_url", "delete_on_destroy"},
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if got := states[0].Attributes["delete_on_destroy"]; got != "false" {
						return fmt.Errorf("imported delete_on_destroy = %s, want false", got)
					}
					return nil
				},
			},
			{
				ResourceName:  account,
				ImportState:   true,
				ImportStateId: acctest.AccountUserID("nobody"),
				ExpectError:   acctest.Exactly("Cannot import non-existent remote object"),
			},
		},
	})
}

// An import block adopts an existing account with an empty plan when the configuration sets
// no profile values.
func TestAccAccount_importBlock(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.AccountUserID("block")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkAccountsDestroyed,
		Steps: []resource.TestStep{
			{Config: e.accountConfig("user_id = " + acctest.HCL(id))},
			{ResourceName: account, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}

// delete_on_destroy = false leaves the account in place on destroy.
func TestAccAccount_keepOnDestroy(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.AccountUserID("keep")
	e.forget(t, id)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: func(s *terraform.State) error {
			if e.Emu != nil && e.Emu.Stats().Commands["account_delete"] != 0 {
				return fmt.Errorf("account_delete was sent")
			}
			return e.checkImported(id, true)(s)
		},
		Steps: []resource.TestStep{{
			Config:            e.accountConfig("user_id = "+acctest.HCL(id), `delete_on_destroy = false`),
			ConfigPlanChecks:  accountAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{acctest.StateIs(account, "delete_on_destroy", knownvalue.Bool(false))},
			Check:             e.checkImported(id, true),
		}},
	})
}

// An account that existed before this resource (made by the app, the console or another
// configuration) is not deleted on destroy unless the configuration says so: with
// delete_on_destroy unset the resource records false.
func TestAccAccount_existingAccountIsNotDeletedOnDestroy(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.AccountUserID("prior")
	e.MustImportAccount(t, id)
	e.forget(t, id)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkImported(id, true),
		Steps: []resource.TestStep{{
			Config:            e.accountConfig("user_id = "+acctest.HCL(id), `nick = "Host"`),
			ConfigPlanChecks:  accountAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{acctest.StateIs(account, "delete_on_destroy", knownvalue.Bool(false))},
		}},
	})
}

// An application whose console forbids deleting accounts: destroy fails with a diagnostic that
// says so and what to do; setting delete_on_destroy = false, as it says, lets destroy finish.
func TestAccAccount_deletionDisabled(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{AccountDeleteDisabled: true})
	e.RequireEmulator(t, "AccountDeleteDisabled")
	id := acctest.AccountUserID("nodel")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkImported(id, true),
		Steps: []resource.TestStep{
			{Config: e.accountConfig("user_id = " + acctest.HCL(id))},
			{
				Config: e.Provider(), // the account removed from the configuration: destroy it
				ExpectError: acctest.Diagnostic("Error: Account deletion is disabled for this application",
					fmt.Sprintf(`Account %q: account_delete failed with 60017 (request disabled): request disabled: account deletion is turned off for this application.`, id),
					acctest.RequestID,
					"Check the application's settings in the console.",
					"The application's console forbids deleting accounts, so the account is still there. Set delete_on_destroy = false on this resource and apply, then destroy again: the account is left in place and only removed from state. Or allow account deletion in the Tencent RTC console and destroy again."),
			},
			{
				Config:           e.accountConfig("user_id = "+acctest.HCL(id), `delete_on_destroy = false`),
				ConfigPlanChecks: accountAction(plancheck.ResourceActionUpdate),
				Check:            e.checkImported(id, true),
			},
		},
	})
}

// An account deleted behind Terraform's back shows up as a pending create, and apply imports it
// again.
func TestAccAccount_disappears(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	id := acctest.AccountUserID("gone")
	config := e.accountConfig("user_id = "+acctest.HCL(id), `nick = "Back again"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy:             e.checkAccountsDestroyed,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					_, err := e.Client.DeleteAccounts(context.Background(), []string{id})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           config,
				ConfigPlanChecks: accountAction(plancheck.ResourceActionCreate),
				Check:            e.checkProfile(id, "Back again", ""),
			},
		},
	})
}

// A room whose owner is a tencentlive_account: the account is imported first, so create_room
// never answers 70107, and destroy removes the room before the account.
func TestAccAccount_roomOwner(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	host, roomName := acctest.AccountUserID("host"), acctest.RoomID("hosted")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		CheckDestroy: func(s *terraform.State) error {
			if err := e.CheckDestroyed(s); err != nil {
				return err
			}
			return e.checkAccountsDestroyed(s)
		},
		Steps: []resource.TestStep{{
			Config: e.Provider() + fmt.Sprintf(`
resource "tencentlive_account" "test" {
  user_id = %q
  nick    = "Host"
}

resource "tencentlive_room" "test" {
  room_id       = %q
  seat_template = "AudioSalon"
  owner_account = tencentlive_account.test.user_id
}
`, host, roomName),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.StateIs(room, "owner_account", knownvalue.StringExact(host)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.CheckRemote(roomName, func(info wire.RoomInfo) error {
					if str(info.OwnerAccount) != host {
						return fmt.Errorf("Owner_Account %s, want %s", str(info.OwnerAccount), host)
					}
					return nil
				}),
				func(*terraform.State) error {
					if e.Emu != nil && e.Answered(livespec.CodeAccountNotImported) != 0 {
						return fmt.Errorf("the emulator answered 70107 %d times", e.Answered(livespec.CodeAccountNotImported))
					}
					return nil
				},
			),
		}},
	})
}

// Every plan-time diagnostic of tencentlive_account, by its exact text; nothing is sent.
func TestAccAccount_planTimeDiagnostics(t *testing.T) {
	t.Parallel()
	e := newAccEnv(t, emulator.Options{})
	invalid := func(want string, lines ...string) resource.TestStep {
		return resource.TestStep{Config: e.accountConfig(lines...), PlanOnly: true, ExpectError: acctest.Exactly(want)}
	}
	ok := "user_id = " + acctest.HCL(acctest.AccountUserID("diag"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			invalid("user_id is 33 bytes; the vendor allows at most 32 bytes (it would answer 70402).",
				"user_id = "+acctest.HCL(strings.Repeat("u", 33))),
			invalid("user_id is empty; the vendor requires at least 1 byte (it would answer 70402).",
				`user_id = ""`),
			invalid("nick is 501 bytes; the vendor allows at most 500 bytes (it would answer 40601).",
				ok, "nick = "+acctest.HCL(strings.Repeat("主", 167))),
			invalid("face_url is 501 bytes; the vendor allows at most 500 bytes (it would answer 40601).",
				ok, "face_url = "+acctest.HCL("https://"+strings.Repeat("f", 493))),
		},
	})
	if e.Emu != nil {
		if n := e.Emu.Stats().Total; n != 0 {
			t.Fatalf("plan-time checks made %d API requests", n)
		}
	}
}
