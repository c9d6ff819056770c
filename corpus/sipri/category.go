package sipri

import (
	"strings"

	"github.com/briefbot/briefbot/bot/weapons"
)

// descriptionCategories maps SIPRI's weapon descriptions, as both export
// formats write them (the classic "APC", the modern "armoured personnel
// carrier"), to SIPRI's armament categories. Keys are in descriptionKey
// form. The table follows SIPRI's definitions, which differ from everyday
// words in places the weapons lexicon cannot know: a "SAM" (the missile) is
// Missiles while a "SAM system" is Air-defence systems; torpedoes are
// Missiles; ship-borne air defence and anti-submarine launchers are Naval
// weapons; turrets are Other.
var descriptionCategories = map[string]weapons.Category{}

func init() {
	for cat, list := range map[weapons.Category][]string{
		weapons.Aircraft: {
			"aircraft", "armed uav", "uav", "ucav", "combat uav", "fga aircraft", "fighter aircraft",
			"combat aircraft", "ground attack aircraft", "bomber aircraft", "bomber", "trainer aircraft",
			"armed trainer aircraft", "(armed) trainer aircraft", "trainer/combat aircraft", "jet trainer aircraft",
			"transport aircraft", "light transport aircraft", "heavy transport aircraft", "light aircraft",
			"tanker/transport aircraft", "tanker aircraft", "maritime patrol aircraft", "mp aircraft",
			"asw aircraft", "aew aircraft", "aew&c aircraft", "sigint aircraft", "elint aircraft",
			"reconnaissance aircraft", "airship", "helicopter", "light helicopter", "transport helicopter",
			"combat helicopter", "asw helicopter", "aew helicopter", "sar helicopter", "training helicopter",
		},
		weapons.AirDefence: {
			"sam system", "mobile sam system", "air defence system", "self propelled aa gun",
			"self propelled aa gun/sam system", "aa gun", "towed aa gun", "spaag", "mobile air defence system",
		},
		weapons.ArmouredVehicles: {
			"apc", "apv", "apc/apv", "apc/ifv", "ifv", "ifv/apc", "armoured personnel carrier",
			"infantry fighting vehicle", "armoured car", "armoured vehicle", "armoured reconnaissance vehicle",
			"armoured supply vehicle", "armoured recovery vehicle", "arv", "afsv", "fire support vehicle",
			"tank", "light tank", "tank destroyer", "armoured bridgelayer", "armoured engineering vehicle",
			"armoured command vehicle", "reconnaissance vehicle",
		},
		weapons.Artillery: {
			"self propelled gun", "self propelled howitzer", "self propelled mortar", "self propelled mrl",
			"towed gun", "towed howitzer", "towed mrl", "mortar", "mrl", "multiple rocket launcher",
			"self propelled multiple rocket launcher", "coastal defence gun",
		},
		weapons.Engines: {
			"aircraft engine", "vehicle engine", "ship engine", "turbofan", "turbojet", "turboprop",
			"turboshaft", "diesel engine", "gas turbine", "engine",
		},
		weapons.Missiles: {
			"sam", "portable sam", "manpads", "long range air to air missile", "short range air to air missile",
			"air to air missile", "bvraam", "sraam", "air to surface missile", "asm", "anti ship missile",
			"anti tank missile", "atgm", "anti radar missile", "arm", "surface to surface missile", "ssm",
			"ballistic missile", "cruise missile", "land attack missile", "guided bomb", "guided rocket",
			"guided shell", "loitering munition", "torpedo", "asw torpedo", "anti ship torpedo",
			"anti ship/asw torpedo", "anti submarine torpedo", "abm", "abm missile",
		},
		weapons.NavalWeapons: {
			"naval gun", "naval sam system", "ciws", "asw mrl", "asw mortar", "naval mrl", "naval gun/ciws",
		},
		weapons.Sensors: {
			"air search radar", "air/sea search radar", "sea search radar", "ground search radar",
			"ground surveillance radar", "fire control radar", "combat aircraft radar", "aircraft radar",
			"aew aircraft radar", "mp aircraft radar", "multi function radar", "artillery locating radar",
			"weapon locating radar", "air search system", "aircraft eo system", "aircraft electro optical system",
			"eo system", "electro optical system", "asw sonar", "sonar", "mad", "sigint system", "elint system",
			"radar", "air and sea search radar",
		},
		weapons.Ships: {
			"frigate", "corvette", "destroyer", "cruiser", "submarine", "aircraft carrier", "opv",
			"offshore patrol vessel", "patrol craft", "patrol boat", "patrol ship", "fac", "missile boat",
			"landing ship", "landing craft", "landing platform dock", "amphibious assault ship", "support ship",
			"tanker", "mcm ship", "minesweeper", "minehunter", "minelayer", "training ship", "research ship",
			"survey ship", "icebreaker", "transport ship", "sigint ship",
		},
		weapons.Satellites: {
			"satellite", "communications satellite", "reconnaissance satellite", "earth observation satellite",
		},
		weapons.Other: {
			"turret", "infantry fighting vehicle turret", "ifv turret", "apc turret", "armoured vehicle turret",
			"tank turret", "air refuelling system", "refuelling system",
		},
	} {
		for _, d := range list {
			descriptionCategories[descriptionKey(d)] = cat
		}
	}
}

// headNouns give a category from the last word of a description SIPRI
// phrased in a way the table lacks ("coastal search radar").
var headNouns = map[string]weapons.Category{
	"aircraft": weapons.Aircraft, "helicopter": weapons.Aircraft, "uav": weapons.Aircraft, "ucav": weapons.Aircraft,
	"radar": weapons.Sensors, "sonar": weapons.Sensors,
	"engine": weapons.Engines, "turbine": weapons.Engines, "turbofan": weapons.Engines, "turbojet": weapons.Engines,
	"turboprop": weapons.Engines, "turboshaft": weapons.Engines,
	"missile": weapons.Missiles, "sam": weapons.Missiles, "torpedo": weapons.Missiles, "munition": weapons.Missiles,
	"bomb":     weapons.Missiles,
	"howitzer": weapons.Artillery, "mortar": weapons.Artillery, "mrl": weapons.Artillery,
	"ship": weapons.Ships, "boat": weapons.Ships, "frigate": weapons.Ships, "corvette": weapons.Ships,
	"submarine": weapons.Ships, "vessel": weapons.Ships, "craft": weapons.Ships, "fac": weapons.Ships,
	"vehicle": weapons.ArmouredVehicles, "apc": weapons.ArmouredVehicles, "ifv": weapons.ArmouredVehicles,
	"tank":      weapons.ArmouredVehicles,
	"turret":    weapons.Other,
	"satellite": weapons.Satellites,
}

// descriptionKey normalises a description: lower case, hyphens as spaces,
// single spaces.
func descriptionKey(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(strings.ToLower(s), "-", " ")), " ")
}

// CategoryOf returns the SIPRI armament category of a weapon described as
// SIPRI describes it ("armed UAV" gives Aircraft, "SAM system" Air-defence
// systems, "SAM" Missiles, "APC" Armoured vehicles). It tries, in order,
// the package's table of SIPRI descriptions, the description's last word,
// the weapons lexicon (weapons.CategoryOf) on the description, and the
// designation as a known system (weapons.LookupSystem); it returns "Other"
// when none knows.
func CategoryOf(description, designation string) string {
	k := descriptionKey(description)
	if c, ok := descriptionCategories[k]; ok {
		return string(c)
	}
	last := k[strings.LastIndexAny(k, " /")+1:]
	if c, ok := headNouns[last]; ok {
		return string(c)
	}
	if c, ok := headNouns[strings.TrimSuffix(last, "s")]; ok {
		return string(c)
	}
	if c, ok := weapons.CategoryOf(description); ok && description != "" {
		return string(c)
	}
	if s, ok := weapons.LookupSystem(designation); ok && designation != "" {
		return string(s.Category)
	}
	return string(weapons.Other)
}

// categoryCache remembers CategoryOf's answers during one parse.
type categoryCache map[[2]string]string

func (c categoryCache) of(description, designation string) string {
	k := [2]string{description, designation}
	if v, ok := c[k]; ok {
		return v
	}
	v := CategoryOf(description, designation)
	c[k] = v
	return v
}
