package chatkit

import (
	"context"
	"log/slog"
	"runtime"
	"strings"
	"time"
)

// SafeText returns s as valid UTF-8 (bad bytes become U+FFFD) without
// control characters other than newline and tab, and without the
// bidirectional embeddings, overrides and isolates that could make text
// read differently from what it says. Every chat adapter passes report and
// user text through it before escaping.
func SafeText(s string) string {
	return strings.Map(keepRune, strings.ToValidUTF8(s, "\uFFFD"))
}

// keepRune keeps r, or drops it (-1) when SafeText must.
func keepRune(r rune) rune {
	switch {
	case r == '\n' || r == '\t':
		return r
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return -1
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return -1
	}
	return r
}

// Sleep waits for d, or until ctx is done (then it returns ctx's error).
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// DefaultMaxRetries is how often a rate-limited call is tried again when
// Limits.MaxRetries is zero and NoRetries is not set.
const DefaultMaxRetries = 3

// Limits are the settings both chat adapters share; the zero value of each
// means its default (see WithDefaults).
type Limits struct {
	Logger        *slog.Logger // nil means slog.Default()
	MaxBodyBytes  int64        // largest HTTP request body; 0 means 1 MiB
	MaxRetries    int          // retries of a rate-limited call; 0 means DefaultMaxRetries
	NoRetries     bool         // never retry a rate-limited call (MaxRetries is then 0)
	MaxRetryWait  time.Duration
	AnswerTimeout time.Duration // 0 means one minute
	MaxConcurrent int           // answers computed at once; 0 means GOMAXPROCS, at least 2
	Now           func() time.Time
}

// WithDefaults returns l with every zero value replaced by its default:
// slog.Default(), 1 MiB, DefaultMaxRetries (none with NoRetries), one
// minute of retry wait and of answer time, GOMAXPROCS (at least 2) answers
// at once, and time.Now.
func (l Limits) WithDefaults() Limits {
	if l.Logger == nil {
		l.Logger = slog.Default()
	}
	if l.MaxBodyBytes <= 0 {
		l.MaxBodyBytes = 1 << 20
	}
	switch {
	case l.NoRetries:
		l.MaxRetries = 0
	case l.MaxRetries <= 0:
		l.MaxRetries = DefaultMaxRetries
	}
	if l.MaxRetryWait <= 0 {
		l.MaxRetryWait = time.Minute
	}
	if l.AnswerTimeout <= 0 {
		l.AnswerTimeout = time.Minute
	}
	if l.MaxConcurrent <= 0 {
		l.MaxConcurrent = max(2, runtime.GOMAXPROCS(0))
	}
	if l.Now == nil {
		l.Now = time.Now
	}
	return l
}
