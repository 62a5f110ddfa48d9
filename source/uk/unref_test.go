package uk_test

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"embargo/internal/testdata"
	"embargo/source/uk"
	"embargo/source/unsc"
)

const unList = "un_sc_consolidated/consolidated_2026-02-27.xml"

// Every "(UN Ref):" of the ConList of 2025-04-10 should name a record of the
// UN list. The UN list is ten months younger; a reference that does not
// resolve is a UN delisting in between, or a UK error, and is named here.
func TestConList2025UNRefsResolve(t *testing.T) {
	ukRes := parseReal(t, uk.ConList{}, conListCSV)
	unRes := parseReal(t, unsc.Format{}, unList)
	un := map[string]bool{}
	for _, e := range unRes.Entities {
		un[e.ID] = true
	}
	refs, resolved := 0, 0
	var missing []string
	for _, e := range ukRes.Entities {
		for _, r := range unCrossRefs(e) {
			refs++
			if un[r] {
				resolved++
			} else {
				missing = append(missing, e.ID+"->"+r)
			}
		}
	}
	sort.Strings(missing)
	t.Logf("%d UN references in %d-entity ConList; %d resolve in the UN list of 2026-02-27 (%d entities); unresolved: %v",
		refs, len(ukRes.Entities), resolved, len(unRes.Entities), missing)
	// A reference that does not resolve must be absent from the UN file
	// itself (delisted since: QDi.317 al-Jawlani in Nov. 2025), else the
	// UK or UN parser lost it.
	raw := testdata.Read(t, unList)
	for _, m := range missing {
		_, ref, _ := strings.Cut(m, "->un:")
		if bytes.Contains(raw, []byte("<REFERENCE_NUMBER>"+ref+"</REFERENCE_NUMBER>")) {
			t.Errorf("%s: the UN list has a record %s but no entity was parsed for it", m, ref)
		}
	}
	if refs == 0 {
		t.Error("no UN references read")
	}
}
