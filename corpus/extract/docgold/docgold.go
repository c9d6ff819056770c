// Package docgold scores supply-relation extraction at document level: for
// each report, the relations it states as a whole (a gold list written by
// reading it) against the relations an extractor read from it.
//
// The file format is the one of ../shared/data/real-reports/relations.jsonl
// (see its GUIDELINES.md): one JSON object per line, {"report", "relations",
// "non_relations", "notes"}. The project's own document-level gold for the
// default corpus (corpus/extract/testdata/defaultgold/*.jsonl) uses the same
// format, so one scorer serves both.
//
// Scoring. A relation is counted once per report and key. The main key is
// (supplier, recipient, status); the system key adds the system, matched
// loosely (see SystemsMatch). A predicted key that is not in the gold list is
// a false positive unless a non-relation of the same pair leaves that status
// open (a denial read as "cancelled" is neither rewarded nor punished).
package docgold

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Relation is one gold relation of a report.
type Relation struct {
	Supplier  string `json:"supplier"`
	Recipient string `json:"recipient"`
	System    string `json:"system"`
	Category  string `json:"category"`
	Status    string `json:"status"`
	Kind      string `json:"kind"`
	Years     []int  `json:"years"`
	Evidence  string `json:"evidence"`
}

// NonRelation is a pair an extractor must not output with the listed
// statuses (for System only, when System is set).
type NonRelation struct {
	Supplier  string   `json:"supplier"`
	Recipient string   `json:"recipient"`
	System    string   `json:"system,omitempty"`
	MustNotBe []string `json:"must_not_be"`
	Why       string   `json:"why"`
	Evidence  string   `json:"evidence"`
}

// Doc is the gold annotation of one report.
type Doc struct {
	Report       string        `json:"report"`
	Relations    []Relation    `json:"relations"`
	NonRelations []NonRelation `json:"non_relations"`
	Notes        string        `json:"notes,omitempty"`
}

// maxLine bounds one JSON line of a gold file.
const maxLine = 1 << 20

// Read parses a gold file. Every line must be a Doc with a report name, seen
// once; the error names the line.
func Read(r io.Reader) ([]Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var out []Doc
	seen := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var d Doc
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if d.Report == "" {
			return nil, fmt.Errorf("line %d: no report name", n)
		}
		if seen[d.Report] {
			return nil, fmt.Errorf("line %d: report %s annotated twice", n, d.Report)
		}
		seen[d.Report] = true
		canonicalNames(&d)
		for i, rel := range d.Relations {
			if rel.Supplier == "" || rel.Recipient == "" || !validStatus(rel.Status) {
				return nil, fmt.Errorf("line %d: relation %d: supplier, recipient and a known status are needed", n, i+1)
			}
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return out, nil
}

// canonicalNames writes each country of d by the gazetteer's canonical
// name, the one extractors output: an annotator's "Ivory Coast" is "Cote
// d'Ivoire". A name the gazetteer does not know stays as written.
func canonicalNames(d *Doc) {
	g := gazetteer.Default()
	canon := func(name string) string {
		if c, ok := g.Lookup(name); ok {
			return c.Name
		}
		return name
	}
	for i := range d.Relations {
		r := &d.Relations[i]
		r.Supplier, r.Recipient = canon(r.Supplier), canon(r.Recipient)
	}
	for i := range d.NonRelations {
		r := &d.NonRelations[i]
		r.Supplier, r.Recipient = canon(r.Supplier), canon(r.Recipient)
	}
}

// ReadFile reads a gold file from disk.
func ReadFile(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

func validStatus(s string) bool {
	switch bot.Status(s) {
	case bot.StatusDelivered, bot.StatusOrdered, bot.StatusPlanned, bot.StatusCancelled:
		return true
	}
	return false
}

// Count is a precision/recall tally.
type Count struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (c Count) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (c Count) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

func (c *Count) add(o Count) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Miss is one false positive or false negative, for reading what went wrong.
type Miss struct {
	Report    string
	Supplier  string
	Recipient string
	System    string
	Status    string
	Evidence  string // the sentence (predicted) or the gold evidence (missed)
	Inferred  bool   // predicted relations only
}

func (m Miss) String() string {
	inf := ""
	if m.Inferred {
		inf = " (inferred)"
	}
	return fmt.Sprintf("%s: %s -> %s %s %q%s: %q", m.Report, m.Supplier, m.Recipient, m.Status, m.System, inf, m.Evidence)
}

// Score is the result of comparing predictions with gold.
type Score struct {
	Docs     int
	Pair     Count            // (supplier, recipient, status)
	System   Count            // (supplier, recipient, status, system)
	ByStatus map[string]Count // Pair, split by status
	ByKind   map[string]Count // Pair with the kind also right, split by kind
	// FalsePositives and Missed list the Pair-level errors.
	FalsePositives []Miss
	Missed         []Miss
	// Forbidden lists predictions that a non-relation forbids outright
	// (a subset of FalsePositives): denials read as deliveries, components
	// read as the host's supply, reversed directions.
	Forbidden []Miss
	// SystemFalsePositives lists the System-level errors: a predicted
	// (pair, status, system) that no gold relation of the pair matches.
	SystemFalsePositives []Miss
}

type pairKey struct{ sup, rec, status string }

// Compare scores pred (relations by report name) against gold. Reports of
// pred that gold does not hold are ignored; a gold report without
// predictions counts all its relations as missed.
func Compare(gold []Doc, pred map[string][]bot.Relation) Score {
	s := Score{ByStatus: map[string]Count{}, ByKind: map[string]Count{}}
	for _, d := range gold {
		s.Docs++
		s.compareDoc(d, pred[d.Report])
	}
	sortMisses(s.FalsePositives)
	sortMisses(s.Missed)
	sortMisses(s.Forbidden)
	sortMisses(s.SystemFalsePositives)
	return s
}

func (s *Score) compareDoc(d Doc, rels []bot.Relation) {
	goldPairs := map[pairKey][]Relation{}
	keep := map[pairKey]bool{}
	for _, g := range d.Relations {
		k := pairKey{g.Supplier, g.Recipient, g.Status}
		goldPairs[k] = append(goldPairs[k], g)
		keep[k] = true
	}
	rels = foldStages(rels, keep)
	predPairs := map[pairKey][]bot.Relation{}
	var order []pairKey
	for _, r := range rels {
		k := pairKey{r.Supplier, r.Recipient, string(r.Status)}
		if _, ok := predPairs[k]; !ok {
			order = append(order, k)
		}
		predPairs[k] = append(predPairs[k], r)
	}
	// Pair level.
	for _, k := range order {
		rs := predPairs[k]
		if _, ok := goldPairs[k]; ok {
			s.Pair.TP++
			s.bump(s.ByStatus, k.status, Count{TP: 1})
			continue
		}
		forbidden, open := d.judge(k, "")
		if open && !forbidden {
			continue // neutral: a non-relation leaves this status open
		}
		m := missOf(d.Report, rs[0])
		s.Pair.FP++
		s.bump(s.ByStatus, k.status, Count{FP: 1})
		s.FalsePositives = append(s.FalsePositives, m)
		if forbidden {
			s.Forbidden = append(s.Forbidden, m)
		}
	}
	for k, gs := range goldPairs {
		if _, ok := predPairs[k]; ok {
			continue
		}
		s.Pair.FN++
		s.bump(s.ByStatus, k.status, Count{FN: 1})
		g := gs[0]
		s.Missed = append(s.Missed, Miss{Report: d.Report, Supplier: g.Supplier, Recipient: g.Recipient, System: g.System, Status: g.Status, Evidence: g.Evidence})
	}
	s.compareKinds(d, goldPairs, predPairs)
	s.compareSystems(d, rels)
}

// compareKinds counts a pair as right for its kind when status and kind
// both agree.
func (s *Score) compareKinds(d Doc, gold map[pairKey][]Relation, pred map[pairKey][]bot.Relation) {
	type kk struct {
		pairKey
		kind string
	}
	g := map[kk]bool{}
	for k, gs := range gold {
		for _, r := range gs {
			kind := r.Kind
			if kind == "" {
				kind = string(bot.KindSale)
			}
			g[kk{k, kind}] = true
		}
	}
	p := map[kk]bool{}
	for k, rs := range pred {
		for _, r := range rs {
			kind := string(r.Kind)
			if kind == "" {
				kind = string(bot.KindSale)
			}
			if _, inGold := gold[k]; !inGold {
				if forbidden, open := d.judge(k, ""); open && !forbidden {
					continue
				}
			}
			p[kk{k, kind}] = true
		}
	}
	for k := range p {
		if g[k] {
			s.bump(s.ByKind, k.kind, Count{TP: 1})
		} else {
			s.bump(s.ByKind, k.kind, Count{FP: 1})
		}
	}
	for k := range g {
		if !p[k] {
			s.bump(s.ByKind, k.kind, Count{FN: 1})
		}
	}
}

// compareSystems scores (supplier, recipient, status, system): each
// distinct predicted system of a pair must match a gold system of that
// pair, each gold relation must be matched by a prediction. A prediction
// with no system for a gold pair whose systems are all designations is
// neither right nor wrong: it names no system, so none is wrong (a reader
// who cannot tell which system went where gives the pair alone); its
// cost shows in the recall on systems.
func (s *Score) compareSystems(d Doc, rels []bot.Relation) {
	type pred struct {
		k   pairKey
		sys string
		cat string
	}
	seen := map[pred]bool{}
	var preds []pred
	var firsts []bot.Relation
	for _, r := range rels {
		p := pred{pairKey{r.Supplier, r.Recipient, string(r.Status)}, r.System, r.Category}
		if !seen[p] {
			seen[p] = true
			preds = append(preds, p)
			firsts = append(firsts, r)
		}
	}
	matched := make([]bool, len(d.Relations))
	for pi, p := range preds {
		hit := false
		for i, g := range d.Relations {
			if g.Supplier == p.k.sup && g.Recipient == p.k.rec && g.Status == p.k.status && SystemsMatch(g.System, g.Category, p.sys, p.cat) {
				matched[i] = true
				hit = true
			}
		}
		if hit {
			s.System.TP++
			continue
		}
		if p.sys == "" && d.hasPair(p.k) {
			continue // no system named: the pair is right and nothing wrong is attached
		}
		if forbidden, open := d.judge(p.k, p.sys); open && !forbidden {
			continue
		}
		s.System.FP++
		s.SystemFalsePositives = append(s.SystemFalsePositives, missOf(d.Report, firsts[pi]))
	}
	for _, m := range matched {
		if !m {
			s.System.FN++
		}
	}
}

// hasPair reports whether d lists a relation with the key's parties and
// status.
func (d Doc) hasPair(k pairKey) bool {
	for _, g := range d.Relations {
		if g.Supplier == k.sup && g.Recipient == k.rec && g.Status == k.status {
			return true
		}
	}
	return false
}

// judge says whether the non-relations of d forbid the key (for system sys,
// "" meaning any) and whether some non-relation covers the pair while
// leaving this status open.
func (d Doc) judge(k pairKey, sys string) (forbidden, open bool) {
	for _, n := range d.NonRelations {
		if n.Supplier != k.sup || n.Recipient != k.rec {
			continue
		}
		if n.System != "" && sys != "" && !SystemsMatch(n.System, "", sys, "") {
			continue
		}
		if slices.Contains(n.MustNotBe, k.status) {
			forbidden = true
		} else {
			open = true
		}
	}
	return forbidden, open
}

func (s *Score) bump(m map[string]Count, key string, c Count) {
	old := m[key]
	old.add(c)
	m[key] = old
}

func missOf(report string, r bot.Relation) Miss {
	return Miss{Report: report, Supplier: r.Supplier, Recipient: r.Recipient, System: r.System,
		Status: string(r.Status), Evidence: r.Evidence.Sentence, Inferred: r.Inferred}
}

func sortMisses(ms []Miss) {
	sort.Slice(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Report != b.Report {
			return a.Report < b.Report
		}
		return a.String() < b.String()
	})
}

// stageRank orders the stages of one transfer; cancelled stands apart.
var stageRank = map[bot.Status]int{bot.StatusPlanned: 1, bot.StatusOrdered: 2, bot.StatusDelivered: 3}

// FurthestStage folds the relations of one report the way the annotation
// guidelines count them: a planned or ordered relation is dropped when the
// report also states a later stage of that transfer, the same (supplier,
// recipient) and a system that matches loosely (see SystemsMatch: "Mi-35M"
// and "Mi-35Ms", "TB2" and "Bayraktar TB2"). Ordered in 2019 in one
// sentence, delivered in 2021 in another is one delivered transfer.
// Relations with no system fold only into others with no system. Cancelled
// relations are kept as they are. The order of the rest is kept.
func FurthestStage(rels []bot.Relation) []bot.Relation {
	return foldStages(rels, nil)
}

// foldStages is FurthestStage that keeps an earlier stage the gold list
// itself records for the pair (keep[pair+status]): the guidelines add an
// "ordered" beside a "delivered" when a distinct batch is still pending.
func foldStages(rels []bot.Relation, keep map[pairKey]bool) []bot.Relation {
	out := make([]bot.Relation, 0, len(rels))
	for i, r := range rels {
		rank := stageRank[r.Status]
		if rank > 0 && !keep[pairKey{r.Supplier, r.Recipient, string(r.Status)}] && laterStage(rels, i, rank) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// laterStage reports whether rels holds a later stage of rels[i]'s transfer.
func laterStage(rels []bot.Relation, i, rank int) bool {
	r := rels[i]
	sys := normSystem(r.System)
	for j, o := range rels {
		if j == i || o.Supplier != r.Supplier || o.Recipient != r.Recipient || stageRank[o.Status] <= rank {
			continue
		}
		other := normSystem(o.System)
		if sys == other || sys != "" && other != "" && SystemsMatch(r.System, "", o.System, "") {
			return true
		}
	}
	return false
}

// SystemsMatch reports whether a gold system (with its category) and a
// predicted one name the same thing: equal after dropping case, spaces and
// punctuation, one containing the other ("TB2" in "Bayraktar TB2"), or a
// prediction with no designation against a gold type phrase ("drones",
// written in lower case) of the same category.
func SystemsMatch(goldSys, goldCat, predSys, predCat string) bool {
	g, p := normSystem(goldSys), normSystem(predSys)
	if p == "" {
		return generic(goldSys) && (goldCat == "" || predCat == "" || goldCat == predCat)
	}
	if g == "" {
		return false
	}
	if g == p || strings.Contains(g, p) || strings.Contains(p, g) {
		return true
	}
	// Plural designations: "Mi-35Ms" for "Mi-35M".
	return strings.TrimSuffix(g, "s") == strings.TrimSuffix(p, "s")
}

// generic reports whether a gold system is a type phrase, not a
// designation: it starts with a lower-case letter ("armoured vehicles").
func generic(sys string) bool {
	for _, r := range sys {
		return unicode.IsLower(r)
	}
	return true
}

func normSystem(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Table renders scores as a Markdown table: one row per named score, with
// precision and recall on pairs, on systems, then by status and kind.
func Table(names []string, scores []Score) string {
	var b strings.Builder
	b.WriteString("| set | reports | P pair+status | R pair+status | P +system | R +system |\n|---|---:|---:|---:|---:|---:|\n")
	for i, s := range scores {
		fmt.Fprintf(&b, "| %s | %d | %.2f (%d/%d) | %.2f (%d/%d) | %.2f | %.2f |\n", names[i], s.Docs,
			s.Pair.Precision(), s.Pair.TP, s.Pair.TP+s.Pair.FP, s.Pair.Recall(), s.Pair.TP, s.Pair.TP+s.Pair.FN,
			s.System.Precision(), s.System.Recall())
	}
	for _, part := range []struct {
		title string
		keys  []string
		get   func(Score) map[string]Count
	}{
		{"status", []string{"delivered", "ordered", "planned", "cancelled"}, func(s Score) map[string]Count { return s.ByStatus }},
		{"kind", []string{"sale", "aid", "licence"}, func(s Score) map[string]Count { return s.ByKind }},
	} {
		fmt.Fprintf(&b, "\n| set | %s | P | R | TP | FP | FN |\n|---|---|---:|---:|---:|---:|---:|\n", part.title)
		for i, s := range scores {
			for _, k := range part.keys {
				c := part.get(s)[k]
				fmt.Fprintf(&b, "| %s | %s | %.2f | %.2f | %d | %d | %d |\n", names[i], k, c.Precision(), c.Recall(), c.TP, c.FP, c.FN)
			}
		}
	}
	return b.String()
}
