package corpus

import (
	"embed"
	"fmt"
	"io/fs"
)

// reports is the default corpus: reports written by the briefbot authors
// from public sources (see corpus/SOURCES.md), embedded in the binary.
//
//go:embed reports
var reports embed.FS

// DefaultFS returns the default corpus as a file system, its reports under
// "reports/".
func DefaultFS() fs.FS { return reports }

// Default loads the default corpus. Any problem in it is a bug in briefbot,
// so it is returned as an error.
func Default() (*Result, error) {
	res := Loader{}.LoadFS(reports, "reports", func(p string) string { return "default:" + p })
	if len(res.Problems) > 0 {
		return nil, fmt.Errorf("default corpus: %w", res.Problems[0])
	}
	return res, nil
}
