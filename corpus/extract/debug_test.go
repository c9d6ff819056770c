//go:build debug

package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestDebug prints the analysis of $SENT: go test -tags debug -run TestDebug .
func TestDebug(t *testing.T) {
	text := os.Getenv("SENT")
	pub, _ := time.Parse("2006-01-02", "2024-06-15")
	c := Context{Published: pub, Title: os.Getenv("TITLE"), Previous: os.Getenv("PREV")}
	e := New()
	a := newAnalysis(e, text, &c)
	a.resolve()
	var b strings.Builder
	for i, tk := range a.toks {
		fmt.Fprintf(&b, "%d:%s", i, tk.w)
		if a.actorAt[i] >= 0 {
			fmt.Fprintf(&b, "[A%d]", a.actorAt[i])
		}
		if a.itemAt[i] >= 0 {
			fmt.Fprintf(&b, "[W%d]", a.itemAt[i])
		}
		if a.trigAt[i] >= 0 {
			fmt.Fprintf(&b, "[T%d]", a.trigAt[i])
		}
		fmt.Fprintf(&b, "{c%d} ", a.clauseAt[i])
	}
	t.Log(b.String())
	for i, ac := range a.actors {
		t.Logf("A%d %v kind=%v poss=%v made=%v drop=%v org=%v origin=%d owner=%d agentOf=%d list=%d", i, ac.countries, ac.kind, ac.poss, ac.made, ac.drop, ac.org, ac.origin, ac.owner, ac.agentOf, ac.list)
	}
	for i, l := range a.lists {
		t.Logf("L%d [%d,%d) members=%v prep=%q place=%v pron=%q builtIn=%v", i, l.ti, l.tj, l.members, l.prep, l.place, l.pron, l.builtIn)
	}
	for i, it := range a.items {
		t.Logf("W%d [%d,%d) sys=%q cat=%q arms=%v org=%v origins=%v owner=%d", i, it.ti, it.tj, it.system, it.category, it.arms, it.org, it.origins, it.owner)
	}
	for i, tr := range a.trigs {
		t.Logf("T%d [%d,%d) %+v noun=%v passive=%v reduced=%v drop=%v", i, tr.ti, tr.tj, tr.spec, tr.noun, tr.passive, tr.reduced, tr.drop)
	}
	for i, c := range a.clauses {
		t.Logf("C%d [%d,%d) kind=%d subj=%d own=%v ante=%d parent=%d", i, c.ts, c.te, c.kind, c.subj, c.own, c.ante, c.parent)
	}
	for i, f := range a.frames {
		t.Logf("F%d t=%d abs=%v [%d|%d,%d|%d) clause=%d status=%s kind=%s denied=%v items=%v sups=%v recs=%v anaphor=%v", i, f.t, f.absorbed, f.readFrom, f.start, f.tj, f.readTo, f.clause, f.status, f.kind, f.denied, f.items, f.rsups, f.rrecs, f.anaphor)
	}
	for _, r := range e.Sentence(text, c) {
		t.Logf("REL %+v", r)
	}
}

// TestProbe prints the relations of every line of the file $PROBE (one
// sentence a line; "#" lines are skipped), with $TITLE as every sentence's
// report title: go test -tags debug -run TestProbe ./corpus/extract.
// For probe rounds: sentences in our own words in the phrasing real
// reporting uses, read for wrong or missing relations.
func TestProbe(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("PROBE"))
	if err != nil {
		t.Skip("PROBE names no readable file")
	}
	pub, _ := time.Parse("2006-01-02", "2024-06-15")
	e := New()
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fmt.Printf("\n%s\n", line)
		for _, r := range e.Sentence(line, Context{Published: pub, Title: os.Getenv("TITLE")}) {
			fmt.Printf("   %s -> %s | %s | %s %s %v inf=%v d=%v\n", r.Supplier, r.Recipient, r.System, r.Status, r.Kind, r.Years, r.Inferred, r.Denied)
		}
	}
}
