// Package gazetteer recognises countries in questions and reports: their
// names, official names, old and new spellings, demonyms, capitals used for
// governments, Russian and other Cyrillic forms, the regional groups that
// stand for several countries ("Central Asia", "NATO") and the arms makers
// that stand for their home country ("Baykar" for Turkey).
//
// Default returns the shared, read-only Gazetteer. Lookup and ByCode resolve
// a name or code given on its own; Find scans running text and reports every
// mention with its byte offsets.
//
// Coverage: all 193 UN member states, Taiwan, Kosovo, Palestine and the
// Vatican, and three historical suppliers that still appear in arms-transfer
// data: the Soviet Union ("SU"), Czechoslovakia ("CS") and Yugoslavia
// ("YU"). Codes are ISO 3166-1; Kosovo uses the user-assigned "XK"/"XKX".
//
// Ambiguity is resolved in the data, once: every name belongs to at most one
// country. "Korea" and "Korean" mean South Korea; "Congo" is the Republic of
// the Congo and "DR Congo" the Democratic Republic; "Macedonia" is North
// Macedonia; words that name two countries ("Dominican", "Congolese") are
// left out. Capitals are included only when the word is not commonly
// something else (no Victoria, Kingston, Santiago, Tripoli or Jerusalem).
// Find needs a capital letter where the name has one ("turkey" and "china"
// are not countries) and an exact match for acronyms ("us" is not the US),
// and skips phrases such as "South China Sea" or "Washington Post".
//
// The country table, aliases, groups and manufacturer list were written by
// the briefbot authors for this package; ISO codes are the standard ones.
package gazetteer
