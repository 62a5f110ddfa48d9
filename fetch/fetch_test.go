package fetch_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"embargo"
	"embargo/fetch"
	"embargo/internal/testdata"
	"embargo/source/unsc"
	"embargo/sqlite"
)

// mirror serves consolidated.xml from shared/data the way a web server
// would (ETag, 304), or misbehaves as the test says.
type mirror struct {
	mu       sync.Mutex
	body     []byte
	mode     string // "", "500", "html", "json", "truncated", "cut", "slow", "noetag"
	requests int
	cond     int // requests that carried If-None-Match
}

func (m *mirror) set(mode string, body []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mode = mode
	if body != nil {
		m.body = body
	}
}

func (m *mirror) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	mode, body := m.mode, m.body
	m.requests++
	if r.Header.Get("If-None-Match") != "" {
		m.cond++
	}
	m.mu.Unlock()
	if r.URL.Path != "/un/consolidated.xml" {
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	switch mode {
	case "500":
		http.Error(w, "internal error", http.StatusInternalServerError)
	case "html":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!DOCTYPE html>\n<html><head><title>Maintenance</title></head><body>Back soon</body></html>")
	case "json":
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"status": "error", "message": "rate limit exceeded"}`)
	case "truncated": // promises the whole file, sends half, hangs up
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Write(body[:len(body)/2])
	case "cut": // a complete response of a cut file (a broken mirror)
		w.Write(body[:len(body)/2])
	case "slow":
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	default:
		if mode != "noetag" {
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
		}
		w.Header().Set("Content-Type", "application/xml")
		w.Write(body)
	}
}

func TestUpdate(t *testing.T) {
	old := testdata.Read(t, "un_sc_consolidated/consolidated_2025-11-29.xml")
	cur := testdata.Read(t, "un_sc_consolidated/consolidated_2026-02-27.xml")
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	m := &mirror{body: old}
	srv := httptest.NewServer(m)
	defer srv.Close()
	// Generous, so that a loaded machine does not fail the good downloads;
	// the "slow" step alone gets a short timeout.
	opt := fetch.Options{Timeout: time.Minute, BaseURLs: map[string]string{"un": srv.URL + "/un/"}}
	f := unsc.Format{}

	steps := []struct {
		mode     string
		body     []byte
		line     string // the whole line, or a prefix ending in "..."
		versions int
	}{
		{"", nil, "un: new version 1, 1,000 entities", 1},
		{"", nil, "un: unchanged (304)", 1},
		{"500", nil, "un: FAILED: server returned 500 Internal Server Error; keeping version 1 of 2025-11-29", 1},
		{"html", nil, "un: FAILED: server returned HTML instead of XML; keeping version 1 of 2025-11-29", 1},
		{"json", nil, `un: FAILED: server returned JSON "{\"status\": \"error\", \"message\": \"rate limit exceeded\"}" instead of XML; keeping version 1 of 2025-11-29`, 1},
		{"truncated", nil, "un: FAILED: download truncated (connection closed early); keeping version 1 of 2025-11-29", 1},
		{"cut", nil, "un: FAILED: " + srv.URL + "/un/consolidated.xml: unsc: ...", 1},
		{"slow", nil, "un: FAILED: timed out after 500ms; keeping version 1 of 2025-11-29", 1},
		{"", cur, "un: new version 2, 1,003 entities", 2},
		{"noetag", nil, "un: unchanged (same content as version 2)", 2},
	}
	for i, st := range steps {
		m.set(st.mode, st.body)
		o := opt
		if st.mode == "slow" {
			o.Timeout = 500 * time.Millisecond
		}
		r := fetch.Update(ctx, store, f, o)
		got := r.String()
		t.Logf("step %d (%s): %s", i, st.mode, got)
		if want, ok := strings.CutSuffix(st.line, "..."); ok {
			if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "; keeping version 1 of 2025-11-29") {
				t.Errorf("step %d (%s): %q; want %q...; keeping version 1", i, st.mode, got, want)
			}
		} else if got != st.line {
			t.Errorf("step %d (%s): %q; want %q", i, st.mode, got, st.line)
		}
		vs, err := store.Versions(ctx, "un")
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if len(vs) != st.versions {
			t.Fatalf("step %d (%s): %d versions stored; want %d", i, st.mode, len(vs), st.versions)
		}
	}
	if m.cond == 0 {
		t.Errorf("no request was conditional (If-None-Match)")
	}
}

func TestUpdateSizeLimit(t *testing.T) {
	body := testdata.Read(t, "un_sc_consolidated/consolidated_2026-02-27.xml")
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(&mirror{body: body})
	defer srv.Close()
	r := fetch.Update(ctx, store, unsc.Format{}, fetch.Options{MaxBytes: 1 << 20, Timeout: time.Minute,
		BaseURLs: map[string]string{"unsc": srv.URL + "/un"}})
	if r.Status != fetch.Failed || !strings.Contains(r.Error, "larger than the limit of 1048576 bytes") {
		t.Errorf("a 2 MB file with a 1 MB limit: %s", r)
	}
	if r.String() != "un: FAILED: "+r.Error+"; no version imported yet" {
		t.Errorf("line %q does not say that no version is in force", r)
	}
}

func TestURLs(t *testing.T) {
	f := unsc.Format{}
	official, err := fetch.URLs(f, nil)
	if err != nil || len(official) != 1 || official[0] != f.Info().URLs[0] {
		t.Errorf("URLs without a mirror = %v, %v; want the official URL", official, err)
	}
	base, err := fetch.ParseBaseURLs([]string{"un=http://127.0.0.1:9/mirror/"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := fetch.URLs(f, base)
	if err != nil || len(got) != 1 || got[0] != "http://127.0.0.1:9/mirror/consolidated.xml" {
		t.Errorf("URLs with a mirror = %v, %v", got, err)
	}
	for _, bad := range []string{"un", "un=", "un=ftp://x/", "=http://x/"} {
		if _, err := fetch.ParseBaseURLs([]string{bad}); embargo.ErrorKind(err) != embargo.EINVALID {
			t.Errorf("ParseBaseURLs(%q): error %v; want invalid", bad, err)
		}
	}
}

func TestFormats(t *testing.T) {
	fs, err := fetch.Formats([]string{"un"})
	if err != nil || len(fs) != 1 || fs[0].Info().Name != unsc.Name {
		t.Errorf("Formats(un) = %v, %v", fs, err)
	}
	if _, err := fetch.Formats([]string{"nosuchlist"}); embargo.ErrorKind(err) != embargo.EINVALID {
		t.Errorf("Formats(nosuchlist): error %v; want invalid", err)
	}
	all, err := fetch.Formats(nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range all {
		if seen[f.Info().Source] || len(f.Info().URLs) == 0 {
			t.Errorf("Formats(nil) has %s twice or without URL", f.Info().Source)
		}
		seen[f.Info().Source] = true
	}
}
