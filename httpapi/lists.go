package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"

	"embargo"
	"embargo/audit"
)

func (s *Server) handleLists(w http.ResponseWriter, r *http.Request) error {
	st, err := s.ready()
	if err != nil {
		return err
	}
	versions := st.Catalog.Versions
	if s.Store != nil {
		if versions, err = s.Store.Latest(r.Context()); err != nil {
			return err
		}
	}
	versions = append([]embargo.ListVersion{}, versions...) // a copy: the state is shared
	for i := range versions {
		if versions[i].BySchema == nil {
			versions[i].BySchema = map[embargo.Schema]int{}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"lists": versions, "in_use": s.meta(r, st, s.cfg.Threshold)})
	return nil
}

func (s *Server) store() (embargo.Store, error) {
	if s.Store == nil {
		return nil, embargo.Errorf(embargo.ENOTFOUND, "this server has no list store (demo data only)")
	}
	return s.Store, nil
}

func (s *Server) handleVersions(w http.ResponseWriter, r *http.Request) error {
	store, err := s.store()
	if err != nil {
		return err
	}
	vs, err := store.Versions(r.Context(), r.PathValue("source"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"source": r.PathValue("source"), "versions": vs})
	return nil
}

func (s *Server) handleDiff(w http.ResponseWriter, r *http.Request) error {
	store, err := s.store()
	if err != nil {
		return err
	}
	from, err := versionParam(r, "from")
	if err != nil {
		return err
	}
	to, err := versionParam(r, "to")
	if err != nil {
		return err
	}
	d, err := store.Diff(r.Context(), r.PathValue("source"), from, to)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func versionParam(r *http.Request, name string) (int64, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 1 {
		return 0, embargo.FieldError(name, "want a version number (1, 2, ...)")
	}
	return v, nil
}

// handleAudit lists audit records (admin): ?from=&to= (RFC 3339 or
// YYYY-MM-DD), ?key=, ?after=SEQ, ?limit= (default 1000).
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) error {
	if s.AuditLog == nil {
		return embargo.Errorf(embargo.ENOTFOUND, "no audit log on this server")
	}
	v := r.URL.Query()
	var f audit.Filter
	var err error
	if f.From, err = timeParam(v.Get("from"), "from"); err != nil {
		return err
	}
	if f.To, err = timeParam(v.Get("to"), "to"); err != nil {
		return err
	}
	if f.Limit, err = intParam(v.Get("limit"), 1000, 1, 100000, "limit"); err != nil {
		return err
	}
	after, err := intParam(v.Get("after"), 0, 0, 1<<62, "after")
	if err != nil {
		return err
	}
	f.AfterSeq, f.KeyID = int64(after), v.Get("key")
	recs := []audit.Record{}
	if err := s.AuditLog.Each(r.Context(), f, func(rec audit.Record) error { recs = append(recs, rec); return nil }); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"records": recs})
	return nil
}

func timeParam(s, name string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Time{}, embargo.FieldError(name, "want RFC 3339 time or YYYY-MM-DD")
}

// handleReload rebuilds the index from the store and swaps it in atomically.
func (s *Server) handleReload(w http.ResponseWriter, r *http.Request) error {
	if s.Reload == nil {
		return embargo.Errorf(embargo.EUNAVAILABLE, "reload is not configured")
	}
	cat, err := s.Reload(r.Context())
	if err != nil {
		return err
	}
	st := NewState(cat, s.Now())
	s.Swap(st)
	return s.handleStatus(w, r)
}

// handleStatus says what the server screens against, for the UI and monitors.
func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) error {
	st, err := s.ready()
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"entities": st.Index.Len(), "meta": s.meta(r, st, s.cfg.Threshold),
		"max_batch": s.cfg.MaxBatch, "auth_required": s.cfg.RequireKey, "goods": s.Goods != nil})
	return nil
}

// GoodsChecker is what the goods routes need; cmd adapts package goods to it.
type GoodsChecker interface {
	// Check screens one shipment given as a JSON body (not yet decoded:
	// use DecodeStrict); errors name the field.
	Check(r *http.Request, body json.RawMessage) (any, error)
	// Measures lists the measures, optionally of one regime.
	Measures(regime string) (any, error)
}

func (s *Server) handleGoodsCheck(w http.ResponseWriter, r *http.Request) error {
	if s.Goods == nil {
		return embargo.Errorf(embargo.EUNAVAILABLE, "goods screening is not configured")
	}
	// The checker decodes the body itself (DecodeStrict), once.
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		return jsonError(err)
	}
	out, err := s.Goods.Check(r, raw)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) handleGoodsMeasures(w http.ResponseWriter, r *http.Request) error {
	if s.Goods == nil {
		return embargo.Errorf(embargo.EUNAVAILABLE, "goods screening is not configured")
	}
	out, err := s.Goods.Measures(r.URL.Query().Get("regime"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
