package audit

import (
	"math"
	"testing"

	"embargo"
)

// Hits writes what json.Marshal wrote before it was written by hand.
func TestHitsAsJSONMarshal(t *testing.T) {
	for _, ms := range [][]embargo.Match{nil, {},
		{{EntityID: "ofac:20157", Score: 0.983, Matched: true}},
		{{EntityID: "un:KPi.033", Score: 1}, {EntityID: "x<&>\"\\\u2028\xff", Score: 1e-7}, {EntityID: "", Score: 0}},
		{{EntityID: "nan", Score: math.NaN()}},
	} {
		if got, want := string(Hits(ms)), string(hitsByReflection(ms)); got != want {
			t.Errorf("Hits(%v) = %s, want %s", ms, got, want)
		}
	}
}
