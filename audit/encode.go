package audit

import (
	"encoding/json"

	"embargo"
	"embargo/internal/jsonenc"
)

// Hits encodes the hits of a decision as the log records them: entity id,
// score and whether it was a match. The bytes are json.Marshal's of
// [{"entity_id","score","match"}], written without reflection (a busy
// server encodes one list of hits per request).
func Hits(ms []embargo.Match) json.RawMessage {
	n := 2
	for i := range ms {
		n += len(ms[i].EntityID) + 52
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"entity_id":`...)
		b = jsonenc.String(b, ms[i].EntityID, true)
		b = append(b, `,"score":`...)
		var ok bool
		if b, ok = jsonenc.Float(b, ms[i].Score); !ok {
			return hitsByReflection(ms) // as json.Marshal fails on NaN
		}
		b = append(b, `,"match":`...)
		b = jsonenc.Bool(b, ms[i].Matched)
		b = append(b, '}')
	}
	return append(b, ']')
}

// hitsByReflection is Hits by json.Marshal (nil where it fails).
func hitsByReflection(ms []embargo.Match) json.RawMessage {
	type hit struct {
		ID    string  `json:"entity_id"`
		Score float64 `json:"score"`
		Match bool    `json:"match"`
	}
	hs := make([]hit, len(ms))
	for i, m := range ms {
		hs[i] = hit{m.EntityID, m.Score, m.Matched}
	}
	b, _ := json.Marshal(hs)
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
