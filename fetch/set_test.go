package fetch_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"embargo/fetch"
	"embargo/internal/testdata"
	"embargo/source"
	_ "embargo/source/ofac"
	_ "embargo/source/unsc"
	"embargo/sqlite"
)

// setMirror serves the OFAC legacy CSV set under its official upper-case
// names with ETags, counting full (200) answers per file.
type setMirror struct {
	mu    sync.Mutex
	files map[string][]byte
	full  map[string]int
}

func (m *setMirror) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	body, ok := m.files[path.Base(r.URL.Path)]
	if !ok {
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	m.full[path.Base(r.URL.Path)]++
	w.Header().Set("ETag", etag)
	w.Write(body)
}

func TestUpdateSetOfFiles(t *testing.T) {
	m := &setMirror{files: map[string][]byte{}, full: map[string]int{}}
	for _, n := range []string{"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"} {
		m.files[strings.ToUpper(n)] = testdata.Read(t, "ofac_sdn/set_2021-07_consistent/"+n)
	}
	srv := httptest.NewServer(m)
	defer srv.Close()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	f, ok := source.Lookup("ofac")
	if !ok {
		t.Fatal("no ofac format registered")
	}
	opt := fetch.Options{Timeout: time.Minute, BaseURLs: map[string]string{"ofac": srv.URL + "/exports"}}

	// SOURCE.md: the 2021-07 set has 8,976 sdn.csv rows.
	if r := fetch.Update(ctx, store, f, opt); r.String() != "ofac: new version 1, 8,976 entities" {
		t.Fatalf("first update: %s", r)
	}
	if r := fetch.Update(ctx, store, f, opt); r.String() != "ofac: unchanged (304)" {
		t.Errorf("second update: %s", r)
	}
	// Only ALT.CSV changes (its last alias dropped): the set is parsed as a
	// whole, so the three unmodified files are fetched again in full.
	m.mu.Lock()
	alt := bytes.TrimRight(m.files["ALT.CSV"], "\x1a\r\n")
	m.files["ALT.CSV"] = append(alt[:bytes.LastIndexByte(alt, '\n')+1], 0x1a)
	m.mu.Unlock()
	r := fetch.Update(ctx, store, f, opt)
	if r.String() != "ofac: new version 2, 8,976 entities" {
		t.Errorf("update after ALT.CSV changed: %s", r)
	}
	for name, n := range m.full {
		if n != 2 {
			t.Errorf("%s answered in full %d times; want 2 (first download, then the changed set)", name, n)
		}
	}
	d, err := store.Diff(ctx, "ofac", 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Added) != 0 || len(d.Removed) != 0 || len(d.Changed) != 1 || d.Changed[0].Fields[0] != "names" {
		t.Errorf("diff after dropping one alias = %+v; want one entity with changed names", d)
	}
}

// TestUpdateLastModified: a server that gives only Last-Modified (as
// http.ServeContent does for a file) is asked If-Modified-Since next time.
func TestUpdateLastModified(t *testing.T) {
	body := testdata.Read(t, "un_sc_consolidated/consolidated_2026-02-27.xml")
	mod := time.Date(2026, 2, 27, 0, 0, 9, 0, time.UTC)
	var asked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") != "" {
			asked.Add(1)
		}
		http.ServeContent(w, r, "consolidated.xml", mod, bytes.NewReader(body))
	}))
	defer srv.Close()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	f, _ := source.Lookup("un")
	opt := fetch.Options{Timeout: time.Minute, BaseURLs: map[string]string{"un": srv.URL}}
	if r := fetch.Update(ctx, store, f, opt); r.Status != fetch.New {
		t.Fatalf("first update: %s", r)
	}
	if r := fetch.Update(ctx, store, f, opt); r.String() != "un: unchanged (304)" || asked.Load() != 1 {
		t.Errorf("second update: %s (If-Modified-Since sent %d times)", r, asked.Load())
	}
}
