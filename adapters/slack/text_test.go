package slack

import "testing"

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<@UBOT> who supplies Kazakhstan?", "who supplies Kazakhstan?"},
		{"<@UBOT|briefbot>: suppliers Uzbekistan", "suppliers Uzbekistan"},
		{"  <@UBOT>  ", ""},
		{"<@UBOT>", ""},
		{"who supplies <@UBOT> with drones", "who supplies @UBOT with drones"},
		{"ask <@U123|alice> about <#C42|defence>", "ask @alice about #defence"},
		{"<!here> <!channel> <!everyone> <!subteam^S1|@team> <!date^1392734382^{date}|Feb 18>", "@here @channel @everyone @team Feb 18"},
		{"see <https://example.org/a?b=1&amp;c=2|the report> and <mailto:a@b.org>", "see the report and a@b.org"},
		{"Turkey &amp; Uzbekistan &lt;2020&gt;", "Turkey & Uzbekistan <2020>"},
		{"between Turkey Uzbekistan", "between Turkey Uzbekistan"},
	} {
		if got := cleanText(tc.in, "UBOT"); got != tc.want {
			t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCommandText(t *testing.T) {
	for _, tc := range []struct {
		in     string
		text   string
		public bool
	}{
		{"", "help", false},
		{"  public ", "help", true},
		{"suppliers Turkmenistan", "suppliers Turkmenistan", false},
		{"suppliers Turkmenistan public", "suppliers Turkmenistan", true},
		{"suppliers Turkmenistan PUBLIC", "suppliers Turkmenistan", true},
		{"public opinion in Uzbekistan", "public opinion in Uzbekistan", false},
		{"who arms &lt;Kazakhstan&gt;?", "who arms <Kazakhstan>?", false},
	} {
		text, public := commandText(tc.in)
		if text != tc.text || public != tc.public {
			t.Errorf("commandText(%q) = %q, %v; want %q, %v", tc.in, text, public, tc.text, tc.public)
		}
	}
}
