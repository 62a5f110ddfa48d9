package main

import (
	"context"

	"embargo"
	"embargo/demo"
)

// Catalog returns the entities to screen against: the latest version of
// every list in the store, or the embedded demo subset when the store holds
// none (Catalog.Demo is then true and every answer must say so).
func (m *Main) Catalog(ctx context.Context) (*embargo.Catalog, error) {
	// TODO(store): read the latest versions from the store first.
	ents, err := demo.Entities()
	if err != nil {
		return nil, err
	}
	return &embargo.Catalog{Entities: ents, Demo: true}, nil
}
