package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultConfigIsValid(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestExampleConfigLoads(t *testing.T) {
	cfg, err := LoadConfig(filepath.Join("..", "..", "configs", "briefbot.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, DefaultConfig()) {
		t.Errorf("the example config should spell out the defaults:\n got %+v\nwant %+v", cfg, DefaultConfig())
	}
}

func TestLoadConfig(t *testing.T) {
	cfg, err := LoadConfig(filepath.Join("testdata", "good.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DataDir != "/tmp/briefbot-example" || cfg.Answer.MaxCitations != 3 || cfg.Log.Level != "warn" {
		t.Errorf("cfg = %+v", cfg)
	}
	if n, _ := cfg.MaxFileBytes(); n != 2<<20 {
		t.Errorf("max file bytes = %d", n)
	}
}

func TestBadConfigNamesKeyAndProblem(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.yaml")
	os.WriteFile(empty, nil, 0o644)
	for file, want := range map[string]string{
		"bad-key.yaml":   "line 4: answer.max_citatons: unknown key",
		"bad-value.yaml": `line 2: log.level: "loud" is not one of debug, info, warn, error`,
		"bad-type.yaml":  "line 2: answer.max_citations: wrong type of value",
		"missing.yaml":   "no such file",
	} {
		_, err := LoadConfig(filepath.Join("testdata", file))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want it to contain %q", file, err, want)
		}
	}
	if _, err := LoadConfig(empty); err != nil {
		t.Errorf("empty config: %v", err)
	}
}

// TestDatabaseSetting: the database URL comes from --database, else
// $BRIEFBOT_DATABASE_URL, else the config file.
func TestDatabaseSetting(t *testing.T) {
	p := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(p, []byte("database: postgres://file@db.example/briefbot\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--config", p}, nil, "postgres://file@db.example/briefbot"},
		{[]string{"--config", p}, map[string]string{"BRIEFBOT_DATABASE_URL": "postgres://env@db.example/b"}, "postgres://env@db.example/b"},
		{[]string{"--config", p, "--database", "postgresql://flag@db.example/b"}, map[string]string{"BRIEFBOT_DATABASE_URL": "postgres://env@db.example/b"}, "postgresql://flag@db.example/b"},
		{nil, nil, ""},
	} {
		cfg, err := serveConfig(tc.args, env2(tc.env, nil, io.Discard, io.Discard))
		if err != nil || cfg.Database != tc.want {
			t.Errorf("%v %v: database %q, %v; want %q", tc.args, tc.env, cfg.Database, err, tc.want)
		}
	}
	if _, err := serveConfig([]string{"--database", "db.example"}, env2(nil, nil, io.Discard, io.Discard)); err == nil ||
		!strings.Contains(err.Error(), "--database: not a PostgreSQL URL") {
		t.Errorf("a bad --database: %v", err)
	}
}

// TestBadValueNamesItsLine writes configs with one bad value each, on a
// known line: the error names the line, the key and the problem.
func TestBadValueNamesItsLine(t *testing.T) {
	const head = "# briefbot config\ndata_dir: /tmp/briefbot-test\n" // the bad value goes on line 3 and below
	for _, tc := range []struct{ yaml, want string }{
		{"answer:\n  max_citations: 500\n", "line 4: answer.max_citations: 500 is not between 1 and 20"},
		{"log:\n  format: text\n  level: loud\n", `line 5: log.level: "loud" is not one of`},
		{"digests:\n  timezone: Mars/Olympus\n", `line 4: digests.timezone: "Mars/Olympus" is not a time zone`},
		{"ingest:\n  max_file_size: ten megabytes\n", `line 4: ingest.max_file_size: "ten megabytes" is not a size`},
		{"feed_fetch:\n  timeout: forever\n", `line 4: feed_fetch.timeout: "forever" is not a duration`},
		{"feeds:\n  - url: https://example.org/feed.xml\n  - url: gopher://example.org/feed\n", `line 5: feeds[1].url: "gopher://example.org/feed" is not an http or https URL`},
		{"digests:\n  subscriptions:\n    - platform: slack\n      channel: C1\n      options: weekly\n    - platform: irc\n      channel: C2\n",
			`line 8: digests.subscriptions[1].platform: "irc" is not one of`},
		{"listen: nowhere\n", `line 3: listen: "nowhere" is not an address`},
		{"database: mysql://db.example/briefbot\n", `line 3: database: not a PostgreSQL URL`},
	} {
		p := filepath.Join(t.TempDir(), "briefbot.yaml")
		if err := os.WriteFile(p, []byte(head+tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadConfig(p)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("config\n%s\nerr = %v, want it to contain %q", tc.yaml, err, tc.want)
		}
	}
}
