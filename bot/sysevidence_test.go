package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/index"
)

// TestSystemNamedInEvidence: a relation that records no system but whose
// sentence names the system asked about answers a question about that
// system, and one whose sentence names another system does not; one that
// records no category answers a question about the kind its sentence names.
func TestSystemNamedInEvidence(t *testing.T) {
	// The relations stand in for the extractor's, which reads these
	// sentences' pairs without their system: the point is what the bot does
	// with them, read back from a real index.
	relations := func(r bot.Report) []bot.Relation {
		supplier, system, category := r.Title, "", "Armoured vehicles"
		switch r.ID {
		case "labelled":
			system = "Leopard 1"
		case "generic":
			category = "" // read with neither system nor category
		case "trucks":
			system = "trucks" // another kind of weapon than the sentence's Leopards
		}
		return []bot.Relation{{Supplier: supplier, Recipient: "Ukraine", System: system, Category: category, Status: bot.StatusOrdered,
			Kind: bot.KindAid, Evidence: bot.Evidence{Sentence: r.Body, End: len(r.Body)}}}
	}
	x, err := index.Create(t.TempDir(), index.Options{Relations: relations})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	reps := []bot.Report{
		{ID: "labelled", Title: "Germany", Source: "Wire", URL: "https://example.org/g", Body: "Germany will send Leopard 1 tanks to Ukraine."},
		{ID: "generic", Title: "Denmark", Source: "Wire", URL: "https://example.org/d", Body: "Denmark pools funds to refurbish 80 old Leopard 1 tanks for Ukraine."},
		{ID: "other", Title: "Poland", Source: "Wire", URL: "https://example.org/p", Body: "Poland asks to re-export Leopard 2 tanks to Ukraine."},
		{ID: "trucks", Title: "Norway", Source: "Wire", URL: "https://example.org/n", Body: "Norway, whose Leopard 1 tanks are retired, sends trucks to Ukraine."},
	}
	if _, err := x.Ingest(context.Background(), reps, nil); err != nil {
		t.Fatal(err)
	}
	b := bot.New(x, bot.Options{})
	ans := askQuestion(t, b, "Who is sending Leopard 1 tanks to Ukraine?")
	var sups []string
	for _, r := range ans.Relations {
		sups = append(sups, r.Supplier)
		if r.System != "Leopard 1" {
			t.Errorf("line %+v: want the system asked about", r)
		}
	}
	if slices.Sort(sups); !slices.Equal(sups, []string{"Denmark", "Germany"}) {
		t.Errorf("suppliers %v, want Denmark and Germany (not Poland's Leopard 2, not Norway's trucks)\n%s", sups, ans.Text)
	}
	ans = askQuestion(t, b, "Is Denmark sending tanks to Ukraine?")
	if ans.Verdict != bot.VerdictNotYet || len(ans.Relations) != 1 || ans.Relations[0].Category != "Armoured vehicles" {
		t.Errorf("a deal of no category whose sentence names tanks: verdict %q, relations %+v\n%s", ans.Verdict, ans.Relations, ans.Text)
	}
	ans = askQuestion(t, b, "How many Leopard 1 tanks is Denmark sending to Ukraine?")
	if !strings.Contains(firstLine(ans.Text), ": 80 Leopard [") {
		t.Errorf("figures %q", firstLine(ans.Text))
	}
}
