package sipri

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// CreditLine is the credit SIPRI asks for wherever its data is shown.
const CreditLine = "Information from the SIPRI Arms Transfers Database"

// Format is the layout of a SIPRI trade-register export.
type Format string

// The two export layouts Parse reads.
const (
	// Classic is the older export: ISO-8859-1 text, one row per deal, "?"
	// flags in unnamed columns, a Comments column.
	Classic Format = "classic"
	// Modern is the current export: UTF-8 text with CRLF and a stray ";"
	// at line ends, one row per deal and delivery year, keyed by the
	// SIPRI AT Database ID.
	Modern Format = "modern"
)

// Export is one parsed trade-register file.
type Export struct {
	Format    Format
	Generated time.Time // the preamble's "Data generated:" time, as written (no zone, so UTC); zero when absent or unreadable
	Title     string    // the preamble's first line, trimmed (and without the modern export's stray ";")
	Rows      int       // data rows read: one per deal in classic exports, one per deal and delivery year in modern ones
	Deals     []Deal    // in file order (modern: in order of each deal's first row)
}

// Deal is one arms-transfer deal of the register.
type Deal struct {
	// ID identifies the deal. Modern exports: the SIPRI AT Database ID.
	// Classic exports, which have no ID: the first 16 hex digits of the
	// SHA-256 of supplier|recipient|designation|order year|description|
	// number ordered, each as written in the file (trimmed, decoded to
	// UTF-8; order year and number ordered as plain integers, "" when
	// empty). A deal whose six fields repeat an earlier deal's in the same
	// file gets the suffix "-2", "-3", ... in file order.
	ID   string
	Line int // 1-based line of the deal's (first) row in the file

	// Supplier and Recipient are canonical English country names from the
	// gazetteer ("Turkiye" gives "Turkey"); "unknown" for SIPRI's "unknown
	// supplier(s)" / "unknown recipient(s)"; a non-state actor ("United
	// Nations**") or a name the gazetteer does not know is kept as written,
	// without the asterisks.
	Supplier     string
	Recipient    string
	SupplierRaw  string // as written in the file, trimmed
	RecipientRaw string
	NonState     bool // the supplier or the recipient is marked as a non-state actor ("*" or "**")

	Designation string // as written ("Survivor-2 -"); Relation trims SIPRI's trailing " -"
	Description string // "armed UAV"
	// Category is the SIPRI armament category. Modern exports: the
	// "Armament category" column, normalised ("Air defence systems" gives
	// "Air-defence systems"; an unknown label is kept as written). Classic
	// exports and empty cells: derived from Description (see CategoryOf).
	Category string

	OrderYear          int // 0 when unknown
	OrderYearUncertain bool
	Ordered            int // -1 when unknown (classic: empty cell; modern exports have no such column)
	OrderedUncertain   bool
	Delivered          int // 0 for an open order
	DeliveredUncertain bool
	// DeliveryYears are the years of delivery, ascending. Classic: the
	// "Year(s) of delivery" cell ("2021; 2022" or "2016-2018"); modern:
	// the years of the deal's rows.
	DeliveryYears         []int
	DeliveryYearUncertain bool // modern: a row's "Delivery year is estimate" is Yes; classic: a "?" inside the years cell (SIPRI's own classic exports have none)

	// SecondHand is "New", "Second hand" or "Second hand but modernized":
	// the status column, normalised; classic exports without one (or with
	// an empty cell) derive it from the comments ("Second-hand; aid",
	// "Ex-Russian"); "" when a modern row leaves it empty.
	SecondHand string
	Comments   string // classic: in full, a broken line joined back with a space; modern exports have none

	TIVUnit      float64 // SIPRI TIV per unit, millions; -1 when empty
	TIVTotal     float64 // TIV of the whole order; -1 when empty (always in modern exports, which do not give it)
	TIVDelivered float64 // TIV delivered (modern: summed over the rows); -1 when empty
	// TIVByYear is the TIV delivered in each delivery year, from the rows
	// of a modern export; nil for classic exports, which give only the
	// total, and for deals with no delivery row carrying a TIV.
	TIVByYear map[int]float64 `json:",omitempty"`

	// LocalProduction is the modern "Local production" column; in classic
	// exports it is read from the comments ("produced under licence",
	// "assembly in", "assembled from kits").
	LocalProduction bool

	// Status is bot.StatusDelivered when deliveries are complete
	// (Delivered >= Ordered > 0), bot.StatusOrdered when nothing has been
	// delivered or fewer than ordered. When Ordered is unknown, any
	// delivery gives StatusDelivered (SIPRI records what was delivered;
	// whether more is due is unknown) and none gives StatusOrdered.
	Status bot.Status
	// Kind is bot.KindAid when the comments say aid, gift, donation or
	// free of charge (not hedged with "possibly"/"probably", and not extra
	// units "given for free" on top of a sale); bot.KindLicence for
	// licensed or local production (LocalProduction); else bot.KindSale.
	// Modern exports have no comments, so they give only sale or licence.
	Kind bot.Kind
}

// Errors come back from Parse as a *LineError wrapping one of these kinds;
// test with errors.Is.
var (
	ErrEmpty     = errors.New("empty file")
	ErrNotSIPRI  = errors.New("not a SIPRI trade-register export")
	ErrTruncated = errors.New("truncated SIPRI export")
	ErrEncoding  = errors.New("wrong text encoding")
	ErrColumns   = errors.New("wrong number of fields")
	ErrHeader    = errors.New("missing column")
	ErrValue     = errors.New("bad value")
)

// LineError is an error about one line of the input. Its message is
// "line N: ..." and it unwraps to one of the Err kinds above.
type LineError struct {
	Line int // 1-based
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

// kindError is an error message of a given kind: it prints msg only and
// matches kind with errors.Is.
type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }

// lineErr builds a *LineError of the given kind.
func lineErr(line int, kind error, format string, args ...any) error {
	return &LineError{Line: line, Err: &kindError{kind: kind, msg: fmt.Sprintf(format, args...)}}
}

// Parse reads a SIPRI trade-register export in either format, which it
// detects from the header row. It reads r to the end; r is not closed.
//
// Errors are *LineError values naming the line ("line 17: row has 9
// fields, the header 16") and matching ErrEmpty, ErrNotSIPRI, ErrTruncated,
// ErrEncoding, ErrColumns, ErrHeader or ErrValue, or a read error from r.
// On error the Export is nil: Parse never returns part of a file.
func Parse(r io.Reader) (*Export, error) {
	var buf bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok {
		buf.Grow(l.Len() + 1)
	}
	_, err := buf.ReadFrom(r)
	data := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("read SIPRI export: %w", err)
	}
	return parse(data)
}

// Detect sniffs the start of a file (the first 4 KiB are plenty) and
// reports whether it is a SIPRI trade-register export and in which format.
// It looks for the header row, or, when head ends before it, for SIPRI's
// preamble. A UTF-16 file is recognised too, so that Parse can refuse it
// with a clear error instead of it being read as some other CSV.
func Detect(head []byte) (Format, bool) {
	const max = 16 << 10
	if len(head) > max {
		head = head[:max]
	}
	if u, ok := utf16Head(head); ok {
		head = u
	}
	head = trimBOM(head)
	marker, semis, lines := false, 0, 0
	for _, ln := range rawLines(head, headerSearchLines) {
		s := string(ln.text)
		if f, ok := headerFormat(s); ok {
			return f, true
		}
		t := trimStray(s)
		if t != s {
			semis++
		}
		lines++
		if isPreambleMarker(t) {
			marker = true
		}
	}
	if !marker {
		return "", false
	}
	if semis*2 > lines {
		return Modern, true
	}
	return Classic, true
}
