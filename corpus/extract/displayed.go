package extract

import "github.com/briefbot/briefbot/bot"

// Foreign weapons a country shows or puts into service: "Uzbekistan
// showed off its new Chinese air defence system at a parade", "Azerbaijan
// put the Israeli Barak-8 system into service in 2018". The goods are in
// the country's hands: the demonym's country has delivered them. The
// shower is the clause's subject (a country, or an organ of one: "Uzbek
// troops"); the goods are a weapon right after a demonym of another
// country, among the verb's first words. A hedge, plan, cancellation or
// negation in the sentence gives nothing.

// showVerbs show goods held.
var showVerbs = words("showed shown displayed paraded unveiled showcased exhibited")

// serviceVerbs put goods into service, with "into service" or "into
// operation" after the goods.
var serviceVerbs = words("put puts putting placed")

// objectLead may stand between the verb and the goods' demonym.
var objectLead = words("off its their the a an new newly recently acquired first latest several two three four five six")

// displayedRelations reads "<C> showed (off) its new <Demonym> <weapon>"
// and "<C> put the <Demonym> <weapon> into service".
func (a *analysis) displayedRelations() []relation {
	if a.hedged() || a.plansOrCancels(nil) || negates(a.text) {
		return nil
	}
	toks := a.toks
	var out []relation
	for v := range toks {
		show, put := showVerbs[toks[v].w], serviceVerbs[toks[v].w]
		if !show && !put {
			continue
		}
		owner, _ := a.clauseSubjectCountryOrPossessor(v)
		if owner == "" {
			continue
		}
		j := v + 1
		for j < len(toks) && j < v+5 && objectLead[toks[j].w] {
			j++
		}
		maker, it := a.foreignDemonymItem(j, owner)
		if it < 0 || put && !a.intoService(a.items[it].tj) {
			continue
		}
		r := itemRelation(&a.items[it], maker, owner, bot.StatusDelivered, bot.KindSale)
		c := &a.clauses[a.clauseAt[v]]
		r.Years = a.yearsIn(v, c.te) // "into service in 2018"
		out = append(out, r)
	}
	return out
}

// intoService reports whether "into service" or "into operation" follows
// token t within three words.
func (a *analysis) intoService(t int) bool {
	toks := a.toks
	for j := t; j+1 < len(toks) && j <= t+2; j++ {
		if toks[j].w == "into" && (toks[j+1].w == "service" || toks[j+1].w == "operation") {
			return true
		}
	}
	return false
}
