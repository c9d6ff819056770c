package console

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot"
)

// Style chooses how matched words are emphasised.
type Style int

const (
	Plain Style = iota // no emphasis
	ANSI               // bold, for terminals
)

// Render writes a reply as text: the answer, then its numbered sources with
// the quoted sentences.
func Render(r bot.Reply, style Style) string {
	if r.Answer == nil {
		return r.Text + "\n"
	}
	var b strings.Builder
	a := r.Answer
	b.WriteString(a.Text)
	b.WriteString("\n")
	for _, att := range a.Attachments {
		// A terminal shows no pictures: say what the file shows.
		fmt.Fprintf(&b, "\n[%s, not shown in the terminal: %s]\n", att.Name, att.AltText)
	}
	if len(a.Citations) > 0 {
		b.WriteString("\nSources:\n")
	}
	for _, c := range a.Citations {
		meta := []string{}
		for _, s := range []string{c.Source, c.Published, c.URL} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		fmt.Fprintf(&b, "[%d] %s", c.N, c.Title)
		if len(meta) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(meta, ", "))
		}
		if also := c.AlsoText(200); also != "" {
			fmt.Fprintf(&b, "\n    (%s)", also)
		}
		fmt.Fprintf(&b, "\n    “%s”\n", emphasise(c.Quote, c.Highlights, style))
	}
	return b.String()
}

func emphasise(s string, marks []bot.Span, style Style) string {
	if style != ANSI || len(marks) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range marks {
		if m.Start < last || m.End > len(s) || m.Start >= m.End ||
			!utf8.RuneStart(s[m.Start]) || (m.End < len(s) && !utf8.RuneStart(s[m.End])) {
			continue // out of order, out of range, or splitting a character
		}
		b.WriteString(s[last:m.Start])
		b.WriteString("\x1b[1m" + s[m.Start:m.End] + "\x1b[0m")
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String()
}
