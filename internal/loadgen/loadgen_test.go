package loadgen_test

import (
	"context"
	"io"
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

// TestBoundedRun is a small bounded load against a local server, through
// the lean client and through net/http's: it stops by itself, counts every
// request and reports errors. The server answers in every way a real one
// may: small bodies with a Content-Length, large chunked ones, and now and
// then "Connection: close"; every request must carry the key and the body.
func TestBoundedRun(t *testing.T) {
	for _, netHTTP := range []bool{false, true} {
		var n, bad atomic.Int64
		big := strings.Repeat(`{"id":"x"},`, 2000)
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			if r.URL.Path != "/v1/screen" || r.Header.Get("Authorization") != "Bearer k1" || !strings.HasPrefix(string(body), `{"name":`) {
				bad.Add(1)
			}
			switch k := n.Add(1); {
			case k%10 == 0:
				http.Error(w, "boom", 500)
			case k%7 == 0:
				w.Header().Set("Connection", "close")
				w.Write([]byte(`{}`))
			case k%3 == 0:
				w.Write([]byte("[" + big + "{}]")) // > 4 KB: chunked
			default:
				w.Write([]byte(`{}`))
			}
		}))
		res, err := loadgen.Run(context.Background(), loadgen.Config{URL: ts.URL, Token: "k1", Clients: 4, Duration: 10 * time.Second,
			Requests: 200, Queries: []string{"Kim Jong Un", "Vladimir Putin"}, PID: os.Getpid(), NetHTTP: netHTTP})
		ts.Close()
		if err != nil {
			t.Fatal(err)
		}
		if res.Requests != 200 || res.Errors != 20 || res.P50 <= 0 || res.P99 < res.P50 || res.RSSMaxKB <= 0 || bad.Load() != 0 || n.Load() != 200 {
			t.Fatalf("net/http %v: unexpected result: %+v (%d malformed requests, %d served)", netHTTP, res, bad.Load(), n.Load())
		}
		if !strings.Contains(res.String(), "200 requests") {
			t.Fatal(res.String())
		}
	}
}

// TestRunEndsOnTime: a server slower than the run does not hold it up.
func TestRunEndsOnTime(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body) // then the server notices the client hanging up
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer ts.Close()
	t0 := time.Now()
	res, err := loadgen.Run(context.Background(), loadgen.Config{URL: ts.URL, Clients: 2, Duration: 300 * time.Millisecond, Queries: []string{"x"}})
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(t0); el > 3*time.Second || res.Requests != 0 {
		t.Fatalf("run took %s, %d requests counted", el, res.Requests)
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

// TestPacedCountsFromDue: paced, a slow answer delays the requests due
// behind it, and their latency counts from when they were due. The first
// answer takes 200 ms; the next four were due 10, 20, 30 and 40 ms into the
// run, so each waited at least 160 ms.
func TestPacedCountsFromDue(t *testing.T) {
	var n atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			time.Sleep(200 * time.Millisecond)
		}
		w.Write([]byte(`{}`))
	}))
	defer ts.Close()
	res, err := loadgen.Run(context.Background(), loadgen.Config{URL: ts.URL, Clients: 1, Rate: 100, Requests: 5,
		Duration: 10 * time.Second, Queries: []string{"x"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != 5 || res.Errors != 0 || res.P50 < 160*time.Millisecond {
		t.Fatalf("%+v: the wait behind the slow answer is not counted", res)
	}
	if !strings.Contains(res.String(), "paced at 100 req/s") {
		t.Fatal(res.String())
	}
}
