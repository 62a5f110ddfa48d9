package xlsx

import (
	"strings"
)

// loadShared reads the shared string table (xl/sharedStrings.xml): each
// <si> is a plain <t> or rich-text runs <r><rPr/><t/></r> whose texts are
// joined; the phonetic guides of <rPh> are not part of the value (Excel
// shows them above the text). All strings share one backing string, so the
// table costs a handful of allocations however many items it has, and a
// shared-string cell costs none.
func (wb *Workbook) loadShared() error {
	if wb.sst == "" {
		return nil
	}
	f := wb.files[wb.sst]
	if f == nil {
		return nil // a relationship to a part that is absent: no shared strings
	}
	sc, closer, err := wb.open(wb.sst)
	if err != nil {
		return err
	}
	defer closer.Close()
	sc.buf = make([]byte, 64<<10)

	var all strings.Builder
	// The text is most of the part: growing to its size saves the builder's
	// doublings. The size is the archive's claim, so it is trusted only as
	// far as deflated XML goes (rarely 20:1).
	all.Grow(int(min(f.UncompressedSize64, 20*f.CompressedSize64+4096, 64<<20)))
	var offs []int
	var item []byte
	inSI, inT, inRPh := false, false, 0
	for sc.next() {
		switch sc.kind {
		case kStart:
			switch string(sc.name) {
			case "si":
				inSI, item = !sc.empty, item[:0]
				if sc.empty {
					offs = append(offs, all.Len())
				}
			case "t":
				inT = inSI && inRPh == 0 && !sc.empty
			case "rPh":
				if !sc.empty {
					inRPh++
				}
			}
		case kEnd:
			switch string(sc.name) {
			case "t":
				inT = false
			case "rPh":
				inRPh = max(inRPh-1, 0)
			case "si":
				if inSI {
					all.Write(decodeEscapes(item))
					offs = append(offs, all.Len())
				}
				inSI, inT, inRPh = false, false, 0
			}
		case kText, kCDATA:
			if inT {
				item = appendText(item, sc.text, sc.kind == kCDATA)
			}
		}
	}
	if sc.err != nil {
		return wb.errf(wb.sst, ErrFormat, "damaged shared strings (truncated download?): %v", sc.err)
	}
	if inSI {
		return wb.errf(wb.sst, ErrFormat, "the shared strings end inside item %d (truncated download?)", len(offs)+1)
	}
	s := all.String()
	wb.shared = make([]string, len(offs))
	prev := 0
	for i, o := range offs {
		wb.shared[i], prev = s[prev:o], o
	}
	return nil
}
