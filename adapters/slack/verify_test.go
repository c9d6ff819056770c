package slack

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

// Slack's documented example (GUIDE section 5).
const (
	vectorTimestamp = "1531420618"
	vectorBody      = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	vectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

func TestSignMatchesSlackExample(t *testing.T) {
	if got := Sign(secret, vectorTimestamp, []byte(vectorBody)); got != vectorSignature {
		t.Errorf("Sign = %s, want %s", got, vectorSignature)
	}
}

func TestVerifier(t *testing.T) {
	sent := time.Unix(1531420618, 0)
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
		secret string
		now    time.Time
		header http.Header
		body   string
		want   error
	}{
		{"slack example", secret, sent, header(vectorTimestamp, vectorSignature), vectorBody, nil},
		{"fresh, 10 s later", secret, sent.Add(10 * time.Second), header(vectorTimestamp, vectorSignature), vectorBody, nil},
		{"just within 5 min", secret, sent.Add(5 * time.Minute), header(vectorTimestamp, vectorSignature), vectorBody, nil},
		{"clock 4 min behind", secret, sent.Add(-4 * time.Minute), header(vectorTimestamp, vectorSignature), vectorBody, nil},
		{"tampered body", secret, sent, header(vectorTimestamp, vectorSignature), vectorBody + "&text=hi", ErrBadSignature},
		{"tampered timestamp", secret, sent, header("1531420619", vectorSignature), vectorBody, ErrBadSignature},
		{"expired", secret, sent.Add(5*time.Minute + time.Second), header(vectorTimestamp, vectorSignature), vectorBody, ErrStaleRequest},
		{"from the future", secret, sent.Add(-6 * time.Minute), header(vectorTimestamp, vectorSignature), vectorBody, ErrStaleRequest},
		{"timestamp not a number", secret, sent, header("yesterday", vectorSignature), vectorBody, ErrStaleRequest},
		{"no signature header", secret, sent, header(vectorTimestamp, ""), vectorBody, ErrMissingSignature},
		{"no timestamp header", secret, sent, header("", vectorSignature), vectorBody, ErrMissingSignature},
		{"no headers", secret, sent, http.Header{}, vectorBody, ErrMissingSignature},
		{"wrong secret", "8f742231b10e8888abcd99yyyzzz85a6", sent, header(vectorTimestamp, vectorSignature), vectorBody, ErrBadSignature},
		{"no secret", "", sent, header(vectorTimestamp, vectorSignature), vectorBody, ErrNoSigningSecret},
		{"not v0", secret, sent, header(vectorTimestamp, "v1="+vectorSignature[3:]), vectorBody, ErrBadSignature},
		{"not hex", secret, sent, header(vectorTimestamp, "v0=zz"), vectorBody, ErrBadSignature},
		{"truncated", secret, sent, header(vectorTimestamp, vectorSignature[:40]), vectorBody, ErrBadSignature},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := Verifier{Secret: tc.secret, Now: func() time.Time { return tc.now }}
			got := v.Verify(tc.header, []byte(tc.body))
			if !errors.Is(got, tc.want) || (tc.want == nil) != (got == nil) {
				t.Errorf("Verify = %v, want %v", got, tc.want)
			}
		})
	}
}
