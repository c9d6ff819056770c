package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"golang.org/x/term"
)

// secretVars are the environment variables whose values must never reach a
// log line.
var secretVars = []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_BOT_TOKEN"}

// redacted replaces a secret in log output.
const redacted = "[redacted]"

// newLogger returns the logger of cfg writing to e.stderr: JSON or text
// (auto: text on a terminal), at cfg's level, with the values of the
// secret environment variables replaced by [redacted] wherever they would
// appear: in the message, in attributes, in errors.
func newLogger(cfg Config, e env) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.Log.Level))
	opts := &slog.HandlerOptions{Level: level}
	format := cfg.Log.Format
	if format == "auto" {
		format = "json"
		if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			format = "text"
		}
	}
	var h slog.Handler
	if format == "json" {
		h = slog.NewJSONHandler(e.stderr, opts)
	} else {
		h = slog.NewTextHandler(e.stderr, opts)
	}
	var secrets []string
	for _, v := range secretVars {
		if s := e.getenv(v); len(s) >= 6 { // shorter values would redact ordinary words
			secrets = append(secrets, s)
		}
	}
	if len(secrets) == 0 {
		return slog.New(h)
	}
	return slog.New(&redactHandler{h: h, r: strings.NewReplacer(pairs(secrets)...)})
}

func pairs(secrets []string) []string {
	var out []string
	for _, s := range secrets {
		out = append(out, s, redacted)
	}
	return out
}

// redactHandler rewrites every string of a record (message, attribute
// values, errors and other values as text) through a replacer of secrets
// before passing it on.
type redactHandler struct {
	h slog.Handler
	r *strings.Replacer
}

func (h *redactHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.h.Enabled(ctx, l) }

func (h *redactHandler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, h.r.Replace(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.h.Handle(ctx, out)
}

func (h *redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(as))
	for i, a := range as {
		clean[i] = h.attr(a)
	}
	return &redactHandler{h: h.h.WithAttrs(clean), r: h.r}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{h: h.h.WithGroup(name), r: h.r}
}

// attr returns a with every string in it redacted. Values other than
// strings, numbers, booleans, times and durations become redacted text.
func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.r.Replace(v.String()))
	case slog.KindGroup:
		g := v.Group()
		clean := make([]any, len(g))
		for i, x := range g {
			clean[i] = h.attr(x)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		return slog.String(a.Key, h.r.Replace(fmt.Sprint(v.Any())))
	default:
		return slog.Attr{Key: a.Key, Value: v}
	}
}
