// Package adaptertest checks that a chat adapter keeps briefbot's contract
// with its users, the same way on every platform (as testing/slogtest does
// for slog handlers). An adapter's test builds a Harness that sends a user's
// message through the adapter and collects what the platform shows, and
// calls Run.
//
// The checks use a real bot.Router over a real index built in a temporary
// folder from Reports, among them one whose title, source and text are
// hostile: Slack and Discord mention syntax, @everyone, disguised links.
package adaptertest
