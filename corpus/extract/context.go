package extract

import (
	"slices"

	"github.com/briefbot/briefbot/bot"
)

// reportParties holds the countries a report's stated relations (those
// read from one sentence, not completed from context) name on each side.
type reportParties struct {
	suppliers, recipients map[string]bool
	// named holds the countries of the title and the most mentioned ones;
	// subject those the report is about (see Extractor.subject).
	named, subject map[string]bool
}

func statedParties(rels []relation, named, subject []string) reportParties {
	p := reportParties{suppliers: map[string]bool{}, recipients: map[string]bool{}, named: map[string]bool{}, subject: map[string]bool{}}
	for _, c := range named {
		p.named[c] = true
	}
	for _, c := range subject {
		p.subject[c] = true
	}
	for _, r := range rels {
		if r.Inferred || r.Denied {
			continue
		}
		p.suppliers[r.Supplier] = true
		p.recipients[r.Recipient] = true
	}
	return p
}

// checkInferred keeps a relation completed from context only when the
// report agrees with the side it took (the trust rules of GUIDE section 7):
//
//   - a system's known maker that is not the inferred supplier stops the
//     inference ("an Il-76M" is Russian, whoever the context names);
//   - a recipient inferred as the system's own maker is dropped;
//   - an inferred party must be on the same side in some relation the
//     report states, or be named in its title or mentioned most (a
//     recipient: be its subject), and never be on the other side of a
//     stated relation: a
//     country merely listed nearby does not qualify. A supplier the
//     system's maker confirms needs nothing more.
//
// Stated relations pass unchanged; the order is kept.
func checkInferred(rels []relation, named, subject []string) []bot.Relation {
	stated := statedParties(rels, named, subject)
	out := make([]bot.Relation, 0, len(rels))
	for _, r := range rels {
		if r.Inferred && !stated.agrees(r) {
			continue
		}
		out = append(out, r.Relation)
	}
	return out
}

func (p reportParties) agrees(r relation) bool {
	if r.Supplier == "Soviet Union" && !p.suppliers[r.Supplier] {
		// "the Soviet technology we have in stock. These are transport
		// vehicles ...": in today's reporting the Soviet Union names where
		// old equipment came from; it is a supplier taken from context only
		// where the report states it supplied.
		return false
	}
	made := len(r.madeIn) > 0 && !r.returned // a return goes back to the maker's country
	if r.supInferred {
		if made && !slices.Contains(r.madeIn, r.Supplier) {
			return false
		}
		if !made && (!p.suppliers[r.Supplier] && !p.named[r.Supplier] || p.recipients[r.Supplier]) {
			return false
		}
	}
	if r.recInferred && !r.recHostMaker {
		if made && slices.Contains(r.madeIn, r.Recipient) {
			return false
		}
		if !p.recipients[r.Recipient] && !p.subject[r.Recipient] || p.suppliers[r.Recipient] && !p.recipients[r.Recipient] {
			return false
		}
	}
	return true
}

// foldVague drops a relation that names no system when the report states
// a later stage between the same pair: an order read from a deal word
// beside a delivery ("The French deals with Turkmenistan" beside the
// VL-MICA France delivered), or a plan beside an order or a delivery
// ("Paris pledged to sell weapons" beside the CAESAR order). One line per
// deal.
func foldVague(rels []relation) []relation {
	type pair struct{ sup, rec string }
	delivered, later := map[pair]bool{}, map[pair]bool{}
	for _, r := range rels {
		if r.Denied {
			continue
		}
		p := pair{r.Supplier, r.Recipient}
		delivered[p] = delivered[p] || r.Status == bot.StatusDelivered
		later[p] = later[p] || r.Status == bot.StatusDelivered || r.Status == bot.StatusOrdered
	}
	out := rels[:0]
	for _, r := range rels {
		p := pair{r.Supplier, r.Recipient}
		vague := r.System == "" && !r.Denied && (r.deal && !r.newDeal && r.Status == bot.StatusOrdered && delivered[p] ||
			r.Status == bot.StatusPlanned && later[p])
		if vague || r.rest && r.Status == bot.StatusOrdered && delivered[p] {
			continue
		}
		out = append(out, r)
	}
	return out
}
