package embargo

// Query is what a screening asks about: a name and what else is known.
type Query struct {
	Name        string       `json:"name"`
	Names       []string     `json:"names,omitempty"` // further names (aliases) of the same party
	Schema      Schema       `json:"schema,omitempty"`
	BirthDate   Date         `json:"birth_date,omitzero"`
	Countries   []string     `json:"countries,omitempty"` // nationality or country, ISO alpha-2
	Gender      string       `json:"gender,omitempty"`
	Identifiers []Identifier `json:"identifiers,omitempty"` // Type may be "" when unknown: compared to all
}

// Explanation says how one part of a score came about. Named, never
// positional: it goes into a case file.
type Explanation struct {
	Field     string  `json:"field"`               // "name", "birth_date", "country", "identifier", "schema", "gender"
	Query     string  `json:"query,omitempty"`     // the query part
	Candidate string  `json:"candidate,omitempty"` // the list part it was compared with
	Method    string  `json:"method"`              // "exact", "cyrillic-bgn", "hangul-rr", "korean-variant", "edit-distance", "phonetic", "initial", "contradicts", ...
	Distance  int     `json:"distance,omitempty"`  // edit distance, where Method is edit-distance
	Score     float64 `json:"score"`               // similarity of this part in [0,1] (name parts) or the effect on the total (qualifiers, signed)
	Weight    float64 `json:"weight,omitempty"`    // name parts: share of the name score (rarity x role); the name score is the sum of weight x score
	Note      string  `json:"note,omitempty"`
}

// Match is one hit of a screening.
type Match struct {
	EntityID     string        `json:"entity_id"`
	Caption      string        `json:"caption"`
	Schema       Schema        `json:"schema"`
	Score        float64       `json:"score"`
	Matched      bool          `json:"match"`        // Score >= threshold
	MatchedName  string        `json:"matched_name"` // the list name that scored best
	Explanations []Explanation `json:"explanations"`
	Entity       *Entity       `json:"-"`
}
