package slack

import (
	"bytes"
	"context"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
)

// TestChartUpload: a chart answer is posted as text in the thread of the
// question, then its PNG is uploaded into the same thread with its title
// and alt text through the external upload flow; a failed upload leaves
// the text with a short note; a slash command uploads only when public.
func TestChartUpload(t *testing.T) {
	f := newFakeSlack(t)
	a, srv := startAdapter(t, f, Options{SigningSecret: secret}, adaptertest.ChartRouter(t), nil)

	check := func(t *testing.T, u uploadCall, ch, thread string) {
		t.Helper()
		if u.Channel != ch || u.ThreadTS != thread || u.Filename != adaptertest.ChartFile {
			t.Errorf("upload to %s thread %q as %q; want %s thread %q as %s", u.Channel, u.ThreadTS, u.Filename, ch, thread, adaptertest.ChartFile)
		}
		if !strings.Contains(u.AltTxt, adaptertest.ChartTopSupplier) || !strings.Contains(u.AltTxt, "Stacked bar chart") {
			t.Errorf("alt text %q does not name the top supplier", u.AltTxt)
		}
		if !strings.HasPrefix(u.Title, "Kazakhstan's arms suppliers") {
			t.Errorf("title %q", u.Title)
		}
		img, err := png.Decode(bytes.NewReader(u.Data))
		if err != nil || img.Bounds().Dx() != 600 || img.Bounds().Dy() != 400 {
			t.Errorf("uploaded png: %v", err)
		}
	}

	t.Run("mention", func(t *testing.T) {
		const ts = "1700000200.000100"
		postEvent(t, a, srv, "EvChart1", mention(ts, adaptertest.ChartCommand), nil)
		p := f.nextPost(t)
		if p.ThreadTS != ts || !strings.Contains(slackPlain(strings.Join(texts(p.Blocks), "\n")), "Totals: Turkey 15") {
			t.Errorf("text answer in thread %q:\n%s", p.ThreadTS, strings.Join(texts(p.Blocks), "\n"))
		}
		check(t, f.nextUpload(t), channel, ts)
	})

	t.Run("in a thread", func(t *testing.T) {
		const root, ts = "1700000300.000100", "1700000301.000100"
		postEvent(t, a, srv, "EvChart2", mention(root, "hello"), nil)
		f.nextPost(t)
		postEvent(t, a, srv, "EvChart3", message(channel, "channel", ts, root, "show me Kazakhstan's suppliers over time"), nil)
		if p := f.nextPost(t); p.ThreadTS != root {
			t.Errorf("answer in thread %q, want %q", p.ThreadTS, root)
		}
		check(t, f.nextUpload(t), channel, root)
	})

	t.Run("upload fails", func(t *testing.T) {
		f.failUploads("not_allowed_token_type")
		defer f.failUploads("")
		before := f.uploadCount()
		const ts = "1700000400.000100"
		postEvent(t, a, srv, "EvChart4", mention(ts, adaptertest.ChartCommand), nil)
		answer, note := f.nextPost(t), f.nextPost(t)
		if !strings.Contains(slackPlain(strings.Join(texts(answer.Blocks), "\n")), "Totals:") {
			t.Errorf("text answer lost: %q", answer.Text)
		}
		if note.ThreadTS != ts || !strings.Contains(slackPlain(note.Text), bot.ChartUploadFailedNote) {
			t.Errorf("note %q in thread %q, want %q in %s", note.Text, note.ThreadTS, bot.ChartUploadFailedNote, ts)
		}
		if f.uploadCount() != before {
			t.Error("an upload completed")
		}
	})

	t.Run("slash command", func(t *testing.T) {
		before := f.uploadCount()
		cmd := func(text, hook string) {
			req := signedRequest(t, srv.URL+PathCommands, "application/x-www-form-urlencoded", commandBody(text, f.hookURL(hook)))
			if status, _ := do(t, req); status != http.StatusOK {
				t.Fatalf("ack %d", status)
			}
		}
		cmd(adaptertest.ChartCommand, "private")
		answer, note := f.nextHook(t), f.nextHook(t)
		if answer.Msg.ResponseType != "ephemeral" || !strings.Contains(slackPlain(note.Msg.Text), "end the command with `public`") {
			t.Errorf("private chart: %+v then %+v", answer.Msg, note.Msg)
		}
		a.waitIdle()
		if f.uploadCount() != before {
			t.Error("a private answer's chart was uploaded to the channel")
		}
		cmd(adaptertest.ChartCommand+" public", "public")
		if h := f.nextHook(t); h.Msg.ResponseType != "in_channel" {
			t.Errorf("public answer %q", h.Msg.ResponseType)
		}
		check(t, f.nextUpload(t), channel, "")

		f.failUploads("not_in_channel")
		defer f.failUploads("")
		cmd(adaptertest.ChartCommand+" public", "public-failed")
		answer, note = f.nextHook(t), f.nextHook(t)
		if answer.Msg.ResponseType != "in_channel" || !strings.Contains(slackPlain(note.Msg.Text), bot.ChartUploadFailedNote) {
			t.Errorf("failed public upload: %+v then %+v", answer.Msg, note.Msg)
		}
		a.waitIdle()
	})

	select {
	case u := <-f.uploadc:
		t.Errorf("unexpected upload %+v", u)
	case <-time.After(50 * time.Millisecond):
	}
}

// TestDigestChartUpload: a digest with a chart has it uploaded into the
// channel after its parts; a digest completed after a crash, whose first
// part was already there, does not upload it again.
func TestDigestChartUpload(t *testing.T) {
	f := newFakeSlack(t)
	a := mustDigestAdapter(t, f) // never Run: posting needs no session
	ctx := context.Background()
	reply := adaptertest.ChartRouter(t).Handle(ctx, bot.Message{Text: adaptertest.ChartCommand, Platform: bot.Slack, Channel: channel})
	if reply.Answer == nil || len(reply.Answer.Attachments) != 1 {
		t.Fatalf("no chart to post: %+v", reply)
	}
	if _, err := a.PostDigest(ctx, channel, reply, "wchart", nil); err != nil {
		t.Fatal(err)
	}
	u := f.nextUpload(t)
	if u.Channel != channel || u.ThreadTS != "" || u.Filename != adaptertest.ChartFile || !strings.Contains(u.AltTxt, adaptertest.ChartTopSupplier) {
		t.Errorf("upload %+v", u)
	}
	before := f.uploadCount()
	if _, err := a.PostDigest(ctx, channel, reply, "wchart2", []int{1}); err != nil {
		t.Fatal(err)
	}
	if f.uploadCount() != before {
		t.Error("the rest of a digest posted in part uploaded its chart")
	}
}
