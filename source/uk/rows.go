package uk

import (
	"math/bits"
	"slices"
	"strconv"
)

// row is one ConList row, kept compact. All 18,796 rows of the 2025-04-10
// xlsx must be kept until the last one is read, because the rows of a group
// are not contiguous (1,664 of 4,686 groups come back after rows of other
// groups), and they were the largest live data of the parse: 36 cells of 16
// bytes each, 11 MB. A row now stores which of its cells are non-empty (16
// of 36 on average) and refers to their values by index into the table's
// distinct values (36,628 for 298,228 non-empty cells): about 2 MB.
type row struct {
	num   int32   // line (CSV) or row (xlsx) number in the file
	width int32   // the number of cells the file gave
	mask  uint64  // bit i set: cell i is non-empty (when wide is nil)
	wide  []int32 // columns of the non-empty cells, only for a row with a value past column 64
	refs  []int32 // the non-empty cells, as indices into table.strs
}

// slabChunk is the number of cell references allocated at once.
const slabChunk = 16 << 10

// at says where row r was read: "line 12" or "row 12".
func (t *table) at(r row) string { return t.unit + " " + strconv.Itoa(int(r.num)) }

// cell returns cell i of r, "" when empty or absent.
func (t *table) cell(r row, i int) string {
	if r.wide != nil {
		if j, ok := slices.BinarySearch(r.wide, int32(i)); ok {
			return t.strs[r.refs[j]]
		}
		return ""
	}
	if i < 0 || i >= 64 || r.mask&(1<<i) == 0 {
		return ""
	}
	return t.strs[r.refs[bits.OnesCount64(r.mask&(1<<i-1))]]
}

// cells rebuilds r's cells, up to its last non-empty one, into buf.
func (t *table) cells(r row, buf []string) []string {
	buf = buf[:0]
	put := func(col int, ref int32) {
		for len(buf) < col {
			buf = append(buf, "")
		}
		buf = append(buf, t.strs[ref])
	}
	if r.wide != nil {
		for j, c := range r.wide {
			put(int(c), r.refs[j])
		}
		return buf
	}
	j := 0
	for m := r.mask; m != 0; m &= m - 1 {
		put(bits.TrailingZeros64(m), r.refs[j])
		j++
	}
	return buf
}

// newRow stores a row of cells, which the caller may reuse afterwards.
func (t *table) newRow(num int, cells []string) row {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	if cap(t.refSlab)-len(t.refSlab) < n {
		t.refSlab = make([]int32, 0, max(slabChunk, n))
	}
	if t.ids == nil {
		t.ids = map[string]int32{}
	}
	r := row{num: int32(num), width: int32(len(cells))}
	wide := len(cells) > 64
	r0 := len(t.refSlab)
	for i, c := range cells {
		if c == "" {
			continue
		}
		id, ok := t.ids[c]
		if !ok {
			id = int32(len(t.strs))
			t.strs = append(t.strs, c)
			t.ids[c] = id
		}
		t.refSlab = append(t.refSlab, id)
		if wide {
			r.wide = append(r.wide, int32(i))
		} else {
			r.mask |= 1 << i
		}
	}
	r.refs = t.refSlab[r0:len(t.refSlab):len(t.refSlab)]
	return r
}
