package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/briefbot/briefbot/bot"
)

// loadText reads a plain text file: its first non-empty line is the title,
// the rest the body.
func loadText(name string, data []byte) ([]bot.Report, []Problem) {
	text := strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\ufeff")
	title, body, _ := strings.Cut(strings.TrimLeft(text, " \t\n"), "\n")
	title = strings.TrimSpace(title)
	body = strings.TrimSpace(body)
	if body == "" {
		// A one-paragraph file: the title is all the text there is.
		body = title
	}
	if body == "" {
		return nil, []Problem{{Severity: Error, Err: ErrEmpty}}
	}
	return []bot.Report{{Title: title, Body: body}}, nil
}

// loadHTML reads a web page: its main text, found by go-readability, and
// the title, site name, canonical URL and publication date it declares.
func loadHTML(name string, data []byte) ([]bot.Report, []Problem) {
	r, err := readHTML(data, nil)
	if err != nil {
		return nil, []Problem{{Severity: Error, Err: err}}
	}
	return []bot.Report{r}, nil
}

// blockTags end a paragraph in extracted HTML text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Tr: true,
	atom.Section: true, atom.Article: true, atom.Pre: true, atom.Figcaption: true, atom.Br: true,
}

// nodeText renders an HTML tree as plain text with a blank line between
// blocks and white space folded inside them.
func nodeText(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Noscript {
				return
			}
			if blockTags[n.DataAtom] {
				flush()
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

// canonicalURL returns the page's <link rel="canonical"> or og:url, or "".
func canonicalURL(doc *html.Node) string {
	var found string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode {
			attr := func(k string) string {
				for _, a := range n.Attr {
					if strings.EqualFold(a.Key, k) {
						return a.Val
					}
				}
				return ""
			}
			switch {
			case n.DataAtom == atom.Link && strings.EqualFold(attr("rel"), "canonical"):
				found = attr("href")
			case n.DataAtom == atom.Meta && attr("property") == "og:url":
				found = attr("content")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !strings.HasPrefix(found, "http://") && !strings.HasPrefix(found, "https://") {
		return ""
	}
	return found
}

// jsonReport is one line of a JSON Lines file.
type jsonReport struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Body      string `json:"body"`
	Text      string `json:"text"` // accepted for body
}

// loadJSONL reads one report object per line. A bad line is a Problem with
// its line number; the other lines still load. A line without an id gets
// "<file name>-<line>".
func loadJSONL(name string, data []byte) ([]bot.Report, []Problem) {
	var reports []bot.Report
	var problems []Problem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), len(data)+1)
	base := strings.TrimSuffix(baseName(name), ".jsonl")
	for line := 1; sc.Scan(); line++ {
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		var jr jsonReport
		dec := json.NewDecoder(bytes.NewReader(raw))
		if err := dec.Decode(&jr); err != nil {
			problems = append(problems, Problem{Line: line, Severity: Error, Err: fmt.Errorf("invalid JSON: %w", err)})
			continue
		}
		if dec.More() {
			problems = append(problems, Problem{Line: line, Severity: Error, Err: errors.New("invalid JSON: more than one value on the line")})
			continue
		}
		r := bot.Report{ID: strings.TrimSpace(jr.ID), Title: strings.TrimSpace(jr.Title), Source: jr.Source, URL: jr.URL, Body: strings.TrimSpace(jr.Body)}
		if r.Body == "" {
			r.Body = strings.TrimSpace(jr.Text)
		}
		if r.ID == "" {
			r.ID = fmt.Sprintf("%s-%d", base, line)
		}
		if err := ValidateID(r.ID); err != nil {
			problems = append(problems, Problem{Line: line, Severity: Error, Err: err})
			continue
		}
		t, err := ParseDate(strings.TrimSpace(jr.Published))
		if err != nil {
			problems = append(problems, Problem{Line: line, Severity: Error, Err: fmt.Errorf("published: %w", err)})
			continue
		}
		r.Published = t
		if r.Body == "" {
			problems = append(problems, Problem{Line: line, Severity: Error, Err: fmt.Errorf("%w: no \"body\"", ErrEmpty)})
			continue
		}
		if r.Title == "" {
			r.Title = r.ID
		}
		reports = append(reports, r)
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, Problem{Severity: Error, Err: fmt.Errorf("read: %w", err)})
	}
	return reports, problems
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
