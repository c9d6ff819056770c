package discord

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// readMarkdown reads raw Discord markdown as far as briefbot's output uses
// it (backslash escapes, code spans and blocks, masked links) and returns
// the text as a user reads it, the targets of the links Discord shows
// (masked links, and bare URLs outside code), and the live text: raw
// without escaped characters, code and link targets, which is where
// Discord would find a mention or a broadcast.
func readMarkdown(raw string) (plain string, links []string, live string) {
	plain, links, live = readInline(raw)
	for _, u := range liveURL.FindAllString(live, -1) {
		links = append(links, u)
	}
	plain = strings.NewReplacer("\u200d", "", "\u200b", "").Replace(plain)
	return plain, links, live
}

var liveURL = regexp.MustCompile(`(?i)\bhttps?://[^\s<>\x00]+`)

func readInline(raw string) (plain string, links []string, live string) {
	var p, l strings.Builder
	for i := 0; i < len(raw); {
		rest := raw[i:]
		switch {
		case rest[0] == '\\' && len(rest) > 1:
			r, n := utf8.DecodeRuneInString(rest[1:])
			if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) || unicode.IsSpace(r) {
				break // not an escape: the backslash shows
			}
			p.WriteRune(r)
			l.WriteByte(0)
			i += 1 + n
			continue
		case strings.HasPrefix(rest, "```"):
			if end := strings.Index(rest[3:], "```"); end >= 0 {
				p.WriteString(strings.Trim(rest[3:3+end], "\n"))
				l.WriteByte(0)
				i += 6 + end
				continue
			}
		case rest[0] == '`':
			if end := strings.IndexByte(rest[1:], '`'); end >= 0 {
				p.WriteString(rest[1 : 1+end])
				l.WriteByte(0)
				i += 2 + end
				continue
			}
		case rest[0] == '[':
			if label, target, n, ok := maskedLink(rest); ok {
				lp, ll, lv := readInline(label)
				p.WriteString(lp)
				l.WriteString(lv)
				links = append(append(links, ll...), target)
				i += n
				continue
			}
		}
		p.WriteByte(rest[0])
		l.WriteByte(rest[0])
		i++
	}
	return p.String(), links, l.String()
}

// maskedLink reads "[label](target)" at the start of s, with an http(s)
// target, as Discord shows it as a link.
func maskedLink(s string) (label, target string, n int, ok bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			if i+1 >= len(s) || s[i+1] != '(' {
				return "", "", 0, false
			}
			end := strings.IndexByte(s[i+2:], ')')
			if end < 0 {
				return "", "", 0, false
			}
			target = strings.Trim(s[i+2:i+2+end], "<>")
			if strings.ContainsAny(target, " \t\n") || !(strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://")) {
				return "", "", 0, false
			}
			return s[1:i], target, i + 3 + end, true
		}
	}
	return "", "", 0, false
}

var broadcast = regexp.MustCompile(`(?i)@(everyone|here)`)

// discordPings reports whether Discord would render raw markdown as a
// mention of a user or role, or a broadcast. (allowed_mentions stops the
// notification in any case; this checks that nothing even looks like one.)
func discordPings(raw string) bool {
	_, _, live := readMarkdown(raw)
	return strings.Contains(live, "<@") || broadcast.MatchString(live)
}

// discordForges reports whether raw markdown shows a mention of any kind,
// a custom emoji or a timestamp made from text.
func discordForges(raw string) bool {
	_, _, live := readMarkdown(raw)
	return regexp.MustCompile(`<[@#:/t]`).MatchString(live) || broadcast.MatchString(live)
}

func discordLinks(raw string) []string {
	_, links, _ := readMarkdown(raw)
	return links
}

func discordPlain(raw string) string {
	plain, _, _ := readMarkdown(raw)
	return plain
}

func TestReadMarkdown(t *testing.T) {
	for _, tc := range []struct {
		raw, plain string
		links      []string
		pings      bool
	}{
		{`plain`, `plain`, nil, false},
		{`\*bold\* \[x\]\(y\)`, `*bold* [x](y)`, nil, false},
		{`[label](https://example.org/a)`, `label`, []string{"https://example.org/a"}, false},
		{`\[label](https://example.org/a)`, `[label](https://example.org/a)`, []string{"https://example.org/a)"}, false},
		{"`https://evil.example/x`", `https://evil.example/x`, nil, false},
		{`see https://evil.example/x`, `see https://evil.example/x`, []string{"https://evil.example/x"}, false},
		{`<@123> hi`, `<@123> hi`, nil, true},
		{`\<@123> hi`, `<@123> hi`, nil, false},
		{`\\<@123>`, `\<@123>`, nil, true},
		{"@everyone", "@everyone", nil, true},
		{"@\u200deveryone", "@everyone", nil, false},
		{"```\n<@1> @here\n```", "<@1> @here", nil, false},
		{`\a`, `\a`, nil, false},
	} {
		plain, links, _ := readMarkdown(tc.raw)
		if plain != tc.plain || strings.Join(links, " ") != strings.Join(tc.links, " ") || discordPings(tc.raw) != tc.pings {
			t.Errorf("readMarkdown(%q) = %q, links %q, pings %v; want %q, %q, %v", tc.raw, plain, links, discordPings(tc.raw),
				tc.plain, tc.links, tc.pings)
		}
	}
}
