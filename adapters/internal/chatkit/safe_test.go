package chatkit

import (
	"testing"
	"time"
)

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain\ttext\nline":    "plain\ttext\nline",
		"bell\a and nul\x00":   "bell and nul",
		"evil\u202egnp.exe":    "evilgnp.exe",
		"isolate\u2066x\u2069": "isolatex",
		"bad \xff byte":        "bad \uFFFD byte",
		"مسيرات تركية 👨‍👩‍👧":   "مسيرات تركية 👨‍👩‍👧",
	} {
		if got := SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLimitsDefaults(t *testing.T) {
	l := Limits{}.WithDefaults()
	if l.MaxRetries != DefaultMaxRetries || l.MaxBodyBytes != 1<<20 || l.AnswerTimeout != time.Minute || l.MaxConcurrent < 2 || l.Now == nil || l.Logger == nil {
		t.Errorf("zero Limits: %+v", l)
	}
	if l := (Limits{MaxRetries: 5, NoRetries: true}).WithDefaults(); l.MaxRetries != 0 {
		t.Errorf("NoRetries: MaxRetries %d, want 0", l.MaxRetries)
	}
	if l := (Limits{MaxRetries: 5}).WithDefaults(); l.MaxRetries != 5 {
		t.Errorf("MaxRetries 5 became %d", l.MaxRetries)
	}
}
