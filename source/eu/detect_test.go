package eu_test

import (
	"strings"
	"testing"

	"embargo/source/eu"
	"embargo/source/sourcetest"
)

// TestDetectReal runs Detect on the head of every real file in shared/data
// (every list format, CSV, XLSX, JSON): it accepts its own files only.
func TestDetectReal(t *testing.T) {
	sourcetest.DetectReal(t, eu.Format{}, func(rel string, _ []byte) bool {
		return strings.HasPrefix(rel, "eu_fsf/") && strings.HasSuffix(rel, ".xml")
	})
}
