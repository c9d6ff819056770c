//go:build unix

package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const fileBody = "# Radars\n\nBelarus handed over two radars to Tajikistan in 2020.\n"

// mustWrite writes a file, making its folder.
func mustWrite(tb testing.TB, p, text string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func mustSymlink(tb testing.TB, target, link string) {
	tb.Helper()
	if err := os.Symlink(target, link); err != nil {
		tb.Fatal(err)
	}
}

func mustFIFO(tb testing.TB, p string) {
	tb.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		tb.Skipf("no named pipes here: %v", err)
	}
}

// loadOrUnblock runs LoadPaths and fails if it blocks (on a FIFO, say);
// the FIFO is then opened for writing so the load can end.
func loadOrUnblock(t *testing.T, fifo string, paths ...string) *Result {
	t.Helper()
	done := make(chan *Result, 1)
	go func() { done <- Loader{}.LoadPaths(paths...) }()
	select {
	case res := <-done:
		return res
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		<-done
		t.Fatalf("LoadPaths(%q) blocked on the named pipe %s", paths, fifo)
		return nil
	}
}

// problemFor returns the problem about the path ending in name.
func problemFor(res *Result, name string) (Problem, bool) {
	for _, p := range res.Problems {
		if filepath.Base(p.Path) == name {
			return p, true
		}
	}
	return Problem{}, false
}

// TestFolderSkipsAreNamed ingests a folder holding a regular file, a FIFO,
// a symlink loop, a symlink out of the folder, a link to a folder and links
// inside it: only regular files are read, each once, and every skipped
// path is named with its reason.
func TestFolderSkipsAreNamed(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.md")
	mustWrite(t, outside, "# Secret\n\nKazakhstan bought Chinese drones in 2019.\n")
	dir := filepath.Join(t.TempDir(), "reports")
	mustWrite(t, filepath.Join(dir, "real.md"), fileBody)
	mustWrite(t, filepath.Join(dir, ".drafts", "hidden.md"), "# Draft\n\nTurkey sold drones to Uzbekistan in 2021.\n")
	mustFIFO(t, filepath.Join(dir, "pipe.md"))
	mustSymlink(t, "loop-b.md", filepath.Join(dir, "loop-a.md"))
	mustSymlink(t, "loop-a.md", filepath.Join(dir, "loop-b.md"))
	mustSymlink(t, outside, filepath.Join(dir, "passwd.md"))
	mustSymlink(t, "real.md", filepath.Join(dir, "again.md"))
	mustSymlink(t, ".drafts/hidden.md", filepath.Join(dir, "draft.md"))
	mustSymlink(t, ".drafts", filepath.Join(dir, "drafts"))

	res := loadOrUnblock(t, filepath.Join(dir, "pipe.md"), dir)
	var ids []string
	for _, r := range res.Reports {
		ids = append(ids, r.ID)
		if strings.Contains(r.Body, "Kazakhstan") {
			t.Errorf("report %s (%s) holds the text of a file outside the folder", r.ID, r.Origin)
		}
	}
	if got := strings.Join(ids, ","); got != "draft,real" {
		t.Errorf("reports %s, want draft,real (the regular file, and the link to a hidden file inside the folder)", got)
	}
	for name, want := range map[string]struct {
		sev  Severity
		err  error
		text string
	}{
		"pipe.md":   {Error, ErrNotRegular, "named pipe (FIFO)"},
		"loop-a.md": {Error, ErrBadLink, "loops or leads nowhere"},
		"loop-b.md": {Error, ErrBadLink, "loops or leads nowhere"},
		"passwd.md": {Warning, ErrLinkOutside, "outside"},
		"again.md":  {Warning, nil, "real.md, which is read as itself"},
		"drafts":    {Warning, nil, "link to a folder"},
	} {
		p, ok := problemFor(res, name)
		if !ok {
			t.Errorf("%s skipped without a word; problems: %v", name, res.Problems)
			continue
		}
		if p.Severity != want.sev || (want.err != nil && !errors.Is(p, want.err)) || !strings.Contains(p.Error(), want.text) {
			t.Errorf("%s: problem %q (%v), want a %v saying %q", name, p.Error(), p.Severity, want.sev, want.text)
		}
	}
}

// TestNamedSpecialFiles names a FIFO and a link out of its folder on the
// command line: the FIFO is refused without being opened, the link is
// not followed.
func TestNamedSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.md")
	mustWrite(t, outside, "# Secret\n\nKazakhstan bought Chinese drones in 2019.\n")
	fifo := filepath.Join(dir, "f.md")
	mustFIFO(t, fifo)
	mustSymlink(t, outside, filepath.Join(dir, "passwd.md"))
	mustWrite(t, filepath.Join(dir, "sub", "real.md"), fileBody)
	mustSymlink(t, "sub/real.md", filepath.Join(dir, "inside.md"))

	res := loadOrUnblock(t, fifo, fifo, filepath.Join(dir, "passwd.md"), filepath.Join(dir, "inside.md"))
	if len(res.Reports) != 1 || res.Reports[0].ID != "inside" {
		t.Errorf("got %d reports %v, want only inside.md (a link within its folder)", len(res.Reports), res.Reports)
	}
	if p, ok := problemFor(res, "f.md"); !ok || p.Severity != Error || !errors.Is(p, ErrNotRegular) {
		t.Errorf("FIFO: problem %v (found %v), want an Error wrapping ErrNotRegular", p, ok)
	}
	if p, ok := problemFor(res, "passwd.md"); !ok || p.Severity != Error || !errors.Is(p, ErrLinkOutside) {
		t.Errorf("link out: problem %v (found %v), want an Error wrapping ErrLinkOutside", p, ok)
	}
}

// TestLoadPathsContextCancelled stops a load whose context is done.
func TestLoadPathsContextCancelled(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "real.md"), fileBody)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Loader{}.LoadPathsContext(ctx, dir)
	if !errors.Is(err, context.Canceled) || len(res.Reports) != 0 {
		t.Errorf("got %d reports and error %v, want none and context.Canceled", len(res.Reports), err)
	}
}
