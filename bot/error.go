package bot

import (
	"errors"
	"fmt"
)

// Error codes of errors whose message may be shown to a user.
const (
	EInvalid   = "invalid"   // the user's input cannot be used as it is
	ENotFound  = "not_found" // something the user named does not exist
	EForbidden = "forbidden" // the user may not do this
	EInternal  = "internal"  // anything else; never shown with details
)

// Error is the only kind of error whose Message a user ever sees in chat.
// Every other error is logged, and the user gets a short apology instead.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user-facing message of err: the Message of the
// first *Error in its chain, or a generic apology that never reveals err.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "Sorry, something went wrong on my side."
}
