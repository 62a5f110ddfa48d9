package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"embargo"
	"embargo/audit"
	"embargo/httpapi"
	"embargo/natsbus"
)

func init() { commands = append(commands, newServeCmd) }

type serveFlags struct {
	addr       string
	threshold  float64
	maxBatch   int
	maxBody    int64
	timeout    time.Duration
	staleAfter time.Duration
	reload     time.Duration
	requireKey string
	noAudit    bool
	hsFile     string
	debugAddr  string
	memLimit   string
}

func newServeCmd(m *Main) *cobra.Command {
	var f serveFlags
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP JSON API, the yente-compatible /match and the web UI",
		Long: `Serve loads the latest stored lists (or the embedded demo subset), builds the
index, and serves the API and the web UI. /healthz answers at once; /readyz
once the index is built. New list versions (embargo update in another
process) are picked up every --reload-interval and swapped in atomically.

API keys: once any key exists (embargo keys create), every route needs one
unless --require-key=false; admin routes always need an admin key.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return m.serve(c.Context(), f) },
	}
	c.Flags().StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen address")
	c.Flags().Float64Var(&f.threshold, "threshold", 0, "default match threshold (0: the matcher's default)")
	c.Flags().IntVar(&f.maxBatch, "max-batch", 1000, "queries per /v1/screen request")
	c.Flags().Int64Var(&f.maxBody, "max-body", 4<<20, "request body limit in bytes")
	c.Flags().DurationVar(&f.timeout, "timeout", 30*time.Second, "per-request time limit")
	c.Flags().DurationVar(&f.staleAfter, "stale-after", 72*time.Hour, "answers say STALE when a list is older than this (0: never)")
	c.Flags().DurationVar(&f.reload, "reload-interval", time.Minute, "how often to look for new list versions in the store (0: never)")
	c.Flags().StringVar(&f.requireKey, "require-key", "auto", "auto (when any key exists), true or false")
	c.Flags().BoolVar(&f.noAudit, "no-audit", false, "do not keep the audit log (not for production)")
	c.Flags().StringVar(&f.hsFile, "hs-file", "", "HS nomenclature CSV for the goods routes (default: the embedded chapter table)")
	c.Flags().StringVar(&f.memLimit, "memory-limit", "auto", "the Go runtime's soft memory limit: auto (after each index swap, the memory held plus the larger of 40 % of the live heap and 32 MiB; GOMEMLIMIT wins when set), off, or a size such as 512MiB")
	c.Flags().StringVar(&f.debugAddr, "debug-addr", "", "serve Go's pprof profiles on this separate address (e.g. 127.0.0.1:6060; empty: off)")
	return c
}

func (m *Main) serve(ctx context.Context, f serveFlags) error {
	logger := slog.New(slog.NewTextHandler(m.Stderr, nil))
	keys, err := m.apiKeys(ctx)
	if err != nil {
		return err
	}
	cfg := httpapi.Config{Threshold: f.threshold, MaxBatch: f.maxBatch, MaxBody: f.maxBody, Timeout: f.timeout, StaleAfter: f.staleAfter}
	switch f.requireKey {
	case "true":
		cfg.RequireKey = true
	case "false":
	case "auto":
		ks, err := keys.List(ctx)
		if err != nil {
			return err
		}
		for _, k := range ks {
			cfg.RequireKey = cfg.RequireKey || !k.Revoked
		}
	default:
		return fmt.Errorf("%w: --require-key must be auto, true or false", errUsage)
	}
	mem, err := parseMemoryPolicy(f.memLimit)
	if err != nil {
		return err
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // as it was, when serve returns
	srv := httpapi.New(cfg)
	srv.Logger, srv.Keys, srv.Now = logger, keys, m.Now
	srv.Swapped = func(*httpapi.State) { mem.fit(logger) }
	if !f.noAudit {
		if srv.AuditLog, err = m.auditLog(ctx); err != nil {
			return err
		}
		srv.Audit = audit.NewWriter(srv.AuditLog, 4096, logger)
		defer srv.Audit.Close()
	}
	// Opened (created when missing) even on demo data: lists imported
	// while the server runs must have their history served after reload.
	if srv.Store, err = m.Store(ctx); err != nil {
		return err
	}
	srv.Reload = m.Catalog
	if srv.Goods, err = m.goodsChecker(srv, f.hsFile); err != nil {
		return err
	}

	if f.debugAddr != "" {
		if err := serveDebug(f.debugAddr, logger); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: f.timeout + 5*time.Second,
		WriteTimeout: f.timeout + 10*time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	addr := ln.Addr().String()
	if !cfg.RequireKey {
		logger.Warn("no API key required on screening routes; create one with 'embargo keys create --role screen'")
	}
	logger.Info("listening", "addr", "http://"+addr)
	if m.Listening != nil {
		m.Listening(addr)
	}

	// Watch for announcements before the first load: a version stored
	// after the watch starts kicks a reload, one stored before is loaded.
	kick := make(chan struct{}, 1)
	if m.NATSURL != "" {
		if err := m.watchLists(ctx, kick, logger); err != nil {
			// The store poll (--reload-interval) still finds new versions.
			logger.Warn("not watching list announcements; relying on the store poll", "err", err, "reload_interval", f.reload)
		}
	}
	if err := m.swapIn(ctx, srv, logger); err != nil {
		hs.Close()
		return err
	}
	go m.reloadLoop(ctx, srv, f.reload, kick, logger)

	select {
	case <-ctx.Done():
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return hs.Shutdown(shutdown)
}

// swapIn loads the catalog, builds the index and swaps it in.
func (m *Main) swapIn(ctx context.Context, srv *httpapi.Server, logger *slog.Logger) error {
	start := time.Now()
	cat, err := m.Catalog(ctx)
	if err != nil {
		return err
	}
	st := httpapi.NewState(cat, m.Now())
	srv.Swap(st) // and fits the memory (srv.Swapped)
	logger.Info("index ready", "entities", st.Index.Len(), "lists", len(cat.Versions), "demo", cat.Demo, "took", time.Since(start).Round(time.Millisecond))
	if cat.Demo {
		logger.Warn("screening against the embedded DEMO subset, not a compliance list: run 'embargo update' or 'embargo lists import'")
	}
	return nil
}

// watchLists kicks a reload whenever NATS announces a new list version.
// Announcements that come while a reload runs make one more reload.
func (m *Main) watchLists(ctx context.Context, kick chan<- struct{}, logger *slog.Logger) error {
	bus, err := m.Bus(ctx)
	if err != nil {
		return err
	}
	err = bus.Watch(ctx, func(a natsbus.Announcement) {
		logger.Info("list announced", "source", a.Source, "version", a.Version, "entities", a.Entities)
		select {
		case kick <- struct{}{}:
		default:
		}
	}, func(err error) { logger.Warn("nats", "err", err) })
	if err == nil {
		logger.Info("reloading on list announcements", "nats", m.NATSURL, "stream", natsbus.Stream)
	}
	return err
}

// reloadLoop swaps in new list versions found in the store, every
// interval (0: never) and whenever kick fires.
func (m *Main) reloadLoop(ctx context.Context, srv *httpapi.Server, every time.Duration, kick <-chan struct{}, logger *slog.Logger) {
	var tick <-chan time.Time
	if every > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		case <-kick:
		}
		s, err := m.existingStore(ctx)
		if err != nil || s == nil {
			continue
		}
		latest, err := s.Latest(ctx)
		if err != nil {
			logger.Error("reload: reading the store", "err", err)
			continue
		}
		if sameVersions(latest, srv.State().Catalog.Versions) {
			continue
		}
		if err := m.swapIn(ctx, srv, logger); err != nil {
			logger.Error("reload failed; keeping the current index", "err", err)
		}
	}
}

func sameVersions(a, b []embargo.ListVersion) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Source != b[i].Source || a[i].Version != b[i].Version {
			return false
		}
	}
	return true
}

// serveDebug serves net/http/pprof on its own listener, never on the API's.
func serveDebug(addr string, logger *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--debug-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	logger.Info("pprof", "addr", "http://"+ln.Addr().String()+"/debug/pprof/")
	go func() { _ = http.Serve(ln, mux) }()
	return nil
}
