// Package demo embeds a small hand-written subset of real DPRK and Russia
// designations, so that embargo works offline on its first run. It is a demo
// subset, not a compliance list: every answer built on it says so.
package demo

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"embargo"
)

//go:embed demo.json
var data []byte

// Source is the source name of demo entities.
const Source = "demo"

// Entities returns the demo entities.
func Entities() ([]embargo.Entity, error) {
	var ents []embargo.Entity
	if err := json.Unmarshal(data, &ents); err != nil {
		return nil, fmt.Errorf("demo: embedded demo.json: %w", err)
	}
	return ents, nil
}
