package audit

import (
	"encoding/json"

	"embargo"
)

// Hits encodes the hits of a decision as the log records them: entity id,
// score and whether it was a match.
func Hits(ms []embargo.Match) json.RawMessage {
	type hit struct {
		ID    string  `json:"entity_id"`
		Score float64 `json:"score"`
		Match bool    `json:"match"`
	}
	hs := make([]hit, len(ms))
	for i, m := range ms {
		hs[i] = hit{m.EntityID, m.Score, m.Matched}
	}
	b, _ := json.Marshal(hs) // plain values: cannot fail
	return b
}

// Versions encodes the list versions a decision used, the same for the
// server and the command line.
func Versions(demo bool, vs []embargo.ListVersion) json.RawMessage {
	type version struct {
		Source    string `json:"source"`
		Version   int64  `json:"version"`
		Published string `json:"published,omitempty"`
		Hash      string `json:"hash,omitempty"`
	}
	out := make([]version, len(vs))
	for i, v := range vs {
		out[i] = version{v.Source, v.Version, v.Published.String(), v.Hash}
	}
	b, _ := json.Marshal(map[string]any{"demo": demo, "lists": out})
	return b
}
