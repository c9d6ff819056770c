// Package weapons recognises weapons in questions and reports and files them
// under SIPRI's eleven armament categories.
//
// Find scans running text for generic words ("drones", "air defence",
// "armoured personnel carriers") and for named systems ("Bayraktar TB2",
// "Su-30SM", "Tor-M2K", "Wing Loong II") and reports each with its byte
// offsets, category and, for a named system, its canonical designation and
// country of origin. CategoryOf classifies a single word or phrase,
// ParseCategory parses SIPRI's category labels and LookupSystem resolves a
// designation written any way ("TB-2", "Su 30SM").
//
// Classification follows the SIPRI Arms Transfers Database: drones are
// Aircraft; loitering munitions and one-way attack drones are Missiles, as
// SIPRI counts them, as are guided bombs and portable surface-to-air
// missiles (MANPADS such as Igla or Stinger); complete surface-to-air systems
// (S-300, HQ-9, "air defence") are Air-defence systems. SIPRI does not cover
// small arms, light weapons or ammunition: words for them map to Other, and
// small arms carry the SmallArms flag so callers can tell them apart.
//
// A system's Origin is the country that designed it and builds or sells it
// today: Soviet designs that Russia still produces are Russian, the L-39 is
// Czech. Multinational programmes name the country of final assembly, if
// any, with the other members in Partners.
//
// The word lists and the system table were written by the briefbot authors.
package weapons
