// Package slack is briefbot's Slack adapter. It answers app mentions in
// channels and direct messages (in a thread on the asking message, and
// follow-ups in threads it answered), and the /brief slash command, by
// passing every message to a bot.Handler and rendering the bot.Reply as
// Block Kit.
//
// Two transports deliver the same events to the same code: Socket Mode (an
// app-level xapp- token; no public URL) and the Events API over HTTP (a
// signing secret; Register adds the handlers to a mux). Every HTTP request is
// verified with Verifier before it is parsed, and an exact replay of a signed
// request is refused; Events API retries and Socket
// Mode redeliveries are deduplicated by event_id; slash commands are
// acknowledged at once and answered through their response_url; rate-limited
// posts are retried after Slack's Retry-After, a bounded number of times.
//
// Render turns a reply into messages within Slack's limits, escaping every
// piece of report and user text so that nothing in it can ping a channel or
// a user or show a disguised link.
package slack
