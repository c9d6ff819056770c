package discord

import (
	"sort"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/briefbot/briefbot/bot/gazetteer"
)

// CommandName is the name of the application command, /brief.
const CommandName = "brief"

// maxChoices is the most autocomplete choices Discord shows.
const maxChoices = 25

// Commands returns the /brief application command as Run registers it. It
// is the same every time, so registering it again changes nothing. Global
// commands (guild false) also say where they may be used: in servers and
// in direct messages with the bot; guild commands cannot.
func Commands(global bool) []*discordgo.ApplicationCommand {
	country := func(name, desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name,
			Description: desc, Required: true, Autocomplete: true, MaxLength: 100}
	}
	private := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private",
		Description: "Only you see the answer (default: everyone in the channel)"}
	sub := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name,
			Description: desc, Options: opts}
	}
	cmd := &discordgo.ApplicationCommand{
		Type:        discordgo.ChatApplicationCommand,
		Name:        CommandName,
		Description: "Who supplies whom with arms: answers from the reports, with sources",
		Options: []*discordgo.ApplicationCommandOption{
			sub("ask", "Ask a question in plain words",
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "question",
					Description: "For example: who supplies Kazakhstan with drones?", Required: true, MaxLength: 2000},
				private),
			sub("suppliers", "Who supplies a country with arms", country("country", "The recipient country"), private),
			sub("recipients", "Whom a country supplies with arms", country("country", "The supplier country"), private),
			sub("between", "Transfers from one country to another",
				country("supplier", "The supplier country"), country("recipient", "The recipient country"), private),
			sub("digest", "Digests of what came in: preview, or (admins) subscribe this channel",
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "action",
					Description: "What to do", Required: true, Choices: []*discordgo.ApplicationCommandOptionChoice{
						{Name: "now: preview the last 7 days", Value: "now"},
						{Name: "list: this channel's subscription", Value: "list"},
						{Name: "subscribe this channel (admins)", Value: "subscribe"},
						{Name: "unsubscribe this channel (admins)", Value: "unsubscribe"},
					}},
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "options",
					Description: "weekly|daily|\"CRON\", at HH:MM, tz Area/City, countries …, categories …, quiet", MaxLength: 500},
				private),
			sub("sources", "What the index holds"),
			sub("help", "How to ask"),
		},
	}
	if global {
		cmd.Contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	}
	return []*discordgo.ApplicationCommand{cmd}
}

// invocation is what a /brief command asks: text in the Router's forms
// ("suppliers Kazakhstan", "between Turkey Uzbekistan", a question, "help",
// "sources"), and whether only the user should see the answer.
type invocation struct {
	text    string
	private bool
}

// parseCommand reads a /brief command. ok is false for another command.
// Country options are given their canonical names, which the bot
// recognises however the user typed them ("türkiye" → Turkey).
func parseCommand(d discordgo.ApplicationCommandInteractionData) (inv invocation, ok bool) {
	if d.Name != CommandName {
		return invocation{}, false
	}
	if len(d.Options) == 0 || d.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand {
		return invocation{text: "help", private: true}, true
	}
	sub := d.Options[0]
	str := func(name string) string {
		if o := sub.GetOption(name); o != nil {
			if s, ok := o.Value.(string); ok {
				return strings.TrimSpace(s)
			}
		}
		return ""
	}
	if o := sub.GetOption("private"); o != nil {
		inv.private, _ = o.Value.(bool)
	}
	switch sub.Name {
	case "ask":
		inv.text = oneLine(str("question"))
		if inv.text == "" {
			inv.text, inv.private = "help", true
		}
	case "suppliers", "recipients":
		inv.text = strings.TrimSpace(sub.Name + " " + countryName(str("country")))
	case "between":
		inv.text = strings.TrimSpace("between " + countryName(str("supplier")) + " " + countryName(str("recipient")))
	case "digest":
		inv.text = strings.TrimSpace("digest " + str("action") + " " + oneLine(str("options")))
	case "sources":
		inv.text, inv.private = "sources", true
	default: // help, and subcommands of a newer definition
		inv.text, inv.private = "help", true
	}
	return inv, true
}

// countryName returns the canonical name of the country or regional group
// s names, or s on one line when it names none.
func countryName(s string) string {
	s = oneLine(s)
	g := gazetteer.Default()
	if c, ok := g.Lookup(s); ok {
		return c.Name
	}
	if gr, ok := g.Group(s); ok {
		return gr.Name
	}
	return s
}

// focused returns the value the user is typing in an autocomplete
// interaction.
func focused(opts []*discordgo.ApplicationCommandInteractionDataOption) (string, bool) {
	for _, o := range opts {
		if o.Focused {
			s, _ := o.Value.(string)
			return s, true
		}
		if s, ok := focused(o.Options); ok {
			return s, true
		}
	}
	return "", false
}

// completer suggests countries and regional groups for what a user has
// typed: first those whose name starts with it, then those with an alias
// that does ("Türk", "Kazakh", "Астана"), then those with a later word of
// the name that does ("Korea" for South Korea). It is safe for concurrent
// use.
type completer struct {
	keys []completion // sorted by rank, then name
}

type completion struct {
	key  string // folded
	name string // what the choice shows and means
	rank int
}

func newCompleter(g *gazetteer.Gazetteer) *completer {
	var keys []completion
	add := func(name string, aliases []string) {
		keys = append(keys, completion{fold(name), name, 0})
		for _, a := range aliases {
			keys = append(keys, completion{fold(a), name, 1})
		}
		words := strings.Fields(name)
		for i := 1; i < len(words); i++ {
			keys = append(keys, completion{fold(strings.Join(words[i:], " ")), name, 2})
		}
	}
	for _, c := range g.Countries() {
		add(c.Name, append([]string{c.Official}, c.Aliases...))
	}
	for _, gr := range g.Groups() {
		add(gr.Name, gr.Aliases)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		if keys[i].rank != keys[j].rank {
			return keys[i].rank < keys[j].rank
		}
		return keys[i].name < keys[j].name
	})
	return &completer{keys: keys}
}

// Complete returns at most max names matching what the user typed, best
// first, each once.
func (c *completer) Complete(typed string, max int) []string {
	p := fold(oneLine(typed))
	seen := map[string]bool{}
	var out []string
	for _, k := range c.keys {
		if len(out) == max {
			break
		}
		if !seen[k.name] && strings.HasPrefix(k.key, p) {
			seen[k.name] = true
			out = append(out, k.name)
		}
	}
	return out
}

// choices are the autocomplete choices for typed.
func (c *completer) choices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	out := []*discordgo.ApplicationCommandOptionChoice{}
	for _, name := range c.Complete(typed, maxChoices) {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: name})
	}
	return out
}

// fold lower-cases s and drops its diacritics, so that "turk" matches
// "Türkiye".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if f, _, err := transform.String(t, s); err == nil {
		s = f
	}
	return strings.ToLower(s)
}
