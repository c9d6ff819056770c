package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealth(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte("ok\n"))
	}))
	defer up.Close()
	port := up.URL[strings.LastIndex(up.URL, ":")+1:]
	for _, tc := range []struct {
		args []string
		env  map[string]string
		code int
	}{
		{[]string{"health", "--url", up.URL + "/healthz"}, nil, exitOK},
		{[]string{"health"}, map[string]string{"BRIEFBOT_LISTEN": "0.0.0.0:" + port}, exitOK},
		{[]string{"health", "--listen", ":" + port}, nil, exitOK},
		{[]string{"health", "--url", up.URL + "/nothing"}, nil, exitFailure},
		{[]string{"health", "--url", "http://127.0.0.1:1/healthz"}, nil, exitFailure},
	} {
		var out, errb strings.Builder
		if code := run(context.Background(), tc.args, env2(tc.env, nil, &out, &errb)); code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tc.args, code, tc.code, out.String(), errb.String())
		}
	}
}
