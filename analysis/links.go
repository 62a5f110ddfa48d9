package analysis

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"embargo"
)

// links are the cross-references between the reference source and the
// others, gathered once.
type links struct {
	reference string
	byID      map[string]*embargo.Entity   // entities of the other sources
	cites     map[string][]*embargo.Entity // reference id -> other entities whose designations cite it
	byRef     map[string][]*embargo.Entity // distinctive designation reference -> other entities quoting it
	claims    map[string][]string          // other entity id -> the reference ids it is linked to
}

type link struct {
	ent    *embargo.Entity
	detail string
}

func newLinks(ents []embargo.Entity, reference string, sources []string) *links {
	l := &links{reference: reference, byID: map[string]*embargo.Entity{}, cites: map[string][]*embargo.Entity{},
		byRef: map[string][]*embargo.Entity{}, claims: map[string][]string{}}
	refIDsByRef := map[string][]string{}
	refIDs := map[string]bool{} // a citation of a reference id no longer listed claims nothing
	for i := range ents {
		if ents[i].Source == reference {
			refIDs[ents[i].ID] = true
		}
	}
	for i := range ents {
		e := &ents[i]
		switch {
		case e.Source == reference:
			for _, d := range e.Designations {
				if k := refKey(d.Ref); k != "" {
					refIDsByRef[k] = appendNew(refIDsByRef[k], e.ID)
				}
			}
		case slices.Contains(sources, e.Source):
			l.byID[e.ID] = e
			for _, d := range e.Designations {
				for _, x := range d.CrossRefs {
					if refIDs[x] && !slices.Contains(l.cites[x], e) {
						l.cites[x] = append(l.cites[x], e)
						l.claims[e.ID] = appendNew(l.claims[e.ID], x)
					}
				}
				if k := refKey(d.Ref); k != "" && !slices.Contains(l.byRef[k], e) {
					l.byRef[k] = append(l.byRef[k], e)
				}
			}
		}
	}
	for k, ids := range refIDsByRef {
		for _, o := range l.byRef[k] {
			for _, id := range ids {
				l.claims[o.ID] = appendNew(l.claims[o.ID], id)
			}
		}
	}
	for i := range ents {
		e := &ents[i]
		if e.Source != reference {
			continue
		}
		for _, d := range e.Designations {
			for _, x := range d.CrossRefs {
				if _, ok := l.byID[x]; ok {
					l.claims[x] = appendNew(l.claims[x], e.ID)
				}
			}
		}
	}
	return l
}

// of returns the other sources' entities linked to ref by a cross-reference
// in either direction or a shared distinctive reference, by id.
func (l *links) of(ref *embargo.Entity) []link {
	var out []link
	add := func(o *embargo.Entity, detail string) {
		if !slices.ContainsFunc(out, func(k link) bool { return k.ent == o }) {
			out = append(out, link{o, detail})
		}
	}
	for _, o := range l.cites[ref.ID] {
		add(o, o.ID+" cites "+ref.ID)
	}
	for _, d := range ref.Designations {
		for _, x := range d.CrossRefs {
			if o := l.byID[x]; o != nil {
				add(o, ref.ID+" cites "+x)
			}
		}
		if k := refKey(d.Ref); k != "" {
			for _, o := range l.byRef[k] {
				add(o, "both quote reference "+d.Ref)
			}
		}
	}
	slices.SortFunc(out, func(a, b link) int { return cmp.Compare(a.ent.ID, b.ent.ID) })
	return out
}

// claimedElsewhere reports whether a cross-reference ties the other entity
// id to reference entities, none of which is refID: a match on it would be
// a namesake.
func (l *links) claimedElsewhere(id, refID string) bool {
	c := l.claims[id]
	return len(c) > 0 && !slices.Contains(c, refID)
}

// refKey is a designation reference fit to compare across sources: one with
// letters and digits ("KPi.033", "DPR0033"); numbers alone ("20157") are
// every list's own row numbers and say nothing across lists.
func refKey(ref string) string {
	ref = strings.TrimSpace(ref)
	if len(ref) < 4 || !strings.ContainsFunc(ref, unicode.IsLetter) || !strings.ContainsFunc(ref, unicode.IsDigit) {
		return ""
	}
	return strings.ToUpper(ref)
}

func appendNew(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}
