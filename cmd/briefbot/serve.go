package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/adapters/console"
	"github.com/briefbot/briefbot/adapters/discord"
	"github.com/briefbot/briefbot/adapters/slack"
	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/delivery"
	"github.com/briefbot/briefbot/index"
	"github.com/briefbot/briefbot/index/state"
)

// shutdownTimeout bounds the graceful shutdown of the HTTP server.
const shutdownTimeout = 10 * time.Second

// adapter is one chat platform serve runs.
type adapter struct {
	name  string
	run   func(ctx context.Context, h bot.Handler) error
	ready func() bool
}

// cmdServe runs briefbot as a chat bot until ctx is done: the adapters the
// environment configures (Slack, Discord, or both), else the console, and
// one HTTP server for Slack's and Discord's requests and /healthz. On
// SIGINT or SIGTERM it stops taking new requests, lets the answers under
// way finish, and returns nil.
func cmdServe(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("serve", e)
	var c common
	c.register(fs)
	listen := fs.String("listen", "", "address of the HTTP server (default $BRIEFBOT_LISTEN, else the config's listen, else 127.0.0.1:8080)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: briefbot serve [--config FILE] [--data DIR] [--listen ADDR]

Runs the chat adapters, scheduled digests and an HTTP server (/slack/events,
/slack/commands, /discord/interactions, /healthz: the process is up,
/readyz: the index answers and every adapter is connected, /metrics:
Prometheus metrics). Slack is configured from the environment:
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
`)
		fs.PrintDefaults()
	}
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	switch {
	case *listen != "":
		cfg.Listen = *listen
	case e.getenv("BRIEFBOT_LISTEN") != "":
		cfg.Listen = e.getenv("BRIEFBOT_LISTEN")
	}
	if err := checkListen(cfg.Listen); err != nil {
		return usageError{"--listen: " + err.Error()}
	}
	slackOpts, withSlack, err := slackOptions(cfg.Slack, e.getenv)
	if err != nil {
		return err
	}
	discordOpts, withDiscord, err := discordOptions(cfg.Discord, e.getenv)
	if err != nil {
		return err
	}
	log := newLogger(cfg, e)

	x, err := openIndex(ctx, cfg, e, true)
	if err != nil {
		return err
	}
	defer x.Close()
	st, err := state.Open(cfg.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := syncConfigSubscriptions(st, cfg, time.Now()); err != nil {
		return err
	}
	met := newMetrics(x)
	log = slog.New(met.logHandler(log.Handler()))
	posters := map[bot.Platform]bot.DigestPoster{}
	feeds, err := newFeedManager(cfg, st, x, log, met)
	if err != nil {
		return err
	}

	mux := http.NewServeMux()
	var adapters []adapter
	if withSlack {
		slackOpts.Logger = log
		sa, err := slack.New(slackOpts)
		if err != nil {
			return err
		}
		if slackOpts.SigningSecret != "" {
			sa.Register(mux)
		}
		posters[bot.Slack] = met.poster(bot.Slack, sa)
		adapters = append(adapters, adapter{name: "slack (" + sa.Mode() + ")", run: sa.Run, ready: func() bool {
			select {
			case <-sa.Ready():
				return true
			default:
				return false
			}
		}})
	}
	if withDiscord {
		routeDiscordgoLogs(log)
		discordOpts.Logger = log
		da, err := discord.New(discordOpts)
		if err != nil {
			return err
		}
		if discordOpts.PublicKey != "" {
			da.Register(mux)
		}
		if discordOpts.BotToken != "" {
			posters[bot.Discord] = met.poster(bot.Discord, da) // posting needs the bot token
		}
		adapters = append(adapters, adapter{name: "discord (" + da.Mode() + ")", run: da.Run, ready: func() bool {
			select {
			case <-da.Ready():
				return true
			default:
				return false
			}
		}})
	}
	if len(adapters) == 0 {
		fmt.Fprintln(e.stdout, "briefbot: no chat platform configured, so chatting here. Type help for commands, quit to stop.")
		style := console.Plain
		if e.stdoutTTY {
			style = console.ANSI
		}
		ca := &console.Adapter{In: e.stdin, Out: e.stdout, Prompt: "> ", Style: style}
		posters[bot.Console] = met.poster(bot.Console, ca)
		adapters = append(adapters, adapter{name: "console", run: ca.Run, ready: func() bool { return true }})
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n") // the process is up
	})
	mux.Handle("GET /metrics", met.handler())
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := x.Counts(); err != nil {
			log.Error("readyz: index not usable", "err", err)
			http.Error(w, "index not usable", http.StatusServiceUnavailable)
			return
		}
		for _, a := range adapters {
			if !a.ready() {
				http.Error(w, a.name+" is not connected", http.StatusServiceUnavailable)
				return
			}
		}
		io.WriteString(w, "ready\n")
	})

	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Listen, err)
	}
	names := make([]string, len(adapters))
	for i, a := range adapters {
		names[i] = a.name
	}
	b := newBot(x, cfg)
	digests := delivery.New(delivery.Options{Bot: b, Store: st, Posters: posters,
		DefaultTZ: cfg.Digests.Timezone, NoCatchUp: !cfg.Digests.CatchUp, Logger: log})
	ropts := bot.RouterOptions{Logger: log, Subscriptions: st, Admins: cfg.Admins.ByPlatform(), Channels: cfg.Channels.ByPlatform(),
		DefaultTZ: cfg.Digests.Timezone, Sources: sourcesText(x), Feeds: feeds, Reindex: feeds.Reindex, Observe: met.observe,
		OnSubscriptionsChanged: func() {
			if err := digests.Reload(); err != nil {
				log.Error("reschedule digests", "err", err)
			}
		}}
	if cfg.AuditLog != "" {
		f, err := os.OpenFile(cfg.AuditLog, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			return fmt.Errorf("audit log: %w", err)
		}
		defer f.Close()
		ropts.Audit = f
	}
	router := bot.NewRouter(b, ropts)
	adapters = append(adapters, adapter{name: "feeds", run: func(ctx context.Context, _ bot.Handler) error { return feeds.Run(ctx) },
		ready: func() bool { return true }})
	adapters = append(adapters, adapter{name: "digests", run: func(ctx context.Context, _ bot.Handler) error { return digests.Run(ctx) },
		ready: func() bool { return true }})
	fmt.Fprintf(e.stderr, "briefbot serve: listening on http://%s; chat: %s\n", ln.Addr(), strings.Join(names, ", "))
	return serveUntilDone(ctx, ln, mux, adapters, router, log, e)
}

// serveUntilDone runs the HTTP server and the adapters until ctx is done or
// one of them stops, then stops the others gracefully.
func serveUntilDone(ctx context.Context, ln net.Listener, h http.Handler, adapters []adapter, router bot.Handler, log *slog.Logger, e env) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	type result struct {
		name string
		err  error
	}
	done := make(chan result, len(adapters)+1)
	go func() {
		err := srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		done <- result{"http server", err}
	}()
	for _, a := range adapters {
		go func() { done <- result{a.name, a.run(runCtx, router)} }()
	}
	first := <-done
	stop()
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		log.Warn("http server shutdown", "err", err)
	}
	results := []result{first}
	for range adapters {
		results = append(results, <-done)
	}
	var errs []error
	for _, r := range results {
		if r.err != nil && !errors.Is(r.err, context.Canceled) {
			errs = append(errs, fmt.Errorf("%s: %w", r.name, r.err))
		}
	}
	if len(errs) == 0 {
		fmt.Fprintln(e.stderr, "briefbot serve: stopped")
	}
	return errors.Join(errs...)
}

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
	opts := slack.Options{BotToken: botToken, APIURL: getenv("SLACK_API_URL"), ThreadMemory: cfg.ThreadMemory, MaxRetries: cfg.MaxRetries}
	if cfg.MaxRetries == 0 {
		opts.MaxRetries = -1 // none; the adapter's 0 means its default
	}
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
		APIURL: getenv("DISCORD_API_URL"), MessageContent: cfg.MessageContent, MaxRetries: cfg.MaxRetries}
	if cfg.MaxRetries == 0 {
		opts.MaxRetries = -1 // none; the adapter's 0 means its default
	}
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
	if _, err := discord.New(opts); err != nil { // checks only: no network calls
		return opts, false, err
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
func syncConfigSubscriptions(st *state.Store, cfg Config, now time.Time) error {
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
