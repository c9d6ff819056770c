package corpus

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sync"
)

// reports is the default corpus: reports written by the briefbot authors
// from public sources (see corpus/SOURCES.md), embedded in the binary.
//
//go:embed reports
var reports embed.FS

// DefaultFS returns the default corpus as a file system, its reports under
// "reports/".
func DefaultFS() fs.FS { return reports }

// DefaultVersion is a digest of the default corpus's files: it changes
// whenever a report is added, removed or edited.
func DefaultVersion() string {
	versionOnce.Do(func() {
		h := sha256.New()
		_ = fs.WalkDir(reports, "reports", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(reports, p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
			h.Write(data)
			return nil
		})
		version = hex.EncodeToString(h.Sum(nil)[:8])
	})
	return version
}

var (
	versionOnce sync.Once
	version     string
)

// Default loads the default corpus. Any problem in it is a bug in briefbot,
// so it is returned as an error.
func Default() (*Result, error) {
	res := Loader{}.LoadFS(reports, "reports", func(p string) string { return "default:" + p })
	if len(res.Problems) > 0 {
		return nil, fmt.Errorf("default corpus: %w", res.Problems[0])
	}
	return res, nil
}
