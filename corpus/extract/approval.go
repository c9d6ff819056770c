package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
)

// approvalWords name a government's approval of a sale.
var approvalWords = words("approve approves approved approval approving authorise authorises authorised authorize " +
	"authorizes authorized clear clears cleared greenlit greenlights greenlighted endorsed endorses")

// ownStockWords before or in the goods say the approver sells what it
// holds: "its surplus F-16s", "their own", "second-hand".
var ownStockWords = words("its their own surplus second-hand secondhand used ex refurbished")

// approvedForeignSale reads an approval of a sale of another country's
// weapon: "The State Department approved the sale of K9 howitzers to
// Egypt" (a K9 is South Korean). The approving government is the seller
// only when the goods are its own (the lexicon's maker, or its own stock:
// "the sale of its surplus F-16s"); otherwise it only consents (a re-export
// or a component licence). ok reports whether the frame is such an
// approval; maker is then the weapon's maker when the sentence names it
// ("South Korean-built K9s"), the seller to read instead, else "". Only a
// sale counts: "approved the transfer of K9s to Ukraine" is a government
// handing over its own stock.
func (a *analysis) approvedForeignSale(f *frame, items []int, sups []roleParty) (maker string, ok bool) {
	tr := &a.trigs[f.t]
	if w := a.toks[tr.ti].w; w != "sale" && w != "sales" {
		return "", false // "approved the transfer of K9s": a government hands over its own stock
	}
	if !tr.noun || f.spec.dir != dirS || f.spec.light || len(sups) != 1 || len(sups[0].countries) != 1 || !a.approvalBefore(tr.ti) {
		return "", false
	}
	approver := sups[0].countries[0]
	for _, it := range items {
		m := madeIn(a.items[it].canon)
		if len(m) == 0 || m[0] == approver {
			return "", false
		}
		if maker != "" && maker != m[0] {
			return "", false
		}
		maker = m[0]
	}
	if maker == "" {
		return "", false
	}
	for t := f.readFrom; t < f.readTo; t++ {
		if ownStockWords[a.toks[t].w] {
			return "", false
		}
	}
	if !slices.Contains(a.ex.countriesIn(a.body()), maker) {
		maker = ""
	}
	return maker, true
}

// approvalBefore reports whether an approval word governs the noun at t:
// "approved the (possible) sale of".
func (a *analysis) approvalBefore(t int) bool {
	if a.greenLightBefore(t) {
		return true
	}
	for j, n := t-1, 0; j >= 0 && n < 4; j, n = j-1, n+1 {
		w := a.toks[j].w
		if approvalWords[w] {
			return true
		}
		switch w {
		case "the", "a", "an", "possible", "potential", "proposed", "planned", "of":
			continue
		}
		return false
	}
	return false
}

// permissionNouns name leave to make a transfer: "permission to
// re-export", "approval to sell".
var permissionNouns = words("permission approval consent authorisation authorization go-ahead clearance")

// permissionAsker returns the list of the country that asks for (or is
// given, or refused) leave to make the transfer of frame f, a supply verb
// in the infinitive after a permission noun; -1 if f is not so governed.
// "Poland asked Germany for permission to re-export Leopard 2 tanks to
// Ukraine": Poland would re-export, Germany only permits. "Germany refused
// Poland permission to ...": the country right before the noun asks.
func (a *analysis) permissionAsker(f *frame) (li, noun int) {
	t := f.start - 1
	if l, n := a.permissionFor(f); l >= 0 {
		return l, n // "refused permission for Estonia to re-export" (rd14r)
	}
	if t < 1 || a.toks[t].w != "to" || !permissionNouns[a.toks[t-1].w] || a.trigs[f.t].noun || f.spec.dir != dirS {
		return -1, -1
	}
	noun = t - 1
	c := &a.clauses[f.clause]
	if l := a.listAt[noun-1]; noun > 0 && l >= 0 && a.lists[l].prep == "" && a.lists[l].pron == "" {
		return l, noun // "refused Poland permission to", "granted Poland permission to"
	}
	if c.subj >= 0 && a.lists[c.subj].ti < noun && a.lists[c.subj].pron == "" {
		return c.subj, noun // "Poland asked Germany for permission to", "Poland sought permission to"
	}
	return -1, -1
}

// permissionRoles makes the asker of a permission the supplier of the
// transfer it would allow, and the transfer a plan (or a cancellation when
// the permission was refused: "Germany refused Poland permission to ...").
func (a *analysis) permissionRoles(f *frame, sups, recs []roleParty) []roleParty {
	li, noun := a.permissionAsker(f)
	if li < 0 {
		return sups
	}
	asker := a.parties(li, f, recs)
	if len(asker) == 0 {
		return sups
	}
	f.atMostPlanned()
	for j := noun - 1; j >= 0 && j >= noun-4; j-- {
		if cv, _ := cues.match(a.toks, j); cv == cueCancel || cv == cueDeny {
			f.status = bot.StatusCancelled
		}
	}
	return asker
}

// sourceOfGoods returns the "from" list inside the object of a supply noun
// ("the re-export of Soviet-era tanks from Poland to Ukraine", "the
// transfer of F-16 jets from the Netherlands"): within eight words of the
// noun, before any comma, relative word or other transfer word. -1 if
// none.
func (a *analysis) sourceOfGoods(f *frame) int {
	tr := &a.trigs[f.t]
	if !tr.noun || f.spec.dir != dirS || f.spec.light || f.spec.sp != spNone {
		return -1
	}
	for t := tr.tj; t < f.readTo && t < tr.tj+8; t++ {
		w := a.toks[t].w
		if w == "," || relWords[w] || w == "that" || a.trigAt[t] >= 0 && a.trigAt[t] != f.t {
			return -1
		}
		if li := a.listAt[t]; li >= 0 && a.lists[li].ti == t && a.lists[li].prep == "from" {
			return li
		}
	}
	return -1
}

// allowWords let someone else make a transfer: "cleared Estonia to send",
// "asking Germany to allow the re-export".
var allowWords = words("allow allows allowed allowing permit permits permitted permitting let lets")

// clearedToSend returns the list of the countries a government clears to
// make a transfer ("The State Department cleared Lithuania, Latvia and
// Estonia to send US-made missiles to Ukraine"): an approval or allow
// word, the countries, "to", then the supply verb of frame f; -1 if none.
// The cleared countries supply, and the transfer is a plan.
func (a *analysis) clearedToSend(f *frame) int {
	t := f.start - 1
	if t < 2 || a.toks[t].w != "to" || a.trigs[f.t].noun || f.spec.dir != dirS {
		return -1
	}
	li := a.listAt[t-1]
	if li < 0 || a.lists[li].prep != "" || a.lists[li].pron != "" || a.lists[li].ti == 0 {
		return -1
	}
	if w := a.toks[a.lists[li].ti-1].w; approvalWords[w] || allowWords[w] {
		return li
	}
	return -1
}

// signOff reports whether token j is the "off" of "signed off on", "signs
// off on": an approval.
func (a *analysis) signOff(j int) bool {
	return j > 0 && j+1 < len(a.toks) && a.toks[j].w == "off" && a.toks[j+1].w == "on" && signing[a.toks[j-1].w]
}

// approverOfReexport reports whether frame f is a re-export ("the
// re-export of its Leopard tanks to Ukraine") that an approval or allow
// word ("approved", "allowed", "signed off on") governs and whose supplier was read from a country before that
// word: that country permits (the goods' origin), it does not re-export.
func (a *analysis) approverOfReexport(f *frame, sups []roleParty) bool {
	tr := &a.trigs[f.t]
	if !tr.noun || a.toks[tr.ti].w != "re" || len(sups) == 0 {
		return false
	}
	for j := tr.ti - 1; j >= 0 && j >= tr.ti-3; j-- {
		w := a.toks[j].w
		if !approvalWords[w] && !allowWords[w] && !a.signOff(j) {
			continue
		}
		for _, p := range sups {
			if p.pos >= 0 && p.pos < j {
				return true
			}
		}
	}
	return false
}
