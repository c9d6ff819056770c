package slack

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// runSocket answers over Socket Mode until ctx is done. The socketmode
// client reconnects by itself when Slack asks it to or the connection
// drops, backing off while it cannot connect; should it stop for another
// reason than a rejected token, runSocket starts it again after a back-off
// of its own (1 s doubling to 1 min).
func (a *Adapter) runSocket(ctx context.Context, s *session) error {
	client := socketmode.New(a.client, socketmode.OptionLog(slog.NewLogLogger(a.log.Handler(), slog.LevelDebug)))
	wait := time.Second
	for {
		began := time.Now()
		err := a.socketSession(ctx, client, s)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var sc slackgo.StatusCodeError
		if err != nil && (fatalAuthError(err) || errors.As(err, &sc) && sc.Code == http.StatusNotFound) {
			return errors.Join(errors.New("slack socket mode: connection refused (check SLACK_APP_TOKEN)"), err)
		}
		if time.Since(began) > time.Minute {
			wait = time.Second
		}
		a.log.Warn("slack: socket mode stopped; starting again", "err", err, "in", wait)
		if err := a.sleep(ctx, wait); err != nil {
			return err
		}
		wait = min(2*wait, time.Minute)
	}
}

// socketSession runs the client until it returns, handling its events.
func (a *Adapter) socketSession(ctx context.Context, client *socketmode.Client, s *session) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- client.RunContext(ctx) }()
	for {
		select {
		case err := <-errc:
			return err
		case evt := <-client.Events:
			a.onSocketEvent(ctx, client, s, evt)
		}
	}
}

// onSocketEvent handles one event of the socketmode client. Every envelope
// from Slack is acknowledged exactly once, before it is handled, with an
// empty payload; answers go through the Web API and response_url.
func (a *Adapter) onSocketEvent(ctx context.Context, client *socketmode.Client, s *session, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeEventsAPI:
		a.ack(ctx, client, evt.Request)
		var cb callback
		if err := json.Unmarshal(evt.Request.Payload, &cb); err != nil {
			a.log.Warn("slack: unreadable events_api payload", "err", err)
			return
		}
		a.onCallback(s, cb)
	case socketmode.EventTypeSlashCommand:
		a.ack(ctx, client, evt.Request)
		if cmd, ok := evt.Data.(slackgo.SlashCommand); ok {
			a.onCommand(cmd)
		}
	case socketmode.EventTypeInteractive:
		a.ack(ctx, client, evt.Request)
	case socketmode.EventTypeErrorBadMessage:
		// An envelope the client could not parse, such as an event type it
		// does not know: acknowledge it so that Slack does not resend it.
		if bad, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			var env struct {
				EnvelopeID string `json:"envelope_id"`
			}
			if json.Unmarshal(bad.Message, &env) == nil && env.EnvelopeID != "" {
				a.ack(ctx, client, &socketmode.Request{EnvelopeID: env.EnvelopeID})
			}
			a.log.Debug("slack: socket mode message not understood", "err", bad.Cause)
		}
	case socketmode.EventTypeConnected:
		a.log.Info("slack: socket mode connected")
	case socketmode.EventTypeConnectionError:
		if e, ok := evt.Data.(*slackgo.ConnectionErrorEvent); ok {
			a.log.Warn("slack: socket mode connection failed; retrying", "attempt", e.Attempt, "in", e.Backoff, "err", e.ErrorObj)
		}
	case socketmode.EventTypeInvalidAuth:
		a.log.Error("slack: socket mode token rejected (check SLACK_APP_TOKEN)")
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("slack: socket mode read or write failed", "type", evt.Type, "data", evt.Data)
	}
}

// ack acknowledges an envelope. It waits at most ten seconds for the
// client to take the ack, so a stalled connection cannot block the loop.
func (a *Adapter) ack(ctx context.Context, client *socketmode.Client, req *socketmode.Request) {
	if req == nil || req.EnvelopeID == "" {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := client.AckCtx(ctx, req.EnvelopeID, nil); err != nil {
		a.log.Warn("slack: ack failed", "envelope_id", req.EnvelopeID, "err", err)
	}
}
