package livespec

// SeatTemplate describes one documented layout template.
type SeatTemplate struct {
	Name  string
	ID    int  // numeric SeatLayoutTemplateId
	Seats int  // guest seats the template implies; 0 = MaxSeatCount (package-capped)
	Voice bool // AudioSalon / Karaoke: the only templates that take MaxSeatCount
}

// Both landscape spellings are valid and mean template 200 (project decision): Tencent's console
// sends the singular, every client SDK enum the plural.
const (
	LandscapeConsole = "VideoLandscape4Seat"
	LandscapeSDK     = "VideoLandscape4Seats"
)

// SeatTemplates lists every template create_room accepts, in documentation order.
var SeatTemplates = []SeatTemplate{
	{Name: "VideoDynamicGrid9Seats", ID: 600, Seats: 9},
	{Name: "VideoDynamicFloat7Seats", ID: 601, Seats: 7},
	{Name: "VideoFixedGrid9Seats", ID: 800, Seats: 9},
	{Name: "VideoFixedFloat7Seats", ID: 801, Seats: 7},
	{Name: LandscapeConsole, ID: 200, Seats: 4},
	{Name: LandscapeSDK, ID: 200, Seats: 4},
	{Name: "AudioSalon", ID: 70, Voice: true},
	{Name: "Karaoke", ID: 50, Voice: true},
}

// LookupSeatTemplate finds a template by its REST string.
func LookupSeatTemplate(name string) (SeatTemplate, bool) {
	for _, t := range SeatTemplates {
		if t.Name == name {
			return t, true
		}
	}
	return SeatTemplate{}, false
}

// SeatTemplateByID finds the template of a numeric SeatLayoutTemplateId (get_room_list). Both
// landscape spellings are template 200; the SDK's plural is returned, as flatten keeps a
// configured equivalent spelling anyway.
func SeatTemplateByID(id int64) (SeatTemplate, bool) {
	var found SeatTemplate
	ok := false
	for _, t := range SeatTemplates {
		if int64(t.ID) == id {
			found, ok = t, true
		}
	}
	return found, ok
}

// SeatTemplateNames returns the accepted SeatTemplate strings.
func SeatTemplateNames() []string {
	names := make([]string, len(SeatTemplates))
	for i, t := range SeatTemplates {
		names[i] = t.Name
	}
	return names
}

// VoiceTemplateNames returns the templates that accept MaxSeatCount.
func VoiceTemplateNames() []string {
	var names []string
	for _, t := range SeatTemplates {
		if t.Voice {
			names = append(names, t.Name)
		}
	}
	return names
}
