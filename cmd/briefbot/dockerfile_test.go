package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestDockerfileBuildLineMatchesCI keeps the static build that CI runs equal
// to the Dockerfile's, since no container can be built on CI's machines.
func TestDockerfileBuildLineMatchesCI(t *testing.T) {
	build := regexp.MustCompile(`CGO_ENABLED=0 go build (.*) -o \S+ (\./cmd/briefbot)`)
	var lines []string
	for _, f := range []string{"Dockerfile", filepath.Join(".ci", "run")} {
		data, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		m := build.FindSubmatch(data)
		if m == nil {
			t.Fatalf("%s has no CGO_ENABLED=0 build line", f)
		}
		lines = append(lines, string(m[1])+" "+string(m[2]))
	}
	if lines[0] != lines[1] {
		t.Errorf("Dockerfile builds with %q, .ci/run with %q", lines[0], lines[1])
	}
}

// TestDockerfileHealthcheck: the image checks itself with `briefbot health`
// against the port serve listens on in the container.
func TestDockerfileHealthcheck(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`HEALTHCHECK`, `CMD ["/usr/local/bin/briefbot", "health"]`, `ENV BRIEFBOT_LISTEN=0.0.0.0:8080`,
		`USER 65532:65532`, `VOLUME ["/data"]`, `FROM gcr.io/distroless/static`,
	} {
		if !regexp.MustCompile(regexp.QuoteMeta(want)).Match(data) {
			t.Errorf("Dockerfile lacks %s", want)
		}
	}
}
