package goods_test

import (
	"os"
	"strings"
	"testing"

	"embargo"
	"embargo/goods"
	"embargo/goods/hs"
	"embargo/internal/testdata"
)

// fakeScreener matches one vessel by IMO and one company by name, as the
// match engine would explain them.
type fakeScreener struct{ queries []embargo.Query }

func (f *fakeScreener) Screen(q embargo.Query) []embargo.Match {
	f.queries = append(f.queries, q)
	for _, id := range q.Identifiers {
		if id.Type == embargo.IMO && id.Value == "9166778" {
			return []embargo.Match{{EntityID: "un:KPe.001", Caption: "DESIGNATED SHIP", Schema: embargo.Vessel, Score: 1, Matched: true,
				Explanations: []embargo.Explanation{{Field: "identifier", Query: id.Value, Candidate: id.Value, Method: "exact", Score: 1}}}}
		}
	}
	if strings.EqualFold(q.Name, "Korea Mining Development Trading Corporation") {
		return []embargo.Match{{EntityID: "un:KPe.001", Caption: "KOREA MINING DEVELOPMENT TRADING CORPORATION", Score: 0.97, Matched: true}}
	}
	return []embargo.Match{{EntityID: "x", Caption: "low", Score: 0.3, Matched: false}}
}

func TestPartiesAndVessel(t *testing.T) {
	f := &fakeScreener{}
	c := &goods.Checker{Measures: mustMeasures(t), Parties: f}
	s := goods.Shipment{Date: "2019-05-01", From: "DE", To: "FR", HS: "9403", Shipper: "Acme GmbH",
		Consignee: "Korea Mining Development Trading Corporation", Vessel: "SOME SHIP", IMO: "IMO 9166778", Flag: "KP"}
	v := check(t, c, s)
	if v.Verdict != goods.Prohibited || v.Vessel == nil || v.Vessel.Outcome != goods.Prohibited {
		t.Fatalf("a vessel designated by IMO should prohibit:\n%s", dump(v))
	}
	roles := map[string]goods.Outcome{}
	for _, p := range v.Parties {
		roles[p.Role] = p.Outcome
	}
	if roles["consignee"] != goods.Review || roles["vessel"] != goods.Prohibited || len(roles) != 2 {
		t.Errorf("party outcomes %v: want consignee review, vessel prohibited, nothing for unmatched shipper", roles)
	}
	flagged := false
	for _, fd := range v.Vessel.Findings {
		flagged = flagged || strings.Contains(fd, "KP-flagged")
	}
	if !flagged {
		t.Errorf("DPRK flag not reported: %+v", v.Vessel)
	}
	if len(f.queries) != 3 {
		t.Errorf("want shipper, consignee and vessel screened, got %d queries", len(f.queries))
	}
	// Without a screener the verdict says party screening was off.
	v = check(t, &goods.Checker{Measures: mustMeasures(t)}, s)
	if !strings.Contains(strings.Join(v.Notes, " "), "screening off") {
		t.Errorf("notes should say screening is off: %v", v.Notes)
	}
}

func TestExemptionsByAttestation(t *testing.T) {
	c := &goods.Checker{Measures: mustMeasures(t)}
	cases := []struct {
		name, hs, to, from, date string
		attest                   []string
		id                       string
		want                     goods.Outcome
	}{
		{"aircraft parts attested", "8807.30", "KP", "RU", "2019-01-01", []string{"civil-aircraft-parts"}, "UN-2397-7", goods.Exempt},
		{"aircraft parts not attested", "8807.30", "KP", "RU", "2019-01-01", nil, "UN-2397-7", goods.Review},
		{"engine with aircraft attestation", "8411", "KP", "RU", "2019-01-01", []string{"civil-aircraft-parts"}, "UN-2397-7", goods.Prohibited},
		{"machinery to KP", "8471", "KP", "CN", "2019-01-01", nil, "UN-2397-7", goods.Prohibited},
		{"new vessel, committee approval", "8901", "KP", "CN", "2017-01-01", []string{"committee-approval"}, "UN-2321-30", goods.Exempt},
		{"livelihood iron 2016 (exemption unverified wording)", "2601", "CN", "KP", "2016-06-01", []string{"livelihood"}, "UN-2270-29", goods.Exempt},
		{"unverified measure gives review", "2601", "CN", "KP", "2017-01-10", nil, "UN-2321-26a", goods.Review},
		{"guess mapping gives review", "7208", "CN", "KP", "2018-01-10", nil, "UN-2371-8", goods.Review},
		{"coal cap 2017", "2701", "CN", "KP", "2017-03-01", nil, "UN-2321-26b", goods.Review},
		{"refined cap 2018", "2710.19", "KP", "CN", "2018-03-01", nil, "UN-2397-5", goods.Review},
	}
	for _, tc := range cases {
		v := check(t, c, goods.Shipment{Date: tc.date, From: tc.from, To: tc.to, HS: tc.hs, Attestations: tc.attest})
		h, ok := hit(v, tc.id)
		if !ok || h.Outcome != tc.want {
			t.Errorf("%s: %s want %s, got %v %s\n%s", tc.name, tc.id, tc.want, ok, h.Outcome, h.Reason)
		}
	}
}

func TestDescriptionCandidates(t *testing.T) {
	fh, err := os.Open(testdata.Path(t, "hs_codes/harmonized-system_HS2022.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	nom, err := hs.Load("hs.csv", fh)
	if err != nil {
		t.Fatal(err)
	}
	c := &goods.Checker{Measures: mustMeasures(t), Nomenclature: nom}
	v := check(t, c, goods.Shipment{Date: "2018-01-10", From: "KP", To: "CN", Description: "anthracite"})
	if len(v.Candidates) == 0 || v.Candidates[0].Code != "270111" || v.Verdict != goods.Review {
		t.Fatalf("want candidate 270111 and review:\n%s", dump(v))
	}
	if h, ok := hit(v, "UN-2371-8"); !ok || h.Outcome != goods.Review {
		t.Errorf("2371 para 8 on a candidate code should be review: %+v", h)
	}
	// Full validation refuses a subheading HS 2022 lacks.
	if _, err := c.Check(goods.Shipment{Date: "2018-01-10", From: "KP", To: "CN", HS: "270110"}); err == nil {
		t.Error("270110 is no HS 2022 subheading")
	}
}

// A DPRK flag is a vessel finding from 2371 (2017-08-05) on, not before.
// (The cargo is reviewed either way: 2270 para 18 inspection covers cargo on
// DPRK-flagged vessels.)
func TestVesselFlagDates(t *testing.T) {
	c := &goods.Checker{Measures: mustMeasures(t)}
	for date, want := range map[string]goods.Outcome{"2017-08-04": goods.Clear, "2017-08-05": goods.Review} {
		v := check(t, c, goods.Shipment{Date: date, From: "CN", To: "VN", HS: "9403", Flag: "Korea, North"})
		if v.Vessel == nil || v.Vessel.Outcome != want || v.Verdict != goods.Review {
			t.Errorf("%s: want vessel %s, got %+v (verdict %s)", date, want, v.Vessel, v.Verdict)
		}
	}
}
