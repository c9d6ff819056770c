package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/adapters/discord"
	"github.com/briefbot/briefbot/adapters/slack"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/state"
)

// cmdServe runs briefbot as a chat bot until ctx is done (see Server): on
// SIGINT or SIGTERM it stops taking new requests, lets the answers under
// way finish, and returns nil.
func cmdServe(ctx context.Context, args []string, e env) error {
	cfg, err := serveConfig(args, e)
	if err != nil {
		return err
	}
	s, err := NewServer(ctx, cfg, e)
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Fprintf(e.stderr, "briefbot serve: listening on http://%s; chat: %s\n", s.Addr(), strings.Join(s.Chats(), ", "))
	if err := s.Run(ctx); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "briefbot serve: stopped")
	return nil
}

// serveConfig reads serve's flags and configuration; the listen address
// is --listen, else $BRIEFBOT_LISTEN, else the config's.
func serveConfig(args []string, e env) (Config, error) {
	fs := newFlagSet("serve", e)
	var c common
	c.register(fs)
	c.registerDatabase(fs)
	listen := fs.String("listen", "", "address of the HTTP server (default $BRIEFBOT_LISTEN, else the config's listen, else 127.0.0.1:8080)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), serveUsage)
		fs.PrintDefaults()
	}
	if err := parseNoArgs(fs, args); err != nil {
		return Config{}, err
	}
	cfg, err := c.load(e)
	if err != nil {
		return Config{}, err
	}
	switch {
	case *listen != "":
		cfg.Listen = *listen
	case e.getenv("BRIEFBOT_LISTEN") != "":
		cfg.Listen = e.getenv("BRIEFBOT_LISTEN")
	}
	if err := checkListen(cfg.Listen); err != nil {
		return Config{}, usageError{"--listen: " + err.Error()}
	}
	return cfg, nil
}

const serveUsage = `Usage: briefbot serve [--config FILE] [--data DIR] [--listen ADDR] [--database URL]

Runs the chat adapters, scheduled digests and an HTTP server (/slack/events,
/slack/commands, /discord/interactions, /healthz: the process is up,
/readyz: the index answers, every adapter is connected and the digests'
start-up checks are done, /metrics: Prometheus metrics). Slack is
configured from the environment:
  SLACK_BOT_TOKEN + SLACK_APP_TOKEN         Socket Mode (no public URL needed)
  SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET    Events API at /slack/events and /slack/commands
  SLACK_API_URL                             another Web API base URL
and so is Discord:
  DISCORD_BOT_TOKEN                         gateway: mentions, direct messages, /brief
  DISCORD_PUBLIC_KEY                        interactions over HTTP at /discord/interactions
  DISCORD_APPLICATION_ID                    needed for HTTP interactions without a bot token
  DISCORD_GUILD_ID                          register /brief in this server only (at once)
  DISCORD_API_URL                           another REST base URL
Both can run at once. Without either it chats on the terminal.
With --database (or BRIEFBOT_DATABASE_URL) the state lives in PostgreSQL
and several replicas can run on one database, each with its own data folder.
`

// slackOptions reads the Slack adapter's settings from the environment.
// It reports false when Slack is off: by config, or in auto mode when no
// Slack variable is set. Some variables without the others are an error.
func slackOptions(cfg SlackConfig, getenv func(string) string) (slack.Options, bool, error) {
	botToken, appToken, secret := getenv("SLACK_BOT_TOKEN"), getenv("SLACK_APP_TOKEN"), getenv("SLACK_SIGNING_SECRET")
	mode := cfg.Mode
	if mode == "auto" {
		switch {
		case botToken != "" && appToken != "":
			mode = "socket"
		case botToken != "" && secret != "":
			mode = "events"
		case botToken != "" || appToken != "" || secret != "":
			return slack.Options{}, false, errors.New("slack: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or with SLACK_SIGNING_SECRET (Events API)")
		default:
			mode = "off"
		}
	}
	opts := slack.Options{BotToken: botToken, APIURL: getenv("SLACK_API_URL"), ThreadMemory: cfg.ThreadMemory,
		MaxRetries: cfg.MaxRetries, NoRetries: cfg.MaxRetries == 0}
	switch mode {
	case "off":
		return slack.Options{}, false, nil
	case "socket":
		if botToken == "" || appToken == "" {
			return opts, false, errors.New("slack.mode socket needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN")
		}
		opts.AppToken = appToken
		opts.SigningSecret = secret // also serves /slack/* over HTTP when set
	case "events":
		if botToken == "" || secret == "" {
			return opts, false, errors.New("slack.mode events needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET")
		}
		opts.SigningSecret = secret
	}
	return opts, true, nil
}

// discordOptions reads the Discord adapter's settings from the
// environment. It reports false when Discord is off: by config, or in auto
// mode when no Discord variable is set. Variables that do not make a
// working setup are an error that names what is missing.
func discordOptions(cfg DiscordConfig, getenv func(string) string) (discord.Options, bool, error) {
	token, key, app := getenv("DISCORD_BOT_TOKEN"), getenv("DISCORD_PUBLIC_KEY"), getenv("DISCORD_APPLICATION_ID")
	opts := discord.Options{BotToken: token, PublicKey: key, ApplicationID: app, GuildID: getenv("DISCORD_GUILD_ID"),
		APIURL: getenv("DISCORD_API_URL"), MessageContent: cfg.MessageContent,
		MaxRetries: cfg.MaxRetries, NoRetries: cfg.MaxRetries == 0}
	mode := cfg.Mode
	if mode == "auto" {
		switch {
		case token != "":
			mode = "gateway"
		case key != "" && app != "":
			mode = "http"
		case key != "":
			return discord.Options{}, false, errors.New("discord: DISCORD_PUBLIC_KEY needs DISCORD_APPLICATION_ID (or DISCORD_BOT_TOKEN for the gateway)")
		case app != "" || opts.GuildID != "":
			return discord.Options{}, false, errors.New("discord: set DISCORD_BOT_TOKEN (gateway) or DISCORD_PUBLIC_KEY with DISCORD_APPLICATION_ID (HTTP interactions)")
		default:
			mode = "off"
		}
	}
	switch mode {
	case "off":
		return discord.Options{}, false, nil
	case "gateway":
		if token == "" {
			return opts, false, errors.New("discord.mode gateway needs DISCORD_BOT_TOKEN")
		}
	case "http":
		if key == "" || app == "" {
			return opts, false, errors.New("discord.mode http needs DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID")
		}
		opts.NoGateway = true // a token, if set, only registers /brief
	}
	return opts, true, nil
}

// sourcesText answers "sources" with what the index holds.
func sourcesText(x *index.Index) func(context.Context) (string, error) {
	return func(context.Context) (string, error) {
		c, err := x.Counts()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("My index holds %d reports: %d passages I can quote and %d supply relations between countries. "+
			"Every answer cites the report and the sentence it came from.", c.Reports, c.Passages, c.Relations), nil
	}
}

// syncConfigSubscriptions makes the store's config-declared subscriptions
// those of the config file: new ones are added, changed ones updated (their
// watermark kept), removed ones deleted. Subscriptions made in chat are left
// alone, unless the file now declares their channel.
func syncConfigSubscriptions(st state.Backend, cfg Config, now time.Time) error {
	have, err := st.Subscriptions()
	if err != nil {
		return err
	}
	old := map[string]bot.Subscription{}
	for _, s := range have {
		old[s.ID] = s
	}
	want := map[string]bool{}
	for _, d := range cfg.Digests.Subscriptions {
		sub, err := d.Subscription(cfg.Digests.Timezone)
		if err != nil {
			return fmt.Errorf("digests.subscriptions: %w", err)
		}
		want[sub.ID] = true
		sub.Created = now.UTC()
		if o, ok := old[sub.ID]; ok {
			sub.Created = o.Created
		}
		if err := st.PutSubscription(sub); err != nil {
			return err
		}
	}
	for _, s := range have {
		if s.CreatedBy == bot.ConfigCreator && !want[s.ID] {
			if _, err := st.DeleteSubscription(s.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// routeDiscordgoLogs sends the discordgo library's own log lines (it logs
// through the standard log package, behind a package variable) to log, at
// their level, with secrets redacted like every other line.
func routeDiscordgoLogs(log *slog.Logger) {
	discordgo.Logger = func(level, _ int, format string, a ...any) {
		l := slog.LevelDebug
		switch level {
		case discordgo.LogError:
			l = slog.LevelError
		case discordgo.LogWarning:
			l = slog.LevelWarn
		case discordgo.LogInformational:
			l = slog.LevelInfo
		}
		log.Log(context.Background(), l, "discord: discordgo: "+fmt.Sprintf(format, a...))
	}
}
