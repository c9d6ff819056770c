package discord

import (
	"fmt"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// Limits that every message from Render keeps to. Lengths are in UTF-16
// code units, which is at least the number of characters Discord counts.
const (
	MaxContentLen     = 2000 // message content
	MaxEmbeds         = 10   // embeds in one message
	MaxEmbedTotal     = 6000 // titles, descriptions, field names and values, and footers of all embeds of one message
	MaxTitleLen       = 256
	MaxDescriptionLen = 4096
	MaxFields         = 25 // fields of one embed
	MaxFieldNameLen   = 256
	MaxFieldValueLen  = 1024
	// MaxMessages is the most messages one reply is split into; the last
	// one says when the answer was cut.
	MaxMessages = 10
)

const (
	embedColor   = 0x3b6ea5
	sourcesTitle = "Sources"
	maxQuoteLen  = 700
	maxURLLen    = 500
	cutNote      = "The answer is too long to show in full here; ask about one country, weapon or year for the rest."
)

// Message is one Discord message: content and embeds. Send it with
// allowed_mentions that parse nothing (see noMentions).
type Message struct {
	Content string
	Embeds  []*discordgo.MessageEmbed
}

// Render turns a reply into at most MaxMessages messages within Discord's
// limits. An answer becomes embeds: its question as the title, its text
// (with the [n] markers) as descriptions, and a Sources embed with one field
// per citation: number, publisher and date, the report's title as a link,
// and the quoted sentence. Help and error text become message content (help
// in a code block, to keep its columns). Every piece of report and user text
// is escaped, so nothing in it can mention anyone, make a link or change
// the formatting. Long answers are split across messages, to be sent in
// order.
func Render(r bot.Reply) []Message { return render(r, 0, 0) }

// render is Render keeping room for a marker to be added to every message
// afterwards: footer characters free in the embeds' total (MaxEmbedTotal),
// and content characters free in messages of content alone.
func render(r bot.Reply, footer, content int) []Message {
	b := builder{maxTotal: MaxEmbedTotal - footer, maxContent: MaxContentLen - content}
	switch {
	case r.Answer != nil:
		b.answer(r.Answer)
	default:
		b.text(r.Text, !r.IsError && strings.Contains(r.Text, "\n  "))
	}
	return b.done()
}

type builder struct {
	msgs       []Message
	total      int // embed characters of the last message
	maxTotal   int // embed characters one message may hold
	maxContent int // content characters of a message without embeds
}

// room returns the last message, starting one when there is none, when it
// holds content, or when it cannot take one more embed of n characters.
func (b *builder) room(n int) *Message {
	k := len(b.msgs)
	if k == 0 || len(b.msgs[k-1].Embeds) >= MaxEmbeds || b.total+n > b.maxTotal || b.msgs[k-1].Content != "" {
		b.msgs = append(b.msgs, Message{})
		b.total = 0
	}
	return &b.msgs[len(b.msgs)-1]
}

// embed appends e, which holds n characters, reserving room for more
// characters to follow in it.
func (b *builder) embed(e *discordgo.MessageEmbed, n, more int) {
	m := b.room(n + more)
	m.Embeds = append(m.Embeds, e)
	b.total += n
}

func (b *builder) answer(a *bot.Answer) {
	title := truncate(escapeLine(a.Question), MaxTitleLen)
	var lines []string
	for _, l := range strings.Split(strings.Trim(a.Text, "\n"), "\n") {
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			lines = append(lines, "• "+escape(rest))
			continue
		}
		lines = append(lines, escape(l))
	}
	if strings.TrimSpace(strings.Join(lines, "")) == "" {
		lines = nil
		if title == "" {
			lines = []string{"(no answer)"}
		}
	}
	if len(lines) == 0 { // a question without text: show the question
		b.embed(&discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: title, Color: embedColor}, chatkit.TextLen(title), 0)
	}
	first := true
	for len(lines) > 0 {
		head := 0
		if first {
			head = chatkit.TextLen(title)
		}
		// Fill what the last message has left, unless that is little.
		budget := min(MaxDescriptionLen, b.maxTotal-b.total-head)
		if k := len(b.msgs); k == 0 || budget < 500 || len(b.msgs[k-1].Embeds) >= MaxEmbeds || b.msgs[k-1].Content != "" {
			budget = min(MaxDescriptionLen, b.maxTotal-head)
		}
		var chunk string
		chunk, lines = take(lines, budget)
		if strings.TrimSpace(chunk) == "" {
			continue
		}
		e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Description: chunk, Color: embedColor}
		n := chatkit.TextLen(chunk)
		if first && title != "" {
			e.Title, n = title, n+head
		}
		first = false
		b.embed(e, n, 0)
	}
	var src *discordgo.MessageEmbed
	quoteLen := maxQuoteLen
	if len(a.Citations) > 10 {
		quoteLen = maxQuoteLen / 3 // many sources: shorter quotes, fewer messages
	}
	for _, c := range a.Citations {
		f := citationField(c, quoteLen)
		n := chatkit.TextLen(f.Name) + chatkit.TextLen(f.Value)
		if src == nil || len(src.Fields) >= MaxFields || b.total+n > b.maxTotal {
			src = &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: sourcesTitle, Color: embedColor}
			b.embed(src, chatkit.TextLen(sourcesTitle), n)
		}
		src.Fields = append(src.Fields, f)
		b.total += n
	}
}

// take packs lines into one text of at most max, joined with newlines,
// and returns it and the lines left. A line too long for max is split.
func take(lines []string, limit int) (string, []string) {
	var cur []string
	n := 0
	for len(lines) > 0 {
		l := lines[0]
		sep := 0
		if len(cur) > 0 {
			sep = 1
		}
		if w := chatkit.TextLen(l); n+sep+w <= limit {
			cur, n, lines = append(cur, l), n+sep+w, lines[1:]
			continue
		}
		if room := limit - n - sep; room >= 200 || len(cur) == 0 {
			// Split the line: as much as fits here, the rest next.
			pieces := chatkit.Split(l, max(room, 8), atom)
			if len(pieces) > 0 && strings.HasPrefix(l, pieces[0]) {
				cur = append(cur, pieces[0])
				lines = append([]string{strings.TrimLeft(l[len(pieces[0]):], " \n")}, lines[1:]...)
			} else {
				lines = lines[1:] // only spaces
			}
		}
		break
	}
	return strings.Trim(strings.Join(cur, "\n"), "\n"), lines
}

// text renders plain reply text as content; pre keeps its layout in a code
// block.
func (b *builder) text(text string, pre bool) {
	text = strings.TrimRight(text, "\n")
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if pre {
			lines = append(lines, codeLine(l))
		} else {
			lines = append(lines, escape(l))
		}
	}
	budget := b.maxContent
	if pre {
		budget -= len("```\n\n```")
	}
	for _, c := range chatkit.Pack(lines, budget, atom) {
		if pre {
			c = "```\n" + c + "\n```"
		}
		b.msgs = append(b.msgs, Message{Content: c})
		b.total = 0
	}
}

func (b *builder) done() []Message {
	if len(b.msgs) == 0 {
		b.msgs = append(b.msgs, Message{Content: "(nothing to show)"})
	}
	msgs := b.msgs
	if len(msgs) > MaxMessages {
		msgs = msgs[:MaxMessages:MaxMessages]
	}
	for i := range msgs {
		if i > 0 && len(msgs[i].Embeds) > 0 {
			msgs[i].Content = fmt.Sprintf("(continued, part %d of %d)", i+1, len(msgs))
		}
	}
	if len(b.msgs) > MaxMessages {
		last := &msgs[len(msgs)-1]
		if last.Content == "" || len(last.Embeds) == 0 {
			// Content only: its text is cut, so say so in place of its end.
			// Room for "\n", the note, and "\n```" closing a code block.
			last.Content = truncate(last.Content, b.maxContent-len(cutNote)-len("\n\n```"))
		}
		last.Content = strings.TrimSpace(last.Content + "\n" + cutNote)
		if strings.HasPrefix(last.Content, "```") && strings.Count(last.Content, "```")%2 == 1 {
			last.Content = strings.Replace(last.Content, "\n"+cutNote, "\n```\n"+cutNote, 1)
		}
	}
	return msgs
}

// citationField is one numbered source: its number, publisher and date as
// the name; a link to the report (when it has a usable URL) and the quoted
// sentence, cut to quoteLen, as the value.
func citationField(c bot.Citation, quoteLen int) *discordgo.MessageEmbedField {
	var meta []string
	for _, s := range []string{c.Source, c.Published} {
		if s = escapeLine(s); s != "" {
			meta = append(meta, s)
		}
	}
	name := truncate(strings.TrimSpace(escapeLine(fmt.Sprintf("[%d]", c.N))+" "+strings.Join(meta, " · ")), MaxFieldNameLen)
	title := truncate(escapeLine(c.Title), 300)
	if title == "" {
		title = "untitled report"
	}
	value := title
	if u := linkURL(c.URL); u != "" {
		value = "[" + title + "](" + u + ")"
	}
	if also := escapeLine(c.AlsoText(200)); also != "" {
		value += "\n*" + also + "*"
	}
	if q := escapeLine(c.Quote); q != "" {
		budget := min(quoteLen, MaxFieldValueLen-chatkit.TextLen(value)-3)
		value += "\n“" + truncate(q, budget) + "”"
	}
	return &discordgo.MessageEmbedField{Name: name, Value: truncate(value, MaxFieldValueLen)}
}

// noMentions is the allowed_mentions of every message the adapter sends:
// an explicitly empty parse list, so that nothing in it notifies anyone,
// not even the user it replies to.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}
