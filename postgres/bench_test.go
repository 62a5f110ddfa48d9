package postgres_test

import (
	"testing"

	"embargo"
	"embargo/storetest"
)

// BenchmarkImportUNOFAC imports UN 2026-02-27 + OFAC SDN 2024-05-03 into a
// fresh schema (parsed once, outside the timer).
func BenchmarkImportUNOFAC(b *testing.B) {
	storetest.BenchImport(b, func(b *testing.B) embargo.Store { return open(b) })
}

// BenchmarkLatestEntities loads the latest version of every list.
func BenchmarkLatestEntities(b *testing.B) {
	s := open(b)
	defer s.Close()
	storetest.BenchLatestEntities(b, s)
}
