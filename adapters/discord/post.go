package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// apiTransport carries discordgo's REST calls. It sends the calls meant for
// Discord's API (discordgo.EndpointAPI) to another base URL when one is
// set, and caps the waits that rate-limit headers ask of discordgo's
// limiter: discordgo sleeps, uncancellably, before the next call of a
// bucket until the reset Discord named, and Discord may name an hour.
type apiTransport struct {
	from    string   // discordgo.EndpointAPI
	to      *url.URL // base replacing from; nil keeps Discord's
	maxWait time.Duration
	next    http.RoundTripper
}

func (t *apiTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.to != nil {
		if rest, ok := strings.CutPrefix(req.URL.String(), t.from); ok {
			u, err := t.to.Parse(rest)
			if err != nil {
				if req.Body != nil {
					req.Body.Close()
				}
				return nil, fmt.Errorf("discord api url: %w", err)
			}
			req = req.Clone(req.Context())
			req.URL, req.Host = u, u.Host
		}
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	capRateLimit(resp.Header, t.maxWait)
	return resp, nil
}

// capRateLimit lowers X-RateLimit-Reset-After to max, and drops an
// absolute X-RateLimit-Reset that comes without it, so that discordgo's
// limiter never holds a call back for longer than max.
func capRateLimit(h http.Header, max time.Duration) {
	limit := max.Seconds()
	if v := h.Get("X-RateLimit-Reset-After"); v != "" {
		if f, err := strconv.ParseFloat(v, 64); err != nil || f > limit || f < 0 {
			h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(limit, 'f', 3, 64))
		}
		return
	}
	h.Del("X-RateLimit-Reset")
}

// newAPIURL checks a REST base URL such as "https://discord.com/api/v9"
// and returns it ending in "/".
func newAPIURL(s string) (*url.URL, error) {
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("discord: the API URL %q is not an http(s) URL such as https://discord.com/api/v%s", s, discordgo.APIVersion)
	}
	return u, nil
}

// call makes one REST call with ctx. discordgo's own retry on 429 is off
// (it would wait any time Discord names, as often as Discord answers 429):
// a rate-limited call is made again after Discord's retry_after, at most
// MaxRetries times and only when the wait is at most MaxRetryWait. It
// returns the call's error, wrapped with what.
func (a *Adapter) call(ctx context.Context, what string, f func(opts ...discordgo.RequestOption) error) error {
	for attempt := 0; ; attempt++ {
		err := f(discordgo.WithContext(ctx))
		wait, limited := retryAfter(err)
		switch {
		case err == nil:
			return nil
		case !limited:
			return fmt.Errorf("%s: %w", what, err)
		case attempt >= a.lim.MaxRetries:
			return fmt.Errorf("%s: still rate-limited after %d retries: %w", what, attempt, err)
		case wait > a.lim.MaxRetryWait:
			return fmt.Errorf("%s: rate-limited for %s, longer than %s: %w", what, wait, a.lim.MaxRetryWait, err)
		}
		a.log.Warn("discord: rate-limited; waiting", "call", what, "retry_after", wait, "attempt", attempt+1)
		if err := a.sleep(ctx, wait); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
}

// createMessage posts a message to channel (POST /channels/{id}/messages)
// through call, and returns the message Discord created. body is what
// discordgo.MessageSend would send, or a struct of the same JSON with the
// fields MessageSend lacks (nonce, enforce_nonce); it must carry
// allowed_mentions that parse nothing. Errors are wrapped with what.
func (a *Adapter) createMessage(ctx context.Context, what, channel string, body any) (*discordgo.Message, error) {
	endpoint := discordgo.EndpointChannelMessages(channel)
	var m *discordgo.Message
	err := a.call(ctx, what, func(o ...discordgo.RequestOption) error {
		resp, err := a.dg.RequestWithBucketID(http.MethodPost, endpoint, body, endpoint, o...)
		if err != nil {
			return err
		}
		m = nil
		if err := discordgo.Unmarshal(resp, &m); err != nil {
			return fmt.Errorf("%w: %w", discordgo.ErrJSONUnmarshal, err)
		}
		if m == nil || m.ID == "" {
			return fmt.Errorf("%w: no message in the response", discordgo.ErrJSONUnmarshal)
		}
		return nil
	})
	return m, err
}

// retryAfter reports whether err is a 429 and how long Discord asked to
// wait.
func retryAfter(err error) (time.Duration, bool) {
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) && rl.RateLimit != nil && rl.TooManyRequests != nil {
		return max(rl.RetryAfter, 50*time.Millisecond), true
	}
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusTooManyRequests {
		return time.Second, true
	}
	return 0, false
}

// restStatus returns the HTTP status of a failed REST call, or 0.
func restStatus(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		return re.Response.StatusCode
	}
	return 0
}
