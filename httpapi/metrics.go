package httpapi

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	indexSize prometheus.Gauge
}

func newMetrics(s *Server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "embargo_http_requests_total", Help: "HTTP requests by route and status code.",
	}, []string{"route", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "embargo_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
	}, []string{"route"})
	m.indexSize = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "embargo_index_entities", Help: "Entities in the screening index.",
	})
	listAge := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "embargo_oldest_list_age_seconds", Help: "Age of the oldest list in use (published date, else import time).",
	}, func() float64 {
		st := s.state.Load()
		if st == nil {
			return 0
		}
		var oldest time.Duration
		for _, v := range st.Catalog.Versions {
			if a := v.Age(s.Now()); a > oldest {
				oldest = a
			}
		}
		return oldest.Seconds()
	})
	auditBacklog := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "embargo_audit_backlog_records", Help: "Screening decisions submitted to the audit log and not stored yet.",
	}, func() float64 {
		if s.Audit == nil {
			return 0
		}
		return float64(s.Audit.Backlog())
	})
	auditFailures := prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "embargo_audit_append_failures_total", Help: "Audit log appends the database refused (the records are kept and retried).",
	}, func() float64 {
		if s.Audit == nil {
			return 0
		}
		return float64(s.Audit.Failures())
	})
	m.reg.MustRegister(m.requests, m.latency, m.indexSize, listAge, auditBacklog, auditFailures,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

// routeMetrics observes one route's requests as observe does, with the
// route's latency series and its count of 200s looked up once (on first
// use, so that a route never requested still has no series), not hashed
// by label values on every request.
type routeMetrics struct {
	m      *metrics
	route  string
	once   sync.Once
	ok     prometheus.Counter
	timing prometheus.Observer
}

func (m *metrics) route(name string) *routeMetrics { return &routeMetrics{m: m, route: name} }

func (r *routeMetrics) observe(code int, d time.Duration) {
	if code != http.StatusOK {
		r.m.observe(r.route, code, d)
		return
	}
	r.once.Do(func() {
		r.ok, r.timing = r.m.requests.WithLabelValues(r.route, "200"), r.m.latency.WithLabelValues(r.route)
	})
	r.ok.Inc()
	r.timing.Observe(d.Seconds())
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
