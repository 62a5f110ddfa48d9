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
