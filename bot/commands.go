package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// ArgKind is what an argument of a command holds. Platforms with
// structured command menus (Discord's /brief) use it to build options and
// suggest values; text platforms pass the words as typed.
type ArgKind int

const (
	ArgText     ArgKind = iota // free text: a question
	ArgCountry                 // a country, or a regional group that stands for its members
	ArgRegion                  // a regional group ("Central Asia")
	ArgURL                     // one http or https address
	ArgSchedule                // digest options: schedule, time, time zone, countries, categories
)

// String names the kind: "text", "country", "region", "url", "schedule".
func (k ArgKind) String() string {
	switch k {
	case ArgCountry:
		return "country"
	case ArgRegion:
		return "region"
	case ArgURL:
		return "url"
	case ArgSchedule:
		return "schedule"
	}
	return "text"
}

// Arg is one argument of a command.
type Arg struct {
	Name     string // one lower-case word: "country", "supplier"
	Kind     ArgKind
	Help     string // what to give, in at most 100 characters
	Required bool
}

// Command is one thing the bot does on request, declared once in this
// file: the Router dispatches text to it, Help lists it, and platforms with
// their own command menus build them from it (Commands).
type Command struct {
	// Name is the words that call it, lower case: "suppliers", "digest
	// subscribe". A two-word name puts the command in the group of its
	// first word (see CommandGroups).
	Name    string
	Aliases []string // other words that call it: "?", "sources rm"
	Args    []Arg    // in the order they are typed
	Summary string   // what it does, in at most 100 characters
	Example string   // a message that runs it: "suppliers Kazakhstan"
	Access  Role     // the role that may run it: Member (anyone) or Admin
	// Personal marks replies meant for the asker alone (help, the
	// sources list): a platform that can answer one user privately does.
	Personal bool

	adminAction string                       // what a non-admin is told they may not do: "add feeds"
	needs       func(*Router, Message) error // nil, or an *Error when the command cannot run here at all
	run         handler                      // what it does
}

// handler runs a command; it returns an Answer, or plain text.
type handler func(r *Router, ctx context.Context, c call) (*Answer, string, error)

// call is one command being run: the message, and the words after the
// command's name.
type call struct {
	m    Message
	args string
}

// CommandGroup is the first word shared by two-word commands ("digest",
// "sources").
type CommandGroup struct {
	Name    string
	Summary string // at most 100 characters
	// wordOfQuestions: the group's word also opens questions ("chart
	// Turkey's arms exports since 2015"), so it followed by no command of
	// the group is a question, not a mistake.
	wordOfQuestions bool
}

// commands is the registry, in the order Help lists it. It is filled in
// init, because its handlers refer back to it (help).
var commands []Command

// commandGroups are the groups of two-word commands.
var commandGroups = []CommandGroup{
	{Name: "digest", Summary: "Digests of what came in: preview, or (admins) subscribe this channel"},
	{Name: "sources", Summary: "What I read: the index and the feeds I poll"},
	{Name: "chart", Summary: "Charts of deliveries per year: a country's suppliers, or where its exports go", wordOfQuestions: true},
}

// Names of the commands other code refers to.
const (
	// AskCommand is the command every message that names no other command
	// goes to: a question in plain words.
	AskCommand = "ask"
	// HelpCommand tells how to ask; platforms append their own notes to
	// its reply and run it for an empty or incomplete command.
	HelpCommand = "help"
)

func init() {
	country := func(name, help string) Arg { return Arg{Name: name, Kind: ArgCountry, Help: help, Required: true} }
	feedURL := Arg{Name: "url", Kind: ArgURL, Help: "The feed's address: https://…", Required: true}
	chartYears := Arg{Name: "years", Kind: ArgText, Help: "Optional: since 2010, 2015-2020, until 2015 (default: every year on record)"}
	commands = []Command{
		{Name: AskCommand, Summary: "Ask a question in plain words", Example: "ask who supplies Kazakhstan with drones?",
			Args: []Arg{{Name: "question", Kind: ArgText, Help: "For example: who supplies Kazakhstan with drones?", Required: true}},
			run:  (*Router).question},
		{Name: HelpCommand, Aliases: []string{"/help", "?"}, Summary: "How to ask, and these commands", Example: "help",
			Personal: true, run: func(*Router, context.Context, call) (*Answer, string, error) { return nil, Help(), nil }},
		{Name: "suppliers", Summary: "Who supplies a country with arms", Example: "suppliers Kazakhstan",
			Args: []Arg{country("country", "The recipient country")}, run: (*Router).supply},
		{Name: "recipients", Summary: "Whom a country supplies with arms", Example: "recipients Turkey",
			Args: []Arg{country("country", "The supplier country")}, run: (*Router).supply},
		{Name: "between", Summary: "Transfers from one country to another", Example: "between Turkey Uzbekistan",
			Args: []Arg{country("supplier", "The supplier country"), country("recipient", "The recipient country")}, run: (*Router).supply},
		{Name: "chart suppliers", Summary: "Chart a country's suppliers by year",
			Example: "chart suppliers Kazakhstan since 2010",
			Args:    []Arg{country("country", "The recipient country or region"), chartYears}, run: chartBy(ChartSuppliers)},
		{Name: "chart recipients", Summary: "Chart where a country's arms go, by year",
			Example: "chart recipients Turkey",
			Args:    []Arg{country("country", "The supplier country or region"), chartYears}, run: chartBy(ChartRecipients)},
		{Name: "digest now", Aliases: []string{"digest preview"}, Summary: "Preview the digest of the last 7 days",
			Example: "digest now countries Kazakhstan",
			Args:    []Arg{{Name: "filters", Kind: ArgSchedule, Help: "countries …, categories …, chart"}}, needs: (*Router).digestsHere, run: (*Router).digestNow},
		{Name: "digest list", Summary: "This channel's digest subscription", Example: "digest list", needs: (*Router).subscriptionsHere, run: (*Router).digestList},
		{Name: "digest subscribe", Summary: "Subscribe this channel to digests", Example: "digest subscribe weekly at 09:00",
			Args:   []Arg{{Name: "options", Kind: ArgSchedule, Help: `weekly|daily|"CRON", at HH:MM, tz Area/City, countries …, categories …, quiet, chart`}},
			Access: Admin, adminAction: "subscribe a channel to digests", needs: (*Router).subscriptionsHere, run: (*Router).digestSubscribe},
		{Name: "digest unsubscribe", Summary: "Stop this channel's digests", Example: "digest unsubscribe",
			Access: Admin, adminAction: "unsubscribe a channel from digests", needs: (*Router).subscriptionsHere, run: (*Router).digestUnsubscribe},
		{Name: "sources list", Aliases: []string{"sources", "/sources"}, Summary: "What my index holds and the feeds I poll",
			Example: "sources", Personal: true, run: (*Router).sourcesList},
		{Name: "sources add", Summary: "Poll an RSS or Atom feed", Example: "sources add https://example.org/feed.xml",
			Args: []Arg{feedURL}, Access: Admin, adminAction: "add feeds", needs: (*Router).feedsHere, run: (*Router).sourcesAdd},
		{Name: "sources remove", Aliases: []string{"sources rm", "sources delete"}, Summary: "Stop polling a feed",
			Example: "sources remove https://example.org/feed.xml",
			Args:    []Arg{feedURL}, Access: Admin, adminAction: "remove feeds", needs: (*Router).feedsHere, run: (*Router).sourcesRemove},
		{Name: "reindex", Summary: "Fetch every feed now", Example: "reindex",
			Access: Admin, adminAction: "reindex", needs: (*Router).reindexHere, run: (*Router).reindex},
	}
}

// Commands returns every command the Router runs, in the order Help lists
// them. Every platform must offer all of them (adapters/adaptertest checks).
func Commands() []Command { return slices.Clone(commands) }

// CommandGroups returns the groups of two-word commands.
func CommandGroups() []CommandGroup { return slices.Clone(commandGroups) }

// Usage is how the command is typed: "between SUPPLIER RECIPIENT",
// "digest subscribe [OPTIONS]".
func (c Command) Usage() string {
	words := []string{c.Name}
	for _, a := range c.Args {
		w := strings.ToUpper(a.Name)
		if !a.Required {
			w = "[" + w + "]"
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// Help describes what the bot understands: the reply to "help", made from
// the command registry.
func Help() string {
	var b strings.Builder
	b.WriteString(`I answer questions about arms transfers from the reports in my index, and cite every claim.

Ask in plain words, for example:
  who supplies Kazakhstan with drones?
  what has Turkey sold to Uzbekistan?
  air defence Kyrgyzstan

Commands:`)
	width := 0
	for _, c := range commands {
		width = max(width, len(c.Usage()))
	}
	for _, c := range commands {
		line := c.Summary
		if c.Access == Admin {
			line = "(admins) " + line
		}
		fmt.Fprintf(&b, "\n  %-*s  %s", width, c.Usage(), line)
		for _, a := range c.Args {
			if a.Kind == ArgSchedule {
				fmt.Fprintf(&b, "\n  %-*s    %s: %s", width, "", strings.ToUpper(a.Name), a.Help)
			}
		}
	}
	b.WriteString("\n\nEvery answer lists its sources as [n]: report title, source, date and link.")
	return b.String()
}

// lookup finds the command text calls and the words after its name: the
// longest name or alias its first words spell, ignoring case. A command
// that takes no arguments matches only when nothing follows it. ok is
// false when text names no command; group is then the command group its
// first word names, if any.
func lookup(text string) (cmd *Command, args string, group *CommandGroup, ok bool) {
	words := strings.Fields(text)
	best := 0
	for i := range commands {
		c := &commands[i]
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			n := len(strings.Fields(name))
			if n <= best || n > len(words) || !strings.EqualFold(strings.Join(words[:n], " "), name) {
				continue
			}
			if len(c.Args) == 0 && n < len(words) {
				continue
			}
			cmd, best = c, n
		}
	}
	if cmd != nil {
		return cmd, strings.Join(words[best:], " "), nil, true
	}
	if len(words) > 0 {
		for i := range commandGroups {
			if strings.EqualFold(words[0], commandGroups[i].Name) {
				return nil, "", &commandGroups[i], false
			}
		}
	}
	return nil, "", nil, false
}

// commandNamed returns the command called name.
func commandNamed(name string) *Command {
	for i := range commands {
		if commands[i].Name == name {
			return &commands[i]
		}
	}
	return nil
}

// groupHelp is the error for a group word followed by no command of it:
// "Try `digest now` (…), … ".
func groupHelp(g *CommandGroup) error {
	var tries []string
	for _, c := range commands {
		if strings.HasPrefix(c.Name, g.Name+" ") {
			t := "`" + c.Usage() + "`"
			if c.Access == Admin {
				t += " (admins)"
			}
			tries = append(tries, t)
		}
	}
	return Errorf(EInvalid, "Try %s.", strings.Join(tries, ", "))
}

// missingArg is the error for a command typed without an argument it needs.
func missingArg(c *Command, a Arg) error {
	need := map[ArgKind]string{ArgCountry: "Name a country", ArgRegion: "Name a region", ArgURL: "Give one feed URL",
		ArgText: "Ask a question", ArgSchedule: "Give the options"}[a.Kind]
	return Errorf(EInvalid, "%s, for example: %s", need, c.Example)
}

// checkArgs returns an error when a required argument is missing or a URL
// argument is not one address, and the URL cleaned of Slack's <…|…>.
func checkArgs(c *Command, args string) (string, error) {
	for _, a := range c.Args {
		if a.Required && strings.TrimSpace(args) == "" {
			return "", missingArg(c, a)
		}
		if a.Kind == ArgURL {
			args = strings.Trim(strings.TrimSpace(args), "<>") // Slack wraps links in <…>
			if i := strings.IndexByte(args, '|'); i >= 0 {
				args = args[:i] // <url|label>
			}
			if args == "" || strings.ContainsAny(args, " \t") {
				return "", missingArg(c, a)
			}
		}
	}
	return args, nil
}

// question answers a question in plain words: the words after "ask", or
// a whole message that names no command.
func (r *Router) question(ctx context.Context, c call) (*Answer, string, error) {
	a, err := r.bot.Ask(ctx, c.args, c.m.Filter)
	return a, "", err
}

// supply answers "suppliers X", "recipients X" and "between X Y": the Bot
// reads the command word itself.
func (r *Router) supply(ctx context.Context, c call) (*Answer, string, error) {
	a, err := r.bot.Ask(ctx, strings.TrimSpace(c.m.Text), c.m.Filter)
	return a, "", err
}
