package httpapi

import (
	"context"
	"net/http"
	"strings"
	"time"

	"embargo"
	"embargo/apikey"
	"embargo/web"
)

// handlerFunc is an API handler that returns its error for fail to map.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

const (
	public = ""
	screen = apikey.RoleScreen
	admin  = apikey.RoleAdmin
)

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	route := func(pattern, role string, h handlerFunc) {
		name := pattern[strings.IndexByte(pattern, ' ')+1:]
		mux.Handle(pattern, s.api(name, role, h))
	}
	route("POST /v1/screen", screen, s.handleScreen)
	route("GET /v1/search", screen, s.handleSearch)
	route("GET /v1/entities/{id}", screen, s.handleEntity)
	route("POST /v1/compare", screen, s.handleCompare)
	route("GET /v1/lists", screen, s.handleLists)
	route("GET /v1/lists/{source}/versions", screen, s.handleVersions)
	route("GET /v1/lists/{source}/diff", screen, s.handleDiff)
	route("POST /match/{dataset}", screen, s.handleMatch)
	route("POST /v1/goods/check", screen, s.handleGoodsCheck)
	route("GET /v1/goods/measures", screen, s.handleGoodsMeasures)
	route("GET /v1/analysis/coverage", screen, s.handleCoverage)
	route("GET /v1/audit", admin, s.handleAudit)
	route("POST /v1/admin/reload", admin, s.handleReload)
	route("GET /v1/status", public, s.handleStatus)

	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		st := s.state.Load()
		if st == nil {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "building index"})
			return
		}
		if s.Audit != nil && s.Audit.Err() != nil {
			// Screening decisions are queued, not stored: send traffic to
			// another instance (the details are in the server's log).
			writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "audit log cannot be written", "audit_backlog": s.Audit.Backlog()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"status": "ready", "entities": st.Index.Len(), "demo": st.Catalog.Demo})
	})
	mux.Handle("GET /metrics", s.metrics.handler())
	mux.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(OpenAPI)
	})
	mux.Handle("GET /", web.Handler())
	return s.withRequestID(mux)
}

// withRequestID gives every request an id (echoed in X-Request-ID).
func (s *Server) withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := newRequestID()
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), keyRequestID, id)))
	})
}

// api wraps a handler with authentication, a time limit, metrics and the
// error table.
func (s *Server) api(name, role string, h handlerFunc) http.Handler {
	obs := s.metrics.route(name)
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		defer func() { obs.observe(rec.code, time.Since(start)) }()
		ctx, err := s.authenticate(r, role)
		if err != nil {
			s.fail(rec, r, err)
			return
		}
		ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		if err := h(rec, r); err != nil {
			if ctx.Err() != nil && embargo.ErrorKind(err) == embargo.EINTERNAL {
				err = embargo.Errorf(embargo.EUNAVAILABLE, "the request took longer than %s", s.cfg.Timeout)
			}
			s.fail(rec, r, err)
		}
	})
	return inner
}

// authenticate checks the API key a route needs: admin routes always need
// an admin key; other routes need a key when RequireKey is set.
func (s *Server) authenticate(r *http.Request, role string) (context.Context, error) {
	ctx := r.Context()
	if role == public || (role == screen && !s.cfg.RequireKey) {
		if k, err := s.keyOf(r); err == nil && k != nil {
			ctx = context.WithValue(ctx, keyAPIKey, *k)
		}
		return ctx, nil
	}
	k, err := s.keyOf(r)
	if err != nil {
		return nil, err
	}
	if k == nil {
		return nil, embargo.Errorf(embargo.EUNAUTH, "this route needs an API key (Authorization: Bearer KEY)")
	}
	if !k.Allows(role) {
		return nil, embargo.Errorf(embargo.EFORBIDDEN, "this route needs a key with role %q", role)
	}
	return context.WithValue(ctx, keyAPIKey, *k), nil
}

// keyOf returns the key a request presents (nil when none).
func (s *Server) keyOf(r *http.Request) (*apikey.Key, error) {
	token := r.Header.Get("X-API-Key")
	if a := r.Header.Get("Authorization"); token == "" && a != "" {
		scheme, rest, _ := strings.Cut(a, " ")
		if strings.EqualFold(scheme, "Bearer") || strings.EqualFold(scheme, "ApiKey") {
			token = strings.TrimSpace(rest)
		}
	}
	if token == "" {
		return nil, nil
	}
	if s.Keys == nil {
		return nil, embargo.Errorf(embargo.EUNAUTH, "API keys are not configured on this server")
	}
	k, err := s.Keys.Check(r.Context(), token)
	if err != nil {
		return nil, err
	}
	return &k, nil
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}
