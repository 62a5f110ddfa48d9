package australia

import "testing"

// The listing date is the first one of Listing Information, however the
// text around it is written ("Listed on:5 August 2017 (amended on 29 June
// 2023)" once gave the amendment's date).
func TestListedRe(t *testing.T) {
	for text, want := range map[string]string{
		"Listed on 9 Sep. 2003":                              "9 Sep. 2003",
		"Listed by UN 1267 Committee on 25 January 2001":     "25 January 2001",
		"Listed on:5 August 2017 (amended on 29 June 2023)":  "5 August 2017",
		"Listed on: 5 August 2017 (amended on 29 June 2023)": "5 August 2017",
	} {
		m := listedRe.FindStringSubmatch(text)
		if m == nil || m[1] != want {
			t.Errorf("%q: %v, want %q", text, m, want)
		}
	}
}
