package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAskVerdictJSON: a yes/no question asked on the command line carries
// its verdict and the citations it rests on in the JSON contract.
func TestAskVerdictJSON(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	fixtures := abs(t, filepath.Join("..", "..", "bot", "testdata", "questions", "reports"))
	if r := briefbot(t, "", nil, "ingest", "--data", data, fixtures); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	r := briefbot(t, "", nil, "ask", "--data", data, "--json", "Did Serbia actually receive the FK-3?")
	a := mustAnswer(t, r)
	if a.Verdict != "yes" || len(a.VerdictCitations) == 0 || a.Citations[a.VerdictCitations[0]-1].ReportID != "serbia-fk3" {
		t.Errorf("verdict %q citing %v\n%s", a.Verdict, a.VerdictCitations, r.stdout)
	}
	if !strings.Contains(r.stdout, `"verdict": "yes"`) && !strings.Contains(r.stdout, `"verdict":"yes"`) {
		t.Errorf("JSON lacks the verdict field:\n%s", r.stdout)
	}
	a = mustAnswer(t, briefbot(t, "", nil, "ask", "--data", data, "--json", "Is Kazakhstan buying from Iran?"))
	if a.Verdict != "no_record" || !strings.HasPrefix(a.Text, "No report in the index says so.") {
		t.Errorf("verdict %q: %s", a.Verdict, a.Text)
	}
}
