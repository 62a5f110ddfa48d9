package xlsx

import (
	"bytes"
	"unicode/utf8"
)

// appendText appends character data to dst as an XML parser would deliver
// it: line ends normalised to \n (XML 1.0 §2.11, as encoding/xml does) and,
// unless it is CDATA, the five predefined entities and character references
// (&#10; &#x41;) decoded. An unknown or malformed reference is kept as
// written rather than refused: a sanctions list must not lose a name over a
// stray ampersand.
func appendText(dst, raw []byte, cdata bool) []byte {
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			return append(dst, raw...)
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		if raw[0] == '\r' {
			dst = append(dst, '\n')
			raw = raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		if cdata {
			dst = append(dst, '&')
			raw = raw[1:]
			continue
		}
		var n int
		dst, n = appendEntity(dst, raw)
		raw = raw[n:]
	}
	return dst
}

// appendEntity decodes the reference at the start of raw (raw[0] is '&')
// and says how many bytes it took.
func appendEntity(dst, raw []byte) ([]byte, int) {
	semi := bytes.IndexByte(raw[:min(len(raw), 12)], ';')
	if semi < 0 {
		return append(dst, '&'), 1
	}
	switch name := raw[1:semi]; string(name) {
	case "amp":
		return append(dst, '&'), semi + 1
	case "lt":
		return append(dst, '<'), semi + 1
	case "gt":
		return append(dst, '>'), semi + 1
	case "quot":
		return append(dst, '"'), semi + 1
	case "apos":
		return append(dst, '\''), semi + 1
	default:
		if r, ok := charRef(name); ok {
			return utf8.AppendRune(dst, r), semi + 1
		}
	}
	return append(dst, '&'), 1
}

// charRef decodes the name of a character reference, "#10" or "#x41". A
// code point XML forbids (NUL, a surrogate, past U+10FFFF) becomes U+FFFD.
func charRef(name []byte) (rune, bool) {
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	base, digits := 10, name[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		d := hexDigit(c)
		if d < 0 || d >= base {
			return 0, false
		}
		r = r*rune(base) + rune(d)
	}
	if r == 0 || !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return r, true
}

func hexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeEscapes decodes the _xHHHH_ escapes of string items (ECMA-376 Part
// 1, §22.9.2.19 ST_Xstring: Excel writes a control character such as CR as
// _x000D_, and a literal "_x" that would be misread as _x005F_x), in place.
// A UTF-16 surrogate pair written as two escapes is joined; a lone surrogate
// becomes U+FFFD.
func decodeEscapes(s []byte) []byte {
	i := bytes.Index(s, []byte("_x"))
	if i < 0 {
		return s
	}
	out := s[:i]
	for i < len(s) {
		u, ok := escapeAt(s, i)
		if !ok {
			out = append(out, s[i])
			i++
			continue
		}
		i += 7
		if u == 0x5F {
			out = append(out, '_')
			continue
		}
		r := rune(u)
		if 0xD800 <= u && u < 0xDC00 {
			if lo, ok := escapeAt(s, i); ok && 0xDC00 <= lo && lo < 0xE000 {
				r = 0x10000 + (rune(u)-0xD800)<<10 + rune(lo-0xDC00)
				i += 7
			}
		}
		out = utf8.AppendRune(out, r) // writes U+FFFD for a lone surrogate
	}
	return out
}

// escapeAt reads _xHHHH_ at s[i:]. The decoded text is never longer than
// the escape (7 bytes give at most 4 of UTF-8), so decoding in place is safe.
func escapeAt(s []byte, i int) (uint16, bool) {
	if len(s)-i < 7 || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range s[i+2 : i+6] {
		d := hexDigit(c)
		if d < 0 {
			return 0, false
		}
		u = u<<4 | uint16(d)
	}
	return u, true
}
