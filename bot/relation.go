package bot

import (
	"context"
	"time"
)

// Status is how far a transfer has got. A denial or a talk is never a
// delivery: only StatusDelivered (and, for "who has ordered", StatusOrdered)
// counts as supply.
type Status string

const (
	StatusDelivered Status = "delivered" // delivered, received, handed over, entered service
	StatusOrdered   Status = "ordered"   // ordered, contract signed, agreed, delivery pending
	StatusPlanned   Status = "planned"   // talks, interest, offers, plans
	StatusCancelled Status = "cancelled" // cancelled, suspended, blocked, refused, denied, embargoed
)

// Kind is the nature of a transfer.
type Kind string

const (
	KindSale    Kind = "sale"
	KindAid     Kind = "aid"     // gift, donation, military aid
	KindLicence Kind = "licence" // licensed production or assembly
)

// Evidence points at the sentence a relation was read from. Start and End
// are byte offsets of Sentence within the report's Body.
type Evidence struct {
	ReportID string
	Sentence string
	Start    int
	End      int
	// Title, when set, is the title to cite instead of the report's
	// (a trade-register record: "SIPRI Arms Transfers Database, export of
	// 13 Mar 2025, deal Bayraktar TB2 (2020)").
	Title string
}

// Relation is one supply relation stated by one sentence (or one record of
// a trade register): Supplier transfers System to Recipient. Countries are
// canonical English short names from the gazetteer.
type Relation struct {
	Supplier  string
	Recipient string
	Group     string // the regional group the recipient was named by ("Central Asia"), if any
	System    string // designation ("Bayraktar TB2"), "" when only a kind of weapon is named
	Category  string // SIPRI armament category, "" when the sentence names no weapon
	Status    Status
	Kind      Kind
	Years     []int
	Denied    bool    // the sentence reports a denial of this transfer (Status is cancelled)
	TIV       float64 // SIPRI trend-indicator value delivered, in millions; 0 when unknown or not from SIPRI
	// TIVByYear splits TIV by delivery year when the register gives it
	// per year (modern SIPRI exports); nil otherwise.
	TIVByYear map[int]float64
	Inferred  bool // one side came from the report's context, not the sentence
	Evidence  Evidence
}

// RelationQuery asks for supply relations. Country names are canonical;
// an empty list matches any country. With Either set, a relation matches
// when it runs from a Suppliers country to a Recipients country or the other
// way round ("Turkey and Kazakhstan").
type RelationQuery struct {
	Suppliers  []string
	Recipients []string
	Either     bool
	Categories []string // SIPRI categories; empty means all
	System     string   // a designation; "" means any
	YearFrom   int      // 0 means open
	YearTo     int      // 0 means open
	SourceType string   // SourceReports or SourceSIPRI; "" means both
	ReportIDs  []string // only relations stated by these reports; nil means any
	Limit      int      // most relations loaded; 0 means 60
	// CountBy, when "supplier" or "recipient", asks for the number of
	// matching relations per country on that side, over all matches.
	CountBy string
}

// RelationHit is a relation with its report's metadata (Body empty).
type RelationHit struct {
	Relation
	Report Report
}

// RelationResult is what a RelationSearcher found: the relations it
// returns (at most Limit) and how many matched in all.
type RelationResult struct {
	Hits   []RelationHit
	Total  int
	Counts map[string]int // per country, when the query asked (CountBy)
}

// RelationSearcher finds supply relations. The index package implements
// it; a Searcher that does not is answered from passages alone.
type RelationSearcher interface {
	SearchRelations(ctx context.Context, q RelationQuery) (RelationResult, error)
}

// ChangeSource tells what changed in the index: which reports were written
// in a time window [from, to), oldest first, with Body holding only each
// report's first sentence. The index package implements it; digests use it.
type ChangeSource interface {
	ReportsIngested(ctx context.Context, from, to time.Time) ([]Report, error)
}

// ErrCannotDigest is what Digest returns when the Bot's Searcher is not
// also a RelationSearcher and a ChangeSource (the index is both): such a
// Bot cannot tell what changed. CanDigest says so beforehand.
var ErrCannotDigest = Errorf(EInvalid, "Digests are not available here: this index cannot tell what changed.")

// CanDigest reports whether b can make digests: whether its Searcher is
// also a RelationSearcher and a ChangeSource.
func (b *Bot) CanDigest() bool {
	_, ok1 := b.search.(RelationSearcher)
	_, ok2 := b.search.(ChangeSource)
	return ok1 && ok2
}
