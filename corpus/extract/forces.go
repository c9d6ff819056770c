package extract

import (
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Kit given to armed forces, border troops or police, and handovers
// "presented" to a state's forces.

// kitWords are goods that are military equipment when armed forces, border
// troops or police get them (the annotation guidelines' "Other": trucks,
// jeeps, radios and other kit): "donated 20 vehicles to Kyrgyzstan's border
// service". Elsewhere they are no arms ("donated ambulances to the health
// ministry"; "vehicles" alone is no weapon).
var kitWords = newPhraseSet[bool]()

// securityForceWords name armed forces, border troops or police.
var securityForceWords = words("army armies military troops forces guards guard police gendarmerie navy " +
	"militaries servicemen soldiers border")

func init() {
	kitWords.add("vehicles|trucks|jeeps|pickups|pick-ups|pickup trucks|off-road vehicles|all-terrain vehicles|cars|suvs|minibuses|"+
		"radios|radio sets|uniforms|helmets|body armour|body armor|bulletproof vests|night-vision devices|"+
		"night-vision goggles|night vision goggles|night vision devices|binoculars|communications equipment|"+
		"communication equipment|motorcycles|boats|patrol boats", true)
}

// forcesKit adds the kit words of a sentence that names armed forces,
// border troops or police as generic arms words.
func (a *analysis) forcesKit(ms []wmatch) []wmatch {
	toks := a.toks
	forces := false
	for _, t := range toks {
		forces = forces || securityForceWords[t.w]
	}
	if !forces {
		return ms
	}
	return a.navalBoats(a.addUncovered(ms, kitWords, "Other", nil))
}

// stateReceivers after "to" make a presentation a handover: a state's
// forces or ministries ("presented 50 vehicles to the Special Operations
// Forces of Uzbekistan"); officials, visitors or a fair are only shown the
// goods.
var stateReceivers = words("army armies forces force troops guards guard police navy ministry ministries military " +
	"service services gendarmerie government")

// keepPresent keeps "presented" as a handover when a weapon follows it
// closely and "to" then names a country or its forces, not a fair, its
// visitors or officials: "Turkey presented its new drone at the fair" and
// "presented the drone to Kazakh officials" hand nothing over.
func (a *analysis) keepPresent(tr *trig) bool {
	if tr.noun || !a.keepHand(tr) {
		return false
	}
	toks := a.toks
	for j := tr.tj; j+1 < len(toks) && j < tr.tj+14; j++ {
		if toks[j].w == "," || toks[j].w == ";" {
			return false
		}
		if toks[j].w != "to" {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+6; k++ {
			switch {
			case officialWords[toks[k].w]:
				return false
			case stateReceivers[toks[k].w]:
				return true
			case a.actorAt[k] >= 0 && a.actors[a.actorAt[k]].kind == gazetteer.NameMention && !a.actors[a.actorAt[k]].poss:
				return k+1 >= len(toks) || !officialWords[toks[k+1].w]
			}
		}
		return false
	}
	return false
}

// officialWords are people a weapon is shown to, not a recipient.
var officialWords = words("officials official delegation delegations visitors journalists public president minister " +
	"ministers guests audience buyers delegates")
