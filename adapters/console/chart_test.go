package console

import (
	"context"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/adapters/adaptertest"
	"github.com/briefbot/briefbot/bot"
)

// TestChartInTerminal: a terminal cannot show the chart's picture, so it
// says what the picture shows, beside the figures and their sources.
func TestChartInTerminal(t *testing.T) {
	reply := adaptertest.ChartRouter(t).Handle(context.Background(), bot.Message{Text: adaptertest.ChartCommand, Platform: bot.Console, Channel: "console"})
	out := Render(reply, Plain)
	for _, w := range []string{"Totals: Turkey 15", "[" + adaptertest.ChartFile + ", not shown in the terminal: Stacked bar chart", "Sources:\n[1]"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}
