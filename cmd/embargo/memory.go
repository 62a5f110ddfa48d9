package main

import (
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
)

// memoryPolicy is serve's --memory-limit: how much memory the Go runtime
// may hold before it collects harder.
//
// By default the collector lets the heap grow to twice what is live before
// it runs. A server's live heap is mostly the index (about 75 MB for the
// six official lists), so under load it held twice that and more: the
// garbage of requests, not data. "auto" sets the runtime's soft memory
// limit after each index swap to the memory the runtime then holds plus
// headroom for garbage, the larger of 40 % of the live heap and 32 MiB.
// On a small index the default collector stays within it and nothing
// changes; on a large one the collector runs more often, on a heap whose
// largest parts (the packed index) hold no pointers to scan. The floor
// matters: a limit of the live heap × 1.5 + 8 MiB left 6 MB of headroom on
// the 27 MB heap of two lists (the runtime's own memory took the rest) and
// the server collected 45 times a second at a third of its throughput. A
// reload briefly holds two indexes; the limit is soft, so the runtime then
// collects harder (at most half the CPU) rather than fail, and the next
// swap sets the limit again.
type memoryPolicy struct {
	auto  bool
	limit int64 // bytes, when not auto; 0: no limit
}

func parseMemoryPolicy(s string) (memoryPolicy, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto":
		return memoryPolicy{auto: true}, nil
	case "off", "0":
		return memoryPolicy{}, nil
	}
	units := []struct {
		suffix string
		mult   int64
	}{{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10}, {"b", 1}}
	low := strings.ToLower(strings.TrimSpace(s))
	for _, u := range units {
		if num, ok := strings.CutSuffix(low, u.suffix); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
			if err != nil || n <= 0 {
				break
			}
			return memoryPolicy{limit: n * u.mult}, nil
		}
	}
	return memoryPolicy{}, fmt.Errorf("%w: --memory-limit wants auto, off or a size such as 512MiB or 2GiB, not %q", errUsage, s)
}

// fit returns the garbage of a load to the system and sets the soft limit.
// The GOMEMLIMIT environment variable, when set, wins over auto.
func (p memoryPolicy) fit(logger *slog.Logger) {
	debug.FreeOSMemory() // a full collection: loading left several times the index in garbage
	live := liveHeap()
	switch {
	case p.auto && os.Getenv("GOMEMLIMIT") != "":
		logger.Info("memory", "live_heap_mb", mb(live), "soft_limit", "GOMEMLIMIT="+os.Getenv("GOMEMLIMIT"))
	case p.auto:
		limit := held() + max(live*2/5, 32<<20)
		debug.SetMemoryLimit(limit)
		logger.Info("memory", "live_heap_mb", mb(live), "soft_limit_mb", mb(limit))
	case p.limit > 0:
		debug.SetMemoryLimit(p.limit)
		logger.Info("memory", "live_heap_mb", mb(live), "soft_limit_mb", mb(p.limit))
	}
}

// liveHeap is the heap the last collection found live, in bytes.
func liveHeap() int64 { return readMetric("/gc/heap/live:bytes") }

// held is the memory the runtime holds from the system and has not
// returned: what the soft limit counts.
func held() int64 {
	return readMetric("/memory/classes/total:bytes") - readMetric("/memory/classes/heap/released:bytes")
}

func readMetric(name string) int64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

func mb(b int64) string { return strconv.FormatFloat(float64(b)/(1<<20), 'f', 1, 64) }
