package source_test

import (
	"testing"

	"embargo/source"
)

func TestLooksLike(t *testing.T) {
	for in, want := range map[string]string{
		"\n <!DOCTYPE html><html>":      " (it is an HTML page, perhaps a server error page)",
		"<HTML><body>502</body></html>": " (it is an HTML page, perhaps a server error page)",
		`{"error": "rate limited"}`:     " (it is JSON, perhaps a server error message)",
		"<CONSOLIDATED_LIST>":           "",
		"":                              "",
	} {
		if got := source.LooksLike([]byte(in)); got != want {
			t.Errorf("LooksLike(%q) = %q, want %q", in, got, want)
		}
	}
}
