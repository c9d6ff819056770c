// Package console is briefbot's terminal adapter: an interactive chat over
// an io.Reader and io.Writer, going through the same bot.Router as the Slack
// and Discord adapters. It is also the plainest renderer of bot.Answer, used
// by `briefbot ask`, and the harness tests drive the bot through.
package console
