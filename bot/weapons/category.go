package weapons

import "strings"

// Category is one of SIPRI's eleven armament categories. Its value is the
// label SIPRI uses ("Air-defence systems").
type Category string

// SIPRI's armament categories.
const (
	Aircraft         Category = "Aircraft"
	AirDefence       Category = "Air-defence systems"
	ArmouredVehicles Category = "Armoured vehicles"
	Artillery        Category = "Artillery"
	Engines          Category = "Engines"
	Missiles         Category = "Missiles"
	NavalWeapons     Category = "Naval weapons"
	Other            Category = "Other"
	Satellites       Category = "Satellites"
	Sensors          Category = "Sensors"
	Ships            Category = "Ships"
)

var categories = []Category{
	Aircraft, AirDefence, ArmouredVehicles, Artillery, Engines, Missiles,
	NavalWeapons, Other, Satellites, Sensors, Ships,
}

// Categories returns the eleven categories in SIPRI's order.
func Categories() []Category {
	return append([]Category(nil), categories...)
}

// categoryByLabel maps a label with case, spaces and hyphens removed to its
// category. It accepts the older "Air defence systems", American spellings
// and the Go constant names.
var categoryByLabel = func() map[string]Category {
	m := map[string]Category{}
	for _, c := range categories {
		m[labelKey(string(c))] = c
	}
	for alias, c := range map[string]Category{
		"Air defence systems": AirDefence,
		"Air defense systems": AirDefence,
		"Air-defense systems": AirDefence,
		"AirDefence":          AirDefence,
		"Armored vehicles":    ArmouredVehicles,
		"ArmouredVehicles":    ArmouredVehicles,
		"NavalWeapons":        NavalWeapons,
	} {
		m[labelKey(alias)] = c
	}
	return m
}()

func labelKey(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// ParseCategory parses a SIPRI category label, ignoring case, spaces and
// hyphens: "Air-defence systems", "air defence systems" (older exports),
// "Air defense systems", "armoured vehicles", "SHIPS".
func ParseCategory(s string) (Category, bool) {
	c, ok := categoryByLabel[labelKey(s)]
	return c, ok
}
