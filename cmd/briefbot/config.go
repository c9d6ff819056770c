package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/bot/schedule"
	"github.com/briefbot/briefbot/corpus/feed"
)

// Config is every setting of briefbot. Secrets (chat tokens, signing keys)
// are never in it: they come from the environment only.
type Config struct {
	// DataDir is the data folder (index and state). Flag --data and
	// $BRIEFBOT_DATA override it.
	DataDir string `yaml:"data_dir"`
	// Database, when set, is the URL of a PostgreSQL database
	// (postgres://user@host:5432/db) that holds the state instead of
	// state.db, so that several replicas can share it (see
	// docs/scaling.md). Flag --database and $BRIEFBOT_DATABASE_URL
	// override it; keep a password out of the file (use the variable, or
	// PGPASSWORD / ~/.pgpass).
	Database string     `yaml:"database"`
	Log      LogConfig  `yaml:"log"`
	Answer   AnswerConf `yaml:"answer"`
	Ingest   IngestConf `yaml:"ingest"`
	// Listen is the address of the HTTP server of `serve` (Slack events
	// and slash commands, Discord interactions, /healthz). Flag --listen
	// and $BRIEFBOT_LISTEN override it.
	Listen  string        `yaml:"listen"`
	Slack   SlackConfig   `yaml:"slack"`
	Discord DiscordConfig `yaml:"discord"`
	// Admins may subscribe channels to digests and unsubscribe them.
	Admins PlatformIDsConfig `yaml:"admins"`
	// Channels, when a platform has a list, are the only channels the bot
	// answers in there (an allowlist by channel ID).
	Channels PlatformIDsConfig `yaml:"channels"`
	// AuditLog, when set, is a file that gets one JSON line per question:
	// time, platform, channel, user, text, outcome. Off by default.
	AuditLog string        `yaml:"audit_log"`
	Digests  DigestsConfig `yaml:"digests"`
	// Feeds are polled by serve; admins add more in chat.
	Feeds []FeedConf `yaml:"feeds"`
	// FeedFetch tunes how feeds and their articles are fetched.
	FeedFetch FeedFetchConf `yaml:"feed_fetch"`
}

// FeedConf is one RSS or Atom feed to poll.
type FeedConf struct {
	URL      string   `yaml:"url"`
	Schedule string   `yaml:"schedule"` // cron spec in UTC; "" means feed_fetch.schedule
	Tags     []string `yaml:"tags"`
}

// FeedFetchConf tunes feed polling.
type FeedFetchConf struct {
	Schedule string `yaml:"schedule"` // default cron spec of feeds (UTC)
	Timeout  string `yaml:"timeout"`  // per request, e.g. "20s"
	MaxSize  string `yaml:"max_size"` // largest feed or page read, e.g. "10MB"
	// AllowPrivate lets feeds and the pages they link to be fetched from
	// loopback, private and link-local addresses (an intranet feed); off,
	// such addresses are refused, so a feed cannot make briefbot read
	// internal services or cloud metadata.
	AllowPrivate bool `yaml:"allow_private"`
}

// PlatformIDsConfig lists IDs on each chat platform: the user IDs of
// admins (Slack "U0123ABCD", Discord "80351110224678912"; the console user
// always is one), or the channel IDs of the channel allowlist.
type PlatformIDsConfig struct {
	Slack   []string `yaml:"slack"`
	Discord []string `yaml:"discord"`
}

// ByPlatform returns the IDs keyed by platform, as bot.RouterOptions wants.
func (a PlatformIDsConfig) ByPlatform() bot.IDs {
	return bot.IDs{bot.Slack: a.Slack, bot.Discord: a.Discord}
}

// DigestsConfig tunes scheduled digests.
type DigestsConfig struct {
	// Timezone is the IANA zone of subscriptions that name none.
	Timezone string `yaml:"timezone"`
	// CatchUp posts one digest at start to a subscription that missed a
	// run while briefbot was down; without it, the next scheduled digest
	// covers the whole gap.
	CatchUp bool `yaml:"catch_up"`
	// Subscriptions declared here are kept in step with the file at every
	// start; chat commands cannot change or remove them.
	Subscriptions []DigestSubscriptionConfig `yaml:"subscriptions"`
}

// DigestSubscriptionConfig is one channel's digest declared in the config.
type DigestSubscriptionConfig struct {
	Platform string `yaml:"platform"` // slack, discord or console
	Channel  string `yaml:"channel"`  // the platform's channel ID
	// Options are the words of `digest subscribe`: "weekly on monday at
	// 09:00 tz Asia/Almaty countries Central Asia categories drones quiet".
	Options string `yaml:"options"`
}

// Subscription turns a declared subscription into a bot.Subscription.
func (d DigestSubscriptionConfig) Subscription(defaultTZ string) (bot.Subscription, error) {
	platform, ok := bot.ParsePlatform(d.Platform)
	if !ok {
		return bot.Subscription{}, fmt.Errorf("platform: %q is not one of slack, discord, console", d.Platform)
	}
	if strings.TrimSpace(d.Channel) == "" {
		return bot.Subscription{}, errors.New("channel: must not be empty")
	}
	sub, err := bot.ParseSubscribe(d.Options, defaultTZ)
	if err != nil {
		return bot.Subscription{}, fmt.Errorf("options: %s", bot.ErrorMessage(err))
	}
	sub.ID, sub.Platform, sub.Channel, sub.CreatedBy = bot.SubscriptionID(platform, d.Channel), platform, d.Channel, bot.ConfigCreator
	return sub, nil
}

// SlackConfig tunes the Slack adapter of `serve`. Its tokens and signing
// secret never go here: they come from SLACK_BOT_TOKEN, SLACK_APP_TOKEN and
// SLACK_SIGNING_SECRET.
type SlackConfig struct {
	// Mode picks the transport: auto (Socket Mode when SLACK_APP_TOKEN is
	// set, else the Events API when SLACK_SIGNING_SECRET is, else no
	// Slack), socket, events, or off.
	Mode         string `yaml:"mode"`
	ThreadMemory int    `yaml:"thread_memory"` // threads remembered, to answer follow-ups in them
	MaxRetries   int    `yaml:"max_retries"`   // retries of a rate-limited post
}

// DiscordConfig tunes the Discord adapter of `serve`. Its bot token and
// public key never go here: they come from DISCORD_BOT_TOKEN and
// DISCORD_PUBLIC_KEY, with DISCORD_APPLICATION_ID, DISCORD_GUILD_ID and
// DISCORD_API_URL.
type DiscordConfig struct {
	// Mode picks the transports: auto (the gateway when DISCORD_BOT_TOKEN
	// is set, HTTP interactions too when DISCORD_PUBLIC_KEY is; HTTP
	// interactions alone with DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID
	// and no token; else no Discord), gateway, http (no gateway even with a
	// token, which then only registers /brief), or off.
	Mode string `yaml:"mode"`
	// MessageContent asks for the privileged MESSAGE_CONTENT intent (switch
	// it on in the Developer Portal first). Mentions and direct messages
	// work without it; with it the bot also answers replies to its answers
	// that do not mention it.
	MessageContent bool `yaml:"message_content"`
	MaxRetries     int  `yaml:"max_retries"` // retries of a rate-limited call
}

// LogConfig chooses how briefbot logs.
type LogConfig struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // auto (text on a terminal, JSON otherwise), text or json
}

// AnswerConf tunes answers.
type AnswerConf struct {
	MaxCitations      int `yaml:"max_citations"`       // sources quoted in one answer
	MaxQuestionLength int `yaml:"max_question_length"` // characters
}

// IngestConf tunes ingestion.
type IngestConf struct {
	MaxFileSize string `yaml:"max_file_size"` // e.g. "10MB"; larger files are refused
	BatchSize   int    `yaml:"batch_size"`    // reports per index batch
	// MergeStories keeps near-identical copies of one story from several
	// outlets as one report with every source (see docs/dedupe.md).
	MergeStories bool `yaml:"merge_stories"`
}

// DefaultConfig returns the settings briefbot uses without a config file.
func DefaultConfig() Config {
	return Config{
		DataDir:   "briefbot-data",
		Log:       LogConfig{Level: "warn", Format: "auto"},
		Answer:    AnswerConf{MaxCitations: 5, MaxQuestionLength: 1000},
		Ingest:    IngestConf{MaxFileSize: "10MB", BatchSize: 100, MergeStories: true},
		Listen:    "127.0.0.1:8080",
		Slack:     SlackConfig{Mode: "auto", ThreadMemory: 10000, MaxRetries: 3},
		Discord:   DiscordConfig{Mode: "auto", MaxRetries: 3},
		Digests:   DigestsConfig{Timezone: "UTC", CatchUp: true},
		FeedFetch: FeedFetchConf{Schedule: "*/15 * * * *", Timeout: "20s", MaxSize: "10MB"},
	}
}

// LoadConfig reads a YAML config file over the defaults. Unknown keys and
// bad values are errors that name the key, its line and the problem.
func LoadConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	data, err := os.ReadFile(path)
	if err != nil {
		return cfg, fmt.Errorf("read config: %w", err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return cfg, fmt.Errorf("config %s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) { // io.EOF: an empty file
		return cfg, fmt.Errorf("config %s: %s", path, explainYAML(err, &root))
	}
	if err := cfg.Validate(); err != nil {
		if line := lineOfKey(&root, errorKey(err)); line > 0 {
			return cfg, fmt.Errorf("config %s: line %d: %w", path, line, err)
		}
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	return cfg, nil
}

// errorKey returns the key path a Validate error starts with, such as
// "feeds[0].url" in "feeds[0].url: ... is not an http or https URL".
func errorKey(err error) string {
	key, _, _ := strings.Cut(err.Error(), ": ")
	return key
}

var keyStep = regexp.MustCompile(`^([a-z_]+)((?:\[\d+\])*)$`)

// lineOfKey returns the line of the value of a key path ("answer.max_citations",
// "feeds[0].url") in a parsed YAML document, or 0 when the document does
// not set it (the value came from the defaults).
func lineOfKey(root *yaml.Node, key string) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, step := range strings.Split(key, ".") {
		m := keyStep.FindStringSubmatch(step)
		if m == nil {
			return 0
		}
		if n = mappingValue(n, m[1]); n == nil {
			return 0
		}
		for _, idx := range strings.FieldsFunc(m[2], func(r rune) bool { return r == '[' || r == ']' }) {
			i, _ := strconv.Atoi(idx)
			if n.Kind == yaml.AliasNode {
				n = n.Alias
			}
			if n.Kind != yaml.SequenceNode || i >= len(n.Content) {
				return 0
			}
			n = n.Content[i]
		}
	}
	return n.Line
}

// mappingValue returns the value of key in a mapping node, or nil.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

var yamlErrLine = regexp.MustCompile(`line (\d+): (.*)`)

// explainYAML rewrites yaml.v3's decode errors ("line 3: field foo not found
// in type main.Config") into ones naming the key path.
func explainYAML(err error, root *yaml.Node) string {
	var msgs []string
	var te *yaml.TypeError
	list := []string{err.Error()}
	if errors.As(err, &te) {
		list = te.Errors
	}
	for _, e := range list {
		m := yamlErrLine.FindStringSubmatch(e)
		if m == nil {
			msgs = append(msgs, e)
			continue
		}
		line, _ := strconv.Atoi(m[1])
		key := keyAtLine(root, line, "")
		problem := m[2]
		switch {
		case strings.HasPrefix(problem, "field ") && strings.Contains(problem, "not found"):
			problem = "unknown key"
		case strings.Contains(problem, "cannot unmarshal"):
			problem = "wrong type of value: " + problem[strings.Index(problem, "cannot unmarshal"):]
		}
		msgs = append(msgs, fmt.Sprintf("line %d: %s: %s", line, key, problem))
	}
	return strings.Join(msgs, "; ")
}

// keyAtLine returns the dotted path of the key (or value) on a line.
func keyAtLine(n *yaml.Node, line int, prefix string) string {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if k := keyAtLine(c, line, prefix); k != "" {
				return k
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			path := k.Value
			if prefix != "" {
				path = prefix + "." + k.Value
			}
			if k.Line == line {
				return path
			}
			if sub := keyAtLine(v, line, path); sub != "" {
				return sub
			}
		}
	}
	return ""
}

// Validate checks every value and names the first bad key.
func (c Config) Validate() error {
	switch {
	case strings.TrimSpace(c.DataDir) == "":
		return errors.New("data_dir: must not be empty")
	case !oneOf(c.Log.Level, "debug", "info", "warn", "error"):
		return fmt.Errorf("log.level: %q is not one of debug, info, warn, error", c.Log.Level)
	case !oneOf(c.Log.Format, "auto", "text", "json"):
		return fmt.Errorf("log.format: %q is not one of auto, text, json", c.Log.Format)
	case c.Answer.MaxCitations < 1 || c.Answer.MaxCitations > 20:
		return fmt.Errorf("answer.max_citations: %d is not between 1 and 20", c.Answer.MaxCitations)
	case c.Answer.MaxQuestionLength < 10 || c.Answer.MaxQuestionLength > 10000:
		return fmt.Errorf("answer.max_question_length: %d is not between 10 and 10000", c.Answer.MaxQuestionLength)
	case c.Ingest.BatchSize < 1 || c.Ingest.BatchSize > 10000:
		return fmt.Errorf("ingest.batch_size: %d is not between 1 and 10000", c.Ingest.BatchSize)
	case !oneOf(c.Slack.Mode, "auto", "socket", "events", "off"):
		return fmt.Errorf("slack.mode: %q is not one of auto, socket, events, off", c.Slack.Mode)
	case c.Slack.ThreadMemory < 100 || c.Slack.ThreadMemory > 1000000:
		return fmt.Errorf("slack.thread_memory: %d is not between 100 and 1000000", c.Slack.ThreadMemory)
	case c.Slack.MaxRetries < 0 || c.Slack.MaxRetries > 10:
		return fmt.Errorf("slack.max_retries: %d is not between 0 and 10", c.Slack.MaxRetries)
	case !oneOf(c.Discord.Mode, "auto", "gateway", "http", "off"):
		return fmt.Errorf("discord.mode: %q is not one of auto, gateway, http, off", c.Discord.Mode)
	case c.Discord.MaxRetries < 0 || c.Discord.MaxRetries > 10:
		return fmt.Errorf("discord.max_retries: %d is not between 0 and 10", c.Discord.MaxRetries)
	}
	if err := checkDatabaseURL(c.Database); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	if err := checkListen(c.Listen); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	if _, err := c.MaxFileBytes(); err != nil {
		return fmt.Errorf("ingest.max_file_size: %w", err)
	}
	if _, err := schedule.LoadZone(c.Digests.Timezone); err != nil || c.Digests.Timezone == "" {
		return fmt.Errorf("digests.timezone: %q is not a time zone such as Europe/Berlin or UTC", c.Digests.Timezone)
	}
	if err := schedule.Validate(c.FeedFetch.Schedule, ""); err != nil {
		return fmt.Errorf("feed_fetch.schedule: %w", err)
	}
	if d, err := time.ParseDuration(c.FeedFetch.Timeout); err != nil || d < time.Second || d > 5*time.Minute {
		return fmt.Errorf("feed_fetch.timeout: %q is not a duration between 1s and 5m", c.FeedFetch.Timeout)
	}
	if _, err := parseSize(c.FeedFetch.MaxSize); err != nil {
		return fmt.Errorf("feed_fetch.max_size: %w", err)
	}
	feedSeen := map[string]int{}
	for i, f := range c.Feeds {
		key, err := feed.URLKey(f.URL)
		if err != nil {
			return fmt.Errorf("feeds[%d].url: %q is not an http or https URL", i, f.URL)
		}
		if j, dup := feedSeen[key]; dup {
			return fmt.Errorf("feeds[%d].url: %s is already feeds[%d]", i, f.URL, j)
		}
		feedSeen[key] = i
		if f.Schedule != "" {
			if err := schedule.Validate(f.Schedule, ""); err != nil {
				return fmt.Errorf("feeds[%d].schedule: %w", i, err)
			}
		}
	}
	seen := map[string]int{}
	for i, d := range c.Digests.Subscriptions {
		sub, err := d.Subscription(c.Digests.Timezone)
		if err != nil {
			return fmt.Errorf("digests.subscriptions[%d].%w", i, err)
		}
		if j, dup := seen[sub.ID]; dup {
			return fmt.Errorf("digests.subscriptions[%d]: channel %s on %s is already subscribed by entry %d", i, d.Channel, d.Platform, j)
		}
		seen[sub.ID] = i
	}
	for _, list := range []struct {
		key, what string
		ids       bot.IDs
	}{{"admins", "a user ID (Slack: U0123ABCD; Discord: a number)", c.Admins.ByPlatform()},
		{"channels", "a channel ID (Slack: C0123ABCD; Discord: a number)", c.Channels.ByPlatform()}} {
		for _, platform := range bot.ChatPlatforms {
			for _, id := range list.ids[platform] {
				if strings.TrimSpace(id) == "" || strings.ContainsAny(id, " \t<>@#") {
					return fmt.Errorf("%s.%s: %q is not %s", list.key, platform, id, list.what)
				}
			}
		}
	}
	return nil
}

// MaxFileBytes parses Ingest.MaxFileSize ("512KB", "10MB", "1GB", "2048").
func (c Config) MaxFileBytes() (int64, error) { return parseSize(c.Ingest.MaxFileSize) }

// parseSize parses a size such as "512KB", "10MB", "1GB" or "2048" (bytes),
// at most 1GB.
func parseSize(size string) (int64, error) {
	s := strings.ToUpper(strings.TrimSpace(size))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size such as 10MB", size)
	}
	if n*mult > 1<<30 {
		return 0, fmt.Errorf("%q is over the 1GB limit", size)
	}
	return n * mult, nil
}

// checkDatabaseURL checks a database URL: empty (no database) or
// postgres:// or postgresql:// with a host.
func checkDatabaseURL(u string) error {
	if u == "" {
		return nil
	}
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "postgres" && parsed.Scheme != "postgresql") || parsed.Host == "" {
		return errors.New("not a PostgreSQL URL such as postgres://briefbot@db.example:5432/briefbot")
	}
	return nil
}

// checkListen checks a listen address such as "127.0.0.1:8080" or ":8080".
func checkListen(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q is not an address such as 127.0.0.1:8080", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%q has no port number between 0 and 65535", addr)
	}
	return nil
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}
