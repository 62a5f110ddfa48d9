package match

import (
	"hash/maphash"
	"math/bits"
)

// The index keeps its forms packed: every token of every form in one array
// of 20-byte records without pointers, its strings given by number (the
// vocabulary word, the word as written when it differs, the method of the
// form). Held as tokens (three strings and a pointer each), the 344,000
// tokens of the six official lists took 24 MB, a quarter of a server's live
// heap, and every garbage collection walked them. Screen unpacks the forms
// of the few candidates it scores into its scratch.

// ptok is one packed token of an indexed form.
type ptok struct {
	vid    uint32 // vocabulary id of the text
	orig   int32  // Index.origs id of the word as written; -1: the text itself
	canon  int32  // Index.canons id of its Canon key; -1: the text itself
	weight float32
	kr     uint8 // kind | role << 2
	first  byte  // token.first
	flags  uint8 // fArabic | fLoose | fAbbr | fArabicOrig, and token.reads << readsShift
	oneCon byte  // token.oneCons
}

func (p ptok) kind() kind { return kind(p.kr & 3) }
func (p ptok) role() role { return role(p.kr >> 2) }

const (
	fArabic = 1 << iota
	fLoose
	fAbbr
	fArabicOrig
	readsShift = iota // token.reads, in the bits above
)

// pform is one packed form: its tokens are ptoks[start:] up to the next
// form's start.
type pform struct {
	start  uint32
	name   uint16 // index in Entity.Names
	method uint16 // Index.methods id
}

// pack turns the built forms into ptoks and pforms and drops them.
func (ix *Index) pack() {
	n := 0
	for i := range ix.forms {
		n += len(ix.forms[i].toks)
	}
	ix.ptoks = make([]ptok, 0, n)
	ix.pforms = make([]pform, 0, len(ix.forms)+1)
	// The Canon key of each token's word, where it differs from the word
	// (most words are their own key), worked out once per word.
	canonID := map[string]int32{}
	byWord := make([]int32, len(ix.words)) // vid -> id+2; 0: not yet
	canonOf := func(vid uint32) int32 {
		if k := byWord[vid]; k != 0 {
			return k - 2
		}
		k := int32(-1)
		if w, c := ix.words[vid], ix.wordCanon[vid]; c != w {
			var ok bool
			if k, ok = canonID[c]; !ok {
				k = int32(len(ix.canons))
				canonID[c] = k
				ix.canons = append(ix.canons, c)
			}
		}
		byWord[vid] = k + 2
		return k
	}
	origID := map[string]int32{}
	methodID := map[string]uint16{}
	for i := range ix.forms {
		f := &ix.forms[i]
		m, ok := methodID[f.method]
		if !ok {
			m = uint16(len(ix.methods))
			methodID[f.method] = m
			ix.methods = append(ix.methods, f.method)
		}
		ix.pforms = append(ix.pforms, pform{start: uint32(len(ix.ptoks)), name: uint16(f.name), method: m})
		for j := range f.toks {
			t := &f.toks[j]
			p := ptok{vid: uint32(t.vid), orig: -1, canon: canonOf(uint32(t.vid)), weight: t.weight,
				kr: uint8(t.kind) | uint8(t.role)<<2, first: t.first}
			if t.orig != t.text {
				id, ok := origID[t.orig]
				if !ok {
					id = int32(len(ix.origs))
					origID[t.orig] = id
					ix.origs = append(ix.origs, t.orig)
				}
				p.orig = id
			}
			if t.arabic {
				p.flags |= fArabic
			}
			if t.loose {
				p.flags |= fLoose
			}
			if t.abbr {
				p.flags |= fAbbr
			}
			if t.arOrig {
				p.flags |= fArabicOrig
			}
			p.oneCon = t.oneCons
			p.flags |= t.reads << readsShift
			ix.ptoks = append(ix.ptoks, p)
		}
	}
	ix.pforms = append(ix.pforms, pform{start: uint32(len(ix.ptoks))}) // the end of the last form
	ix.canonID = make([]int32, len(ix.words))
	for vid := range ix.words {
		ix.canonID[vid] = canonOf(uint32(vid))
	}
	ix.withInitials = make([]uint64, (len(ix.forms)+63)/64)
	for i := range ix.forms {
		var letters uint32
		for j := range ix.forms[i].toks {
			if t := &ix.forms[i].toks[j]; t.kind == kInitial && t.text[0] >= 'a' && t.text[0] <= 'z' {
				letters |= 1 << (t.text[0] - 'a')
			}
		}
		if letters != 0 {
			ix.withInitials[i/64] |= 1 << (i % 64)
			ix.initialMask = append(ix.initialMask, letters)
		}
	}
	ix.initialRank = make([]uint32, len(ix.withInitials))
	for b := 1; b < len(ix.withInitials); b++ {
		ix.initialRank[b] = ix.initialRank[b-1] + uint32(bits.OnesCount64(ix.withInitials[b-1]))
	}
	ix.nforms = len(ix.forms)
	ix.forms = nil
}

// unpack appends form f's tokens to buf and returns the form over them.
// The caller makes room first: buf must not grow (earlier forms share it).
func (ix *Index) unpack(f uint32, buf []token) (entityForm, []token) {
	pf, end := ix.pforms[f], ix.pforms[f+1].start
	start := len(buf)
	for _, p := range ix.ptoks[pf.start:end] {
		w := ix.words[p.vid]
		t := token{text: w, canon: w, orig: w, weight: p.weight, vid: int32(p.vid), kind: p.kind(), role: p.role(), first: p.first,
			arabic: p.flags&fArabic != 0, loose: p.flags&fLoose != 0, abbr: p.flags&fAbbr != 0, arOrig: p.flags&fArabicOrig != 0,
			oneCons: p.oneCon, reads: p.flags >> readsShift, mkey: memoKey(p)}
		if p.canon >= 0 {
			t.canon = ix.canons[p.canon]
		}
		if p.orig >= 0 {
			t.orig = ix.origs[p.orig]
		}
		buf = append(buf, t)
	}
	return entityForm{name: int(pf.name), form: form{method: ix.methods[pf.method], toks: buf[start:len(buf):len(buf)]}}, buf
}

// hasInitials reports whether form f has initials.
func (ix *Index) hasInitials(f uint32) bool { return ix.withInitials[f/64]&(1<<(f%64)) != 0 }

// initialsOf is the letters of form f's initials, a bit each. Its entry
// in initialMask is the number of forms with initials before it: the rank
// of its block of 64 forms plus the bits set below it in the block (a
// binary search of the 3,886 form ids was a cache miss a step).
func (ix *Index) initialsOf(f uint32) uint32 {
	b, bit := ix.withInitials[f/64], uint64(1)<<(f%64)
	if b&bit == 0 {
		return 0
	}
	return ix.initialMask[ix.initialRank[f/64]+uint32(bits.OnesCount64(b&(bit-1)))]
}

// wordTable finds a vocabulary word's id: open addressing over the ids,
// the words themselves read from the vocabulary. Built once the vocabulary
// is complete, it replaces the map[string]uint32 of the build (165,000
// words on the six lists: a third of the memory, and no pointers for the
// collector to follow).
type wordTable struct {
	seed   maphash.Seed
	slots  []uint32 // id+1 in the low idBits, a tag of the word's hash above; 0 is empty
	mask   uint64
	idBits uint8
	words  []string
}

func newWordTable(words []string) wordTable {
	n := uint64(16)
	for n < 2*uint64(len(words)) { // at most half full: short probes
		n *= 2
	}
	t := wordTable{seed: maphash.MakeSeed(), slots: make([]uint32, n), mask: n - 1, words: words}
	for t.idBits < 32 && uint64(len(words)) >= 1<<t.idBits {
		t.idBits++
	}
	for id, w := range words {
		h := maphash.String(t.seed, w)
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = uint32(id) + 1 | t.tag(h)
	}
	return t
}

// tag is the bits of a slot above the id: the top of the word's hash, so
// that a lookup passes over most slots of other words without reading
// their word (a cache miss for its string, another for its bytes).
func (t *wordTable) tag(h uint64) uint32 {
	if t.idBits >= 32 {
		return 0
	}
	return uint32(h>>(32+t.idBits)) << t.idBits
}

// getBytes is get for a word in bytes (the conversion of a short key that
// does not escape is not allocated).
func (t *wordTable) getBytes(w []byte) (uint32, bool) { return t.get(string(w)) }

func (t *wordTable) get(w string) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	h := maphash.String(t.seed, w)
	tag, idMask := t.tag(h), uint32(1)<<t.idBits-1
	if t.idBits >= 32 {
		idMask = ^uint32(0)
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return 0, false
		}
		if v&^idMask != tag {
			continue // another word's slot, told by its tag
		}
		if id := v&idMask - 1; t.words[id] == w {
			return id, true
		}
	}
}
