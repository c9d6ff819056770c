package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"github.com/briefbot/briefbot/bot"
)

// digestID is an 18-character digest ID, as the bot makes them.
const digestID = "2024w23-7f3a9c1e0b"

// idleHandler answers nothing; digests are posted without it.
type idleHandler struct{}

func (idleHandler) Handle(context.Context, bot.Message) bot.Reply { return bot.Reply{} }

// digestReply is a digest answer long enough for 3 messages, with sources.
func digestReply() bot.Reply {
	var b strings.Builder
	for i := 1; b.Len() < 12000; i++ {
		fmt.Fprintf(&b, "- Kazakhstan took delivery of Bayraktar TB2 armed drones from Turkey, batch %d, and ordered more Chinese Wing Loong drones [%d]\n", i, i%3+1)
	}
	return answerReply(bot.Answer{Question: "What changed this week in Central Asia", Text: "This week:\n" + b.String(),
		Citations: []bot.Citation{citation(1, "Turkey delivered drones."), citation(2, "China delivered drones."), citation(3, "An order.")}})
}

// digestParts returns how many messages PostDigest makes of r for id.
func digestParts(r bot.Reply, id string) int {
	footer, content := markerRoom(id)
	return len(render(r, footer, content))
}

// posted returns the messages in channel ch, oldest first, as a client
// reads them back.
func posted(t *testing.T, f *fakeDiscord, ch string) []*discordgo.Message {
	t.Helper()
	var out []*discordgo.Message
	for _, m := range f.messages(ch) {
		var dm discordgo.Message
		if err := json.Unmarshal(mustJSON(t, m.wire()), &dm); err != nil {
			t.Fatal(err)
		}
		out = append(out, &dm)
	}
	slices.Reverse(out)
	return out
}

// nonces returns the nonce and enforce_nonce of the messages in channel
// ch, oldest first.
func nonces(f *fakeDiscord, ch string) (nonces []string, enforced []bool) {
	msgs := f.messages(ch)
	slices.Reverse(msgs)
	for _, m := range msgs {
		nonces, enforced = append(nonces, m.Nonce), append(enforced, m.EnforceNonce)
	}
	return nonces, enforced
}

// checkDigestLimits checks msgs against Discord's limits as checkLimits
// does, with the footers counted in the embeds' total.
func checkDigestLimits(t *testing.T, msgs []*discordgo.Message) {
	t.Helper()
	var out []Message
	for i, m := range msgs {
		out = append(out, Message{Content: m.Content, Embeds: m.Embeds})
		total := 0
		for _, e := range m.Embeds {
			total += chatkit.TextLen(e.Title) + chatkit.TextLen(e.Description)
			for _, f := range e.Fields {
				total += chatkit.TextLen(f.Name) + chatkit.TextLen(f.Value)
			}
			if e.Footer != nil {
				total += chatkit.TextLen(e.Footer.Text)
				if chatkit.TextLen(e.Footer.Text) > 2048 {
					t.Errorf("message %d: footer of %d", i+1, chatkit.TextLen(e.Footer.Text))
				}
			}
		}
		if total > MaxEmbedTotal {
			t.Errorf("message %d has %d characters in embeds with footers", i+1, total)
		}
	}
	checkLimits(t, out)
}

// markers returns the marker of each message: the footer of its last
// embed, or what a user reads of its content's last line of small text.
func markers(msgs []*discordgo.Message) []string {
	var out []string
	for _, m := range msgs {
		if k := len(m.Embeds); k > 0 {
			if m.Embeds[k-1].Footer == nil {
				out = append(out, "")
				continue
			}
			out = append(out, m.Embeds[k-1].Footer.Text)
			continue
		}
		lines := strings.Split(m.Content, "\n")
		last, ok := strings.CutPrefix(lines[len(lines)-1], "-# ") // small text
		if !ok {
			out = append(out, "")
			continue
		}
		out = append(out, discordPlain(last))
	}
	return out
}

func wantMarkers(id string, n int) []string {
	var out []string
	for k := 1; k <= n; k++ {
		out = append(out, fmt.Sprintf("digest %s · part %d/%d", id, k, n))
	}
	return out
}

func ids(msgs []*discordgo.Message) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.ID)
	}
	return out
}

func partsUpTo(n int) []int {
	var out []int
	for k := 1; k <= n; k++ {
		out = append(out, k)
	}
	return out
}

// TestPostDigest posts a digest of several messages while the adapter
// runs on the gateway, and finds it again.
func TestPostDigest(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, idleHandler{})
	ctx := context.Background()
	r := digestReply()
	n := digestParts(r, digestID)
	if n < 3 {
		t.Fatalf("the digest renders as %d messages; the test wants 3 or more", n)
	}

	ref, err := h.a.PostDigest(ctx, channelID, r, digestID, nil)
	if err != nil {
		t.Fatalf("PostDigest: %v", err)
	}
	msgs := posted(t, f, channelID)
	if len(msgs) != n {
		t.Fatalf("%d messages in the channel, want %d", len(msgs), n)
	}
	if ref != msgs[0].ID {
		t.Errorf("PostDigest = %q, want the first message %q", ref, msgs[0].ID)
	}
	if got, want := markers(msgs), wantMarkers(digestID, n); !slices.Equal(got, want) {
		t.Errorf("markers %q, want %q", got, want)
	}
	gotNonces, enforced := nonces(f, channelID)
	for k, nonce := range gotNonces {
		if want := fmt.Sprintf("%s-%d", digestID, k+1); nonce != want || !enforced[k] || len(nonce) > 25 {
			t.Errorf("part %d: nonce %q enforced %v, want %q enforced", k+1, nonce, enforced[k], want)
		}
	}
	for i, m := range msgs {
		if len(m.Embeds) == 0 {
			t.Errorf("message %d has no embeds", i+1)
		}
		for j, e := range m.Embeds[:max(len(m.Embeds)-1, 0)] {
			if e.Footer != nil {
				t.Errorf("message %d embed %d has a footer %q; only the last one should", i+1, j+1, e.Footer.Text)
			}
		}
	}
	checkDigestLimits(t, msgs)

	found, err := h.a.FindDigest(ctx, channelID, digestID, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatalf("FindDigest: %v", err)
	}
	if !slices.Equal(found.Parts, partsUpTo(n)) || found.Total != n || found.Ref != ref || !found.Complete() {
		t.Errorf("FindDigest = %+v (complete %v), want parts 1-%d of %d at %s", found, found.Complete(), n, n, ref)
	}
	for _, other := range []string{"2024w22-7f3a9c1e0b", digestID[:len(digestID)-1], digestID + "0"} {
		found, err := h.a.FindDigest(ctx, channelID, other, time.Time{})
		if err != nil || len(found.Parts) != 0 || found.Total != 0 || found.Ref != "" || found.Complete() {
			t.Errorf("FindDigest(%s) = %+v, %v; want nothing", other, found, err)
		}
	}

	ref, err = h.a.PostDigest(ctx, channelID, r, digestID, found.Parts)
	if err != nil || ref != "" {
		t.Errorf("PostDigest with every part had = %q, %v; want nothing posted", ref, err)
	}
	if got := len(f.messages(channelID)); got != n {
		t.Errorf("%d messages after posting nothing, want %d", got, n)
	}
}

// TestPostDigestConcurrently posts two digests at once from goroutines
// other than Run's, to two channels.
func TestPostDigestConcurrently(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, idleHandler{})
	var wg sync.WaitGroup
	for _, ch := range []string{channelID, dmChannel} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := h.a.PostDigest(context.Background(), ch, digestReply(), digestID, nil); err != nil {
				t.Errorf("PostDigest to %s: %v", ch, err)
			}
		}()
	}
	wg.Wait()
	n := digestParts(digestReply(), digestID)
	for _, ch := range []string{channelID, dmChannel} {
		found, err := h.a.FindDigest(context.Background(), ch, digestID, time.Time{})
		if err != nil || !found.Complete() || len(posted(t, f, ch)) != n {
			t.Errorf("channel %s: FindDigest = %+v, %v with %d messages; want %d parts once", ch, found, err, len(posted(t, f, ch)), n)
		}
	}
}

// TestPostDigestAfterCrash: the second message fails; FindDigest sees
// part 1 alone, and posting again with it had sends the rest, once.
func TestPostDigestAfterCrash(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, idleHandler{})
	ctx := context.Background()
	r := digestReply()
	n := digestParts(r, digestID)

	f.failCreates(1, 1, http.StatusInternalServerError)
	ref, err := h.a.PostDigest(ctx, channelID, r, digestID, nil)
	if err == nil || restStatus(err) != http.StatusInternalServerError || !strings.Contains(err.Error(), fmt.Sprintf("part 2/%d", n)) {
		t.Fatalf("PostDigest = %v, want the 500 of part 2/%d", err, n)
	}
	first := posted(t, f, channelID)
	if len(first) != 1 || ref != first[0].ID {
		t.Fatalf("after the failure: %d messages, ref %q; want part 1 alone, and its ID", len(first), ref)
	}

	found, err := h.a.FindDigest(ctx, channelID, digestID, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(found.Parts, []int{1}) || found.Total != n || found.Ref != first[0].ID || found.Complete() {
		t.Fatalf("FindDigest after the failure = %+v, want part 1 of %d at %s, incomplete", found, n, first[0].ID)
	}

	ref, err = h.a.PostDigest(ctx, channelID, r, digestID, found.Parts)
	if err != nil {
		t.Fatalf("PostDigest of the rest: %v", err)
	}
	msgs := posted(t, f, channelID)
	if got, want := markers(msgs), wantMarkers(digestID, n); !slices.Equal(got, want) {
		t.Errorf("markers in the channel %q, want each part once, in order: %q", got, want)
	}
	if len(msgs) > 1 && ref != msgs[1].ID {
		t.Errorf("PostDigest of the rest = %q, want part 2 %q", ref, msgs[1].ID)
	}
	checkDigestLimits(t, msgs)
	found, err = h.a.FindDigest(ctx, channelID, digestID, time.Now().Add(-time.Hour))
	if err != nil || !found.Complete() || found.Ref != msgs[0].ID {
		t.Errorf("FindDigest at the end = %+v, %v; want complete, from %s", found, err, msgs[0].ID)
	}
}

// TestDigestRateLimited: 429s with a short retry_after are waited out,
// for posts and for reads.
func TestDigestRateLimited(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, idleHandler{})
	ctx := context.Background()
	left := func(prefix string) int {
		f.mu.Lock()
		defer f.mu.Unlock()
		return f.limits[prefix].n
	}
	post, get := "POST "+apiPath+"channels/", "GET "+apiPath+"channels/"
	f.rateLimit(post, 2, 0.01)
	if _, err := h.a.PostDigest(ctx, channelID, digestReply(), digestID, nil); err != nil {
		t.Fatalf("PostDigest: %v", err)
	}
	if n := left(post); n != 0 {
		t.Errorf("%d 429s of the posts unused", n)
	}
	n := digestParts(digestReply(), digestID)
	if got := markers(posted(t, f, channelID)); !slices.Equal(got, wantMarkers(digestID, n)) {
		t.Errorf("markers %q, want each part once", got)
	}
	f.rateLimit(get, 1, 0.01)
	found, err := h.a.FindDigest(ctx, channelID, digestID, time.Time{})
	if err != nil || !found.Complete() {
		t.Errorf("FindDigest = %+v, %v; want it complete", found, err)
	}
	if n := left(get); n != 0 {
		t.Errorf("%d 429s of the reads unused", n)
	}
}

// TestDigestErrors: refused channels, bad arguments, and no bot token.
func TestDigestErrors(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, idleHandler{})
	ctx := context.Background()
	for _, tc := range []struct {
		channel string
		status  int
		code    int
	}{
		{missingChannel, http.StatusNotFound, discordgo.ErrCodeUnknownChannel},
		{forbiddenChannel, http.StatusForbidden, discordgo.ErrCodeMissingAccess},
	} {
		_, postErr := h.a.PostDigest(ctx, tc.channel, digestReply(), digestID, nil)
		_, findErr := h.a.FindDigest(ctx, tc.channel, digestID, time.Time{})
		for what, err := range map[string]error{"PostDigest": postErr, "FindDigest": findErr} {
			var re *discordgo.RESTError
			if !errors.As(err, &re) || re.Response.StatusCode != tc.status || re.Message == nil || re.Message.Code != tc.code ||
				!strings.Contains(err.Error(), tc.channel) {
				t.Errorf("%s in %s = %v; want the wrapped %d, code %d", what, tc.channel, err, tc.status, tc.code)
			}
		}
	}
	for _, tc := range []struct{ channel, id string }{
		{"general", digestID},
		{"", digestID},
		{channelID, ""},
		{channelID, "digest with spaces"},
		{channelID, "<@123>"},
		{channelID, strings.Repeat("a", MaxDigestIDLen+1)},
	} {
		if _, err := h.a.PostDigest(ctx, tc.channel, digestReply(), tc.id, nil); err == nil {
			t.Errorf("PostDigest(%q, %q) accepted", tc.channel, tc.id)
		}
		if _, err := h.a.FindDigest(ctx, tc.channel, tc.id, time.Time{}); err == nil {
			t.Errorf("FindDigest(%q, %q) accepted", tc.channel, tc.id)
		}
	}
	if n := f.callsSince(0, "POST "+apiPath+"channels/"+channelID); len(n) != 0 {
		t.Errorf("%d messages sent for bad arguments", len(n))
	}

	httpOnly := startAdapter(t, newFakeDiscord(t), Options{BotToken: "-", ApplicationID: appID}, idleHandler{})
	if _, err := httpOnly.a.PostDigest(ctx, channelID, digestReply(), digestID, nil); !errors.Is(err, ErrNoBotToken) {
		t.Errorf("PostDigest without a bot token = %v, want ErrNoBotToken", err)
	}
	if _, err := httpOnly.a.FindDigest(ctx, channelID, digestID, time.Time{}); !errors.Is(err, ErrNoBotToken) {
		t.Errorf("FindDigest without a bot token = %v, want ErrNoBotToken", err)
	}
}

// TestDigestText: a reply without embeds carries the marker as a last
// line of small text, within the content limit, and is found; an ID with
// markdown characters reads as itself.
func TestDigestText(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, idleHandler{})
	ctx := context.Background()
	for _, tc := range []struct {
		name, channel, id, text string
	}{
		{"short", channelID, digestID, "Nothing new on arms transfers to Central Asia this week."},
		{"long, underscores", dmChannel, "2024_w23_7f3a9c1e0b", strings.Repeat("Nothing new on arms transfers to Central Asia this week. ", 120)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := bot.Reply{Text: tc.text}
			n := digestParts(r, tc.id)
			ref, err := h.a.PostDigest(ctx, tc.channel, r, tc.id, nil)
			if err != nil {
				t.Fatal(err)
			}
			msgs := posted(t, f, tc.channel)
			if got, want := markers(msgs), wantMarkers(tc.id, n); !slices.Equal(got, want) {
				t.Errorf("markers %q, want %q", got, want)
			}
			for i, m := range msgs {
				if len(m.Embeds) != 0 || !strings.Contains(m.Content, "\n-# digest ") {
					t.Errorf("message %d: %d embeds, content %q; want the marker as subtext", i+1, len(m.Embeds), m.Content)
				}
			}
			checkDigestLimits(t, msgs)
			if plain := discordPlain(msgs[0].Content); !strings.HasPrefix(plain, "Nothing new on arms transfers") {
				t.Errorf("the text reads %q", plain)
			}
			found, err := h.a.FindDigest(ctx, tc.channel, tc.id, time.Time{})
			if err != nil || !slices.Equal(found.Parts, partsUpTo(n)) || found.Total != n || found.Ref != ref {
				t.Errorf("FindDigest = %+v, %v; want parts 1-%d at %s", found, err, n, ref)
			}
		})
	}
}

// TestFindDigestPages: FindDigest reads back page by page, keeps the
// bot's own messages, stops at since, and reads no more than 5 pages.
func TestFindDigestPages(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, idleHandler{})
	ctx := context.Background()
	now := time.Now()
	chatter := func(at time.Time, n int) {
		for i := range n {
			f.seed(&fakeMessage{ID: snowflakeAt(at.Add(time.Duration(i) * time.Millisecond)), Channel: channelID, Author: testUser, Content: "chatter"})
		}
	}
	digestAt := func(at time.Time, author, id string, part, total int) *fakeMessage {
		embeds := mustJSON(t, []*discordgo.MessageEmbed{{Description: "a digest", Footer: &discordgo.MessageEmbedFooter{Text: marker(id, part, total)}}})
		m := &fakeMessage{ID: snowflakeAt(at), Channel: channelID, Author: author, Embeds: embeds}
		f.seed(m)
		return m
	}
	digestAt(now.Add(-96*time.Hour), botUser, "deep", 1, 1) // past the 5 pages
	chatter(now.Add(-72*time.Hour), 600)
	old1 := digestAt(now.Add(-48*time.Hour), botUser, "old", 1, 2)
	digestAt(now.Add(-48*time.Hour+time.Second), botUser, "old", 2, 2)
	digestAt(now.Add(-47*time.Hour), botUser, "old", 1, 2) // part 1 again
	digestAt(now.Add(-2*time.Hour), testUser, "impostor", 1, 1)
	chatter(now.Add(-time.Hour), 150)

	for _, tc := range []struct {
		name  string
		id    string
		since time.Time
		parts []int
		ref   string
		pages int
	}{
		{"everything", "old", time.Time{}, []int{1, 2}, old1.ID, findPages},
		{"since two days and more", "old", now.Add(-50 * time.Hour), []int{1, 2}, old1.ID, 2},
		{"since a day", "old", now.Add(-24 * time.Hour), nil, "", 2},
		{"beyond 5 pages", "deep", time.Time{}, nil, "", findPages},
		{"another author", "impostor", time.Time{}, nil, "", findPages},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := f.callCount()
			found, err := h.a.FindDigest(ctx, channelID, tc.id, tc.since)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(found.Parts, tc.parts) || found.Ref != tc.ref {
				t.Errorf("FindDigest = %+v, want parts %v at %q", found, tc.parts, tc.ref)
			}
			if (len(tc.parts) > 0) != found.Complete() {
				t.Errorf("Complete = %v", found.Complete())
			}
			gets := f.callsSince(n, "GET "+apiPath+"channels/")
			if len(gets) != tc.pages {
				t.Errorf("%d pages read, want %d", len(gets), tc.pages)
			}
			for i, c := range gets {
				if !strings.Contains(c.Query, "limit=100") || (i > 0 && !strings.Contains(c.Query, "before=")) {
					t.Errorf("page %d asked for %q", i+1, c.Query)
				}
			}
		})
	}
}

// TestDigestWithoutRun: with a bot token and no gateway, an adapter that
// never ran posts and finds digests (the bot's user from /users/@me).
func TestDigestWithoutRun(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	a, err := New(Options{BotToken: botToken, NoGateway: true, ApplicationID: appID,
		PublicKey: strings.Repeat("ab", 32), APIURL: f.apiURL(), Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ref, err := a.PostDigest(ctx, channelID, digestReply(), digestID, nil)
	if err != nil {
		t.Fatal(err)
	}
	found, err := a.FindDigest(ctx, channelID, digestID, time.Time{})
	if err != nil || !found.Complete() || found.Ref != ref {
		t.Errorf("FindDigest = %+v, %v; want it complete from %s", found, err, ref)
	}
	for _, c := range f.callsSince(0, "") {
		if c.Auth != "Bot "+botToken {
			t.Errorf("%s %s with authorization %q", c.Method, c.Path, c.Auth)
		}
	}
}

func TestParseMarker(t *testing.T) {
	for _, tc := range []struct {
		s           string
		part, total int
		ok          bool
	}{
		{"digest abc · part 1/2", 1, 2, true},
		{" digest abc · part 10/10 ", 10, 10, true},
		{"digest abc · part 3/2", 0, 0, false},
		{"digest abc · part 0/2", 0, 0, false},
		{"digest abcd · part 1/2", 0, 0, false},
		{"digest ab · part 1/2", 0, 0, false},
		{"digest abc · part 1/x", 0, 0, false},
		{"digest abc · part 1", 0, 0, false},
	} {
		part, total, ok := parseMarker(tc.s, "abc")
		if part != tc.part || total != tc.total || ok != tc.ok {
			t.Errorf("parseMarker(%q) = %d, %d, %v; want %d, %d, %v", tc.s, part, total, ok, tc.part, tc.total, tc.ok)
		}
	}
}
