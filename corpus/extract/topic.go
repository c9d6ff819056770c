package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
)

// weaponTopic is a weapon a report is talking about across sentences:
// "The VT-4 MBT is a main battle tank built by NORINCO for export. It uses
// a 125 mm gun. ... It has been exported to Thailand." A sentence whose
// subject is "it" (or "the tank") and that names where the weapon went
// but not who sent it takes the weapon's maker as the supplier.
type weaponTopic struct {
	system, category, canon string
	maker                   string // the weapon's maker by the lexicon, named in the report
}

// nextTopic returns the weapon topic after sentence a: a named system
// whose maker the lexicon knows and the report names (inReport), when it
// opens the sentence as its subject; the current topic while sentences
// go on about "it" or "the tank"; nil otherwise.
func (a *analysis) nextTopic(cur *weaponTopic, inReport map[string]bool) *weaponTopic {
	if t := a.subjectWeapon(inReport); t != nil {
		return t
	}
	if cur != nil && (a.aboutTopic() || a.keepsTopic(cur)) {
		return cur
	}
	return nil
}

// subjectWeapon returns the named system that opens the sentence ("The
// VT-4 MBT is", "Rafale has since made"), nil when there is none or its
// maker is unknown or never named in the report.
func (a *analysis) subjectWeapon(inReport map[string]bool) *weaponTopic {
	t := a.leadingSubject()
	if t >= len(a.toks) || a.itemAt[t] < 0 {
		return nil
	}
	it := &a.items[a.itemAt[t]]
	if it.system == "" || it.org {
		return nil
	}
	m := madeIn(it.canon)
	if len(m) == 0 || !inReport[m[0]] {
		return nil
	}
	return &weaponTopic{system: it.system, category: it.category, canon: it.canon, maker: m[0]}
}

// aboutTopic reports whether the sentence opens with "it" or "the" and a
// weapon word without a designation ("The tank has strong armour"): it
// goes on about the weapon named before.
func (a *analysis) aboutTopic() bool {
	if len(a.toks) == 0 {
		return false
	}
	if a.toks[0].w == "it" || a.toks[0].w == "its" {
		return true
	}
	if a.toks[0].w != "the" || len(a.toks) < 2 {
		return false
	}
	k := a.itemAt[1]
	return k >= 0 && a.items[k].system == "" && !a.items[k].org && a.items[k].category != ""
}

// weaponSubject reports whether frame f's clause has the weapon topic as
// its subject: "it" or "the tank" opening the sentence, with no country
// and no other designated weapon between it and the trigger.
func (a *analysis) weaponSubject(f *frame) bool {
	if f.clause != 0 || !a.aboutTopic() {
		return false
	}
	for t := 1; t < f.start; t++ {
		if a.listAt[t] >= 0 || a.itemAt[t] >= 0 && a.items[a.itemAt[t]].system != "" {
			return false
		}
	}
	return true
}

// topicRelations reads the partial frames whose subject is the weapon
// topic and that name recipients but no supplier: "It has been exported
// to Thailand", "It now has six foreign clients including Qatar, India
// and Greece". The supplier is the topic's maker, marked inferred; the
// system is the topic's. Plans, cancellations, denials and hedged frames
// give nothing.
func (a *analysis) topicRelations(topic *weaponTopic) []relation {
	if topic == nil {
		return nil
	}
	var rels []relation
	for _, f := range a.res.partials {
		if len(f.rsups) > 0 || len(f.rrecs) == 0 || f.denied || f.neg || f.modalPlan ||
			f.status == bot.StatusPlanned || f.status == bot.StatusCancelled || !a.weaponSubject(f) && !a.demonstrativeTopicItem(f) {
			continue
		}
		for _, r := range f.rrecs {
			for _, c := range r.countries {
				if c == topic.maker || r.group != "" {
					continue
				}
				rel := relation{pos: r.pos}
				rel.Supplier, rel.Recipient = topic.maker, c
				rel.Status, rel.Kind = f.status, f.kind
				rel.Inferred, rel.supInferred = true, true
				rel.System, rel.Category = topic.system, topic.category
				rel.madeIn = madeIn(topic.canon)
				rel.Years = a.yearsIn(a.clauses[f.clause].ts, a.clauses[f.clause].te)
				rels = append(rels, rel)
			}
		}
	}
	return rels
}

// openSupplier reports whether frame f is a buyer's plan that names no
// supplier: "Kazakhstan is also planning to purchase Mi-35 helicopters".
// Until a deal is made the seller is open (a tender, a choice among
// offers), so no supplier is taken from the context, however likely.
// Planned licensed production is not open: the design's owner licenses it.
func openSupplier(f *frame) bool {
	return len(f.rsups) == 0 && f.status == bot.StatusPlanned && f.spec.dir == dirR && !f.denied &&
		f.kind != bot.KindLicence
}

// countrySet returns the countries text names, as a set.
func (e *Extractor) countrySet(text string) map[string]bool {
	out := map[string]bool{}
	for _, c := range e.countriesIn(text) {
		out[c] = true
	}
	return out
}

// planMaker returns the maker of the weapons of a buyer's plan when the
// lexicon knows one and the sentence or the one before names it ("Turkey's
// drone base ... Ukraine announced plans to purchase 5 more Bayraktar
// drones") or the title ties that system to it; "" otherwise. A country
// merely named in the title is not enough: who will sell a weapon type is
// open until a deal is made.
func (a *analysis) planMaker(items []int) string {
	maker := a.itemsMaker(items)
	if maker == "" || a.otherSource(maker) {
		return ""
	}
	prev := ""
	if a.ctx != nil {
		prev = a.ctx.Previous
	}
	if slices.Contains(a.ex.countriesIn(a.body()), maker) || slices.Contains(a.ex.countriesIn(prev), maker) ||
		a.titleTies(items, maker) {
		return maker
	}
	return ""
}

// titleTies reports whether the report's title names maker and one of
// the systems among items ("Kazakhstan orders 8 Su-30 from Russia" ties
// the Su-30 to Russia for the whole report).
func (a *analysis) titleTies(items []int, maker string) bool {
	if a.ctx == nil || a.ctx.Title == "" || !slices.Contains(a.ex.countriesIn(a.ctx.Title), maker) {
		return false
	}
	t := newAnalysis(a.ex, a.ctx.Title, &Context{})
	for _, it := range items {
		for k := range t.items {
			if c := t.items[k].canon; c != "" && c == a.items[it].canon {
				return true
			}
		}
	}
	return false
}
