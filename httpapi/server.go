// Package httpapi serves embargo over HTTP: the JSON API (/v1/...), the
// yente-compatible /match, health, metrics, OpenAPI, and the web UI. It
// holds the screening state behind an atomic pointer so that a reload swaps
// a fully built index in while requests continue.
package httpapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"embargo"
	"embargo/analysis"
	"embargo/apikey"
	"embargo/audit"
	"embargo/match"
)

// Config is set by cmd from flags; library code reads no environment.
type Config struct {
	Threshold  float64       // default screening threshold
	Limit      int           // default number of hits
	MaxBatch   int           // queries per /v1/screen request (default 1000)
	MaxBody    int64         // request body bytes (default 4 MiB)
	Timeout    time.Duration // per request (default 30 s)
	StaleAfter time.Duration // a list older than this makes answers say "stale" (0: never)
	// RequireKey makes every /v1 and /match route need an API key. Admin
	// routes always need an admin key.
	RequireKey bool
}

func (c *Config) defaults() {
	if c.Threshold == 0 {
		c.Threshold = match.DefaultOptions().Threshold
	}
	if c.Limit == 0 {
		c.Limit = 10
	}
	if c.MaxBatch == 0 {
		c.MaxBatch = 1000
	}
	if c.MaxBody == 0 {
		c.MaxBody = 4 << 20
	}
	if c.Timeout == 0 {
		c.Timeout = 30 * time.Second
	}
}

// State is one immutable screening state: a catalog and its index.
type State struct {
	Catalog *embargo.Catalog
	Index   *match.Index
	Built   time.Time
	byID    map[string]*embargo.Entity
	// versionsJSON is what the audit log records as the versions used:
	// the same for every request on this state, so encoded once.
	versionsJSON json.RawMessage
	lists        []listInfo // each list's version, publication and import, for every answer

	reportsMu sync.Mutex // coverage reports computed on this state, by options
	reports   map[string]*analysis.Report
}

// NewState builds the index of a catalog.
func NewState(cat *embargo.Catalog, now time.Time) *State {
	st := &State{Catalog: cat, Index: match.NewIndex(cat.Entities), Built: now, byID: make(map[string]*embargo.Entity, len(cat.Entities))}
	for i := range cat.Entities {
		st.byID[cat.Entities[i].ID] = &cat.Entities[i]
	}
	st.versionsJSON = audit.Versions(cat.Demo, cat.Versions)
	st.lists = listInfos(cat.Versions)
	return st
}

// Server is the HTTP service.
type Server struct {
	cfg      Config
	state    atomic.Pointer[State]
	Store    embargo.Store                                       // versions, diffs, history; may be nil (demo only)
	Keys     *apikey.Keys                                        // nil: no keys configured
	Audit    *audit.Writer                                       // nil: no audit log
	AuditLog *audit.Log                                          // for GET /v1/audit
	Goods    GoodsChecker                                        // nil: goods routes answer 503
	Reload   func(ctx context.Context) (*embargo.Catalog, error) // for POST /v1/admin/reload
	// Swapped, if set, runs after every Swap (the command fits the
	// process's memory to the new index there).
	Swapped func(*State)
	Logger  *slog.Logger
	Now     func() time.Time

	metrics *metrics
	handler http.Handler
	// staleNotice is the notice of an answer on a stale list, the same
	// for every answer (formatted once: every answer on lists older than
	// StaleAfter carries it).
	staleNotice string
}

// New returns a server; Swap must be called before it is ready.
func New(cfg Config) *Server {
	cfg.defaults()
	s := &Server{cfg: cfg, Logger: slog.Default(), Now: time.Now,
		staleNotice: fmt.Sprintf("STALE: at least one list is older than %s; update the lists (embargo update)", cfg.StaleAfter)}
	s.metrics = newMetrics(s)
	s.handler = s.routes()
	return s
}

// Config returns the server's configuration with defaults applied.
func (s *Server) Config() Config { return s.cfg }

// Swap installs a new state atomically; requests in flight keep the old one.
func (s *Server) Swap(st *State) {
	s.state.Store(st)
	s.metrics.indexSize.Set(float64(st.Index.Len()))
	if s.Swapped != nil {
		s.Swapped(st)
	}
}

// State returns the current state, nil before the first Swap.
func (s *Server) State() *State { return s.state.Load() }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ctxKey keys request-scoped values.
type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyAPIKey
)

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(keyRequestID).(string)
	return id
}

func apiKeyID(ctx context.Context) string {
	if k, ok := ctx.Value(keyAPIKey).(apikey.Key); ok {
		return k.ID
	}
	return ""
}

func newRequestID() string {
	var b [8]byte
	var h [16]byte
	_, _ = rand.Read(b[:])
	hex.Encode(h[:], b[:])
	return string(h[:])
}

// statusOf is the one table from error kinds to HTTP status codes.
var statusOf = map[string]int{
	embargo.EINVALID:     http.StatusBadRequest,
	embargo.ENOTFOUND:    http.StatusNotFound,
	embargo.ECONFLICT:    http.StatusConflict,
	embargo.EUNAUTH:      http.StatusUnauthorized,
	embargo.EFORBIDDEN:   http.StatusForbidden,
	embargo.ETOOLARGE:    http.StatusRequestEntityTooLarge,
	embargo.EUNAVAILABLE: http.StatusServiceUnavailable,
	embargo.EINTERNAL:    http.StatusInternalServerError,
}

// errorBody is every error response.
type errorBody struct {
	Error     string `json:"error"`
	Kind      string `json:"kind"`
	RequestID string `json:"request_id"`
}

// fail writes err: users see its message (or "internal error" and the
// request id); the log sees the cause.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	kind := embargo.ErrorKind(err)
	code, ok := statusOf[kind]
	if !ok {
		code = http.StatusInternalServerError
	}
	id := requestID(r.Context())
	if code >= 500 && code != http.StatusServiceUnavailable {
		s.Logger.Error("request failed", "request_id", id, "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, code, errorBody{Error: embargo.ErrorMessage(err), Kind: kind, RequestID: id})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// decode reads a JSON body strictly: unknown fields and trailing data are
// errors naming the field; the body is limited to MaxBody.
func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) error {
	return decodeStrict(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody), v)
}

// DecodeStrict decodes JSON into v as the API decodes request bodies:
// unknown fields, wrong types and trailing data are EINVALID errors naming
// the field. Adapters (the goods routes) use it for the bodies they own.
func DecodeStrict(body []byte, v any) error { return decodeStrict(bytes.NewReader(body), v) }

func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if tooBig := (*http.MaxBytesError)(nil); errors.As(err, &tooBig) {
			return jsonError(err)
		}
		return embargo.FieldError("body", "unexpected data after the JSON value")
	}
	return nil
}

func jsonError(err error) error {
	var tooBig *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &tooBig):
		return &embargo.Error{Kind: embargo.ETOOLARGE, Field: "body", Message: fmt.Sprintf("larger than %d bytes", tooBig.Limit)}
	case errors.As(err, &typeErr):
		field := strings.TrimPrefix(typeErr.Field, "screenQuery.")
		if field == "" {
			field = "body"
		}
		return embargo.FieldError(field, "want %s, got JSON %s", typeErr.Type, typeErr.Value)
	case errors.As(err, &syntaxErr):
		return embargo.FieldError("body", "malformed JSON at byte %d: %v", syntaxErr.Offset, err)
	case errors.Is(err, io.EOF):
		return embargo.FieldError("body", "empty body; want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return embargo.FieldError("body", "truncated JSON")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return embargo.FieldError(name, "unknown field")
	}
	var ee *embargo.Error
	if errors.As(err, &ee) {
		return ee
	}
	return embargo.FieldError("body", "%v", err)
}

// ready returns the current state or EUNAVAILABLE while the index is built.
func (s *Server) ready() (*State, error) {
	st := s.state.Load()
	if st == nil {
		return nil, embargo.Errorf(embargo.EUNAVAILABLE, "the index is being built; try again shortly")
	}
	return st, nil
}
