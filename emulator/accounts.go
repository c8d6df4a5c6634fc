package emulator

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Account is an imported user (im_open_login_svc), shared with Chat.
type Account struct {
	UserID  string `json:"UserID"`
	Nick    string `json:"Nick,omitempty"`
	FaceURL string `json:"FaceUrl,omitempty"`
}

// Accounts returns the imported accounts, sorted by UserID.
func (s *Server) Accounts() []Account {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accountsLocked()
}

func (s *Server) accountsLocked() []Account {
	out := make([]Account, 0, len(s.accounts))
	for _, a := range s.accounts {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b Account) int { return strings.Compare(a.UserID, b.UserID) })
	return out
}

// The account service reports its own invalid-parameter code (70402) where the live service
// says 100002.
func imParam(err *apiError) *apiError {
	if err != nil && err.code == livespec.CodeInvalidParam {
		return fail(livespec.CodeAccountInvalidParam, err.info)
	}
	return err
}

// readAccount decodes {"UserID", "Nick", "FaceUrl"} and checks the documented limits.
func readAccount(o object) (Account, *apiError) {
	id, present, err := o.account("UserID")
	if err != nil {
		return Account{}, err
	}
	if !present || id == "" {
		return Account{}, fail(livespec.CodeAccountInvalidParam, "UserID is required")
	}
	if len(id) > livespec.MaxUserIDBytes {
		return Account{}, fail(livespec.CodeAccountInvalidParam, fmt.Sprintf("UserID exceeds %d bytes", livespec.MaxUserIDBytes))
	}
	a := Account{UserID: id}
	if a.Nick, _, err = o.str("Nick"); err != nil {
		return Account{}, imParam(err)
	}
	if a.FaceURL, _, err = o.str("FaceUrl"); err != nil {
		return Account{}, imParam(err)
	}
	if len(a.Nick) > livespec.MaxProfileValueBytes || len(a.FaceURL) > livespec.MaxProfileValueBytes {
		return Account{}, fail(livespec.CodeProfileTooLong, fmt.Sprintf("profile values are at most %d bytes", livespec.MaxProfileValueBytes))
	}
	return a, nil
}

// importLocked adds or refreshes an account; importing again keeps one account (idempotent) and
// overwrites the profile fields only when given.
func (s *Server) importLocked(a Account) {
	old, ok := s.accounts[a.UserID]
	if ok {
		if a.Nick == "" {
			a.Nick = old.Nick
		}
		if a.FaceURL == "" {
			a.FaceURL = old.FaceURL
		}
	}
	s.accounts[a.UserID] = a
	s.gen++
}

func (s *Server) accountImport(c *call) (result, *apiError) {
	a, err := readAccount(c.body)
	if err != nil {
		return result{}, err
	}
	s.mu.Lock()
	s.importLocked(a)
	s.mu.Unlock()
	return result{}, nil
}

// userItems reads a list field of {"UserID"} objects, 1 to 100 of them.
func userItems(o object, name string) ([]string, *apiError) {
	elems, _, err := o.array(name)
	if err != nil {
		return nil, imParam(err)
	}
	if err := checkBatch(len(elems), name); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(elems))
	for _, e := range elems {
		item, ok := decodeObject(e)
		if !ok {
			return nil, fail(livespec.CodeAccountInvalidParam, name+" items must be objects")
		}
		id, _, err := item.account("UserID")
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func (s *Server) multiAccountImport(c *call) (result, *apiError) {
	legacy, hasLegacy := c.body.raw("Accounts")
	_, hasList := c.body.raw("AccountList")
	var accounts []Account
	failed := []string{}
	switch {
	case hasList:
		elems, _, err := c.body.array("AccountList")
		if err != nil {
			return result{}, imParam(err)
		}
		if err := checkBatch(len(elems), "AccountList"); err != nil {
			return result{}, err
		}
		for _, e := range elems {
			o, ok := decodeObject(e)
			if !ok {
				return result{}, fail(livespec.CodeAccountInvalidParam, "AccountList items must be objects")
			}
			a, err := readAccount(o)
			if err != nil {
				if err.code == livespec.CodeAccountNotString {
					return result{}, err
				}
				id, _, _ := o.str("UserID")
				failed = append(failed, id)
				continue
			}
			accounts = append(accounts, a)
		}
	case hasLegacy:
		var elems []json.RawMessage
		if json.Unmarshal(legacy, &elems) != nil {
			return result{}, fail(livespec.CodeAccountInvalidParam, "Accounts must be an array")
		}
		if err := checkBatch(len(elems), "Accounts"); err != nil {
			return result{}, err
		}
		for _, e := range elems {
			id, ok := parseString(e)
			if !ok {
				return result{}, fail(livespec.CodeAccountNotString, "Accounts items must be JSON strings")
			}
			if id == "" || len(id) > livespec.MaxUserIDBytes {
				failed = append(failed, id)
				continue
			}
			accounts = append(accounts, Account{UserID: id})
		}
	default:
		return result{}, fail(livespec.CodeAccountInvalidParam, "AccountList or Accounts is required")
	}
	s.mu.Lock()
	for _, a := range accounts {
		s.importLocked(a)
	}
	s.mu.Unlock()
	return result{topLevel: true, payload: struct{ FailAccounts []string }{failed}}, nil
}

func checkBatch(n int, name string) *apiError {
	if n == 0 || n > livespec.MaxAccountsPerOp {
		return fail(livespec.CodeAccountInvalidParam, fmt.Sprintf("%s must hold 1 to %d items", name, livespec.MaxAccountsPerOp))
	}
	return nil
}

type checkResult struct {
	UserID        string
	ResultCode    int
	ResultInfo    string
	AccountStatus string
}

func (s *Server) accountCheck(c *call) (result, *apiError) {
	ids, err := userItems(c.body, "CheckItem")
	if err != nil {
		return result{}, err
	}
	items := make([]checkResult, 0, len(ids))
	s.mu.Lock()
	for _, id := range ids {
		status := "NotImported"
		if _, ok := s.accounts[id]; ok {
			status = "Imported"
		}
		items = append(items, checkResult{UserID: id, AccountStatus: status})
	}
	s.mu.Unlock()
	return result{topLevel: true, payload: struct{ ResultItem []checkResult }{items}}, nil
}

type deleteResult struct {
	UserID     string
	ResultCode int
	ResultInfo string
}

func (s *Server) accountDelete(c *call) (result, *apiError) {
	if s.opts.AccountDeleteDisabled {
		return result{}, fail(60017, "request disabled: account deletion is turned off for this application")
	}
	ids, err := userItems(c.body, "DeleteItem")
	if err != nil {
		return result{}, err
	}
	items := make([]deleteResult, 0, len(ids))
	s.mu.Lock()
	for _, id := range ids {
		if _, ok := s.accounts[id]; !ok {
			items = append(items, deleteResult{UserID: id, ResultCode: int(livespec.CodeAccountNotImported), ResultInfo: "Err_TLS_PT_Open_Login_Account_Not_Exist"})
			continue
		}
		delete(s.accounts, id)
		s.gen++
		items = append(items, deleteResult{UserID: id})
	}
	s.mu.Unlock()
	return result{topLevel: true, payload: struct{ ResultItem []deleteResult }{items}}, nil
}
