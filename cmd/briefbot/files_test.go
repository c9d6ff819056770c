//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
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

// TestIngestInterruptedBySignal sends SIGTERM to an ingest of several
// large reports once the first is written: it stops before the others,
// says so and exits 130.
func TestIngestInterruptedBySignal(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests large reports")
	}
	const line = "Turkey sold drones to Uzbekistan in 2021 and delivered Bayraktar TB2 aircraft to Tashkent.\n"
	dir := t.TempDir()
	for i := range 4 {
		text := fmt.Sprintf("# Report %d\n\n%s", i, strings.Repeat(line, 4_500_000/len(line)))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a guard against a hang, not a speed check
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "ingest", "--data", filepath.Join(t.TempDir(), "data"), dir)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	added := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "added") {
			if added++; added == 1 {
				if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	err = cmd.Wait()
	if ctx.Err() != nil {
		t.Fatalf("ingest went on after SIGTERM until killed\n%s", errb.String())
	}
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitCanceled || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("ingest after SIGTERM: %v, want exit %d and a word that it was interrupted\n%s", err, exitCanceled, errb.String())
	}
	if added == 4 {
		t.Errorf("all 4 reports were added despite SIGTERM after the first")
	}
}
