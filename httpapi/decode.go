package httpapi

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"
)

// decodeScreen reads a /v1/screen body into req as decode does. The body
// is read into a pooled buffer; the common shapes of request (an object of
// plain strings, lists of strings and numbers) are parsed by hand, and
// anything else (a batch, identifiers, escapes, null, an error to report)
// goes to the strict decoder, over the same bytes and read error, so that
// what is accepted, and every error, stays encoding/json's.
func (s *Server) decodeScreen(w http.ResponseWriter, r *http.Request, req *screenRequest) error {
	buf := getBuf()
	defer putBuf(buf)
	b, err := readAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody), *buf)
	*buf = b
	if err == nil && parseScreenRequest(b, req) {
		return nil
	}
	*req = screenRequest{}
	var src io.Reader = bytes.NewReader(b)
	if err != nil {
		src = io.MultiReader(src, errReader{err})
	}
	return decodeStrict(src, req)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// readAll appends what r holds to b; err is nil at EOF.
func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// parseScreenRequest parses b into req when b is one JSON object whose
// keys are written exactly as screenRequest's single-query fields and
// whose values are strings without escapes, lists of them, or numbers
// where the fields are numbers, then whitespace. It reports false for
// anything else, leaving req to be decoded again from zero. What it
// accepts, it decodes as encoding/json does (FuzzParseScreenRequest).
func parseScreenRequest(b []byte, req *screenRequest) bool {
	p := parser{b: b}
	if !p.byte('{') {
		return false
	}
	if p.byte('}') {
		return p.end()
	}
	for {
		key, ok := p.str()
		if !ok || !p.byte(':') {
			return false
		}
		switch key {
		case "id":
			ok = p.strField(&req.ID)
		case "name":
			ok = p.strField(&req.Name)
		case "schema":
			ok = p.strField(&req.Schema)
		case "birth_date":
			ok = p.strField(&req.BirthDate)
		case "country":
			ok = p.strField(&req.Country)
		case "gender":
			ok = p.strField(&req.Gender)
		case "names":
			req.Names, ok = p.strs()
		case "countries":
			req.Countries, ok = p.strs()
		case "exclude_ids":
			req.ExcludeIDs, ok = p.strs()
		case "sources":
			req.Sources, ok = p.strs()
		case "threshold":
			var f float64
			if f, ok = p.float(); ok {
				req.Threshold = &f
			}
		case "limit":
			req.Limit, ok = p.int()
		default:
			return false
		}
		if !ok {
			return false
		}
		if p.byte(',') {
			continue
		}
		return p.byte('}') && p.end()
	}
}

type parser struct {
	b []byte
	i int
}

func (p *parser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte consumes c after whitespace.
func (p *parser) byte(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *parser) end() bool {
	p.space()
	return p.i == len(p.b)
}

// str reads a string of valid UTF-8 without escapes or control characters.
func (p *parser) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	ascii := true
	for ; p.i < len(p.b); p.i++ {
		switch c := p.b[p.i]; {
		case c == '"':
			s := p.b[start:p.i]
			p.i++
			if !ascii && !utf8.Valid(s) {
				return "", false
			}
			return string(s), true
		case c == '\\' || c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

func (p *parser) strField(dst *string) bool {
	s, ok := p.str()
	*dst = s
	return ok
}

// strs reads a list of strings ([] is an empty list, as encoding/json
// decodes it).
func (p *parser) strs() ([]string, bool) {
	if !p.byte('[') {
		return nil, false
	}
	out := []string{}
	if p.byte(']') {
		return out, true
	}
	for {
		s, ok := p.str()
		if !ok {
			return nil, false
		}
		out = append(out, s)
		if p.byte(',') {
			continue
		}
		return out, p.byte(']')
	}
}

// number reads a JSON number's text; integer says it has no fraction or
// exponent.
func (p *parser) number() (text []byte, integer, ok bool) {
	p.space()
	start := p.i
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		n := 0
		for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	switch {
	case p.i < len(p.b) && p.b[p.i] == '0':
		p.i++
	case digits() == 0:
		return nil, false, false
	}
	integer = true
	if p.i < len(p.b) && p.b[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, false, false
		}
		integer = false
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		p.i++
		if p.i < len(p.b) && (p.b[p.i] == '+' || p.b[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, false, false
		}
		integer = false
	}
	return p.b[start:p.i], integer, true
}

func (p *parser) float() (float64, bool) {
	s, _, ok := p.number()
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(s), 64)
	return f, err == nil
}

func (p *parser) int() (int, bool) {
	s, integer, ok := p.number()
	if !ok || !integer {
		return 0, false
	}
	n, err := strconv.ParseInt(string(s), 10, 0)
	return int(n), err == nil
}
