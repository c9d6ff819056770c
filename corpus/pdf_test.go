package corpus

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// pdfDoc builds a PDF from numbered objects; object 1 is the catalog. The
// fixtures under testdata/pdf are written by TestWritePDFFixtures.
type pdfDoc struct {
	objs []string
}

func (d *pdfDoc) add(s string) int {
	d.objs = append(d.objs, s)
	return len(d.objs)
}

func (d *pdfDoc) stream(dict string, data []byte) int {
	return d.add(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data))
}

// bytes writes the file with its cross-reference table; info is the
// object number of the Info dictionary, or 0.
func (d *pdfDoc) bytes(info int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(d.objs))
	for i, o := range d.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	trailer := fmt.Sprintf("/Size %d /Root 1 0 R", len(d.objs)+1)
	if info > 0 {
		trailer += fmt.Sprintf(" /Info %d 0 R", info)
	}
	fmt.Fprintf(&b, "trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes()
}

// pages adds a page tree of one page per content stream, all using font
// as /F1, and returns the finished file.
func (d *pdfDoc) pages(font string, info string, contents ...[]byte) []byte {
	d.add("<< /Type /Catalog /Pages 2 0 R >>")
	d.add("") // the page tree, set below
	f := d.add(font)
	var kids []string
	for _, c := range contents {
		dict := ""
		if bytes.HasPrefix(c, []byte{0x78}) { // zlib
			dict = "/Filter /FlateDecode"
		}
		cs := d.stream(dict, c)
		kids = append(kids, fmt.Sprintf("%d 0 R", d.add(fmt.Sprintf(
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", f, cs))))
	}
	d.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	in := 0
	if info != "" {
		in = d.add(info)
	}
	return d.bytes(in)
}

// helveticaWidths holds the Helvetica advance widths of codes 32 to 126.
var helveticaWidths = []int{
	278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
}

func helvetica(withWidths bool) string {
	if !withWidths {
		return "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	}
	w := make([]string, len(helveticaWidths))
	for i, n := range helveticaWidths {
		w[i] = fmt.Sprint(n)
	}
	return "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + strings.Join(w, " ") + "] >>"
}

// pdfString is a PDF text string in UTF-16BE with a byte order mark.
func pdfString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String() + ">"
}

func mustDeflate(tb testing.TB, s string) []byte {
	tb.Helper()
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// transferPDF is two pages about arms transfers (the authors' own
// sentences), laid out the way real generators do it: several lines in one
// text object, words spaced by kerning in a TJ array or by a move on the
// same baseline, page numbers in the footer, the second page compressed.
func transferPDF(tb testing.TB) []byte {
	page1 := `BT /F1 18 Tf 72 720 Td (Drones from Turkey reach Central Asia) Tj ET
BT /F1 11 Tf 14 TL 72 690 Td
(Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2022. The first) Tj T*
(aircraft were shown at a parade in Bishkek that autumn.) Tj
0 -28 Td [(Uzbekistan) -300 (ordered) -300 (Turkish) -300 (armoured) -300 (vehicles) -300 (in) -300 (2023,) -300 (and)] TJ T*
(Ankara) Tj 50 0 Td (confirmed the deal a month later.) Tj
ET
BT /F1 9 Tf 300 40 Td (1) Tj ET
`
	page2 := `BT /F1 11 Tf 14 TL 72 720 Td
(Tajikistan received armoured vehicles from China in 2021, while) Tj T*
(Turkmenistan bought patrol boats built in Turkey. Kazakhstan signed a) Tj T*
(licence to assemble Anka drones.) Tj
ET
BT /F1 9 Tf 300 40 Td (2) Tj ET
`
	d := &pdfDoc{}
	return d.pages(helvetica(true), "<< /Title "+pdfString("Türkiye's drones for Central Asia")+" /Producer (briefbot tests) >>",
		[]byte(page1), mustDeflate(tb, page2))
}

// scannedPDF is one page holding only an image, like a scan without OCR.
func scannedPDF() []byte {
	d := &pdfDoc{}
	d.add("<< /Type /Catalog /Pages 2 0 R >>")
	d.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	d.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>")
	d.stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0, 255, 255, 0})
	d.stream("", []byte("q 400 0 0 400 100 200 cm /Im1 Do Q\n"))
	return d.bytes(0)
}

// TestWritePDFFixtures rewrites testdata/pdf with go test -run
// TestWritePDFFixtures -update; without -update it only checks that the
// committed fixtures stay small.
func TestWritePDFFixtures(t *testing.T) {
	good := transferPDF(t)
	files := map[string][]byte{
		"transfer.pdf":  good,
		"scanned.pdf":   scannedPDF(),
		"truncated.pdf": good[:len(good)*3/5],
	}
	for name, data := range files {
		p := filepath.Join("testdata", "pdf", name)
		if *update {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%v (run go test -run TestWritePDFFixtures -update)", err)
		}
		if info.Size() >= 10<<10 {
			t.Errorf("%s is %d bytes; keep fixtures under 10 KB", p, info.Size())
		}
	}
}

func TestLoadPDF(t *testing.T) {
	dir := filepath.Join("testdata", "pdf")
	res := Loader{}.LoadPaths(dir)
	if len(res.Reports) != 1 {
		t.Fatalf("got %d reports, want 1 (transfer.pdf); problems: %v", len(res.Reports), res.Problems)
	}
	r := res.Reports[0]
	if r.ID != "transfer" || r.Title != "Türkiye's drones for Central Asia" || r.Origin != filepath.Join(dir, "transfer.pdf") {
		t.Errorf("report ID %q, title %q, origin %q; want transfer, the PDF's Info Title, the file", r.ID, r.Title, r.Origin)
	}
	for _, want := range []string{
		"Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in 2022. The first aircraft were shown at a parade in Bishkek that autumn.",
		"Uzbekistan ordered Turkish armoured vehicles in 2023, and Ankara confirmed the deal a month later.",                // TJ kerning and a move on one line
		"Tajikistan received armoured vehicles from China in 2021, while Turkmenistan bought patrol boats built in Turkey.", // page 2, compressed
	} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, r.Body)
		}
	}
	paras := strings.Split(r.Body, "\n\n")
	if len(paras) != 4 || paras[0] != "Drones from Turkey reach Central Asia" {
		t.Errorf("got %d paragraphs %q, want the heading and 3 paragraphs (page numbers dropped)", len(paras), paras)
	}
	want := map[string]string{
		"scanned.pdf":   "no extractable text (scanned?)",
		"truncated.pdf": "unreadable PDF (damaged or truncated file)",
	}
	for _, p := range res.Problems {
		name := filepath.Base(p.Path)
		text, ok := want[name]
		if !ok {
			t.Errorf("unexpected problem %v", p)
			continue
		}
		delete(want, name)
		if p.Severity != Error || !strings.Contains(p.Error(), text) || !strings.HasPrefix(p.Error(), filepath.Join(dir, name)+": ") {
			t.Errorf("problem %q (%v), want an error naming %s and saying %q", p.Error(), p.Severity, name, text)
		}
	}
	for name := range want {
		t.Errorf("no problem for %s", name)
	}
	if !errors.Is(res.Problems[0], ErrBadPDF) && !errors.Is(res.Problems[0], ErrNoPDFText) {
		t.Errorf("problem %v wraps neither ErrBadPDF nor ErrNoPDFText", res.Problems[0])
	}
}

func TestPDFText(t *testing.T) {
	good := transferPDF(t)
	pdf2 := bytes.Clone(good)
	copy(pdf2, "%PDF-2.0")
	noWidths := (&pdfDoc{}).pages(helvetica(false), "", []byte(`BT /F1 12 Tf 72 700 Td
(Kazakhstan) Tj 70 0 Td (bought) Tj 40 0 Td [(Chinese) -400 (Wing) (Loong) -400 (drones.)] TJ ET
BT /F1 12 Tf 72 680 Td (Second line of the paragraph.) Tj ET`))
	untitled := (&pdfDoc{}).pages(helvetica(true), "<< /Title (untitled) >>", []byte(`BT /F1 12 Tf 72 700 Td (Arms for Ashgabat) Tj ET
BT /F1 10 Tf 72 670 Td (Turkmenistan took delivery of Chinese air-defence systems.) Tj ET`))
	tests := []struct {
		name      string
		data      []byte
		title     string
		text      string // contained in the text
		err       error
		errText   string
		wantEmpty bool
	}{
		{name: "two pages", data: good, title: "Türkiye's drones for Central Asia", text: "Kazakhstan signed a licence to assemble Anka drones."},
		{name: "PDF 2.0 header", data: pdf2, title: "Türkiye's drones for Central Asia", text: "Bishkek that autumn."},
		{name: "font without widths", data: noWidths, title: "Kazakhstan bought Chinese WingLoong drones.",
			text: "Kazakhstan bought Chinese WingLoong drones. Second line of the paragraph."},
		{name: "title from first line", data: untitled, title: "Arms for Ashgabat", text: "Arms for Ashgabat\n\nTurkmenistan took delivery"},
		{name: "scan", data: scannedPDF(), err: ErrNoPDFText, errText: "no extractable text (scanned?)"},
		{name: "truncated", data: good[:len(good)/2], err: ErrBadPDF, errText: "missing %%EOF"},
		{name: "not a PDF", data: []byte("<html>hello</html>"), err: ErrBadPDF, errText: "not a PDF"},
		{name: "empty", data: nil, err: ErrBadPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, text, err := PDFText(tt.data)
			if tt.err != nil {
				if !errors.Is(err, tt.err) || !strings.Contains(fmt.Sprint(err), tt.errText) || text != "" {
					t.Errorf("PDFText = %q, %v; want no text and an error wrapping %v saying %q", text, err, tt.err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatalf("PDFText: %v", err)
			}
			if title != tt.title || !strings.Contains(text, tt.text) {
				t.Errorf("PDFText = %q,\n%q\nwant title %q and text containing %q", title, text, tt.title, tt.text)
			}
		})
	}
}

// TestPDFTextHostileXref: cross-reference tables that would make the PDF
// library allocate gigabytes, or follow /Prev links for ever, are refused.
func TestPDFTextHostileXref(t *testing.T) {
	good := transferPDF(t)
	xref := bytes.LastIndex(good, []byte("\nxref\n")) + 1
	huge := bytes.Replace(good, []byte("xref\n0 "), []byte("xref\n2000000000 "), 1)
	loop := bytes.Replace(good, []byte("trailer\n<< "), fmt.Appendf(nil, "trailer\n<< /Prev %d ", xref), 1)
	for name, data := range map[string][]byte{"huge subsection": huge, "Prev loop": loop} {
		_, _, err := PDFText(data)
		if !errors.Is(err, ErrBadPDF) || !strings.Contains(fmt.Sprint(err), "cross-reference") {
			t.Errorf("%s: error %v, want ErrBadPDF about the cross-reference sections", name, err)
		}
	}
}

func TestLexerLoops(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"BT (Hello) Tj ET", false},
		{"<48 65", true},  // a hex string open at the end
		{"<48 65 ", true}, // white space is all the lexer sees after the end
		{"<4865> Tj", false},
		{"<<", false},        // a dictionary, not a hex string
		{"<zz", false},       // malformed: the library stops there
		{"(abc <48", false},  // inside a string until the end
		{"(a\\x) <48", true}, // an invalid escape ends the string early
		{"(a\\) <48", false}, // an escaped parenthesis does not
		{"(a (b) c) <48", true},
		{"% comment <48\n", false},
		{"/a#3c<48", true},
	}
	for _, tt := range tests {
		if got := lexerLoops([]byte(tt.in)); got != tt.want {
			t.Errorf("lexerLoops(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestLoadLongPDF: a PDF over the page limit is read up to it, with a
// warning.
func TestLoadLongPDF(t *testing.T) {
	pages := make([][]byte, maxPDFPages+1)
	for i := range pages {
		pages[i] = fmt.Appendf(nil, "BT /F1 11 Tf 72 700 Td (Page %d: Kazakhstan ordered more drones.) Tj ET", i+1)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "long.pdf")
	if err := os.WriteFile(p, (&pdfDoc{}).pages(helvetica(true), "", pages...), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Loader{}.LoadPaths(p)
	if len(res.Reports) != 1 || len(res.Problems) != 1 || res.Problems[0].Severity != Warning ||
		!strings.Contains(res.Problems[0].Error(), "only the first 500 pages") {
		t.Fatalf("reports %d, problems %v; want the report and a warning", len(res.Reports), res.Problems)
	}
	r := res.Reports[0]
	if r.Title != "Page 1: Kazakhstan ordered more drones." || !strings.Contains(r.Body, "Page 500:") || strings.Contains(r.Body, "Page 501:") {
		t.Errorf("title %q; body ends %q", r.Title, r.Body[len(r.Body)-80:])
	}
}

// TestPDFTextDamagedNeverPanics feeds PDFText hundreds of damaged copies
// of a good PDF: truncated, bytes flipped, runs of garbage. Each must give
// text or an error, quickly, and never panic.
func TestPDFTextDamagedNeverPanics(t *testing.T) {
	good := transferPDF(t)
	rng := rand.New(rand.NewPCG(1, 2))
	variants := 400
	if testing.Short() {
		variants = 50
	}
	for i := range variants {
		data := bytes.Clone(good)
		switch i % 3 {
		case 0:
			data = data[:rng.IntN(len(data))]
			data = append(data, "\nstartxref\n9\n%%EOF\n"...)
		case 1:
			for range 1 + rng.IntN(8) {
				data[rng.IntN(len(data))] ^= byte(1 + rng.IntN(255))
			}
		case 2:
			at := rng.IntN(len(data))
			for j := at; j < min(len(data), at+1+rng.IntN(40)); j++ {
				data[j] = "()<>[]{}/%0123456789 RobjTjBTET\n"[rng.IntN(32)]
			}
		}
		start := time.Now()
		_, text, err := PDFText(data)
		if err == nil && text == "" {
			t.Errorf("variant %d: no error and no text", i)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("variant %d took %v", i, d)
		}
	}
}

func FuzzPDFText(f *testing.F) {
	f.Add(transferPDF(f))
	f.Add(scannedPDF())
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, text, err := PDFText(data)
		if err == nil && text == "" {
			t.Error("no error and no text")
		}
	})
}

// cyclicPagesPDF is a damaged page tree: the root lists itself, lists one
// page twice, and holds a subtree whose only kid points back at the root.
// Its one page says one sentence.
func cyclicPagesPDF() []byte {
	d := &pdfDoc{}
	d.add("<< /Type /Catalog /Pages 2 0 R >>")
	d.add("<< /Type /Pages /Kids [2 0 R 4 0 R 4 0 R 6 0 R] /Count 3 >>")
	d.add(helvetica(true))
	d.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>")
	d.stream("", []byte("BT /F1 12 Tf 72 700 Td (Belarus handed over two radars to Tajikistan in 2020.) Tj ET\n"))
	d.add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 1 >>")
	return d.bytes(0)
}

// TestPDFPageTreeCycle reads a page tree that loops back on itself and
// lists a page twice: every page object is read once.
func TestPDFPageTreeCycle(t *testing.T) {
	p := filepath.Join("testdata", "pdfpages", "cyclic.pdf")
	if *update {
		if err := os.WriteFile(p, cyclicPagesPDF(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := Loader{}.LoadPaths(p)
	if len(res.Reports) != 1 || len(res.Problems) != 0 {
		t.Fatalf("got %d reports and problems %v, want one report", len(res.Reports), res.Problems)
	}
	const sentence = "Belarus handed over two radars to Tajikistan in 2020."
	if got := strings.Count(res.Reports[0].Body, sentence); got != 1 {
		t.Errorf("the page's sentence is in the body %d times, want once:\n%s", got, res.Reports[0].Body)
	}
}
