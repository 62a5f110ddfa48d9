// Package match screens queries against list entities: an inverted index for
// candidate generation, a token-alignment name score with rarity weights,
// qualifiers (birth date, country, gender, identifiers, schema), and a named
// explanation of every part of every score. It does no I/O.
package match

import (
	"math"
	"strings"
	"unicode/utf8"

	"embargo"
)

// DefaultThreshold is the score from which a hit counts as a match,
// calibrated on yente's UN positives (treated: typos, reordering, altered
// dates) against the UN list and on 5,000 synthetic negatives (with birth
// dates) against six lists (match/yente_test.go). Sweep, recall@1 above the
// threshold on treated / false-positive rate on negatives:
//
//	0.70: 0.9985 / 0.0084   0.75: 0.9985 / 0.0042   0.80: 0.9969 / 0.0012
//	0.85: 0.9938 / 0.0004   0.90: 0.9938 / 0.0002
//
// 0.80 keeps recall above 99.5% with a quarter of the false positives of
// 0.75. The score means the same across schemas because every schema is
// scored by the same token alignment; legal forms and particles weigh little
// in every schema, and numbers (vessel and firm names) weigh more.
const DefaultThreshold = 0.80

// Options tune a screening. The zero Sources and Schemas mean all.
type Options struct {
	Threshold float64
	Limit     int
	Sources   []string         // only entities of these sources (none: all)
	Schemas   []embargo.Schema // only entities of these schemas (none: all)

	// Left out of the candidates, so that the next ones take their place
	// (yente's exclude_dataset, exclude_schema, exclude_entity_ids: hits a
	// reviewer has already cleared as false positives, say).
	ExcludeSources []string
	ExcludeSchemas []embargo.Schema
	ExcludeIDs     []string
}

func (o *Options) filters() bool {
	return len(o.Sources) > 0 || len(o.Schemas) > 0 || len(o.ExcludeSources) > 0 || len(o.ExcludeSchemas) > 0 || len(o.ExcludeIDs) > 0
}

// DefaultOptions returns Threshold 0.80 and Limit 10.
func DefaultOptions() Options { return Options{Threshold: DefaultThreshold, Limit: 10} }

// weigher gives the rarity weight of a token; nil means uniform.
type weigher func(t *token) float32

// query is a Query prepared once: its names in every Latin form, weighed.
type query struct {
	embargo.Query
	forms []form
	ids   []embargo.Identifier // the query's identifiers and long numbers found in its name
	reps  []*token             // the first token of each qid (numberTokens)
}

// A query reads at most MaxNames names of at most maxNameBytes each (the
// rest is left out): the work grows faster than a name's words (a name of
// 20,000 words took 1.8 s; of 1,000, 2 ms). The HTTP API refuses longer ones.
const (
	MaxNames     = 32
	maxNameBytes = 512
)

// prepare prepares q for screening against ix, or for a comparison
// without an index (nil: every word weighs the same).
func prepare(q embargo.Query, ix *Index) *query {
	var w weigher
	if ix != nil {
		w = ix.queryRarity
	}
	p := &query{Query: q, ids: q.Identifiers}
	names := append([]string{q.Name}, q.Names...)
	if len(names) > MaxNames {
		names = names[:MaxNames]
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		if len(n) > maxNameBytes {
			n = cutAt(n, maxNameBytes)
		}
		for _, f := range forms(n, q.Schema) {
			if ix != nil {
				ix.vocabIDs(f.toks) // first: queryRarity reads the ids
			} else {
				fillCanon(f.toks)
			}
			weigh(f.toks, w)
			ids := numbersAsIDs(f.toks)
			p.ids = append(p.ids, ids...)
			if len(ids) > 0 && onlyIdentifier(f.toks) {
				continue // "IMO 9123456" is an identifier, not a name to compare
			}
			if strings.HasPrefix(f.method, "cyrillic") {
				// A foreign name in Cyrillic (Фрезе, Вэньсю) is found by its
				// consonants too, as Arabic-script names are: the query's
				// side only (flagging the lists' words cost a fifth more time).
				for i := range f.toks {
					f.toks[i].arabic = f.toks[i].kind == kWord
				}
			}
			p.forms = append(p.forms, f)
		}
	}
	p.reps = numberTokens(p.forms) // for scoring's memo of tokenSim (simMemo)
	return p
}

// cutAt is s cut to at most n bytes, at a character boundary.
func cutAt(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// numbersAsIDs reads long numbers in a name as identifiers of unknown type,
// so that "IMO 9123456" alone finds the vessel.
func numbersAsIDs(toks []token) []embargo.Identifier {
	var out []embargo.Identifier
	for _, t := range toks {
		if t.kind == kNumber && len(t.text) >= 7 {
			out = append(out, embargo.Identifier{Value: t.text})
		}
	}
	return out
}

// onlyIdentifier reports whether a name is nothing but numbers and the
// words that label them.
func onlyIdentifier(toks []token) bool {
	for _, t := range toks {
		if t.kind != kNumber && t.text != "imo" && t.text != "no" && t.text != "passport" {
			return false
		}
	}
	return true
}

func weigh(toks []token, w weigher) {
	for i := range toks {
		r := float32(1)
		if w != nil {
			r = w(&toks[i])
		}
		if hangulOrdinal(&toks[i]) {
			// 1세 i, 10세 x: an ordinal tells rulers apart, where an
			// initial says little; but a list often names a ruler without
			// it (Orhan), and at a word's whole weight its absence cost
			// 오르한 1세 ~ Orhan 0.870 -> 0.667: halfway.
			toks[i].weight = r * ordinalFactor
			continue
		}
		toks[i].weight = r * kindFactor(toks[i].kind)
	}
}

// entityForms are the Latin forms of every name of an entity, each knowing
// which name it renders.
type entityForm struct {
	name int // index in Entity.Names
	form
}

func formsOf(e *embargo.Entity, w weigher, canon bool) []entityForm {
	var out []entityForm
	for i, n := range e.Names {
		for _, f := range forms(n.Full, e.Schema) {
			weigh(f.toks, w)
			if canon {
				fillCanon(f.toks)
			}
			out = append(out, entityForm{name: i, form: f})
		}
	}
	return out
}

// Compare scores one query against one entity with a full explanation. It
// uses uniform token weights (no corpus to measure rarity against), so its
// score may differ slightly from the same pair's score in Index.Screen.
func Compare(q embargo.Query, e *embargo.Entity, opt Options) embargo.Match {
	p := prepare(q, nil)
	return score(p, e, formsOf(e, nil, true), opt)
}

// CompareNames scores two bare names of the given schema, every word
// weighing the same.
func CompareNames(a, b string, schema embargo.Schema) embargo.Match {
	e := &embargo.Entity{ID: "name2", Schema: schema, Names: []embargo.Name{{Full: b, Kind: embargo.PrimaryName}}}
	return Compare(embargo.Query{Name: a, Schema: schema}, e, DefaultOptions())
}

// CompareNames scores two bare names as Screen would score them on this
// index: each word weighs by how rare it is in the indexed lists, so that
// "Mohammed Ali" and "Mohammed Hassan" share little ("mohammed" is common)
// while two names sharing a rare surname share much.
func (ix *Index) CompareNames(a, b string, schema embargo.Schema) embargo.Match {
	e := &embargo.Entity{ID: "name2", Schema: schema, Names: []embargo.Name{{Full: b, Kind: embargo.PrimaryName}}}
	return score(prepare(embargo.Query{Name: a, Schema: schema}, ix), e, formsOf(e, ix.rarity, true), DefaultOptions())
}

// score compares the prepared query with the given forms of e, with a
// full explanation.
func score(q *query, e *embargo.Entity, efs []entityForm, opt Options) embargo.Match {
	ptrs := make([]*entityForm, len(efs))
	for i := range efs {
		ptrs[i] = &efs[i]
	}
	var buf [2]alignment
	m, best := scoreForms(q, e, ptrs, opt, &buf)
	m.Caption = e.Caption()
	if best.q != nil {
		m.MatchedName = e.Names[best.name].Full
		m.Explanations = append(best.explain(), m.Explanations...)
	}
	return m
}

// scoreForms scores the best alignment of any query form with any of the
// forms, plus the qualifiers, aligning into buf (whose slices the returned
// alignment shares: the caller copies it to keep it past the next call).
// The name part of the explanation and MatchedName (best.name) are left to
// the caller, which only the hits shown need: reading the entity's names is
// a cache miss per candidate.
func scoreForms(q *query, e *embargo.Entity, efs []*entityForm, opt Options, buf *[2]alignment) (embargo.Match, alignment) {
	m := embargo.Match{EntityID: e.ID, Schema: e.Schema, Entity: e} // Caption: set for the hits kept
	if !embargo.Compatible(q.Schema, e.Schema) {
		m.Caption = e.Caption()
		m.Explanations = []embargo.Explanation{{Field: "schema", Query: string(q.Schema), Candidate: string(e.Schema),
			Method: "contradicts", Note: "a " + string(q.Schema) + " is never a " + string(e.Schema)}}
		return m, alignment{}
	}
	best, cur := &buf[0], &buf[1]
	best.q = nil
	for qi := range q.forms {
		for _, ef := range efs {
			alignInto(cur, &q.forms[qi], &ef.form)
			if best.q == nil || cur.score > best.score {
				cur.name = ef.name
				best, cur = cur, best // swap: cur's slices are reused
			}
		}
	}
	var s float64
	if best.q != nil {
		s = best.score
	}
	s, m.Explanations = qualify(q, e, s, nil)
	m.Score = math.Round(s*1000) / 1000
	m.Matched = m.Score >= opt.Threshold
	return m, *best
}
