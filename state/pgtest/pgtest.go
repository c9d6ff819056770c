// Package pgtest gives tests a PostgreSQL database of their own: a fresh
// schema in the test database, named at random and dropped when the test
// ends, so that parallel tests and reruns never see each other's tables.
//
// Tests that need PostgreSQL call URL. When no server answers, the test is
// skipped with a message saying so, except under CI=true, where it fails:
// CI has a database and must not pass by skipping.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultURL is the test database of the development and CI machines
// (trust authentication). $BRIEFBOT_TEST_DATABASE_URL overrides it.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// BaseURL returns the URL of the test database, without a schema.
func BaseURL() string {
	if u := os.Getenv("BRIEFBOT_TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultURL
}

// connect opens one connection to u, giving up after a few seconds.
func connect(u string) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return pgx.Connect(ctx, u)
}

// URL returns the URL of a new, empty schema in the test database: its
// search_path names only that schema, so tables are created there. The
// schema and everything in it is dropped when tb ends. Without a reachable
// database, tb is skipped (failed under CI=true).
func URL(tb testing.TB) string {
	tb.Helper()
	base := BaseURL()
	conn, err := connect(base)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL is required under CI=true but not reachable at %s: %v", redact(base), err)
		}
		tb.Skipf("skipped: PostgreSQL not reachable at %s (%v); set BRIEFBOT_TEST_DATABASE_URL or start one (CI=true makes this a failure)", redact(base), err)
	}
	defer conn.Close(context.Background())
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		tb.Fatal(err)
	}
	schema := "bbtest_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create test schema: %v", err)
	}
	tb.Cleanup(func() { dropSchema(tb, base, schema) })
	return WithSchema(tb, base, schema)
}

// WithSchema returns u with its search_path set to schema.
func WithSchema(tb testing.TB, u, schema string) string {
	tb.Helper()
	parsed, err := url.Parse(u)
	if err != nil {
		tb.Fatalf("test database URL: %v", err)
	}
	q := parsed.Query()
	q.Set("search_path", schema)
	parsed.RawQuery = q.Encode()
	return parsed.String()
}

// dropSchema drops schema and what is in it, ending the sessions that
// still use it first (a test's server may not have closed everything).
func dropSchema(tb testing.TB, base, schema string) {
	conn, err := connect(base)
	if err != nil {
		tb.Logf("drop test schema %s: %v", schema, err)
		return
	}
	defer conn.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE"); err != nil {
		tb.Logf("drop test schema %s: %v", schema, err)
	}
}

// redact hides the password of u, if it has one.
func redact(u string) string {
	parsed, err := url.Parse(u)
	if err != nil {
		return "(unparsable URL)"
	}
	return parsed.Redacted()
}

// Exec runs sql on the test database (outside any test schema), for tests
// that act on the server itself, such as ending another session.
func Exec(tb testing.TB, sql string, args ...any) {
	tb.Helper()
	conn, err := connect(BaseURL())
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	defer conn.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}

// Int runs sql, which returns one integer, on the test database.
func Int(tb testing.TB, sql string, args ...any) int64 {
	tb.Helper()
	conn, err := connect(BaseURL())
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	defer conn.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var n int64
	if err := conn.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
	return n
}

// Schema returns the schema a URL from URL names.
func Schema(tb testing.TB, u string) string {
	tb.Helper()
	parsed, err := url.Parse(u)
	if err != nil {
		tb.Fatal(err)
	}
	return parsed.Query().Get("search_path")
}
