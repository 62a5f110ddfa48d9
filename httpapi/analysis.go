package httpapi

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"embargo"
	"embargo/analysis"
)

// coverageResponse is the coverage of one list's designations by the
// others, with the lists it was measured on.
type coverageResponse struct {
	answerMeta
	*analysis.Report
}

// handleCoverage answers GET /v1/analysis/coverage?reference=un&regime=DPRK
// (&sources=uk,ofac&min_score=0.9): which of the reference list's entities
// each other list carries, how they were found, the listing lag and the gaps.
func (s *Server) handleCoverage(w http.ResponseWriter, r *http.Request) error {
	st, err := s.ready()
	if err != nil {
		return err
	}
	v := r.URL.Query()
	opt := analysis.Options{Reference: strings.TrimSpace(v.Get("reference")), Regime: v.Get("regime")}
	if src := v.Get("sources"); src != "" {
		for _, s := range strings.Split(src, ",") {
			if s = strings.TrimSpace(s); s != "" {
				opt.Sources = append(opt.Sources, s)
			}
		}
	}
	if ms := v.Get("min_score"); ms != "" {
		f, err := strconv.ParseFloat(ms, 64)
		if err != nil || !(f > 0 && f <= 1) {
			return embargo.FieldError("min_score", "want a score in (0, 1], got %q", ms)
		}
		opt.MinScore = f
	}
	rep := st.coverage(opt)
	writeJSON(w, http.StatusOK, coverageResponse{answerMeta: s.meta(r, st, rep.MinScore), Report: rep})
	return nil
}

// coverage computes a report once per index state and options (all UN
// regimes take 0.4 s; the state's lists do not change under it).
func (st *State) coverage(opt analysis.Options) *analysis.Report {
	key := fmt.Sprintf("%q %q %q %v", opt.Reference, strings.ToUpper(strings.TrimSpace(opt.Regime)), opt.Sources, opt.MinScore)
	st.reportsMu.Lock()
	defer st.reportsMu.Unlock()
	if rep, ok := st.reports[key]; ok {
		return rep
	}
	rep := analysis.Coverage(st.Catalog.Entities, st.Index, opt)
	if st.reports == nil || len(st.reports) >= 64 {
		st.reports = map[string]*analysis.Report{}
	}
	st.reports[key] = rep
	return rep
}
