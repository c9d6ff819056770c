// Package index stores reports, their passages and the supply relations
// read from them in a Bleve (scorch) index on disk, and searches them. It
// is the only package that imports bleve; it takes and returns bot types.
// (The bot's own state, subscriptions, deliveries and feeds, is in package
// state, not here.)
//
// Layout: one Bleve index in <data>/index, with four kinds of document,
// told apart by their "type" field:
//
//   - report ("r:" + ID): the report's metadata, a content hash, when it was
//     last ingested, its first sentence (for digests), how many passages and
//     relations it has, and its MinHash signature with the signature's LSH
//     band keys (corpus/dedupe), by which a copy of the same story from
//     another outlet is recognised;
//   - passage ("p:" + ID + "#" + seq): one passage's text, analysed in
//     English with stemming and stored, its offsets, and a copy of its
//     report's metadata so a hit needs no second look-up;
//   - relation ("x:" + ID + "#" + n): one supply relation (supplier,
//     recipient, system, category, status, kind, years, source type) as
//     keyword fields to filter on, and the whole relation with its evidence
//     as stored JSON;
//   - merged ("r:" + ID as well): a report recognised as another copy of a
//     story already indexed (Options.MergeStories). It has no passages or
//     relations of its own, only what is needed to cite it as one more
//     source of that story and to recognise it when it comes again.
//
// The layout has a version (schemaVersion in mapping.go), stored in the
// index; an index of another version is refused with a message to rebuild
// it.
package index
