package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot"
)

// DefaultMaxFileSize is the largest file a Loader reads unless told otherwise.
const DefaultMaxFileSize = 10 << 20

// ErrFileNameID is the problem of a report that takes its ID from a file
// name that is no valid ID (a "#" in it, say).
var ErrFileNameID = errors.New("the file name makes an invalid report id")

// Severity says whether a Problem cost a report.
type Severity int

const (
	// Warning: the file was passed over on purpose (an unknown extension).
	Warning Severity = iota
	// Error: the file, or a line of it, was refused; nothing of it was indexed.
	Error
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is something wrong with one file (or one line of one).
type Problem struct {
	Path     string
	Line     int // 1-based; 0 when the problem is not about one line
	Severity Severity
	Err      error
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.Path, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.Path, p.Err)
}

func (p Problem) Unwrap() error { return p.Err }

// ErrTooLarge and ErrBinary are the errors of refused files.
var (
	ErrTooLarge = errors.New("file too large")
	ErrBinary   = errors.New("binary file or not UTF-8 text, skipped")
	ErrEmpty    = errors.New("no text to index")
)

// Result is what a Loader read: the reports, and every problem on the way.
type Result struct {
	Reports  []bot.Report
	Problems []Problem
	Files    int // files read (reports may be fewer, or more for JSON Lines)
}

// Errors counts the problems of severity Error.
func (r *Result) Errors() int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Loader reads reports from files. The zero value is ready to use.
type Loader struct {
	MaxFileSize int64 // bytes; 0 means DefaultMaxFileSize
}

func (l Loader) maxSize() int64 {
	if l.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return l.MaxFileSize
}

// loaders by file extension.
var loaders = map[string]func(name string, data []byte) ([]bot.Report, []Problem){
	".md":       loadMarkdown,
	".markdown": loadMarkdown,
	".txt":      loadText,
	".html":     loadHTML,
	".htm":      loadHTML,
	".jsonl":    loadJSONL,
	".csv":      loadCSV,
	".pdf":      loadPDF,
}

// Supported reports whether a file name has an extension a loader reads.
func Supported(name string) bool {
	_, ok := loaders[strings.ToLower(path.Ext(name))]
	return ok
}

// LoadPaths reads files and, recursively, folders on disk; see
// LoadPathsContext.
func (l Loader) LoadPaths(paths ...string) *Result {
	res, _ := l.LoadPathsContext(context.Background(), paths...)
	return res
}

// LoadPathsContext reads files and, recursively, folders on disk. Only
// regular files are read: named pipes, devices and sockets are refused
// with a Problem naming the path, so nothing can block the load. A
// symbolic link is followed only when its target lies inside the folder
// being read (for a path named itself, the folder holding the link), and
// a link to a file the load reads anyway, or to a folder, is skipped; each
// skipped path gets a Problem saying why. Hidden files and folders (names
// starting with ".") are passed over silently; files with other extensions
// get a Warning.
//
// LoadPathsContext stops between files when ctx is done and returns what
// it read so far with ctx.Err().
func (l Loader) LoadPathsContext(ctx context.Context, paths ...string) (*Result, error) {
	res := &Result{}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		l.loadNamed(ctx, res, p)
	}
	dedupe(res)
	return res, ctx.Err()
}

// LoadFS reads every file below root in fsys; display turns a path in fsys
// into the name used in reports' Origin and in problems.
func (l Loader) LoadFS(fsys fs.FS, root string, display func(string) string) *Result {
	res := &Result{}
	l.walk(res, fsys, root, display)
	dedupe(res)
	return res
}

func (l Loader) walk(res *Result, fsys fs.FS, root string, display func(string) string) {
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			res.Problems = append(res.Problems, Problem{Path: display(p), Severity: Error, Err: err})
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			res.Problems = append(res.Problems, Problem{Path: display(p), Severity: Error, Err: err})
			return nil
		}
		l.loadFile(res, display(p), d.Name(), func() ([]byte, error) { return fs.ReadFile(fsys, p) }, info.Size(), false)
		return nil
	})
	if err != nil {
		res.Problems = append(res.Problems, Problem{Path: display(root), Severity: Error, Err: err})
	}
}

// loadFile checks size, extension and content, then hands the bytes to the
// loader for the extension. named is true when the user named the file
// itself, so an unknown extension is an error rather than a warning.
func (l Loader) loadFile(res *Result, display, name string, read func() ([]byte, error), size int64, named bool) {
	load, ok := loaders[strings.ToLower(path.Ext(name))]
	if !ok {
		sev := Warning
		if named {
			sev = Error
		}
		res.Problems = append(res.Problems, Problem{Path: display, Severity: sev,
			Err: fmt.Errorf("unknown file type %q, skipped (briefbot reads .md, .txt, .html, .jsonl, .pdf, and SIPRI exports as .csv)", path.Ext(name))})
		return
	}
	if size > l.maxSize() {
		res.Problems = append(res.Problems, Problem{Path: display, Severity: Error,
			Err: fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, bot.HumanBytes(size), bot.HumanBytes(l.maxSize()))})
		return
	}
	data, err := read()
	if err != nil {
		res.Problems = append(res.Problems, Problem{Path: display, Severity: Error, Err: err})
		return
	}
	if int64(len(data)) > l.maxSize() { // grew since the stat
		res.Problems = append(res.Problems, Problem{Path: display, Severity: Error,
			Err: fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, bot.HumanBytes(int64(len(data))), bot.HumanBytes(l.maxSize()))})
		return
	}
	// A CSV may be a Latin-1 SIPRI export, or one saved as UTF-16: its
	// loader checks the encoding itself and says what is wrong. A PDF is
	// binary by nature.
	if ext := strings.ToLower(path.Ext(name)); ext != ".csv" && ext != ".pdf" && isBinary(data) {
		res.Problems = append(res.Problems, Problem{Path: display, Severity: Error, Err: ErrBinary})
		return
	}
	res.Files++
	reports, problems := load(display, data)
	for i := range problems {
		problems[i].Path = display
	}
	kept := reports[:0]
	for _, r := range reports {
		r.Origin = display
		if r.ID == "" {
			r.ID = strings.TrimSuffix(path.Base(filepath.ToSlash(name)), path.Ext(name))
			if err := ValidateID(r.ID); err != nil {
				problems = append(problems, Problem{Path: display, Severity: Error,
					Err: fmt.Errorf("%w (%w); rename the file or give the report an id (front matter, or an \"id\" field)", ErrFileNameID, err)})
				continue
			}
		}
		if r.Title == "" {
			r.Title = r.ID
		}
		kept = append(kept, r)
	}
	reports = kept
	res.Reports = append(res.Reports, reports...)
	res.Problems = append(res.Problems, problems...)
}

// dedupe refuses the second and later reports with an ID seen before in the
// same load, so one ingest never silently overwrites its own reports.
func dedupe(res *Result) {
	first := map[string]string{}
	kept := res.Reports[:0]
	for _, r := range res.Reports {
		if where, ok := first[r.ID]; ok {
			res.Problems = append(res.Problems, Problem{Path: r.Origin, Severity: Error,
				Err: fmt.Errorf("report id %q is also used by %s; skipped (give one of them another id in its front matter)", r.ID, where)})
			continue
		}
		first[r.ID] = r.Origin
		kept = append(kept, r)
	}
	res.Reports = kept
	sort.SliceStable(res.Problems, func(i, j int) bool { return res.Problems[i].Path < res.Problems[j].Path })
}

// isBinary reports whether data looks like something other than text: a NUL
// byte, or mostly invalid UTF-8, in its first 8 KiB.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size == 1 && len(head) >= utf8.UTFMax {
			bad++
		}
		head = head[size:]
	}
	return bad > 16
}
