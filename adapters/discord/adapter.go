package discord

import (
	"context"
	"crypto/ed25519"
	"errors"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/gazetteer"
)

// Options configure an Adapter. The zero value of every field but the
// credentials means a sensible default.
type Options struct {
	// BotToken (DISCORD_BOT_TOKEN, with or without "Bot ") connects to the
	// gateway, which delivers messages and interactions, and registers
	// /brief. Without it the adapter serves HTTP interactions alone.
	BotToken string
	// ApplicationID (DISCORD_APPLICATION_ID) is the application's ID.
	// Required without the gateway; with it, "" means the ID from READY.
	ApplicationID string
	// PublicKey (DISCORD_PUBLIC_KEY, 64 hex digits) verifies interactions
	// over HTTP and enables the handler at PathInteractions.
	PublicKey string
	// GuildID (DISCORD_GUILD_ID) registers /brief in this guild only, where
	// it is usable at once; "" registers it globally.
	GuildID string
	// NoGateway keeps the adapter off the gateway even with a bot token,
	// which then only registers /brief. Interactions come over HTTP.
	NoGateway bool
	// MessageContent asks for the privileged MESSAGE_CONTENT intent, which
	// must be switched on for the bot in the Developer Portal. Mentions and
	// direct messages arrive with their text without it; with it the bot
	// also answers replies to its answers that do not mention it.
	MessageContent bool
	// APIURL is the REST base URL, such as "https://discord.com/api/v9";
	// "" means Discord's. Calls go there through HTTPClient's transport.
	APIURL string
	// Logger gets the adapter's logs; nil means slog.Default().
	Logger *slog.Logger
	// HTTPClient makes the REST calls; nil means a client with a 30-second
	// timeout. The adapter wraps a copy's transport; it never changes it.
	HTTPClient *http.Client
	// MaxBodyBytes is the largest HTTP request body accepted; 0 means 1 MiB.
	MaxBodyBytes int64
	// MaxRetries is how often a rate-limited REST call is retried; 0 means
	// 3.
	MaxRetries int
	// NoRetries turns retries of rate-limited REST calls off.
	NoRetries bool
	// MaxRetryWait is the longest retry_after the adapter waits for; a
	// longer one fails the call. It also caps discordgo's own waits before
	// a call. 0 means one minute.
	MaxRetryWait time.Duration
	// AnswerTimeout bounds answering and sending one reply; 0 means one
	// minute. Run waits for answers under way, up to this long.
	AnswerTimeout time.Duration
	// MaxConcurrent is how many answers are computed at once; 0 means
	// GOMAXPROCS (at least 2).
	MaxConcurrent int
	// Now is the clock for signatures and memory; nil means time.Now.
	Now func() time.Time
}

// Modes of an Adapter.
const (
	ModeGateway = "gateway"      // messages and interactions over the gateway
	ModeHTTP    = "http"         // interactions over HTTP only
	ModeBoth    = "gateway+http" // the gateway, and interactions over HTTP too
)

// tokenLife is how long an interaction token can be used to edit the
// response and send follow-ups.
const tokenLife = 15 * time.Minute

// Adapter connects briefbot to Discord. Create it with New, Register its
// HTTP handler when it has a public key, and Run it.
type Adapter struct {
	opts     Options
	lim      chatkit.Limits // opts's shared settings, with their defaults
	log      *slog.Logger
	dg       *discordgo.Session
	verifier Verifier
	replays  *chatkit.Replays // signatures of requests accepted
	complete *completer
	sleep    func(ctx context.Context, d time.Duration) error

	messages     *chatkit.Recent // message IDs answered
	interactions *chatkit.Recent // interaction IDs answered
	sem          chan struct{}   // answers being computed
	started      atomic.Bool
	ready        chan struct{} // closed once Run answers

	run chatkit.Runner[session] // answers under way; its session is nil before Run and after it ends
}

var _ bot.Adapter = (*Adapter)(nil)

// session is what one Run shares with the answers it starts.
type session struct {
	ctx context.Context // outlives Run's, so answers under way can finish
	h   bot.Handler
}

// New checks opts and returns an Adapter. It makes no network calls.
func New(opts Options) (*Adapter, error) {
	opts.BotToken = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(opts.BotToken), "Bot "))
	gateway := opts.BotToken != "" && !opts.NoGateway
	var key ed25519.PublicKey
	switch {
	case opts.BotToken == "" && opts.PublicKey == "":
		return nil, errors.New("discord: set a bot token (gateway) or a public key with an application ID (HTTP interactions)")
	case !gateway && opts.PublicKey == "":
		return nil, errors.New("discord: without the gateway, interactions need a public key (HTTP)")
	case !gateway && opts.ApplicationID == "":
		return nil, errors.New("discord: without the gateway, an application ID is required")
	case !snowflake(opts.ApplicationID) || !snowflake(opts.GuildID):
		return nil, errors.New("discord: application and guild IDs are numbers (Developer Portal, or Copy ID in Discord)")
	}
	if opts.PublicKey != "" {
		k, err := ParsePublicKey(opts.PublicKey)
		if err != nil {
			return nil, err
		}
		key = k
	}
	lim := opts.limits()
	tr := &apiTransport{from: discordgo.EndpointAPI, maxWait: lim.MaxRetryWait, next: http.DefaultTransport}
	if opts.APIURL != "" {
		u, err := newAPIURL(opts.APIURL)
		if err != nil {
			return nil, err
		}
		tr.to = u
	}
	client := &http.Client{Timeout: 30 * time.Second}
	if opts.HTTPClient != nil {
		c := *opts.HTTPClient
		client = &c
	}
	if client.Transport != nil {
		tr.next = client.Transport
	}
	client.Transport = tr

	token := ""
	if opts.BotToken != "" {
		token = "Bot " + opts.BotToken
	}
	dg, err := discordgo.New(token) // only fills in a struct
	if err != nil {
		return nil, err
	}
	dg.Client = client
	dg.ShouldRetryOnRateLimit = false // call retries, within bounds
	dg.MaxRestRetries = lim.MaxRetries
	dg.SyncEvents = true // handlers only start goroutines; keeps events in order
	dg.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if opts.MessageContent {
		dg.Identify.Intents |= discordgo.IntentsMessageContent
	}
	a := &Adapter{
		opts:         opts,
		lim:          lim,
		log:          lim.Logger,
		dg:           dg,
		verifier:     Verifier{Key: key, Now: lim.Now},
		replays:      chatkit.NewReplays(5*time.Minute, lim.Now),
		complete:     newCompleter(gazetteer.Default()),
		sleep:        chatkit.Sleep,
		messages:     chatkit.NewRecent(10000, time.Hour, lim.Now),
		interactions: chatkit.NewRecent(10000, time.Hour, lim.Now),
		sem:          make(chan struct{}, lim.MaxConcurrent),
		ready:        make(chan struct{}),
	}
	a.run.Init(string(bot.Discord), lim.AnswerTimeout, a.log, func(s *session) context.Context { return s.ctx })
	dg.AddHandler(a.onMessageCreate)
	dg.AddHandler(a.onInteractionCreate)
	dg.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		a.log.Info("discord: gateway disconnected")
	})
	dg.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
		a.log.Info("discord: gateway session resumed")
	})
	return a, nil
}

func snowflake(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(s) <= 20
}

// gateway reports whether the adapter connects to the gateway.
func (a *Adapter) gateway() bool { return a.opts.BotToken != "" && !a.opts.NoGateway }

// Mode returns ModeGateway, ModeHTTP or ModeBoth.
func (a *Adapter) Mode() string {
	switch {
	case a.gateway() && a.opts.PublicKey != "":
		return ModeBoth
	case a.gateway():
		return ModeGateway
	}
	return ModeHTTP
}

// Run connects to the gateway (with a bot token) and registers /brief
// (with a bot token and an application ID), then answers with h until ctx
// is done: messages and interactions from the gateway, and the requests its
// HTTP handler receives. A failed registration is logged, not fatal:
// mentions still work. Before it returns it closes the gateway connection
// and waits for the answers under way. It returns ctx's error, or the error
// that stopped it for good (a refused token or intent, for one). An
// Adapter runs once.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	if !a.started.CompareAndSwap(false, true) {
		return errors.New("discord: adapter is already running")
	}
	a.run.Open(&session{ctx: context.WithoutCancel(ctx), h: h})
	defer a.close()

	appID := a.opts.ApplicationID
	if a.gateway() {
		if err := a.connect(ctx); err != nil {
			return err
		}
		defer a.dg.Close()
		self, app := a.identity()
		if app != "" && appID != "" && app != appID {
			a.log.Warn("discord: DISCORD_APPLICATION_ID differs from the bot's application; using the bot's", "configured", appID, "bot", app)
		}
		if app != "" {
			appID = app
		}
		a.log.Info("discord: connected to the gateway", "bot_user", self, "application", appID, "message_content", a.opts.MessageContent)
	}
	switch {
	case a.opts.BotToken == "":
		a.log.Info("discord: no bot token, so /brief is not registered from here; it stays as it was registered last")
	case appID == "":
		a.log.Error("discord: no application ID, so /brief is not registered")
	default:
		if err := a.register(ctx, appID); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			a.log.Error("discord: registering /brief failed; mentions still work", "err", err)
		}
	}
	close(a.ready)
	a.log.Info("discord: answering", "mode", a.Mode())
	<-ctx.Done()
	return ctx.Err()
}

// connect opens the gateway connection, retrying with back-off until ctx is
// done; a refused token or intent is an error at once.
func (a *Adapter) connect(ctx context.Context) error {
	wait := time.Second
	for {
		errc := make(chan error, 1)
		go func() { errc <- a.dg.Open() }()
		var err error
		select {
		case err = <-errc:
		case <-ctx.Done():
			go func() {
				if <-errc == nil {
					a.dg.Close()
				}
			}()
			return ctx.Err()
		}
		if err == nil {
			return nil
		}
		if fatal := gatewayError(err); fatal != nil {
			return fatal
		}
		a.log.Warn("discord: cannot connect to the gateway; retrying", "err", err, "in", wait)
		if err := a.sleep(ctx, wait); err != nil {
			return err
		}
		wait = min(2*wait, time.Minute)
	}
}

// identity returns the bot's user ID and application ID from READY.
func (a *Adapter) identity() (user, app string) {
	st := a.dg.State
	st.RLock()
	defer st.RUnlock()
	if st.User != nil {
		user = st.User.ID
	}
	if st.Application != nil {
		app = st.Application.ID
	}
	return user, app
}

// register overwrites the application's commands (in the guild, or
// globally) with Commands.
func (a *Adapter) register(ctx context.Context, appID string) error {
	cmds := Commands(a.opts.GuildID == "")
	err := a.call(ctx, "register /brief", func(o ...discordgo.RequestOption) error {
		_, err := a.dg.ApplicationCommandBulkOverwrite(appID, a.opts.GuildID, cmds, o...)
		return err
	})
	if err == nil {
		where := "globally (may take a while to appear)"
		if a.opts.GuildID != "" {
			where = "in guild " + a.opts.GuildID
		}
		a.log.Info("discord: /brief registered " + where)
	}
	return err
}

// close stops new work and waits for the work under way.
func (a *Adapter) close() { a.run.Close() }

// Ready is closed once Run answers messages and interactions.
func (a *Adapter) Ready() <-chan struct{} { return a.ready }

// start runs fn in a goroutine with a context bounded by AnswerTimeout. It
// returns false, doing nothing, when the adapter is not running.
func (a *Adapter) start(fn func(ctx context.Context, s *session)) bool { return a.run.Go(fn) }

// waitIdle waits until no answer is under way.
func (a *Adapter) waitIdle() { a.run.Wait() }

// limits returns the settings the chat adapters share, with their defaults
// (see chatkit.Limits).
func (o Options) limits() chatkit.Limits {
	return chatkit.Limits{Logger: o.Logger, MaxBodyBytes: o.MaxBodyBytes, MaxRetries: o.MaxRetries, NoRetries: o.NoRetries,
		MaxRetryWait: o.MaxRetryWait, AnswerTimeout: o.AnswerTimeout, MaxConcurrent: o.MaxConcurrent, Now: o.Now}.WithDefaults()
}
