package match

import "embargo"

// ForgetNeighbours empties the index's memos of neighbour sets and of
// Arabic-script skeleton lookups, for the benchmarks of queries whose
// words it has not seen.
func ForgetNeighbours(ix *Index) {
	ix.forgetNear()
	ix.skelMemo.Clear()
	ix.skelMemoN.Store(0)
}

// ScreenWithoutMemo is Screen without the memo of tokenSim.
func ScreenWithoutMemo(ix *Index, q embargo.Query, opt Options) []embargo.Match {
	return ix.screen(q, opt, false)
}
