package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	slackgo "github.com/slack-go/slack"
)

// postMessage posts one message with chat.postMessage, in the thread root
// ("" for none), with link unfurling and name linking off.
func (a *Adapter) postMessage(ctx context.Context, channel, root string, m Message) error {
	_, err := a.postMessageTS(ctx, channel, root, m)
	return err
}

// postMessageTS is postMessage with extra options (message metadata, for
// one); it returns the posted message's ts.
func (a *Adapter) postMessageTS(ctx context.Context, channel, root string, m Message, extra ...slackgo.MsgOption) (string, error) {
	opts := []slackgo.MsgOption{
		slackgo.MsgOptionText(m.Text, false), // already escaped by Render
		slackgo.MsgOptionBlocks(m.Blocks...),
		slackgo.MsgOptionParse(false),
		slackgo.MsgOptionLinkNames(false),
		slackgo.MsgOptionDisableLinkUnfurl(),
		slackgo.MsgOptionDisableMediaUnfurl(),
	}
	if root != "" {
		opts = append(opts, slackgo.MsgOptionTS(root))
	}
	opts = append(opts, extra...)
	var ts string
	err := a.retry(ctx, "chat.postMessage", func(ctx context.Context) error {
		var err error
		_, ts, err = a.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

// postResponse posts one message to a slash command's response_url.
func (a *Adapter) postResponse(ctx context.Context, url string, m *slackgo.WebhookMessage) error {
	return a.retry(ctx, "response_url", func(ctx context.Context) error {
		return slackgo.PostWebhookCustomHTTPContext(ctx, url, a.opts.HTTPClient, m)
	})
}

// retry calls f until it is not rate-limited, waiting for Slack's
// Retry-After each time, at most MaxRetries times and never longer than
// MaxRetryWait at once. Calls of f take turns with the other posts under
// way; waits do not.
func (a *Adapter) retry(ctx context.Context, what string, f func(context.Context) error) error {
	for attempt := 0; ; attempt++ {
		select {
		case a.posting <- struct{}{}:
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", what, ctx.Err())
		}
		err := f(ctx)
		<-a.posting
		wait, limited := retryAfter(err)
		if !limited {
			return err
		}
		if attempt >= a.lim.MaxRetries {
			return fmt.Errorf("%s: still rate-limited after %d retries: %w", what, attempt, err)
		}
		if wait > a.lim.MaxRetryWait {
			return fmt.Errorf("%s: rate-limited for %s, longer than %s: %w", what, wait, a.lim.MaxRetryWait, err)
		}
		a.log.Warn("slack: rate-limited; waiting", "call", what, "retry_after", wait, "attempt", attempt+1)
		if err := a.sleep(ctx, wait); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
}

// retryAfter reports whether err is a 429 and how long Slack asked to wait
// (one second when it did not say).
func retryAfter(err error) (time.Duration, bool) {
	var rl *slackgo.RateLimitedError
	var sc slackgo.StatusCodeError
	switch {
	case errors.As(err, &rl):
		if rl.RetryAfter <= 0 {
			return time.Second, true
		}
		return rl.RetryAfter, true
	case errors.As(err, &sc) && sc.Code == http.StatusTooManyRequests:
		return time.Second, true
	}
	return 0, false
}
