package index

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// relationsOf stands in for the extractor: each line of a report body of the
// form "SUPPLIER > RECIPIENT | system | category | status | year" is one
// relation.
func relationsOf(r bot.Report) []bot.Relation {
	var out []bot.Relation
	for _, span := range bot.SplitSentences(r.Body) {
		line := r.Body[span.Start:span.End]
		f := strings.Split(strings.TrimSuffix(line, "."), " | ")
		if len(f) != 5 {
			continue
		}
		pair := strings.Split(f[0], " > ")
		rel := bot.Relation{Supplier: pair[0], Recipient: pair[1], System: f[1], Category: f[2], Status: bot.Status(f[3]), Kind: bot.KindSale,
			Evidence: bot.Evidence{Sentence: line, Start: span.Start, End: span.End}}
		if f[4] != "" {
			var y int
			for _, c := range f[4] {
				y = y*10 + int(c-'0')
			}
			rel.Years = []int{y}
		}
		out = append(out, rel)
	}
	return out
}

var relReports = []bot.Report{
	{ID: "r1", Title: "One", Published: date("2024-01-01"), Body: "China > Kazakhstan | Wing Loong-1 | Aircraft | delivered | 2016.\n\nTurkey > Kazakhstan | Anka | Aircraft | ordered | 2021."},
	{ID: "r2", Title: "Two", Published: date("2025-01-01"), Body: "Russia > Kazakhstan | Su-30SM | Aircraft | delivered | 2015.\n\nKazakhstan > Russia | spare parts | Other | delivered | 2019."},
	{ID: "r3", Title: "Three", Published: date("2023-01-01"), Body: "Turkey > Uzbekistan | Bayraktar TB-2 | Aircraft | planned | ."},
}

func mustRelations(t *testing.T, x *Index, q bot.RelationQuery) []string {
	t.Helper()
	res, err := x.SearchRelations(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Supplier+">"+h.Recipient+":"+h.System)
	}
	if res.Total != len(out) {
		t.Errorf("total %d, hits %d", res.Total, len(out))
	}
	return out
}

func TestSearchRelations(t *testing.T) {
	x, err := Create(t.TempDir(), Options{Relations: relationsOf})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	st := MustIngest(t, x, relReports...)
	if st.Relations != 5 {
		t.Fatalf("ingest = %+v, want 5 relations", st)
	}
	for _, tc := range []struct {
		name string
		q    bot.RelationQuery
		want string // in order: most recently published report first
	}{
		{"suppliers of Kazakhstan", bot.RelationQuery{Recipients: []string{"Kazakhstan"}}, "Russia>Kazakhstan:Su-30SM China>Kazakhstan:Wing Loong-1 Turkey>Kazakhstan:Anka"},
		{"recipients of Turkey", bot.RelationQuery{Suppliers: []string{"Turkey"}}, "Turkey>Kazakhstan:Anka Turkey>Uzbekistan:Bayraktar TB-2"},
		{"either way", bot.RelationQuery{Suppliers: []string{"Russia"}, Recipients: []string{"Kazakhstan"}, Either: true}, "Russia>Kazakhstan:Su-30SM Kazakhstan>Russia:spare parts"},
		{"one way", bot.RelationQuery{Suppliers: []string{"Russia"}, Recipients: []string{"Kazakhstan"}}, "Russia>Kazakhstan:Su-30SM"},
		{"category", bot.RelationQuery{Categories: []string{"Other"}}, "Kazakhstan>Russia:spare parts"},
		{"system folded", bot.RelationQuery{System: "bayraktar tb2"}, "Turkey>Uzbekistan:Bayraktar TB-2"},
		{"years", bot.RelationQuery{Recipients: []string{"Kazakhstan"}, YearFrom: 2016, YearTo: 2020}, "China>Kazakhstan:Wing Loong-1"},
		// r3's relation states no year; its report was published in 2023.
		{"since", bot.RelationQuery{YearFrom: 2019}, "Kazakhstan>Russia:spare parts Turkey>Kazakhstan:Anka Turkey>Uzbekistan:Bayraktar TB-2"},
		{"undated, published in the window", bot.RelationQuery{Suppliers: []string{"Turkey"}, YearFrom: 2023, YearTo: 2023}, "Turkey>Uzbekistan:Bayraktar TB-2"},
		{"undated, published after the window", bot.RelationQuery{Suppliers: []string{"Turkey"}, YearTo: 2022}, "Turkey>Kazakhstan:Anka"},
		{"dated relations keep their own years", bot.RelationQuery{Recipients: []string{"Kazakhstan"}, YearFrom: 2024}, ""},
		{"system by the extractor's short form", bot.RelationQuery{System: "Wing Loong I"}, "China>Kazakhstan:Wing Loong-1"},
		{"nothing", bot.RelationQuery{Recipients: []string{"Iceland"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(mustRelations(t, x, tc.q), " ")
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}

	// Evidence and metadata survive the round trip.
	res, _ := x.SearchRelations(context.Background(), bot.RelationQuery{System: "Wing Loong-1"})
	h := res.Hits[0]
	if h.Evidence.ReportID != "r1" || relReports[0].Body[h.Evidence.Start:h.Evidence.End] != h.Evidence.Sentence ||
		h.Report.Title != "One" || h.Status != bot.StatusDelivered || len(h.Years) != 1 || h.Years[0] != 2016 {
		t.Errorf("hit = %+v", h)
	}

	// Re-ingesting a changed report replaces its relations.
	changed := relReports[1]
	changed.Body = "Russia > Kazakhstan | Su-30SM | Aircraft | delivered | 2015."
	MustIngest(t, x, changed)
	got := mustRelations(t, x, bot.RelationQuery{Suppliers: []string{"Kazakhstan"}})
	if len(got) != 0 {
		t.Errorf("stale relation after re-ingest: %v", got)
	}
	c, _ := x.Counts()
	if c.Relations != 4 {
		t.Errorf("relations = %d, want 4", c.Relations)
	}
	all := mustRelations(t, x, bot.RelationQuery{})
	sort.Strings(all)
	if len(all) != 4 {
		t.Errorf("all = %v", all)
	}
}

func TestPreExtractedRelationsAndSourceType(t *testing.T) {
	x, err := Create(t.TempDir(), Options{Relations: relationsOf})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	register := bot.Report{ID: "sipri-x", Title: "SIPRI export", SourceType: bot.SourceSIPRI, Published: date("2025-03-13"),
		Body: "Turkey to Turkmenistan: Bayraktar TB2 armed UAVs ordered in 2020, delivered in 2021.",
		Relations: []bot.Relation{{Supplier: "Turkey", Recipient: "Turkmenistan", System: "Bayraktar TB2", Category: "Aircraft",
			Status: bot.StatusDelivered, Kind: bot.KindSale, Years: []int{2021},
			Evidence: bot.Evidence{Sentence: "Turkey to Turkmenistan: Bayraktar TB2 armed UAVs ordered in 2020, delivered in 2021.", End: 86,
				Title: "SIPRI Arms Transfers Database, export of 13 Mar 2025, deal Bayraktar TB2 (2020)"}}}}
	news := bot.Report{ID: "news", Title: "News", Body: "Turkey > Turkmenistan | Bayraktar TB2 | Aircraft | delivered | 2021."}
	MustIngest(t, x, register, news)
	for _, tc := range []struct {
		source string
		want   int
	}{{"", 2}, {bot.SourceSIPRI, 1}, {bot.SourceReports, 1}} {
		res, err := x.SearchRelations(context.Background(), bot.RelationQuery{Suppliers: []string{"Turkey"}, SourceType: tc.source})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != tc.want {
			t.Errorf("source %q: %d relations, want %d", tc.source, len(res.Hits), tc.want)
		}
		for _, h := range res.Hits {
			if h.Report.Type() == bot.SourceSIPRI && !strings.HasPrefix(h.Evidence.Title, "SIPRI Arms Transfers Database, export of") {
				t.Errorf("register relation lost its citation title: %+v", h.Evidence)
			}
		}
	}
	// Filters that passages and reports share still select relations only.
	for _, q := range []bot.RelationQuery{{SourceType: bot.SourceSIPRI}, {ReportIDs: []string{"sipri-x"}}} {
		res, err := x.SearchRelations(context.Background(), q)
		if err != nil || res.Total != 1 || len(res.Hits) != 1 {
			t.Errorf("%+v: %d hits of %d (%v), want the one relation", q, len(res.Hits), res.Total, err)
		}
	}
	hits, err := x.SearchPassages(context.Background(), bot.PassageQuery{Terms: [][]string{{"Turkmenistan"}}, SourceType: bot.SourceSIPRI})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ReportID != "sipri-x" || hits[0].Report.Type() != bot.SourceSIPRI {
		t.Errorf("passages from SIPRI only: %+v", hits)
	}
}

func TestSystemKeys(t *testing.T) {
	for _, tc := range []struct{ system, want string }{
		{"K2 Black Panther", "k2"},     // "K2 tanks" in a report is indexed as K2
		{"Bayraktar TB2", "tb2"},       // an alias
		{"Wing Loong I", "wingloong1"}, // a spelling
		{"KF-21", "kf21"},              // unknown: as asked
		{"Mi-35M", "mi35ms"},           // the plural a report writes ("Mi-35Ms")
	} {
		if got := systemKeys(tc.system); !slices.Contains(got, tc.want) {
			t.Errorf("systemKeys(%q) = %v, want %q among them", tc.system, got, tc.want)
		}
	}
	if got := systemKeys("Zorro-7X"); !slices.Equal(got, []string{"zorro7x", "zorro7xs"}) {
		t.Errorf("an unknown system has only its own key and its plural, got %v", got)
	}
}

// TestOldSchemaNeedsRebuild: an index built before relation documents
// carried their report's date is refused with the rebuild advice, not
// searched with a filter that would silently miss relations.
func TestOldSchemaNeedsRebuild(t *testing.T) {
	x, dir := MustCreate(t)
	if err := x.b.SetInternal([]byte("briefbot_schema"), []byte("8")); err != nil {
		t.Fatal(err)
	}
	x.Close()
	_, err := Open(dir, Options{})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), `schema version "8", want "9"`) || !strings.Contains(err.Error(), "briefbot ingest --data") {
		t.Errorf("err = %v, want ErrDamaged naming both versions with rebuild advice", err)
	}
}

// TestSearchRelationsVariantOfKnownSystem: a relation recorded under the
// variant its report wrote ("S-70i Blackhawk") is found by a question that
// names the known system ("UH-60 Black Hawk"), and not by another system.
func TestSearchRelationsVariantOfKnownSystem(t *testing.T) {
	x, err := Create(t.TempDir(), Options{Relations: relationsOf})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	MustIngest(t, x, bot.Report{ID: "v1", Title: "Variant", Published: date("2020-11-11"),
		Body: "Poland > Philippines | S-70i Blackhawk | Aircraft | delivered | 2020."})
	for _, q := range []string{"UH-60 Black Hawk", "Black Hawk", "S-70i Blackhawk"} {
		if got := strings.Join(mustRelations(t, x, bot.RelationQuery{System: q}), " "); got != "Poland>Philippines:S-70i Blackhawk" {
			t.Errorf("system %q: got %q", q, got)
		}
	}
	if got := mustRelations(t, x, bot.RelationQuery{System: "Mi-17"}); len(got) != 0 {
		t.Errorf("Mi-17 found %v", got)
	}
}
