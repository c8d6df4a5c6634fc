package wire

import (
	"context"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Account is a user of the app's account system (shared with Chat). Empty Nick and FaceURL are
// left out of the request.
type Account struct {
	UserID  string `json:"UserID"`
	Nick    string `json:"Nick,omitempty"`
	FaceURL string `json:"FaceUrl,omitempty"`
}

// AccountStatus is one account_check result. ResultCode is the per-account code (0 = checked).
type AccountStatus struct {
	UserID     string
	Imported   bool
	ResultCode int
	ResultInfo string
}

// AccountResult is one per-account result of account_delete (70107: no such account).
type AccountResult struct {
	UserID     string
	ResultCode int
	ResultInfo string
}

// ImportAccount sends account_import; importing an existing UserID again succeeds.
func (c *Client) ImportAccount(ctx context.Context, a Account) error {
	return c.Call(ctx, livespec.ServiceAccount, "account_import", a, nil)
}

type userIDItem struct {
	UserID string `json:"UserID"`
}

type accountResultItem struct {
	UserID        string `json:"UserID"`
	ResultCode    int    `json:"ResultCode"`
	ResultInfo    string `json:"ResultInfo"`
	AccountStatus string `json:"AccountStatus"`
}

// CheckAccounts asks account_check whether each UserID is imported, in batches of
// livespec.MaxAccountsPerOp.
func (c *Client) CheckAccounts(ctx context.Context, userIDs []string) ([]AccountStatus, error) {
	var out []AccountStatus
	err := inBatches(userIDs, func(batch []userIDItem) error {
		var resp struct {
			ResultItem []accountResultItem `json:"ResultItem"`
		}
		req := struct {
			CheckItem []userIDItem `json:"CheckItem"`
		}{batch}
		if err := c.Call(ctx, livespec.ServiceAccount, "account_check", req, &resp); err != nil {
			return err
		}
		for _, it := range resp.ResultItem {
			out = append(out, AccountStatus{
				UserID:     it.UserID,
				Imported:   it.AccountStatus == "Imported",
				ResultCode: it.ResultCode,
				ResultInfo: it.ResultInfo,
			})
		}
		return nil
	})
	return out, err
}

// DeleteAccounts sends account_delete in batches of livespec.MaxAccountsPerOp and returns the
// per-account results.
func (c *Client) DeleteAccounts(ctx context.Context, userIDs []string) ([]AccountResult, error) {
	var out []AccountResult
	err := inBatches(userIDs, func(batch []userIDItem) error {
		var resp struct {
			ResultItem []accountResultItem `json:"ResultItem"`
		}
		req := struct {
			DeleteItem []userIDItem `json:"DeleteItem"`
		}{batch}
		if err := c.Call(ctx, livespec.ServiceAccount, "account_delete", req, &resp); err != nil {
			return err
		}
		for _, it := range resp.ResultItem {
			out = append(out, AccountResult{UserID: it.UserID, ResultCode: it.ResultCode, ResultInfo: it.ResultInfo})
		}
		return nil
	})
	return out, err
}

func inBatches(userIDs []string, send func([]userIDItem) error) error {
	return inAccountBatches(userIDs, func(ids []string) error {
		batch := make([]userIDItem, 0, len(ids))
		for _, id := range ids {
			batch = append(batch, userIDItem{id})
		}
		return send(batch)
	})
}
