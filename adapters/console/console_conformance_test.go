package console_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/adapters/console"
	"github.com/briefbot/briefbot/bot"
)

// TestConformance runs the adapter contract against the console: each
// message is one line of input, and the user sees what Run writes.
func TestConformance(t *testing.T) {
	adaptertest.Run(t, adaptertest.Harness{
		Start: func(t *testing.T, h bot.Handler) adaptertest.Sender {
			return func(t *testing.T, text string) adaptertest.Output {
				var out bytes.Buffer
				a := &console.Adapter{In: strings.NewReader(text + "\n"), Out: &out}
				if err := a.Run(context.Background(), h); err != nil {
					t.Fatalf("console: %v", err)
				}
				s := out.String()
				return adaptertest.Output{Replied: strings.TrimSpace(s) != "", Raw: s, Plain: s}
			}
		},
		// A terminal notifies nobody and has no link markup.
		Pings: func(string) bool { return false },
	})
}
