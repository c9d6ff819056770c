package sipri

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// fixtureLines returns a fixture's lines, without line ends.
func fixtureLines(tb testing.TB, name string) (lines []string, eol string) {
	tb.Helper()
	_, data := MustParseFile(tb, name)
	eol = "\n"
	if bytes.Contains(data, []byte("\r\n")) && name == "modern.csv" {
		eol = "\r\n"
	}
	return strings.Split(strings.TrimSuffix(string(data), eol), eol), eol
}

// withLines joins the first n lines of a fixture and extra lines.
func withLines(lines []string, n int, eol string, extra ...string) []byte {
	out := append(append([]string(nil), lines[:n]...), extra...)
	return []byte(strings.Join(out, eol) + eol)
}

func utf16LE(s string, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		binary.Write(&b, binary.LittleEndian, u)
	}
	return b.Bytes()
}

func TestParseErrors(t *testing.T) {
	classic, _ := fixtureLines(t, "classic.csv")
	modern, crlf := fixtureLines(t, "modern.csv")
	const classicRow = "Kazakhstan,Spain,2017,,2,,C-295,transport aircraft,2,,2017,New,,12.5,25,25"
	const modernRow = "64859,Turkiye,Turkmenistan,Bayraktar TB-2,armed UAV,Aircraft,2020,Yes,3,Yes,2021,No,New,2.4,2.4,7.2,No;"

	for _, tc := range []struct {
		name string
		in   []byte
		kind error
		line int
		msg  string // a part of the message
	}{
		{"empty file", nil, ErrEmpty, 1, "empty"},
		{"blank lines only", []byte("\n\r\n  \n"), ErrEmpty, 1, "empty"},
		{"classic preamble only", withLines(classic, 11, "\n"), ErrTruncated, 11, "header row"},
		{"modern preamble only", withLines(modern, 11, crlf), ErrTruncated, 11, "header row"},
		{"header cut short", withLines(classic, 11, "\n", "Recipient,Supplier,Year of or"), ErrTruncated, 12, "header row"},
		{"non-SIPRI CSV", []byte("name,country,year\nBob,Kazakhstan,2020\n"), ErrNotSIPRI, 1, "no SIPRI preamble"},
		{"non-SIPRI text", []byte("hello\n"), ErrNotSIPRI, 1, "no SIPRI preamble"},
		{"UTF-16 with BOM", utf16LE(strings.Join(classic, "\n"), true), ErrEncoding, 1, "UTF-16"},
		{"UTF-16 without BOM", utf16LE(strings.Join(modern, "\r\n"), false), ErrEncoding, 1, "UTF-16"},
		{"NUL byte", withLines(classic, 12, "\n", "Kazakhstan,Spain\x00,2017"), ErrEncoding, 13, "NUL"},
		{"modern not UTF-8", withLines(modern, 13, crlf, "63132,T\xfcrkiye,Turkmenistan,C-92 -,frigate,Ships,2019,No,1,No,2021,No,New,151.25,151.25,151.25,Yes;"), ErrEncoding, 14, "invalid UTF-8 (byte 0xFC)"},
		{"classic BOM but Latin-1", append(append([]byte{}, bomUTF8...), withLines(classic, 12, "\n", "Turkmenistan,T\xfcrkiye,2020,?,3,?,Bayraktar TB2,armed UAV,3,,2021,New,,2.4,7.2,7.2")...), ErrEncoding, 13, "byte-order mark"},
		{"classic row too long", withLines(classic, 12, "\n", classicRow, classicRow+",extra"), ErrColumns, 14, "row has 17 fields, the header 16"},
		{"classic row too short", withLines(classic, 12, "\n", "Kazakhstan,Spain,2017,,2,,C-295,transport aircraft,2", classicRow), ErrColumns, 13, "row has 9 fields, the header 16"},
		{"classic row cut at end", withLines(classic, 12, "\n", classicRow, "Kazakhstan,Spain,2017,,2,,C-295,tran"), ErrColumns, 14, "row has 8 fields, the header 16 (file truncated?)"},
		{"classic unclosed quote", withLines(classic, 12, "\n", `Kazakhstan,Spain,2017,,2,,C-295,transport aircraft,2,,2017,New,"open comment,12.5,25,25`), ErrColumns, 13, "never closed"},
		{"modern row too short", withLines(modern, 12, crlf, "64859,Turkiye,Turkmenistan;", modernRow), ErrColumns, 13, "row has 3 fields, the header 17"},
		{"modern row too long", withLines(modern, 12, crlf, modernRow, "1,"+modernRow), ErrColumns, 14, "row has 18 fields, the header 17"},
		{"bad order year", withLines(classic, 12, "\n", strings.Replace(classicRow, "2017", "20x7", 1)), ErrValue, 13, `Year of order "20x7" is not a year`},
		{"bad number", withLines(classic, 12, "\n", strings.Replace(classicRow, ",2,,C-295", ",two,,C-295", 1)), ErrValue, 13, `Number ordered "two" is not a number`},
		{"bad delivery years", withLines(classic, 12, "\n", strings.Replace(classicRow, ",2,,2017,", ",2,,2017; soon,", 1)), ErrValue, 13, `Year(s) of delivery "2017; soon" is not a list of years`},
		{"bad flag", withLines(classic, 12, "\n", strings.Replace(classicRow, "2017,,2,", "2017,x,2,", 1)), ErrValue, 13, "flag column after Year of order"},
		{"bad TIV", withLines(classic, 12, "\n", strings.Replace(classicRow, "12.5", "12,5", 1)), ErrColumns, 13, "row has 17 fields"},
		{"empty supplier", withLines(classic, 12, "\n", strings.Replace(classicRow, "Spain", "", 1)), ErrValue, 13, "Supplier is empty"},
		{"recipient only asterisks", withLines(classic, 12, "\n", strings.Replace(classicRow, "Kazakhstan", "**", 1)), ErrValue, 13, "Recipient is empty"},
		{"modern bad Yes/No", withLines(modern, 12, crlf, strings.Replace(modernRow, "2020,Yes", "2020,Maybe", 1)), ErrValue, 13, `Order date is estimate "Maybe" is not Yes or No`},
		{"modern empty ID", withLines(modern, 12, crlf, strings.Replace(modernRow, "64859", "", 1)), ErrValue, 13, "ID is empty"},
		{"classic header without a needed column", withLines(classic, 11, "\n", strings.Replace(classic[11], "Weapon description", "Notes", 1), classicRow), ErrHeader, 12, `no "Weapon description" column`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Parse(bytes.NewReader(tc.in))
			if err == nil {
				t.Fatalf("Parse succeeded with %d deals, want an error", len(e.Deals))
			}
			if e != nil {
				t.Errorf("Parse returned an Export with the error %v", err)
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("error %q is not %v", err, tc.kind)
			}
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("error %q is not a *LineError", err)
			}
			if le.Line != tc.line {
				t.Errorf("error %q names line %d, want %d", err, le.Line, tc.line)
			}
			if !strings.HasPrefix(err.Error(), "line ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q, want it to contain %q", err, tc.msg)
			}
		})
	}
}

// TestParseLenient covers odd but valid inputs.
func TestParseLenient(t *testing.T) {
	classic, _ := fixtureLines(t, "classic.csv")
	modern, crlf := fixtureLines(t, "modern.csv")
	for _, tc := range []struct {
		name  string
		in    []byte
		deals int
		check func(t *testing.T, e *Export)
	}{
		{"header and no rows", withLines(classic, 12, "\n"), 0, nil},
		{"no preamble", []byte(strings.Join(classic[11:14], "\n")), 2, func(t *testing.T, e *Export) {
			if !e.Generated.IsZero() || e.Title != "" {
				t.Errorf("Generated %v, Title %q, want zero", e.Generated, e.Title)
			}
			if got, want := e.Citation(e.Deals[0]), "SIPRI Arms Transfers Database, deal Bayraktar TB2 (2020)"; got != want {
				t.Errorf("Citation = %q, want %q", got, want)
			}
		}},
		{"trailing blank lines", withLines(classic, 13, "\n", "", "", ""), 1, nil},
		{"classic saved as UTF-8 with CRLF", []byte(strings.ReplaceAll(string(decodeLatin1(withLines(classic, 14, "\n"))), "\n", "\r\n")), 2, func(t *testing.T, e *Export) {
			if got := e.Deals[1].Comments; got != "For Cobra-2 APC from Türkiye" {
				t.Errorf("Comments = %q", got)
			}
		}},
		{"modern without stray semicolons", []byte(strings.ReplaceAll(string(withLines(modern, 14, crlf)), ";\r\n", "\r\n")), 2, nil},
		{"modern with UTF-8 BOM", append(append([]byte{}, bomUTF8...), withLines(modern, 13, crlf)...), 1, nil},
		{"quoted comment with comma and line break", withLines(classic, 12, "\n",
			`Kazakhstan,Spain,2017,,2,,C-295,transport aircraft,2,,2017,New,"Deal, says ""El Pais"",`, `in 2017",12.5,25,25`), 1,
			func(t *testing.T, e *Export) {
				if got, want := e.Deals[0].Comments, `Deal, says "El Pais", in 2017`; got != want {
					t.Errorf("Comments = %q, want %q", got, want)
				}
			}},
		{"unparseable generation date", []byte(strings.Replace(string(withLines(classic, 13, "\n")), "13 Mar 2025 10:02:49 AM", "soon", 1)), 1, func(t *testing.T, e *Export) {
			if !e.Generated.IsZero() {
				t.Errorf("Generated = %v, want zero", e.Generated)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Parse(bytes.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(e.Deals) != tc.deals {
				t.Fatalf("%d deals, want %d", len(e.Deals), tc.deals)
			}
			if tc.check != nil {
				tc.check(t, e)
			}
		})
	}
}

// errReader fails after its data.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestParseReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	e, err := Parse(errReader{boom})
	if !errors.Is(err, boom) || e != nil {
		t.Errorf("Parse = %v, %v; want nil and the read error", e, err)
	}
}
