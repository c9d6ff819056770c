package slack

import (
	"encoding/json"
	"fmt"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"strings"
	"testing"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// checkLimits fails t when msgs break a Slack limit or would ping anyone,
// and returns every text of them, in order.
func checkLimits(t *testing.T, msgs []Message) []string {
	t.Helper()
	if len(msgs) == 0 {
		t.Fatal("no messages")
	}
	var all []string
	for i, m := range msgs {
		if len(m.Blocks) == 0 || len(m.Blocks) > MaxBlocks {
			t.Errorf("message %d has %d blocks", i, len(m.Blocks))
		}
		if m.Text == "" || chatkit.TextLen(m.Text) > MaxTextLen || slackPings(m.Text) {
			t.Errorf("message %d fallback text %q", i, m.Text)
		}
		data, err := json.Marshal(m.Blocks)
		if err != nil {
			t.Fatal(err)
		}
		var raw []json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, b := range m.Blocks {
			switch b := b.(type) {
			case *slackgo.HeaderBlock:
				if chatkit.TextLen(b.Text.Text) > maxHeaderLen {
					t.Errorf("header of %d characters", chatkit.TextLen(b.Text.Text))
				}
			case *slackgo.ContextBlock:
				if len(b.ContextElements.Elements) > maxContextElements {
					t.Errorf("context block of %d elements", len(b.ContextElements.Elements))
				}
			}
		}
		for _, s := range texts(raw) {
			total += chatkit.TextLen(s)
			switch {
			case s == "":
				t.Errorf("message %d has an empty text object", i)
			case chatkit.TextLen(s) > MaxTextLen:
				t.Errorf("message %d has a text object of %d characters", i, chatkit.TextLen(s))
			case !utf8.ValidString(s):
				t.Errorf("message %d has invalid UTF-8: %q", i, s)
			case slackPings(s):
				t.Errorf("message %d pings: %q", i, s)
			}
		}
		if total > MaxMessageText {
			t.Errorf("message %d has %d characters of text", i, total)
		}
		all = append(all, texts(raw)...)
	}
	return all
}

func answerReply(a bot.Answer) bot.Reply { return bot.Reply{Answer: &a, RequestID: "0123456789ab"} }

func citation(n int, quote string) bot.Citation {
	return bot.Citation{N: n, ReportID: fmt.Sprintf("r%d", n), Title: fmt.Sprintf("Report %d", n), Source: "Test Wire",
		URL: fmt.Sprintf("https://example.org/r%d", n), Published: "2024-01-02", Quote: quote}
}

func TestRenderLongAnswer(t *testing.T) {
	words := strings.Fields("Kazakhstan received drones from Turkey and China while Uzbekistan ordered helicopters [1]")
	var b strings.Builder
	for i := 0; b.Len() < 20000; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
		if i%400 == 399 {
			b.WriteString("\n") // a few very long lines, one over 3,000 characters
		}
	}
	text := b.String()[:20000]
	msgs := Render(answerReply(bot.Answer{Question: "who supplies Kazakhstan?", Text: text, Citations: []bot.Citation{citation(1, "A quote.")}}))
	all := checkLimits(t, msgs)
	if len(msgs) < 2 {
		t.Errorf("a 20,000-character answer should be split; got %d message(s)", len(msgs))
	}
	// Nothing is lost: the sections hold the answer's words in order.
	got := strings.Join(strings.Fields(strings.Join(all, " ")), " ")
	if want := strings.Join(strings.Fields(text), " "); !strings.Contains(got, want) {
		t.Errorf("the answer text was not kept whole and in order")
	}
	for i, m := range msgs[1:] {
		if !strings.Contains(m.Text, "continued") {
			t.Errorf("message %d fallback %q should say it continues", i+2, m.Text)
		}
	}
}

func TestRenderManyRelations(t *testing.T) {
	var lines []string
	var rels []bot.RelationLine
	var cites []bot.Citation
	for n := 1; n <= 200; n++ {
		lines = append(lines, fmt.Sprintf("- Country %d: Bayraktar TB2 armed drones (delivered 2021, 2022) [%d]", n, n))
		rels = append(rels, bot.RelationLine{Supplier: "Turkey", Recipient: fmt.Sprintf("Country %d", n), System: "Bayraktar TB2",
			Category: "Aircraft", Status: "delivered", Kind: "sale", Years: []int{2021, 2022}, Citations: []int{n}})
		cites = append(cites, citation(n, strings.Repeat("Turkey delivered armed drones to the air force. ", 12)))
	}
	msgs := Render(answerReply(bot.Answer{Question: "who does Turkey supply?", Text: "Turkey supplies 200 countries:\n" + strings.Join(lines, "\n"),
		Relations: rels, Citations: cites}))
	all := strings.Join(checkLimits(t, msgs), "\n")
	for n := 1; n <= 200; n++ {
		if !strings.Contains(all, fmt.Sprintf("Country %d: ", n)) || !strings.Contains(all, fmt.Sprintf("*[%d]* <https://example.org/r%d|Report %d>", n, n, n)) {
			t.Errorf("relation or source %d is missing", n)
		}
	}
	if len(msgs) > 20 {
		t.Errorf("%d messages for 200 relations; want the fewest that fit", len(msgs))
	}
}

func TestRenderHostileText(t *testing.T) {
	hostile := "<!channel> <!here|here> <!everyone> <@U123> <@U123|boss> <#C1|general> <!subteam^S1|@team> @everyone @Here @channel " +
		"[official](https://evil.example/md) <https://evil.example/x|sipri.org> & &amp; &lt;"
	a := bot.Answer{
		Question: hostile,
		Text:     "What the reports say: " + hostile + " [1]\n- " + hostile + " [2]",
		Citations: []bot.Citation{
			{N: 1, Title: hostile, Source: hostile, Published: "2024-01-01", URL: "https://example.org/ok?a=1&b=2", Quote: hostile},
			{N: 2, Title: "Report|with>pipe", Source: "Wire", URL: "https://example.org/a|b>c<d", Quote: "x"},
			{N: 3, Title: "Script", Source: "Wire", URL: "javascript:alert(1)", Quote: "x"},
			{N: 4, Title: "Spoof", Source: "Wire", URL: "https://user:pw@evil.example/", Quote: "x"},
		},
	}
	for _, r := range []bot.Reply{answerReply(a), {Text: hostile, IsError: true}, {Text: "help\n  " + hostile}} {
		msgs := Render(r)
		all := strings.Join(checkLimits(t, msgs), "\n")
		for _, m := range msgs {
			if slackPings(m.Text) {
				t.Errorf("fallback pings: %q", m.Text)
			}
		}
		for _, l := range slackLinks(all) {
			if !strings.HasPrefix(l, "https://example.org/") {
				t.Errorf("link to %q in:\n%s", l, all)
			}
		}
		if plain := slackPlain(all); !strings.Contains(plain, "<!channel>") || !strings.Contains(plain, "[official](https://evil.example/md)") {
			t.Errorf("hostile text should show literally, got:\n%s", plain)
		}
	}
	all := strings.Join(checkLimits(t, Render(answerReply(a))), "\n")
	for _, want := range []string{"<https://example.org/ok?a=1&amp;b=2|", "<https://example.org/a%7Cb%3Ec%3Cd|Report|with&gt;pipe>", "*[3]* Script · Wire", "*[4]* Spoof · Wire"} {
		if !strings.Contains(all, want) {
			t.Errorf("output lacks %q:\n%s", want, all)
		}
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
	help := Render(bot.Reply{Text: bot.Help()})
	all := strings.Join(checkLimits(t, help), "\n")
	if !strings.HasPrefix(all, "```") || !strings.Contains(all, "  suppliers COUNTRY") {
		t.Errorf("help should keep its columns in a code block:\n%s", all)
	}
	msgs := Render(bot.Reply{Text: "Sorry, something went wrong on my side. (request 0123456789ab)", IsError: true})
	if got := strings.Join(checkLimits(t, msgs), "\n"); got != "Sorry, something went wrong on my side. (request 0123456789ab)" {
		t.Errorf("error shown as %q", got)
	}
	if got := Render(bot.Reply{}); len(got) != 1 {
		t.Errorf("an empty reply should render one placeholder message, got %d", len(got))
	}
}

func TestLimitMessages(t *testing.T) {
	var msgs []Message
	for range 8 {
		var m Message
		for range MaxBlocks {
			m.Blocks = append(m.Blocks, slackgo.NewDividerBlock())
		}
		msgs = append(msgs, m)
	}
	got := limitMessages(msgs, 5)
	if len(got) != 5 || len(got[4].Blocks) != MaxBlocks {
		t.Fatalf("got %d messages, the last of %d blocks; want 5 and %d", len(got), len(got[4].Blocks), MaxBlocks)
	}
	if _, ok := got[4].Blocks[MaxBlocks-1].(*slackgo.ContextBlock); !ok {
		t.Error("the last message should end with a note that the answer was cut")
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a & b", "a &amp; b"},
		{"<!channel>", "&lt;!channel&gt;"},
		{"<@U123>", "&lt;@U123&gt;"},
		{"hi @everyone and @HERE", "hi @\u2060everyone and @\u2060HERE"},
		{"tab\tand\nline", "tab\tand\nline"},
		{"bell\x07 nul\x00 \u202eevil", "bell nul evil"},
		{"bad \xff utf8", "bad \ufffd utf8"},
	} {
		if got := escape(tc.in); got != tc.want {
			t.Errorf("escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitEscapedKeepsEntitiesAndCharacters(t *testing.T) {
	s := escape(strings.Repeat("<&>😀", 1000))
	for _, max := range []int{8, 9, 10, 11, 100, 2999} {
		pieces := chatkit.Split(s, max, atom)
		if strings.Join(pieces, "") != s {
			t.Errorf("max %d: pieces do not add up to the text", max)
		}
		for _, p := range pieces {
			if chatkit.TextLen(p) > max || !utf8.ValidString(p) || strings.Count(p, "&") != strings.Count(p, ";") {
				t.Errorf("max %d: bad piece %q", max, p)
				break
			}
		}
	}
}
