// Package index stores reports and their passages in a Bleve (scorch) index
// on disk and searches them. It is the only package that imports bleve; it
// takes and returns bot types.
//
// Layout: one Bleve index in <data>/index. Each report is one document
// ("r:" + ID) holding its metadata and a content hash, and each passage one
// document ("p:" + ID + "#" + seq) holding its text, analysed in English with
// stemming and stored, plus a copy of its
// report's metadata so a hit needs no second look-up.
package index
