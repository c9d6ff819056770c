package corpustest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// SharedData returns the path of ../shared/data/elem... beside the module
// root (the evaluation data every developer and CI run has). When it is
// absent the test is skipped with a message saying so, except under
// CI=true, where the absence is a failure: CI must measure what the
// repository claims.
func SharedData(tb testing.TB, elem ...string) string {
	tb.Helper()
	root, err := moduleRoot()
	if err != nil {
		tb.Fatalf("find module root: %v", err)
	}
	dir := filepath.Join(append([]string{root, "..", "shared", "data"}, elem...)...)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("CI=true but the shared evaluation data is missing: %v", err)
		}
		tb.Skipf("SKIP: no shared evaluation data at %s (clone ../shared beside the repository to run this test)", dir)
	}
	return dir
}

// moduleRoot walks up from the working directory to the folder holding
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// MustReadNames reads a list of names, one a line; blank lines and lines
// starting with "#" are skipped. A missing file fails the test.
func MustReadNames(tb testing.TB, path string) map[string]bool {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read names: %v", err)
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out[line] = true
		}
	}
	return out
}
