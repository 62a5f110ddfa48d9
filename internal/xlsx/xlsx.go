// Package xlsx reads the rows of an xlsx workbook's worksheet as strings,
// streaming: the sheet XML is decompressed through a window and cut by a
// small byte scanner that knows the handful of tags a worksheet uses, where
// a general XML decoder (excelize's, on encoding/xml) spends most of a
// list's parse time.
//
// Values are the raw cell values as stored (excelize's RawCellValue): a
// number or a date is the number written in the file (a date of birth is
// the Excel serial 21916), a boolean is 1 or 0, an error is its code
// (#N/A). Shared and inline strings are decoded: entities, character
// references, rich-text runs joined, phonetic runs (<rPh>) left out, and the
// _xHHHH_ escapes of ECMA-376 undone.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// ErrFormat is wrapped by the errors of a file that is not a readable
// workbook (no zip signature, a damaged archive, no worksheet).
var ErrFormat = errors.New("not an xlsx workbook")

// Error is a problem reading a workbook: the file, the part of the archive
// and, inside a worksheet, the row and cell.
type Error struct {
	File string // the workbook's name as given to Open, "" to leave it out
	Part string // "xl/worksheets/sheet1.xml"; "" for the archive
	Row  int    // sheet row number (1-based), 0 when not in a row
	Cell string // "C7", "" when not in a cell
	Msg  string
	Err  error // ErrFormat or an underlying error, may be nil
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("xlsx: ")
	b.WriteString(e.File)
	if e.Part != "" {
		if e.File != "" {
			b.WriteString(": ")
		}
		b.WriteString(e.Part)
	}
	if e.Cell != "" {
		b.WriteString(" cell " + e.Cell)
	} else if e.Row > 0 {
		fmt.Fprintf(&b, " row %d", e.Row)
	}
	if e.File != "" || e.Part != "" {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Err != nil && e.Err != ErrFormat {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Workbook is an opened workbook: its archive and the list of its sheets.
type Workbook struct {
	name   string
	files  map[string]*zip.File
	sheets []sheetRef // in workbook order, as Excel shows the tabs
	sst    string     // part holding the shared strings, "" when none
	shared []string   // loaded by the first Sheet call
	loaded bool
}

type sheetRef struct{ name, part string }

// Open reads the directory of the workbook data, named name in errors
// (pass "" when the caller's own errors name the file):
// the zip archive, xl/workbook.xml and its relationships, to know where each
// worksheet is. Without workbook.xml it falls back on xl/worksheets/sheet1.xml.
func Open(name string, data []byte) (*Workbook, error) {
	wb := &Workbook{name: name}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, wb.errf("", ErrFormat, "no zip signature (PK) at the start: not an xlsx workbook")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, wb.errf("", ErrFormat, "not a readable zip archive (truncated download?): %v", err)
	}
	wb.files = make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		wb.files[f.Name] = f
	}
	if err := wb.readDirectory(); err != nil {
		return nil, err
	}
	if len(wb.sheets) == 0 {
		return nil, wb.errf("", ErrFormat, "no worksheet: xl/workbook.xml lists none and xl/worksheets/sheet1.xml is absent")
	}
	return wb, nil
}

// SheetNames returns the names of the worksheets, in workbook order.
func (wb *Workbook) SheetNames() []string {
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	return names
}

// Sheet opens the i-th worksheet (0 is the first tab) for reading its rows.
func (wb *Workbook) Sheet(i int) (*Sheet, error) {
	if i < 0 || i >= len(wb.sheets) {
		return nil, wb.errf("", nil, "no sheet %d: the workbook has %d", i+1, len(wb.sheets))
	}
	if !wb.loaded {
		if err := wb.loadShared(); err != nil {
			return nil, err
		}
		wb.loaded = true
	}
	ref := wb.sheets[i]
	f := wb.files[ref.part]
	if f == nil {
		return nil, wb.errf(ref.part, ErrFormat, "sheet %q: the part is missing from the archive", ref.name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, wb.errf(ref.part, ErrFormat, "cannot open the part: %v", err)
	}
	return newSheet(wb, ref, rc), nil
}

// ReadSheet opens data and its i-th worksheet in one step.
func ReadSheet(name string, data []byte, i int) (*Sheet, error) {
	wb, err := Open(name, data)
	if err != nil {
		return nil, err
	}
	return wb.Sheet(i)
}

func (wb *Workbook) errf(part string, err error, format string, args ...any) *Error {
	return &Error{File: wb.name, Part: part, Msg: fmt.Sprintf(format, args...), Err: err}
}

// readDirectory finds the workbook part (_rels/.rels names it, normally
// xl/workbook.xml), its sheets and their parts through its relationships.
func (wb *Workbook) readDirectory() error {
	book := "xl/workbook.xml"
	if rels, err := wb.readRels("_rels/.rels"); err != nil {
		return err
	} else if t, ok := rels.byType("/officeDocument"); ok {
		book = resolve("", t)
	}
	if wb.files[book] == nil {
		wb.fallback()
		return nil
	}
	dir, base := path.Split(book)
	rels, err := wb.readRels(dir + "_rels/" + base + ".rels")
	if err != nil {
		return err
	}
	if t, ok := rels.byType("/sharedStrings"); ok {
		wb.sst = resolve(dir, t)
	}
	sc, closer, err := wb.open(book)
	if err != nil {
		return err
	}
	defer closer.Close()
	for sc.next() {
		if sc.kind != kStart || string(sc.name) != "sheet" {
			continue
		}
		name, _ := attr(sc.attrs, "name")
		id, _ := attr(sc.attrs, "id")
		part := rels.target[string(appendText(nil, id, false))]
		if part == "" {
			return wb.errf(book, ErrFormat, "sheet %q: relationship %q names no part", name, id)
		}
		wb.sheets = append(wb.sheets, sheetRef{name: string(appendText(nil, name, false)), part: resolve(dir, part)})
	}
	if sc.err != nil {
		return wb.errf(book, ErrFormat, "damaged XML: %v", sc.err)
	}
	if len(wb.sheets) == 0 {
		wb.fallback()
	}
	if wb.sst == "" && wb.files["xl/sharedStrings.xml"] != nil {
		wb.sst = "xl/sharedStrings.xml"
	}
	return nil
}

// fallback takes xl/worksheets/sheet1.xml as the only sheet, where a
// generator wrote no usable workbook.xml.
func (wb *Workbook) fallback() {
	if wb.files["xl/worksheets/sheet1.xml"] != nil {
		wb.sheets = []sheetRef{{name: "sheet1", part: "xl/worksheets/sheet1.xml"}}
	}
	if wb.files["xl/sharedStrings.xml"] != nil {
		wb.sst = "xl/sharedStrings.xml"
	}
}

// rels are the relationships of one part: id -> target, and the targets
// in order with their types.
type rels struct {
	target map[string]string
	types  [][2]string // {type, target}
}

func (r rels) byType(suffix string) (string, bool) {
	for _, t := range r.types {
		if strings.HasSuffix(t[0], suffix) {
			return t[1], true
		}
	}
	return "", false
}

// readRels reads a relationships part; an absent one is empty.
func (wb *Workbook) readRels(part string) (rels, error) {
	r := rels{target: map[string]string{}}
	if wb.files[part] == nil {
		return r, nil
	}
	sc, closer, err := wb.open(part)
	if err != nil {
		return r, err
	}
	defer closer.Close()
	for sc.next() {
		if sc.kind != kStart || string(sc.name) != "Relationship" {
			continue
		}
		id, _ := attr(sc.attrs, "Id")
		target, _ := attr(sc.attrs, "Target")
		typ, _ := attr(sc.attrs, "Type")
		t := string(appendText(nil, target, false))
		r.target[string(appendText(nil, id, false))] = t
		r.types = append(r.types, [2]string{string(typ), t})
	}
	if sc.err != nil {
		return r, wb.errf(part, ErrFormat, "damaged XML: %v", sc.err)
	}
	return r, nil
}

// open starts scanning a small part.
func (wb *Workbook) open(part string) (*scanner, io.Closer, error) {
	rc, err := wb.files[part].Open()
	if err != nil {
		return nil, nil, wb.errf(part, ErrFormat, "cannot open the part: %v", err)
	}
	return newScanner(rc, 4<<10), rc, nil
}

// resolve turns a relationship target into an archive path: targets are
// relative to the folder of the part that holds the relationships, or
// absolute from the root of the package ("/xl/worksheets/sheet1.xml").
func resolve(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	return path.Clean(path.Join(dir, target))
}
