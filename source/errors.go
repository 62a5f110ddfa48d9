package source

import (
	"fmt"
	"strings"
)

// Pos names where a problem is: the file and the record (a reference such as
// "KPi.033", or "line 12"), and optionally the field.
type Pos struct {
	File   string `json:"file"`
	Record string `json:"record,omitempty"`
	Field  string `json:"field,omitempty"`
}

func (p Pos) String() string {
	s := p.File
	if p.Record != "" {
		s += ": " + p.Record
	}
	if p.Field != "" {
		s += ": " + p.Field
	}
	return s
}

// Problem is one positioned parse problem.
type Problem struct {
	Pos     Pos    `json:"pos"`
	Msg     string `json:"msg"`
	Skipped bool   `json:"skipped,omitempty"` // the record was not imported
}

func (p Problem) Error() string {
	s := p.Pos.String() + ": " + p.Msg
	if p.Skipped {
		s += " (record skipped)"
	}
	return s
}

// ErrorList collects problems in the order found (after go/scanner.ErrorList).
type ErrorList []Problem

// Add records a problem with a record that was kept.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Skip records a problem that made the record unusable.
func (l *ErrorList) Skip(pos Pos, format string, args ...any) {
	*l = append(*l, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...), Skipped: true})
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (and %d more problems)", l[0].Error(), len(l)-1)
	return b.String()
}

// Err returns nil for an empty list, else the list.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Skipped counts the records skipped.
func (l ErrorList) Skipped() int {
	n := 0
	for _, p := range l {
		if p.Skipped {
			n++
		}
	}
	return n
}
