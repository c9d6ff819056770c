package bot

import (
	"context"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/bot/weapons"
)

// maxNamedInEvidence bounds the relations loaded to find those whose
// sentence names the system asked about.
const maxNamedInEvidence = 200

// namedInEvidence finds relations of the countries asked about that the
// extractor recorded without the system or kind of weapon the question
// asks about, although their evidence sentence names it: with a system
// asked for, relations of no system whose sentence names it ("at least 100
// old Leopard 1 tanks" read as Denmark → Ukraine, "tanks"), returned as
// relations of that system; with only a kind of weapon asked for ("tanks"),
// relations of no system and no category whose sentence names that kind,
// returned in the question's category. It asks nothing unless a country is
// named on either side.
func namedInEvidence(ctx context.Context, rs RelationSearcher, rq RelationQuery, u Understanding) ([]RelationHit, error) {
	byKind := u.System == "" && len(u.Kinds) > 0 && len(u.Categories) == 1
	if u.System == "" && !byKind || len(rq.Suppliers)+len(rq.Recipients) == 0 {
		return nil, nil
	}
	q := rq
	q.System, q.Categories, q.CountBy, q.Limit = "", nil, "", maxNamedInEvidence
	res, err := rs.SearchRelations(ctx, q)
	if err != nil {
		return nil, err
	}
	if byKind {
		var out []RelationHit
		for _, h := range res.Hits {
			if h.System == "" && h.Category == "" && matchesKind(h.Relation, u.Kinds) && !kindTakenInSentence(h, res.Hits, u.Categories[0]) {
				h.Category = u.Categories[0]
				out = append(out, h)
			}
		}
		return out, nil
	}
	return namingSystem(res.Hits, u), nil
}

// kindTakenInSentence reports whether another relation of h's pair read
// from the same sentence already carries category cat: the kind of weapon
// the sentence names belongs to that relation, not to h ("China is due to
// hand over two transport planes ..., months after Afghanistan received
// military aid from the country": the aid delivered is no planes).
func kindTakenInSentence(h RelationHit, hits []RelationHit, cat string) bool {
	for _, o := range hits {
		if o.Category == cat && o.Supplier == h.Supplier && o.Recipient == h.Recipient &&
			o.Evidence.ReportID == h.Evidence.ReportID && o.Evidence.Sentence == h.Evidence.Sentence {
			return true
		}
	}
	return false
}

// namingSystem keeps the relations of no system (or only a kind of weapon
// agreeing with the system's) whose sentence names the system asked about,
// each as a relation of that system.
func namingSystem(hits []RelationHit, u Understanding) []RelationHit {
	names := systemNames(u)
	category, kind := "", ""
	if s, ok := weapons.LookupSystem(u.System); ok {
		category, kind = string(s.Category), strings.ToLower(s.Kind)
	}
	var out []RelationHit
	for _, h := range hits {
		fits := (h.Category == "" || category == "" || h.Category == category) && kindAgrees(h.System, kind)
		if fits && isGeneric(h.System) && sentenceNames(h.Evidence.Sentence, names) {
			if h.Category == "" {
				h.Category = category
			}
			h.System = u.System
			out = append(out, h)
		}
	}
	return out
}

// systemNames are the ways a sentence may name the system asked about: the
// question's own word for it, its canonical name and its aliases.
func systemNames(u Understanding) []string {
	names := []string{u.System}
	if u.SystemWord != "" {
		names = append(names, u.SystemWord)
	}
	if s, ok := weapons.LookupSystem(u.System); ok {
		names = append(names, s.Name)
		names = append(names, s.Aliases...)
	}
	return names
}

// sentenceNames reports whether sentence holds one of names as whole words,
// case folded ("Leopard 1" in "100 old Leopard 1 tanks", not "Leopard 2").
func sentenceNames(sentence string, names []string) bool {
	lower := strings.ToLower(sentence)
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if len(n) < 3 {
			continue
		}
		for i := 0; ; {
			j := strings.Index(lower[i:], n)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(n)
			if boundaryAt(lower, start-1) && boundaryAt(lower, end) {
				return true
			}
			i = start + 1
		}
	}
	return false
}

// boundaryAt reports whether s has no letter or digit at byte i (or i is
// outside s); a plural "s" after a designation ("Cobras") is a boundary.
func boundaryAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	r := rune(s[i])
	if r == 's' && (i+1 >= len(s) || !unicode.IsLetter(rune(s[i+1]))) {
		return true
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// kindAgrees reports whether a relation's generic system ("tanks") may be
// the system asked about, of the given kind ("main battle tank"): a
// relation that names no kind at all may; one that names another kind
// ("drones" beside a sentence's Rafales) may not, nor any kind when the
// asked system's kind is unknown.
func kindAgrees(generic, kind string) bool {
	if generic == "" {
		return true
	}
	k := weaponKind(generic)
	return k != "" && kind != "" && strings.Contains(kind, k)
}
