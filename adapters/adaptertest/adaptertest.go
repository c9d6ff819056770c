package adaptertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// Harness drives one adapter under test.
type Harness struct {
	// Start starts the adapter with h and returns how to talk to it. It
	// stops the adapter with t.Cleanup.
	Start func(t *testing.T, h bot.Handler) Sender
	// Pings reports whether raw platform output would notify a channel or a
	// user: a mention of them, @here, @channel or @everyone.
	Pings func(raw string) bool
	// Links returns the targets of the links raw output shows; nil means
	// the platform shows no links.
	Links func(raw string) []string
	// Menu lists the commands the platform's own command menu offers, by
	// their bot.Command names ("digest subscribe"), for platforms that
	// build one (Discord's /brief); nil where commands are typed as text.
	Menu func() []string
}

// Sender sends text as a user's message to the adapter and returns what
// the platform then shows. It fails t when the adapter cannot be reached.
type Sender func(t *testing.T, text string) Output

// Output is what the platform shows the user after one message.
type Output struct {
	// Replied is false when the adapter ignored the message.
	Replied bool
	// Raw is the platform's output as the platform receives it (mrkdwn,
	// escapes and all): what Pings and Links read.
	Raw string
	// Plain is the text as the user reads it: link labels instead of
	// link markup, escapes decoded.
	Plain string
}

var requestID = regexp.MustCompile(`request ([0-9a-f]{12})`)

// Router returns a Router over a real index of Reports (MustIndex) with
// opts; a nil Logger discards the logs.
func Router(tb testing.TB, opts bot.RouterOptions) *bot.Router {
	tb.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return bot.NewRouter(bot.New(MustIndex(tb), bot.Options{}), opts)
}

// Run checks the adapter of h against the contract every adapter keeps:
// a question gets its answer with every citation's [n] marker, title,
// publisher and date; help works; an internal error reaches the user as a
// short apology with a request ID and nothing of the error (which is
// logged); hostile report and user text never produce a ping or a link to
// anywhere but a report; an empty message is ignored or answered with how
// to ask; every command of the bot's registry is reached by its example,
// and offered by the platform's command menu if it has one.
func Run(t *testing.T, h Harness) {
	t.Helper()
	if h.Start == nil || h.Pings == nil {
		t.Fatal("adaptertest: Harness needs Start and Pings")
	}
	ctx := context.Background()
	router := Router(t, bot.RouterOptions{})

	t.Run("question", func(t *testing.T) {
		want := router.Handle(ctx, bot.Message{Text: Question})
		if want.Answer == nil || len(want.Answer.Citations) == 0 {
			t.Fatalf("adaptertest: the router gave no cited answer to %q: %+v", Question, want)
		}
		out := h.Start(t, router)(t, Question)
		if !out.Replied {
			t.Fatalf("no reply to %q", Question)
		}
		for _, c := range want.Answer.Citations {
			for _, s := range []string{fmt.Sprintf("[%d]", c.N), c.Title, c.Source, c.Published} {
				if !strings.Contains(out.Plain, s) {
					t.Errorf("reply does not show %q of citation [%d]:\n%s", s, c.N, out.Plain)
				}
			}
		}
		if h.Pings(out.Raw) {
			t.Errorf("reply pings someone:\n%s", out.Raw)
		}
	})

	t.Run("help", func(t *testing.T) {
		out := h.Start(t, router)(t, "help")
		for _, s := range []string{"suppliers", "recipients", "between"} {
			if !strings.Contains(out.Plain, s) {
				t.Errorf("help does not mention %q:\n%s", s, out.Plain)
			}
		}
	})

	t.Run("internal error", func(t *testing.T) {
		broken := MustIndex(t)
		if err := broken.Close(); err != nil {
			t.Fatal(err)
		}
		_, cause := broken.SearchPassages(ctx, bot.PassageQuery{Terms: [][]string{{"kazakhstan"}}})
		if cause == nil {
			t.Fatal("adaptertest: a closed index answered a search")
		}
		for errors.Unwrap(cause) != nil {
			cause = errors.Unwrap(cause) // what any search of the closed index says
		}
		var logs LockedBuffer
		r := bot.NewRouter(bot.New(broken, bot.Options{}), bot.RouterOptions{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		out := h.Start(t, r)(t, Question)
		if !out.Replied {
			t.Fatal("no reply when the bot failed")
		}
		m := requestID.FindStringSubmatch(out.Plain)
		if m == nil || !strings.Contains(out.Plain, "Sorry") {
			t.Fatalf("want an apology with a request ID, got:\n%s", out.Plain)
		}
		for _, s := range []string{cause.Error(), "index", "closed", "bleve"} {
			if strings.Contains(strings.ToLower(out.Plain), strings.ToLower(s)) {
				t.Errorf("reply reveals %q:\n%s", s, out.Plain)
			}
		}
		if got := logs.String(); !strings.Contains(got, m[1]) || !strings.Contains(got, cause.Error()) {
			t.Errorf("log does not hold request %s with the error %q:\n%s", m[1], cause, got)
		}
	})

	t.Run("hostile report", func(t *testing.T) {
		want := router.Handle(ctx, bot.Message{Text: HostileQuestion})
		if want.Answer == nil || !cites(want.Answer, HostileReportID) {
			t.Fatalf("adaptertest: the router's answer to %q does not cite %s: %+v", HostileQuestion, HostileReportID, want)
		}
		send := h.Start(t, router)
		for _, q := range []string{HostileQuestion, "<!channel> @everyone " + HostileQuestion + " <@U123> <https://evil.example/q|sipri.org>"} {
			out := send(t, q)
			if !out.Replied {
				t.Fatalf("no reply to %q", q)
			}
			if !strings.Contains(out.Plain, "Quarkstan") {
				t.Errorf("reply to %q does not show the report:\n%s", q, out.Plain)
			}
			if h.Pings(out.Raw) {
				t.Errorf("reply to %q pings someone:\n%s", q, out.Raw)
			}
			if h.Links != nil {
				for _, l := range h.Links(out.Raw) {
					if u, err := url.Parse(l); err != nil || u.Hostname() == EvilHost || !reportURL(l) {
						t.Errorf("reply to %q links to %q:\n%s", q, l, out.Raw)
					}
				}
			}
		}
	})

	t.Run("commands", func(t *testing.T) {
		rec := &recorder{h: router}
		send := h.Start(t, rec)
		for _, c := range bot.Commands() {
			if out := send(t, c.Example); !out.Replied {
				t.Errorf("no reply to %q", c.Example)
			} else if got := rec.last(); got != c.Name {
				t.Errorf("%q ran command %q, want %q", c.Example, got, c.Name)
			}
		}
		if h.Menu == nil {
			return
		}
		menu := map[string]bool{}
		for _, name := range h.Menu() {
			menu[name] = true
		}
		for _, c := range bot.Commands() {
			if !menu[c.Name] {
				t.Errorf("the platform's command menu lacks %q", c.Name)
			}
		}
	})

	t.Run("empty message", func(t *testing.T) {
		out := h.Start(t, router)(t, "")
		lower := strings.ToLower(out.Plain)
		if out.Replied && !strings.Contains(lower, "for example") && !strings.Contains(lower, "help") {
			t.Errorf("an empty message got neither silence nor how to ask:\n%s", out.Plain)
		}
	})
}

func cites(a *bot.Answer, reportID string) bool {
	for _, c := range a.Citations {
		if c.ReportID == reportID {
			return true
		}
	}
	return false
}

func reportURL(u string) bool {
	for _, r := range Reports() {
		if r.URL == u {
			return true
		}
	}
	return false
}

// recorder is a Handler that remembers which command answered last.
type recorder struct {
	h       bot.Handler
	mu      sync.Mutex
	command string
}

func (r *recorder) Handle(ctx context.Context, m bot.Message) bot.Reply {
	reply := r.h.Handle(ctx, m)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.command = reply.Command
	return reply
}

func (r *recorder) last() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.command
}

// LockedBuffer is a bytes.Buffer that goroutines may write (log) into
// while a test reads it. The zero value is ready to use.
type LockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *LockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String returns what was written so far.
func (l *LockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
