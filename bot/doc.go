// Package bot is briefbot's domain: reports, passages, questions, answers and
// citations, the interfaces the bot consumes (Searcher), answer composition,
// and the chat commands: each is declared once in commands.go (Commands),
// and the Router (NewRouter) dispatches every message from that registry,
// with platforms (Platform) and admin rights (Role) as types.
//
// bot imports no chat SDK and no search engine. Adapters (adapters/...) turn
// platform events into Messages and render Answers; the index package
// implements Searcher over Bleve; the corpus package turns files into Reports.
package bot
