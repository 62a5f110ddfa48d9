package match

import "testing"

// English silent letters: wh, a first kn, a last mb (ويلر Wheeler, نايت
// Knight, كولوم Coulomb in wd_arabic_20).
func TestSkeletonSilentLetters(t *testing.T) {
	for _, tc := range [][2]string{
		{"wheeler", "wylr"}, {"knight", "nayt"}, {"coulomb", "kulum"}, {"wightman", "waytman"},
	} {
		if skeleton(tc[0]) != skeleton(tc[1]) || !hasSkeleton(tc[0], skeleton(tc[1])) {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q", tc[0], skeleton(tc[0]), tc[1], skeleton(tc[1]))
		}
	}
	for _, w := range []string{"khan", "habib", "bakr", "mbeki", "kanaan"} {
		if !hasSkeleton(w, skeleton(w)) {
			t.Errorf("hasSkeleton(%q) disagrees with skeleton %q", w, skeleton(w))
		}
	}
	if skeleton("mbeki") != "mbk" || skeleton("kanaan") != "kn" {
		t.Errorf("mbeki %q, kanaan %q: only a last mb and a first kn lose a letter", skeleton("mbeki"), skeleton("kanaan"))
	}
}

// A final y is the vowel i in the consonant comparison: عدلي (adli) is
// nearer Adly than Adele (google_ar2en).
func TestConsonantSimYIsI(t *testing.T) {
	if a, b := consonantSim("adli", "adly"), consonantSim("adli", "adele"); a <= b {
		t.Errorf("consonantSim(adli, adly) = %.3f, (adli, adele) = %.3f", a, b)
	}
}
