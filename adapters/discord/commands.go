package discord

import (
	"sort"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// CommandName is the name of the application command, /brief.
const CommandName = "brief"

// maxChoices is the most autocomplete choices Discord shows.
const maxChoices = 25

// Commands returns the /brief application command as Run registers it,
// built from the bot's command registry (bot.Commands): a one-word command
// is a subcommand ("/brief suppliers country:"), a two-word command a
// subcommand of its group ("/brief digest subscribe options:"). Country
// and region arguments autocomplete. It is the same every time, so
// registering it again changes nothing. Global commands (guild false) also
// say where they may be used: in servers and in direct messages with the
// bot; guild commands cannot.
func Commands(global bool) []*discordgo.ApplicationCommand {
	cmd := &discordgo.ApplicationCommand{
		Type:        discordgo.ChatApplicationCommand,
		Name:        CommandName,
		Description: "Who supplies whom with arms: answers from the reports, with sources",
	}
	groups := map[string]*discordgo.ApplicationCommandOption{}
	for _, g := range bot.CommandGroups() {
		groups[g.Name] = &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommandGroup,
			Name: g.Name, Description: g.Summary}
	}
	for _, c := range bot.Commands() {
		group, name, _ := strings.Cut(c.Name, " ")
		sub := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand,
			Name: name, Description: c.Summary, Options: argOptions(c)}
		if name == "" {
			sub.Name = group
			cmd.Options = append(cmd.Options, sub)
			continue
		}
		g := groups[group]
		if len(g.Options) == 0 {
			cmd.Options = append(cmd.Options, g)
		}
		g.Options = append(g.Options, sub)
	}
	if global {
		cmd.Contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	}
	return []*discordgo.ApplicationCommand{cmd}
}

// argOptions are the options of command c: its arguments, then "private"
// unless its replies are always private.
func argOptions(c bot.Command) []*discordgo.ApplicationCommandOption {
	var opts []*discordgo.ApplicationCommandOption
	for _, a := range c.Args {
		o := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: a.Name,
			Description: a.Help, Required: a.Required, MaxLength: 500}
		switch a.Kind {
		case bot.ArgCountry, bot.ArgRegion:
			o.Autocomplete, o.MaxLength = true, 100
		case bot.ArgText:
			o.MaxLength = 2000
		}
		opts = append(opts, o)
	}
	if !c.Personal {
		opts = append(opts, &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean,
			Name: "private", Description: "Only you see the answer (default: everyone in the channel)"})
	}
	return opts
}

// invocation is what a /brief command asks: the text of a bot command
// ("suppliers Kazakhstan", "digest subscribe daily") or, for /brief ask,
// the question as typed; and whether only the user should see the answer.
type invocation struct {
	text    string
	private bool
}

// helpPrivately is what an incomplete or unknown /brief command runs.
var helpPrivately = invocation{text: bot.HelpCommand, private: true}

// parseCommand reads a /brief command into the text of the bot command
// it names: the command's name, then its arguments in their declared
// order. Country and region options are given their canonical names, which
// the bot recognises however the user typed them ("türkiye" → Turkey). A
// subcommand the registry does not know (an older or newer definition) or
// a required option left blank asks for help. ok is false for another
// application command.
func parseCommand(d discordgo.ApplicationCommandInteractionData) (inv invocation, ok bool) {
	if d.Name != CommandName {
		return invocation{}, false
	}
	c, sub := commandOf(d.Options)
	if c == nil {
		return helpPrivately, true
	}
	words := []string{c.Name}
	for _, a := range c.Args {
		v := ""
		if o := sub.GetOption(a.Name); o != nil {
			v, _ = o.Value.(string)
		}
		v = oneLine(v)
		if a.Kind == bot.ArgCountry || a.Kind == bot.ArgRegion {
			v = countryName(v)
		}
		if v == "" && a.Required {
			return helpPrivately, true
		}
		if v != "" {
			words = append(words, v)
		}
	}
	inv.text = strings.Join(words, " ")
	if c.Name == bot.AskCommand {
		// The question as typed, the same as a message to the bot: "help"
		// or "digest now" there run those commands.
		inv.text = strings.Join(words[1:], " ")
	}
	inv.private = c.Personal
	if o := sub.GetOption("private"); o != nil && !c.Personal {
		inv.private, _ = o.Value.(bool)
	}
	return inv, true
}

// commandOf finds the registry's command a /brief interaction names, and
// the option that holds its arguments; nil when it names none.
func commandOf(opts []*discordgo.ApplicationCommandInteractionDataOption) (*bot.Command, *discordgo.ApplicationCommandInteractionDataOption) {
	if len(opts) == 0 {
		return nil, nil
	}
	sub, name := opts[0], opts[0].Name
	switch sub.Type {
	case discordgo.ApplicationCommandOptionSubCommandGroup:
		if len(sub.Options) == 0 || sub.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand {
			return nil, nil
		}
		sub, name = sub.Options[0], name+" "+sub.Options[0].Name
	case discordgo.ApplicationCommandOptionSubCommand:
	default:
		return nil, nil
	}
	for _, c := range bot.Commands() {
		if c.Name == name {
			return &c, sub
		}
	}
	return nil, nil
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

// focused returns the option the user is typing in an autocomplete
// interaction, and what they typed.
func focused(opts []*discordgo.ApplicationCommandInteractionDataOption) (name, typed string, ok bool) {
	for _, o := range opts {
		if o.Focused {
			s, _ := o.Value.(string)
			return o.Name, s, true
		}
		if name, s, ok := focused(o.Options); ok {
			return name, s, true
		}
	}
	return "", "", false
}

// regionsOnly reports whether the option name of the command d names takes
// a region, so that only regional groups are suggested.
func regionsOnly(d discordgo.ApplicationCommandInteractionData, name string) bool {
	c, _ := commandOf(d.Options)
	if c == nil {
		return false
	}
	for _, a := range c.Args {
		if a.Name == name {
			return a.Kind == bot.ArgRegion
		}
	}
	return false
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
	key   string // folded
	name  string // what the choice shows and means
	rank  int
	group bool // a regional group, not a country
}

func newCompleter(g *gazetteer.Gazetteer) *completer {
	var keys []completion
	add := func(name string, aliases []string, group bool) {
		keys = append(keys, completion{fold(name), name, 0, group})
		for _, a := range aliases {
			keys = append(keys, completion{fold(a), name, 1, group})
		}
		words := strings.Fields(name)
		for i := 1; i < len(words); i++ {
			keys = append(keys, completion{fold(strings.Join(words[i:], " ")), name, 2, group})
		}
	}
	for _, c := range g.Countries() {
		add(c.Name, append([]string{c.Official}, c.Aliases...), false)
	}
	for _, gr := range g.Groups() {
		add(gr.Name, gr.Aliases, true)
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
// first, each once; only regional groups when groups is true.
func (c *completer) Complete(typed string, max int, groups bool) []string {
	p := fold(oneLine(typed))
	seen := map[string]bool{}
	var out []string
	for _, k := range c.keys {
		if len(out) == max {
			break
		}
		if !seen[k.name] && (k.group || !groups) && strings.HasPrefix(k.key, p) {
			seen[k.name] = true
			out = append(out, k.name)
		}
	}
	return out
}

// choices are the autocomplete choices for typed; only regional groups
// when groups is true.
func (c *completer) choices(typed string, groups bool) []*discordgo.ApplicationCommandOptionChoice {
	out := []*discordgo.ApplicationCommandOptionChoice{}
	for _, name := range c.Complete(typed, maxChoices, groups) {
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
