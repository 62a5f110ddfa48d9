package match

import "testing"

// hasSkeleton must agree with comparing built skeletons, which the index's
// skeleton keys use.
func TestHasSkeletonAgrees(t *testing.T) {
	words := []string{"jawhar", "juhar", "jwhr", "intissar", "anatasar", "qasim", "kasim", "kassim",
		"ali", "al", "aaa", "abba", "mohammad", "muhamad", "x1y", "wyw", "saddam", "hussein", "husain"}
	for _, a := range words {
		for _, b := range words {
			want := skeleton(a) != "" && skeleton(a) == skeleton(b)
			if got := skeleton(a) != "" && hasSkeleton(b, skeleton(a)); got != want {
				t.Errorf("hasSkeleton(%q, skeleton(%q)=%q) = %v, want %v", b, a, skeleton(a), got, want)
			}
		}
	}
	if !hasSkeleton("juhar", "jhr") || hasSkeleton("juhar", "jh") {
		t.Error("juhar's skeleton is jhr")
	}
}
