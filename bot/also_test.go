package bot

import (
	"strings"
	"testing"
)

func TestAlsoText(t *testing.T) {
	c := Citation{}
	if got := c.AlsoText(200); got != "" {
		t.Errorf("no other sources: %q", got)
	}
	c.Also = []SourceRef{{Source: "Reuters", Published: "2026-03-03"}, {Source: "AP"}}
	if got, want := c.AlsoText(200), "also reported by Reuters (2026-03-03) and AP"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for i := 0; i < 40; i++ {
		c.Also = append(c.Also, SourceRef{Source: "Outlet with a long name"})
	}
	got := c.AlsoText(120)
	if len(got) > 130 || !strings.HasSuffix(got, "more") || !strings.HasPrefix(got, "also reported by Reuters") {
		t.Errorf("long list: %q (%d)", got, len(got))
	}
}
