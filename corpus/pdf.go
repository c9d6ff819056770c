package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"github.com/briefbot/briefbot/bot"
)

// Limits of PDF reading. A PDF longer than maxPDFPages pages, or with more
// than maxPDFText bytes of text, is read up to the limit (the Loader says
// so in a Warning); maxPDFOps bounds the content-stream operators
// interpreted over the whole document, so that a hostile file cannot keep
// the reader busy for long.
const (
	maxPDFPages  = 500
	maxPDFText   = 2 << 20
	maxPDFOps    = 5_000_000
	maxPDFStream = 32 << 20 // decoded bytes of one page's content or one font's CMap
	maxTitleLen  = 200
)

// PDF errors. ErrNoPDFText is the error of a PDF whose pages hold no text
// (typically a scan without OCR); ErrBadPDF wraps the error of a damaged,
// truncated or encrypted file.
var (
	ErrNoPDFText = errors.New("no extractable text (scanned?)")
	ErrBadPDF    = errors.New("unreadable PDF")
)

// errPDFLimit stops the content-stream interpreter when a limit is reached.
var errPDFLimit = errors.New("PDF limit reached")

// loadPDF reads a PDF's text as one report. The title is the document's
// Info Title, else its first line of text, else the file name.
func loadPDF(name string, data []byte) ([]bot.Report, []Problem) {
	title, text, truncated, err := readPDF(data)
	if err != nil {
		return nil, []Problem{{Severity: Error, Err: err}}
	}
	if title == "" {
		title = baseName(name)
	}
	r := bot.Report{Title: title, Body: text}
	if truncated {
		return []bot.Report{r}, []Problem{{Severity: Warning, Err: fmt.Errorf("only the first %d pages or %s of text of the PDF were read", maxPDFPages, bot.HumanBytes(maxPDFText))}}
	}
	return []bot.Report{r}, nil
}

// PDFText extracts the title and text of a PDF held in memory, such as one
// a feed item links to. title is the document's Info Title or else its
// first line of text; text is its paragraphs separated by blank lines. Long
// documents are cut at 500 pages or 2 MB of text.
//
// A PDF without text (a scan) gives ErrNoPDFText; a damaged, truncated or
// password-protected one an error wrapping ErrBadPDF. PDFText never panics.
func PDFText(data []byte) (title, text string, err error) {
	title, text, _, err = readPDF(data)
	return title, text, err
}

// readPDF does the work of PDFText and also says whether a limit cut the
// text short.
func readPDF(data []byte) (title, text string, truncated bool, err error) {
	defer func() {
		if p := recover(); p != nil { // the PDF library panics on some damaged files
			title, text, truncated, err = "", "", false, fmt.Errorf("%w (damaged file): %v", ErrBadPDF, p)
		}
	}()
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return "", "", false, fmt.Errorf("%w: the file does not start with %%PDF-, so it is not a PDF", ErrBadPDF)
	}
	data = fixPDFHeader(data)
	if err := checkXref(data); err != nil {
		return "", "", false, fmt.Errorf("%w (damaged file): %w", ErrBadPDF, err)
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) {
			return "", "", false, fmt.Errorf("%w: the PDF is protected by a password", ErrBadPDF)
		}
		return "", "", false, fmt.Errorf("%w (damaged or truncated file): %w", ErrBadPDF, err)
	}
	pages, truncated := pdfPages(r)
	ex := pdfExtractor{}
	var firstErr error
	for _, p := range pages {
		err := ex.page(p)
		if errors.Is(err, errPDFLimit) {
			truncated = true
			break
		}
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	text = ex.text()
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		if firstErr != nil {
			return "", "", false, fmt.Errorf("%w (damaged file): %w", ErrBadPDF, firstErr)
		}
		return "", "", false, ErrNoPDFText
	}
	title = cleanText(r.Trailer().Key("Info").Key("Title").Text())
	if strings.EqualFold(title, "untitled") || !strings.ContainsFunc(title, unicode.IsLetter) {
		title = ex.firstLine
	}
	return shorten(title, maxTitleLen), text, truncated, nil
}

// fixPDFHeader lets the PDF library, which only knows versions 1.0 to 1.7,
// read PDF 2.0 files: the header line is rewritten in a copy, at the same
// length so that the file's offsets still hold.
func fixPDFHeader(data []byte) []byte {
	if len(data) < 10 || data[5] == '1' && data[6] == '.' && data[7] >= '0' && data[7] <= '7' && (data[8] == '\n' || data[8] == '\r') {
		return data
	}
	c := bytes.Clone(data)
	copy(c, "%PDF-1.7\n")
	return c
}

var (
	xrefSize  = regexp.MustCompile(`/Size\s+(\d+)`)
	xrefPrev  = regexp.MustCompile(`/Prev\s+(\d+)`)
	xrefIndex = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
)

// checkXref follows the file's cross-reference sections the way the PDF
// library will, and refuses the file when a section would make the library
// allocate a table far larger than the file could need (a fatal out of
// memory, not a panic) or when the sections' /Prev links loop (the library
// would follow them for ever). What it cannot make sense of it leaves to
// the library, which then fails with an error.
func checkXref(data []byte) error {
	limit := int64(1<<20 + len(data)/8) // object numbers a file of this size can plausibly use
	tail := bytes.TrimRight(data[max(0, len(data)-100):], "\r\n\t ")
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil
	}
	f := bytes.Fields(tail[i+len("startxref"):])
	if len(f) == 0 {
		return nil
	}
	off, err := strconv.ParseInt(string(f[0]), 10, 64)
	seen := map[int64]bool{}
	for err == nil && off >= 0 && off < int64(len(data)) {
		if seen[off] || len(seen) > 100 {
			return errors.New("the cross-reference sections loop")
		}
		seen[off] = true
		sec := data[off:]
		sec = sec[:min(len(sec), 1<<16)]
		var dict []byte
		if rest, ok := bytes.CutPrefix(bytes.TrimLeft(sec, "\x00\t\n\f\r "), []byte("xref")); ok {
			// A table: subsections "first count" followed by count
			// three-field entries, then "trailer << ... >>".
			pos := int(off) + len(sec) - len(rest)
			field := func() string {
				for pos < len(data) && isPDFSpace(data[pos]) {
					pos++
				}
				start := pos
				for pos < len(data) && !isPDFSpace(data[pos]) {
					pos++
				}
				return string(data[start:pos])
			}
			for {
				f := field()
				if f == "trailer" || f == "" {
					break
				}
				first, err1 := strconv.ParseInt(f, 10, 64)
				count, err2 := strconv.ParseInt(field(), 10, 64)
				if err1 != nil || err2 != nil {
					return nil // malformed: the library says so
				}
				if first < 0 || count < 0 || first > limit || count > limit-first {
					return fmt.Errorf("cross-reference subsection of %d objects from %d is too large for the file", count, first)
				}
				for range 3 * count {
					if field() == "" {
						break
					}
				}
			}
			if k := bytes.Index(sec, []byte("trailer")); k >= 0 {
				dict = sec[k:]
			}
		} else {
			// A cross-reference stream: its dictionary gives /Size and
			// /Index.
			k := bytes.Index(sec, []byte("stream"))
			if k < 0 {
				return nil
			}
			dict = sec[:k]
			if m := xrefSize.FindSubmatch(dict); m != nil {
				if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > limit {
					return fmt.Errorf("cross-reference stream /Size %s is too large for the file", m[1])
				}
			}
			if m := xrefIndex.FindSubmatch(dict); m != nil {
				idx := bytes.Fields(m[1])
				for j := 0; j+1 < len(idx); j += 2 {
					first, err1 := strconv.ParseInt(string(idx[j]), 10, 64)
					count, err2 := strconv.ParseInt(string(idx[j+1]), 10, 64)
					if err1 != nil || err2 != nil || first > limit || count > limit-first {
						return errors.New("cross-reference stream /Index is too large for the file")
					}
				}
			}
		}
		m := xrefPrev.FindSubmatch(dict)
		if m == nil {
			return nil
		}
		off, err = strconv.ParseInt(string(m[1]), 10, 64)
	}
	return nil
}

// pdfPages lists the document's pages in order, walking the page tree once
// per object: a node met a second time (a cycle, or the same kid listed
// twice) is not walked again, so no page is read twice. Depth and node
// count are bounded as well.
func pdfPages(r *pdf.Reader) (pages []pdf.Page, truncated bool) {
	seen := map[pdfRef]bool{}
	nodes := 0
	var walk func(v pdf.Value, parent pdfRef, depth int)
	walk = func(v pdf.Value, parent pdfRef, depth int) {
		nodes++
		if depth > 32 || nodes > 8*maxPDFPages {
			return
		}
		ref := refOf(v)
		typ := v.Key("Type").Name()
		// A kid that resolves to its parent's own object is the parent
		// again (a self-reference) or a dictionary written inline, which
		// the format does not allow for Kids: only an inline leaf is read.
		if ref == parent && typ != "Page" {
			return
		}
		if ref != parent {
			if seen[ref] {
				return
			}
			seen[ref] = true
		}
		switch typ {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len() && len(pages) < maxPDFPages; i++ {
				walk(kids.Index(i), ref, depth+1)
			}
		case "Page":
			pages = append(pages, pdf.Page{V: v})
		}
	}
	walk(r.Trailer().Key("Root").Key("Pages"), pdfRef{}, 0)
	return pages, len(pages) >= maxPDFPages && r.NumPage() > maxPDFPages
}

// pdfRef is the object number and generation a PDF value was read from.
type pdfRef struct{ id, gen uint64 }

// refOf returns the object a value was resolved from. The PDF library keeps
// it in an unexported field and offers no accessor, so it is read by
// reflection; TestPDFPageTreeCycle fails if a new version of the library
// moves it.
func refOf(v pdf.Value) pdfRef {
	f := reflect.ValueOf(v).FieldByName("ptr")
	if !f.IsValid() || f.Kind() != reflect.Struct || f.NumField() < 2 {
		return pdfRef{}
	}
	return pdfRef{id: f.Field(0).Uint(), gen: f.Field(1).Uint()}
}

// pdfRun is a piece of text drawn in one go, in device space.
type pdfRun struct {
	x, y, end, size float64
	text            string
}

// pdfLine is a line of text.
type pdfLine struct {
	text           string
	x0, x1, y, sz  float64
	widthsAreKnown bool
}

// pdfExtractor turns pages into paragraphs. Text comes out in the order
// the content streams draw it (the reading order of nearly every PDF);
// words are separated where the glyphs leave a gap, lines where the
// baseline moves, paragraphs where the line spacing grows, the font size
// changes or a short line ends a sentence.
type pdfExtractor struct {
	paras     []string
	size      int
	ops       int
	firstLine string
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m×n: m applied first, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

// textState is the part of the graphics state that places text.
type textState struct {
	ctm                   matrix
	tc, tw, th, tl, trise float64
	size                  float64
	font                  *pdfFont
}

// pdfFont is what text extraction needs of a font, read once per page.
type pdfFont struct {
	enc    pdf.TextEncoding
	first  int
	widths []float64
}

// newPDFFont reads a font dictionary; a missing font decodes bytes as
// Latin-1 and has unknown widths.
func newPDFFont(v pdf.Value) *pdfFont {
	f := &pdfFont{enc: latin1{}}
	if v.IsNull() {
		return f
	}
	font := pdf.Font{V: v}
	// The encoder reads the font's ToUnicode CMap with the library's
	// interpreter: check it first.
	if cmap := v.Key("ToUnicode"); cmap.Kind() != pdf.Stream || checkStream(cmap) == nil {
		if enc := font.Encoder(); enc != nil {
			f.enc = enc
		}
	}
	f.first = font.FirstChar()
	if w := v.Key("Widths"); w.Len() <= 65536 {
		f.widths = make([]float64, w.Len())
		for i := range f.widths {
			f.widths[i] = w.Index(i).Float64()
		}
	}
	return f
}

// width is the advance of a one-byte code in thousandths of the font size,
// 0 when unknown.
func (f *pdfFont) width(code byte) float64 {
	if i := int(code) - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return 0
}

// page reads one page's runs and adds its paragraphs. A damaged page gives
// an error and whatever text came before the damage.
func (ex *pdfExtractor) page(p pdf.Page) (err error) {
	var runs []pdfRun
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errPDFLimit) {
				err = errPDFLimit
			} else {
				err = fmt.Errorf("page: %v", r)
			}
		}
		ex.addPage(runs)
	}()
	contents := p.V.Key("Contents")
	if contents.IsNull() {
		return nil
	}
	if err := checkStream(contents); err != nil {
		return fmt.Errorf("page contents: %w", err)
	}
	resources := inherited(p.V, "Resources")
	fonts := map[string]*pdfFont{}
	g := textState{ctm: identity, th: 1, font: newPDFFont(pdf.Value{})}
	var stack []textState
	tm, tlm := identity, identity
	show := func(raw string) {
		text := g.font.enc.Decode(raw)
		// Advance: glyph widths are known per byte for simple fonts.
		var w0 float64
		spaces := 0
		if utf8.RuneCountInString(text) == len(raw) {
			for i := 0; i < len(raw); i++ {
				w0 += g.font.width(raw[i])
				if raw[i] == ' ' {
					spaces++
				}
			}
		}
		adv := (w0/1000*g.size + g.tc*float64(len(raw)) + g.tw*float64(spaces)) * g.th
		trm := tm.mul(g.ctm)
		x, y := trm[2]*g.trise+trm[4], trm[3]*g.trise+trm[5]
		scale := math.Hypot(trm[0], trm[1])
		runs = append(runs, pdfRun{x: x, y: y, end: x + w0/1000*g.size*g.th*scale, size: math.Abs(g.size) * math.Hypot(trm[2], trm[3]), text: text})
		ex.size += len(text)
		if ex.size > maxPDFText {
			panic(errPDFLimit)
		}
		tm = translate(adv, 0).mul(tm)
	}
	nextLine := func() {
		tlm = translate(0, -g.tl).mul(tlm)
		tm = tlm
	}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		ex.ops++
		if ex.ops > maxPDFOps {
			panic(errPDFLimit)
		}
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 { return args[i].Float64() }
		switch {
		case op == "q":
			if len(stack) < 64 {
				stack = append(stack, g)
			}
		case op == "Q":
			if len(stack) > 0 {
				g, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case op == "cm" && n == 6:
			g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
		case op == "BT":
			tm, tlm = identity, identity
		case op == "Tf" && n == 2:
			name := args[0].Name()
			f, ok := fonts[name]
			if !ok {
				f = newPDFFont(resources.Key("Font").Key(name))
				fonts[name] = f
			}
			g.font, g.size = f, num(1)
		case op == "Tc" && n == 1:
			g.tc = num(0)
		case op == "Tw" && n == 1:
			g.tw = num(0)
		case op == "Tz" && n == 1:
			g.th = num(0) / 100
		case op == "TL" && n == 1:
			g.tl = num(0)
		case op == "Ts" && n == 1:
			g.trise = num(0)
		case (op == "Td" || op == "TD") && n == 2:
			if op == "TD" {
				g.tl = -num(1)
			}
			tlm = translate(num(0), num(1)).mul(tlm)
			tm = tlm
		case op == "Tm" && n == 6:
			tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			tm = tlm
		case op == "T*":
			nextLine()
		case op == "Tj" && n == 1:
			show(args[0].RawString())
		case op == "'" && n == 1:
			nextLine()
			show(args[0].RawString())
		case op == "\"" && n == 3:
			g.tw, g.tc = num(0), num(1)
			nextLine()
			show(args[2].RawString())
		case op == "TJ" && n == 1:
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				switch v := a.Index(i); v.Kind() {
				case pdf.String:
					show(v.RawString())
				case pdf.Integer, pdf.Real:
					tm = translate(-v.Float64()/1000*g.size*g.th, 0).mul(tm)
				}
			}
		}
	})
	return nil
}

// inherited returns a page's attribute, looked up through its ancestors in
// the page tree (a bounded walk: a damaged tree can loop).
func inherited(page pdf.Value, key string) pdf.Value {
	v := page
	for range 32 {
		if v.IsNull() {
			break
		}
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// checkStream reads a content stream (or an array of them, read as one)
// and refuses it when it is larger than maxPDFStream once decoded, or when
// the PDF library's lexer would never finish reading it.
func checkStream(v pdf.Value) error {
	var parts []pdf.Value
	if v.Kind() == pdf.Array {
		for i := 0; i < v.Len() && i < 10000; i++ {
			parts = append(parts, v.Index(i))
		}
	} else {
		parts = []pdf.Value{v}
	}
	var data []byte
	for _, part := range parts {
		rc := part.Reader()
		b, err := io.ReadAll(io.LimitReader(rc, maxPDFStream+1-int64(len(data))))
		rc.Close()
		if err != nil {
			return fmt.Errorf("read stream: %w", err)
		}
		data = append(data, b...)
		if len(data) > maxPDFStream {
			return fmt.Errorf("stream larger than %s", bot.HumanBytes(maxPDFStream))
		}
	}
	if lexerLoops(data) {
		return errors.New("stream ends inside a hex string")
	}
	return nil
}

// lexerLoops reports whether the PDF library's lexer (ledongthuc/pdf
// lex.go), reading data token by token, would loop forever: it does when
// the data ends inside a hex string "<...", because at the end of the
// data it reads white space for ever. This follows the library's lexer
// byte for byte, and goes on after anything the library would reject.
func lexerLoops(data []byte) bool {
	n, i := len(data), 0
	unhex := func(c byte) bool {
		return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
	}
	isDelim := func(c byte) bool { return strings.IndexByte("<>()[]{}/%", c) >= 0 }
	for i < n {
		c := data[i]
		i++
		switch c {
		case '%':
			for i < n && data[i] != '\r' && data[i] != '\n' {
				i++
			}
		case '(':
			depth := 1
		literal:
			for depth > 0 && i < n {
				c := data[i]
				i++
				switch c {
				case '(':
					depth++
				case ')':
					depth--
				case '\\':
					if i == n {
						break literal
					}
					e := data[i]
					i++
					switch {
					case strings.IndexByte("nrbtf()\\\r\n", e) >= 0:
					case '0' <= e && e <= '7':
						x := int(e - '0')
						for k := 0; k < 2 && i < n && '0' <= data[i] && data[i] <= '7'; k++ {
							x = x*8 + int(data[i]-'0')
							i++
						}
						if x > 255 {
							break literal // the library rejects the string here
						}
					default:
						break literal // invalid escape: rejected here
					}
				}
			}
		case '<':
			if i < n && data[i] == '<' {
				i++
				continue
			}
			for {
				for i < n && isPDFSpace(data[i]) {
					i++
				}
				if i == n {
					return true
				}
				c1 := data[i]
				i++
				if c1 == '>' {
					break
				}
				for i < n && isPDFSpace(data[i]) {
					i++
				}
				if i == n {
					return true
				}
				c2 := data[i]
				i++
				if !unhex(c1) || !unhex(c2) {
					break // malformed: the library rejects the string here
				}
			}
		case '>':
			if i < n && data[i] == '>' {
				i++
			}
		case '/':
			for i < n && !isDelim(data[i]) && !isPDFSpace(data[i]) {
				if data[i] == '#' {
					i = min(n, i+2)
				}
				i++
			}
		default:
			if !isDelim(c) && !isPDFSpace(c) {
				for i < n && !isDelim(data[i]) && !isPDFSpace(data[i]) {
					i++
				}
			}
		}
	}
	return false
}

// isPDFSpace reports whether c is white space to the PDF library's lexer.
func isPDFSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

// latin1 decodes bytes as Latin-1 characters.
type latin1 struct{}

func (latin1) Decode(raw string) string {
	r := make([]rune, len(raw))
	for i := 0; i < len(raw); i++ {
		r[i] = rune(raw[i])
	}
	return string(r)
}

// addPage turns a page's runs into lines and the lines into paragraphs.
func (ex *pdfExtractor) addPage(runs []pdfRun) {
	var lines []pdfLine
	var cur strings.Builder
	var line pdfLine
	var last pdfRun
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			line.text = t
			lines = append(lines, line)
		}
		cur.Reset()
	}
	for _, r := range runs {
		size := max(r.size, last.size, 1)
		switch {
		case cur.Len() == 0:
		case math.Abs(r.y-last.y) > 0.5*size:
			flush()
		default:
			// Where the previous run's glyph widths are unknown, its end
			// is its start: a move forward still separates words.
			if gap := r.x - last.end; gap > 0.12*size || gap < -0.5*size {
				cur.WriteByte(' ')
			}
		}
		if cur.Len() == 0 {
			line = pdfLine{x0: r.x, y: r.y, sz: r.size}
		}
		cur.WriteString(r.text)
		line.x1 = max(line.x1, r.end)
		line.widthsAreKnown = line.widthsAreKnown || r.end > r.x
		last = r
	}
	flush()
	ex.addLines(lines)
}

// addLines groups lines into paragraphs.
func (ex *pdfExtractor) addLines(lines []pdfLine) {
	// The usual distance between lines of the same size.
	var steps []float64
	maxWidth := 0.0
	for i, l := range lines {
		if l.widthsAreKnown {
			maxWidth = max(maxWidth, l.x1-l.x0)
		}
		if i > 0 {
			if d := lines[i-1].y - l.y; d > 0 && math.Abs(l.sz-lines[i-1].sz) < 0.2*l.sz {
				steps = append(steps, d)
			}
		}
	}
	step := 0.0
	if len(steps) > 0 {
		sort.Float64s(steps)
		step = steps[len(steps)/2]
	}
	var para strings.Builder
	flush := func() {
		t := cleanText(para.String())
		para.Reset()
		if t == "" || strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) && !unicode.IsSpace(r) }) < 0 {
			return // empty, or a page number
		}
		ex.paras = append(ex.paras, t)
	}
	for i, l := range lines {
		if ex.firstLine == "" && strings.ContainsFunc(l.text, unicode.IsLetter) {
			ex.firstLine = cleanText(l.text)
		}
		if i > 0 {
			prev := lines[i-1]
			d := prev.y - l.y
			short := prev.widthsAreKnown && maxWidth > 0 && prev.x1-prev.x0 < 0.75*maxWidth && strings.ContainsAny(prev.text[len(prev.text)-1:], ".!?:\"")
			if d <= 0 || step > 0 && d > 1.4*step || step == 0 && d > 2*l.sz || math.Abs(l.sz-prev.sz) > 0.2*l.sz || short {
				flush()
			}
		}
		switch s := para.String(); {
		case s == "":
		case strings.HasSuffix(s, "-") && len(s) > 1:
			// A word broken at the line end: keep the hyphen ("Turkish-made").
		default:
			para.WriteByte(' ')
		}
		para.WriteString(l.text)
	}
	flush()
}

// text returns the paragraphs read so far, separated by blank lines.
func (ex *pdfExtractor) text() string {
	return strings.Join(ex.paras, "\n\n")
}

// textFixes replaces ligatures and invisible characters common in PDFs.
var textFixes = strings.NewReplacer(
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st",
	"\u00ad", "", "\u00a0", " ", "\ufffd", "", "\ufeff", "",
)

// cleanText makes valid UTF-8 of PDF text, replaces ligatures, drops
// control characters and folds white space.
func cleanText(s string) string {
	s = textFixes.Replace(strings.ToValidUTF8(s, ""))
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// shorten cuts s to at most n bytes, at a word boundary where there is one.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], ' '); i > n/2 {
		cut = i
	}
	return strings.TrimSpace(s[:cut]) + "…"
}
