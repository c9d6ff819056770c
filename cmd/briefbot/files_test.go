//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestIngestRefusesSpecialFiles names a FIFO, and a folder holding a FIFO,
// a symlink loop and a symlink to a file outside it: ingest ends on its
// own, names every skipped path with its reason, and indexes only the
// regular file.
func TestIngestRefusesSpecialFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "secret.md")
	for p, text := range map[string]string{
		filepath.Join(dir, "real.md"): "# Radars\n\nBelarus handed over two radars to Tajikistan in 2020.\n",
		outside:                       "# Secret\n\nKazakhstan bought Chinese drones in 2019.\n",
	} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fifo := filepath.Join(dir, "f.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for target, link := range map[string]string{"loop-b.md": "loop-a.md", "loop-a.md": "loop-b.md", outside: "passwd.md"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	data := filepath.Join(t.TempDir(), "data")
	for _, args := range [][]string{{fifo}, {dir}} {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a guard against a hang, not a speed check
		cmd := exec.CommandContext(ctx, binary, append([]string{"ingest", "--data", data}, args...)...)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		hung := ctx.Err() != nil
		cancel()
		if hung {
			t.Fatalf("ingest %s hung (killed after 60 s)\n%s", args[0], errb.String())
		}
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Errorf("ingest %s: %v, want exit 1 (something refused)\n%s", args[0], err, errb.String())
		}
		wantSkipped := []string{"f.md: named pipe (FIFO)"}
		if args[0] == dir {
			wantSkipped = append(wantSkipped, "loop-a.md: symbolic link loops", "loop-b.md: symbolic link loops", "passwd.md: symbolic link leads outside")
			if !strings.Contains(out.String(), "added     real") {
				t.Errorf("real.md not added:\n%s", out.String())
			}
		}
		for _, want := range wantSkipped {
			if !strings.Contains(errb.String(), want) {
				t.Errorf("ingest %s: stderr lacks %q:\n%s", args[0], want, errb.String())
			}
		}
	}
	if s := statsOf(t, data); s.Reports != 1 {
		t.Errorf("%d reports in the index, want 1 (real.md only)", s.Reports)
	}
}
