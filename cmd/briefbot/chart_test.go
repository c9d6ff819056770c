package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// TestChartCommand: `briefbot chart` writes a PNG of the stated size and
// prints the table behind it; bad requests exit with a message, never an
// empty chart.
func TestChartCommand(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	out := filepath.Join(t.TempDir(), "k.png")
	r := briefbot(t, "", nil, "chart", "--data", data, "--out", out, "--json", "suppliers", "Kazakhstan", "--since", "2010")
	if r.code != 0 || !strings.Contains(r.stderr, "Chart written to") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var tab bot.ChartTable
	if err := json.Unmarshal([]byte(r.stdout), &tab); err != nil {
		t.Fatalf("json: %v\n%s", err, r.stdout)
	}
	if tab.Subject != "Kazakhstan" || tab.Years[0] != 2010 || len(tab.Rows) == 0 || len(tab.Citations) == 0 || tab.Measure != bot.MeasureDeals {
		t.Errorf("table %+v", tab)
	}
	for _, row := range tab.Rows {
		if row.Year < 2010 || row.Supplier == "" || row.Recipient != "Kazakhstan" || row.Value <= 0 || len(row.Citations) == 0 {
			t.Errorf("row %+v", row)
		}
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 700 {
		t.Fatalf("png: %v %v", err, img.Bounds())
	}

	// The text answer, with citations, when no --json.
	r = briefbot(t, "", nil, "chart", "--data", data, "--out", out, "--width", "800", "--height", "450", "recipients", "Turkey")
	if r.code != 0 || !strings.Contains(r.stdout, "Turkey's arms exports by recipient") || !strings.Contains(r.stdout, "Sources:") {
		t.Errorf("text: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}

	// A digest's chart: the window's new deliveries by recipient.
	dg := filepath.Join(t.TempDir(), "digest.png")
	r = briefbot(t, "", nil, "digest", "--data", data, "--since", "2000-01-01", "--chart", dg)
	if raw, err := os.ReadFile(dg); r.code != 0 || err != nil || !strings.Contains(r.stderr, "Chart written to") {
		t.Errorf("digest --chart: exit %d, %v\n%s", r.code, err, r.stderr)
	} else if _, err := png.Decode(bytes.NewReader(raw)); err != nil {
		t.Errorf("digest chart: %v", err)
	}

	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"suppliers", "Narnia", "--json"}, 1, `I don't know a country or region called "Narnia"`},
		{[]string{"recipients", "Iceland", "--json"}, 1, "I have no dated deliveries from Iceland on record"},
		{[]string{"suppliers", "Kazakhstan", "--since", "2026", "--json"}, 1, "Nothing delivered to Kazakhstan in 2026 or later"},
		{[]string{"suppliers", "Kazakhstan"}, 2, "give --out FILE.png, --json, or both"},
		{[]string{"sideways", "Kazakhstan", "--json"}, 2, `"sideways" is not suppliers or recipients`},
		{[]string{"suppliers", "Kazakhstan", "--out", out, "--width", "100000"}, 2, "outside 300–4000 pixels"},
	} {
		r := briefbot(t, "", nil, append([]string{"chart", "--data", data}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) || strings.TrimSpace(r.stdout) != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit %d with %q", tc.args, r.code, r.stderr, r.stdout, tc.code, tc.msg)
		}
	}
}
