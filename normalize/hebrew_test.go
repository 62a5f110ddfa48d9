package normalize_test

import "testing"

func TestRomanizeHebrew(t *testing.T) {
	romanizeCases(t, []struct{ in, text, method string }{
		{"דוד", "david", "hebrew"},          // name table: the ו is a consonant
		{"משה לוי", "moshe levi", "hebrew"}, // name table
		{"ינון", "yinon", "hebrew"},         // initial י before a consonant, ו as o
		{"שלום", "shalom", "hebrew"},        // table
		{"שריד", "shrid", "hebrew"},         // no e after ש
		{"שטיין", "shtein", "hebrew"},       // no e after ש; יי is ei
		{"טנג'יל", "tenejil", "hebrew"},     // ג' is j (Fold keeps the geresh)
		{"טנג׳יל", "tenejil", "hebrew"},     // with a real geresh
		{"חסדאי", "chesedai", "hebrew"},     // ח ch in the first variant
		{"חסדאי", "hesedai", "hebrew"},      // and h in the second
		{"פדרמן", "federemen", "hebrew"},    // פ f in the second variant
		{"פדרמן", "pederemen", "hebrew"},    // and p at the start in the first
		{"וייס", "weis", "hebrew"},          // initial ו w in the second variant
		{"ינון לוי LEVY", "yinon levi levy", "hebrew"},
	})
}
