package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// MaxLine is the longest line the console reads as one message, in bytes.
// A longer line is refused whole, and the chat goes on.
const MaxLine = 64 << 10

// Adapter is an interactive chat in a terminal. Each line read from In is
// one message; replies go to Out. "quit", "exit" or the end of In stops it.
type Adapter struct {
	In     io.Reader
	Out    io.Writer
	Prompt string // written before each line is read; "" for none
	Style  Style
	User   string // the user ID messages carry; "" means "console"

	mu sync.Mutex // one writer of Out at a time: replies and digests
}

var _ bot.Adapter = (*Adapter)(nil)

// Run reads messages until In ends, the user quits or ctx is done. It
// returns nil in the first two cases and ctx's error in the last.
func (a *Adapter) Run(ctx context.Context, h bot.Handler) error {
	user := a.User
	if user == "" {
		user = "console"
	}
	lines := make(chan lineOrErr)
	stop := make(chan struct{})
	defer close(stop)
	go readLines(bufio.NewReader(a.In), lines, stop)
	for {
		if a.Prompt != "" {
			a.write(a.Prompt)
		}
		var l lineOrErr
		select {
		case <-ctx.Done():
			return ctx.Err()
		case l = <-lines:
		}
		switch {
		case errors.Is(l.err, io.EOF):
			return nil
		case errors.Is(l.err, errLineTooLong):
			a.write(fmt.Sprintf("That message is over %d KB; please send something shorter.\n", MaxLine>>10))
			continue
		case l.err != nil:
			return fmt.Errorf("read console input: %w", l.err)
		}
		text := strings.TrimSpace(l.text)
		switch strings.ToLower(text) {
		case "":
			continue
		case "quit", "exit", "bye":
			return nil
		}
		reply := h.Handle(ctx, bot.Message{Text: text, User: user, Channel: "console", Platform: bot.Console})
		a.write(Render(reply, a.Style) + "\n")
	}
}

// write writes s to Out, after any other write under way.
func (a *Adapter) write(s string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	_, err := io.WriteString(a.Out, s)
	return err
}

var _ bot.DigestPoster = (*Adapter)(nil)

// PostDigest prints the digest r to Out, with its ID. The console keeps no
// history, so parts in have are ignored: it is printed whole.
func (a *Adapter) PostDigest(_ context.Context, _ string, r bot.Reply, digestID string, _ []int) (string, error) {
	if err := a.write(Render(r, a.Style) + "\n(digest " + digestID + ")\n\n"); err != nil {
		return "", fmt.Errorf("print digest: %w", err)
	}
	return digestID, nil
}

// FindDigest finds nothing: what was printed cannot be read back.
func (a *Adapter) FindDigest(context.Context, string, string, time.Time) (bot.DigestFound, error) {
	return bot.DigestFound{}, nil
}

type lineOrErr struct {
	text string
	err  error
}

var errLineTooLong = errors.New("line too long")

// readLines sends each line of r (or the reason it could not) until r ends
// or stop is closed. A line over MaxLine is discarded up to its end and
// reported as errLineTooLong.
func readLines(r *bufio.Reader, out chan<- lineOrErr, stop <-chan struct{}) {
	send := func(l lineOrErr) bool {
		select {
		case out <- l:
			return true
		case <-stop:
			return false
		}
	}
	for {
		var buf []byte
		tooLong := false
		var err error
		for {
			var part []byte
			var more bool
			part, more, err = r.ReadLine()
			if !tooLong {
				buf = append(buf, part...)
				if len(buf) > MaxLine {
					tooLong, buf = true, nil
				}
			}
			if !more || err != nil {
				break
			}
		}
		if err != nil && len(buf) == 0 && !tooLong {
			send(lineOrErr{err: err})
			return
		}
		l := lineOrErr{text: string(buf)}
		if tooLong {
			l = lineOrErr{err: errLineTooLong}
		}
		if !send(l) {
			return
		}
		if err != nil {
			send(lineOrErr{err: err})
			return
		}
	}
}
