package audit

import (
	"encoding/json"
	"testing"
	"time"
)

// The chain hash of a record is what sha256-length-prefixed-v2 has always
// given: a change to how it is computed must not change a single hash, or
// every log written before would fail verification.
func TestHashScheme(t *testing.T) {
	r := Record{Seq: 42, Time: time.Date(2026, 3, 1, 12, 0, 0, 123456789, time.UTC), RequestID: "0123456789abcdef", KeyID: "k1", Kind: "screen",
		Query: json.RawMessage(`{"name":"Kim Chong Un"}`), Versions: json.RawMessage(`{"demo":false,"lists":[{"source":"un","version":1}]}`),
		Threshold: 0.8, Hits: json.RawMessage(`[{"entity_id":"un:KPi.033","score":0.97,"match":true}]`),
		PrevHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}
	for _, c := range []struct {
		r    Record
		want string
	}{
		{r, "06b554413c130e87dfa55f10fb3b3731bd8dedc24a6891adbc5187f0f60aa278"},
		{Record{Seq: 1, Time: time.Date(2026, 3, 1, 13, 0, 0, 0, time.FixedZone("x", 3600)), Kind: "cli", PrevHash: genesis}, "4e40f3f3d50aaa44055270a4877599fc72bf459cdce781ca3b21845507776e78"},
	} {
		if got := hash(c.r); got != c.want {
			t.Errorf("hash = %s, want %s", got, c.want)
		}
	}
}
