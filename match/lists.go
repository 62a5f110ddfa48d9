package match

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
	keys map[string]uint32
	lists
}

func packKeyed(m map[string][]uint32) keyedLists {
	k := keyedLists{keys: make(map[string]uint32, len(m))}
	ls := make([][]uint32, 0, len(m))
	for key, l := range m {
		k.keys[key] = uint32(len(ls))
		ls = append(ls, l)
	}
	k.lists = packLists(ls)
	return k
}

// get is the list under key, nil if none.
func (k *keyedLists) get(key string) []uint32 {
	if i, ok := k.keys[key]; ok {
		return k.at(i)
	}
	return nil
}

// getBytes is get with the key in bytes (the map lookup does not copy them).
func (k *keyedLists) getBytes(key []byte) []uint32 {
	if i, ok := k.keys[string(key)]; ok {
		return k.at(i)
	}
	return nil
}
