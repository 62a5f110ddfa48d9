package embargo

import (
	"errors"
	"fmt"
)

// Error kinds. One table in httpapi maps them to HTTP status codes.
const (
	EINVALID     = "invalid"   // bad input: a request field, a file that is not its format
	ENOTFOUND    = "not_found" // no such entity, list or version
	ECONFLICT    = "conflict"  // the request contradicts the state
	EUNAUTH      = "unauthorized"
	EFORBIDDEN   = "forbidden"
	ETOOLARGE    = "too_large"   // body, batch or file over a limit
	EUNAVAILABLE = "unavailable" // not ready, upstream failed
	EINTERNAL    = "internal"
)

// Error is an application error with a kind and a message fit for the user.
// Internal errors keep their cause for the log, never for the client.
type Error struct {
	Kind    string
	Field   string // the request field or file the error is about, when known
	Message string
	Err     error // the cause, for the log
}

func (e *Error) Error() string {
	msg := e.Message
	if e.Field != "" {
		msg = e.Field + ": " + msg
	}
	if e.Err != nil {
		return msg + ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error of kind with a formatted message.
func Errorf(kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an EINVALID error naming a request field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Kind: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorKind returns the kind of err, EINTERNAL for errors without one.
func ErrorKind(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return EINTERNAL
}

// ErrorMessage returns the message a user may see: the *Error's message,
// or "internal error" for anything else.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Kind != EINTERNAL {
		if e.Field != "" {
			return e.Field + ": " + e.Message
		}
		return e.Message
	}
	return "internal error"
}
