package ftm

import (
	"fmt"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/source"
)

// sanction turns a Sanction entity into a designation of each entity its
// "entity" property names (FtM Sanction.yaml).
func (st *state) sanction(s *entity, out map[string]int) {
	p := s.Properties
	d := embargo.Designation{
		Authority:     first(p["authority"]),
		List:          first(s.Datasets),
		SourceProgram: first(concat(p["programId"], p["program"])),
		Program:       source.Regime(first(p["program"])),
		Ref:           first(concat(p["authorityId"], p["recordId"], []string{s.ID})),
	}
	if d.Program == "" {
		d.Program = source.Regime(first(p["programId"]))
	}
	if d.Authority == "" {
		d.Authority = "OpenSanctions"
	}
	if on := st.dates(s, "listingDate", concat(p["listingDate"], p["startDate"])); len(on) > 0 {
		d.ListedOn = on[0].Date
	}
	if len(p["entity"]) == 0 {
		st.res.Problems.Add(s.pos, "Sanction names no entity; ignored")
	}
	for _, id := range p["entity"] {
		i, ok := out[id]
		if !ok {
			st.res.Problems.Add(s.pos, "Sanction names %s, which is not a screenable entity in these files; ignored", id)
			continue
		}
		st.res.Entities[i].Designations = append(st.res.Entities[i].Designations, d)
	}
}

// document adds the number of a Passport or Identification entity to its
// holder's identifiers.
func (st *state) document(d *entity, out map[string]int) {
	p := d.Properties
	num := first(p["number"])
	if num == "" {
		return // the zala Passport names only its holder
	}
	typ := embargo.NationalID
	if d.Schema == "Passport" {
		typ = embargo.Passport
	}
	id := embargo.Identifier{Type: typ, Value: num, Note: first(p["type"])}
	if c, ok := country.Code(first(p["country"])); ok {
		id.Country = c
	}
	for _, h := range p["holder"] {
		if i, ok := out[h]; ok {
			st.res.Entities[i].Identifiers = append(st.res.Entities[i].Identifiers, id)
		}
	}
}

// designateRest gives a target with no Sanction entity (the t1 fixture and
// the deltas carry none) one designation per dataset that lists it. A
// screenable entity that is neither a target nor named by a Sanction is a
// related party (an owned company, a relative): it is left out, and
// counted in one problem.
func (st *state) designateRest(ents []*entity, out map[string]int) {
	kept := st.res.Entities[:0]
	var related []string
	for _, e := range ents {
		i, ok := out[e.ID]
		if !ok {
			continue
		}
		ent := st.res.Entities[i]
		if len(ent.Designations) == 0 && e.Target {
			for _, ds := range e.Datasets {
				ent.Designations = append(ent.Designations, embargo.Designation{Authority: "OpenSanctions", List: ds, Ref: e.ID})
			}
		}
		if len(ent.Designations) == 0 {
			related = append(related, e.ID)
			continue
		}
		kept = append(kept, ent)
	}
	st.res.Entities = kept
	if len(related) > 0 {
		st.res.Problems.Add(source.Pos{File: "(all files)"}, "%d entities are neither targets nor named by a Sanction (related parties); not imported: %s", len(related), strings.Join(related[:min(len(related), 10)], ", ")+more(len(related)-10))
	}
}

func more(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(" and %d more", n)
}
