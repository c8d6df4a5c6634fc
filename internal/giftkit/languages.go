package giftkit

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// languages is a map keyed by language code (en, zh-Hans, zh-Hant) of {name, desc}: the
// translations a gift or category shows in that language. Only the keys in the map are
// managed; a key removed from the map is deleted with the del_*_language command.

// Text is one translation.
type Text struct {
	Name types.String `tfsdk:"name"`
	Desc types.String `tfsdk:"desc"`
}

// TextAttrTypes are the attribute types of Text.
var TextAttrTypes = map[string]attr.Type{"name": types.StringType, "desc": types.StringType}

// TextType is the element type of a languages map.
var TextType = types.ObjectType{AttrTypes: TextAttrTypes}

// LanguagesAttribute is the schema of languages for names of nameMax and descriptions of
// descMax bytes.
func LanguagesAttribute(what string, nameMax, descMax int) schema.MapNestedAttribute {
	return schema.MapNestedAttribute{
		Optional: true,
		Description: fmt.Sprintf("Translations of the %s, keyed by language code: %s (exact case; nothing else is accepted). "+
			"A client whose language has no entry sees the defaults. Only the listed languages are managed: a language removed "+
			"from the map is deleted.", what, strings.Join(livespec.GiftLanguages, ", ")),
		Validators: []validator.Map{LanguageCodes{}},
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required:    true,
				Description: fmt.Sprintf("Name in this language, 1 to %d bytes of UTF-8 (%d CJK characters).", nameMax, nameMax/3),
				Validators:  []validator.String{tfkit.ByteLength{Min: 1, Max: nameMax, Code: livespec.CodeInvalidParam}},
			},
			"desc": schema.StringAttribute{
				Optional:    true,
				Description: fmt.Sprintf("Description in this language, at most %d bytes of UTF-8 (%d CJK characters).", descMax, descMax/3),
				Validators:  []validator.String{tfkit.ByteLength{Min: 0, Max: descMax, Code: livespec.CodeInvalidParam}},
			},
		}},
	}
}

// ExpandLanguages returns the known translations of m.
func ExpandLanguages(ctx context.Context, m types.Map) (wire.Languages, diag.Diagnostics) {
	out := wire.Languages{}
	if !tfkit.Known(m) {
		return out, nil
	}
	texts := map[string]Text{}
	diags := m.ElementsAs(ctx, &texts, false)
	for lang, t := range texts {
		out[lang] = wire.GiftText{Name: t.Name.ValueString(), Desc: t.Desc.ValueString()}
	}
	return out, diags
}

// FlattenLanguages is the languages value for what the service holds. A desc the service holds
// empty stays null when the prior value left it unset (or empty), and the map stays null when
// it was unset and the service holds no translation.
func FlattenLanguages(ctx context.Context, served wire.Languages, prior types.Map) (types.Map, diag.Diagnostics) {
	if len(served) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.MapNull(TextType), nil
	}
	priorTexts := map[string]Text{}
	var diags diag.Diagnostics
	if tfkit.Known(prior) {
		diags = prior.ElementsAs(ctx, &priorTexts, false)
	}
	elems := map[string]attr.Value{}
	for lang, t := range served {
		desc := types.StringValue(t.Desc)
		if p, ok := priorTexts[lang]; t.Desc == "" && (!ok || p.Desc.IsNull() || p.Desc.IsUnknown()) {
			desc = types.StringNull()
		} else if ok && t.Desc == "" {
			desc = p.Desc
		}
		obj, d := types.ObjectValue(TextAttrTypes, map[string]attr.Value{"name": types.StringValue(t.Name), "desc": desc})
		diags.Append(d...)
		elems[lang] = obj
	}
	m, d := types.MapValue(TextType, elems)
	diags.Append(d...)
	return m, diags
}

// LanguageChanges is what turns the translations in state into those planned: the languages
// to set (new or changed) and to delete.
func LanguageChanges(state, plan wire.Languages) (set []string, del []string) {
	for _, lang := range livespec.GiftLanguages {
		p, planned := plan[lang]
		s, had := state[lang]
		switch {
		case planned && (!had || p != s):
			set = append(set, lang)
		case !planned && had:
			del = append(del, lang)
		}
	}
	return set, del
}

// LanguageCodes accepts only the vendor's language codes as map keys, and suggests the code a
// common misspelling meant.
type LanguageCodes struct{}

func (LanguageCodes) Description(context.Context) string {
	return "keys must be one of " + strings.Join(livespec.GiftLanguages, ", ")
}
func (v LanguageCodes) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (LanguageCodes) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, key := range tfkit.SortedKeys(keysOf(req.ConfigValue)) {
		if msg := CheckLanguageCode(req.Path.String(), key); msg != "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String()+" key", msg)
		}
	}
}

func keysOf(m types.Map) map[string]string {
	out := map[string]string{}
	for k := range m.Elements() {
		out[k] = k
	}
	return out
}

// CheckLanguageCode returns the diagnostic text for a languages key, or "" when it is a code
// the vendor accepts.
func CheckLanguageCode(attribute, code string) string {
	if livespec.IsGiftLanguage(code) {
		return ""
	}
	msg := fmt.Sprintf("%s has the key %q, which is not a language code of the gift system; the vendor accepts only %s, in that exact case %s.",
		attribute, code, strings.Join(livespec.GiftLanguages, ", "), tfkit.VendorSays(livespec.CodeInvalidParam))
	if s := SuggestLanguage(code); s != "" {
		msg += fmt.Sprintf(" Did you mean %q?", s)
	}
	return msg
}

// SuggestLanguage returns the vendor's code for a language tag written another way (zh-CN,
// zh_Hans, EN, en-US, zh-TW), or "" when it cannot tell.
func SuggestLanguage(code string) string {
	tag := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(code), "_", "-"))
	switch {
	case tag == "en" || strings.HasPrefix(tag, "en-") || tag == "english":
		return livespec.GiftLanguageEnglish
	case tag == "zh-hant" || strings.HasPrefix(tag, "zh-hant-") || tag == "zh-tw" || tag == "zh-hk" || tag == "zh-mo":
		return livespec.GiftLanguageTraditionalChinese
	case tag == "zh" || tag == "zh-hans" || strings.HasPrefix(tag, "zh-hans-") || tag == "zh-cn" || tag == "zh-sg" || tag == "chinese":
		return livespec.GiftLanguageSimplifiedChinese
	}
	return ""
}
