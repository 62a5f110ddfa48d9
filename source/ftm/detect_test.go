package ftm_test

import (
	"strings"
	"testing"

	"embargo/source/ftm"
	"embargo/source/sourcetest"
)

// TestDetectReal runs Detect on the head of every real file in shared/data
// (every list format, CSV, XLSX, JSON): it accepts its own files only.
func TestDetectReal(t *testing.T) {
	sourcetest.DetectReal(t, ftm.Format{}, func(rel string, head []byte) bool {
		return strings.Contains(rel, "ftm_fixtures/") && len(head) > 0
	})
}
