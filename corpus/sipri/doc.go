// Package sipri reads trade-register exports of the SIPRI Arms Transfers
// Database (CSV files users download from SIPRI) into deals and supply
// relations the bot can cite.
//
// Information from the SIPRI Arms Transfers Database. Whatever shows data
// read by this package must carry that credit (CreditLine).
//
// Parse detects the format from the header row; Detect sniffs the first
// few KiB of a file so that an ingest can recognise a SIPRI CSV among other
// .csv files. Deal.Relation turns a deal into a bot.Relation whose
// evidence sentence is Deal.Sentence, and Export.Citation names the export
// and deal.
//
// # Formats and their quirks
//
// The classic export:
//   - ISO-8859-1 bytes ("Türkiye" in comments is the single byte 0xFC),
//     LF line ends. Bytes 0x80-0x9F are read as Windows-1252 does; a
//     classic file someone saved again as UTF-8 is read as UTF-8.
//   - 11 preamble lines (title, notes, "Data generated: 13 Mar 2025
//     10:02:49 AM") before the header row.
//   - Unnamed " " columns after "Year of order", "Number ordered" and
//     "Number delivered" hold "?" when the value before them is uncertain.
//   - One row per deal; an open order has "Number delivered" 0 (or empty)
//     and no delivery year; an unknown number ordered is an empty cell.
//   - Delivery years as "2016; 2017; 2018" (ranges "2016-2018" are read
//     too).
//   - Contrary to the preamble, open orders give "SIPRI TIV of delivered
//     weapons" as 0 rather than empty, and an empty "Number ordered" comes
//     with a "SIPRI TIV for total order" of 0: the TIVs are kept as written
//     (-1 only for an empty cell), so read a 0 with Delivered and Ordered.
//   - Some records have their Comments broken by a bare line break (CRLF
//     in an LF file) inside the unquoted field: the row has too few fields
//     and the next line starts with the rest of the comment and the
//     remaining columns. Parse joins such lines back, a space for the
//     break, as long as together they give exactly the header's number of
//     fields; otherwise the short row is an error.
//   - Commas never occur inside fields (SIPRI writes ";"), so no field is
//     quoted; quoted fields are read anyway.
//   - Classic exports carry no deal ID: see Deal.ID for the hash used, and
//     its suffix for the rare deals whose six identifying fields repeat
//     (two different ship engines from Ukraine to Turkmenistan, 2008, 4 of
//     each).
//
// The modern export:
//   - UTF-8 (an invalid byte is an error), CRLF line ends, and a stray ";"
//     at the end of the lines; the preamble lines that themselves contain
//     a ";" lack it, so it is removed where present.
//   - One row per deal and delivery year, keyed by "SIPRI AT Database ID";
//     the rows of a deal need not be adjacent. Parse gathers them: numbers
//     and TIVs delivered are summed, years collected, "... is estimate"
//     flags combined.
//   - "Armament category" holds SIPRI's category; older exports write "Air
//     defence systems", which is normalised to "Air-defence systems".
//   - There is no number ordered, no comments and no order TIV: Ordered
//     and TIVTotal are -1; Kind is sale or, with "Local production" Yes,
//     licence.
//   - Designations may end in " -" or " --" ("Survivor-2 -"), and differ
//     from the classic ones ("Bayraktar TB-2", "HQ-9 SAMS").
//
// Both: supplier names are canonicalised with the gazetteer ("Turkiye"
// gives "Turkey"); "unknown supplier(s)" becomes "unknown"; names marked
// with "*" or "**" ("United Nations**") are non-state actors, kept as
// written without the asterisks.
//
// # Errors
//
// Parse never returns part of a file: an empty file, a file that is not a
// SIPRI export, a preamble without header, a UTF-16 or (modern) non-UTF-8
// file, a row with the wrong number of fields or an unreadable value is an
// error naming its line (*LineError), and the Export is nil.
package sipri
