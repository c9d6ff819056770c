package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/briefbot/briefbot/bot"
)

// frontMatter holds the keys briefbot reads; other keys are ignored.
type frontMatter struct {
	ID        string
	Title     string
	Published time.Time
	Source    string
	URL       string
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// loadMarkdown reads Markdown with optional YAML front matter between "---"
// lines: id, title, published (YYYY-MM-DD), source, url.
func loadMarkdown(name string, data []byte) ([]bot.Report, []Problem) {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	var fm frontMatter
	body := text
	bodyLine := 1
	if strings.HasPrefix(text, "---\n") {
		end := strings.Index(text[4:], "\n---")
		if end < 0 {
			return nil, []Problem{{Line: 1, Severity: Error, Err: errors.New(`front matter starts with "---" but never ends: add a closing "---" line`)}}
		}
		raw := text[4 : 4+end]
		rest := text[4+end+4:]
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			if strings.TrimSpace(rest[:i]) != "" {
				return nil, []Problem{{Line: 2 + strings.Count(raw, "\n") + 1, Severity: Error, Err: errors.New(`closing "---" of the front matter must stand alone on its line`)}}
			}
			rest = rest[i+1:]
		} else {
			rest = ""
		}
		var line int
		var err error
		fm, line, err = parseFrontMatter(raw)
		if err != nil {
			return nil, []Problem{{Line: line + 1, Severity: Error, Err: fmt.Errorf("front matter: %w", err)}}
		}
		body = rest
		bodyLine = 3 + strings.Count(raw, "\n") + 1
	}
	plain, heading := markdownToText(body)
	r := bot.Report{ID: fm.ID, Title: fm.Title, Published: fm.Published, Source: fm.Source, URL: fm.URL, Body: plain}
	if r.Title == "" {
		r.Title = heading
	}
	if strings.TrimSpace(r.Body) == "" {
		return nil, []Problem{{Line: bodyLine, Severity: Error, Err: ErrEmpty}}
	}
	return []bot.Report{r}, nil
}

// parseFrontMatter decodes the YAML between the "---" lines. On error it
// returns the 1-based line within raw that the error is about.
func parseFrontMatter(raw string) (frontMatter, int, error) {
	var fm frontMatter
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(raw), &doc); err != nil {
		line := 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			// yaml.v3 reports parser errors that have a context ("did not
			// find expected ...") with a 0-based line; the rest 1-based.
			if strings.Contains(err.Error(), "did not find expected") {
				line++
			}
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = yamlLine.ReplaceAllString(msg, "")
		msg = strings.TrimLeft(msg, ": ")
		if strings.Contains(msg, "mapping values are not allowed") {
			msg += ` (a value containing ": " must be quoted)`
		}
		return fm, line, fmt.Errorf("invalid YAML: %s", msg)
	}
	if len(doc.Content) == 0 {
		return fm, 1, nil // empty front matter
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fm, m.Line, errors.New("expected key: value lines")
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := strings.ToLower(k.Value)
		switch key {
		case "id", "title", "source", "url", "published", "date":
		default:
			continue // other keys (author, tags...) are allowed and ignored
		}
		if v.Kind != yaml.ScalarNode {
			return fm, v.Line, fmt.Errorf("%s must be a single value", key)
		}
		val := strings.TrimSpace(v.Value)
		switch key {
		case "id":
			if err := ValidateID(val); err != nil {
				return fm, v.Line, err
			}
			fm.ID = val
		case "title":
			fm.Title = val
		case "source":
			fm.Source = val
		case "url":
			fm.URL = val
		case "published", "date":
			t, err := ParseDate(val)
			if err != nil {
				return fm, v.Line, fmt.Errorf("%s: %w", key, err)
			}
			fm.Published = t
		}
	}
	return fm, 0, nil
}

// ParseDate reads a YYYY-MM-DD date ("" gives the zero time).
func ParseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(bot.DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q: want YYYY-MM-DD, a real calendar date", s)
	}
	return t, nil
}

// ValidateID checks a report ID: 1 to 200 characters, no control characters,
// no "#" (passage IDs use it).
func ValidateID(id string) error {
	switch {
	case id == "":
		return errors.New("id is empty")
	case len(id) > 200:
		return fmt.Errorf("id is %d bytes long; the limit is 200", len(id))
	case strings.ContainsAny(id, "#\x00\r\n\t"):
		return fmt.Errorf("id %q has a character that is not allowed (#, tab, line break)", id)
	}
	return nil
}

var (
	mdLink   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmph   = regexp.MustCompile(`(\*\*|__|\*|_|~~|` + "`" + `)([^*_~` + "`" + `\n]+)(\*\*|__|\*|_|~~|` + "`" + `)`)
	mdBullet = regexp.MustCompile(`^\s*([-*+]|\d+[.)])\s+`)
)

// markdownToText strips the Markdown that matters for reading: heading
// marks, emphasis, links (their text stays), images, code fences, HTML
// comments. It returns the text and the first heading, if any.
func markdownToText(md string) (string, string) {
	var out bytes.Buffer
	heading := ""
	inFence := false
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if !inFence {
			if strings.HasPrefix(t, "#") {
				h := strings.TrimSpace(strings.TrimLeft(t, "#"))
				if heading == "" {
					heading = h
				}
				// A heading is a paragraph of its own.
				out.WriteString("\n" + h + "\n\n")
				continue
			}
			if strings.HasPrefix(t, "<!--") || t == "---" || t == "***" {
				continue
			}
			// The expressions run only on lines that could match, which
			// keeps a large file of plain prose cheap to read.
			if t != "" && strings.IndexByte("-*+0123456789", t[0]) >= 0 {
				line = mdBullet.ReplaceAllString(line, "")
			}
			line = strings.TrimPrefix(strings.TrimSpace(line), "> ")
			if strings.Contains(line, "](") {
				line = mdLink.ReplaceAllString(line, "$1")
			}
			if strings.ContainsAny(line, "*_~`") {
				line = mdEmph.ReplaceAllString(line, "$2")
			}
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	return strings.TrimSpace(out.String()), heading
}
