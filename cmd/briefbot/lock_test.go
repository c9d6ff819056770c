package main

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDataFolderLock runs `briefbot serve` as a child process and checks
// that a second briefbot on the same data folder, whatever its command,
// stops at once with a message naming the folder and saying another
// briefbot uses it, and that the folder is free again once serve stops.
func TestDataFolderLock(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	serve := exec.Command(binary, "serve", "--data", data, "--listen", "127.0.0.1:0")
	serve.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	stdin, err := serve.StdinPipe() // held open: the console chat waits for input
	if err != nil {
		t.Fatal(err)
	}
	stderr := newWatchedBuffer()
	serve.Stdout, serve.Stderr = newWatchedBuffer(), stderr
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	var waitErr error
	exited := make(chan struct{})
	go func() { waitErr = serve.Wait(); close(exited) }()
	t.Cleanup(func() {
		serve.Process.Kill() // an error once it has exited
		<-exited
	})
	var addr string
	select {
	case addr = <-stderr.addr:
	case <-exited:
		t.Fatalf("serve exited: %v\n%s", waitErr, stderr)
	case <-time.After(60 * time.Second): // builds the default index first
		t.Fatalf("serve did not start within 60 s:\n%s", stderr)
	}
	// Ready: serve answers from the index it holds open.
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve not ready within 30 s: %v %v\n%s", resp, err, stderr)
		}
	}

	for _, args := range [][]string{
		{"ask", "--data", data, "who supplies Kazakhstan?"},
		{"serve", "--data", data, "--listen", "127.0.0.1:0"},
		{"chat", "--data", data},
		{"ingest", "--data", data, "--default-corpus"},
		{"stats", "--data", data},
	} {
		began := time.Now()
		r := briefbot(t, "", nil, args...)
		took := time.Since(began)
		want := "briefbot " + args[0] + ": open index " + data + ": data folder is in use by another briefbot process (stop the other process, or use another --data folder)\n"
		if r.code != 1 || !strings.HasSuffix(r.stderr, want) {
			t.Errorf("briefbot %s while serve runs: exit %d, stderr %q; want exit 1 and %q", args[0], r.code, r.stderr, want)
		}
		if r.stdout != "" {
			t.Errorf("briefbot %s while serve runs printed %q", args[0], r.stdout)
		}
		if took > 10*time.Second {
			t.Errorf("briefbot %s took %s to give up", args[0], took)
		}
	}

	// Closing serve's input ends the console chat and serve with it,
	// which frees the folder.
	stdin.Close()
	select {
	case <-exited:
		if waitErr != nil {
			t.Fatalf("serve: %v\n%s", waitErr, stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("serve did not stop within 15 s of its input closing:\n%s", stderr)
	}
	if r := briefbot(t, "", nil, "ask", "--data", data, "drones"); r.code != 0 {
		t.Errorf("ask after serve stopped: exit %d\n%s", r.code, r.stderr)
	}
}
