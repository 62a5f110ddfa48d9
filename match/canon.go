package match

import "embargo/normalize"

// canonKey is the key shared by romanization variants of a token
// ("chong", "jong", "jeong"), from normalize.
func canonKey(w string) string { return normalize.Canon(w) }
