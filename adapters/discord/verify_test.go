package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestVerifier(t *testing.T) {
	seed := make([]byte, ed25519.SeedSize) // a fixed key: the signatures below are stable
	for i := range seed {
		seed[i] = byte(i)
	}
	key := ed25519.NewKeyFromSeed(seed)
	pub := key.Public().(ed25519.PublicKey)
	_, other, _ := ed25519.GenerateKey(nil)
	const ts, body = "1700000000", `{"type":1}`
	sent := time.Unix(1700000000, 0)
	sig := Sign(key, ts, []byte(body))
	header := func(ts, sig string) http.Header {
		h := http.Header{}
		if ts != "" {
			h.Set(HeaderTimestamp, ts)
		}
		if sig != "" {
			h.Set(HeaderSignature, sig)
		}
		return h
	}
	for _, tc := range []struct {
		name   string
		key    ed25519.PublicKey
		now    time.Time
		header http.Header
		body   string
		want   error
	}{
		{"valid", pub, sent, header(ts, sig), body, nil},
		{"4 min later", pub, sent.Add(4 * time.Minute), header(ts, sig), body, nil},
		{"clock 4 min behind", pub, sent.Add(-4 * time.Minute), header(ts, sig), body, nil},
		{"upper-case hex", pub, sent, header(ts, strings.ToUpper(sig)), body, nil},
		{"tampered body", pub, sent, header(ts, sig), body + " ", ErrBadSignature},
		{"tampered timestamp", pub, sent, header("1700000001", sig), body, ErrBadSignature},
		{"expired", pub, sent.Add(5*time.Minute + time.Second), header(ts, sig), body, ErrStaleRequest},
		{"from the future", pub, sent.Add(-6 * time.Minute), header(ts, sig), body, ErrStaleRequest},
		{"timestamp not a number", pub, sent, header("yesterday", sig), body, ErrStaleRequest},
		{"wrong key", other.Public().(ed25519.PublicKey), sent, header(ts, sig), body, ErrBadSignature},
		{"no signature", pub, sent, header(ts, ""), body, ErrMissingSignature},
		{"no timestamp", pub, sent, header("", sig), body, ErrMissingSignature},
		{"not hex", pub, sent, header(ts, "zz"+sig[2:]), body, ErrBadSignature},
		{"truncated", pub, sent, header(ts, sig[:64]), body, ErrBadSignature},
		{"no key", nil, sent, header(ts, sig), body, ErrNoPublicKey},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := Verifier{Key: tc.key, Now: func() time.Time { return tc.now }}
			got := v.Verify(tc.header, []byte(tc.body))
			if !errors.Is(got, tc.want) || (tc.want == nil) != (got == nil) {
				t.Errorf("Verify = %v, want %v", got, tc.want)
			}
		})
	}
	if k, err := ParsePublicKey(hex.EncodeToString(pub)); err != nil || !k.Equal(pub) {
		t.Errorf("ParsePublicKey: %v", err)
	}
	for _, bad := range []string{"", "xyz", hex.EncodeToString(pub[:31])} {
		if _, err := ParsePublicKey(bad); err == nil {
			t.Errorf("ParsePublicKey(%q) accepted", bad)
		}
	}
}

func TestNewOptions(t *testing.T) {
	key := strings.Repeat("ab", 32)
	for _, tc := range []struct {
		name string
		opts Options
		mode string
		err  string
	}{
		{"bot token", Options{BotToken: "t"}, ModeGateway, ""},
		{"bot token with prefix", Options{BotToken: "Bot t"}, ModeGateway, ""},
		{"token and key", Options{BotToken: "t", PublicKey: key}, ModeBoth, ""},
		{"HTTP alone", Options{PublicKey: key, ApplicationID: "1"}, ModeHTTP, ""},
		{"HTTP with a token to register", Options{BotToken: "t", NoGateway: true, PublicKey: key, ApplicationID: "1"}, ModeHTTP, ""},
		{"nothing", Options{}, "", "bot token"},
		{"key without app", Options{PublicKey: key}, "", "application ID"},
		{"no gateway, no key", Options{BotToken: "t", NoGateway: true, ApplicationID: "1"}, "", "public key"},
		{"bad key", Options{PublicKey: "abc", ApplicationID: "1"}, "", "64 hex digits"},
		{"bad guild", Options{BotToken: "t", GuildID: "my-guild"}, "", "numbers"},
		{"bad API URL", Options{BotToken: "t", APIURL: "discord.com"}, "", "API URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := New(tc.opts)
			switch {
			case tc.err != "":
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("New = %v, want an error naming %q", err, tc.err)
				}
			case err != nil:
				t.Errorf("New: %v", err)
			case a.Mode() != tc.mode || a.dg.Token != "" && a.dg.Token != "Bot t":
				t.Errorf("mode %s token %q, want %s", a.Mode(), a.dg.Token, tc.mode)
			case a.dg.ShouldRetryOnRateLimit || a.dg.MaxRestRetries != 3 || !a.dg.SyncEvents:
				t.Errorf("session retries on 429 %v, %d retries, sync events %v", a.dg.ShouldRetryOnRateLimit, a.dg.MaxRestRetries, a.dg.SyncEvents)
			}
		})
	}
}
