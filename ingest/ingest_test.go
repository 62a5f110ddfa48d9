package ingest_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"embargo"
	"embargo/ingest"
	"embargo/source"
	"embargo/sqlite"
)

// fakeFormat is a list format of this test: a first line "FAKELIST <date>",
// one "ref,name" line per person, and a last line "END" (so a truncated file
// is detectable, as a cut XML document is).
type fakeFormat struct{}

func init() { source.Register(fakeFormat{}) }

func (fakeFormat) Info() source.Info {
	return source.Info{Name: "fake-list", Source: "fake", Authority: "Test", List: "Fake"}
}

func (fakeFormat) Detect(name string, head []byte) bool {
	return bytes.HasPrefix(head, []byte("FAKELIST "))
}

func (fakeFormat) Parse(files []source.File) (*source.Result, error) {
	res := &source.Result{}
	for _, f := range files {
		lines := strings.Split(strings.TrimSpace(string(f.Data)), "\n")
		if !strings.HasPrefix(lines[0], "FAKELIST ") {
			return nil, source.FormatError("fake-list", f.Name, "no FAKELIST header")
		}
		if lines[len(lines)-1] != "END" {
			return nil, source.FormatError("fake-list", f.Name, "truncated: no END line")
		}
		d, err := embargo.ParseDate(strings.TrimPrefix(lines[0], "FAKELIST "))
		if err != nil {
			return nil, source.FormatError("fake-list", f.Name, err.Error())
		}
		res.Published = d
		for i, l := range lines[1 : len(lines)-1] {
			ref, name, ok := strings.Cut(l, ",")
			if !ok {
				res.Problems.Skip(source.Pos{File: f.Name, Record: fmt.Sprintf("line %d", i+2)}, "no comma")
				continue
			}
			res.Entities = append(res.Entities, embargo.Entity{ID: "fake:" + ref, Source: "fake", Schema: embargo.Person,
				Names: []embargo.Name{{Full: name, Kind: embargo.PrimaryName}}})
		}
	}
	return res, nil
}

func open(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func file(name, data string) []source.File { return []source.File{{Name: name, Data: []byte(data)}} }

func TestImportDetectsAndStoresOnce(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	f := file("a.txt", "FAKELIST 2026-01-02\nA1,Alpha\nbroken line\nA2,Beta\nEND\n")
	v, created, problems, err := ingest.Import(ctx, s, f, "")
	if err != nil {
		t.Fatal(err)
	}
	if !created || v.Version != 1 || v.Entities != 2 || v.Format != "fake-list" || v.Source != "fake" ||
		v.Published != (embargo.Date{Year: 2026, Month: 1, Day: 2}) || v.Problems != 1 || v.Origin != "a.txt" {
		t.Errorf("Import = %+v, created=%v", v, created)
	}
	if len(problems) != 1 || !problems[0].Skipped || problems[0].Pos.File != "a.txt" {
		t.Errorf("problems = %v; want the broken line, skipped, naming a.txt", problems)
	}
	// sha256sum of the file, so a user can check it.
	if sum := sha256.Sum256(f[0].Data); v.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("hash %q is not the sha256 of the file", v.Hash)
	}
	again, created, _, err := ingest.Import(ctx, s, file("copy.txt", string(f[0].Data)), "fake")
	if err != nil {
		t.Fatal(err)
	}
	if created || again.Version != 1 {
		t.Errorf("same content again: created=%v version %d; want false, 1", created, again.Version)
	}
}

func TestImportRefusedStoresNothing(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	good := "FAKELIST 2026-01-02\nA1,Alpha\nEND\n"
	if _, _, _, err := ingest.Import(ctx, s, file("good.txt", good), ""); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, data, format, want string }{
		{"cut.txt", "FAKELIST 2026-02-01\nA1,Alpha\nA2,Be", "", "cut.txt: fake-list: truncated"},
		{"page.html", "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "", "page.html: not a known list format (it is an HTML page"},
		{"page.html", "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "fake", "page.html: fake-list: no FAKELIST header"},
		{"empty.txt", "FAKELIST 2026-02-01\nEND\n", "", "empty.txt: fake-list: no entity could be read"},
		{"x.txt", "FAKELIST 2026-02-01\nEND\n", "nosuchformat", `unknown list format or source "nosuchformat"`},
	} {
		_, _, _, err := ingest.Import(ctx, s, file(tc.name, tc.data), tc.format)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Import(%s, %q): error %v; want one containing %q", tc.name, tc.format, err, tc.want)
		}
		if embargo.ErrorKind(err) != embargo.EINVALID {
			t.Errorf("Import(%s): error kind %s; want invalid", tc.name, embargo.ErrorKind(err))
		}
		vs, err := s.Versions(ctx, "fake")
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 1 {
			t.Fatalf("after refusing %s the store has %d versions; want the 1 good one", tc.name, len(vs))
		}
	}
}

func TestImportSetOfFiles(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	files := []source.File{
		{Name: "one.txt", Data: []byte("FAKELIST 2026-01-02\nA1,Alpha\nEND\n")},
		{Name: "two.txt", Data: []byte("FAKELIST 2026-01-02\nA2,Beta\nEND\n")},
	}
	v, _, _, err := ingest.Import(ctx, s, files, "")
	if err != nil {
		t.Fatal(err)
	}
	if v.Entities != 2 || v.Origin != "one.txt two.txt" {
		t.Errorf("two files imported as %+v; want 2 entities, origin naming both", v)
	}
	_, _, _, err = ingest.Import(ctx, s, append(files, source.File{Name: "bad.txt", Data: []byte("nope")}), "")
	if err == nil || !strings.Contains(err.Error(), "bad.txt") || !errors.Is(err, source.ErrFormat) {
		t.Errorf("a set with a foreign file: error %v; want ErrFormat naming bad.txt", err)
	}
}

func TestHashOfASetIgnoresOrder(t *testing.T) {
	a := source.File{Name: "a", Data: []byte("first")}
	b := source.File{Name: "b", Data: []byte("second")}
	if ingest.Hash([]source.File{a, b}) != ingest.Hash([]source.File{b, a}) {
		t.Errorf("the same set in another order hashes differently")
	}
	if ingest.Hash([]source.File{a, b}) == ingest.Hash([]source.File{a, {Name: "b", Data: []byte("other")}}) {
		t.Errorf("different sets hash alike")
	}
}
