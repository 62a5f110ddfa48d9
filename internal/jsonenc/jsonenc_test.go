package jsonenc

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

func stdString(t testing.TB, s string, escapeHTML bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

var strs = []string{"", "Kim Chong Un", `a"b\c`, "<script>&amp;</script>", "\x00\x01\b\f\n\r\t\x1f\x7f",
	"\u2028\u2029", "Ким Чен Ын", "김정은", "\xff\xfe bad", "\xe2\x80", "a\xc0\x80b", "عبد الله", "💣x"}

func TestStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range strs {
		for _, h := range []bool{false, true} {
			if got, want := string(String(nil, s, h)), stdString(t, s, h); got != want {
				t.Errorf("String(%q, %v) = %s, want %s", s, h, got, want)
			}
		}
	}
}

func FuzzString(f *testing.F) {
	for _, s := range strs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range []bool{false, true} {
			if got, want := string(String(nil, s, h)), stdString(t, s, h); got != want {
				t.Fatalf("String(%q, %v) = %s, want %s", s, h, got, want)
			}
		}
	})
}

var floats = []float64{0, 1, -1, 0.5, 0.983, 1.0 / 3, 1e-6, 9.99e-7, 1e-7, 1.5e-9, 1e20, 1e21, 1e22, 123456789.125,
	math.SmallestNonzeroFloat64, math.MaxFloat64, -0.0001234, 0.1 + 0.2}

func TestFloatMatchesEncodingJSON(t *testing.T) {
	for _, f := range floats {
		checkFloat(t, f)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if b, ok := Float([]byte("x"), f); ok || string(b) != "x" {
			t.Errorf("Float(%v) = %q, %v; want nothing, false", f, b, ok)
		}
	}
}

func checkFloat(t testing.TB, f float64) {
	want, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := Float(nil, f)
	if !ok || string(got) != string(want) {
		t.Errorf("Float(%v) = %s, %v; want %s", f, got, ok, want)
	}
}

func FuzzFloat(f *testing.F) {
	for _, v := range floats {
		f.Add(math.Float64bits(v))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		v := math.Float64frombits(bits)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		checkFloat(t, v)
	})
}

func TestStrings(t *testing.T) {
	for _, ss := range [][]string{nil, {}, {"a"}, {"a", "<b>"}} {
		for _, h := range []bool{false, true} {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(h)
			enc.Encode(ss)
			if got, want := string(Strings(nil, ss, h)), string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))); got != want {
				t.Errorf("Strings(%q, %v) = %s, want %s", ss, h, got, want)
			}
		}
	}
}
