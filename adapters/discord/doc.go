// Package discord is briefbot's Discord adapter. It answers messages that
// mention the bot and direct messages, as replies to the asking message, and
// the /brief application command (subcommands ask, suppliers, recipients,
// between, sources and help, with country autocomplete from the gazetteer),
// by passing every question to a bot.Handler and rendering the bot.Reply as
// embeds.
//
// Two transports deliver interactions to the same code: the gateway (a bot
// token; no public URL), which also carries the messages, and HTTP (an
// application's public key; Register adds the handler at PathInteractions to
// a mux), where every request is checked with Verifier (Ed25519 and a
// timestamp window) before it is parsed. A slash command is deferred at
// once and its answer edited in, with follow-up messages for the rest of a
// long answer. With a bot token, Run registers /brief with a bulk overwrite,
// in one guild or globally; the definition is the same every time, so
// registering again changes nothing.
//
// REST calls go through discordgo with its own retry on 429 turned off: the
// adapter waits for Discord's retry_after itself, a bounded number of times
// and never longer than Options.MaxRetryWait, and caps the waits that
// Discord's rate-limit headers ask of discordgo's limiter, so no call can
// hang on a rate limit. Options.APIURL sends every call to another base URL
// (a proxy, or a fake Discord in tests) through the session's http.Client;
// discordgo's endpoint variables are never changed.
//
// Render turns a reply into messages within Discord's limits, escaping every
// piece of report and user text so that nothing in it can ping anyone, show
// a mention or a disguised link; every message is sent with allowed_mentions
// that parse nothing.
package discord
