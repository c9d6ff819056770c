package slack

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// signedAt is a request to url signed with timestamp ts, with extra header
// pairs.
func signedAt(t *testing.T, url, contentType string, body []byte, ts string, header ...string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(secret, ts, body))
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return req
}

// TestReplayedRequestsRejected sends the same signed /brief twice within
// the five-minute window: the second gets 401 and no answer. An event sent
// again by Slack (X-Slack-Retry-Num 1 to 3) is acknowledged and not
// answered again; the same event replayed otherwise gets 401.
func TestReplayedRequestsRejected(t *testing.T) {
	f := newFakeSlack(t)
	a, srv := startAdapter(t, f, Options{SigningSecret: secret}, mustRouter(t), nil)
	ts := fmt.Sprint(time.Now().Unix())

	cmd := commandBody("suppliers Kazakhstan", f.hookURL("replay"))
	const form = "application/x-www-form-urlencoded"
	if status, body := do(t, signedAt(t, srv.URL+PathCommands, form, cmd, ts)); status != http.StatusOK {
		t.Fatalf("first /brief: %d %s", status, body)
	}
	f.nextHook(t)
	a.waitIdle()
	if status, _ := do(t, signedAt(t, srv.URL+PathCommands, form, cmd, ts)); status != http.StatusUnauthorized {
		t.Errorf("replayed /brief: %d, want 401", status)
	}
	if status, _ := do(t, signedAt(t, srv.URL+PathCommands, form, cmd, ts, "X-Slack-Retry-Num", "1")); status != http.StatusUnauthorized {
		t.Errorf("replayed /brief claiming to be a retry: %d, want 401 (Slack does not retry commands)", status)
	}
	a.waitIdle()

	ev := eventBody("EvReplay", mention("1700000000.000100", "<@"+botUser+"> "+question))
	posts := len(f.postsSince(0))
	for _, tc := range []struct {
		name   string
		header []string
		want   int
	}{
		{"first delivery", nil, http.StatusOK},
		{"Slack's first retry", []string{"X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"}, http.StatusOK},
		{"the same retry again", []string{"X-Slack-Retry-Num", "1"}, http.StatusUnauthorized},
		{"a retry number Slack never sends", []string{"X-Slack-Retry-Num", "9"}, http.StatusUnauthorized},
		{"replay", nil, http.StatusUnauthorized},
	} {
		if status, body := do(t, signedAt(t, srv.URL+PathEvents, "application/json", ev, ts, tc.header...)); status != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, status, body, tc.want)
		}
		a.waitIdle()
	}
	if got := len(f.postsSince(posts)); got != 1 {
		t.Errorf("the event was answered %d times, want once", got)
	}
}
