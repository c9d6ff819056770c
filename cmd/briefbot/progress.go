package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// progressBar draws "[#####.....] 50/100 reports" on one terminal line.
type progressBar struct {
	w     io.Writer
	total int
	shown bool
}

func newProgressBar(w io.Writer, total int) *progressBar {
	return &progressBar{w: w, total: total}
}

func (p *progressBar) set(done int) {
	const width = 30
	filled := width * done / max(p.total, 1)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d reports", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, p.total)
	p.shown = true
}

// clear wipes the bar so a line of other output can be printed.
func (p *progressBar) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

func (p *progressBar) finish() {
	if p.shown {
		fmt.Fprintln(p.w)
	}
}
