package match

import (
	"testing"
	"unsafe"
)

// TestPtokSize: a packed token stays 20 bytes (344,000 of them on the six
// lists); a field added past the padding byte costs 1.4 MB.
func TestPtokSize(t *testing.T) {
	if n := unsafe.Sizeof(ptok{}); n != 20 {
		t.Errorf("ptok is %d bytes, want 20", n)
	}
}
