package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Errors of paths that are not read. ErrNotRegular is the error of a named
// pipe, device, socket or other special file: reading one could block
// forever or never end. ErrLinkOutside is the error of a symbolic link
// whose target lies outside the folder being ingested (for a file named
// itself, outside the folder holding the link). ErrBadLink is the error of
// a link that loops or leads nowhere.
var (
	ErrNotRegular  = errors.New("not a regular file, skipped")
	ErrLinkOutside = errors.New("symbolic link leads outside the folder being ingested, not followed")
	ErrBadLink     = errors.New("symbolic link loops or leads nowhere, skipped")
)

// fileKind names the type of a non-regular file for people.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsDir():
		return "folder"
	}
	return "special file"
}

// notRegular is the error for a file of mode m.
func notRegular(m fs.FileMode) error {
	return fmt.Errorf("%s: %w", fileKind(m), ErrNotRegular)
}

// readRegular reads the file at path if it is a regular file of at most
// limit bytes. The type is checked before opening; the file is opened
// without blocking (so a FIFO put in its place after the check cannot hang
// the open) and checked again once open.
func readRegular(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(info.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(info.Mode())
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return data, nil
}

// within reports whether path is dir or lies below it; both are cleaned,
// absolute paths with symbolic links resolved.
func within(path, dir string) bool {
	if path == dir {
		return true
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// realPath returns p made absolute with every symbolic link resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// resolveLink follows the symbolic link at p and returns its target if it
// stays inside dir (a real path), with the target's file info.
func resolveLink(p, dir string) (string, fs.FileInfo, error) {
	target, err := realPath(p)
	if err != nil {
		return "", nil, fmt.Errorf("%w (%w)", ErrBadLink, unwrapPathError(err))
	}
	if !within(target, dir) {
		return "", nil, fmt.Errorf("%w: it points to %s, outside %s", ErrLinkOutside, target, dir)
	}
	info, err := os.Stat(target)
	if err != nil {
		return "", nil, fmt.Errorf("%w (%w)", ErrBadLink, unwrapPathError(err))
	}
	return target, info, nil
}

// unwrapPathError drops the path from a *fs.PathError, which the problem
// names already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadNamed reads one path the user named: a file, a folder, or a
// symbolic link to one of them inside the folder that holds the link.
func (l Loader) loadNamed(ctx context.Context, res *Result, p string) {
	info, err := os.Lstat(p)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Path: p, Severity: Error, Err: err})
		return
	}
	target := p
	if info.Mode()&fs.ModeSymlink != 0 {
		dir, err := realPath(filepath.Dir(p))
		if err == nil {
			target, info, err = resolveLink(p, dir)
		}
		if err != nil {
			res.Problems = append(res.Problems, Problem{Path: p, Severity: Error, Err: err})
			return
		}
	}
	switch {
	case info.IsDir():
		l.walkDisk(ctx, res, p, target)
	case info.Mode().IsRegular():
		l.loadFile(res, p, p, func() ([]byte, error) { return readRegular(target, l.maxSize()) }, info.Size(), true)
	default:
		res.Problems = append(res.Problems, Problem{Path: p, Severity: Error, Err: notRegular(info.Mode())})
	}
}

// diskFile is a file found in a folder, to be read once the whole folder
// is listed.
type diskFile struct {
	display, name, read string // read is the path opened: the link's target for a link
	size                int64
	link                bool
}

// walkDisk reads the folder p (whose real path is root): regular files,
// and symbolic links to regular files inside root unless the file they
// point to is read anyway. Every other entry is named with the reason it
// was skipped, except hidden ones (names starting with "."), passed over
// silently.
func (l Loader) walkDisk(ctx context.Context, res *Result, p, root string) {
	realRoot, err := realPath(root)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Path: p, Severity: Error, Err: err})
		return
	}
	var files []diskFile
	regular := map[string]string{} // real path -> display path of regular files found
	skip := func(display string, sev Severity, err error) {
		res.Problems = append(res.Problems, Problem{Path: display, Severity: sev, Err: err})
	}
	err = fs.WalkDir(os.DirFS(realRoot), ".", func(rel string, d fs.DirEntry, err error) error {
		display := filepath.Join(p, filepath.FromSlash(rel))
		full := filepath.Join(realRoot, filepath.FromSlash(rel))
		if err != nil {
			skip(display, Error, unwrapPathError(err))
			return nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch mode := d.Type(); {
		case d.IsDir():
		case mode.IsRegular():
			info, err := d.Info()
			if err != nil {
				skip(display, Error, unwrapPathError(err))
				return nil
			}
			regular[full] = display
			files = append(files, diskFile{display: display, name: d.Name(), read: full, size: info.Size()})
		case mode&fs.ModeSymlink != 0:
			target, info, err := resolveLink(full, realRoot)
			switch {
			case errors.Is(err, ErrLinkOutside):
				skip(display, Warning, err)
			case err != nil:
				skip(display, Error, err)
			case info.IsDir():
				skip(display, Warning, errors.New("symbolic link to a folder, not followed (the folder is read as itself)"))
			case !info.Mode().IsRegular():
				skip(display, Error, notRegular(info.Mode()))
			default:
				files = append(files, diskFile{display: display, name: d.Name(), read: target, size: info.Size(), link: true})
			}
		default:
			skip(display, Error, notRegular(mode))
		}
		return nil
	})
	if err != nil {
		res.Problems = append(res.Problems, Problem{Path: p, Severity: Error, Err: err})
		return
	}
	l.loadDiskFiles(ctx, res, files, regular)
}

// loadDiskFiles reads the files a folder walk found, in order. A link to
// a file read under another name is skipped, so no file is read twice.
func (l Loader) loadDiskFiles(ctx context.Context, res *Result, files []diskFile, regular map[string]string) {
	for _, f := range files {
		if ctx.Err() != nil {
			return
		}
		if f.link {
			if other, ok := regular[f.read]; ok {
				res.Problems = append(res.Problems, Problem{Path: f.display, Severity: Warning,
					Err: fmt.Errorf("symbolic link to %s, which is read as itself; skipped", other)})
				continue
			}
			regular[f.read] = f.display
		}
		l.loadFile(res, f.display, f.name, func() ([]byte, error) { return readRegular(f.read, l.maxSize()) }, f.size, false)
	}
}
