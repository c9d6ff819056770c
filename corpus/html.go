package corpus

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/briefbot/briefbot/bot"
)

// HTMLText extracts the title and main text of a web page the way the
// Loader reads .html files: go-readability finds the article, and its text
// comes back as paragraphs separated by blank lines, without navigation,
// cookie banners and other boilerplate. pageURL, when not "", is the page's
// address (readability uses it to resolve links). data must be UTF-8 or
// declare its encoding in a <meta> tag that the caller has already honoured.
//
// A page without readable article text gives an error wrapping ErrEmpty.
func HTMLText(data []byte, pageURL string) (title, text string, err error) {
	var u *url.URL
	if pageURL != "" {
		if u, err = url.Parse(pageURL); err != nil {
			return "", "", fmt.Errorf("page URL: %w", err)
		}
	}
	r, err := readHTML(data, u)
	if err != nil {
		return "", "", err
	}
	return r.Title, r.Body, nil
}

// HTMLFragmentText renders a fragment of HTML, such as a feed item's
// description, as plain text: tags dropped, entities decoded, white space
// folded, block elements separated by blank lines. Plain text comes back
// with its white space folded.
func HTMLFragmentText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return foldParagraphs(fragment)
	}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return foldParagraphs(fragment)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return nodeText(root)
}

// foldParagraphs folds white space inside the paragraphs of plain text and
// separates them with one blank line.
func foldParagraphs(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if t := strings.Join(strings.Fields(p), " "); t != "" {
			paras = append(paras, t)
		}
	}
	return strings.Join(paras, "\n\n")
}

// readHTML extracts the main text of a web page with go-readability, and
// the title, site name, canonical URL and publication date it declares.
// Errors wrap ErrEmpty when the page has no readable text.
func readHTML(data []byte, pageURL *url.URL) (r bot.Report, err error) {
	defer func() {
		if p := recover(); p != nil { // a bug in readability must not stop an ingest
			r, err = bot.Report{}, fmt.Errorf("extract article text: internal error: %v", p)
		}
	}()
	if tooManyTags(data) {
		return streamHTML(data)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return r, fmt.Errorf("parse HTML: %w", err)
	}
	article, err := readability.FromDocument(doc, pageURL)
	if err != nil {
		return r, fmt.Errorf("extract article text: %w", err)
	}
	var body string
	if article.Node != nil {
		body = nodeText(article.Node)
	}
	if strings.TrimSpace(body) == "" {
		return r, fmt.Errorf("%w: the page has no readable article text", ErrEmpty)
	}
	r = bot.Report{Title: strings.TrimSpace(article.Title), Source: strings.TrimSpace(article.SiteName), Body: body, URL: canonicalURL(doc)}
	if article.PublishedTime != nil {
		r.Published = article.PublishedTime.UTC().Truncate(24 * 60 * 60 * 1e9)
	}
	return r, nil
}
