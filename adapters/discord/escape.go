package discord

import (
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	// bareURL is what Discord would turn into a link by itself: a scheme,
	// "://" and what follows up to a space or an angle bracket.
	bareURL = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://[^\s<>]+`)
	// atWords are words Discord turns into a broadcast; a zero-width joiner
	// after the @ keeps them readable but inert.
	atWords = regexp.MustCompile(`(?i)@(everyone|here)`)
)

// escape makes text safe to show as Discord markdown: every character
// markdown gives a meaning (\ * _ ~ ` | > < [ ] ( ) #, and - at the start of
// a line) is escaped with a backslash, so no formatting, masked link or
// mention (<@…>, <@&…>, <#…>) can form; @everyone and @here get a
// zero-width joiner; URLs are shown as inline code, which Discord does not
// turn into links; control and bidirectional-override characters are
// dropped. What the user reads is the text as it was.
func escape(s string) string {
	s = chatkit.SafeText(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	last := 0
	for _, m := range bareURL.FindAllStringIndex(s, -1) {
		u := trimURL(s[m[0]:m[1]])
		if strings.HasSuffix(u, "://") {
			continue
		}
		escapeText(&b, s[last:m[0]], last == 0 || strings.HasSuffix(s[:m[0]], "\n"))
		b.WriteString(codeSpan(u))
		last = m[0] + len(u)
	}
	escapeText(&b, s[last:], last == 0 || strings.HasSuffix(s[:last], "\n"))
	return atWords.ReplaceAllString(b.String(), "@\u200d$1")
}

// trimURL drops what ends a URL in prose without being part of it:
// punctuation, and closing brackets that close nothing in the URL.
func trimURL(u string) string {
	for u != "" {
		switch c := u[len(u)-1]; {
		case strings.IndexByte(".,;:!?'\"*_~|", c) >= 0:
		case c == ')' && strings.Count(u, "(") < strings.Count(u, ")"):
		case c == ']' && strings.Count(u, "[") < strings.Count(u, "]"):
		case c == '}' && strings.Count(u, "{") < strings.Count(u, "}"):
		default:
			return u
		}
		u = u[:len(u)-1]
	}
	return u
}

// escapeText writes s escaped; lineStart says whether s starts a line.
func escapeText(b *strings.Builder, s string, lineStart bool) {
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '>', '<', '[', ']', '(', ')', '#':
			b.WriteByte('\\')
		case '-', '+':
			if lineStart {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		switch r {
		case '\n':
			lineStart = true
		case ' ', '\t':
		default:
			lineStart = false
		}
	}
}

// codeSpan shows u as inline code: literally, and never as a link.
func codeSpan(u string) string {
	u = strings.ReplaceAll(u, "`", "")
	if chatkit.TextLen(u) > 200 {
		u = string([]rune(u)[:180]) + "…"
	}
	return "`" + u + "`"
}

// escapeLine is escape of s on one line, spaces collapsed.
func escapeLine(s string) string { return escape(oneLine(s)) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// codeLine makes a line safe inside a code block: no fence can close it and
// no broadcast word survives.
func codeLine(s string) string {
	s = chatkit.SafeText(s)
	s = strings.ReplaceAll(s, "```", "`\u200b`\u200b`")
	return atWords.ReplaceAllString(s, "@\u200d$1")
}

// linkURL returns u ready to be the target of a masked link, or "" when it
// is not an http(s) URL that can be linked safely.
func linkURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return ""
	}
	s := strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "[", "%5B", "]", "%5D",
		"\\", "%5C", "`", "%60", "|", "%7C", "*", "%2A", "_", "%5F", "~", "%7E").Replace(p.String())
	if len(s) > maxURLLen || strings.ContainsAny(s, " \t\r\n") {
		return ""
	}
	return s
}

// truncate cuts escaped text to at most max, ending it with "…" when cut.
func truncate(s string, max int) string {
	if chatkit.TextLen(s) <= max {
		return s
	}
	if pieces := chatkit.Split(s, max-1, atom); len(pieces) > 0 {
		return pieces[0] + "…"
	}
	return "…"
}

// atom returns the size in bytes and the length in UTF-16 units of what s
// starts with and must not be split: a backslash escape, a code span, or a
// character.
func atom(s string) (size, width int) {
	switch s[0] {
	case '\\':
		if len(s) > 1 {
			_, n := utf8.DecodeRuneInString(s[1:])
			return 1 + n, 1 + chatkit.TextLen(s[1:1+n])
		}
	case '`':
		if end := strings.IndexByte(s[1:], '`'); end >= 0 && end < 400 {
			return end + 2, chatkit.TextLen(s[:end+2])
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	if w := utf16.RuneLen(r); w > 0 {
		return size, w
	}
	return size, 1
}
