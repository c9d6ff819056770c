package main

import (
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
		"bad-value.yaml": `log.level: "loud" is not one of debug, info, warn, error`,
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
