package ofac

import (
	"fmt"
	"strings"

	"embargo"
	"embargo/country"
	"embargo/source"
)

// entry gathers the rows of the set that describe one ent_num.
type entry struct {
	ent      string
	row      row
	comments string // sdn_comments.csv text, continuing Remarks (may start mid-word)
	alts     []row
	adds     []row
	extra    []string // raw rows of the other files, for Entity.Record
}

// set joins the files of one CSV set by ent_num.
type set struct {
	list  list
	file  string // the primary file's name
	order []*entry
	byNum map[string]*entry
	probs *source.ErrorList
}

func newSet(l list, prim *csvFile, probs *source.ErrorList) *set {
	s := &set{list: l, file: prim.name, byNum: make(map[string]*entry, len(prim.rows)), probs: probs}
	for _, r := range prim.rows {
		pos := source.Pos{File: prim.name, Record: recordName(r.line, r.fields)}
		ent := strings.TrimSpace(r.fields[0])
		switch {
		case !isDigits(ent):
			probs.Skip(pos, "ent_num %q is not a number", clip(ent))
			continue
		case null(r.fields[1]) == "":
			probs.Skip(pos, "SDN_Name is empty")
			continue
		}
		if prev, dup := s.byNum[ent]; dup {
			probs.Skip(pos, "ent_num %s repeats line %d", ent, prev.row.line)
			continue
		}
		e := &entry{ent: ent, row: r}
		s.byNum[ent] = e
		s.order = append(s.order, e)
	}
	return s
}

// attach hands each row of a companion file to its entry; a row whose
// ent_num is not in the primary file is reported (the 2024-01 companions
// name entries delisted before 2024-05-03).
func (s *set) attach(cf *csvFile, fn func(*entry, row) string) {
	if cf == nil {
		return
	}
	for _, r := range cf.rows {
		ent := strings.TrimSpace(r.fields[0])
		e := s.byNum[ent]
		if e == nil {
			s.probs.Skip(source.Pos{File: cf.name, Record: recordName(r.line, r.fields)},
				"ent_num %q is not in %s", clip(ent), s.file)
			continue
		}
		if why := fn(e, r); why != "" {
			s.probs.Skip(source.Pos{File: cf.name, Record: recordName(r.line, r.fields)}, "%s", why)
			continue
		}
		e.extra = append(e.extra, r.raw)
	}
}

// remarksWidth is the width of sdn.csv's Remarks column: OFAC cuts longer
// remarks there and continues them in sdn_comments.csv.
const remarksWidth = 1000

// comment appends an sdn_comments.csv row to the remarks it continues. A
// row for remarks that are not cut belongs to another day's sdn.csv.
func (s *set) comment(e *entry, r row) string {
	if n := len(e.row.fields[11]); n < remarksWidth {
		return fmt.Sprintf("continues the Remarks of ent_num %s, but those are not cut (%d characters, not %d) in %s: the files are from different days",
			e.ent, n, remarksWidth, s.file)
	}
	e.comments += r.fields[1]
	return ""
}

// uncut reports, once for the file, remarks cut at the column's width that
// no sdn_comments.csv row continues.
func (s *set) uncut(haveComments bool) {
	var refs []string
	for _, e := range s.order {
		if len(e.row.fields[11]) >= remarksWidth && e.comments == "" {
			refs = append(refs, e.ent)
		}
	}
	if len(refs) == 0 {
		return
	}
	why := "no sdn_comments.csv was given"
	if haveComments {
		why = "sdn_comments.csv does not continue them"
	}
	s.probs.Add(source.Pos{File: s.file, Field: "Remarks"},
		"Remarks cut at %d characters and %s, kept as cut: %d entries (ent_num %s)",
		remarksWidth, why, len(refs), strings.Join(refs, ", "))
}

// entities maps every entry. An entry is let go once mapped (and the index
// by ent_num before), so that the rows already mapped are not live beside
// the entities made of them: the 2024-05-03 sdn.csv has 14,965 entries.
func (s *set) entities() []embargo.Entity {
	s.byNum = nil
	out := make([]embargo.Entity, 0, len(s.order))
	for i, e := range s.order {
		out = append(out, s.entity(e))
		s.order[i] = nil
	}
	return out
}

// entity maps one entry. Columns: ent_num, SDN_Name, SDN_Type, Program,
// Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks.
func (s *set) entity(en *entry) embargo.Entity {
	f := en.row.fields
	pos := source.Pos{File: s.file, Record: "ent_num " + en.ent}
	schema, ok := schemaOf(null(f[2]))
	if !ok {
		s.probs.Add(posField(pos, "SDN_Type"), "unknown type %q; kept as Thing", clip(f[2]))
	}
	e := embargo.Entity{ID: embargo.EntityID(s.list.source, en.ent), Source: s.list.source, Schema: schema}
	e.Names = make([]embargo.Name, 0, 1+len(en.alts)) // the remarks may add more
	b := newBuilder(&e, pos, s.probs)
	if t := null(f[4]); t != "" {
		e.Titles = []string{t}
	}
	b.addName(primaryName(null(f[1]), schema))
	for _, a := range en.alts {
		b.alias(a.fields[2], a.fields[3], a.fields[4])
	}
	progs := programs(null(f[3]))
	if len(progs) == 0 {
		s.probs.Add(posField(pos, "Program"), "no programme given")
	}
	e.Designations = s.list.designations(en.ent, progs)
	b.vesselColumns(f[5], f[6], f[7], f[8], f[9], f[10])
	b.remarks(null(f[11]) + en.comments)
	for _, a := range en.adds {
		b.address(a.fields[2:])
	}
	b.finish()
	e.Record = bounded(strings.Join(append([]string{en.row.raw}, en.extra...), "\n"))
	return e
}

func posField(p source.Pos, f string) source.Pos {
	p.Field = f
	return p
}

// alias reads one alt.csv row: alt_type "aka", "fka" or "nka" and the name,
// "LAST, First" for individuals. alt.csv holds OFAC's strong aliases.
func (b *builder) alias(typ, name, remark string) {
	n := embargo.Name{Full: null(name), Kind: embargo.AliasName, Quality: embargo.Strong}
	switch strings.ToLower(null(typ)) {
	case "fka", "f.k.a.":
		n.Kind = embargo.FormerName
	case "aka", "nka", "a.k.a.", "n.k.a.":
	default:
		b.probs.Add(b.posField("alt_type"), "unknown alias type %q for %q; kept as a.k.a.", clip(typ), n.Full)
	}
	if b.e.Schema == embargo.Person {
		n.Family, n.Given = splitPersonName(n.Full)
	}
	b.addName(n)
	if r := null(remark); r != "" {
		b.rest = append(b.rest, "alias '"+n.Full+"': "+r)
	}
}

// vesselColumns reads Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner.
func (b *builder) vesselColumns(call, typ, ton, grt, flag, owner string) {
	if c := null(call); c != "" {
		b.addID(embargo.Identifier{Type: embargo.CallSign, Value: c, Note: "Call_Sign"})
	}
	typ, ton, grt, flag, owner = null(typ), null(ton), null(grt), null(flag), null(owner)
	if typ == "" && ton == "" && grt == "" && flag == "" && owner == "" {
		return
	}
	v := b.vessel()
	v.Type, v.Owner = typ, owner
	v.Tonnage = ton
	if grt != "" {
		v.Tonnage = strings.TrimSpace(ton + " GRT " + grt)
	}
	if flag != "" {
		if c, ok := country.Code(flag); ok {
			v.Flag = c
			b.e.Countries = appendUniq(b.e.Countries, c)
		} else {
			b.rest = append(b.rest, "Vessel Flag "+flag)
		}
	}
}

// address reads add.csv's Address, City/State/Province/Postal Code, Country
// and Add_remarks. OFAC writes a row of nulls for "no address known".
func (b *builder) address(f []string) {
	street, city, ctry, remark := null(f[0]), null(f[1]), null(f[2]), null(f[3])
	if street == "" && city == "" && ctry == "" && remark == "" {
		return
	}
	a := embargo.Address{Street: street, City: city}
	if ctry != "" {
		if c, ok := country.Code(ctry); ok {
			a.Country = c
			b.e.Countries = appendUniq(b.e.Countries, c)
		}
	}
	var parts []string
	for _, p := range []string{street, city, ctry} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	a.Full = strings.Join(parts, ", ")
	if remark != "" {
		a.Full += " (" + remark + ")"
	}
	b.e.Addresses = append(b.e.Addresses, a)
}
