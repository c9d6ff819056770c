package sipri

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// parse reads a whole export held in memory.
func parse(data []byte) (*Export, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, lineErr(1, ErrEmpty, "the file is empty: no SIPRI preamble or header row")
	}
	if _, ok := utf16Order(data); ok {
		return nil, lineErr(1, ErrEncoding, "the file is UTF-16 text; SIPRI exports are UTF-8 (modern) or ISO-8859-1 (classic): export or save it again as one of those")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, lineErr(1+bytes.Count(data[:i], []byte{'\n'}), ErrEncoding, "NUL byte: the file is binary or UTF-16, not a SIPRI CSV export")
	}
	bom := bytes.HasPrefix(data, bomUTF8)
	data = trimBOM(data)

	// Find the header row; it and the preamble are plain ASCII in either
	// encoding, so the raw bytes will do.
	format, hline := Format(""), 0
	head := rawLines(data, headerSearchLines)
	marker := false
	for _, ln := range head {
		s := string(ln.text)
		if f, ok := headerFormat(s); ok {
			format, hline = f, ln.num
			break
		}
		if isPreambleMarker(trimStray(s)) {
			marker = true
		}
	}
	if format == "" {
		last := head[len(head)-1].num
		switch {
		case marker && len(head) < headerSearchLines:
			return nil, lineErr(last, ErrTruncated, "the file ends after the SIPRI preamble: the header row (\"Recipient,Supplier,...\" or \"SIPRI AT Database ID,...\") is missing")
		case marker:
			return nil, lineErr(last, ErrTruncated, "no header row in the first %d lines after the SIPRI preamble", headerSearchLines)
		}
		return nil, lineErr(1, ErrNotSIPRI, "no SIPRI preamble and no header row (\"Recipient,Supplier,Year of order,...\" or \"SIPRI AT Database ID,Supplier,...\") in the first %d lines", len(head))
	}

	// Decode the text.
	var text string
	switch {
	case format == Modern || bom:
		if !utf8.Valid(data) {
			line, b := firstInvalidUTF8(data)
			what := "the modern export is UTF-8"
			if format == Classic {
				what = "the file starts with a UTF-8 byte-order mark"
			}
			return nil, lineErr(line, ErrEncoding, "invalid UTF-8 (byte 0x%02X): %s; was it saved in another encoding?", b, what)
		}
		text = string(data)
	case utf8.Valid(data) && hasNonASCII(data):
		// A classic export someone saved again as UTF-8.
		text = string(data)
	default:
		text = decodeLatin1(data)
	}
	lines := splitText(text)

	e := &Export{Format: format}
	readPreamble(e, lines[:hline-1], format == Modern)
	hdr := lines[hline-1]
	htext := hdr.text
	if format == Modern {
		htext = trimStray(htext)
	}
	header, _ := splitFields(nil, htext, false)
	rr := &recordReader{lines: lines[hline:], want: len(header), stray: format == Modern}
	var err error
	if format == Classic {
		err = parseClassic(e, header, hdr.num, rr)
	} else {
		err = parseModern(e, header, hdr.num, rr)
	}
	if err != nil {
		return nil, err
	}
	return e, nil
}

// readPreamble sets the title and generation time from the preamble lines.
func readPreamble(e *Export, pre []textLine, stray bool) {
	for _, ln := range pre {
		s := strings.TrimSpace(ln.text)
		if stray {
			s = trimStray(s)
		}
		if s == "" {
			continue
		}
		if e.Title == "" {
			e.Title = s
		}
		if rest, ok := cutPrefixFold(s, "Data generated:"); ok && e.Generated.IsZero() {
			e.Generated = parseGenerated(rest)
		}
	}
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return strings.TrimSpace(s[len(prefix):]), true
	}
	return s, false
}

// generatedLayouts are the ways SIPRI has written "Data generated:".
var generatedLayouts = []string{
	"2 Jan 2006 3:04:05 PM",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 3:04 PM",
	"2 Jan 2006 15:04",
	"2 January 2006 3:04:05 PM",
	"2 January 2006 15:04:05",
	"2 January 2006",
	"2 Jan 2006",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02",
}

// parseGenerated reads the time of a "Data generated:" line; zero when it
// cannot.
func parseGenerated(s string) time.Time {
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range generatedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// columns maps header names to field indexes.
type columns struct {
	idx  map[string]int // column key -> index of the named column
	flag map[string]int // column key -> index of the unnamed flag column after it
}

func newColumns(header []string) columns {
	c := columns{idx: map[string]int{}, flag: map[string]int{}}
	prev := ""
	for i, h := range header {
		k := columnKey(h)
		if k == "" {
			if prev != "" {
				if _, ok := c.flag[prev]; !ok {
					c.flag[prev] = i
				}
			}
			continue
		}
		if _, ok := c.idx[k]; !ok {
			c.idx[k] = i
		}
		prev = k
	}
	return c
}

// get returns the index of the first of names present, or -1.
func (c columns) get(names ...string) int {
	for _, n := range names {
		if i, ok := c.idx[n]; ok {
			return i
		}
	}
	return -1
}

// flagOf returns the index of the flag column after the column at index i,
// or -1.
func (c columns) flagOf(names ...string) int {
	for _, n := range names {
		if i, ok := c.flag[n]; ok {
			return i
		}
	}
	return -1
}

// cell returns the trimmed field at index i, "" when i < 0.
func cell(f []string, i int) string {
	if i < 0 || i >= len(f) {
		return ""
	}
	return strings.TrimSpace(f[i])
}
