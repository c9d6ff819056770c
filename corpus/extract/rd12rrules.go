package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/weapons"
)

// Rules of the rd12r real-text round: constructions met in unseen Middle
// East and Africa reporting (approvals, talks, refusals, denials), each a
// pattern of English with a sentence-level gold line (s2801 on).

// orderRelWords open a relative clause after a weapon: "the F-16s
// that it ordered in 2019".
var orderRelWords = words("that which")

// itemOrderedAfter reports whether item it is followed, within a few words,
// by a relative clause whose verb is an order ("Morocco prepared its
// bases for the arrival of US F-16s that it ordered in 2019"): what the
// sentence says of the weapon is that it was ordered, not that it came.
func (a *analysis) itemOrderedAfter(it int) bool {
	x := &a.items[it]
	toks := a.toks
	for j := x.tj; j < len(toks) && j < x.tj+3; j++ {
		if !orderRelWords[toks[j].w] {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+4; k++ {
			if t := a.trigAt[k]; t >= 0 && !a.trigs[t].noun {
				return a.trigs[t].spec.status == bot.StatusOrdered
			}
			if toks[k].w == "," || toks[k].w == ";" {
				return false
			}
		}
		return false
	}
	return false
}

// rd12rTriggers drops or weakens this round's triggers that state no
// transfer.
func (a *analysis) rd12rTriggers() {
	a.markHubActivity()
	a.dropParenthesisedAlias()
	a.markExportKinds()
}

// exportKinds after the noun "export" make it a modifier: "developed for
// the export market", "an export version of the HQ-9B" name a market or
// a model, not a sale.
var exportKinds = words("market markets version versions variant variants model models configuration")

// markExportKinds drops the trigger "export" used as a modifier of
// exportKinds.
func (a *analysis) markExportKinds() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if w := toks[tr.ti].w; (w == "export" || w == "exports") && tr.tj == tr.ti+1 && tr.tj < len(toks) && exportKinds[toks[tr.tj].w] {
			tr.drop = true
		}
	}
}

// dropParenthesisedAlias drops an actor written in parentheses right after
// an actor of the same countries: "a deal with Korea Aerospace Industries
// (KAI) to buy FA-50s" names the maker once, so "(KAI)" is not another
// party that could stand as the subject of "to buy".
func (a *analysis) dropParenthesisedAlias() {
	toks := a.toks
	for k := 1; k < len(a.actors); k++ {
		x, p := &a.actors[k], &a.actors[k-1]
		if x.drop || p.drop || x.ti < 1 || x.ti != p.tj+1 || toks[x.ti-1].w != "(" ||
			x.tj >= len(toks) || toks[x.tj].w != ")" || !slices.Equal(x.countries, p.countries) {
			continue
		}
		x.drop = true
		// The alias and its parentheses join the name they repeat, so the
		// name still stands right before what follows ("... (KAI) to buy").
		for t := p.tj; t <= x.tj; t++ {
			a.actorAt[t] = k - 1
		}
		p.tj = x.tj + 1
	}
}

// hubNouns name a place or a capacity for an activity: "a regional centre
// for manufacturing and exporting", "a hub for supplying".
var hubNouns = words("centre center centres centers hub hubs facility facilities plant plants " +
	"capacity capacities capability capabilities")

// markHubActivity drops a gerund that names what a hub is for ("help Egypt
// become a regional centre for manufacturing, exporting and servicing
// jets", "a hub for supplying drones to Africa"): an activity of a place
// or a plan, not a transfer that took place. The gerund may follow other
// activities in a list ("manufacturing, exporting").
func (a *analysis) markHubActivity() {
	toks := a.toks
	for k := range a.trigs {
		tr := &a.trigs[k]
		if tr.noun || tr.spec.form != fIng {
			continue
		}
		j := tr.ti - 1
		for n := 0; j >= 0 && n < 6; n++ {
			w := toks[j].w
			if w == "," || w == "and" || w == "or" || strings.HasSuffix(w, "ing") && a.actorAt[j] < 0 && a.itemAt[j] < 0 {
				j--
				continue
			}
			break
		}
		if j >= 1 && toks[j].w == "for" && hubNouns[toks[j-1].w] {
			tr.drop = true
		}
	}
}

// frontSubordinators open a fronted adverbial clause: "As Iraqi and US officials
// negotiate the withdrawal, Baghdad could soon get ...".
var frontSubordinators = words("as while whereas although though")

// frontedVerbs are verbs of the talks and meetings a fronted clause tells
// of, besides triggers and resumeVerbs: "As the two ministers discuss ...".
var frontedVerbs = words("discuss discusses discussed meet meets met prepare prepares prepared weigh weighs weighed " +
	"debate debates debated wait waits waited await awaits awaited")

// notAsClause follow an "as" that opens a phrase, not a clause: "As part
// of the deal", "As a result", "As of 2020", "As expected".
var notAsClause = words("part a an of well such early late many much far long soon noted reported expected " +
	"mentioned previously planned agreed announced")

// frontedSubordinateEnd reports whether the comma at i closes a fronted
// adverbial clause that opens the sentence with a subordinator and has a
// verb of its own ("As Iraqi and US officials negotiate the details of the
// withdrawal of US forces, Baghdad could get a deal to buy South Korean
// missiles"): the main clause starts after it, and the countries of the
// fronted clause are not its parties. "As part of the deal, ..." has no
// verb and is left alone.
func (a *analysis) frontedSubordinateEnd(i int) bool {
	toks := a.toks
	s := 0 // the first token after a dateline ("BEIRUT — As ...")
	for s < i && (toks[s].s < a.bodyFrom || !toks[s].word) {
		s++
	}
	if i < s+3 || !frontSubordinators[toks[s].w] || toks[s].w == "as" && notAsClause[toks[s+1].w] {
		return false
	}
	verb := false
	for j := s + 1; j < i; j++ {
		w := toks[j].w
		if w == "," || w == ";" || w == ":" {
			return false // only the first comma closes it
		}
		if t := a.trigAt[j]; t >= 0 && !a.trigs[t].noun && a.trigs[t].spec.form != fPart && !a.trigs[t].reduced {
			verb = true
		}
		if beForms[w] || haveForms[w] || resumeVerbs[w] || frontedVerbs[w] || w == "will" || w == "would" || w == "can" || w == "could" {
			verb = true
		}
	}
	return verb
}

// interceptorHeads are the rounds an air-defence system fires, named as
// the system itself: "SPYDER mobile interceptors" are SPYDER.
var interceptorHeads = words("interceptor interceptors missile missiles") // "NASAMS missiles" (rd13r)

// ownHead reports whether the generic match m after the known system canon
// still names that system, not a part of it or what it fires: a compound
// ending in a system head ("Pantsir-S1 air-defence missile-gun systems",
// where the match ends at "missile" and "-gun systems" follows), or the
// interceptors of an air-defence system ("Rafael-made SPYDER mobile
// interceptors").
func (a *analysis) ownHead(canon string, m wmatch) bool {
	toks := a.toks
	if j := m.tj; j+2 < len(toks) && toks[j].w == "-" && toks[j].s == toks[j-1].e && toks[j+1].word &&
		toks[j+1].s == toks[j].e && systemHeads[toks[j+2].w] {
		return true
	}
	if m.tj > m.ti && interceptorHeads[toks[m.tj-1].w] {
		if s, ok := weapons.LookupSystem(canon); ok && s.Category == weapons.AirDefence {
			return true
		}
	}
	return false
}

// namesakes maps a one-word name that ends the designations of systems of
// different categories to those systems ("Cobra": the Otokar Cobra
// armoured vehicle and the AH-1 Cobra helicopter).
var namesakes = func() map[string][]weapons.System {
	by := map[string][]weapons.System{}
	for _, s := range weapons.Systems() {
		seen := map[string]bool{}
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			f := strings.Fields(strings.ToLower(n))
			if len(f) == 0 {
				continue
			}
			w := f[len(f)-1]
			if seen[w] || strings.ContainsAny(w, "0123456789-") {
				continue
			}
			seen[w] = true
			by[w] = append(by[w], s)
		}
	}
	return by
}()

// namesake returns the canonical name of the system that the written name
// written stands for when a head noun of category cat follows it and
// another system of the lexicon bears the same last word in that category:
// "US-made Cobra helicopters" are AH-1 Cobras, though a bare "Cobra" is
// the lexicon's armoured vehicle. "" when there is none or more than one.
func namesake(written, cat string) string {
	f := strings.Fields(strings.ToLower(written))
	if len(f) != 1 {
		return ""
	}
	found := ""
	for _, s := range namesakes[f[0]] {
		if string(s.Category) != cat {
			continue
		}
		if found != "" && found != s.Name {
			return ""
		}
		found = s.Name
	}
	return found
}

// blockedSellerRelations reads the seller a blocked sale names by "by":
// "Washington vetoed a sale of US-made Cobra helicopters by Israel to
// Nigeria" cancels Israel -> Nigeria beside United States -> Nigeria (the
// country that blocks a re-export and the re-exporter both, as the
// annotation reads a veto). The sale noun must stand after a block word
// (blockWords: "blocked", "vetoed", "halted") within a few words, its
// "by" country must be followed by "to" and the cancelled relation's
// recipient.
func (a *analysis) blockedSellerRelations(rels []relation) []relation {
	var out []relation
	toks := a.toks
	for _, r := range rels {
		if r.Status != bot.StatusCancelled || r.Denied {
			continue
		}
		for n := 1; n < len(toks); n++ {
			if !transferNouns[toks[n].w] || !a.blockWordBefore(n) {
				continue
			}
			s := a.sellerBy(n, r.Recipient)
			if s == "" || s == r.Supplier || s == r.Recipient ||
				slices.ContainsFunc(out, func(o relation) bool { return o.Supplier == s && o.Recipient == r.Recipient }) {
				continue
			}
			x := r
			x.Supplier, x.supInferred = s, false
			out = append(out, x)
			if m := a.resoldMaker(n, s); m != "" {
				// "a sale of US-made Cobras by Israel": Israel had them from the US.
				h := r
				h.Supplier, h.Recipient, h.supInferred, h.recInferred = m, s, false, false
				h.Status, h.Years = bot.StatusDelivered, nil
				out = append(out, h)
			}
		}
	}
	return out
}

// blockWordBefore reports whether a block word stands at most four words
// before token n ("vetoed a 2014 arms sale").
func (a *analysis) blockWordBefore(n int) bool {
	for j := n - 1; j >= 0 && j >= n-4; j-- {
		if blockWords[a.toks[j].w] {
			return true
		}
		if w := a.toks[j].w; w == "," || w == ";" || a.actorAt[j] >= 0 {
			return false
		}
	}
	return false
}

// sellerBy returns the one country named by "by" after the sale noun at n
// and followed by "to" and rec ("sale of ... helicopters by Israel to
// Nigeria"), "" if none.
func (a *analysis) sellerBy(n int, rec string) string {
	toks := a.toks
	for j := n + 1; j < len(toks) && j <= n+10; j++ {
		w := toks[j].w
		if w == "," || w == ";" || w == ":" || a.trigAt[j] >= 0 {
			return ""
		}
		if w != "by" || j+1 >= len(toks) {
			continue
		}
		k := a.actorAt[j+1]
		if k < 0 || a.actors[k].drop || len(a.actors[k].countries) != 1 {
			return ""
		}
		e := j + 1
		for e < len(toks) && a.actorAt[e] == k {
			e++
		}
		if e+1 < len(toks) && toks[e].w == "to" {
			if q := a.actorAt[e+1]; q >= 0 && slices.Contains(a.actors[q].countries, rec) {
				return a.actors[k].countries[0]
			}
		}
		return ""
	}
	return ""
}

// comeFromModals put the coming in the future or in doubt: "the jets
// will come from France".
var comeFromModals = words("will would could might may should must can")

// ownedComeFromRelations reads where a country's weapons come from: "80% of
// Algeria's armament comes from Russia", "most of Vietnam's weapons came
// from Russia": the possessor holds what the "from" country sent, a
// delivery. The weapon must stand right before the verb and be owned by
// one country; a modal, a negation or a hedge gives nothing.
func (a *analysis) ownedComeFromRelations() []relation {
	var out []relation
	toks := a.toks
	for t := 1; t+2 < len(toks); t++ {
		if !comeWords[toks[t].w] || toks[t+1].w != "from" || a.hedged() || a.negatedBefore(t) ||
			comeFromModals[toks[t-1].w] || t > 1 && comeFromModals[toks[t-2].w] {
			continue
		}
		it := a.itemAt[t-1]
		s := a.actorAt[t+2]
		if s < 0 && toks[t+2].w == "the" && t+3 < len(toks) {
			s = a.actorAt[t+3]
		}
		if it < 0 || s < 0 || a.items[it].org || a.items[it].owner < 0 {
			continue
		}
		x := &a.items[it]
		own, sup := &a.actors[x.owner], &a.actors[s]
		if own.drop || sup.drop || len(own.countries) != 1 || len(sup.countries) != 1 || own.countries[0] == sup.countries[0] {
			continue
		}
		r := relation{pos: x.ti}
		r.Supplier, r.Recipient = sup.countries[0], own.countries[0]
		r.System, r.Category = x.system, x.category
		r.Status, r.Kind = bot.StatusDelivered, bot.KindSale
		r.madeIn = madeIn(x.canon)
		out = append(out, r)
	}
	return out
}

// resoldMaker returns the country of an "X-made" weapon right after the
// sale noun at n ("a sale of US-made Cobra helicopters by Israel"), when
// it is not the seller s: the seller holds goods the maker delivered to
// it. "" when the goods have no such origin.
func (a *analysis) resoldMaker(n int, s string) string {
	toks := a.toks
	for j := n + 1; j < len(toks) && j <= n+4; j++ {
		if toks[j].w == "by" || toks[j].w == "to" {
			return ""
		}
		k := a.actorAt[j]
		if k < 0 {
			continue
		}
		ac := &a.actors[k]
		if !ac.made || ac.drop || ac.origin < 0 || len(ac.countries) != 1 || ac.countries[0] == s {
			return ""
		}
		return ac.countries[0]
	}
	return ""
}

// coverSubjects are the deal and talk nouns whose cover lists goods: "The
// deal also covers Meteor missiles", "the negotiations also cover
// air-to-air missiles".
var coverSubjects = words("deal deals contract contracts agreement package order negotiations talks purchase sale")

// dealCovers reports whether "cover" at t has a deal or talk noun as its
// subject, at most two words before it ("the deal also covers"); "the
// report covers" lists nothing bought.
func (a *analysis) dealCovers(t int) bool {
	for j := t - 1; j >= 0 && j >= t-2; j-- {
		if coverSubjects[a.toks[j].w] {
			return true
		}
	}
	return false
}

// rangeWords open a hyphenated range adjective: "medium-range".
var rangeWords = words("short medium long intermediate extended")

// rangeAdjective reports whether tokens t..t+2 are a range adjective
// ("medium-range", "long-range") that may stand between a designation and
// its generic noun: "a Sky Dragon 50 medium-range anti-aircraft system" is
// one weapon.
func (a *analysis) rangeAdjective(t int) bool {
	toks := a.toks
	return t+2 < len(toks) && rangeWords[toks[t].w] && !toks[t].upper && toks[t+1].w == "-" && toks[t+2].w == "range"
}
