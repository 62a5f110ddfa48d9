package unsc_test

import (
	"strings"
	"testing"

	"embargo/source/sourcetest"
	"embargo/source/unsc"
)

// TestDetectReal runs Detect on the head of every real file in shared/data
// (every list format, CSV, XLSX, JSON): it accepts its own files only.
func TestDetectReal(t *testing.T) {
	sourcetest.DetectReal(t, unsc.Format{}, func(rel string, _ []byte) bool {
		return strings.HasPrefix(rel, "un_sc_consolidated/") && strings.HasSuffix(rel, ".xml")
	})
}
