// Package corpus turns source files into reports: loaders for Markdown with
// YAML front matter, plain text, HTML pages and JSON Lines, a walker over
// folders, and the default corpus embedded in the binary.
//
// A loader never gives up on a whole ingest because of one bad file: every
// problem is returned as a Problem naming the file (and line, where there is
// one), and the other files still load.
package corpus
