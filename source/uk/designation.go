package uk

import (
	"regexp"
	"strings"

	"embargo"
	"embargo/source"
)

// otherInfo reads the labelled values of Other Information: the UK
// Sanctions List reference, UN references, gender, registration numbers and
// the ship's particulars. The text itself becomes Remarks.
func (g *group) otherInfo() {
	var texts []string
	prev := ""
	for i, r := range g.rows {
		raw := g.cell(r, g.t.cols.other)
		if i > 0 && raw == prev {
			continue // rows of a group repeat the text: skip it cheaply
		}
		prev = raw
		if v := clean(raw); v != "" && g.once("other", v) {
			texts = append(texts, v)
		}
	}
	g.e.Remarks = strings.Join(texts, "\n")
	for _, text := range texts {
		info := otherInfo(text)
		g.refs(info)
		if s := first(info, "gender"); s != "" && g.e.Gender == "" {
			if g.e.Gender = gender(s); g.e.Gender == "" {
				g.problem("Other Information", "(Gender): %q is neither Male nor Female", s)
			}
		}
		for _, v := range info["business reg no"] {
			for _, n := range splitNumbered(v) {
				if n = strings.TrimRight(n, "."); n != "" && g.once("reg", n) {
					g.e.Identifiers = append(g.e.Identifiers, embargo.Identifier{Type: embargo.Registration, Value: n})
				}
			}
		}
		g.ship(info)
	}
}

// refs reads the UK Sanctions List reference and the UN references.
func (g *group) refs(info map[string][]string) {
	if v := first(info, "uk sanctions list ref"); v != "" {
		refs := ukRefs(v)
		if len(refs) == 0 {
			g.problem("Other Information", "(UK Sanctions List Ref): %q is not a reference like RUS0649", v)
		}
		for _, ref := range refs {
			if g.once("ukref", ref) {
				g.ukRefs = append(g.ukRefs, ref)
			}
		}
	}
	vals := info["un ref"]
	if lead := info[""]; len(lead) > 0 && legacyUNRef.MatchString(lead[0]) {
		vals = append(vals, legacyUNRef.ReplaceAllString(lead[0], ""))
	}
	for _, v := range vals {
		refs, slips := unRefs(v)
		if len(refs) == 0 {
			g.problem("Other Information", "(UN Ref): %q holds no UN reference like KPi.033", truncate(v, 40))
		}
		for _, s := range slips {
			g.problem("Other Information", "(UN Ref): read %s", s)
		}
		for _, ref := range refs {
			if id := embargo.EntityID("un", ref); g.once("unref", id) {
				g.unRefs = append(g.unRefs, id)
			}
		}
	}
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// imoRe finds the seven digits of an IMO number ("7408873", "IMO 9562233").
var imoRe = regexp.MustCompile(`\b(?:IMO\s*)?(\d{7})\b`)

// ship reads the ship's particulars: "(IMO number):7408873 (Current
// owners):... (Flag of ship):North Korea (Type of ship):Oil tanker (Tonnage
// of ship):1676 (Year built):1975".
func (g *group) ship(info map[string][]string) {
	if v := first(info, "imo number"); v != "" {
		if m := imoRe.FindStringSubmatch(v); m != nil && g.once("imo", m[1]) {
			g.e.Identifiers = append(g.e.Identifiers, embargo.Identifier{Type: embargo.IMO, Value: m[1]})
		} else if m == nil {
			g.problem("Other Information", "(IMO number): %q has no seven-digit number", v)
		}
	}
	vi := embargo.VesselInfo{Type: first(info, "type of ship"), Tonnage: first(info, "tonnage of ship"), Owner: first(info, "current owners")}
	if flag := first(info, "flag of ship"); flag != "" {
		if code, ok := countryCode(flag); ok {
			vi.Flag = code
			if g.once("countries", code) {
				g.e.Countries = append(g.e.Countries, code)
			}
		} else {
			g.problem("Other Information", "(Flag of ship): country %q not recognised", flag)
		}
	}
	if y := first(info, "year built"); y != "" {
		if d, err := ukDate(y); err == nil && g.once("built", d.String()) {
			g.e.BirthDates = append(g.e.BirthDates, embargo.BirthDate{Date: d})
		} else if err != nil {
			g.problem("Other Information", "(Year built): %v", err)
		}
	}
	if vi != (embargo.VesselInfo{}) && g.e.Vessel == nil {
		g.e.Vessel = &vi
	}
}

// designations makes one designation per distinct regime and listing date:
// rows of a group may name several regimes (2025-04-10: 15 groups, e.g.
// Belarus and Global Human Rights).
func (g *group) designations() {
	for _, r := range g.rows {
		regime := clean(g.cell(r, g.t.cols.regime))
		listed := clean(g.cell(r, g.t.cols.listedOn))
		if !g.once("designation", regime+"\x00"+listed) {
			continue
		}
		d := embargo.Designation{Authority: ConListAuthority, List: ConListList,
			Program: source.Regime(regime), SourceProgram: regime, Ref: g.id}
		if ref := g.ukRefFor(regime); ref != "" {
			// The FCDO list's UniqueID is the UK Sanctions List Ref.
			d.Ref = ref
			d.CrossRefs = append(d.CrossRefs, embargo.EntityID(FCDOSource, ref))
		}
		d.CrossRefs = append(d.CrossRefs, g.unRefs...)
		if date, err := ukDate(listed); err != nil {
			g.problem("Listed On", "%s: %v", g.t.at(r), err)
		} else {
			d.ListedOn = date
		}
		g.e.Designations = append(g.e.Designations, d)
	}
}

// ukRefFor picks the UK Sanctions List Ref of a regime: a group listed
// under two regimes carries one reference each ("BEL0047 and GHR0051"),
// told apart by their prefix. With one reference, or no prefix known, the
// first is taken.
func (g *group) ukRefFor(regime string) string {
	if len(g.ukRefs) == 0 {
		return ""
	}
	if p, ok := regimePrefix[strings.ToLower(regime)]; ok && len(g.ukRefs) > 1 {
		for _, ref := range g.ukRefs {
			if strings.HasPrefix(ref, p) {
				return ref
			}
		}
	}
	return g.ukRefs[0]
}

// regimePrefix is the prefix of the UK Sanctions List Refs of each ConList
// regime, as the 2025-04-10 list uses them (every single-regime group).
var regimePrefix = map[string]string{
	"afghanistan": "AFG", "isil (da'esh) and al-qaida": "AQD", "belarus": "BEL",
	"bosnia and herzegovina": "BIH", "central african republic": "CAF", "chemical weapons": "CHW",
	"counter-terrorism (domestic)": "CTD", "counter-terrorism (international)": "CTI", "cyber": "CYB",
	"democratic people's republic of korea": "DPR", "democratic republic of the congo": "DRC",
	"global anti-corruption": "GAC", "global human rights": "GHR", "guinea-bissau": "GUB",
	"guinea": "GUC", "haiti": "HAI", "iran (nuclear)": "INU", "iran": "IRN", "iraq": "IRQ",
	"libya": "LIB", "mali": "MAL", "myanmar": "MYA", "nicaragua": "NIC", "russia": "RUS",
	"somalia": "SOM", "south sudan": "SSU", "sudan": "SUD", "syria": "SYR", "venezuela": "VEN",
	"yemen": "YEM", "zimbabwe": "ZIM",
}
