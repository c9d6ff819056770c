package bot_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/index"
)

// MustIndex builds a real on-disk index of the reports under dir.
func MustIndex(tb testing.TB, dir string) *index.Index {
	tb.Helper()
	res := corpus.Loader{}.LoadPaths(dir)
	if len(res.Problems) > 0 {
		tb.Fatalf("load %s: %v", dir, res.Problems)
	}
	x, err := index.Create(tb.TempDir(), index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	if _, err := x.Ingest(context.Background(), res.Reports, nil); err != nil {
		tb.Fatal(err)
	}
	return x
}

type relevanceQuery struct {
	Question string   `json:"question"`
	Top      []string `json:"top"` // report IDs expected first, in order; empty means no match
}

// TestRelevance runs every case under testdata/relevance: documents in
// docs/, questions with the report IDs expected at the top in queries.json.
func TestRelevance(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "relevance", "*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no relevance cases: %v", err)
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b := bot.New(MustIndex(t, filepath.Join(dir, "docs")), bot.Options{})
			data, err := os.ReadFile(filepath.Join(dir, "queries.json"))
			if err != nil {
				t.Fatal(err)
			}
			var queries []relevanceQuery
			if err := json.Unmarshal(data, &queries); err != nil {
				t.Fatal(err)
			}
			for _, q := range queries {
				ans, err := b.Ask(context.Background(), q.Question, bot.Filter{})
				if err != nil {
					t.Errorf("%q: %v", q.Question, err)
					continue
				}
				if len(q.Top) == 0 {
					if !ans.NoMatch || len(ans.Citations) != 0 {
						t.Errorf("%q: want no match, got %q", q.Question, ans.Text)
					}
					continue
				}
				var got []string
				for _, c := range ans.Citations {
					got = append(got, c.ReportID)
				}
				if len(got) < len(q.Top) || strings.Join(got[:len(q.Top)], ",") != strings.Join(q.Top, ",") {
					t.Errorf("%q: cited %v, want %v first", q.Question, got, q.Top)
				}
			}
		})
	}
}

func TestAnswerCitesSentencesWithMetadata(t *testing.T) {
	b := bot.New(MustIndex(t, filepath.Join("testdata", "relevance", "basic", "docs")), bot.Options{})
	ans, err := b.Ask(context.Background(), "Who supplies Kazakhstan with drones?", bot.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Citations) == 0 {
		t.Fatalf("no citations: %+v", ans)
	}
	c := ans.Citations[0]
	want := bot.Citation{N: 1, ReportID: "kz-drones", Title: "Armed drones arrive in Kazakhstan", Source: "Relevance Test Wire",
		URL: "https://example.org/kz-drones", Published: "2023-04-02",
		Quote: "Kazakhstan took delivery of armed UAVs made in China, according to the defence ministry."}
	c.Highlights = nil
	if !reflect.DeepEqual(c, want) {
		t.Errorf("citation 1 =\n%+v\nwant\n%+v", c, want)
	}
	if !strings.Contains(ans.Text, want.Quote+" [1]") {
		t.Errorf("answer text does not quote citation 1 with its marker:\n%s", ans.Text)
	}
	for i, c := range ans.Citations {
		if c.N != i+1 {
			t.Errorf("citation %d numbered %d", i, c.N)
		}
		if !strings.Contains(ans.Text, "[") {
			t.Errorf("no markers")
		}
	}
}

func TestAskDateFilter(t *testing.T) {
	b := bot.New(MustIndex(t, filepath.Join("testdata", "relevance", "basic", "docs")), bot.Options{})
	from, _ := corpus.ParseDate("2024-01-01")
	ans, err := b.Ask(context.Background(), "drones", bot.Filter{From: from})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range ans.Citations {
		if c.Published < "2024-01-01" {
			t.Errorf("cited %s published %s, before the filter", c.ReportID, c.Published)
		}
	}
	if len(ans.Citations) != 1 || ans.Citations[0].ReportID != "tr-drones-market" {
		t.Errorf("citations = %+v, want only tr-drones-market", ans.Citations)
	}
}

func TestBadQuestions(t *testing.T) {
	b := bot.New(MustIndex(t, filepath.Join("testdata", "relevance", "basic", "docs")), bot.Options{})
	ctx := context.Background()
	for _, tc := range []struct {
		name, question string
		code           string // "" means an answer
	}{
		{"empty", "", bot.EInvalid},
		{"blank", " \t\n ", bot.EInvalid},
		{"only question words", "who is it?", bot.EInvalid},
		{"10000 characters", strings.Repeat("drones ", 1500)[:10000], bot.EInvalid},
		{"query syntax", `+kazakhstan -"drones" title:x* (( ]] {~2^3} /re.*/ \ && || !`, ""},
		{"control characters", "drones\x00\x07\x1b[31m", ""},
		{"invalid utf-8", "drones \xff\xfe", ""},
		{"many distinct words", strings.Repeat("alpha beta gamma delta epsilon zeta eta theta iota kappa ", 10), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := b.Ask(ctx, tc.question, bot.Filter{})
			if got := bot.ErrorCode(err); got != tc.code {
				t.Fatalf("error code %q (%v), want %q", got, err, tc.code)
			}
			if err == nil && ans.Text == "" {
				t.Errorf("empty answer")
			}
			if err != nil && bot.ErrorMessage(err) == "" {
				t.Errorf("error without a message")
			}
		})
	}
}

func TestRouterNeverShowsInternalErrors(t *testing.T) {
	x := MustIndex(t, filepath.Join("testdata", "relevance", "basic", "docs"))
	r := bot.NewRouter(bot.New(x, bot.Options{}), bot.RouterOptions{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	x.Close() // every search now fails inside Bleve
	reply := r.Handle(context.Background(), bot.Message{Text: "drones"})
	if !reply.IsError || reply.Answer != nil {
		t.Fatalf("reply = %+v, want an error", reply)
	}
	if !strings.Contains(reply.Text, reply.RequestID) || strings.Contains(strings.ToLower(reply.Text), "closed") {
		t.Errorf("reply %q must apologise with request ID %s and hide the cause", reply.Text, reply.RequestID)
	}
}

func TestRouterHelp(t *testing.T) {
	r := bot.NewRouter(bot.New(nil, bot.Options{}), bot.RouterOptions{})
	reply := r.Handle(context.Background(), bot.Message{Text: "help"})
	if reply.Text != bot.Help() {
		t.Errorf("help reply = %q", reply.Text)
	}
}

func TestRouterDigestCommands(t *testing.T) {
	x := MustIndex(t, filepath.Join("testdata", "relevance", "basic", "docs"))
	r := bot.NewRouter(bot.New(x, bot.Options{}), bot.RouterOptions{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ctx := context.Background()
	reply := r.Handle(ctx, bot.Message{Text: "digest now"})
	if reply.IsError || reply.Answer == nil || !strings.Contains(reply.Answer.Text, "7 new reports") {
		t.Errorf("digest now: %+v", reply)
	}
	for text, want := range map[string]string{
		"digest subscribe weekly":         "no state store",
		"digest now countries Narnia":     "Narnia",
		"digest":                          "digest now",
		"digest now categories kittens x": "kittens",
	} {
		reply := r.Handle(ctx, bot.Message{Text: text})
		if !reply.IsError || !strings.Contains(reply.Text, want) {
			t.Errorf("%q: %+v, want an error mentioning %q", text, reply, want)
		}
	}
}
