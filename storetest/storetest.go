// Package storetest is the one test suite every embargo.Store passes
// (sqlite, postgres): call Run from the implementation's tests with a
// function that opens a fresh, empty store.
package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"embargo"
)

// Run runs every test of the suite; open must return a new empty store
// (its Close is registered by Run).
func Run(t *testing.T, open func(t *testing.T) embargo.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s embargo.Store)
	}{
		{"ImportAndVersions", testImportAndVersions},
		{"ImportSameHash", testImportSameHash},
		{"ImportAtomic", testImportAtomic},
		{"Latest", testLatest},
		{"Entities", testEntities},
		{"History", testHistory},
		{"Diff", testDiff},
		{"AsOf", testAsOf},
		{"NotFound", testNotFound},
		{"ListedOn", testListedOn},
		{"ConcurrentImports", testConcurrentImports},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// person builds a UN-style person entity.
func person(ref, name string, dob embargo.Date) embargo.Entity {
	return embargo.Entity{
		ID: embargo.EntityID("un", ref), Source: "un", Schema: embargo.Person,
		Names:      []embargo.Name{{Full: name, Kind: embargo.PrimaryName}},
		BirthDates: []embargo.BirthDate{{Date: dob}},
		Designations: []embargo.Designation{{Authority: "UN Security Council", List: "UN SC Consolidated List",
			Program: "DPRK", SourceProgram: "DPRK", Ref: ref, ListedOn: embargo.Date{Year: 2013, Month: 3, Day: 7}}},
		Record: "<INDIVIDUAL><REFERENCE_NUMBER>" + ref + "</REFERENCE_NUMBER></INDIVIDUAL>",
	}
}

func org(src, ref, name string) embargo.Entity {
	return embargo.Entity{
		ID: embargo.EntityID(src, ref), Source: src, Schema: embargo.Organization,
		Names:        []embargo.Name{{Full: name, Kind: embargo.PrimaryName}},
		Nationality:  []string{"KP"},
		Designations: []embargo.Designation{{Authority: "test", List: "test", Ref: ref}},
	}
}

// v1 and v2 are two versions of the "un" list: v2 adds KPi.099, drops
// KPe.001 and changes the birth date and nationality of KPi.033.
func v1() []embargo.Entity {
	return []embargo.Entity{
		person("KPi.033", "Kim Jong Un", embargo.Date{Year: 1984, Month: 1, Day: 8}),
		person("KPi.013", "Ri Je Son", embargo.Date{Year: 1938}),
		org("un", "KPe.001", "Korea Mining Development Trading Corporation"),
	}
}

func v2() []embargo.Entity {
	e := v1()[:2]
	e[0].BirthDates = []embargo.BirthDate{{Date: embargo.Date{Year: 1983}, Approx: true}}
	e[0].Nationality = []string{"KP"}
	return append(e, person("KPi.099", "Pak Yong Sik", embargo.Date{Year: 1950, Month: 3, Day: 2}))
}

func version(src, hash string, published embargo.Date) embargo.ListVersion {
	return embargo.ListVersion{Source: src, Hash: hash, Origin: "test://" + hash, Format: "test-" + src,
		Published: published, Problems: 1,
		ImportedAt: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func mustImport(t *testing.T, s embargo.Store, v embargo.ListVersion, ents []embargo.Entity) embargo.ListVersion {
	t.Helper()
	got, created, err := s.Import(context.Background(), v, ents)
	if err != nil {
		t.Fatalf("Import %s %s: %v", v.Source, v.Hash, err)
	}
	if !created {
		t.Fatalf("Import %s %s: created=false for new content", v.Source, v.Hash)
	}
	return got
}

func wantKind(t *testing.T, what string, err error, kind string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error, want %s", what, kind)
	}
	if k := embargo.ErrorKind(err); k != kind {
		t.Fatalf("%s: error %q has kind %s, want %s", what, err, k, kind)
	}
}

func testImportAndVersions(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	a := mustImport(t, s, version("un", "h1", embargo.Date{Year: 2025, Month: 11, Day: 29}), v1())
	b := mustImport(t, s, version("un", "h2", embargo.Date{Year: 2026, Month: 2, Day: 27}), v2())
	if a.Version != 1 || b.Version != 2 {
		t.Fatalf("versions = %d, %d; want 1, 2", a.Version, b.Version)
	}
	if a.Entities != 3 || a.BySchema[embargo.Person] != 2 || a.BySchema[embargo.Organization] != 1 {
		t.Errorf("counts of version 1 = %d %v; want 3, 2 Person, 1 Organization", a.Entities, a.BySchema)
	}
	vs, err := s.Versions(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(vs, []embargo.ListVersion{a, b}) {
		t.Errorf("Versions = %+v\nwant %+v", vs, []embargo.ListVersion{a, b})
	}
	if vs[0].Hash != "h1" || vs[0].Origin != "test://h1" || vs[0].Format != "test-un" || vs[0].Problems != 1 ||
		vs[0].Published != (embargo.Date{Year: 2025, Month: 11, Day: 29}) || !vs[0].ImportedAt.Equal(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("version 1 not kept as imported: %+v", vs[0])
	}
}

func testImportSameHash(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	a := mustImport(t, s, version("un", "h1", embargo.Date{}), v1())
	again, created, err := s.Import(ctx, version("un", "h1", embargo.Date{}), v1())
	if err != nil {
		t.Fatal(err)
	}
	if created || again.Version != a.Version {
		t.Errorf("same content again: created=%v version %d; want false, %d", created, again.Version, a.Version)
	}
	// The same hash under another source is another list.
	mustImport(t, s, version("uk", "h1", embargo.Date{}), []embargo.Entity{org("uk", "RUS0001", "X")})
	vs, err := s.Versions(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 {
		t.Errorf("un has %d versions after importing the same content twice; want 1", len(vs))
	}
}

func testImportAtomic(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	mustImport(t, s, version("un", "h1", embargo.Date{}), v1())
	bad := [][]embargo.Entity{
		append(v2(), v2()[0]),                                              // an id twice
		append(v2(), org("uk", "X", "other")),                              // an entity of another source
		append(v2(), embargo.Entity{Source: "un", Schema: embargo.Person}), // no id
	}
	for i, ents := range bad {
		_, _, err := s.Import(ctx, version("un", "bad", embargo.Date{}), ents)
		wantKind(t, "bad import", err, embargo.EINVALID)
		vs, err := s.Versions(ctx, "un")
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 1 {
			t.Fatalf("bad import %d left %d versions; want the 1 good one", i, len(vs))
		}
		got, err := s.Entities(ctx, "un", 0)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, v1()) {
			t.Fatalf("bad import %d changed the entities of the last good version", i)
		}
	}
	if _, err := s.History(ctx, "un:KPi.099"); embargo.ErrorKind(err) != embargo.ENOTFOUND {
		t.Errorf("an entity of a refused import is in the history (err %v)", err)
	}
}

func testLatest(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	got, err := s.Latest(ctx)
	if err != nil || len(got) != 0 {
		t.Fatalf("Latest of an empty store = %v, %v; want none", got, err)
	}
	mustImport(t, s, version("un", "h1", embargo.Date{Year: 2025, Month: 11, Day: 29}), v1())
	u2 := mustImport(t, s, version("un", "h2", embargo.Date{Year: 2026, Month: 2, Day: 27}), v2())
	k := mustImport(t, s, version("uk", "k1", embargo.Date{Year: 2026, Month: 1, Day: 1}), []embargo.Entity{org("uk", "RUS0001", "X")})
	// An older list imported afterwards (back-filled history) is not the one in force.
	mustImport(t, s, version("un", "h0", embargo.Date{Year: 2024, Month: 1, Day: 1}), v1()[:1])
	got, err = s.Latest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Source != "uk" || got[1].Source != "un" {
		t.Fatalf("Latest = %+v; want uk then un", got)
	}
	if got[0].Version != k.Version || got[1].Version != u2.Version {
		t.Errorf("Latest versions = uk %d, un %d; want uk %d, un %d", got[0].Version, got[1].Version, k.Version, u2.Version)
	}
}

func testEntities(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	mustImport(t, s, version("un", "h1", embargo.Date{Year: 2025}), v1())
	mustImport(t, s, version("un", "h2", embargo.Date{Year: 2026}), v2())
	for _, tc := range []struct {
		version int64
		want    []embargo.Entity
	}{{1, v1()}, {2, v2()}, {0, v2()}} {
		got, err := s.Entities(ctx, "un", tc.version)
		if err != nil {
			t.Fatalf("Entities(un, %d): %v", tc.version, err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Entities(un, %d) =\n%+v\nwant (in file order)\n%+v", tc.version, got, tc.want)
		}
	}
}

func testHistory(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	a := mustImport(t, s, version("un", "h1", embargo.Date{Year: 2025}), v1())
	b := mustImport(t, s, version("un", "h2", embargo.Date{Year: 2026}), v2())
	h, err := s.History(ctx, "un:KPi.033")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Version.Version != a.Version || h[1].Version.Version != b.Version {
		t.Fatalf("History of KPi.033 has %d entries; want versions 1 and 2", len(h))
	}
	if !reflect.DeepEqual(h[0].Entity, v1()[0]) || !reflect.DeepEqual(h[1].Entity, v2()[0]) {
		t.Errorf("History does not give the entity as each version held it")
	}
	h, err = s.History(ctx, "un:KPe.001")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Version.Version != 1 {
		t.Errorf("History of KPe.001 (removed in 2) = %d entries; want version 1 only", len(h))
	}
}

func testDiff(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	mustImport(t, s, version("un", "h1", embargo.Date{Year: 2025}), v1())
	mustImport(t, s, version("un", "h2", embargo.Date{Year: 2026}), v2())
	want := &embargo.Diff{Source: "un", From: 1, To: 2,
		Added: []string{"un:KPi.099"}, Removed: []string{"un:KPe.001"},
		Changed: []embargo.Change{{ID: "un:KPi.033", Fields: []string{"birth_dates", "nationality"}}}}
	for _, pair := range [][2]int64{{0, 0}, {1, 2}} {
		d, err := s.Diff(ctx, "un", pair[0], pair[1])
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d, want) {
			t.Errorf("Diff(un, %d, %d) = %+v; want %+v", pair[0], pair[1], d, want)
		}
	}
	back, err := s.Diff(ctx, "un", 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Added, want.Removed) || !slices.Equal(back.Removed, want.Added) || len(back.Changed) != 1 {
		t.Errorf("Diff(un, 2, 1) = %+v; want the reverse", back)
	}
	same, err := s.Diff(ctx, "un", 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(same.Added)+len(same.Removed)+len(same.Changed) != 0 {
		t.Errorf("Diff of a version with itself = %+v; want empty", same)
	}
}

func testAsOf(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	mustImport(t, s, version("un", "h1", embargo.Date{Year: 2025, Month: 11, Day: 29}), v1())
	mustImport(t, s, version("un", "h2", embargo.Date{Year: 2026, Month: 2, Day: 27}), v2())
	// No published date: the import day (2026-03-01) counts.
	mustImport(t, s, version("uk", "k1", embargo.Date{}), []embargo.Entity{org("uk", "RUS0001", "X")})
	for _, tc := range []struct {
		on   embargo.Date
		want map[string]int64
	}{
		{embargo.Date{Year: 2025, Month: 11, Day: 28}, map[string]int64{}},
		{embargo.Date{Year: 2025, Month: 11, Day: 29}, map[string]int64{"un": 1}},
		{embargo.Date{Year: 2026, Month: 2, Day: 26}, map[string]int64{"un": 1}},
		{embargo.Date{Year: 2026, Month: 2}, map[string]int64{"un": 2}}, // a month means up to its last day
		{embargo.Date{Year: 2026, Month: 3, Day: 1}, map[string]int64{"un": 2, "uk": 1}},
	} {
		vs, err := s.AsOf(ctx, tc.on)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int64{}
		for _, v := range vs {
			got[v.Source] = v.Version
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("AsOf(%s) = %v; want %v", tc.on, got, tc.want)
		}
	}
}

func testNotFound(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	_, err := s.Versions(ctx, "un")
	wantKind(t, "Versions of an unknown source", err, embargo.ENOTFOUND)
	_, err = s.Entities(ctx, "un", 0)
	wantKind(t, "Entities of an unknown source", err, embargo.ENOTFOUND)
	_, err = s.History(ctx, "un:KPi.033")
	wantKind(t, "History of an unknown id", err, embargo.ENOTFOUND)
	mustImport(t, s, version("un", "h1", embargo.Date{}), v1())
	_, err = s.Entities(ctx, "un", 7)
	wantKind(t, "Entities of an unknown version", err, embargo.ENOTFOUND)
	_, err = s.Diff(ctx, "un", 0, 0)
	wantKind(t, "Diff with one version", err, embargo.ENOTFOUND)
	_, err = s.Diff(ctx, "un", 1, 9)
	wantKind(t, "Diff with an unknown version", err, embargo.ENOTFOUND)
}

// ListedOner is implemented by stores that answer "was this entity listed
// on that date" (sqlite, postgres); the suite tests it where present.
type ListedOner interface {
	ListedOn(ctx context.Context, id string, d embargo.Date) (embargo.EntityVersion, bool, error)
}

func testListedOn(t *testing.T, s embargo.Store) {
	lo, ok := s.(ListedOner)
	if !ok {
		t.Skip("the store has no ListedOn")
	}
	ctx := context.Background()
	mustImport(t, s, version("un", "h1", embargo.Date{Year: 2025, Month: 11, Day: 29}), v1())
	mustImport(t, s, version("un", "h2", embargo.Date{Year: 2026, Month: 2, Day: 27}), v2())
	for _, tc := range []struct {
		id      string
		on      embargo.Date
		listed  bool
		version int64
	}{
		{"un:KPe.001", embargo.Date{Year: 2025, Month: 11, Day: 28}, false, 0},
		{"un:KPe.001", embargo.Date{Year: 2026, Month: 1, Day: 1}, true, 1},
		{"un:KPe.001", embargo.Date{Year: 2026, Month: 2, Day: 27}, false, 2},
		{"un:KPi.099", embargo.Date{Year: 2026, Month: 1, Day: 1}, false, 1},
		{"un:KPi.099", embargo.Date{Year: 2026, Month: 3, Day: 1}, true, 2},
		{"un:KPi.033", embargo.Date{Year: 2026}, true, 2}, // a year means up to its last day
	} {
		ev, listed, err := lo.ListedOn(ctx, tc.id, tc.on)
		if err != nil {
			t.Fatal(err)
		}
		if listed != tc.listed || ev.Version.Version != tc.version || (listed && ev.Entity.ID != tc.id) {
			t.Errorf("ListedOn(%s, %s) = listed %v by version %d (entity %q); want %v by %d",
				tc.id, tc.on, listed, ev.Version.Version, ev.Entity.ID, tc.listed, tc.version)
		}
	}
	if _, _, err := lo.ListedOn(ctx, "uk:X", embargo.Date{Year: 2026}); embargo.ErrorKind(err) != embargo.ENOTFOUND {
		t.Errorf("ListedOn of a source never imported: %v; want not found", err)
	}
}

// testConcurrentImports: imports running at once (an update beside a manual
// import) each get their own version number; the same content is stored once.
func testConcurrentImports(t *testing.T, s embargo.Store) {
	ctx := context.Background()
	const n = 4
	var wg sync.WaitGroup
	errs := make([]error, 2*n)
	for i := range 2 * n {
		wg.Go(func() {
			// Two goroutines per content: n distinct contents.
			_, _, errs[i] = s.Import(ctx, version("un", fmt.Sprintf("c%d", i%n), embargo.Date{}), v1())
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	vs, err := s.Versions(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, v := range vs {
		got = append(got, v.Version)
	}
	if !slices.Equal(got, []int64{1, 2, 3, 4}) {
		t.Errorf("versions after %d concurrent imports of %d contents = %v; want 1..%d", 2*n, n, got, n)
	}
}
