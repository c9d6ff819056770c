package bot

// Citation names the report and the sentence a claim came from. N is the
// number used by the [n] markers in the answer text, starting at 1.
type Citation struct {
	N         int    `json:"n"`
	ReportID  string `json:"report_id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Published string `json:"published"` // YYYY-MM-DD, "" when unknown
	Quote     string `json:"quote"`     // the cited sentence, verbatim
	// Highlights are the matched words within Quote, as byte spans, so a
	// renderer can emphasise them. Not part of the JSON contract.
	Highlights []Span `json:"-"`
}

// RelationLine is one supply relation as an answer states it; see the
// relations work. Countries are canonical English short names.
type RelationLine struct {
	Supplier  string `json:"supplier"`
	Recipient string `json:"recipient"`
	System    string `json:"system"`
	Category  string `json:"category"`
	Status    string `json:"status"`
	Kind      string `json:"kind"`
	Years     []int  `json:"years"`
	Citations []int  `json:"citations"`
}

// Answer is what the bot says in reply to a question, independent of any
// platform. Text holds plain sentences with [n] markers that refer to
// Citations[n-1]; adapters render it, they never write answer text
// themselves.
//
// The JSON form is the contract of `briefbot ask --json`: later work extends
// it, never breaks it.
type Answer struct {
	Question  string         `json:"question"`
	Text      string         `json:"answer"`
	Relations []RelationLine `json:"relations"`
	Citations []Citation     `json:"citations"`
	// NoMatch is true when the corpus had nothing on the question; Text then
	// says so helpfully.
	NoMatch bool `json:"no_match,omitempty"`
}
