package bot

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/bot/weapons"
)

// Limits of a structured answer, so one answer stays readable in chat.
const (
	maxVolumeRelations  = 20000 // relations loaded to sum volumes
	maxCounterparties   = 12    // counterparties listed with their deals
	maxLinesPerParty    = 4     // deal lines under one counterparty
	maxCitationsPerLine = 4     // citations shown per deal line (stated sentences and distinct reports first)
	// listingRelations are loaded for "who supplies X" and "whom does X
	// supply", enough that folding deals does not hide counterparties.
	listingRelations      = 120
	maxLessCertainParties = 6 // counterparties listed in the less certain group
	maxOtherLines         = 6 // talks, plans, cancellations and denials
)

// relationAnswer answers a question about supply relations. It returns nil
// when the index holds no matching relation, so the caller can fall back to
// passages.
func (b *Bot) relationAnswer(ctx context.Context, rs RelationSearcher, q string, u Understanding, f Filter) (*Answer, error) {
	rq := RelationQuery{Suppliers: u.Suppliers, Recipients: u.Recipients, Either: u.Either,
		Categories: u.Categories, System: u.System, YearFrom: u.YearFrom, YearTo: u.YearTo, SourceType: f.SourceType}
	switch u.Intent {
	case IntentSuppliers:
		rq.CountBy, rq.Limit = "supplier", listingRelations
	case IntentRecipients:
		rq.CountBy, rq.Limit = "recipient", listingRelations
	}
	if u.ByVolume {
		rq.Limit = maxVolumeRelations // volumes are summed here, so load them all
	}
	res, err := rs.SearchRelations(ctx, rq)
	if err != nil {
		return nil, err
	}
	more, err := missingParties(ctx, rs, rq, res)
	if err != nil {
		return nil, err
	}
	named, err := namedInEvidence(ctx, rs, rq, u)
	if err != nil {
		return nil, err
	}
	res.Hits = append(append(res.Hits, more...), named...)
	res.Total += len(named)
	hits := narrowByKind(res.Hits, u.Kinds)
	if len(hits) == 0 {
		return nil, nil
	}
	counts := res.Counts
	if len(hits) < len(res.Hits) {
		counts = nil // narrowed here: the index's counts cover other kinds of weapon too
	}
	c := newComposer(q)
	c.withRecipient = u.Intent == IntentSuppliers && len(u.Recipients) > 1
	c.withSupplier = u.Intent == IntentRecipients && len(u.Suppliers) > 1
	parties := c.group(hits, u, counts)
	if err := corroborate(ctx, rs, f.SourceType, hits, allLines(parties)); err != nil {
		return nil, err
	}
	rankParties(parties, u.ByVolume)
	text := []string{headline(u, parties, hits)}
	confirmed := c.supplyLines(parties, true, maxCounterparties)
	text = append(text, confirmed...)
	if unsure := c.supplyLines(parties, false, lessCertainRoom(parties)); len(unsure) > 0 {
		text = append(text, LessCertainHeading)
		text = append(text, unsure...)
	}
	text = append(text, c.otherLines(parties)...)
	if len(res.Hits) < res.Total {
		text = append(text, fmt.Sprintf("(Listed from %s of the %d that match.)", counted(len(res.Hits), "relation", "relations"), res.Total))
	}
	ans := &Answer{Question: q, Text: strings.Join(text, "\n"), Citations: c.citations, Relations: shownRelations(allLines(parties))}
	return ans, nil
}

// lessCertainRoom is how many counterparties the less certain group
// lists: maxLessCertainParties, or more when few confirmed ones leave room
// in a listing of maxCounterparties ("which countries has South Korea
// sold K9s to?", answered from one report's list of users).
func lessCertainRoom(parties []*party) int {
	confirmed := 0
	for _, p := range parties {
		if len(p.certainSupply(true)) > 0 {
			confirmed++
		}
	}
	return max(maxLessCertainParties, maxCounterparties-min(confirmed, maxCounterparties))
}

// allLines returns every deal line of the parties, supply first.
func allLines(parties []*party) []*line {
	var out []*line
	for _, p := range parties {
		out = append(out, p.supply...)
	}
	for _, p := range parties {
		out = append(out, p.other...)
	}
	return out
}

// missingParties loads relations of the counterparties that the first
// query counted but did not load, in one more query, when the loaded ones
// do not fill the listing.
func missingParties(ctx context.Context, rs RelationSearcher, rq RelationQuery, res RelationResult) ([]RelationHit, error) {
	if res.Counts == nil || len(res.Hits) >= res.Total {
		return nil, nil
	}
	loaded := map[string]bool{}
	parties := 0
	for _, h := range res.Hits {
		name := h.Recipient
		if rq.CountBy == "supplier" {
			name = h.Supplier
		}
		if !loaded[name] {
			loaded[name] = true
			parties++
		}
	}
	if parties >= maxCounterparties {
		return nil, nil // the listing is full already
	}
	type count struct {
		name string
		n    int
	}
	var missing []count
	for name, n := range res.Counts {
		if !loaded[name] {
			missing = append(missing, count{name, n})
		}
	}
	sort.Slice(missing, func(i, j int) bool {
		return missing[i].n > missing[j].n || (missing[i].n == missing[j].n && missing[i].name < missing[j].name)
	})
	missing = missing[:min(len(missing), maxCounterparties)]
	if len(missing) == 0 {
		return nil, nil
	}
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = m.name
	}
	q := rq
	q.CountBy, q.Limit = "", len(names)*maxLinesPerParty
	if rq.CountBy == "supplier" {
		q.Suppliers = names
	} else {
		q.Recipients = names
	}
	r, err := rs.SearchRelations(ctx, q)
	return r.Hits, err
}

// supplyLines renders the deliveries and orders of each counterparty, the
// certain ones or the less certain ones, as one line per counterparty,
// "- Turkey: Anka (Aircraft), delivered in 2022 [1]; …", listing at most
// maxParties counterparties.
func (c *composer) supplyLines(parties []*party, certain bool, maxParties int) []string {
	var text []string
	shown, with := 0, 0
	for _, p := range parties {
		deals := p.certainSupply(certain)
		if len(deals) == 0 {
			continue
		}
		with++
		if shown == maxParties {
			continue
		}
		shown++
		var parts []string
		for i, l := range deals {
			if i == maxLinesPerParty {
				parts = append(parts, counted(len(deals)-i, "more deal", "more deals"))
				break
			}
			parts = append(parts, c.render(l))
		}
		text = append(text, fmt.Sprintf("- %s: %s", p.name, strings.Join(parts, "; ")))
	}
	if with > shown {
		text = append(text, fmt.Sprintf("- …and %d more.", with-shown))
	}
	return text
}

// otherLines renders talks, plans, cancellations and denials, most recent
// first, under their heading; a line read only from context, with nothing
// else confirming its pair, says so once.
func (c *composer) otherLines(parties []*party) []string {
	var other []*line
	for _, p := range parties {
		other = append(other, p.other...)
	}
	if len(other) == 0 {
		return nil
	}
	text := []string{"Not supply (talks, plans, cancellations and denials):"}
	sort.SliceStable(other, func(i, j int) bool { return other[i].latest > other[j].latest })
	for i, l := range other {
		if i == maxOtherLines {
			text = append(text, fmt.Sprintf("- …and %d more.", len(other)-i))
			break
		}
		s := fmt.Sprintf("- %s → %s: %s", l.supplier, l.recipient, c.render(l))
		if !l.certain() {
			s += " (less certain: read from context)"
		}
		text = append(text, s)
	}
	return text
}

// shownRelations is the JSON form of the lines an answer rendered (those
// not shown were never cited), each with how it was read and whether it is
// in the less certain group.
func shownRelations(lines []*line) []RelationLine {
	out := []RelationLine{}
	for _, l := range lines {
		if len(l.cites) == 0 {
			continue
		}
		years := l.years
		if years == nil {
			years = []int{}
		}
		out = append(out, RelationLine{Supplier: l.supplier, Recipient: l.recipient, System: l.system,
			Category: l.category, Status: string(l.status), Kind: string(l.kind), Years: years, Citations: l.cites,
			Stages: l.stages(), Read: l.read(), LessCertain: !l.certain()})
	}
	return out
}

// narrowByKind keeps relations about the kind of weapon asked for ("drones"
// within Aircraft; deals of another category the question names stay): a known system of that kind, or, for a system the
// lexicon does not know, an evidence sentence that names it (a known
// helicopter is no drone because its sentence also names drones).
func narrowByKind(hits []RelationHit, kinds []string) []RelationHit {
	if len(kinds) == 0 {
		return hits
	}
	// A kind narrows only its own category: "radars and air defence"
	// keeps every air-defence deal beside the radars.
	kindCats := map[string]bool{}
	for _, k := range kinds {
		if ms := weapons.Find(k); len(ms) > 0 && ms[0].Category != "" {
			kindCats[string(ms[0].Category)] = true
		}
	}
	var out []RelationHit
	for _, h := range hits {
		other := h.Category != "" && len(kindCats) > 0 && !kindCats[string(h.Category)]
		if other || matchesKind(h.Relation, kinds) {
			out = append(out, h)
		}
	}
	return out
}

var kindSynonyms = map[string][]string{
	"drone":      {"drone", "uav", "ucav", "unmanned", "loitering"},
	"uav":        {"drone", "uav", "ucav", "unmanned"},
	"helicopter": {"helicopter"},
	// questionKinds: a boat or vessel asked about is any warship
	"boat":   {"boat", "vessel", "ship", "corvette", "frigate", "patrol", "opv", "craft"},
	"vessel": {"boat", "vessel", "ship", "corvette", "frigate", "patrol", "opv", "craft", "submarine"},
	// the lexicon calls fighters "combat aircraft" and "light combat
	// aircraft"; reports say fighters, jets, warplanes
	"fighter":     fighterWords,
	"fighter jet": fighterWords,
	"jet":         fighterWords,
	"warplane":    fighterWords,
	// "combat aircraft" takes in light attack aircraft and armed trainers
	"combat aircraft": fighterWords,
	"combat jet":      fighterWords,
	"attack aircraft": fighterWords,
	// "jet engines" are what reports call engines, turbofans or turbojets
	"jet engine": {"engine", "turbofan", "turbojet"},
	// a plane is any fixed-wing aircraft, a transport or trainer as much as
	// a fighter ("is Tashkent buying transport planes"), not a helicopter
	// a warship is any surface combatant the lexicon names by its type
	"warship": {"warship", "frigate", "corvette", "destroyer", "cruiser", "missile boat", "patrol ship", "assault ship"},
	// a patrol boat is what reports also call a patrol craft or vessel
	"patrol boat":   patrolWords,
	"patrol vessel": patrolWords,
	"patrol craft":  patrolWords,
	"plane":         planeWords,
	"airplane":      planeWords,
	"aeroplane":     planeWords,
	// reports spell out the abbreviations questions use ("Did Belarus
	// order APCs?" about "ProForce Armoured Personnel Carriers")
	"apc":  {"apc", "personnel carrier"},
	"mrap": {"mrap", "mine-resistant", "mine resistant", "mine-protected", "mine protected", "ambush-protected", "ambush protected"},
	"ifv":  {"ifv", "infantry fighting vehicle"},
}

var planeWords = append([]string{"plane", "transport aircraft", "trainer aircraft", "tanker aircraft", "patrol aircraft",
	"utility aircraft", "airlifter"}, fighterWords...)

var patrolWords = []string{"patrol boat", "patrol craft", "patrol vessel", "patrol ship", "patrol cutter"}

var fighterWords = []string{"fighter", "combat aircraft", "combat jet", "warplane", "jet", "attack aircraft", "strike aircraft"}

func matchesKind(r Relation, kinds []string) bool {
	var hay []string
	if s, ok := weapons.LookupSystem(r.System); ok {
		hay = append(hay, strings.ToLower(s.Kind+" "+s.Name))
	} else if ms := weapons.Find(r.System); len(ms) > 0 && ms[0].Start == 0 && ms[0].System != "" {
		// a variant of a known system ("FA-50GF") is of its kind
		s, _ := weapons.LookupSystem(ms[0].System)
		hay = append(hay, strings.ToLower(s.Kind+" "+r.System))
	} else {
		// Only a weapon the lexicon does not know is judged by its
		// sentence: a known H145 is a helicopter, whatever else the
		// sentence lists ("Wing Loong-1 armed drones ... and Germany's
		// EC145 helicopters").
		hay = append(hay, strings.ToLower(r.System), strings.ToLower(r.Evidence.Sentence))
	}
	for _, k := range kinds {
		alts := kindSynonyms[k]
		if alts == nil {
			alts = []string{k}
		}
		if f := strings.Fields(k); len(f) > 1 && isGeneric(r.System) {
			// A deal recorded only as "artillery" may be the "rocket
			// artillery" asked about: its head noun is all it says.
			alts = append(slices.Clone(alts), f[len(f)-1])
		}
		for _, a := range alts {
			for _, h := range hay {
				if strings.Contains(h, a) {
					return true
				}
			}
		}
	}
	return false
}

// render says a deal line in plain words with its citations:
// "Bayraktar TB2 (Aircraft), delivered 2021 and 2022 [1][2]".
func (c *composer) render(l *line) string {
	what := l.system
	switch {
	case what != "" && l.category != "":
		what += " (" + l.category + ")"
	case what == "" && l.category != "":
		what = strings.ToLower(l.category)
	case what == "":
		what = "arms (unspecified)"
	}
	status := string(l.status)
	switch {
	case l.denied:
		status = "reported but denied"
	case l.status == StatusPlanned:
		status = "planned or under discussion"
	}
	if c.withRecipient {
		what += " to " + l.recipient
	}
	if c.withSupplier {
		what += " from " + l.supplier
	}
	s := what + ", " + status
	if l.kind == KindAid {
		s += " as aid"
	} else if l.kind == KindLicence {
		s += " under licence"
	}
	if st := l.stages(); st != nil {
		s = what + ", " + stagesText(st) + strings.TrimPrefix(s, what+", "+status)
	} else if len(l.years) > 0 {
		s += " " + yearsText(l.years)
	}
	if l.note != "" {
		s += " — " + l.note
	}
	for _, h := range l.evidence() {
		n := c.cite(h)
		if !slices.Contains(l.cites, n) {
			l.cites = append(l.cites, n)
		}
		if _, ok := l.stageYears[h.Status]; ok && !slices.Contains(l.stageCites[h.Status], n) {
			if l.stageCites == nil {
				l.stageCites = map[Status][]int{}
			}
			l.stageCites[h.Status] = append(l.stageCites[h.Status], n)
		}
	}
	for _, n := range l.cites {
		s += fmt.Sprintf(" [%d]", n)
	}
	if more := len(l.reports) - citedReports(c, l); more > 0 {
		s += " (+" + counted(more, "more report", "more reports") + ")"
	}
	return s
}

// stagesText says a deal's stages with their years: "ordered in 2020,
// delivered in 2021, 2022".
func stagesText(stages []Stage) string {
	parts := make([]string, len(stages))
	for i, st := range stages {
		parts[i] = st.Status
		if len(st.Years) > 0 {
			parts[i] += " " + yearsText(st.Years)
		}
	}
	return strings.Join(parts, ", ")
}

// citedReports is how many reports the line's citations come from.
func citedReports(c *composer, l *line) int {
	ids := map[string]bool{}
	for _, n := range l.cites {
		ids[c.citations[n-1].ReportID] = true
	}
	return len(ids)
}

func yearsText(ys []int) string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	if len(parts) > 2 && ys[len(ys)-1]-ys[0] == len(ys)-1 {
		return parts[0] + "–" + parts[len(parts)-1]
	}
	return "in " + strings.Join(parts, ", ")
}
