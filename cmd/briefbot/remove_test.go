package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRemove: remove takes reports out of the data folder's index, names
// IDs that were not there, and wants at least one ID.
func TestRemove(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "quokka.md"), []byte(replicaReport), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := inProcess(t, "ingest", "--data", data, dir); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	const id, question = "replica-test-quokka-trucks", "Quokka armoured trucks Kyrgyzstan"
	if r := inProcess(t, "ask", "--data", data, "--json", question); !strings.Contains(r.stdout, id) {
		t.Fatalf("before remove, the answer does not cite %s:\n%s", id, r.stdout)
	}
	if r := inProcess(t, "remove", "--data", data, id); r.code != 0 || !strings.Contains(r.stdout, "removed 1 of 1 reports from "+data) {
		t.Fatalf("remove: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := inProcess(t, "ask", "--data", data, "--json", question); strings.Contains(r.stdout, id) {
		t.Errorf("after remove, the answer still cites %s:\n%s", id, r.stdout)
	}
	if r := inProcess(t, "remove", "--data", data, id); r.code != 1 || !strings.Contains(r.stderr, "1 of the IDs were not there") {
		t.Errorf("removing again: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := inProcess(t, "remove", "--data", data); r.code != 2 || !strings.Contains(r.stderr, "no report IDs given") {
		t.Errorf("no IDs: exit %d\n%s", r.code, r.stderr)
	}
	if r := inProcess(t, "remove", "--data", filepath.Join(data, "none"), id); r.code != 1 || !strings.Contains(r.stderr, "no index in") {
		t.Errorf("no index: exit %d\n%s", r.code, r.stderr)
	}
}
