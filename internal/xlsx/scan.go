package xlsx

import (
	"bytes"
	"errors"
	"io"
)

// kind is the kind of a token: the scanner knows only what the parts of a
// workbook use (elements, character data, CDATA); comments, processing
// instructions and DOCTYPE declarations are skipped.
type kind uint8

const (
	kEOF   kind = iota
	kStart      // <name attrs> or <name attrs/>
	kEnd        // </name>
	kText       // character data as written: entities not yet decoded
	kCDATA      // the content of <![CDATA[...]]>, literal
)

// maxToken bounds one token (a tag or a text run) so that a damaged or
// hostile part cannot make the window grow without end; Excel caps a cell
// at 32,767 characters.
const maxToken = 64 << 20

var errTooLong = errors.New("an XML token is longer than 64 MB")

// scanner splits an XML part into tokens, reading it through a window that
// slides over the decompressed stream. It is not a validating parser: it
// finds tags by their brackets (a '>' inside a quoted attribute value is
// honoured) and leaves checking the structure to its callers. The slices of
// a token point into the window and are valid until the next call to next.
type scanner struct {
	r        io.Reader
	buf      []byte
	pos, end int  // unread input is buf[pos:end]
	eof      bool // r has no more input
	err      error

	kind  kind
	name  []byte // local name, the namespace prefix removed
	attrs []byte // what follows the name in a start tag
	empty bool   // a start tag that closes itself: <c r="A1"/>
	text  []byte
}

func newScanner(r io.Reader, size int) *scanner {
	return &scanner{r: r, buf: make([]byte, size)}
}

// more reads input, keeping buf[pos:end] (moved to the front of the window,
// so offsets must be taken relative to pos). It returns false when no byte
// could be added.
func (s *scanner) more() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			s.eof, s.err = true, errTooLong
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.err = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// ensure makes n bytes available from pos, if the input has them.
func (s *scanner) ensure(n int) bool {
	for s.end-s.pos < n {
		if !s.more() {
			return false
		}
	}
	return true
}

// find returns the offset from pos of the first c at or after pos+from, or
// -1 at the end of input.
func (s *scanner) find(from int, c byte) int {
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:s.end], c); i >= 0 {
			return from + i
		}
		from = s.end - s.pos
		if !s.more() {
			return -1
		}
	}
}

// findSeq is find for a sequence: the offset of its first byte.
func (s *scanner) findSeq(from int, seq string) int {
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], []byte(seq)); i >= 0 {
			return from + i
		}
		from = max(from, s.end-s.pos-len(seq)+1)
		if !s.more() {
			return -1
		}
	}
}

// next reads the next token into s.kind, s.name... It returns false at the
// end of input or on an error (then s.err is set).
func (s *scanner) next() bool {
	for {
		if s.pos == s.end && !s.more() {
			s.kind = kEOF
			return false
		}
		if s.buf[s.pos] != '<' {
			s.readText()
			return true
		}
		if !s.ensure(2) {
			return s.fail("the part ends inside a tag")
		}
		switch s.buf[s.pos+1] {
		case '/':
			return s.readEnd()
		case '?':
			if !s.skipPast(2, "?>") {
				return s.fail("a processing instruction is not closed")
			}
		case '!':
			if ok, tok := s.readBang(); !ok || tok {
				return ok
			}
		default:
			return s.readStart()
		}
	}
}

func (s *scanner) fail(msg string) bool {
	if s.err == nil {
		s.err = errors.New(msg)
	}
	s.kind = kEOF
	return false
}

func (s *scanner) readText() {
	i := s.find(0, '<')
	if i < 0 {
		i = s.end - s.pos
	}
	s.kind, s.text = kText, s.buf[s.pos:s.pos+i]
	s.pos += i
}

func (s *scanner) readEnd() bool {
	i := s.find(2, '>')
	if i < 0 {
		return s.fail("the part ends inside an end tag")
	}
	s.kind, s.name = kEnd, local(bytes.TrimSpace(s.buf[s.pos+2:s.pos+i]))
	s.pos += i + 1
	return true
}

// readBang reads <!--...-->, <![CDATA[...]]> or <!DOCTYPE ...>; tok tells
// whether it made a token (CDATA) rather than skipping.
func (s *scanner) readBang() (ok, tok bool) {
	s.ensure(9)
	rest := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		if !s.skipPast(4, "-->") {
			return s.fail("a comment is not closed"), false
		}
		return true, false
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		i := s.findSeq(9, "]]>")
		if i < 0 {
			return s.fail("a CDATA section is not closed"), false
		}
		s.kind, s.text = kCDATA, s.buf[s.pos+9:s.pos+i]
		s.pos += i + 3
		return true, true
	}
	// A DOCTYPE: Excel never writes one; skipped up to its '>'.
	if !s.skipPast(2, ">") {
		return s.fail("a <! declaration is not closed"), false
	}
	return true, false
}

func (s *scanner) skipPast(from int, seq string) bool {
	i := s.findSeq(from, seq)
	if i < 0 {
		return false
	}
	s.pos += i + len(seq)
	return true
}

func (s *scanner) readStart() bool {
	i := s.tagEnd()
	if i < 0 {
		return s.fail("the part ends inside a start tag")
	}
	tag := s.buf[s.pos+1 : s.pos+i]
	s.pos += i + 1
	s.empty = len(tag) > 0 && tag[len(tag)-1] == '/'
	if s.empty {
		tag = tag[:len(tag)-1]
	}
	n := 0
	for n < len(tag) && !isSpace(tag[n]) {
		n++
	}
	s.kind, s.name, s.attrs = kStart, local(tag[:n]), tag[n:]
	return true
}

// tagEnd returns the offset of the '>' closing the start tag at pos. The
// fast path takes the first '>' when no quote could hide it.
func (s *scanner) tagEnd() int {
	i := s.find(1, '>')
	if i < 0 {
		return -1
	}
	seg := s.buf[s.pos : s.pos+i]
	if bytes.IndexByte(seg, '\'') < 0 && bytes.Count(seg, []byte{'"'})%2 == 0 {
		return i
	}
	var q byte
	for i = 1; ; i++ {
		if s.pos+i == s.end && !s.more() {
			return -1
		}
		c := s.buf[s.pos+i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return i
		}
	}
}

// local strips a namespace prefix: x:row is row (the OpenXML SDK writes
// prefixed SpreadsheetML).
func local(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// attrs iterates over the attributes of a start tag: name="value" or
// name='value', names with their prefix removed, values raw. It stops at
// the first malformed attribute.
type attrs []byte

func (a *attrs) next() (name, val []byte, ok bool) {
	b, i := *a, 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	start := i
	for i < len(b) && b[i] != '=' && !isSpace(b[i]) {
		i++
	}
	name = b[start:i]
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) || b[i] != '=' {
		return nil, nil, false
	}
	for i++; i < len(b) && isSpace(b[i]); i++ {
	}
	if i == len(b) || (b[i] != '"' && b[i] != '\'') {
		return nil, nil, false
	}
	q := b[i]
	i++
	vs := i
	for i < len(b) && b[i] != q {
		i++
	}
	if i == len(b) {
		return nil, nil, false
	}
	*a = b[i+1:]
	return local(name), b[vs:i], true
}

// attr returns the raw value of the attribute whose local name is want in a
// start tag's attrs ("r" finds r="A1"; "id" finds r:id="rId1").
func attr(b []byte, want string) ([]byte, bool) {
	a := attrs(b)
	for {
		name, val, ok := a.next()
		if !ok {
			return nil, false
		}
		if string(name) == want {
			return val, true
		}
	}
}
