//go:build !unix

package sourcetest

import (
	"testing"
	"time"
)

// CPUTime is not measured outside unix (no getrusage): it is always 0.
func CPUTime() time.Duration { return 0 }

// ReportCPU reports nothing where CPUTime cannot be measured.
func ReportCPU(b *testing.B, start time.Duration) {}
