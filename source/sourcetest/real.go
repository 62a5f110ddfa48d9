package sourcetest

import (
	"os"
	"reflect"
	"testing"

	"embargo/internal/testdata"
	"embargo/source"
)

// ParseReal parses the shared/data file rel (skipping when the data is
// absent) and fails on a refusal.
func ParseReal(tb testing.TB, f source.Format, rel string) *source.Result {
	tb.Helper()
	b, err := os.ReadFile(testdata.Path(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	res, err := f.Parse([]source.File{{Name: rel, Data: b}})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// BenchParse measures Parse of the shared/data file rel, reporting bytes
// per second and CPU time per op.
func BenchParse(b *testing.B, f source.Format, rel string) {
	data, err := os.ReadFile(testdata.Path(b, rel))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	start := CPUTime()
	defer ReportCPU(b, start)
	for b.Loop() {
		if _, err := f.Parse([]source.File{{Name: rel, Data: data}}); err != nil {
			b.Fatal(err)
		}
	}
}

// SameEntities checks that two golden cases (folders under testdata/)
// give the same entities, Records aside: e.g. a file with and without its
// XML namespace.
func SameEntities(t *testing.T, f source.Format, a, b string) {
	t.Helper()
	ra, err := f.Parse(Inputs(t, a))
	if err != nil {
		t.Fatal(err)
	}
	rb, err := f.Parse(Inputs(t, b))
	if err != nil {
		t.Fatal(err)
	}
	for i := range ra.Entities {
		ra.Entities[i].Record = ""
	}
	for i := range rb.Entities {
		rb.Entities[i].Record = ""
	}
	if !reflect.DeepEqual(ra.Entities, rb.Entities) {
		t.Errorf("%s and %s give different entities", a, b)
	}
}
