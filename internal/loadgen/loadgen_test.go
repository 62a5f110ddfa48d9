package loadgen_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"embargo/internal/loadgen"
)

func TestRefusesNonLoopback(t *testing.T) {
	for _, u := range []string{"http://10.0.0.1:8080", "http://192.168.1.2", "http://example.com", "http://8.8.8.8"} {
		if err := loadgen.CheckLoopback(u); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
	for _, u := range []string{"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:80", "http://127.3.4.5"} {
		if err := loadgen.CheckLoopback(u); err != nil {
			t.Errorf("%s refused: %v", u, err)
		}
	}
}

// TestBoundedRun is a small bounded load against a local server: it stops
// by itself, counts every request and reports errors.
func TestBoundedRun(t *testing.T) {
	var n atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%10 == 0 {
			http.Error(w, "boom", 500)
			return
		}
		w.Write([]byte(`{}`))
	}))
	defer ts.Close()
	res, err := loadgen.Run(context.Background(), loadgen.Config{URL: ts.URL, Clients: 4, Duration: 10 * time.Second,
		Requests: 200, Queries: []string{"Kim Jong Un", "Vladimir Putin"}, PID: os.Getpid()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != 200 || res.Errors != 20 || res.P50 <= 0 || res.P99 < res.P50 || res.RSSMaxKB <= 0 {
		t.Fatalf("unexpected result: %+v", res)
	}
	if !strings.Contains(res.String(), "200 requests") {
		t.Fatal(res.String())
	}
}

func TestMix(t *testing.T) {
	names := []string{"KIM Jong Un", "TAYSAEV Kazbek Kutsukovich", "PUTIN Vladimir Vladimirovich"}
	a, b := loadgen.Mix(names, 100, 1), loadgen.Mix(names, 100, 1)
	if len(a) != 100 || strings.Join(a, "|") != strings.Join(b, "|") {
		t.Fatal("Mix is not deterministic for a seed")
	}
	same := 0
	for i := 0; i < 100; i += 2 {
		for _, n := range names {
			if a[i] == n {
				same++
			}
		}
	}
	if same == 50 {
		t.Fatal("no listed name was varied")
	}
}
