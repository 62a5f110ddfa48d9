package main

import (
	"errors"
	"runtime/debug"
	"testing"
	"time"
)

func TestParseMemoryPolicy(t *testing.T) {
	for in, want := range map[string]memoryPolicy{
		"auto": {auto: true}, "AUTO": {auto: true}, "off": {}, "0": {},
		"512MiB": {limit: 512 << 20}, "2GiB": {limit: 2 << 30}, "100 MiB": {limit: 100 << 20}, "4096b": {limit: 4096},
	} {
		got, err := parseMemoryPolicy(in)
		if err != nil || got != want {
			t.Errorf("%q: got %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "lots", "-5MiB", "12", "1.5GiB", "MiB"} {
		if _, err := parseMemoryPolicy(in); !errors.Is(err, errUsage) {
			t.Errorf("%q: accepted (err %v)", in, err)
		}
	}
}

// TestServeMemoryLimit: serve sets the runtime's soft memory limit from the
// live heap after loading (auto) or as given, and puts it back on exit.
func TestServeMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	for _, tc := range []struct {
		flag  string
		check func(int64) bool
	}{
		{"512MiB", func(l int64) bool { return l == 512<<20 }},
		{"auto", func(l int64) bool { return l > 8<<20 && l < before && l < 1<<40 }},
	} {
		_, stop := startServe(t, t.TempDir(), "--memory-limit", tc.flag)
		// Ready once the index is swapped in; the limit is set just after.
		l := debug.SetMemoryLimit(-1)
		for end := time.Now().Add(10 * time.Second); !tc.check(l) && time.Now().Before(end); l = debug.SetMemoryLimit(-1) {
			time.Sleep(10 * time.Millisecond)
		}
		if !tc.check(l) {
			t.Errorf("--memory-limit %s: limit %d while serving", tc.flag, l)
		}
		stop()
		if l := debug.SetMemoryLimit(-1); l != before {
			t.Errorf("--memory-limit %s: limit %d after serve, was %d", tc.flag, l, before)
		}
	}
}
