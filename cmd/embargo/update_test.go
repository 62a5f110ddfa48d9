package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"embargo"
	"embargo/internal/testdata"
)

func TestUpdateFromMirror(t *testing.T) {
	body := testdata.Read(t, "un_sc_consolidated/consolidated_2026-02-27.xml")
	var broken atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/un/consolidated.xml" {
			http.NotFound(w, r)
			return
		}
		if broken.Load() {
			fmt.Fprint(w, "<!DOCTYPE html><html><body>Down for maintenance</body></html>")
			return
		}
		if r.Header.Get("If-None-Match") == `"v2"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v2"`)
		w.Write(body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	args := []string{"--data-dir", dir, "update", "--source", "un", "--base-url", "un=" + srv.URL + "/un", "--timeout", "1m"}

	if out := must(t, args...); out != "un: new version 1, 1,003 entities\n" {
		t.Errorf("first update: %q", out)
	}
	if out := must(t, args...); out != "un: unchanged (304)\n" {
		t.Errorf("second update: %q", out)
	}
	rs := decode[[]map[string]any](t, must(t, append([]string{"--json"}, args...)...))
	if len(rs) != 1 || rs[0]["source"] != "un" || rs[0]["status"] != "unchanged" || rs[0]["not_modified"] != true {
		t.Errorf("update --json = %v", rs)
	}
	broken.Store(true)
	out, _, err := runMain(t, args...)
	if err == nil {
		t.Errorf("update with a failed list exits zero")
	}
	if out != "un: FAILED: server returned HTML instead of XML; keeping version 1 of 2026-02-27\n" {
		t.Errorf("failed update: %q", out)
	}
	vs := decode[[]embargo.ListVersion](t, must(t, "--data-dir", dir, "--json", "lists", "versions", "un"))
	if len(vs) != 1 || vs[0].Entities != 1003 {
		t.Errorf("after a failed update: %+v; want version 1 kept", vs)
	}
}

func TestUpdateBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"update", "--source", "nosuchlist"},
		{"update", "--base-url", "un"},
		{"update", "--base-url", "un=file:///etc"},
	} {
		if _, _, err := runMain(t, args...); err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(args[1], "--")) {
			t.Errorf("embargo %s: error %v; want one naming the flag", strings.Join(args, " "), err)
		}
	}
}
