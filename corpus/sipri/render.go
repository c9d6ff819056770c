package sipri

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// System returns the designation without SIPRI's trailing " -" or " --"
// ("Survivor-2 -" gives "Survivor-2").
func (d Deal) System() string {
	s := strings.TrimSpace(d.Designation)
	for {
		t := strings.TrimRight(s, "-")
		if t == s || !strings.HasSuffix(t, " ") {
			return s
		}
		s = strings.TrimSpace(t)
	}
}

// Relation returns the deal as a supply relation. Years are the delivery
// years, or the order year alone when nothing has been delivered (none
// when that is unknown too). Evidence.Sentence is d.Sentence();
// Evidence.ReportID, Start and End are left for the caller that indexes
// the sentence as a report.
func (d Deal) Relation() bot.Relation {
	years := slices.Clone(d.DeliveryYears)
	if d.Delivered == 0 && d.OrderYear > 0 {
		years = []int{d.OrderYear}
	}
	return bot.Relation{
		Supplier:  d.Supplier,
		Recipient: d.Recipient,
		System:    d.System(),
		Category:  d.Category,
		Status:    d.Status,
		Kind:      d.Kind,
		Years:     years,
		TIV:       max(d.TIVDelivered, 0),
		TIVByYear: maps.Clone(d.TIVByYear),
		Evidence:  bot.Evidence{Sentence: d.Sentence()},
	}
}

// Sentence renders the record in plain English, to be quoted as the
// evidence of its relation:
//
//	Turkey to Turkmenistan: 3 Bayraktar TB2 armed UAVs ordered in 2020 (year and number uncertain), 3 delivered in 2021.
//	Iran to Tajikistan: an unknown number of Ababil-2 UAVs ordered in 2021 (year uncertain), none delivered yet. SIPRI comment: Produced under licence in Tajikistan.
//
// Uncertain fields are marked, second-hand weapons said so, and SIPRI's
// comment (or, in modern exports, local production) follows.
func (d Deal) Sentence() string {
	var b strings.Builder
	b.WriteString(partyName(d.Supplier, "supplier"))
	b.WriteString(" to ")
	b.WriteString(partyName(d.Recipient, "recipient"))
	b.WriteString(": ")

	// What was ordered.
	n := d.Ordered
	switch {
	case d.Ordered >= 0:
		b.WriteString(strconv.Itoa(d.Ordered))
		b.WriteByte(' ')
	case d.Delivered == 0:
		b.WriteString("an unknown number of ")
		n = 2
	default:
		n = d.Delivered // number ordered not given: agree with what was delivered
	}
	switch d.SecondHand {
	case "Second hand":
		b.WriteString("second-hand ")
	case "Second hand but modernized":
		b.WriteString("modernized second-hand ")
	}
	b.WriteString(d.weaponPhrase(n != 1))
	b.WriteString(" ordered")
	if d.OrderYear > 0 {
		b.WriteString(" in ")
		b.WriteString(strconv.Itoa(d.OrderYear))
	} else {
		b.WriteString(" (year unknown)")
	}
	var unc []string
	if d.OrderYearUncertain && d.OrderYear > 0 {
		unc = append(unc, "year")
	}
	if d.OrderedUncertain && d.Ordered >= 0 {
		unc = append(unc, "number")
	}
	writeUncertain(&b, unc)

	// What was delivered.
	if d.Delivered == 0 {
		b.WriteString(", none delivered yet.")
	} else {
		b.WriteString(", ")
		b.WriteString(strconv.Itoa(d.Delivered))
		b.WriteString(" delivered")
		if len(d.DeliveryYears) > 0 {
			b.WriteString(" in ")
			b.WriteString(yearList(d.DeliveryYears))
		}
		unc = unc[:0]
		if d.DeliveredUncertain {
			unc = append(unc, "number")
		}
		if d.DeliveryYearUncertain && len(d.DeliveryYears) > 0 {
			if len(d.DeliveryYears) > 1 {
				unc = append(unc, "years")
			} else {
				unc = append(unc, "year")
			}
		}
		writeUncertain(&b, unc)
		b.WriteByte('.')
	}

	switch {
	case d.Comments != "":
		b.WriteString(" SIPRI comment: ")
		b.WriteString(d.Comments)
		if !strings.HasSuffix(d.Comments, ".") {
			b.WriteByte('.')
		}
	case d.LocalProduction:
		b.WriteString(" Produced locally in ")
		b.WriteString(partyName(d.Recipient, "recipient"))
		b.WriteByte('.')
	}
	return b.String()
}

// Citation names the export and the deal for a citation: "SIPRI Arms
// Transfers Database, export of 13 Mar 2025, deal Bayraktar TB2 (2020)".
// The date is left out when the export's is unknown, the year when the
// deal's is.
func (e *Export) Citation(d Deal) string {
	var b strings.Builder
	b.WriteString("SIPRI Arms Transfers Database")
	if e != nil && !e.Generated.IsZero() {
		b.WriteString(", export of ")
		b.WriteString(e.Generated.Format("2 Jan 2006"))
	}
	b.WriteString(", deal ")
	name := d.System()
	if name == "" {
		name = d.Description
	}
	b.WriteString(name)
	if d.OrderYear > 0 {
		b.WriteString(" (")
		b.WriteString(strconv.Itoa(d.OrderYear))
		b.WriteByte(')')
	}
	return b.String()
}

func partyName(name, role string) string {
	if name == "unknown" || name == "" {
		return "Unknown " + role + "(s)"
	}
	return name
}

func writeUncertain(b *strings.Builder, what []string) {
	if len(what) == 0 {
		return
	}
	b.WriteString(" (")
	b.WriteString(strings.Join(what, " and "))
	b.WriteString(" uncertain)")
}

// weaponPhrase names the weapon: designation and description ("Bayraktar
// TB2 armed UAVs"), or the description alone when the designation only
// repeats it ("vehicle engines", "aircraft engines (2001-3000)").
func (d Deal) weaponPhrase(plural bool) string {
	sys, desc := d.System(), strings.TrimSpace(d.Description)
	noun := desc
	if plural {
		noun = pluralize(desc)
	}
	switch {
	case desc == "":
		return sys
	case sys == "":
		return noun
	case strings.EqualFold(sys, desc):
		return noun
	case len(sys) > len(desc) && strings.EqualFold(sys[:len(desc)], desc) && sys[len(desc)] == ' ':
		return noun + " (" + strings.TrimSpace(sys[len(desc):]) + ")"
	}
	return sys + " " + noun
}

// uncountable last words keep their form in the plural.
var uncountable = map[string]bool{
	"aircraft": true, "craft": true, "fac": true, "ammunition": true, "artillery": true, "equipment": true,
	"materiel": true, "hovercraft": true, "spacecraft": true, "rotorcraft": true,
}

// pluralize makes the last word of a description plural: "armed UAV"
// gives "armed UAVs", "SAM system" "SAM systems", "transport aircraft"
// stays.
func pluralize(s string) string {
	i := strings.LastIndexAny(s, " /") + 1
	head, w := s[:i], s[i:]
	lw := strings.ToLower(w)
	switch {
	case w == "" || uncountable[lw] || strings.HasSuffix(w, ")"):
		return s
	case w == strings.ToUpper(w) && strings.ContainsAny(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
		// An acronym: "UAV" -> "UAVs", but "CIWS" and "MANPADS" stay.
		if strings.HasSuffix(w, "S") {
			return s
		}
		return s + "s"
	case lw == "torpedo":
		return head + w + "es"
	case strings.HasSuffix(lw, "s"), strings.HasSuffix(lw, "x"), strings.HasSuffix(lw, "ch"), strings.HasSuffix(lw, "sh"):
		return s + "es"
	case strings.HasSuffix(lw, "y") && len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		return head + w[:len(w)-1] + "ies"
	}
	return s + "s"
}

// yearList writes years as "2021", "2016 and 2017", "2011-2017" or
// "2019, 2020 and 2024": runs of three or more consecutive years become a
// range.
func yearList(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, strconv.Itoa(years[i])+"-"+strconv.Itoa(years[j]))
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, strconv.Itoa(years[k]))
			}
		}
		i = j + 1
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
