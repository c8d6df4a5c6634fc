package giftkit

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// The attributes the gift and the category define alike; what names "gift" or "category".

// IDAttribute is id, the same as idAttribute (gift_id or category_id).
func IDAttribute(idAttribute string) schema.StringAttribute {
	return schema.StringAttribute{
		Computed:      true,
		Description:   "Same as " + idAttribute + ".",
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// DefaultNameAttribute is default_name of names of 1 to nameMax bytes.
func DefaultNameAttribute(what string, nameMax int) schema.StringAttribute {
	return schema.StringAttribute{
		Required: true,
		Description: fmt.Sprintf("Name shown when the %s has no translation in the client's language, 1 to %d bytes of "+
			"UTF-8 (%d CJK characters).", what, nameMax, nameMax/3),
		Validators: Bytes(1, nameMax),
	}
}

// DefaultDescAttribute is default_desc of descriptions of at most descMax bytes.
func DefaultDescAttribute(what string, descMax int) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		Description: fmt.Sprintf("Description shown when the %s has no translation in the client's language, at most %d "+
			"bytes of UTF-8 (%d CJK characters).", what, descMax, descMax/3),
		Validators: Bytes(0, descMax),
	}
}

// ExtensionInfoAttribute is extension_info, compared as JSON.
func ExtensionInfoAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Optional:   true,
		CustomType: ExtensionInfoType{},
		Description: fmt.Sprintf("Custom data for the app: a JSON object of strings, at most %d bytes of text (write it "+
			"with jsonencode). Compared as JSON, so key order and spacing never show as a change.", livespec.MaxGiftExtensionInfoBytes),
		Validators: []validator.String{ExtensionInfoText{}},
	}
}
