package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"embargo"
	"embargo/audit"
	"embargo/country"
	"embargo/match"
)

// screenQuery is one party to screen, as the API takes it.
type screenQuery struct {
	ID          string               `json:"id,omitempty"`
	Name        string               `json:"name,omitempty"`
	Names       []string             `json:"names,omitempty"`
	Schema      string               `json:"schema,omitempty"`
	BirthDate   string               `json:"birth_date,omitempty"`
	Country     string               `json:"country,omitempty"`
	Countries   []string             `json:"countries,omitempty"`
	Gender      string               `json:"gender,omitempty"`
	Identifiers []embargo.Identifier `json:"identifiers,omitempty"`
	// ExcludeIDs are entities a reviewer has cleared for this party (false
	// positives decided): left out, the next candidates take their places.
	// The audit record keeps them.
	ExcludeIDs []string `json:"exclude_ids,omitempty"`
}

// screenRequest is one query (its fields at the top level) or a batch.
type screenRequest struct {
	screenQuery
	Queries   []screenQuery `json:"queries,omitempty"`
	Threshold *float64      `json:"threshold,omitempty"`
	Limit     int           `json:"limit,omitempty"`
	Sources   []string      `json:"sources,omitempty"`
}

// A query's names: at most maxNames of at most maxName bytes each (the
// matcher reads no more, and the work grows with their length).
const (
	maxName  = 500
	maxNames = match.MaxNames
)

// toQuery validates a query; field errors name the field as "queries[3].birth_date".
func (q screenQuery) toQuery(prefix string) (embargo.Query, error) {
	out := embargo.Query{Name: strings.TrimSpace(q.Name), Names: q.Names, Gender: strings.ToLower(q.Gender)}
	if out.Name == "" && len(q.Identifiers) == 0 {
		return out, embargo.FieldError(prefix+"name", "a name or an identifier is required")
	}
	if len(out.Name) > maxName {
		return out, embargo.FieldError(prefix+"name", "longer than %d bytes", maxName)
	}
	if len(q.Names) > maxNames {
		return out, embargo.FieldError(prefix+"names", "more than %d names", maxNames)
	}
	for i, n := range q.Names {
		if len(n) > maxName {
			return out, embargo.FieldError(fmt.Sprintf("%snames[%d]", prefix, i), "longer than %d bytes", maxName)
		}
	}
	if q.Schema != "" {
		sc, ok := embargo.ParseSchema(q.Schema)
		if !ok {
			return out, embargo.FieldError(prefix+"schema", "unknown schema %q (want person, organization, vessel or aircraft)", q.Schema)
		}
		out.Schema = sc
	}
	if q.BirthDate != "" {
		d, err := embargo.ParseDate(q.BirthDate)
		if err != nil {
			return out, embargo.FieldError(prefix+"birth_date", "%v", err)
		}
		out.BirthDate = d
	}
	cs := q.Countries
	if q.Country != "" {
		cs = append([]string{q.Country}, cs...)
	}
	for i, c := range cs {
		code, ok := country.Code(c)
		if !ok {
			return out, embargo.FieldError(fmt.Sprintf("%scountries[%d]", prefix, i), "unknown country %q", c)
		}
		out.Countries = append(out.Countries, code)
	}
	for i, id := range q.Identifiers {
		if strings.TrimSpace(id.Value) == "" {
			return out, embargo.FieldError(fmt.Sprintf("%sidentifiers[%d].value", prefix, i), "empty identifier")
		}
	}
	out.Identifiers = q.Identifiers
	return out, nil
}

// listInfo tells a client which list version an answer used and how old it is.
type listInfo struct {
	Source    string  `json:"source"`
	Version   int64   `json:"version"`
	Published string  `json:"published,omitempty"`
	Imported  string  `json:"imported_at,omitempty"`
	AgeDays   float64 `json:"age_days"`
	Stale     bool    `json:"stale"`
}

// answerMeta goes with every screening answer.
type answerMeta struct {
	RequestID  string     `json:"request_id"`
	Threshold  float64    `json:"threshold"`
	Demo       bool       `json:"demo"`
	Notice     string     `json:"notice,omitempty"`
	Stale      bool       `json:"stale"`
	Lists      []listInfo `json:"lists"`
	IndexBuilt time.Time  `json:"index_built"`
}

// listInfos are the parts of each list's info that do not change with
// time, rendered once per state.
func listInfos(vs []embargo.ListVersion) []listInfo {
	out := make([]listInfo, len(vs))
	for i, v := range vs {
		out[i] = listInfo{Source: v.Source, Version: v.Version, Published: v.Published.String()}
		if !v.ImportedAt.IsZero() {
			out[i].Imported = v.ImportedAt.UTC().Format(time.RFC3339)
		}
	}
	return out
}

const demoNotice = "screened against the embedded DEMO subset of real designations, not a compliance list: import or update the official lists"

func (s *Server) meta(r *http.Request, st *State, threshold float64) answerMeta {
	m := answerMeta{RequestID: requestID(r.Context()), Threshold: threshold, Demo: st.Catalog.Demo, IndexBuilt: st.Built, Lists: []listInfo{}}
	now := s.Now()
	m.Lists = slices.Clone(st.lists)
	for i, v := range st.Catalog.Versions {
		li := &m.Lists[i]
		li.AgeDays = float64(int(v.Age(now).Hours()/24*10)) / 10
		if s.cfg.StaleAfter > 0 && v.Age(now) > s.cfg.StaleAfter {
			li.Stale, m.Stale = true, true
		}
	}
	switch {
	case m.Demo:
		m.Notice = demoNotice
	case m.Stale:
		m.Notice = s.staleNotice
	}
	return m
}

type screenResult struct {
	ID      string          `json:"id,omitempty"`
	Query   embargo.Query   `json:"query"`
	Matches []embargo.Match `json:"matches"`
}

type screenResponse struct {
	answerMeta
	Results []screenResult `json:"results"`
}

func (s *Server) options(threshold *float64, limit int, sources []string) (match.Options, error) {
	opt := match.DefaultOptions()
	opt.Threshold, opt.Limit, opt.Sources = s.cfg.Threshold, s.cfg.Limit, sources
	if threshold != nil {
		if *threshold < 0 || *threshold > 1 {
			return opt, embargo.FieldError("threshold", "must be between 0 and 1")
		}
		opt.Threshold = *threshold
	}
	if limit < 0 || limit > 500 {
		return opt, embargo.FieldError("limit", "must be between 1 and 500")
	}
	if limit > 0 {
		opt.Limit = limit
	}
	return opt, nil
}

// checkBatch refuses more queries in one request than MaxBatch.
func (s *Server) checkBatch(n int) error {
	if n > s.cfg.MaxBatch {
		return &embargo.Error{Kind: embargo.ETOOLARGE, Field: "queries", Message: fmt.Sprintf("%d queries; the limit is %d per request", n, s.cfg.MaxBatch)}
	}
	return nil
}

func (s *Server) handleScreen(w http.ResponseWriter, r *http.Request) error {
	st, err := s.ready()
	if err != nil {
		return err
	}
	var req screenRequest
	if err := s.decodeScreen(w, r, &req); err != nil {
		return err
	}
	opt, err := s.options(req.Threshold, req.Limit, req.Sources)
	if err != nil {
		return err
	}
	qs, batch := req.Queries, true
	if len(qs) == 0 {
		qs, batch = []screenQuery{req.screenQuery}, false
	} else if req.Name != "" || len(req.screenQuery.Identifiers) > 0 {
		return embargo.FieldError("queries", "give either one query at the top level or a queries array, not both")
	} else if len(req.ExcludeIDs) > 0 {
		return embargo.FieldError("exclude_ids", "in a batch, give exclude_ids with each query")
	}
	if err := s.checkBatch(len(qs)); err != nil {
		return err
	}
	resp := screenResponse{answerMeta: s.meta(r, st, opt.Threshold), Results: make([]screenResult, len(qs))}
	for i, sq := range qs {
		field := ""
		if batch {
			field = fmt.Sprintf("queries[%d].", i)
		}
		q, err := sq.toQuery(field)
		if err != nil {
			return err
		}
		if err := r.Context().Err(); err != nil {
			return embargo.Errorf(embargo.EUNAVAILABLE, "the request took longer than %s", s.cfg.Timeout)
		}
		qopt := opt
		qopt.ExcludeIDs = sq.ExcludeIDs
		ms := st.Index.Screen(q, qopt)
		if ms == nil {
			ms = []embargo.Match{}
		}
		resp.Results[i] = screenResult{ID: sq.ID, Query: q, Matches: ms}
		// The record's query is the query, plus what was excluded, if
		// anything: json.Marshal's struct{embargo.Query; ExcludeIDs
		// []string `json:"exclude_ids,omitempty"`}, written by hand.
		if s.Audit != nil {
			qj := appendAuditQuery(make([]byte, 0, 32+len(q.Name)), &q, sq.ExcludeIDs)
			s.submitAudit(r, st, "screen", qj, opt.Threshold, ms)
		}
	}
	// Audited before answered, as before: every record is queued before
	// the answer is written.
	buf := getBuf()
	body, ok := appendScreenResponse(*buf, &resp)
	if ok {
		writeBody(w, http.StatusOK, body)
	} else {
		writeJSON(w, http.StatusOK, resp)
	}
	*buf = body
	putBuf(buf)
	return nil
}

// audit records one screening decision, when an audit log is configured.
func (s *Server) audit(r *http.Request, st *State, kind string, q any, threshold float64, ms []embargo.Match) {
	if s.Audit == nil {
		return
	}
	qj, _ := json.Marshal(q)
	s.submitAudit(r, st, kind, qj, threshold, ms)
}

// submitAudit queues the record of one decision whose query is encoded as
// qj, by json.Marshal or as json.Marshal would: the record's JSON is all
// encoded here, so the audit writer does not validate it again.
func (s *Server) submitAudit(r *http.Request, st *State, kind string, qj []byte, threshold float64, ms []embargo.Match) {
	s.Audit.SubmitEncoded(audit.Record{RequestID: requestID(r.Context()), KeyID: apiKeyID(r.Context()), Kind: kind,
		Query: qj, Versions: st.versionsJSON, Threshold: threshold, Hits: audit.Hits(ms)})
}

type searchResponse struct {
	answerMeta
	Total   int             `json:"total"`
	Offset  int             `json:"offset"`
	Limit   int             `json:"limit"`
	Results []embargo.Match `json:"results"`
}

// handleSearch is the analysts' free-text name search, paged and filtered.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	st, err := s.ready()
	if err != nil {
		return err
	}
	v := r.URL.Query()
	q := strings.TrimSpace(v.Get("q"))
	if q == "" {
		return embargo.FieldError("q", "a search text is required")
	}
	limit, err := intParam(v.Get("limit"), 20, 1, 200, "limit")
	if err != nil {
		return err
	}
	offset, err := intParam(v.Get("offset"), 0, 0, 1000, "offset")
	if err != nil {
		return err
	}
	query := embargo.Query{Name: q}
	if sc := v.Get("schema"); sc != "" {
		schema, ok := embargo.ParseSchema(sc)
		if !ok {
			return embargo.FieldError("schema", "unknown schema %q", sc)
		}
		query.Schema = schema
	}
	opt := match.DefaultOptions()
	opt.Threshold, opt.Limit = 0.5, 1200
	if src := v.Get("source"); src != "" {
		opt.Sources = strings.Split(src, ",")
	}
	ms := st.Index.Screen(query, opt)
	if regime := strings.ToUpper(v.Get("regime")); regime != "" {
		kept := ms[:0]
		for _, m := range ms {
			if e := st.byID[m.EntityID]; e != nil && hasRegime(e, regime) {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	resp := searchResponse{answerMeta: s.meta(r, st, opt.Threshold), Total: len(ms), Offset: offset, Limit: limit, Results: []embargo.Match{}}
	if offset < len(ms) {
		resp.Results = ms[offset:min(len(ms), offset+limit)]
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func hasRegime(e *embargo.Entity, regime string) bool {
	for _, d := range e.Designations {
		if strings.EqualFold(d.Program, regime) || strings.EqualFold(d.SourceProgram, regime) {
			return true
		}
	}
	return false
}

func intParam(s string, def, lo, hi int, name string) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, embargo.FieldError(name, "must be a whole number from %d to %d", lo, hi)
	}
	return n, nil
}

type historyEntry struct {
	Source    string   `json:"source"`
	Version   int64    `json:"version"`
	Published string   `json:"published,omitempty"`
	Imported  string   `json:"imported_at"`
	Change    string   `json:"change"` // "listed", "changed", "unchanged"
	Fields    []string `json:"fields,omitempty"`
}

type entityResponse struct {
	Entity  *embargo.Entity `json:"entity"`
	Current bool            `json:"current"` // in the lists screened now
	Demo    bool            `json:"demo"`
	History []historyEntry  `json:"history"`
}

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) error {
	st, err := s.ready()
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	resp := entityResponse{Entity: st.byID[id], Current: st.byID[id] != nil, Demo: st.Catalog.Demo, History: []historyEntry{}}
	if s.Store != nil {
		hist, err := s.Store.History(r.Context(), id)
		if err != nil && embargo.ErrorKind(err) != embargo.ENOTFOUND {
			return err
		}
		resp.History = summarize(hist)
		if n := len(hist); n > 0 {
			latest := hist[n-1].Entity
			switch {
			case resp.Entity == nil:
				resp.Entity = &latest
			default:
				// The index holds entities without what only display
				// needs (original record, remarks, addresses): the store
				// keeps them, in the version being screened against.
				resp.Entity = displayed(resp.Entity, hist, st.Catalog.Versions)
			}
		}
	}
	if resp.Entity == nil {
		return embargo.Errorf(embargo.ENOTFOUND, "no entity %q in any list version held", id)
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// displayed is the stored version of e that the index was built from, in
// full; or e with the latest stored record when that version is gone.
func displayed(e *embargo.Entity, hist []embargo.EntityVersion, served []embargo.ListVersion) *embargo.Entity {
	for _, v := range served {
		if v.Source != e.Source {
			continue
		}
		for i := range hist {
			if hist[i].Version.Source == v.Source && hist[i].Version.Version == v.Version {
				return &hist[i].Entity
			}
		}
	}
	if e.Record != "" {
		return e
	}
	c := *e
	c.Record = hist[len(hist)-1].Entity.Record
	return &c
}

// summarize turns an entity's versions into what changed at each.
func summarize(hist []embargo.EntityVersion) []historyEntry {
	out := []historyEntry{}
	var prev map[string]json.RawMessage
	for _, h := range hist {
		cur := fieldsOf(h.Entity)
		e := historyEntry{Source: h.Version.Source, Version: h.Version.Version, Published: h.Version.Published.String(),
			Imported: h.Version.ImportedAt.UTC().Format(time.RFC3339), Change: "listed"}
		if prev != nil {
			e.Change = "unchanged"
			for k, v := range cur {
				if string(prev[k]) != string(v) {
					e.Fields = append(e.Fields, k)
				}
			}
			for k := range prev {
				if _, ok := cur[k]; !ok {
					e.Fields = append(e.Fields, k)
				}
			}
			sort.Strings(e.Fields)
			if len(e.Fields) > 0 {
				e.Change = "changed"
			}
		}
		out = append(out, e)
		prev = cur
	}
	return out
}

func fieldsOf(e embargo.Entity) map[string]json.RawMessage {
	e.Record = ""
	b, _ := json.Marshal(e)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	return m
}

type compareRequest struct {
	Name1  string `json:"name1"`
	Name2  string `json:"name2"`
	Schema string `json:"schema,omitempty"`
}

func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) error {
	var req compareRequest
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	if strings.TrimSpace(req.Name1) == "" {
		return embargo.FieldError("name1", "required")
	}
	if strings.TrimSpace(req.Name2) == "" {
		return embargo.FieldError("name2", "required")
	}
	var schema embargo.Schema
	if req.Schema != "" {
		sc, ok := embargo.ParseSchema(req.Schema)
		if !ok {
			return embargo.FieldError("schema", "unknown schema %q", req.Schema)
		}
		schema = sc
	}
	st, err := s.ready()
	if err != nil {
		return err
	}
	// Words weigh by their rarity in the lists screened against, as in
	// /v1/screen, unless those are only the demo subset.
	m := match.CompareNames(req.Name1, req.Name2, schema)
	if !st.Catalog.Demo {
		m = st.Index.CompareNames(req.Name1, req.Name2, schema)
	}
	m.Matched = m.Score >= s.cfg.Threshold
	writeJSON(w, http.StatusOK, map[string]any{"request_id": requestID(r.Context()), "threshold": s.cfg.Threshold, "result": m})
	return nil
}
