package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"embargo/internal/natstest"
)

// startServe runs the real `embargo serve` on 127.0.0.1:0 with dataDir and
// returns its base URL once /readyz answers 200, and a stop function that
// shuts it down and waits for Run to return.
func startServe(t *testing.T, dataDir string, extra ...string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	m := NewMain()
	m.DataDir = dataDir
	var logs bytes.Buffer
	m.Stdout, m.Stderr = io.Discard, &logs
	addrc := make(chan string, 1)
	m.Listening = func(addr string) { addrc <- addr }
	done := make(chan error, 1)
	go func() {
		// No memory limit unless a test asks: the limit is the process's,
		// and the other tests running in it would pay for it.
		err := m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0", "--reload-interval", "0", "--memory-limit", "off"}, extra...))
		done <- errors.Join(err, m.Close())
	}()
	var base string
	select {
	case addr := <-addrc:
		base = "http://" + addr
	case err := <-done:
		t.Fatalf("serve exited: %v\n%s", err, logs.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not listen within 30 s")
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready within 60 s\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v\n%s", err, logs.String())
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop within 30 s")
		}
	}
	t.Cleanup(stop)
	return base, stop
}

func postJSON(t *testing.T, url, token, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	return res.StatusCode, out
}

// TestServeEndToEnd runs what an operator does: create a key, serve the
// demo subset, screen, import a list, reload, then verify and export the
// audit log.
func TestServeEndToEnd(t *testing.T) {
	dir := t.TempDir()
	out, _, err := runMain(t, "--data-dir", dir, "keys", "create", "--role", "admin", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var created struct{ Token string }
	if err := json.Unmarshal([]byte(out), &created); err != nil || !strings.HasPrefix(created.Token, "emb_") {
		t.Fatalf("keys create: %q %v", out, err)
	}
	base, stop := startServe(t, dir)

	code, resp := postJSON(t, base+"/v1/screen", "", `{"name":"Kim Chong Un"}`)
	if code != 401 {
		t.Fatalf("without a key: %d %v", code, resp)
	}
	code, resp = postJSON(t, base+"/v1/screen", created.Token, `{"name":"Kim Chong Un"}`)
	if code != 200 || resp["demo"] != true || !strings.Contains(resp["notice"].(string), "DEMO") {
		t.Fatalf("demo screening: %d %v", code, resp)
	}
	ms := resp["results"].([]any)[0].(map[string]any)["matches"].([]any)
	if len(ms) == 0 || !strings.Contains(strings.ToUpper(strings.ReplaceAll(ms[0].(map[string]any)["caption"].(string), ",", "")), "KIM JONG UN") {
		t.Fatalf("Kim Chong Un on the demo subset: %v", ms)
	}

	// Import a list while the server runs, then reload: the answer now names it.
	if _, stderr, err := runMain(t, "--data-dir", dir, "lists", "import", "../../source/unsc/testdata/basic/input.xml"); err != nil {
		t.Fatalf("lists import: %v\n%s", err, stderr)
	}
	code, resp = postJSON(t, base+"/v1/admin/reload", created.Token, ``)
	if code != 200 {
		t.Fatalf("reload: %d %v", code, resp)
	}
	code, resp = postJSON(t, base+"/v1/screen", created.Token, `{"name":"Kim Jong Un"}`)
	if code != 200 || resp["demo"] != false {
		t.Fatalf("after reload: %d %v", code, resp)
	}
	lists := resp["lists"].([]any)
	if len(lists) != 1 || lists[0].(map[string]any)["source"] != "un" {
		t.Fatalf("lists after reload: %v", lists)
	}
	// The index keeps no remarks or original record; the entity page
	// still shows them, from the stored version being screened against.
	req, _ := http.NewRequest("GET", base+"/v1/entities/un:KPi.033", nil)
	req.Header.Set("Authorization", "Bearer "+created.Token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var ent struct {
		Entity  struct{ Remarks, Record string }
		Current bool
	}
	err = json.NewDecoder(res.Body).Decode(&ent)
	res.Body.Close()
	if err != nil || !ent.Current || !strings.Contains(ent.Entity.Remarks, "Ministry of State Security") || !strings.Contains(ent.Entity.Record, "<REFERENCE_NUMBER>KPi.033") {
		t.Fatalf("entity page: %v %+v", err, ent)
	}
	stop()

	out, _, err = runMain(t, "--data-dir", dir, "audit", "verify")
	if err != nil || !strings.Contains(out, "audit log intact: 2 records") {
		t.Fatalf("audit verify: %q %v", out, err)
	}
	out, _, err = runMain(t, "--data-dir", dir, "audit", "export", "--from", "2000-01-01")
	if err != nil || strings.Count(out, "\n") != 2 || !strings.Contains(out, `"kind":"screen"`) {
		t.Fatalf("audit export: %q %v", out, err)
	}
}

// TestServeGoods checks the goods routes through the real wiring.
func TestServeGoods(t *testing.T) {
	base, _ := startServe(t, t.TempDir())
	code, resp := postJSON(t, base+"/v1/goods/check", "", `{"hs":"2701","from":"KP","to":"CN","date":"2017-09-01"}`)
	if code != 200 || resp["verdict"] != "prohibited" {
		t.Fatalf("coal KP->CN 2017-09-01: %d %v", code, resp)
	}
	found := false
	for _, h := range resp["measures"].([]any) {
		if strings.Contains(h.(map[string]any)["instrument"].(string), "2371") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no UNSCR 2371 measure cited: %v", resp["measures"])
	}
	code, resp = postJSON(t, base+"/v1/goods/check", "", `{"hs":"2701","from":"KP","to":"CN","date":"2017-02-30"}`)
	if code != 400 || !strings.HasPrefix(resp["error"].(string), "date") {
		t.Fatalf("impossible date: %d %v", code, resp)
	}
	code, resp = postJSON(t, base+"/v1/goods/check", "", `{"hs":"2701","frm":"KP"}`)
	if code != 400 || !strings.HasPrefix(resp["error"].(string), "frm") {
		t.Fatalf("unknown field: %d %v", code, resp)
	}
	res, err := http.Get(base + "/v1/goods/measures?regime=RUSSIA")
	if err != nil {
		t.Fatal(err)
	}
	var ms map[string]any
	json.NewDecoder(res.Body).Decode(&ms)
	res.Body.Close()
	if res.StatusCode != 200 || len(ms["measures"].([]any)) == 0 {
		t.Fatalf("measures: %d %v", res.StatusCode, ms)
	}
}

// TestScreenCLIIsAudited: a screening on the command line against imported
// lists lands in the same hash-chained log; one on the demo subset does not.
func TestScreenCLIIsAudited(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := runMain(t, "--data-dir", dir, "screen", "Kim Chong Un"); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runMain(t, "--data-dir", dir, "lists", "import", "../../source/unsc/testdata/basic/input.xml"); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	if _, _, err := runMain(t, "--data-dir", dir, "screen", "Kim Jong Un"); err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(dir, "customers.csv")
	if err := os.WriteFile(csv, []byte("id,name\nc1,Kim Chong Un\nc2,Jane Doe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runMain(t, "--data-dir", dir, "screen", "--file", csv, "--output", filepath.Join(dir, "out.csv")); err != nil {
		t.Fatalf("screen --file: %v\n%s", err, stderr)
	}
	out, _, err := runMain(t, "--data-dir", dir, "audit", "export")
	if err != nil || strings.Count(out, "\n") != 3 || !strings.Contains(out, `"key_id":"cli"`) || !strings.Contains(out, `"source":"un"`) ||
		!strings.Contains(out, ` row c2"`) {
		t.Fatalf("audit export: %q %v", out, err)
	}
	if out, _, err := runMain(t, "--data-dir", dir, "audit", "verify"); err != nil || !strings.Contains(out, "3 records") {
		t.Fatalf("audit verify: %q %v", out, err)
	}
}

// TestServeReloadsOnNATSAnnouncement: with --nats, a list imported by
// another process is announced on JetStream and the server swaps it in
// without polling the store (--reload-interval 0).
func TestServeReloadsOnNATSAnnouncement(t *testing.T) {
	url := natstest.Start(t)
	dir := t.TempDir()
	base, _ := startServe(t, dir, "--nats", url)
	if _, stderr, err := runMain(t, "--data-dir", dir, "--nats", url, "lists", "import", "../../source/unsc/testdata/basic/input.xml"); err != nil {
		t.Fatalf("lists import: %v\n%s", err, stderr)
	}
	imported := time.Now()
	defer func() {
		t.Logf("new list served %s after the import returned", time.Since(imported).Round(time.Millisecond))
	}()
	deadline := time.Now().Add(15 * time.Second)
	for {
		code, resp := postJSON(t, base+"/v1/screen", "", `{"name":"Ri Won Ho"}`)
		if code != 200 {
			t.Fatalf("screen: %d %v", code, resp)
		}
		if resp["demo"] == false {
			lists := resp["lists"].([]any)
			if len(lists) != 1 || lists[0].(map[string]any)["source"] != "un" {
				t.Fatalf("lists after the announcement: %v", lists)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server did not reload within 15 s of the announcement")
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Every list command works through the announcing store.
	if out, _, err := runMain(t, "--data-dir", dir, "--nats", url, "lists", "show", "un:KPi.033", "--on", "2026-12-31"); err != nil || !strings.Contains(out, "RI") {
		t.Fatalf("lists show --on with --nats: %q %v", out, err)
	}
	// The announcement is kept on the stream.
	out, _, err := runMain(t, "--data-dir", dir, "--nats", url, "lists", "announcements")
	if err != nil || !strings.Contains(out, "un") || !strings.Contains(out, "version 1") {
		t.Fatalf("lists announcements: %q %v", out, err)
	}
}

// A NATS outage stops neither a list import (warned: not announced) nor a
// server (warned: it relies on its store poll).
func TestNATSDownIsNotFatal(t *testing.T) {
	dir := t.TempDir()
	url := "nats://127.0.0.1:1"
	_, stderr, err := runMain(t, "--data-dir", dir, "--nats", url, "lists", "import", "../../source/unsc/testdata/basic/input.xml")
	if err != nil || !strings.Contains(stderr, "will not be announced") {
		t.Fatalf("import with NATS down: %v\n%s", err, stderr)
	}
	base, _ := startServe(t, dir, "--nats", url)
	code, resp := postJSON(t, base+"/v1/screen", "", `{"name":"Ri Won Ho"}`)
	if code != 200 || resp["demo"] != false {
		t.Fatalf("screen on a server started with NATS down: %d %v", code, resp)
	}
}
