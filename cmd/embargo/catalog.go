package main

import (
	"context"
	"fmt"

	"embargo"
	"embargo/demo"
	"embargo/internal/compact"
)

// Catalog returns the entities to screen against: the latest version of
// every list in the store, or the embedded demo subset when the store holds
// none (Catalog.Demo is then true and every answer must say so).
func (m *Main) Catalog(ctx context.Context) (*embargo.Catalog, error) {
	s, err := m.existingStore(ctx)
	if err != nil {
		return nil, err
	}
	if s != nil {
		latest, err := s.Latest(ctx)
		if err != nil {
			return nil, err
		}
		if len(latest) > 0 {
			c := &embargo.Catalog{Versions: latest}
			for _, v := range latest {
				ents, err := s.Entities(ctx, v.Source, v.Version)
				if err != nil {
					return nil, fmt.Errorf("catalog: %s version %d: %w", v.Source, v.Version, err)
				}
				c.Entities = append(c.Entities, ents...)
			}
			// The original records, remarks, addresses, titles, positions
			// and birth places are for display, not screening, and weigh
			// as much as the rest: the store serves them (lists show,
			// /v1/entities) instead of every index holding them.
			for i := range c.Entities {
				e := &c.Entities[i]
				e.Record, e.Remarks, e.Addresses, e.Titles, e.Positions, e.BirthPlaces = "", "", nil, nil, nil, nil
			}
			c.Entities = compact.Entities(c.Entities)
			return c, nil
		}
	}
	ents, err := demo.Entities()
	if err != nil {
		return nil, err
	}
	return &embargo.Catalog{Entities: ents, Demo: true}, nil
}
