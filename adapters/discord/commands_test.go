package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// TestRegisterCommands starts the adapter twice: both times it overwrites
// the commands with the same JSON, per guild when a guild is set, globally
// otherwise, for the application READY names.
func TestRegisterCommands(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, guild, path string
		contexts          bool
	}{
		{"global", "", "PUT " + apiPath + "applications/" + appID + "/commands", true},
		{"guild", guildID, "PUT " + apiPath + "applications/" + appID + "/guilds/" + guildID + "/commands", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeDiscord(t)
			var bodies [][]byte
			for range 2 {
				n := f.callCount()
				t.Run("start", func(t *testing.T) { startAdapter(t, f, Options{GuildID: tc.guild}, mustRouter(t)) })
				calls := f.callsSince(n, "PUT ")
				if len(calls) != 1 || calls[0].Method+" "+calls[0].Path != tc.path || calls[0].Auth != "Bot "+botToken {
					t.Fatalf("registration calls %+v, want one %s with the bot token", calls, tc.path)
				}
				bodies = append(bodies, calls[0].Body)
			}
			if !bytes.Equal(bodies[0], bodies[1]) {
				t.Errorf("registered differently the second time:\n%s\n%s", bodies[0], bodies[1])
			}
			type option struct {
				Name         string   `json:"name"`
				Type         int      `json:"type"`
				Required     bool     `json:"required"`
				Autocomplete bool     `json:"autocomplete"`
				Options      []option `json:"options"`
			}
			var cmds []struct {
				Name     string   `json:"name"`
				Contexts []int    `json:"contexts"`
				Options  []option `json:"options"`
			}
			if err := json.Unmarshal(bodies[0], &cmds); err != nil || len(cmds) != 1 || cmds[0].Name != "brief" {
				t.Fatalf("registered %s: %v", bodies[0], err)
			}
			var subs []string
			check := func(path string, s option) {
				subs = append(subs, path)
				for _, o := range s.Options {
					country := o.Name == "country" || o.Name == "supplier" || o.Name == "recipient"
					if s.Type != 1 || o.Autocomplete != country || (country && !o.Required) {
						t.Errorf("/brief %s %s: %+v", path, o.Name, o)
					}
				}
			}
			for _, s := range cmds[0].Options {
				if s.Type == 2 { // a group
					for _, g := range s.Options {
						check(s.Name+" "+g.Name, g)
					}
					continue
				}
				check(s.Name, s)
			}
			want := "ask help suppliers recipients between chart suppliers chart recipients digest now digest list digest subscribe digest unsubscribe sources list sources add sources remove reindex"
			if got := strings.Join(subs, " "); got != want {
				t.Errorf("subcommands %s, want %s", got, want)
			}
			if got := len(cmds[0].Contexts) == 2; got != tc.contexts {
				t.Errorf("contexts %v; want them only for a global command", cmds[0].Contexts)
			}
		})
	}
}

func TestParseCommand(t *testing.T) {
	opt := func(name string, v any) *discordgo.ApplicationCommandInteractionDataOption {
		typ := discordgo.ApplicationCommandOptionString
		if _, ok := v.(bool); ok {
			typ = discordgo.ApplicationCommandOptionBoolean
		}
		return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: typ, Value: v}
	}
	sub := func(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) discordgo.ApplicationCommandInteractionData {
		return discordgo.ApplicationCommandInteractionData{Name: CommandName, Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}}}
	}
	group := func(name, subName string, opts ...*discordgo.ApplicationCommandInteractionDataOption) discordgo.ApplicationCommandInteractionData {
		d := sub(subName, opts...)
		d.Options = []*discordgo.ApplicationCommandInteractionDataOption{{Name: name, Type: discordgo.ApplicationCommandOptionSubCommandGroup, Options: d.Options}}
		return d
	}
	for _, tc := range []struct {
		name    string
		data    discordgo.ApplicationCommandInteractionData
		text    string
		private bool
		ok      bool
	}{
		{"ask", sub("ask", opt("question", "  who supplies\nKazakhstan with drones? ")), "who supplies Kazakhstan with drones?", false, true},
		{"ask privately", sub("ask", opt("question", "drones"), opt("private", true)), "drones", true, true},
		{"ask nothing", sub("ask", opt("question", " ")), "help", true, true},
		{"suppliers by alias", sub("suppliers", opt("country", "türkiye")), "suppliers Turkey", false, true},
		{"recipients by demonym", sub("recipients", opt("country", "kazakh")), "recipients Kazakhstan", false, true},
		{"between", sub("between", opt("supplier", "US"), opt("recipient", "uzbekistan")), "between United States Uzbekistan", false, true},
		{"a group", sub("suppliers", opt("country", "central asia")), "suppliers Central Asia", false, true},
		{"unknown country", sub("suppliers", opt("country", "Quarkstan")), "suppliers Quarkstan", false, true},
		{"sources", group("sources", "list"), "sources list", true, true},
		{"sources list cannot be public", group("sources", "list", opt("private", false)), "sources list", true, true},
		{"sources add", group("sources", "add", opt("url", " https://example.org/feed.xml ")), "sources add https://example.org/feed.xml", false, true},
		{"help", sub("help"), "help", true, true},
		{"digest subscribe", group("digest", "subscribe", opt("options", "daily at 07:30\ncountries Kazakhstan")), "digest subscribe daily at 07:30 countries Kazakhstan", false, true},
		{"digest now privately", group("digest", "now", opt("private", true)), "digest now", true, true},
		{"reindex", sub("reindex"), "reindex", false, true},
		{"an older subcommand", sub("digest", opt("action", "now")), "help", true, true},
		{"an unknown group", group("charts", "draw"), "help", true, true},
		{"no subcommand", discordgo.ApplicationCommandInteractionData{Name: CommandName}, "help", true, true},
		{"wrong option type", sub("suppliers", &discordgo.ApplicationCommandInteractionDataOption{Name: "country", Value: 42.0}), "help", true, true},
		{"another command", discordgo.ApplicationCommandInteractionData{Name: "weather"}, "", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inv, ok := parseCommand(tc.data)
			if inv.text != tc.text || inv.private != tc.private || ok != tc.ok {
				t.Errorf("got %+v %v, want %q private %v ok %v", inv, ok, tc.text, tc.private, tc.ok)
			}
		})
	}
}

func TestComplete(t *testing.T) {
	c := a().complete
	for _, tc := range []struct {
		typed string
		want  []string // among the choices, in this order
		none  bool
	}{
		{"Kaz", []string{"Kazakhstan"}, false},
		{"kaz", []string{"Kazakhstan"}, false},
		{"  KAZAKH ", []string{"Kazakhstan"}, false},
		{"Қазақ", []string{"Kazakhstan"}, false},
		{"türk", []string{"Turkey", "Turkmenistan"}, false},
		{"turkiye", []string{"Turkey"}, false},
		{"Korea", []string{"South Korea", "North Korea"}, false},
		{"Central", []string{"Central African Republic", "Central Asia"}, false},
		{"zzzz", nil, true},
	} {
		got := c.Complete(tc.typed, maxChoices, false)
		if tc.none != (len(got) == 0) || len(got) > maxChoices {
			t.Errorf("Complete(%q) = %q", tc.typed, got)
			continue
		}
		at := -1
		for _, w := range tc.want {
			i := indexOf(got, w)
			if i <= at {
				t.Errorf("Complete(%q) = %q; want %q in this order", tc.typed, got, tc.want)
				break
			}
			at = i
		}
	}
	if got := c.Complete("", maxChoices, false); len(got) != maxChoices {
		t.Errorf("nothing typed: %d choices, want %d", len(got), maxChoices)
	}
	if got := c.Complete("Central", maxChoices, true); len(got) == 0 || indexOf(got, "Central African Republic") >= 0 {
		t.Errorf("regions only: %q", got)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// a returns an adapter that is never run, for its parts.
func a() *Adapter {
	ad, err := New(Options{BotToken: botToken, Logger: discardLogger()})
	if err != nil {
		panic(err)
	}
	return ad
}

// TestEveryCommandThroughBrief fills in every /brief subcommand the way a
// user would and checks that the Router runs the bot command it stands for.
func TestEveryCommandThroughBrief(t *testing.T) {
	values := map[bot.ArgKind]string{bot.ArgText: "who supplies Kazakhstan?", bot.ArgCountry: "kazakh",
		bot.ArgRegion: "central asia", bot.ArgURL: "https://example.org/feed.xml", bot.ArgSchedule: "daily"}
	router := mustRouter(t)
	for _, c := range bot.Commands() {
		var opts []*discordgo.ApplicationCommandInteractionDataOption
		for _, a := range c.Args {
			opts = append(opts, &discordgo.ApplicationCommandInteractionDataOption{Name: a.Name,
				Type: discordgo.ApplicationCommandOptionString, Value: values[a.Kind]})
		}
		sub := &discordgo.ApplicationCommandInteractionDataOption{Name: c.Name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
		if group, name, ok := strings.Cut(c.Name, " "); ok {
			sub.Name = name
			sub = &discordgo.ApplicationCommandInteractionDataOption{Name: group, Type: discordgo.ApplicationCommandOptionSubCommandGroup,
				Options: []*discordgo.ApplicationCommandInteractionDataOption{sub}}
		}
		inv, ok := parseCommand(discordgo.ApplicationCommandInteractionData{Name: CommandName,
			Options: []*discordgo.ApplicationCommandInteractionDataOption{sub}})
		if !ok {
			t.Fatalf("/brief %s not parsed", c.Name)
		}
		got := router.Handle(context.Background(), bot.Message{Text: inv.text, Platform: bot.Discord, Channel: "1", User: "2"})
		if got.Command != c.Name {
			t.Errorf("/brief %s became %q, which ran %q", c.Name, inv.text, got.Command)
		}
	}
}
