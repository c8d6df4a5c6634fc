package giftcategory

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// stateSetter is resp.State.Set of a create or update.
type stateSetter func(ctx context.Context, val any) diag.Diagnostics

type diagnostics = diag.Diagnostics

var giftIDsPath = path.Root("gift_ids")
