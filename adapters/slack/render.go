package slack

import (
	"fmt"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// Limits that every message from Render keeps to. Lengths are in UTF-16
// code units, which is at least the number of characters Slack counts.
const (
	MaxTextLen = 3000 // one text object
	MaxBlocks  = 50   // blocks in one message
	// MaxMessageText bounds the text of all blocks of one message. Slack
	// documents more, but long messages fail in practice well before it.
	MaxMessageText = 12000

	maxHeaderLen       = 150 // a header block's plain text
	maxContextElements = 10  // elements of one context block
	maxCitationLen     = 1500
	maxTitleLen        = 300
	maxFallbackLen     = 300
	maxURLLen          = 2000
)

// Message is one Slack message: Block Kit blocks and the plain-text
// fallback that notifications and clients without blocks show.
type Message struct {
	Blocks []slackgo.Block
	Text   string
}

// Render turns a reply into one or more messages within Slack's limits. An
// answer gets a header (its question), its text as sections with the [n]
// markers, and context blocks listing the numbered sources as links with
// their publisher, date and quoted sentence; help and error text are shown
// as they are (help in a code block, to keep its columns). Every piece of report and user text is escaped, so nothing in
// it can mention @channel, @here, @everyone or a user, or make a link.
// Long answers are split across messages, to be posted in order.
func Render(r bot.Reply) []Message {
	var b builder
	switch {
	case r.Answer != nil:
		b.answer(r.Answer)
	default:
		// Text laid out in indented columns, like help, keeps its layout.
		b.paragraphs(r.Text, !r.IsError && strings.Contains(r.Text, "\n  "))
	}
	return b.done()
}

type builder struct {
	msgs     []Message
	chars    int // text in the last message
	fallback string
}

// add appends a block carrying chars of text, starting a new message when
// the current one is full.
func (b *builder) add(blk slackgo.Block, chars int) {
	n := len(b.msgs)
	if n == 0 || len(b.msgs[n-1].Blocks) >= MaxBlocks || b.chars+chars > MaxMessageText {
		b.msgs = append(b.msgs, Message{})
		b.chars = 0
	}
	m := &b.msgs[len(b.msgs)-1]
	m.Blocks = append(m.Blocks, blk)
	b.chars += chars
}

func (b *builder) section(text string) {
	b.add(slackgo.NewSectionBlock(mrkdwn(text), nil, nil), chatkit.TextLen(text))
}

func (b *builder) done() []Message {
	if len(b.msgs) == 0 {
		b.section("(nothing to show)")
	}
	for i := range b.msgs {
		switch {
		case i == 0 && b.fallback != "":
			b.msgs[i].Text = b.fallback
		case i == 0:
			b.msgs[i].Text = "briefbot"
		default:
			b.msgs[i].Text = fmt.Sprintf("(continued, part %d of %d)", i+1, len(b.msgs))
		}
	}
	return b.msgs
}

func (b *builder) answer(a *bot.Answer) {
	if q := headerText(a.Question); q != "" {
		b.add(slackgo.NewHeaderBlock(slackgo.NewTextBlockObject(slackgo.PlainTextType, q, true, false)), chatkit.TextLen(q))
	}
	var lines []string
	for _, l := range strings.Split(a.Text, "\n") {
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			l = "• " + rest
		}
		lines = append(lines, escape(l))
	}
	for _, s := range chatkit.Pack(lines, MaxTextLen, atom) {
		b.section(s)
	}
	if len(a.Citations) > 0 {
		b.section("*Sources*")
	}
	var els []slackgo.MixedElement
	chars := 0
	flush := func() {
		if len(els) > 0 {
			b.add(slackgo.NewContextBlock("", els...), chars)
			els, chars = nil, 0
		}
	}
	for _, c := range a.Citations {
		t := citationText(c)
		if len(els) == maxContextElements || chars+chatkit.TextLen(t) > MaxTextLen {
			flush()
		}
		els = append(els, mrkdwn(t))
		chars += chatkit.TextLen(t)
	}
	flush()
	b.fallback = fallback(a.Text)
}

// paragraphs renders plain reply text; pre keeps its layout in a code block.
func (b *builder) paragraphs(text string, pre bool) {
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		lines = append(lines, escape(l))
	}
	budget := MaxTextLen
	if pre {
		budget -= 6
	}
	for _, s := range chatkit.Pack(lines, budget, atom) {
		if pre {
			s = "```" + s + "```"
		}
		b.section(s)
	}
	b.fallback = fallback(text)
}

// citationText is one numbered source: a link to the report (when it has a
// usable URL), its publisher and date, and the quoted sentence.
func citationText(c bot.Citation) string {
	title := escape(oneLine(c.Title))
	if title == "" {
		title = "untitled report"
	}
	if pieces := chatkit.Split(title, maxTitleLen, atom); len(pieces) > 1 {
		title = pieces[0] + "…"
	}
	if u := linkURL(c.URL); u != "" {
		title = "<" + u + "|" + title + ">"
	}
	t := fmt.Sprintf("*[%d]* %s", c.N, title)
	for _, s := range []string{c.Source, c.Published} {
		if s = escape(oneLine(s)); s != "" {
			t += " · " + s
		}
	}
	if also := escape(c.AlsoText(200)); also != "" {
		t += "\n_" + also + "_"
	}
	if q := escape(oneLine(c.Quote)); q != "" {
		budget := maxCitationLen - chatkit.TextLen(t) - 4
		if pieces := chatkit.Split(q, budget, atom); len(pieces) > 1 {
			q = pieces[0] + "…"
		}
		t += "\n“" + q + "”"
	}
	return t
}

// linkURL returns u ready to go inside <…|…>, or "" when it is not an
// http(s) URL that can be linked safely.
func linkURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return ""
	}
	s := p.String()
	if len(s) > maxURLLen || strings.ContainsAny(s, " \t\r\n") {
		return ""
	}
	return strings.NewReplacer("&", "&amp;", "<", "%3C", ">", "%3E", "|", "%7C").Replace(s)
}

var (
	htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	// atWords are words Slack could turn into a broadcast; a word joiner
	// after the @ keeps them readable but inert.
	atWords = regexp.MustCompile(`(?i)@(here|channel|everyone|group)`)
)

// escape makes text safe to show in mrkdwn: &, < and > become entities (so
// no <!channel>, <@U…> or <url|label> can form), broadcast words are
// defused, and control and bidirectional-override characters are dropped.
func escape(s string) string {
	s = chatkit.SafeText(s)
	s = htmlEscaper.Replace(s)
	return atWords.ReplaceAllString(s, "@\u2060$1")
}

// headerText is a question as a header's plain text: one line, no angle
// brackets, at most maxHeaderLen long.
func headerText(q string) string {
	q = strings.NewReplacer("<", "‹", ">", "›").Replace(oneLine(q))
	q = chatkit.SafeText(q)
	q = atWords.ReplaceAllString(q, "@\u2060$1")
	if pieces := chatkit.Split(q, maxHeaderLen-1, atom); len(pieces) > 1 {
		q = pieces[0] + "…"
	}
	return q
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func fallback(text string) string {
	t := escape(oneLine(text))
	if pieces := chatkit.Split(t, maxFallbackLen, atom); len(pieces) > 1 {
		t = pieces[0] + "…"
	}
	return t
}

func mrkdwn(text string) *slackgo.TextBlockObject {
	return &slackgo.TextBlockObject{Type: slackgo.MarkdownType, Text: text, Verbatim: true}
}

// atom returns the size in bytes and the length in UTF-16 units of the
// entity or character s starts with.
func atom(s string) (size, width int) {
	if s[0] == '&' {
		for _, e := range []string{"&amp;", "&lt;", "&gt;"} {
			if strings.HasPrefix(s, e) {
				return len(e), len(e)
			}
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	if w := utf16.RuneLen(r); w > 0 {
		return size, w
	}
	return size, 1
}

// limitMessages keeps at most n messages; when it drops some, the last one
// kept says so.
func limitMessages(msgs []Message, n int) []Message {
	if len(msgs) <= n {
		return msgs
	}
	const note = "_The answer is too long to show in full here. Mention me in a channel or send me a direct message for all of it._"
	msgs = msgs[:n:n]
	last := &msgs[n-1]
	// Drop trailing blocks until the note fits both the block count and
	// the text limit.
	for len(last.Blocks) > 0 && (len(last.Blocks) >= MaxBlocks || blocksText(last.Blocks)+chatkit.TextLen(note) > MaxMessageText) {
		last.Blocks = last.Blocks[:len(last.Blocks)-1]
	}
	last.Blocks = append(last.Blocks, slackgo.NewContextBlock("", mrkdwn(note)))
	return msgs
}

// blocksText counts the text of the blocks Render makes (sections, context
// blocks, headers), as MaxMessageText counts it.
func blocksText(blocks []slackgo.Block) int {
	n := 0
	text := func(t *slackgo.TextBlockObject) {
		if t != nil {
			n += chatkit.TextLen(t.Text)
		}
	}
	for _, b := range blocks {
		switch b := b.(type) {
		case *slackgo.SectionBlock:
			text(b.Text)
			for _, f := range b.Fields {
				text(f)
			}
		case *slackgo.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if t, ok := e.(*slackgo.TextBlockObject); ok {
					text(t)
				}
			}
		case *slackgo.HeaderBlock:
			text(b.Text)
		}
	}
	return n
}
