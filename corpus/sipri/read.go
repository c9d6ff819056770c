package sipri

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// headerSearchLines is how far down Parse and Detect look for the header
// row. SIPRI's preamble is 11 lines.
const headerSearchLines = 64

// maxJoinLines bounds how many physical lines one record may span (a quoted
// field with line breaks, or a comment broken by bare line breaks).
const maxJoinLines = 64

// rawLine is one physical line of the input without its "\n" (and "\r").
type rawLine struct {
	num  int
	text []byte
}

// rawLines splits data into at most max lines (all when max <= 0).
func rawLines(data []byte, max int) []rawLine {
	var out []rawLine
	for n := 1; len(data) > 0 && (max <= 0 || n <= max); n++ {
		i := bytes.IndexByte(data, '\n')
		var ln []byte
		if i < 0 {
			ln, data = data, nil
		} else {
			ln, data = data[:i], data[i+1:]
		}
		out = append(out, rawLine{num: n, text: bytes.TrimSuffix(ln, []byte{'\r'})})
	}
	return out
}

// textLine is one decoded physical line.
type textLine struct {
	num  int
	text string
}

// splitText splits decoded text into lines, dropping "\r" before "\n".
func splitText(text string) []textLine {
	out := make([]textLine, 0, strings.Count(text, "\n")+1)
	for n := 1; text != ""; n++ {
		i := strings.IndexByte(text, '\n')
		var ln string
		if i < 0 {
			ln, text = text, ""
		} else {
			ln, text = text[:i], text[i+1:]
		}
		out = append(out, textLine{num: n, text: strings.TrimSuffix(ln, "\r")})
	}
	return out
}

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, bomUTF8) }

// utf16Head decodes a head that starts with a UTF-16 byte-order mark, or
// looks like UTF-16 (every other byte NUL), to UTF-8 for sniffing.
func utf16Head(b []byte) ([]byte, bool) {
	le, ok := utf16Order(b)
	if !ok {
		return nil, false
	}
	if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		b = b[2:]
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if le {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	return []byte(string(utf16.Decode(u))), true
}

// utf16Order reports whether b looks like UTF-16 text and, if so, whether
// it is little-endian.
func utf16Order(b []byte) (littleEndian, ok bool) {
	if len(b) >= 2 {
		switch {
		case b[0] == 0xFF && b[1] == 0xFE:
			return true, true
		case b[0] == 0xFE && b[1] == 0xFF:
			return false, true
		}
	}
	if len(b) < 8 {
		return false, false
	}
	n := min(len(b), 512) &^ 1
	evenNUL, oddNUL := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenNUL++
		}
		if b[i+1] == 0 {
			oddNUL++
		}
	}
	half := n / 2
	switch {
	case oddNUL*4 >= half*3 && evenNUL*4 < half:
		return true, true
	case evenNUL*4 >= half*3 && oddNUL*4 < half:
		return false, true
	}
	return false, false
}

// cp1252 maps bytes 0x80-0x9F to the characters Windows-1252 gives them;
// 0 marks the five bytes it leaves undefined, decoded as in ISO-8859-1.
var cp1252 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// decodeLatin1 decodes ISO-8859-1 bytes, reading the C1 range 0x80-0x9F
// (control characters, never text in an export) as Windows-1252 does.
func decodeLatin1(b []byte) string {
	n := 0
	for _, c := range b {
		if c >= 0x80 {
			n++
		}
	}
	if n == 0 {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 2*n)
	start := 0
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		sb.Write(b[start:i])
		start = i + 1
		r := rune(c)
		if c < 0xA0 && cp1252[c-0x80] != 0 {
			r = cp1252[c-0x80]
		}
		sb.WriteRune(r)
	}
	sb.Write(b[start:])
	return sb.String()
}

// hasNonASCII reports whether b has a byte of 0x80 or more.
func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// firstInvalidUTF8 returns the 1-based line and the byte of the first
// invalid UTF-8 sequence in data.
func firstInvalidUTF8(data []byte) (line int, b byte) {
	line = 1
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, c
		}
		i += size
	}
	return line, 0
}

// trimStray removes the modern export's stray ";" (and spaces) from the end
// of a line.
func trimStray(s string) string {
	t := strings.TrimRight(s, " \t")
	if strings.HasSuffix(t, ";") {
		return strings.TrimRight(t[:len(t)-1], " \t")
	}
	return s
}

// columnKey normalises a header cell: lower case, single spaces.
func columnKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// headerFormat reports whether line is the header row of an export, and of
// which format.
func headerFormat(line string) (Format, bool) {
	if !strings.Contains(line, "upplier") {
		return "", false
	}
	fields, _ := splitFields(nil, trimStray(line), false)
	has := map[string]bool{}
	for _, f := range fields {
		has[columnKey(f)] = true
	}
	switch {
	case has["sipri at database id"] && has["supplier"] && has["recipient"]:
		return Modern, true
	case has["recipient"] && has["supplier"] && (has["weapon designation"] || has["year of order"]):
		return Classic, true
	}
	return "", false
}

// isPreambleMarker reports whether a line is one SIPRI writes in every
// export's preamble.
func isPreambleMarker(line string) bool {
	return strings.HasPrefix(line, "Transfers of major conventional arms") ||
		strings.HasPrefix(line, "Source: SIPRI Arms Transfers Database") ||
		strings.HasPrefix(line, "Data generated:")
}

// splitFields appends the comma-separated fields of s to dst, reading
// double-quoted fields as in RFC 4180 (a quote inside an unquoted field is
// literal). When open is true, dst's last field is a quoted field left open
// by the previous line, which s continues after a line break. It returns
// the fields and whether a quoted field is still open at the end of s.
func splitFields(dst []string, s string, open bool) ([]string, bool) {
	i := 0
	if open {
		var b strings.Builder
		b.WriteString(dst[len(dst)-1])
		b.WriteByte('\n')
		j, closed := scanQuoted(&b, s, 0)
		if !closed {
			dst[len(dst)-1] = b.String()
			return dst, true
		}
		k := strings.IndexByte(s[j:], ',')
		if k < 0 {
			b.WriteString(s[j:])
			dst[len(dst)-1] = b.String()
			return dst, false
		}
		b.WriteString(s[j : j+k])
		dst[len(dst)-1] = b.String()
		i = j + k + 1
	}
	for {
		if i < len(s) && s[i] == '"' {
			var b strings.Builder
			j, closed := scanQuoted(&b, s, i+1)
			if !closed {
				return append(dst, b.String()), true
			}
			k := strings.IndexByte(s[j:], ',')
			if k < 0 {
				b.WriteString(s[j:])
				return append(dst, b.String()), false
			}
			b.WriteString(s[j : j+k])
			dst = append(dst, b.String())
			i = j + k + 1
			continue
		}
		k := strings.IndexByte(s[i:], ',')
		if k < 0 {
			return append(dst, s[i:]), false
		}
		dst = append(dst, s[i:i+k])
		i += k + 1
	}
}

// scanQuoted writes the content of a quoted field starting at s[i] (just
// after its opening quote) to b, undoubling quotes. It returns the index
// after the closing quote and true, or len(s) and false when the field does
// not close on this line.
func scanQuoted(b *strings.Builder, s string, i int) (int, bool) {
	for {
		k := strings.IndexByte(s[i:], '"')
		if k < 0 {
			b.WriteString(s[i:])
			return len(s), false
		}
		b.WriteString(s[i : i+k])
		i += k + 1
		if i < len(s) && s[i] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		return i, true
	}
}

// recordReader assembles the data rows after the header into records of
// exactly want fields. A row with fewer fields is joined with the lines
// after it, a space standing for each bare line break, until it has want
// fields: that is how the classic export's comments broken by a bare line
// break are mended. A row that cannot be completed so, or has too many
// fields, is an error naming its first line.
type recordReader struct {
	lines []textLine
	next  int
	want  int
	stray bool // strip the modern export's stray ";" from each line
	buf   []string
}

// read returns the next record's fields and first line, or ok false at the
// end. The fields are valid until the next call.
func (r *recordReader) read() (fields []string, line int, ok bool, err error) {
	for r.next < len(r.lines) {
		ln := r.lines[r.next]
		r.next++
		text := r.text(ln)
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields, open := splitFields(r.buf[:0], text, false)
		joined := 0
		for open || len(fields) < r.want {
			if r.next >= len(r.lines) || joined >= maxJoinLines {
				if open {
					return nil, 0, false, lineErr(ln.num, ErrColumns, "a quoted field opened on this line is never closed")
				}
				if r.next >= len(r.lines) {
					return nil, 0, false, lineErr(ln.num, ErrColumns, "row has %d fields, the header %d (file truncated?)", len(fields), r.want)
				}
				return nil, 0, false, lineErr(ln.num, ErrColumns, "row has %d fields, the header %d", len(fields), r.want)
			}
			next := r.text(r.lines[r.next])
			if open {
				fields, open = splitFields(fields, next, true)
			} else {
				// A bare line break inside an unquoted field: the next
				// line continues the row's last field.
				sub, o := splitFields(nil, next, false)
				if len(fields)+len(sub)-1 > r.want {
					return nil, 0, false, lineErr(ln.num, ErrColumns, "row has %d fields, the header %d", len(fields), r.want)
				}
				last := len(fields) - 1
				fields[last] = joinBroken(fields[last], sub[0])
				fields = append(fields, sub[1:]...)
				open = o
			}
			r.next++
			joined++
		}
		r.buf = fields
		if len(fields) > r.want {
			return nil, 0, false, lineErr(ln.num, ErrColumns, "row has %d fields, the header %d", len(fields), r.want)
		}
		return fields, ln.num, true, nil
	}
	return nil, 0, false, nil
}

func (r *recordReader) text(ln textLine) string {
	if r.stray {
		return trimStray(ln.text)
	}
	return ln.text
}

// joinBroken joins the two halves of a field broken by a bare line break
// with one space.
func joinBroken(a, b string) string {
	a = strings.TrimRight(a, " \t")
	b = strings.TrimLeft(b, " \t")
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}
