package bot_test

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// TestCommandRegistry checks each declaration: a unique name in one or two
// words, a summary and argument help that fit a command menu (100
// characters), arguments named as a menu option must be, and an example
// that the Router runs as that command.
func TestCommandRegistry(t *testing.T) {
	word := regexp.MustCompile(`^[a-z]{1,32}$`)
	seen := map[string]bool{}
	groups := map[string]bool{}
	for _, g := range bot.CommandGroups() {
		groups[g.Name] = true
	}
	x := MustIndex(t, filepath.Join("testdata", "relevance", "basic", "docs"))
	r := bot.NewRouter(bot.New(x, bot.Options{}), bot.RouterOptions{})
	for _, c := range bot.Commands() {
		words := strings.Fields(c.Name)
		if len(words) == 0 || len(words) > 2 || (len(words) == 2 && !groups[words[0]]) {
			t.Errorf("%q: want one word, or a group word and one more", c.Name)
		}
		for _, w := range words {
			if !word.MatchString(w) {
				t.Errorf("%q: word %q is not 1-32 lower-case letters", c.Name, w)
			}
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if seen[n] {
				t.Errorf("%q is declared twice", n)
			}
			seen[n] = true
		}
		if c.Summary == "" || len(c.Summary) > 100 {
			t.Errorf("%q: summary %q is empty or over 100 characters", c.Name, c.Summary)
		}
		for _, a := range c.Args {
			if !word.MatchString(a.Name) || a.Help == "" || len(a.Help) > 100 {
				t.Errorf("%q: argument %+v", c.Name, a)
			}
		}
		got := r.Handle(context.Background(), bot.Message{Text: c.Example, Platform: "slack", Channel: "C1", User: "U1"})
		if got.Command != c.Name {
			t.Errorf("example %q ran %q, want %q", c.Example, got.Command, c.Name)
		}
		if !strings.Contains(bot.Help(), c.Usage()) {
			t.Errorf("help does not list %q", c.Usage())
		}
	}
}

func TestRouterDispatch(t *testing.T) {
	x := MustIndex(t, filepath.Join("testdata", "relevance", "basic", "docs"))
	r := bot.NewRouter(bot.New(x, bot.Options{}), bot.RouterOptions{})
	for _, tc := range []struct {
		text, command, errorWith string
	}{
		{"HELP", "help", ""},
		{"?", "help", ""},
		{"help me find drones", "ask", ""},           // a command without arguments takes none
		{"Suppliers", "suppliers", "Name a country"}, // required argument missing
		{"digest", "", "`digest now [FILTERS]`"},     // a group word alone lists the group
		{"sources sometimes", "", "`sources add URL` (admins)"},
		{"sources add two words", "sources add", "Give one feed URL"},
		{"sources rm https://example.org/feed.xml", "sources remove", "Feeds cannot be changed here"},
		{"ask", "ask", "Ask a question"},
		{"reindex", "reindex", "nothing to reindex"},
		{"digest subscribe", "digest subscribe", "no state store"},
	} {
		got := r.Handle(context.Background(), bot.Message{Text: tc.text, Platform: "slack", Channel: "C1", User: "U1"})
		if got.Command != tc.command || got.IsError != (tc.errorWith != "") || !strings.Contains(got.Text, tc.errorWith) {
			t.Errorf("%q: ran %q, %+v; want %q with error %q", tc.text, got.Command, got, tc.command, tc.errorWith)
		}
	}
}

// passagesOnly is a Searcher that can do nothing else.
type passagesOnly struct{}

func (passagesOnly) SearchPassages(context.Context, bot.PassageQuery) ([]bot.PassageHit, error) {
	return nil, nil
}

// TestDigestsNeedChanges: a Bot whose Searcher cannot tell what changed
// says so for every digest command, instead of failing inside.
func TestDigestsNeedChanges(t *testing.T) {
	b := bot.New(passagesOnly{}, bot.Options{})
	if b.CanDigest() {
		t.Fatal("CanDigest with a Searcher that only searches passages")
	}
	if _, err := b.Digest(context.Background(), bot.DigestQuery{}); !errors.Is(err, bot.ErrCannotDigest) {
		t.Errorf("Digest: %v, want ErrCannotDigest", err)
	}
	r := bot.NewRouter(b, bot.RouterOptions{})
	for _, text := range []string{"digest now", "digest list", "digest subscribe daily"} {
		got := r.Handle(context.Background(), bot.Message{Text: text, Platform: bot.Console, Channel: "console"})
		if !got.IsError || !strings.Contains(got.Text, "Digests are not available here") {
			t.Errorf("%q: %+v", text, got)
		}
	}
}
