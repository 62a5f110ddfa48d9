package uk

import (
	"fmt"
	"strings"
)

// cols holds the index of each ConList column, -1 when the file lacks it.
// The header has been stable since 2020 (36 columns) but for "NI Details",
// later "National Identification Details"; columns are found by name so a
// reordered or widened file still reads.
type cols struct {
	name                                       [6]int // Name 1 .. Name 6
	title, nonLatin, nonLatinLang              int
	dob, town, birthCountry, nationality       int
	passport, passportDetails, natID, natIDDet int
	position                                   int
	addr                                       [6]int // Address 1 .. Address 6
	postCode, country, other                   int
	groupType, aliasType, aliasQuality         int
	regime, listedOn, groupID                  int
}

// header names, lower case, and the field each fills.
func (c *cols) fields() map[string]*int {
	m := map[string]*int{
		"title": &c.title, "name non-latin script": &c.nonLatin,
		"non-latin script language": &c.nonLatinLang,
		"dob":                       &c.dob, "town of birth": &c.town, "country of birth": &c.birthCountry,
		"nationality": &c.nationality, "passport number": &c.passport, "passport details": &c.passportDetails,
		"national identification number": &c.natID, "national identification details": &c.natIDDet,
		"ni details": &c.natIDDet, "position": &c.position, "post/zip code": &c.postCode,
		"country": &c.country, "other information": &c.other, "group type": &c.groupType,
		"alias type": &c.aliasType, "alias quality": &c.aliasQuality, "regime": &c.regime,
		"listed on": &c.listedOn, "group id": &c.groupID,
	}
	for i := range 6 {
		m[fmt.Sprintf("name %d", i+1)] = &c.name[i]
		m[fmt.Sprintf("address %d", i+1)] = &c.addr[i]
	}
	return m
}

// required are the columns without which a row cannot become an entity.
var required = []string{"Name 6", "Group Type", "Alias Type", "Regime", "Group ID"}

// checkHeader maps the header row to columns.
func (t *table) checkHeader(at string) error {
	fields := t.cols.fields()
	for _, p := range fields {
		*p = -1
	}
	for i, h := range t.header {
		if p, ok := fields[strings.ToLower(clean(h))]; ok && *p < 0 {
			*p = i
		}
	}
	var missing []string
	for _, r := range required {
		if *fields[strings.ToLower(r)] < 0 {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		return conListError(t.file, fmt.Sprintf("%s: the header lacks the ConList columns %s: not a ConList file", at, strings.Join(missing, ", ")))
	}
	return nil
}
