package xlsx

import (
	"io"
	"slices"
	"strconv"
)

// Excel's limits (Specification and limits): 16,384 columns (XFD) and
// 1,048,576 rows. A reference beyond them is a damaged file, and refusing it
// keeps a hostile one from making a row of a billion cells.
const (
	maxCols = 16384
	maxRows = 1 << 20
)

// Sheet reads the rows of one worksheet in order:
//
//	for sh.Next() { use(sh.Row()) }
//	if err := sh.Err(); err != nil { ... }
//
// Rows missing from the XML (Excel writes no <row> for a blank row) come as
// empty rows, so that the n-th row Next yields is row n of the sheet, as
// excelize's Rows does.
type Sheet struct {
	wb    *Workbook
	ref   sheetRef
	rc    io.ReadCloser
	sc    *scanner
	row   []string
	num   int // sheet row number of Row
	next  int // number of the <row> read ahead, 0 when none
	blank bool
	done  bool
	err   error

	// the cell being read
	typ        cellType
	val, inl   []byte // the text of <v>, of <is>
	inV, inT   bool
	inIS, sawI bool
	inRPh      int
}

type cellType uint8

const (
	tNumber cellType = iota // n, or no t: the number as written
	tShared                 // s: an index into the shared strings
	tInline                 // inlineStr: the text of <is>
	tOther                  // str (a formula's text), b (1/0), e (#N/A), d (ISO 8601): as written
)

func newSheet(wb *Workbook, ref sheetRef, rc io.ReadCloser) *Sheet {
	return &Sheet{wb: wb, ref: ref, rc: rc, sc: newScanner(rc, 64<<10)}
}

// Name is the sheet's name as the workbook lists it ("Data").
func (s *Sheet) Name() string { return s.ref.name }

// Row returns the cells of the current row, from column A to the last cell
// with a value: a cell absent from the XML, or empty, is "". The slice is
// reused by the next call to Next; clone it to keep it.
func (s *Sheet) Row() []string { return s.row }

// RowNum is the sheet's number of the current row (1-based).
func (s *Sheet) RowNum() int { return s.num }

// Err returns the error that ended the rows early, if any.
func (s *Sheet) Err() error { return s.err }

// Close releases the decompressor; Next closes the sheet at its end.
func (s *Sheet) Close() error {
	s.done = true
	if s.rc == nil {
		return nil
	}
	err := s.rc.Close()
	s.rc = nil
	return err
}

// Next advances to the next row, false at the end of the sheet or on an
// error (see Err).
func (s *Sheet) Next() bool {
	if s.done {
		return false
	}
	if s.next == 0 && !s.seekRow() {
		s.Close()
		return false
	}
	s.row = s.row[:0]
	if s.next > s.num+1 { // a row Excel did not write
		s.num++
		return true
	}
	s.num, s.next = s.next, 0
	if s.blank {
		return true
	}
	if err := s.readCells(); err != nil {
		s.err = err
		s.Close()
		return false
	}
	return true
}

// errf is an error at the row, and at the cell in column col unless col
// is -1.
func (s *Sheet) errf(row, col int, format string, args ...any) *Error {
	e := s.wb.errf(s.ref.part, nil, format, args...)
	e.Row = row
	if col >= 0 && row > 0 {
		e.Cell = cellName(col, row)
	}
	return e
}

// formatErr is an error that says the sheet is damaged or cut.
func (s *Sheet) formatErr(row int, format string, args ...any) *Error {
	e := s.errf(row, -1, format, args...)
	e.Err = ErrFormat
	return e
}

// seekRow reads up to the next <row> start tag and sets s.next to its
// number: its r attribute, or the row after the last one when r is absent.
// It returns false after </sheetData> or on an error.
func (s *Sheet) seekRow() bool {
	sc := s.sc
	inData := false
	for sc.next() {
		switch {
		case sc.kind == kStart && string(sc.name) == "row":
			n, err := s.rowNumber(sc.attrs)
			if err != nil {
				s.err = err
				return false
			}
			s.next, s.blank = n, sc.empty
			return true
		case sc.kind == kStart && string(sc.name) == "sheetData":
			if sc.empty {
				return false
			}
			inData = true
		case sc.kind == kEnd && string(sc.name) == "sheetData":
			return false
		}
	}
	switch {
	case sc.err != nil:
		s.err = s.formatErr(0, "damaged sheet XML (truncated download?): %v", sc.err)
	case s.num == 0 && !inData:
		s.err = s.formatErr(0, "no <sheetData>: not a worksheet")
	default:
		s.err = s.formatErr(0, "the sheet ends after row %d without </sheetData> (truncated download?)", s.num)
	}
	return false
}

// rowNumber reads r="7". A row numbered at or before the previous one is
// out of order (the specification forbids it): it is taken as the next row,
// as excelize does, rather than lost.
func (s *Sheet) rowNumber(attrs []byte) (int, error) {
	r, ok := attr(attrs, "r")
	if !ok {
		return s.num + 1, nil
	}
	n, ok := atoi(r)
	if !ok || n < 1 || n > maxRows {
		return 0, s.formatErr(s.num+1, "row number r=%q is not a number from 1 to %d", r, maxRows)
	}
	return max(n, s.num+1), nil
}

// readCells reads the cells of the current row up to its </row>.
func (s *Sheet) readCells() error {
	sc, col, open := s.sc, -1, false // open: inside a <c> whose value counts
	for sc.next() {
		switch sc.kind {
		case kStart:
			if string(sc.name) == "c" {
				var err error
				if col, err = s.startCell(sc.attrs, col); err != nil {
					return err
				}
				open = !sc.empty
				continue
			}
			if string(sc.name) == "row" {
				return s.formatErr(s.num, "a <row> starts before the row's </row>")
			}
			s.startElem(sc.name, sc.empty)
		case kEnd:
			switch string(sc.name) {
			case "c":
				if !open {
					continue // a stray </c>
				}
				open = false
				if err := s.endCell(col); err != nil {
					return err
				}
			case "row":
				return nil
			default:
				s.endElem(sc.name)
			}
		case kText, kCDATA:
			cdata := sc.kind == kCDATA
			if s.inV {
				s.val = appendText(s.val, sc.text, cdata)
			} else if s.inT {
				s.inl = appendText(s.inl, sc.text, cdata)
			}
		}
	}
	if sc.err != nil {
		return s.formatErr(s.num, "damaged sheet XML (truncated download?): %v", sc.err)
	}
	return s.formatErr(s.num, "the sheet ends inside the row (truncated download?)")
}

// startCell reads <c r="C7" t="s">: the column (the one after prev when r
// is absent) and the type.
func (s *Sheet) startCell(raw []byte, prev int) (int, error) {
	s.val, s.inl = s.val[:0], s.inl[:0]
	s.inV, s.inT, s.inIS, s.sawI, s.inRPh = false, false, false, false, 0
	s.typ = tNumber
	var ref []byte
	hasRef := false
	for a := attrs(raw); ; {
		name, val, ok := a.next()
		if !ok {
			break
		}
		switch string(name) {
		case "r":
			ref, hasRef = val, true
		case "t":
			s.typ = typeOf(val)
		}
	}
	if !hasRef {
		if prev+1 >= maxCols {
			return 0, s.formatErr(s.num, "more than %d cells in the row", maxCols)
		}
		return prev + 1, nil
	}
	col := 0
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxCols {
			return 0, s.formatErr(s.num, "cell reference %q: the column is past XFD, Excel's last", ref)
		}
	}
	if i == 0 {
		return 0, s.formatErr(s.num, "cell reference %q has no column letters", ref)
	}
	return col - 1, nil
}

func typeOf(t []byte) cellType {
	switch string(t) {
	case "s":
		return tShared
	case "inlineStr":
		return tInline
	case "n", "":
		return tNumber
	}
	return tOther
}

func (s *Sheet) startElem(name []byte, empty bool) {
	if empty {
		if string(name) == "is" {
			s.sawI = true
		}
		return
	}
	switch string(name) {
	case "v":
		s.inV = true
	case "is":
		s.inIS, s.sawI = true, true
	case "t":
		s.inT = s.inIS && s.inRPh == 0
	case "rPh":
		s.inRPh++
	}
}

func (s *Sheet) endElem(name []byte) {
	switch string(name) {
	case "v":
		s.inV = false
	case "is":
		s.inIS = false
	case "t":
		s.inT = false
	case "rPh":
		s.inRPh = max(s.inRPh-1, 0)
	}
}

// endCell puts the value of the cell just read in its column. Cells without
// a value leave no trace: the row ends at its last value, as excelize's.
func (s *Sheet) endCell(col int) error {
	var v string
	switch s.typ {
	case tShared:
		var err error
		if v, err = s.sharedValue(col); err != nil {
			return err
		}
	case tInline:
		if s.sawI {
			v = string(decodeEscapes(s.inl))
		} else {
			v = string(s.val)
		}
	default:
		v = string(s.val)
	}
	if v == "" {
		return nil
	}
	for len(s.row) <= col {
		s.row = append(s.row, "")
	}
	s.row[col] = v
	return nil
}

func (s *Sheet) sharedValue(col int) (string, error) {
	v := trimSpace(s.val)
	if len(v) == 0 {
		return "", nil
	}
	i, ok := atoi(v)
	shared := s.wb.shared
	switch {
	case !ok:
		return "", s.errf(s.num, col, "shared string index %q is not a number", v)
	case i >= len(shared):
		return "", s.errf(s.num, col, "shared string %d does not exist (the table has %d)", i, len(shared))
	}
	return shared[i], nil
}

// atoi reads a decimal index without allocating (strconv.Atoi would copy
// the bytes into a string for its error).
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// cellName is the A1 name of a cell: colName(2)+"7" is "C7".
func cellName(col, row int) string {
	var b []byte
	for col++; col > 0; col = (col - 1) / 26 {
		b = append(b, byte('A'+(col-1)%26))
	}
	slices.Reverse(b)
	return string(b) + strconv.Itoa(row)
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}
