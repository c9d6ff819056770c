// Package bot is briefbot's domain: reports, passages, questions, answers and
// citations, the interfaces the bot consumes (Searcher), command routing and
// answer composition.
//
// bot imports no chat SDK and no search engine. Adapters (adapters/...) turn
// platform events into Messages and render Answers; the index package
// implements Searcher over Bleve; the corpus package turns files into Reports.
package bot
