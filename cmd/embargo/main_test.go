package main

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// runMain runs the real command wiring with args, as the binary would, and
// returns what it wrote. Unless args name --data-dir, the store lives in a
// fresh t.TempDir(), so a test that runs several commands against one store
// passes "--data-dir", dir itself.
func runMain(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := NewMain()
	m.Stdin = strings.NewReader("")
	m.Stdout, m.Stderr = &out, &errb
	if !slices.ContainsFunc(args, func(a string) bool { return a == "--data-dir" || strings.HasPrefix(a, "--data-dir=") }) {
		m.DataDir = t.TempDir()
	}
	err = m.Run(context.Background(), args)
	err = errors.Join(err, m.Close())
	return out.String(), errb.String(), err
}
