package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// before is earlier than every message of the fake.
var before = time.Unix(1700000000, 0)

// digestAdapter is an adapter for the fake that has not been Run, and the
// waits its retries asked for (none is slept).
type digestAdapter struct {
	*Adapter
	mu    sync.Mutex
	slept []time.Duration
}

func (d *digestAdapter) waits() []time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.slept)
}

func mustDigestAdapter(t *testing.T, f *fakeSlack) *digestAdapter {
	t.Helper()
	a, err := New(Options{BotToken: "xoxb-test", SigningSecret: secret, APIURL: f.apiURL(), MaxRetries: 2,
		MaxRetryWait: 10 * time.Second, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	d := &digestAdapter{Adapter: a}
	a.sleep = func(ctx context.Context, w time.Duration) error {
		d.mu.Lock()
		defer d.mu.Unlock()
		d.slept = append(d.slept, w)
		return ctx.Err()
	}
	return d
}

// mustDigestReply is a digest long enough to take at least three messages.
func mustDigestReply(t *testing.T) (bot.Reply, int) {
	t.Helper()
	words := strings.Fields("Kazakhstan received drones from Turkey and China while Uzbekistan ordered helicopters [1]")
	var b strings.Builder
	for i := 0; b.Len() < 30000; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
		if i%100 == 99 {
			b.WriteString("\n")
		}
	}
	r := answerReply(bot.Answer{Question: "What changed this week", Text: b.String(), Citations: []bot.Citation{citation(1, "A quote.")}})
	n := len(Render(r))
	if n < 3 {
		t.Fatalf("the test digest renders as %d messages; want at least 3", n)
	}
	return r, n
}

// digestParts counts the messages of ch marked with digest id, by part,
// and fails t on a marker that does not declare parts parts.
func digestParts(t *testing.T, f *fakeSlack, ch, id string, parts int) map[int]int {
	t.Helper()
	got := map[int]int{}
	for _, m := range f.channelMessages(ch) {
		if m.Metadata == nil {
			continue
		}
		var md slackgo.SlackMetadata
		if err := json.Unmarshal(m.Metadata, &md); err != nil {
			t.Fatal(err)
		}
		if md.EventType != DigestEventType || md.EventPayload["id"] != id {
			continue
		}
		if md.EventPayload["parts"] != float64(parts) {
			t.Errorf("message %s declares %v parts, want %d", m.TS, md.EventPayload["parts"], parts)
		}
		got[int(md.EventPayload["part"].(float64))]++
	}
	return got
}

func seq(from, to int) []int {
	var s []int
	for k := from; k <= to; k++ {
		s = append(s, k)
	}
	return s
}

func TestPostDigest(t *testing.T) {
	f := newFakeSlack(t)
	a := mustDigestAdapter(t, f) // never Run: posting needs no session
	ctx := context.Background()
	r, n := mustDigestReply(t)
	f.addMessages(channel, 3) // older chatter
	f.mu.Lock()
	f.channels[channel] = append(f.channels[channel], fakeMessage{TS: f.nextTS(), Text: "another app's",
		Metadata: json.RawMessage(`{"event_type":"task_created","event_payload":{"id":"w1","part":1,"parts":1}}`)})
	f.mu.Unlock()
	start := f.postCount()

	ref, err := a.PostDigest(ctx, channel, r, "w1", nil)
	if err != nil {
		t.Fatal(err)
	}
	posts := f.postsSince(start)
	if len(posts) != n {
		t.Fatalf("%d messages posted, want %d", len(posts), n)
	}
	if ref != posts[0].TS {
		t.Errorf("ref %q, want the first message's ts %q", ref, posts[0].TS)
	}
	msgs := Render(r)
	for i, p := range posts {
		if p.Channel != channel || p.ThreadTS != "" || p.Text != msgs[i].Text || len(p.Blocks) != len(msgs[i].Blocks) {
			t.Errorf("post %d: channel %q thread %q text %q with %d blocks; want message %d of Render in %s, not in a thread",
				i+1, p.Channel, p.ThreadTS, p.Text, len(p.Blocks), i+1, channel)
		}
		if p.UnfurlLinks != "false" || p.LinkNames != "false" {
			t.Errorf("post %d: unfurl_links %q link_names %q; want both off, as for answers", i+1, p.UnfurlLinks, p.LinkNames)
		}
		want := map[string]any{"id": "w1", "part": float64(i + 1), "parts": float64(n)}
		if p.Metadata == nil || p.Metadata.EventType != DigestEventType || fmt.Sprint(p.Metadata.EventPayload) != fmt.Sprint(want) {
			t.Errorf("post %d metadata %+v, want %s %v", i+1, p.Metadata, DigestEventType, want)
		}
	}

	found, err := a.FindDigest(ctx, channel, "w1", before)
	if err != nil {
		t.Fatal(err)
	}
	if want := (bot.DigestFound{Parts: seq(1, n), Total: n, Ref: ref}); fmt.Sprint(found) != fmt.Sprint(want) || !found.Complete() {
		t.Errorf("FindDigest = %+v (complete %t), want %+v", found, found.Complete(), want)
	}
	calls := f.historyCalls()
	if len(calls) != 1 {
		t.Fatalf("%d conversations.history calls, want 1", len(calls))
	}
	if c := calls[0]; c.Get("channel") != channel || c.Get("include_all_metadata") != "1" || c.Get("limit") != "200" || c.Get("oldest") != "1700000000.000000" {
		t.Errorf("conversations.history %v; want the channel, include_all_metadata=1, limit=200, oldest=1700000000.000000", c)
	}

	for _, tc := range []struct {
		name, ch, id string
		since        time.Time
	}{
		{"another digest", channel, "w2", before},
		{"a digest ID that is a prefix", channel, "w", before},
		{"another channel", dmChannel, "w1", before},
		{"since after it", channel, "w1", time.Unix(1700000001, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found, err := a.FindDigest(ctx, tc.ch, tc.id, tc.since)
			if err != nil {
				t.Fatal(err)
			}
			if found.Parts != nil || found.Total != 0 || found.Ref != "" || found.Complete() {
				t.Errorf("FindDigest = %+v, want nothing", found)
			}
		})
	}

	t.Run("every part already there", func(t *testing.T) {
		n0 := f.postCount()
		ref, err := a.PostDigest(ctx, channel, r, "w1", seq(1, n))
		if err != nil || ref != "" || f.postCount() != n0 {
			t.Errorf("PostDigest = %q, %v and %d posts; want nothing posted", ref, err, f.postCount()-n0)
		}
	})
	t.Run("no digest ID", func(t *testing.T) {
		if _, err := a.PostDigest(ctx, channel, r, "", nil); err == nil {
			t.Error("PostDigest without a digest ID should fail")
		}
		if _, err := a.FindDigest(ctx, channel, "", before); err == nil {
			t.Error("FindDigest without a digest ID should fail")
		}
	})
}

func TestPostDigestAfterACrash(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		is     func(error) bool
	}{
		{"HTTP 500", 500, func(err error) bool {
			var sc slackgo.StatusCodeError
			return errors.As(err, &sc) && sc.Code == 500
		}},
		{"ok false", 200, func(err error) bool {
			var se slackgo.SlackErrorResponse
			return errors.As(err, &se) && se.Err == "fatal_error"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeSlack(t)
			a := mustDigestAdapter(t, f)
			ctx := context.Background()
			r, n := mustDigestReply(t)

			f.failPost(2, tc.status)
			ref, err := a.PostDigest(ctx, channel, r, "w7", nil)
			if err == nil || !tc.is(err) {
				t.Fatalf("PostDigest = %v, want an error wrapping Slack's", err)
			}
			if posts := f.postsSince(0); len(posts) != 1 || ref != posts[0].TS {
				t.Fatalf("%d posted and ref %q; want part 1 posted and its ts", len(posts), ref)
			}
			found, err := a.FindDigest(ctx, channel, "w7", before)
			if err != nil {
				t.Fatal(err)
			}
			if want := (bot.DigestFound{Parts: []int{1}, Total: n, Ref: ref}); fmt.Sprint(found) != fmt.Sprint(want) || found.Complete() {
				t.Errorf("FindDigest = %+v, want %+v, incomplete", found, want)
			}

			ref2, err := a.PostDigest(ctx, channel, r, "w7", found.Parts)
			if err != nil {
				t.Fatal(err)
			}
			posts := f.postsSince(1)
			if len(posts) != n-1 || ref2 != posts[0].TS {
				t.Fatalf("the retry posted %d messages and returned %q; want the %d missing ones and the first's ts", len(posts), ref2, n-1)
			}
			for i, p := range posts {
				if got := p.Metadata.EventPayload["part"]; got != float64(i+2) {
					t.Errorf("retry post %d is part %v, want %d", i+1, got, i+2)
				}
			}
			found, err = a.FindDigest(ctx, channel, "w7", before)
			if err != nil {
				t.Fatal(err)
			}
			if want := (bot.DigestFound{Parts: seq(1, n), Total: n, Ref: ref}); fmt.Sprint(found) != fmt.Sprint(want) || !found.Complete() {
				t.Errorf("after the retry FindDigest = %+v, want %+v, complete", found, want)
			}
			got := digestParts(t, f, channel, "w7", n)
			for k := 1; k <= n; k++ {
				if got[k] != 1 {
					t.Errorf("the channel holds part %d %d times, want once: %v", k, got[k], got)
				}
			}
		})
	}
}

func TestDigestRateLimits(t *testing.T) {
	ctx := context.Background()
	t.Run("posts", func(t *testing.T) {
		f := newFakeSlack(t)
		a := mustDigestAdapter(t, f)
		r, n := mustDigestReply(t)
		f.rateLimit(1, "0")
		if _, err := a.PostDigest(ctx, channel, r, "w1", nil); err != nil {
			t.Fatal(err)
		}
		if got := digestParts(t, f, channel, "w1", n); len(got) != n || slices.ContainsFunc(seq(1, n), func(k int) bool { return got[k] != 1 }) {
			t.Errorf("parts in the channel %v, want each of %d once", got, n)
		}
		if got := a.waits(); fmt.Sprint(got) != "[1s]" {
			t.Errorf("waited %v, want [1s]", got)
		}
	})
	t.Run("posts beyond MaxRetries", func(t *testing.T) {
		f := newFakeSlack(t)
		a := mustDigestAdapter(t, f)
		r, _ := mustDigestReply(t)
		f.rateLimit(10, "1")
		_, err := a.PostDigest(ctx, channel, r, "w1", nil)
		var rl *slackgo.RateLimitedError
		if !errors.As(err, &rl) || f.postCount() != 0 {
			t.Errorf("PostDigest = %v after %d posts; want a rate-limit error and none posted", err, f.postCount())
		}
	})
	t.Run("history", func(t *testing.T) {
		f := newFakeSlack(t)
		a := mustDigestAdapter(t, f)
		r, n := mustDigestReply(t)
		if _, err := a.PostDigest(ctx, channel, r, "w1", nil); err != nil {
			t.Fatal(err)
		}
		f.rateLimitHistory(2, "1")
		found, err := a.FindDigest(ctx, channel, "w1", before)
		if err != nil || !found.Complete() || found.Total != n {
			t.Errorf("FindDigest = %+v, %v; want all %d parts", found, err, n)
		}
		if got := a.waits(); fmt.Sprint(got) != "[1s 1s]" {
			t.Errorf("waited %v, want [1s 1s]", got)
		}
	})
}

func TestDigestChannelErrors(t *testing.T) {
	f := newFakeSlack(t)
	a := mustDigestAdapter(t, f)
	ctx := context.Background()
	r, _ := mustDigestReply(t)
	for _, tc := range []struct{ ch, want string }{
		{"C0NOSUCH", "channel_not_found"},
		{notInChannel, "not_in_channel"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			found, err := a.FindDigest(ctx, tc.ch, "w1", before)
			var se slackgo.SlackErrorResponse
			if !errors.As(err, &se) || se.Err != tc.want || !strings.Contains(err.Error(), "find digest") {
				t.Errorf("FindDigest = %+v, %v; want a wrapped %s", found, err, tc.want)
			}
		})
	}
	_, err := a.PostDigest(ctx, notInChannel, r, "w1", nil)
	var se slackgo.SlackErrorResponse
	if !errors.As(err, &se) || se.Err != "not_in_channel" || !strings.Contains(err.Error(), "post digest w1 part 1") {
		t.Errorf("PostDigest = %v, want a wrapped not_in_channel", err)
	}
}

func TestFindDigestPages(t *testing.T) {
	f := newFakeSlack(t)
	a := mustDigestAdapter(t, f)
	ctx := context.Background()
	r, n := mustDigestReply(t)
	ref, err := a.PostDigest(ctx, channel, r, "w1", nil)
	if err != nil {
		t.Fatal(err)
	}

	f.addMessages(channel, 450) // the digest is on the third page
	found, err := a.FindDigest(ctx, channel, "w1", before)
	if err != nil {
		t.Fatal(err)
	}
	if want := (bot.DigestFound{Parts: seq(1, n), Total: n, Ref: ref}); fmt.Sprint(found) != fmt.Sprint(want) {
		t.Errorf("FindDigest = %+v, want %+v", found, want)
	}
	calls := f.historyCalls()
	if got := len(calls); got != 3 {
		t.Fatalf("%d conversations.history calls, want 3", got)
	}
	if calls[0].Get("cursor") != "" || calls[1].Get("cursor") == "" || calls[2].Get("cursor") == calls[1].Get("cursor") {
		t.Errorf("cursors %q %q %q; want none, then the ones Slack returned", calls[0].Get("cursor"), calls[1].Get("cursor"), calls[2].Get("cursor"))
	}

	f.addMessages(channel, 1000) // now beyond the five pages FindDigest reads
	found, err = a.FindDigest(ctx, channel, "w1", before)
	if err != nil || found.Total != 0 {
		t.Errorf("FindDigest = %+v, %v; want nothing found beyond five pages, and no error", found, err)
	}
	if got := len(f.historyCalls()) - len(calls); got != historyPages {
		t.Errorf("%d conversations.history calls, want %d", got, historyPages)
	}
}

func TestPostDigestWhileRunning(t *testing.T) {
	f := newFakeSlack(t)
	a, srv := startAdapter(t, f, Options{SigningSecret: secret}, mustRouter(t), nil)
	ctx := context.Background()
	r, n := mustDigestReply(t)
	var wg sync.WaitGroup
	errc := make(chan error, 2)
	for _, id := range []string{"w1", "w2"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := a.PostDigest(ctx, channel, r, id, nil); err != nil {
				errc <- err
			}
		}()
	}
	postEvent(t, a, srv, "EvDigest", mention("1699999999.000001", question), nil) // answered meanwhile
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	for _, id := range []string{"w1", "w2"} {
		found, err := a.FindDigest(ctx, channel, id, before)
		if err != nil || !found.Complete() || found.Total != n {
			t.Errorf("FindDigest(%s) = %+v, %v; want all %d parts", id, found, err, n)
		}
	}
	answered := false
	for _, p := range f.postsSince(0) {
		answered = answered || p.ThreadTS == "1699999999.000001" && p.Metadata == nil
	}
	if !answered {
		t.Error("the mention was not answered in its thread")
	}
}

func TestDigestMarker(t *testing.T) {
	for _, tc := range []struct {
		name        string
		payload     map[string]any
		part, parts int
		ok          bool
	}{
		{"JSON numbers", map[string]any{"id": "w1", "part": 2.0, "parts": 3.0}, 2, 3, true},
		{"ints", map[string]any{"id": "w1", "part": 1, "parts": 1}, 1, 1, true},
		{"strings", map[string]any{"id": "w1", "part": "2", "parts": "2"}, 2, 2, true},
		{"json.Number", map[string]any{"id": "w1", "part": json.Number("1"), "parts": json.Number("4")}, 1, 4, true},
		{"another ID", map[string]any{"id": "w2", "part": 1.0, "parts": 1.0}, 0, 0, false},
		{"fraction", map[string]any{"id": "w1", "part": 1.5, "parts": 2.0}, 0, 0, false},
		{"part beyond parts", map[string]any{"id": "w1", "part": 3.0, "parts": 2.0}, 0, 0, false},
		{"part 0", map[string]any{"id": "w1", "part": 0.0, "parts": 2.0}, 0, 0, false},
		{"no parts", map[string]any{"id": "w1", "part": 1.0}, 0, 0, false},
		{"huge", map[string]any{"id": "w1", "part": 1.0, "parts": 1e300}, 0, 0, false},
		{"ID not a string", map[string]any{"id": 1.0, "part": 1.0, "parts": 1.0}, 0, 0, false},
	} {
		part, parts, ok := digestMarker(slackgo.SlackMetadata{EventType: DigestEventType, EventPayload: tc.payload}, "w1")
		if part != tc.part || parts != tc.parts || ok != tc.ok {
			t.Errorf("%s: got %d, %d, %t; want %d, %d, %t", tc.name, part, parts, ok, tc.part, tc.parts, tc.ok)
		}
	}
	if _, _, ok := digestMarker(slackgo.SlackMetadata{EventType: "other", EventPayload: map[string]any{"id": "w1", "part": 1.0, "parts": 1.0}}, "w1"); ok {
		t.Error("another event type should not mark a digest")
	}
}

func TestSlackTS(t *testing.T) {
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{time.Unix(1700000000, 123456789), "1700000000.123456"},
		{time.Unix(5, 0), "5.000000"},
		{time.Time{}, ""},
		{time.Unix(-5, 0), ""},
	} {
		if got := slackTS(tc.t); got != tc.want {
			t.Errorf("slackTS(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
	if !tsBefore("999999999.999999", "1700000000.000000") || tsBefore("1700000000.000002", "1700000000.000001") || tsBefore("1.000001", "1.000001") {
		t.Error("tsBefore compares timestamps wrongly")
	}
}
