package sipri

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse. It never panics; it returns
// an Export or an error, never both; an error is a *LineError naming a line
// of the file and saying what is wrong; every deal has a supplier, a
// recipient, a category and an ID and gives a complete relation; and
// parsing is deterministic.
//
// Seeds: the fixtures, and testdata/fuzz/FuzzParse/ (invalid UTF-8, NUL,
// UTF-16, unterminated quotes, huge rows, Cyrillic and bidi text). A
// crasher found with go test -fuzz=FuzzParse lands there too; commit it and
// it runs with every go test.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"classic.csv", "modern.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte(""))
	f.Add([]byte("name,age\nbob,3\n"))
	f.Add([]byte("Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery\nA,B,2020,?,1,,X,armed UAV,1,,2021-2022\nA,B,\"q\n\"\"x\",,,,,,,,\n"))
	f.Add([]byte("SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Numbers delivered,Delivery year;\r\n1,A,B**,C -,SAM,2,2020;\r\n1,A,B**,C -,SAM,;\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Parse(bytes.NewReader(data))
		if (e == nil) == (err == nil) {
			t.Fatalf("Parse = %v, %v: want exactly one of an Export and an error", e, err)
		}
		Detect(data)
		if err != nil {
			var le *LineError
			lines := bytes.Count(data, []byte{'\n'}) + 1
			switch {
			case !errors.As(err, &le):
				t.Fatalf("error %q is not a *LineError", err)
			case !strings.HasPrefix(err.Error(), "line "):
				t.Fatalf("error %q does not name a line", err)
			case le.Line < 1 || le.Line > lines:
				t.Fatalf("error %q names line %d of a file of %d lines", err, le.Line, lines)
			case strings.TrimSpace(le.Err.Error()) == "":
				t.Fatalf("error %q says nothing", err)
			}
			known := false
			for _, kind := range []error{ErrEmpty, ErrNotSIPRI, ErrTruncated, ErrEncoding, ErrColumns, ErrHeader, ErrValue} {
				known = known || errors.Is(err, kind)
			}
			if !known {
				t.Fatalf("error %q is of no documented kind", err)
			}
			return
		}
		if e.Rows < len(e.Deals) {
			t.Fatalf("%d rows, %d deals", e.Rows, len(e.Deals))
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, d := range e.Deals {
			if d.Line < 1 || d.Line > lines || d.ID == "" || d.Supplier == "" || d.Recipient == "" || d.Category == "" ||
				d.Ordered < -1 || d.Delivered < 0 || !slices.IsSorted(d.DeliveryYears) {
				t.Fatalf("bad deal %+v", d)
			}
			if r := d.Relation(); r.Supplier == "" || r.Recipient == "" || r.Status == "" || r.Kind == "" || r.Evidence.Sentence == "" {
				t.Fatalf("bad relation %+v", r)
			}
			_ = e.Citation(d)
		}
		again, err := Parse(bytes.NewReader(data))
		if err != nil || fmt.Sprint(again.Deals) != fmt.Sprint(e.Deals) {
			t.Fatalf("a second parse differs: %v", err)
		}
	})
}

// classicBenchFile builds a classic export of n deals from the fixture's
// rows (broken comments included), repeated in turn.
func classicBenchFile(tb testing.TB, n int) []byte {
	tb.Helper()
	e, data := MustParseFile(tb, "classic.csv")
	lines := strings.SplitAfter(string(data), "\n")
	var records []string
	for i, d := range e.Deals {
		end := len(lines)
		if i+1 < len(e.Deals) {
			end = e.Deals[i+1].Line - 1
		}
		records = append(records, strings.Join(lines[d.Line-1:end], ""))
	}
	var b bytes.Buffer
	b.WriteString(strings.Join(lines[:e.Deals[0].Line-1], ""))
	for i := 0; i < n; i++ {
		b.WriteString(records[i%len(records)])
	}
	return b.Bytes()
}

func BenchmarkParseClassic(b *testing.B) {
	const deals = 29000
	data := classicBenchFile(b, deals)
	e, err := Parse(bytes.NewReader(data))
	if err != nil || len(e.Deals) != deals {
		b.Fatalf("generated file: %v, %d deals", err, len(e.Deals))
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n*deals)/b.Elapsed().Seconds(), "deals/s")
}

func ExampleParse() {
	export := "Transfers of major conventional arms from All countries  to All countries .;\r\n" +
		"Data generated: 12 Feb 2026 12:26:12 PM;\r\n" +
		"SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production;\r\n" +
		"64964,Turkiye,Kyrgyzstan,Bayraktar TB-2,armed UAV,Aircraft,2021,No,1,Yes,2021,No,New,2.4,2.4,2.4,No;\r\n" +
		"64964,Turkiye,Kyrgyzstan,Bayraktar TB-2,armed UAV,Aircraft,2021,No,2,Yes,2022,Yes,New,2.4,2.4,4.8,No;\r\n"
	e, err := Parse(strings.NewReader(export))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := e.Deals[0]
	r := d.Relation()
	fmt.Println(e.Format, len(e.Deals), "deal from", e.Rows, "rows")
	fmt.Println(r.Supplier, "->", r.Recipient, r.System, r.Category, r.Status, r.Kind, r.Years)
	fmt.Println(d.Sentence())
	fmt.Println(e.Citation(d))
	fmt.Println(CreditLine)
	// Output:
	// modern 1 deal from 2 rows
	// Turkey -> Kyrgyzstan Bayraktar TB-2 Aircraft delivered sale [2021 2022]
	// Turkey to Kyrgyzstan: Bayraktar TB-2 armed UAVs ordered in 2021, 3 delivered in 2021 and 2022 (number and years uncertain).
	// SIPRI Arms Transfers Database, export of 12 Feb 2026, deal Bayraktar TB-2 (2021)
	// Information from the SIPRI Arms Transfers Database
}
