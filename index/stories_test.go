package index

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// storyFixtures are corpus/dedupe's fixtures as reports: each file a report
// from its own outlet, all published the same week, with the story each
// belongs to.
func storyFixtures(t *testing.T) ([]bot.Report, map[string]string) {
	t.Helper()
	dir := filepath.Join("..", "corpus", "dedupe", "testdata")
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Files []struct{ File, Story string }
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var reports []bot.Report
	story := map[string]string{}
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for i, f := range m.Files {
		body, err := os.ReadFile(filepath.Join(dir, f.File))
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f.File), ".txt")
		title, _, _ := strings.Cut(string(body), "\n")
		reports = append(reports, bot.Report{ID: id, Title: title, Source: "Outlet " + id, URL: "https://example.org/" + id,
			Published: day.Add(time.Duration(i%5) * 24 * time.Hour), Body: string(body)})
		story[id] = f.Story
	}
	return reports, story
}

func TestMergeStories(t *testing.T) {
	reports, story := storyFixtures(t)
	x, err := Create(t.TempDir(), Options{MergeStories: true, BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	st, err := x.Ingest(ctx, reports, nil)
	if err != nil {
		t.Fatal(err)
	}
	stories := map[string]bool{}
	for _, s := range story {
		stories[s] = true
	}
	if st.Added != len(stories) || st.Merged != len(reports)-len(stories) {
		t.Errorf("ingest: %d added, %d merged; want %d stories and %d copies", st.Added, st.Merged, len(stories), len(reports)-len(stories))
	}
	c, err := x.Counts()
	if err != nil || c.Reports != len(stories) {
		t.Errorf("counts %+v (%v): want %d reports, one per story", c, err, len(stories))
	}
	// Every copy is a source of the first report of its story, and of no other.
	first := map[string]string{}
	var ids []string
	for _, r := range reports {
		if _, ok := first[story[r.ID]]; !ok {
			first[story[r.ID]] = r.ID
		}
		ids = append(ids, r.ID)
	}
	also, err := x.StorySources(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for head, refs := range also {
		if first[story[head]] != head {
			t.Errorf("%s has sources but is not the first copy of its story", head)
		}
		for _, ref := range refs {
			seen++
			if story[ref.ReportID] != story[head] || ref.Source != "Outlet "+ref.ReportID || ref.URL == "" || ref.Published == "" {
				t.Errorf("source %+v merged into %s (story %s)", ref, head, story[head])
			}
		}
	}
	if seen != len(reports)-len(stories) {
		t.Errorf("%d sources listed, want %d", seen, len(reports)-len(stories))
	}
	// Ingesting again changes nothing; passages come from stories only.
	st, err = x.Ingest(ctx, reports, nil)
	if err != nil || st.Unchanged != len(reports) {
		t.Errorf("re-ingest: %+v %v, want all unchanged", st, err)
	}
	hits, err := x.SearchPassages(ctx, bot.PassageQuery{Terms: [][]string{{"bayraktar"}}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no passage mentions Bayraktar")
	}
	for _, h := range hits {
		if first[story[h.ReportID]] != h.ReportID {
			t.Errorf("passage of merged copy %s is searchable", h.ReportID)
		}
	}
}

func TestMergeStoriesRespectsWindowAndOption(t *testing.T) {
	reports, _ := storyFixtures(t)
	pair := []bot.Report{reports[0], reports[1]} // two copies of one story
	pair[1].Published = pair[0].Published.Add(90 * 24 * time.Hour)
	for _, tc := range []struct {
		name   string
		opts   Options
		in     []bot.Report
		merged int
	}{
		{"same week", Options{MergeStories: true}, []bot.Report{reports[0], reports[1]}, 1},
		{"three months apart", Options{MergeStories: true}, pair, 0},
		{"merging off", Options{}, []bot.Report{reports[0], reports[1]}, 0},
		{"SIPRI never merged", Options{MergeStories: true}, []bot.Report{reports[0], func() bot.Report {
			r := reports[1]
			r.SourceType = bot.SourceSIPRI
			return r
		}()}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := Create(t.TempDir(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			st, err := x.Ingest(context.Background(), tc.in, nil)
			if err != nil || st.Merged != tc.merged {
				t.Errorf("merged %d (%v), want %d", st.Merged, err, tc.merged)
			}
		})
	}
}
