// Package source defines the one interface every official list format
// implements, the registry that drives them, and positioned parse errors.
// Each format lives in its own subpackage (source/unsc, source/ofac, ...) and
// registers itself in init; source/all imports them all.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"embargo"
)

// File is one input file: its name (a path or URL, for messages) and content.
type File struct {
	Name string
	Data []byte
}

// Info describes a format and the list it carries.
type Info struct {
	Name        string   // format name, e.g. "unsc", "ofac-csv", "uk-conlist"
	Source      string   // entity id prefix and store key: "un", "ofac", "uk", "eu", "ca", "au", "csl", "ftm"
	Authority   string   // "UN Security Council"
	List        string   // "Consolidated List"
	Description string   // one line
	URLs        []string // official download URLs, in the order Parse wants the files
}

// Result is what a parse produces. Problems are per-record troubles that did
// not stop the parse: each names its file and record, and says whether the
// record was kept (with what could be read) or skipped.
type Result struct {
	Entities  []embargo.Entity
	Published embargo.Date // the list's own date, where the file gives one
	Problems  ErrorList
}

// Format reads one official list format.
type Format interface {
	Info() Info
	// Detect reports whether a file with this name and first bytes is of
	// this format. It must be cheap and must not accept other formats.
	Detect(name string, head []byte) bool
	// Parse reads the files of one list version. A file that is not this
	// format (wrong file, truncated, an HTML error page, empty) is refused
	// with an error wrapping ErrFormat that names the file; nothing is returned then.
	Parse(files []File) (*Result, error)
}

// ErrFormat is wrapped by every "this is not a file of this format" error.
var ErrFormat = errors.New("not a file of this format")

// FormatError returns an error wrapping ErrFormat naming the file.
func FormatError(format, file, why string) error {
	return &embargo.Error{Kind: embargo.EINVALID, Field: file,
		Message: fmt.Sprintf("%s: %s", format, why), Err: ErrFormat}
}

var registry = map[string]Format{}

// Register adds a format; it panics on a duplicate name (a programming error at init).
func Register(f Format) {
	name := f.Info().Name
	if _, dup := registry[name]; dup {
		panic("source: duplicate format " + name)
	}
	registry[name] = f
}

// All returns the registered formats sorted by name.
func All() []Format {
	out := make([]Format, 0, len(registry))
	for _, f := range registry {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Info().Name < out[j].Info().Name })
	return out
}

// Lookup finds a format by its name or by its source ("un" finds "unsc").
func Lookup(name string) (Format, bool) {
	if f, ok := registry[name]; ok {
		return f, true
	}
	for _, f := range All() {
		if f.Info().Source == name {
			return f, true
		}
	}
	return nil, false
}

// HeadSize is how many leading bytes Detect is given.
const HeadSize = 4096

// Detect finds the format of a file from its name and content.
func Detect(name string, data []byte) (Format, error) {
	head := data
	if len(head) > HeadSize {
		head = head[:HeadSize]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	var found []Format
	for _, f := range All() {
		if f.Detect(name, head) {
			found = append(found, f)
		}
	}
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		// A workbook's header lies compressed past the head: let every
		// format look at the first rows of its sheet, rendered as CSV, and
		// trust that over a name (any name, e.g. an upstream copy renamed).
		if csvHead := xlsxHead(data, 3); csvHead != nil {
			var sure []Format
			for _, f := range All() {
				if f.Detect(strings.TrimSuffix(name, path.Ext(name))+".csv", csvHead) {
					sure = append(sure, f)
				}
			}
			if len(sure) > 0 {
				found = sure
			}
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, &embargo.Error{Kind: embargo.EINVALID, Field: name, Message: "not a known list format" + sniff(head), Err: ErrFormat}
	}
	var names []string
	for _, f := range found {
		names = append(names, f.Info().Name)
	}
	return nil, embargo.Errorf(embargo.EINVALID, "%s: matches several formats (%s); name one with --source", name, strings.Join(names, ", "))
}

// sniff says what a refused file looks like, for the error message.
func sniff(head []byte) string {
	t := bytes.ToLower(bytes.TrimSpace(head))
	switch {
	case len(t) == 0:
		return " (the file is empty)"
	case bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html")):
		return " (it is an HTML page, perhaps a server error page)"
	case bytes.HasPrefix(t, []byte("{")) && bytes.Contains(t, []byte(`"status"`)):
		return " (it is a JSON status message, perhaps a server error)"
	}
	return ""
}

// ReadAll reads r into a File, refusing more than max bytes (0 = no limit).
func ReadAll(name string, r io.Reader, max int64) (File, error) {
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	if max > 0 && int64(len(b)) > max {
		return File{}, &embargo.Error{Kind: embargo.ETOOLARGE, Field: name, Message: fmt.Sprintf("larger than the limit of %d bytes", max)}
	}
	return File{Name: name, Data: b}, nil
}
