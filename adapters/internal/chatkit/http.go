package chatkit

import (
	"context"
	"errors"
	"io"
	"net/http"
)

// Acquire takes a slot of sem, waiting until ctx is done at most. ok is
// false when no slot came in time; otherwise call release when done.
func Acquire(ctx context.Context, sem chan struct{}) (release func(), ok bool) {
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, true
	case <-ctx.Done():
		return nil, false
	}
}

// ReadBody reads a request body of at most max bytes. On failure it has
// answered the request (413 when too large, 400 otherwise) and returns
// false. Platforms' signatures are checked on what it returns, before
// anything parses it.
func ReadBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, bool) {
	if r.ContentLength > max {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		} else {
			http.Error(w, "cannot read request body", http.StatusBadRequest)
		}
		return nil, false
	}
	return body, true
}
