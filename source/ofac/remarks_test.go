package ofac

import (
	"encoding/json"
	"testing"

	"embargo"
	"embargo/source"
)

// remark parses one remarks text for an entity of schema.
func remark(schema embargo.Schema, text string) (embargo.Entity, source.ErrorList) {
	e := embargo.Entity{Schema: schema, Titles: []string{"Chairman of the Workers' Party of Korea"}}
	var probs source.ErrorList
	b := newBuilder(&e, source.Pos{File: "sdn.csv", Record: "ent_num 1"}, &probs)
	b.remarks(text)
	b.finish()
	return e, probs
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestRemarks(t *testing.T) {
	for _, c := range []struct {
		name, text string
		check      func(e embargo.Entity) bool
		remarks    string
	}{
		{"KIM Jong Un (ofac:20157)", "DOB 08 Jan 1984; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Chairman of the Workers' Party of Korea.",
			func(e embargo.Entity) bool {
				return js(e.BirthDates) == `[{"date":{"year":1984,"month":1,"day":8}}]`
			},
			"Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210"},
		{"TAYSAEV (ofac:35237)", "DOB 12 Feb 1967; POB Chikola, North Ossetia, Russia; nationality Russia; Gender Male; Member of the State Duma of the Federal Assembly of the Russian Federation.",
			func(e embargo.Entity) bool {
				return e.BirthDates[0].String() == "1967-02-12" && js(e.BirthPlaces) == `["Chikola, North Ossetia, Russia"]` &&
					js(e.Nationality) == `["RU"]` && e.Gender == "male"
			},
			"Member of the State Duma of the Federal Assembly of the Russian Federation"},
		{"month-year and year", "DOB Mar 1960; alt. DOB 1962",
			func(e embargo.Entity) bool {
				return e.BirthDates[0].String() == "1960-03" && e.BirthDates[1].String() == "1962"
			}, ""},
		{"circa and ranges", "DOB circa 1960; DOB 1955 to 1958; DOB 01 Jan 1962 to 31 Dec 1963; DOB circa 1955-1958",
			func(e embargo.Entity) bool {
				return js(e.BirthDates[0]) == `{"date":{"year":1960},"approx":true}` &&
					e.BirthDates[1].String() == "1955..1958" && e.BirthDates[2].String() == "1962-01-01..1963-12-31" &&
					e.BirthDates[3].String() == "~1955..1958"
			}, ""},
		{"bad DOB stays in remarks", "DOB 31 Feb 1960",
			func(e embargo.Entity) bool { return len(e.BirthDates) == 0 }, "DOB 31 Feb 1960"},
		{"SAEED passports (set 2021-07)", "Passport BE5978421 (Pakistan) issued 14 Nov 2007 expires 12 Nov 2012; alt. Passport Booklet A5250088 (Pakistan); National ID No. 3520025509842-7 (Pakistan); a.k.a. 'HAFIZ SAHIB'.",
			func(e embargo.Entity) bool {
				return js(e.Identifiers) == `[{"type":"passport","value":"BE5978421","country":"PK","note":"Passport; issued 14 Nov 2007 expires 12 Nov 2012"},`+
					`{"type":"passport","value":"Booklet A5250088","country":"PK","note":"Passport"},`+
					`{"type":"national-id","value":"3520025509842-7","country":"PK","note":"National ID No."}]` &&
					js(e.Names) == `[{"full":"HAFIZ SAHIB","kind":"alias","quality":"weak","script":"Latin"}]`
			}, ""},
		{"vessel", "Vessel Registration Identification IMO 7406784; MMSI 572469210; f.k.a. 'ANA I'; Vessel Year of Build 1974; Former Vessel Flag Malta; Vessel Flag Panama.",
			func(e embargo.Entity) bool {
				return js(e.Identifiers) == `[{"type":"imo","value":"7406784","note":"Vessel Registration Identification"},{"type":"mmsi","value":"572469210","note":"MMSI"}]` &&
					e.Names[0].Kind == embargo.FormerName && e.BirthDates[0].String() == "1974" &&
					e.Vessel.Flag == "PA" && js(e.Countries) == `["MT","PA"]`
			}, "Former Vessel Flag Malta"},
		{"aircraft", "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture Date 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Linked To: POUYA AIR.",
			func(e embargo.Entity) bool {
				return e.Identifiers[0].Type == embargo.Registration && e.Identifiers[0].Value == "8401" &&
					e.Vessel.Type == "IL76-TD" && e.Vessel.Owner == "YAS AIR" && e.BirthDates[0].String() == "1992"
			}, "Linked To: POUYA AIR"},
		{"company identifiers", "Tax ID No. 7707083893 (Russia); Registration Number 1027700132195 (Russia); SWIFT/BIC SABRRUMM; Website www.sberbank.ru; Email:adelb@shabakah.net.sa; Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
			func(e embargo.Entity) bool {
				return js(e.Identifiers) == `[{"type":"tax","value":"7707083893","country":"RU","note":"Tax ID No."},`+
					`{"type":"registration","value":"1027700132195","country":"RU","note":"Registration Number"},`+
					`{"type":"swift","value":"SABRRUMM","note":"SWIFT/BIC"},{"type":"other","value":"www.sberbank.ru","note":"Website"},`+
					`{"type":"other","value":"adelb@shabakah.net.sa","note":"Email"},`+
					`{"type":"other","value":"12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h","note":"Digital Currency Address - XBT"}]`
			}, ""},
		{"citizen and unknown country", "citizen Egypt; nationality Atlantis",
			func(e embargo.Entity) bool { return js(e.Citizenship) == `["EG"]` && e.Nationality == nil }, "nationality Atlantis"},
		{"unknown segments kept in order", "Linked To: HIZBALLAH; Gender Male; Additional Sanctions Information - Subject to Secondary Sanctions",
			func(e embargo.Entity) bool { return e.Gender == "male" },
			"Linked To: HIZBALLAH; Additional Sanctions Information - Subject to Secondary Sanctions"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _ := remark(embargo.Person, c.text)
			if !c.check(e) {
				t.Errorf("entity = %s", js(e))
			}
			if e.Remarks != c.remarks {
				t.Errorf("remarks = %q, want %q", e.Remarks, c.remarks)
			}
		})
	}
}

func TestRemarksBadDateReported(t *testing.T) {
	_, probs := remark(embargo.Person, "DOB 31 Feb 1960")
	if len(probs) != 1 || probs[0].Pos.Field != "DOB" || probs[0].Skipped {
		t.Errorf("problems = %v, want one kept problem on DOB", probs)
	}
}

func TestRemarkAliasesNotRepeated(t *testing.T) {
	e := embargo.Entity{Schema: embargo.Organization}
	var probs source.ErrorList
	b := newBuilder(&e, source.Pos{}, &probs)
	b.addName(primaryName("BANCO NACIONAL DE CUBA", e.Schema))
	b.alias("aka", "NATIONAL BANK OF CUBA", "-0- ")
	b.remarks("a.k.a. 'National Bank of Cuba'; a.k.a. 'BNC'.")
	if got := js(e.Names); got != `[{"full":"BANCO NACIONAL DE CUBA","kind":"primary","script":"Latin"},`+
		`{"full":"NATIONAL BANK OF CUBA","kind":"alias","quality":"strong","script":"Latin"},`+
		`{"full":"BNC","kind":"alias","quality":"weak","script":"Latin"}]` {
		t.Errorf("names = %s", got)
	}
}

func TestPrograms(t *testing.T) {
	for in, want := range map[string]string{
		"DPRK3":                           `["DPRK3"]`,
		"NPWMD] [IFSR] [IRAN-CON-ARMS-EO": `["NPWMD","IFSR","IRAN-CON-ARMS-EO"]`,
		"[SDGT] [IRGC]":                   `["SDGT","IRGC"]`,
		"":                                `null`,
	} {
		if got := js(programs(in)); got != want {
			t.Errorf("programs(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestParseBirthDateErrors(t *testing.T) {
	for _, s := range []string{"", "Foo 1960", "1960 to 1950", "32 Jan 1960", "196", "circa", "01 Jan 1960 to"} {
		if d, err := parseBirthDate(s); err == nil {
			t.Errorf("parseBirthDate(%q) = %v, want an error", s, d)
		}
	}
}
