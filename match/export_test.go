package match

// ForgetNeighbours empties the index's memo of neighbour sets, for the
// benchmarks of queries whose words it has not seen.
func ForgetNeighbours(ix *Index) {
	ix.memo.Clear()
	ix.memoN.Store(0)
}
