//go:build unix

package xlsx_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the process has used so far: on
// the shared, loaded build machine wall time per op says more about the
// neighbours than about the reader.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
