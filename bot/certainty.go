package bot

import (
	"context"
	"slices"
	"sort"

	"github.com/briefbot/briefbot/bot/weapons"
)

// Bounds of the look-up for evidence that confirms relations read only
// from context.
const (
	maxConfirmQueries   = 2   // queries per answer or digest
	maxConfirmRelations = 100 // relations loaded per query
	// maxSplitTotal is the most matches a cut-short query may have for it
	// to be asked again pair by pair.
	maxSplitTotal = 300
)

// LessCertainHeading introduces the deals read only from a report's
// context that no other evidence in the index confirms.
const LessCertainHeading = "Less certain (read from context, not confirmed elsewhere):"

type pairKey struct{ supplier, recipient string }

// confirmations records, per supplier → recipient pair, what evidence
// states outright (a sentence naming both sides, or a register row): that
// the pair exists ("pair") and which systems ("sys:" and the system key);
// once for any status and once for deliveries and orders.
type confirmations struct {
	any, supply map[pairKey]map[string]bool
}

func newConfirmations() confirmations {
	return confirmations{any: map[pairKey]map[string]bool{}, supply: map[pairKey]map[string]bool{}}
}

// note records h when it states its pair outright.
func (cf confirmations) note(h RelationHit) {
	if readOf(h) == ReadContext || h.Denied {
		return
	}
	k := pairKey{h.Supplier, h.Recipient}
	keys := []string{"pair"}
	if !isGeneric(h.System) {
		keys = append(keys, "sys:"+systemKey(h.Relation))
	}
	add := func(m map[pairKey]map[string]bool) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		for _, key := range keys {
			m[k][key] = true
		}
	}
	add(cf.any)
	if h.Status == StatusDelivered || h.Status == StatusOrdered {
		add(cf.supply)
	}
}

// confirms reports whether the recorded evidence agrees with line l: the
// same pair (with a delivery or order, for a supply line) is stated
// outright elsewhere, and either transfers the same system, or the line
// names no system, or the system's known origin is the supplier (a
// Su-30SM is Russian). A system of unknown or other origin needs its own
// statement: a South Korean L-410 read from context is not confirmed by a
// stated South Korean patrol boat.
func (cf confirmations) confirms(l *line) bool {
	m := cf.any
	if l.supply() {
		m = cf.supply
	}
	set := m[pairKey{l.supplier, l.recipient}]
	switch {
	case set == nil:
		return false
	case isGeneric(l.system):
		return set["pair"]
	case set["sys:"+l.key]:
		return true
	}
	return originIs(l.system, l.supplier) && set["pair"]
}

// originIs reports whether a system is known to be made by supplier: its
// origin (Russia standing for the Soviet Union too) or a partner that
// builds it (the S-70i Black Hawk in Poland).
func originIs(system, supplier string) bool {
	sys, ok := weapons.LookupSystem(system)
	if !ok {
		if ms := weapons.Find(system); len(ms) > 0 && ms[0].Start == 0 && ms[0].System != "" {
			sys, ok = weapons.LookupSystem(ms[0].System) // a variant of a known system: "Il-76M"
		}
	}
	if !ok || sys.Origin == "" && len(sys.Partners) == 0 {
		return false
	}
	return sys.Origin == supplier || (sys.Origin == "Russia" && supplier == "Soviet Union") || slices.Contains(sys.Partners, supplier)
}

// corroborate marks the lines read only from context that other evidence
// stating the same pair outright agrees with (see confirms): first among the relations already loaded, then
// with at most maxConfirmQueries more queries of at most
// maxConfirmRelations relations each (limited to sourceType when set).
// Lines it cannot confirm within those bounds stay uncertain.
func corroborate(ctx context.Context, rs RelationSearcher, sourceType string, loaded []RelationHit, lines []*line) error {
	cf := newConfirmations()
	for _, h := range loaded {
		cf.note(h)
	}
	queries := confirmQueries(unconfirmed(lines, cf), sourceType)
	for asked := 0; asked < maxConfirmQueries && len(queries) > 0; asked++ {
		q := queries[0]
		queries = queries[1:]
		res, err := rs.SearchRelations(ctx, q)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			cf.note(h)
		}
		if len(res.Hits) < res.Total && res.Total <= maxSplitTotal {
			// Cut short: ask again pair by pair for those still open,
			// when that is cheap (a query costs what it matches).
			queries = append(queries, splitQuery(q, cf)...)
		}
	}
	for _, l := range lines {
		if !l.stated && !l.register && cf.confirms(l) {
			l.corroborated = true
		}
	}
	return nil
}

// unconfirmed returns the pairs of the context-only lines that cf does not
// confirm yet.
func unconfirmed(lines []*line, cf confirmations) []pairKey {
	seen := map[pairKey]bool{}
	var out []pairKey
	for _, l := range lines {
		k := pairKey{l.supplier, l.recipient}
		if l.stated || l.register || cf.confirms(l) || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	return out
}

// splitQuery turns a query about several pairs into one per pair that cf
// does not confirm yet; nil when it was about one pair.
func splitQuery(q RelationQuery, cf confirmations) []RelationQuery {
	if len(q.Suppliers)*len(q.Recipients) <= 1 {
		return nil
	}
	var out []RelationQuery
	for _, s := range q.Suppliers {
		for _, r := range q.Recipients {
			if cf.supply[pairKey{s, r}] == nil {
				one := q
				one.Suppliers, one.Recipients = []string{s}, []string{r}
				out = append(out, one)
			}
		}
	}
	return out
}

// confirmQueries asks for the given pairs in at most maxConfirmQueries
// queries: the pairs are grouped by the side with fewer distinct countries
// (usually the one country a question is about), one query per group.
func confirmQueries(pairs []pairKey, sourceType string) []RelationQuery {
	if len(pairs) == 0 {
		return nil
	}
	bySupplier := map[string][]string{}
	byRecipient := map[string][]string{}
	for _, p := range pairs {
		bySupplier[p.supplier] = append(bySupplier[p.supplier], p.recipient)
		byRecipient[p.recipient] = append(byRecipient[p.recipient], p.supplier)
	}
	groups, supplierSide := byRecipient, false
	if len(bySupplier) < len(byRecipient) {
		groups, supplierSide = bySupplier, true
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return len(groups[keys[i]]) > len(groups[keys[j]]) || (len(groups[keys[i]]) == len(groups[keys[j]]) && keys[i] < keys[j])
	})
	var out []RelationQuery
	for _, k := range keys[:min(len(keys), maxConfirmQueries)] {
		others := slices.Compact(slices.Sorted(slices.Values(groups[k])))
		q := RelationQuery{Suppliers: others, Recipients: []string{k}, SourceType: sourceType, Limit: maxConfirmRelations}
		if supplierSide {
			q.Suppliers, q.Recipients = []string{k}, others
		}
		out = append(out, q)
	}
	return out
}
