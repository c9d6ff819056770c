// Command briefbot answers questions about arms transfers from an index of
// source reports, citing every claim.
//
//	briefbot ask [--data DIR] [--json] QUESTION...
//	briefbot ingest [--data DIR] [--default-corpus] PATH...
//	briefbot chat [--data DIR]
//	briefbot version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	_ "time/tzdata" // time zones for digest schedules, also in a static binary without zoneinfo
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `briefbot answers questions about arms transfers from source reports, with citations.

Usage:
  briefbot ask [--data DIR] [--json] [--from DATE] [--to DATE] [--source reports|sipri] QUESTION...
  briefbot ingest [--data DIR] [--database URL] [--default-corpus] PATH|URL...
  briefbot remove [--data DIR] [--database URL] ID...
  briefbot chart [--data DIR] [--out FILE.png] [--since YEAR] [--json] suppliers|recipients COUNTRY
  briefbot chat [--data DIR]
  briefbot digest [--data DIR] [--since 7d] [--countries A,B] [--categories X,Y] [--chart FILE.png] [--json]
  briefbot serve [--config FILE] [--data DIR] [--listen ADDR] [--database URL]
  briefbot stats [--data DIR] [--database URL] [--json]
  briefbot health [--url URL]        exit 0 when a running serve answers /healthz
  briefbot version

Every command takes --config FILE (YAML, see configs/briefbot.example.yaml).
The data folder is --data, else $BRIEFBOT_DATA, else ./briefbot-data.
"ask", "chart" and "chat" build the index from the embedded default corpus when the
data folder has none yet.
`

// env is what a command runs with, so tests can run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// stderrTTY and stdoutTTY say whether those are terminals.
	stderrTTY, stdoutTTY bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		stderrTTY: isTerminal(os.Stderr), stdoutTTY: isTerminal(os.Stdout)}
	code := run(ctx, os.Args[1:], e)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK       = 0
	exitFailure  = 1 // the command ran and failed, or refused some input
	exitUsage    = 2 // the command line was wrong
	exitCanceled = 130
)

func run(ctx context.Context, args []string, e env) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "ask":
		err = cmdAsk(ctx, rest, e)
	case "ingest":
		err = cmdIngest(ctx, rest, e)
	case "chart":
		err = cmdChart(ctx, rest, e)
	case "chat":
		err = cmdChat(ctx, rest, e)
	case "digest":
		err = cmdDigest(ctx, rest, e)
	case "serve":
		err = cmdServe(ctx, rest, e)
	case "stats":
		err = cmdStats(ctx, rest, e)
	case "remove":
		err = cmdRemove(ctx, rest, e)
	case "health":
		err = cmdHealth(ctx, rest, e)
	case "version", "--version", "-v":
		fmt.Fprintln(e.stdout, "briefbot", versionString())
		return exitOK
	case "help", "--help", "-h":
		fmt.Fprint(e.stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(e.stderr, "briefbot: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "briefbot %s: %v\n", cmd, err)
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.stderr, "briefbot %s: interrupted\n", cmd)
		return exitCanceled
	case errors.Is(err, errReported):
		return exitFailure
	case errors.Is(err, errUsageReported):
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "briefbot %s: %v\n", cmd, err)
	return exitFailure
}

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// errReported means the command already told the user what went wrong;
// errUsageReported the same for a command-line mistake.
var (
	errReported      = errors.New("reported")
	errUsageReported = errors.New("usage reported")
)

func versionString() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
		v += " " + info.GoVersion
	}
	return v
}
