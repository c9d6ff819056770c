// Package corpus turns source files into reports: loaders for Markdown with
// YAML front matter, plain text, HTML pages (go-readability), JSON Lines,
// PDF (the text of every page, with its own layout step) and SIPRI
// trade-register CSV exports (read by corpus/sipri: one report per export,
// a paragraph and a relation per deal), a walker over folders, and the
// default corpus
// embedded in the binary. Its subpackages extract supply relations
// (extract), poll RSS and Atom feeds (feed), recognise copies of one story
// (dedupe) and generate reports for tests and benchmarks (corpustest).
//
// A loader never gives up on a whole ingest because of one bad file: every
// problem is returned as a Problem naming the file (and line, where there is
// one), and the other files still load.
package corpus
