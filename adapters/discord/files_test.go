package discord

import (
	"bytes"
	"context"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
)

// checkChartMessage checks that call sends the chart: the PNG as files[0],
// listed as attachment 0 with the alt text as description, and shown in
// the answer's first embed.
func checkChartMessage(t *testing.T, c apiCall) {
	t.Helper()
	m := c.message(t)
	if len(c.Files) != 1 || c.Files[0].Field != "files[0]" || c.Files[0].Name != adaptertest.ChartFile || c.Files[0].ContentType != "image/png" {
		t.Fatalf("files %+v, want the chart as files[0]", c.Files)
	}
	img, err := png.Decode(bytes.NewReader(c.Files[0].Data))
	if err != nil || img.Bounds().Dx() != 600 || img.Bounds().Dy() != 400 {
		t.Errorf("chart png: %v", err)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].ID != 0 || m.Attachments[0].Filename != adaptertest.ChartFile ||
		!strings.Contains(m.Attachments[0].Description, adaptertest.ChartTopSupplier) {
		t.Errorf("attachments %+v, want the chart with its alt text", m.Attachments)
	}
	if len(m.Embeds) == 0 || m.Embeds[0].Image == nil || m.Embeds[0].Image.URL != "attachment://"+adaptertest.ChartFile {
		t.Errorf("embeds %+v, want the chart shown in the first", m.Embeds)
	}
	if plain := discordPlain(strings.Join(m.texts(), "\n")); !strings.Contains(plain, "Totals: Turkey 15") || !strings.Contains(plain, "[1]") {
		t.Errorf("answer text without totals or citations:\n%s", plain)
	}
}

// TestChartAttachments: a chart answer carries its PNG as an attachment
// of the answer's first message, shown in its embed, for a mention and for
// /brief chart; an upload Discord refuses leaves the answer without it,
// with a note.
func TestChartAttachments(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, adaptertest.ChartRouter(t))

	t.Run("mention", func(t *testing.T) {
		asked, n := newSnowflake(), f.callCount()
		h.say(t, mention(asked, adaptertest.ChartCommand))
		msgs := h.replies(t, n, asked)
		calls := f.callsSince(n, "POST "+apiPath+"channels/"+channelID+"/messages")
		if len(msgs) == 0 || len(calls) != len(msgs) {
			t.Fatalf("%d replies", len(msgs))
		}
		checkChartMessage(t, calls[0])
		for _, c := range calls[1:] {
			if len(c.Files) > 0 {
				t.Errorf("the chart was sent twice")
			}
		}
	})

	t.Run("command", func(t *testing.T) {
		n := f.callCount()
		h.conn.dispatch("INTERACTION_CREATE", command("tok-chart", "chart suppliers", "country", "kazakh", "years", "since 2016"))
		h.conn.sync(t)
		h.a.waitIdle()
		edits := f.callsSince(n, "PATCH "+apiPath+"webhooks/"+appID+"/tok-chart/messages/@original")
		if len(edits) != 1 {
			t.Fatalf("%d edits of the original response, want 1", len(edits))
		}
		checkChartMessage(t, edits[0])
		if m := edits[0].message(t); !strings.HasPrefix(m.Embeds[0].Title, "chart suppliers Kazakhstan since 2016") {
			t.Errorf("title %q", m.Embeds[0].Title)
		}
	})

	t.Run("upload refused", func(t *testing.T) {
		f.mu.Lock()
		f.failFiles = http.StatusRequestEntityTooLarge
		f.mu.Unlock()
		defer func() { f.mu.Lock(); f.failFiles = 0; f.mu.Unlock() }()

		asked, n := newSnowflake(), f.callCount()
		h.say(t, mention(asked, adaptertest.ChartCommand))
		var sent []sentMessage // what Discord accepted
		for _, c := range f.callsSince(n, "POST "+apiPath+"channels/") {
			if len(c.Files) == 0 {
				sent = append(sent, c.message(t))
			}
		}
		if len(sent) < 2 || !strings.Contains(discordPlain(strings.Join(sent[0].texts(), "\n")), "Totals:") ||
			sent[len(sent)-1].Content != bot.ChartUploadFailedNote || sent[len(sent)-1].Reference.MessageID != asked {
			t.Errorf("after a refused upload: %+v", sent)
		}

		n = f.callCount()
		h.conn.dispatch("INTERACTION_CREATE", command("tok-chart2", "chart suppliers", "country", "Kazakhstan", "private", true))
		h.conn.sync(t)
		h.a.waitIdle()
		answer := h.interactionAnswer(t, n, "tok-chart2")
		// The refused edit with the file, the edit without it, the note.
		if len(answer) != 3 || len(answer[1].Attachments) != 0 || !strings.Contains(discordPlain(strings.Join(answer[1].texts(), "\n")), "Totals:") ||
			answer[2].Content != bot.ChartUploadFailedNote || answer[2].Flags != 64 {
			t.Errorf("interaction after a refused upload: %+v", answer)
		}
	})
}

// TestDigestChart: a digest with a chart posts it after its parts, as a
// message of its own with the PNG shown in an embed and a nonce of its
// own; the rest of a digest posted in part does not post it again; a
// refused upload leaves a note.
func TestDigestChart(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	h := startAdapter(t, f, Options{}, idleHandler{})
	ctx := context.Background()
	r := adaptertest.ChartRouter(t).Handle(ctx, bot.Message{Text: adaptertest.ChartCommand, Platform: bot.Discord, Channel: channelID})
	if r.Answer == nil || len(r.Answer.Attachments) != 1 {
		t.Fatalf("no chart to post: %+v", r)
	}
	n := f.callCount()
	if _, err := h.a.PostDigest(ctx, channelID, r, digestID, nil); err != nil {
		t.Fatal(err)
	}
	calls := f.callsSince(n, "POST "+apiPath+"channels/"+channelID+"/messages")
	last := calls[len(calls)-1]
	checkChartFile(t, last)
	if nc, enforced := nonces(f, channelID); nc[len(nc)-1] != digestID+"-c" || !enforced[len(enforced)-1] || len(nc[len(nc)-1]) > 25 {
		t.Errorf("chart nonce %q (enforced %v)", nc[len(nc)-1], enforced[len(enforced)-1])
	}
	for _, c := range calls[:len(calls)-1] {
		if len(c.Files) > 0 {
			t.Error("a digest part carried the chart")
		}
	}

	n = f.callCount()
	if _, err := h.a.PostDigest(ctx, channelID, r, "2024w24-aaaa", []int{1}); err != nil {
		t.Fatal(err)
	}
	for _, c := range f.callsSince(n, "POST ") {
		if len(c.Files) > 0 {
			t.Error("the rest of a digest posted in part posted its chart")
		}
	}

	f.mu.Lock()
	f.failFiles = http.StatusForbidden
	f.mu.Unlock()
	if _, err := h.a.PostDigest(ctx, channelID, r, "2024w25-bbbb", nil); err != nil {
		t.Fatalf("a refused chart failed the digest: %v", err)
	}
	if msgs := posted(t, f, channelID); msgs[len(msgs)-1].Content != bot.ChartUploadFailedNote {
		t.Errorf("last message %q, want the note", msgs[len(msgs)-1].Content)
	}
}

// checkChartFile checks that call posts the chart's PNG with its alt text,
// shown in the message's embed.
func checkChartFile(t *testing.T, c apiCall) {
	t.Helper()
	m := c.message(t)
	if len(c.Files) != 1 || c.Files[0].Name != adaptertest.ChartFile || len(m.Attachments) != 1 ||
		!strings.Contains(m.Attachments[0].Description, adaptertest.ChartTopSupplier) {
		t.Fatalf("files %+v attachments %+v", c.Files, m.Attachments)
	}
	if len(m.Embeds) != 1 || m.Embeds[0].Image == nil || m.Embeds[0].Image.URL != "attachment://"+adaptertest.ChartFile ||
		!strings.HasPrefix(m.Embeds[0].Title, "Kazakhstan's arms suppliers") {
		t.Errorf("embeds %+v", m.Embeds)
	}
}
