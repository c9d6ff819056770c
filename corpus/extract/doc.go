// Package extract reads supply relations ("who supplies whom with which
// arms") from English report sentences, with the sentence as evidence.
//
// New returns an Extractor; Sentence reads one sentence with its Context and
// Report reads every sentence of a bot.Report. Both return bot.Relation
// values whose countries are the gazetteer's canonical names.
//
// The extractor is rule-based and deterministic. For each sentence it finds
// countries, capitals, demonyms, regional groups and manufacturers (package
// bot/gazetteer), weapons (package bot/weapons), years and trigger words,
// splits the sentence into clauses and reads one frame per trigger:
//
//   - direction from the trigger and its voice: supplier-subject verbs
//     (supply, deliver, sell, export, donate, hand over, equip, arm, ...),
//     recipient-subject verbs (buy, purchase, acquire, order, receive, take
//     delivery of, induct, ...), their passives and nominalisations
//     ("Uzbekistan's purchase of", "the sale of ... to", "a deal with");
//   - parties from the prepositions that govern them ("to", "from", "by",
//     "with", "for"), from subjects, direct objects, possessives, pronouns
//     and origin adjectives ("Chinese-built", "Turkish drones");
//   - status from the strongest cue governing the trigger: cancellations and
//     denials over talks and offers (planned), over orders, contracts and
//     pending deliveries (ordered), over deliveries;
//   - kind: aid (donated, gift, free of charge, military aid) or licence
//     (licensed production, assembly under licence, joint production);
//   - years: explicit years, ranges, "since 2020", and relative dates
//     ("last year", "in September") resolved against Context.Published.
//
// Some frames are read with more context and some give nothing on purpose
// (one file per concept): topic.go carries a weapon named as a sentence's
// subject into later "it" sentences and leaves a buyer's plan without a
// seller open; effort.go reads "an effort by X to buy", "received the tanks
// supplied by Y", "At X's request", "the deal between X and Y" and "..., but
// the deal was cancelled"; approval.go keeps a government that approves the
// sale of another country's weapon, or leave for another country's
// re-export, from being its seller; returns.go reads
// returns of equipment; nominal.go drops transfer nouns named only as a
// reason or commented on; hedge.go reads conditions, beliefs and
// accusations, broken embargoes, weapons destroyed in a war and "instead".
//
// Regional groups named as recipients are expanded to their members in
// alphabetical order and keep the group's name. When a sentence clearly
// states a transfer but names one side only, the other side is taken from
// the context (the previous sentence, then the title, then About) and the
// relation is marked Inferred. Sentences that name countries without a
// transfer give nothing.
//
// Report also reads register summaries, which list what a supplier sold
// the report's subject without a verb of transfer (register.go: "China's
// are Wing Loong-1 armed drones, France's Ground Master-400 radars";
// "Czechia about six RM-70 in 2016"; "They cover ..."), gapped clauses
// (gapping.go), weapons named "from" their maker (hosts.go), parts fitted
// to a weapon, which go to the weapon's maker (components.go), and
// customer lists (customers.go). Each needs the report's one subject or
// the lexicon's maker, and stays silent when the sentence plans, cancels,
// negates or hedges.
//
// An Extractor is immutable and safe for concurrent use. Every loop is
// bounded: a sentence is read up to a fixed number of tokens, mentions and
// triggers, so even very long or malformed input (invalid UTF-8, no
// punctuation, hundreds of country names) is read in about a millisecond
// and never panics.
package extract
