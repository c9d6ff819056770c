package discord

import (
	"encoding/json"
	"fmt"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot"
)

// checkLimits fails t when msgs break a Discord limit, would show a
// mention or link anywhere but to example.org, and returns every text of
// them, in order.
func checkLimits(t *testing.T, msgs []Message) []string {
	t.Helper()
	if len(msgs) == 0 || len(msgs) > MaxMessages {
		t.Fatalf("%d messages, want 1 to %d", len(msgs), MaxMessages)
	}
	var all []string
	for i, m := range msgs {
		if m.Content == "" && len(m.Embeds) == 0 {
			t.Errorf("message %d is empty", i)
		}
		if chatkit.TextLen(m.Content) > MaxContentLen {
			t.Errorf("message %d has %d characters of content", i, chatkit.TextLen(m.Content))
		}
		if len(m.Embeds) > MaxEmbeds {
			t.Errorf("message %d has %d embeds", i, len(m.Embeds))
		}
		texts := []string{m.Content}
		total := 0
		for j, e := range m.Embeds {
			switch {
			case chatkit.TextLen(e.Title) > MaxTitleLen:
				t.Errorf("message %d embed %d: title of %d", i, j, chatkit.TextLen(e.Title))
			case chatkit.TextLen(e.Description) > MaxDescriptionLen:
				t.Errorf("message %d embed %d: description of %d", i, j, chatkit.TextLen(e.Description))
			case len(e.Fields) > MaxFields:
				t.Errorf("message %d embed %d: %d fields", i, j, len(e.Fields))
			case e.Title == "" && e.Description == "" && len(e.Fields) == 0:
				t.Errorf("message %d embed %d is empty", i, j)
			}
			total += chatkit.TextLen(e.Title) + chatkit.TextLen(e.Description)
			texts = append(texts, e.Title, e.Description)
			for _, f := range e.Fields {
				if f.Name == "" || f.Value == "" || chatkit.TextLen(f.Name) > MaxFieldNameLen || chatkit.TextLen(f.Value) > MaxFieldValueLen {
					t.Errorf("message %d embed %d: field %q (%d) / %q (%d)", i, j, f.Name, chatkit.TextLen(f.Name), f.Value, chatkit.TextLen(f.Value))
				}
				total += chatkit.TextLen(f.Name) + chatkit.TextLen(f.Value)
				texts = append(texts, f.Name, f.Value)
			}
		}
		if total > MaxEmbedTotal {
			t.Errorf("message %d has %d characters in embeds", i, total)
		}
		if _, err := json.Marshal(m.Embeds); err != nil {
			t.Errorf("message %d: %v", i, err)
		}
		for _, s := range texts {
			switch {
			case !utf8.ValidString(s):
				t.Errorf("message %d has invalid UTF-8: %q", i, s)
			case discordForges(s):
				t.Errorf("message %d shows a mention: %q", i, s)
			}
			for _, l := range discordLinks(s) {
				if !strings.HasPrefix(l, "https://example.org/") {
					t.Errorf("message %d links to %q: %q", i, l, s)
				}
			}
		}
		all = append(all, texts...)
	}
	return all
}

func answerReply(a bot.Answer) bot.Reply { return bot.Reply{Answer: &a, RequestID: "0123456789ab"} }

func citation(n int, quote string) bot.Citation {
	return bot.Citation{N: n, ReportID: fmt.Sprintf("r%d", n), Title: fmt.Sprintf("Report %d", n), Source: "Test Wire",
		URL: fmt.Sprintf("https://example.org/r%d", n), Published: "2024-01-02", Quote: quote}
}

func plainOf(texts []string) string {
	var out []string
	for _, s := range texts {
		out = append(out, discordPlain(s))
	}
	return strings.Join(out, "\n")
}

func TestRenderLongAnswer(t *testing.T) {
	words := strings.Fields("Kazakhstan received drones from Turkey and China while Uzbekistan ordered helicopters [1]")
	var b strings.Builder
	for i := 0; b.Len() < 20000; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
		if i%700 == 699 {
			b.WriteString("\n") // a few very long lines, one over 4,096 characters
		}
	}
	text := b.String()[:20000]
	msgs := Render(answerReply(bot.Answer{Question: "who supplies Kazakhstan?", Text: text, Citations: []bot.Citation{citation(1, "A quote.")}}))
	all := checkLimits(t, msgs)
	if len(msgs) != 4 {
		t.Errorf("a 20,000-character answer should take 4 messages; got %d", len(msgs))
	}
	var descriptions []string
	for _, m := range msgs {
		for _, e := range m.Embeds {
			descriptions = append(descriptions, e.Description)
		}
	}
	if got, want := strings.Join(strings.Fields(plainOf(descriptions)), " "), strings.Join(strings.Fields(text), " "); got != want {
		t.Errorf("the answer text was not kept whole and in order")
	}
	got := strings.Join(strings.Fields(plainOf(all)), " ")
	if !strings.Contains(got, "[1] Test Wire · 2024-01-02 Report 1 “A quote.”") {
		t.Errorf("the source is missing:\n%s", got[len(got)-300:])
	}
	for i, m := range msgs[1:] {
		if !strings.Contains(m.Content, fmt.Sprintf("part %d of %d", i+2, len(msgs))) {
			t.Errorf("message %d content %q should say it continues", i+2, m.Content)
		}
	}
}

func TestRenderManyRelations(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cites  int
		cut    bool
		maxMsg int
	}{
		{"200 relations, 20 sources", 20, false, 6},
		{"200 relations, 200 sources", 200, true, MaxMessages},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lines []string
			var rels []bot.RelationLine
			var cites []bot.Citation
			for n := 1; n <= 200; n++ {
				c := (n-1)%tc.cites + 1
				lines = append(lines, fmt.Sprintf("- Country %d: Bayraktar TB2 armed drones (delivered 2021, 2022) [%d]", n, c))
				rels = append(rels, bot.RelationLine{Supplier: "Turkey", Recipient: fmt.Sprintf("Country %d", n), System: "Bayraktar TB2",
					Category: "Aircraft", Status: "delivered", Kind: "sale", Years: []int{2021, 2022}, Citations: []int{c}})
			}
			for n := 1; n <= tc.cites; n++ {
				cites = append(cites, citation(n, strings.Repeat("Turkey delivered armed drones to the air force. ", 12)))
			}
			msgs := Render(answerReply(bot.Answer{Question: "who does Turkey supply?", Text: "Turkey supplies 200 countries:\n" + strings.Join(lines, "\n"),
				Relations: rels, Citations: cites}))
			plain := plainOf(checkLimits(t, msgs))
			for n := 1; n <= 200; n++ {
				if !strings.Contains(plain, fmt.Sprintf("• Country %d: Bayraktar TB2", n)) {
					t.Errorf("relation %d is missing", n)
				}
			}
			shown := 0
			for n := 1; n <= tc.cites; n++ {
				if strings.Contains(plain, fmt.Sprintf("[%d] Test Wire · 2024-01-02\nReport %d\n“Turkey", n, n)) {
					shown++
				}
			}
			if len(msgs) > tc.maxMsg {
				t.Errorf("%d messages; want at most %d", len(msgs), tc.maxMsg)
			}
			cut := strings.Contains(msgs[len(msgs)-1].Content, cutNote)
			if cut != tc.cut || (!tc.cut && shown != tc.cites) {
				t.Errorf("%d of %d sources shown, cut note %v; want all shown or the note", shown, tc.cites, cut)
			}
		})
	}
}

func TestRenderHostileText(t *testing.T) {
	hostile := "@everyone @HERE <@123> <@!123> <@&456> <#789> </brief:1> <:pepe:12> <t:1700000000> " +
		"[official](https://evil.example/md) [x](<https://evil.example/y>) https://evil.example/bare " +
		"**bold** __u__ ~~s~~ ||spoiler|| `code` ```block``` > quote\n# Header\n-# small\n- item \\[escaped\\]"
	a := bot.Answer{
		Question: hostile,
		Text:     "What the reports say: " + hostile + " [1]\n- " + hostile + " [2]",
		Citations: []bot.Citation{
			{N: 1, Title: hostile, Source: hostile, Published: "2024-01-01", URL: "https://example.org/ok?a=(1)&b=2", Quote: hostile},
			{N: 2, Title: "Report](https://evil.example/t) [x", Source: "Wire", URL: "https://example.org/a b", Quote: "x"},
			{N: 3, Title: "Script", Source: "Wire", URL: "javascript:alert(1)", Quote: "x"},
			{N: 4, Title: "Spoof", Source: "Wire", URL: "https://user:pw@evil.example/", Quote: "x"},
			{N: 5, Title: strings.Repeat("Long title ", 40), Source: strings.Repeat("Wire ", 80), Published: "2024-01-01",
				URL: "https://example.org/" + strings.Repeat("a", 600), Quote: strings.Repeat("A long quote. ", 100)},
		},
	}
	for _, r := range []bot.Reply{answerReply(a), {Text: hostile, IsError: true}, {Text: "help\n  " + hostile}} {
		msgs := Render(r)
		plain := plainOf(checkLimits(t, msgs))
		for _, want := range []string{"<@123>", "[official](https://evil.example/md)", "**bold**", "||spoiler||"} {
			if !strings.Contains(plain, want) {
				t.Errorf("hostile text should show literally; %q missing from:\n%s", want, plain)
			}
		}
	}
	all := strings.Join(checkLimits(t, Render(answerReply(a))), "\n")
	for _, want := range []string{"](https://example.org/ok?a=%281%29&b=2)", "\\[3\\] Wire", "\\[4\\] Wire"} {
		if !strings.Contains(all, want) {
			t.Errorf("output lacks %q:\n%s", want, all)
		}
	}
	links := discordLinks(all)
	if got, want := strings.Join(links, " "), "https://example.org/ok?a=%281%29&b=2 https://example.org/a%20b"; got != want {
		t.Errorf("links %q; want %q (the other reports have unusable URLs)", got, want)
	}
}

func TestRenderEmojiAndRightToLeft(t *testing.T) {
	text := strings.Repeat("🚁 مسيرات تركية إلى كازاخستان 👨‍👩‍👧 רחפנים \u202eevil\u202c ", 400) + "[1]"
	msgs := Render(answerReply(bot.Answer{Question: "🚁 مسيرات؟", Text: text, Citations: []bot.Citation{citation(1, text[:2000])}}))
	all := strings.Join(checkLimits(t, msgs), "\n")
	if strings.ContainsAny(all, "\u202e\u202c") {
		t.Error("bidirectional overrides should be dropped")
	}
	if !strings.Contains(all, "مسيرات تركية") || !strings.Contains(all, "👨‍👩‍👧") {
		t.Error("right-to-left text and emoji should be kept")
	}
}

func TestRenderHelpAndErrors(t *testing.T) {
	help := Render(bot.Reply{Text: bot.Help() + "\n" + discordHelp})
	all := strings.Join(checkLimits(t, help), "\n")
	if len(help) != 1 || !strings.HasPrefix(all, "```") || !strings.Contains(all, "  suppliers COUNTRY") {
		t.Errorf("help should be one message keeping its columns in a code block:\n%s", all)
	}
	msgs := Render(bot.Reply{Text: "Sorry, something went wrong on my side. (request 0123456789ab)", IsError: true})
	if got := discordPlain(strings.Join(checkLimits(t, msgs), "")); got != "Sorry, something went wrong on my side. (request 0123456789ab)" {
		t.Errorf("error shown as %q", got)
	}
	if got := Render(bot.Reply{}); len(got) != 1 || got[0].Content == "" {
		t.Errorf("an empty reply should render one placeholder message, got %+v", got)
	}
	long := Render(bot.Reply{Text: strings.Repeat("A sentence of an error. ", 2000), IsError: true})
	checkLimits(t, long)
	if !strings.Contains(long[len(long)-1].Content, cutNote) {
		t.Error("a cut text reply should say so")
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a & b", "a & b"},
		{"<@123>", `\<@123\>`},
		{"hi @everyone and @HERE", "hi @\u200deveryone and @\u200dHERE"},
		{"*_~`|>[]()#\\", `\*\_\~\` + "`" + `\|\>\[\]\(\)\#\\`},
		{"- item\n  + more\na-b", "\\- item\n  \\+ more\na-b"},
		{"see https://example.org/a_(b).", "see `https://example.org/a_(b)`."},
		{"(https://example.org/x)", "\\(`https://example.org/x`\\)"},
		{"tab\tand\nline", "tab\tand\nline"},
		{"bell\x07 nul\x00 \u202eevil", "bell nul evil"},
		{"bad \xff utf8", "bad \ufffd utf8"},
	} {
		if got := escape(tc.in); got != tc.want {
			t.Errorf("escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestEscapeRoundTrip checks that what a user reads of escaped text is the
// text itself, and that nothing in it is live.
func TestEscapeRoundTrip(t *testing.T) {
	for _, in := range []string{
		"<!channel> Quarkstan drone deal <@U123> & [official](https://evil.example/title) @everyone",
		"\\<@123> \\\\[x](https://evil.example/) \\`code\\` ``` ~~ ||",
		"Türkiye’s Bayraktar TB2 → Kazakhstan (2021–2023) [1][2]",
		"mixed عربي עברית 中文 🚁 *x*",
	} {
		out := escape(in)
		plain, links, _ := readMarkdown(out)
		if plain != in || len(links) != 0 || discordForges(out) {
			t.Errorf("escape(%q) = %q reads as %q, links %q", in, out, plain, links)
		}
	}
}

func TestSplitEscapedKeepsEscapesAndCharacters(t *testing.T) {
	s := escape(strings.Repeat("<*>😀 https://example.org/x ", 300))
	for _, max := range []int{8, 9, 10, 11, 100, 4095} {
		pieces := chatkit.Split(s, max, atom)
		if got := strings.Join(pieces, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Errorf("max %d: pieces do not add up to the text", max)
		}
		for _, p := range pieces {
			if (chatkit.TextLen(p) > max && max >= 40) || !utf8.ValidString(p) || strings.HasSuffix(p, "\\") || strings.Count(p, "`")%2 != 0 {
				t.Errorf("max %d: bad piece %q", max, p)
				break
			}
		}
	}
}
