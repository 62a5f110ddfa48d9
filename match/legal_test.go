package match

import (
	"slices"
	"testing"

	"embargo"
)

// TestJoinLegalInitials: a dotted legal form in an organisation's name is
// one weak token, not initials that match the first letters of a query's
// words; a person's initials stay initials.
func TestJoinLegalInitials(t *testing.T) {
	for _, c := range []struct {
		name   string
		schema embargo.Schema
		want   []string // token texts, weak ones in brackets
	}{
		{"YARA S.A.L. OFFSHORE COMPANY", embargo.Organization, []string{"yara", "[sa]", "offshore", "[co]"}},
		{"IRSA S.A.", embargo.Organization, []string{"irsa", "[sa]"}},
		{"J.S.C. Kalashnikov Concern", embargo.Organization, []string{"[jsc]", "kalashnikov", "concern"}},
		{"I.S.A. Trading", embargo.Organization, []string{"i", "s", "a", "trading"}}, // the whole run, not its tail sa
		{"A. G. Smith", embargo.Person, []string{"a", "g", "smith"}},
		{"Yara S.A.L.", "", []string{"yara", "s", "a", "l"}}, // no schema: could be a person's initials
	} {
		fs := forms(c.name, c.schema)
		if len(fs) == 0 {
			t.Fatalf("%q: no forms", c.name)
		}
		var got []string
		for _, tk := range fs[0].toks {
			if tk.kind == kWeak {
				got = append(got, "["+tk.text+"]")
			} else {
				got = append(got, tk.text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q (%s): tokens %v, want %v", c.name, c.schema, got, c.want)
		}
	}
}

// TestInitialsOnly: a name whose only evidence is initials (three words
// against an alias of three initials) scores half, and says so; a word
// matched as well keeps the initials' full credit.
func TestInitialsOnly(t *testing.T) {
	m := CompareNames("Atimad Khatir Shayi", "K.A.S.", "")
	if m.Score >= 0.5 {
		t.Errorf("initials only: score %.3f, want under 0.5", m.Score)
	}
	found := false
	for _, x := range m.Explanations {
		found = found || x.Method == "initials-only"
	}
	if !found {
		t.Errorf("initials only: no initials-only explanation in %+v", m.Explanations)
	}
	if m := CompareNames("Jerome David Salinger", "J. D. Salinger", ""); m.Score < 0.8 {
		t.Errorf("J. D. Salinger: score %.3f, want the initials' full credit with the surname", m.Score)
	}
}
