package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// healthTimeout bounds the health check.
const healthTimeout = 3 * time.Second

// cmdHealth asks a running serve whether it is up: GET /healthz (or
// --url), exit 0 on 200 and 1 otherwise. It is the container's HEALTHCHECK,
// where there is no curl.
func cmdHealth(ctx context.Context, args []string, e env) error {
	fs := newFlagSet("health", e)
	var c common
	c.register(fs)
	target := fs.String("url", "", "address to check (default http://127.0.0.1:PORT/healthz, PORT from --listen, $BRIEFBOT_LISTEN or the config's listen)")
	listen := fs.String("listen", "", "serve's listen address, for the port")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: briefbot health [--url URL | --listen ADDR]\n\nExits 0 when briefbot serve answers GET /healthz with 200, 1 otherwise.")
		fs.PrintDefaults()
	}
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	u := *target
	if u == "" {
		cfg, err := c.load(e)
		if err != nil {
			return err
		}
		addr := cfg.Listen
		if v := e.getenv("BRIEFBOT_LISTEN"); v != "" {
			addr = v
		}
		if *listen != "" {
			addr = *listen
		}
		_, port, err := net.SplitHostPort(addr)
		if err != nil {
			return usageError{fmt.Sprintf("listen address %q has no port", addr)}
		}
		u = "http://" + net.JoinHostPort("127.0.0.1", port) + "/healthz"
	}
	ctx, cancel := context.WithTimeout(ctx, healthTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return usageError{fmt.Sprintf("--url: %v", err)}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", u, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s %s", u, resp.Status, body)
	}
	fmt.Fprintf(e.stdout, "%s: %s", u, body)
	return nil
}
