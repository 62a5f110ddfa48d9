package match

import "strings"

// lists are many short lists of ids in one array: list i is
// data[start[i]:start[i+1]]. A slice per list cost a 24-byte header and an
// allocation rounded up to its size class for each of the 164,592 words of
// the six lists (postings) and of the Canon and skeleton keys.
type lists struct {
	start []uint32
	data  []uint32
}

func packLists(ls [][]uint32) lists {
	n := 0
	for _, l := range ls {
		n += len(l)
	}
	p := lists{start: make([]uint32, 1, len(ls)+1), data: make([]uint32, 0, n)}
	for _, l := range ls {
		p.data = append(p.data, l...)
		p.start = append(p.start, uint32(len(p.data)))
	}
	return p
}

// at is list i (capacity clipped: never appended to).
func (p *lists) at(i uint32) []uint32 {
	lo, hi := p.start[i], p.start[i+1]
	return p.data[lo:hi:hi]
}

// keyedLists are lists found by a string key.
type keyedLists struct {
	keys wordTable // key -> index of its list
	lists
}

func packKeyed(m map[string][]uint32) keyedLists {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	keys = intern(keys)
	ls := make([][]uint32, len(keys))
	for i, key := range keys {
		ls[i] = m[key]
	}
	return keyedLists{keys: newWordTable(keys), lists: packLists(ls)}
}

// get is the list under key, nil if none.
func (k *keyedLists) get(key string) []uint32 {
	if i, ok := k.keys.get(key); ok {
		return k.at(i)
	}
	return nil
}

// getBytes is get with the key in bytes.
func (k *keyedLists) getBytes(key []byte) []uint32 {
	if i, ok := k.keys.getBytes(key); ok {
		return k.at(i)
	}
	return nil
}

// intern copies the strings into one block, in place: strings built one by
// one while indexing sit among that work's garbage, and once it is
// collected each still holds a span that is mostly empty.
func intern(ss []string) []string {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range ss {
		b.WriteString(s)
	}
	block, off := b.String(), 0
	for i, s := range ss {
		ss[i] = block[off : off+len(s)]
		off += len(s)
	}
	return ss
}
