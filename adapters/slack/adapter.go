package slack

import (
	"context"
	"errors"
	"fmt"
	"github.com/briefbot/briefbot/adapters/internal/chatkit"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// Options configure an Adapter. The zero value of every field but the
// tokens means a sensible default.
type Options struct {
	// BotToken (xoxb-) posts the replies. Required.
	BotToken string
	// AppToken (xapp-, with connections:write) selects Socket Mode. Without
	// it the adapter serves the Events API over HTTP.
	AppToken string
	// SigningSecret verifies Events API and slash-command requests over
	// HTTP. Required without AppToken; with it, it also enables the HTTP
	// handlers.
	SigningSecret string
	// APIURL is the Web API base URL, ending in "/"; "" means Slack's.
	APIURL string
	// Logger gets the adapter's logs; nil means slog.Default().
	Logger *slog.Logger
	// HTTPClient makes Web API calls and response_url posts; nil means a
	// client with a 30-second timeout that keeps connections for reuse.
	HTTPClient *http.Client
	// MaxBodyBytes is the largest HTTP request body accepted; 0 means 1 MiB.
	MaxBodyBytes int64
	// MaxRetries is how often a rate-limited post is retried; 0 means 3.
	MaxRetries int
	// NoRetries turns retries of rate-limited posts off.
	NoRetries bool
	// MaxRetryWait is the longest Retry-After the adapter waits for; a
	// longer one fails the post. 0 means one minute.
	MaxRetryWait time.Duration
	// AnswerTimeout bounds answering and posting one message; 0 means one
	// minute. Run waits for answers under way, up to this long.
	AnswerTimeout time.Duration
	// MaxConcurrent is how many answers are computed at once; 0 means
	// GOMAXPROCS (at least 2). Answers are CPU-bound: more would only slow
	// the acknowledgements Slack wants within 3 s. Posting answers does not
	// count; up to four times as many posts are under way at once.
	MaxConcurrent int
	// ThreadMemory is how many threads the adapter remembers, to answer
	// follow-ups in them, for up to a week; 0 means 10,000.
	ThreadMemory int
	// Now is the clock for signatures and memory; nil means time.Now.
	Now func() time.Time
	// Claim, when set, is asked before a message is answered, with a key
	// naming the message; only a caller that gets true answers it. Several
	// replicas of one app share one (pgstore.Store.Claim), since Slack
	// may deliver one message to each (a mention comes as app_mention and
	// as message; Socket Mode spreads events over the connections). An
	// error is logged and the message answered: twice is better than
	// never. nil means every message that passes the local checks is
	// answered.
	Claim func(ctx context.Context, key string) (bool, error)
}

// slackAPI is the part of the Slack Web API the adapter calls.
type slackAPI interface {
	AuthTestContext(ctx context.Context) (*slackgo.AuthTestResponse, error)
	PostMessageContext(ctx context.Context, channelID string, options ...slackgo.MsgOption) (string, string, error)
	GetConversationHistoryContext(ctx context.Context, params *slackgo.GetConversationHistoryParameters) (*slackgo.GetConversationHistoryResponse, error)
	// UploadFileContext uploads with files.getUploadURLExternal and
	// files.completeUploadExternal (slack-go's "upload v2").
	UploadFileContext(ctx context.Context, params slackgo.UploadFileParameters) (*slackgo.FileSummary, error)
}

var _ slackAPI = (*slackgo.Client)(nil)

// Adapter connects briefbot to one Slack workspace. Create it with New,
// Register its HTTP handlers when it uses the Events API, and Run it.
type Adapter struct {
	opts     Options
	lim      chatkit.Limits // opts's shared settings, with their defaults
	log      *slog.Logger
	client   *slackgo.Client
	api      slackAPI
	verifier Verifier
	replays  *chatkit.Replays // signatures of requests accepted
	sleep    func(ctx context.Context, d time.Duration) error

	events   *chatkit.Recent // event IDs handled
	messages *chatkit.Recent // channel/ts of messages answered
	threads  *chatkit.Recent // channel/thread_ts of threads the bot answered in
	sem      chan struct{}   // answers being computed
	posting  chan struct{}   // posts to Slack under way
	started  atomic.Bool
	ready    chan struct{} // closed once Run has identified the bot

	run chatkit.Runner[session] // answers under way; its session is nil before Run and after it ends
}

var _ bot.Adapter = (*Adapter)(nil)

// session is what one Run shares with the answers it starts.
type session struct {
	ctx    context.Context // outlives Run's, so answers under way can finish
	h      bot.Handler
	userID string // the bot's user ID, from auth.test
}

// Mode names of the transports.
const (
	ModeSocket = "socket"
	ModeEvents = "events"
)

// New checks opts and returns an Adapter. It makes no network calls.
func New(opts Options) (*Adapter, error) {
	switch {
	case opts.BotToken == "":
		return nil, errors.New("slack: a bot token (xoxb-) is required")
	case !strings.HasPrefix(opts.BotToken, "xoxb-"):
		return nil, errors.New("slack: the bot token must be a bot user OAuth token (xoxb-...)")
	case opts.AppToken != "" && !strings.HasPrefix(opts.AppToken, "xapp-"):
		return nil, errors.New("slack: the app token must be an app-level token (xapp-...)")
	case opts.AppToken == "" && opts.SigningSecret == "":
		return nil, errors.New("slack: set an app token (Socket Mode) or a signing secret (Events API)")
	}
	lim := opts.limits()
	if opts.HTTPClient == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 16 // answers go to a few Slack hosts, many at once
		opts.HTTPClient = &http.Client{Timeout: 30 * time.Second, Transport: t}
	}
	if opts.ThreadMemory <= 0 {
		opts.ThreadMemory = 10000
	}
	clientOpts := []slackgo.Option{slackgo.OptionHTTPClient(opts.HTTPClient)}
	if opts.APIURL != "" {
		u := opts.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		clientOpts = append(clientOpts, slackgo.OptionAPIURL(u))
	}
	if opts.AppToken != "" {
		clientOpts = append(clientOpts, slackgo.OptionAppLevelToken(opts.AppToken))
	}
	client := slackgo.New(opts.BotToken, clientOpts...)
	a := &Adapter{
		opts:     opts,
		lim:      lim,
		log:      lim.Logger,
		client:   client,
		api:      client,
		verifier: Verifier{Secret: opts.SigningSecret, Now: lim.Now},
		replays:  chatkit.NewReplays(5*time.Minute, lim.Now),
		sleep:    chatkit.Sleep,
		events:   chatkit.NewRecent(10000, time.Hour, lim.Now),
		messages: chatkit.NewRecent(10000, time.Hour, lim.Now),
		threads:  chatkit.NewRecent(opts.ThreadMemory, 7*24*time.Hour, lim.Now),
		sem:      make(chan struct{}, lim.MaxConcurrent),
		posting:  make(chan struct{}, 4*lim.MaxConcurrent),
		ready:    make(chan struct{}),
	}
	a.run.Init(string(bot.Slack), lim.AnswerTimeout, a.log, func(s *session) context.Context { return s.ctx })
	return a, nil
}

// Mode returns ModeSocket or ModeEvents.
func (a *Adapter) Mode() string {
	if a.opts.AppToken != "" {
		return ModeSocket
	}
	return ModeEvents
}

// Run identifies the bot with auth.test, then answers messages with h until
// ctx is done: over Socket Mode when the adapter has an app token, else from
// the requests its HTTP handlers receive. Before it returns it waits for
// the answers under way. It returns ctx's error, or the error that stopped
// it for good (a rejected token, for one). An Adapter runs once.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	if !a.started.CompareAndSwap(false, true) {
		return errors.New("slack: adapter is already running")
	}
	who, err := a.identify(ctx)
	if err != nil {
		a.close()
		return err
	}
	s := &session{ctx: context.WithoutCancel(ctx), h: h, userID: who.UserID}
	a.run.Open(s)
	close(a.ready)
	a.log.Info("slack: signed in", "mode", a.Mode(), "team", who.Team, "bot_user", who.UserID)
	if a.Mode() == ModeSocket {
		err = a.runSocket(ctx, s)
	} else {
		<-ctx.Done()
		err = ctx.Err()
	}
	a.close()
	return err
}

// close stops new work and waits for the work under way.
func (a *Adapter) close() { a.run.Close() }

// Ready is closed once Run has identified the bot and answers messages.
func (a *Adapter) Ready() <-chan struct{} { return a.ready }

// current returns the running session, or nil.
func (a *Adapter) current() *session { return a.run.Current() }

// start runs fn in a goroutine with a context bounded by AnswerTimeout. It
// returns false, doing nothing, when the adapter is not running.
func (a *Adapter) start(fn func(ctx context.Context, s *session)) bool { return a.run.Go(fn) }

// waitIdle waits until no answer is under way.
func (a *Adapter) waitIdle() { a.run.Wait() }

// identify calls auth.test until it answers: a rejected token is an error at
// once, anything else is retried with back-off until ctx is done.
func (a *Adapter) identify(ctx context.Context) (*slackgo.AuthTestResponse, error) {
	wait := 500 * time.Millisecond
	for {
		who, err := a.api.AuthTestContext(ctx)
		if err == nil {
			return who, nil
		}
		if fatalAuthError(err) {
			return nil, fmt.Errorf("slack auth.test: %w (check SLACK_BOT_TOKEN)", err)
		}
		a.log.Warn("slack: auth.test failed; retrying", "err", err, "in", wait)
		if err := a.sleep(ctx, wait); err != nil {
			return nil, err
		}
		wait = min(2*wait, 30*time.Second)
	}
}

func fatalAuthError(err error) bool {
	switch err.Error() {
	case "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type":
		return true
	}
	return false
}

// reply answers one message (see chatkit.Reply); help gets a note on
// using briefbot on this platform.
func (a *Adapter) reply(ctx context.Context, s *session, m bot.Message) bot.Reply {
	return chatkit.Reply(ctx, a.sem, s.h, m, slackHelp, a.log)
}

const slackHelp = `
In Slack:
  @briefbot QUESTION    in a channel: I answer in a thread
  QUESTION              in a direct message to me
  follow-ups            in a thread I answered, no mention needed
  /brief QUESTION       only you see the answer; end with "public" to share it
  /brief COMMAND        any command above, such as /brief sources`

// limits returns the settings the chat adapters share, with their defaults
// (see chatkit.Limits).
func (o Options) limits() chatkit.Limits {
	return chatkit.Limits{Logger: o.Logger, MaxBodyBytes: o.MaxBodyBytes, MaxRetries: o.MaxRetries, NoRetries: o.NoRetries,
		MaxRetryWait: o.MaxRetryWait, AnswerTimeout: o.AnswerTimeout, MaxConcurrent: o.MaxConcurrent, Now: o.Now}.WithDefaults()
}
