// Package server serves followmatch decisions over HTTP/JSON for other
// tools: POST /v1/match, PUT|GET|DELETE /v1/listings/{id}, GET /healthz,
// GET /openapi.json and GET /metrics (Prometheus text format). Every error
// answers a JSON body {"error": "..."} with a 4xx or 5xx status.
package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/match"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

//go:embed openapi.json
var openapiJSON []byte

// Options bound what one request may cost.
type Options struct {
	// MaxBody is the largest request body, in bytes (413 beyond).
	MaxBody int64
	// MaxBatch is the most offers one match request may carry (413 beyond).
	MaxBatch int
	// Timeout bounds one request's work (503 beyond).
	Timeout time.Duration
	// Token, when set, is the bearer token every request but GET /healthz
	// and GET /openapi.json must carry (401 without it).
	Token string
}

// DefaultOptions: 1 MiB bodies, 100 offers per request, 10 s per request.
func DefaultOptions() Options {
	return Options{MaxBody: 1 << 20, MaxBatch: 100, Timeout: 10 * time.Second}
}

// Server holds the handlers; build one with New.
type Server struct {
	eng     *followmatch.Engine
	opts    Options
	mux     *http.ServeMux
	routes  []route
	reg     *prometheus.Registry
	reqs    *prometheus.CounterVec
	latency *prometheus.HistogramVec
	decided *prometheus.CounterVec
}

// New returns a server over an engine.
func New(eng *followmatch.Engine, opts Options) *Server {
	s := &Server{eng: eng, opts: opts, mux: http.NewServeMux(), reg: prometheus.NewRegistry()}
	s.reqs = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "followmatch_http_requests_total", Help: "HTTP requests by route and status code.",
	}, []string{"route", "code"})
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "followmatch_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: []float64{.001, .002, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 10},
	}, []string{"route"})
	s.decided = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "followmatch_decisions_total", Help: "Match decisions by value.",
	}, []string{"decision"})
	s.reg.MustRegister(s.reqs, s.latency, s.decided, prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))

	s.routes = []route{
		{pattern: "POST /v1/match", summary: "Decide one offer or a batch of offers", serve: s.match},
		{pattern: "PUT /v1/listings/{id}", summary: "Add or replace a listing; the next match sees it", serve: s.putListing},
		{pattern: "GET /v1/listings/{id}", summary: "Read a listing", serve: s.getListing},
		{pattern: "DELETE /v1/listings/{id}", summary: "Remove a listing", serve: s.deleteListing},
		{pattern: "GET /healthz", summary: "Liveness, with the number of listings", public: true, serve: s.health},
		{pattern: "GET /openapi.json", summary: "This document", public: true, serve: func(w http.ResponseWriter, r *http.Request) error {
			w.Header().Set("Content-Type", "application/json")
			_, err := w.Write(openapiJSON)
			return err
		}},
		{pattern: "GET /metrics", summary: "Prometheus metrics: requests, latencies, decisions", handler: promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{})},
	}
	for _, rt := range s.routes {
		h := rt.handler
		if rt.serve != nil {
			h = s.wrap(rt.pattern, rt.serve)
		}
		if !rt.public {
			h = s.authorize(h)
		}
		s.mux.Handle(rt.pattern, h)
	}
	return s
}

// route is one entry of the server's route table: what the mux registers
// and what openapi.json documents (a test holds the two equal).
type route struct {
	pattern string // "METHOD /path", as http.ServeMux takes it
	summary string // the operation's summary in openapi.json
	// public routes need no token.
	public bool
	// serve is a handler given the request limits, JSON errors and
	// metrics (wrap); handler one served as it is.
	serve   func(http.ResponseWriter, *http.Request) error
	handler http.Handler
}

// authorize requires the bearer token, when the server has one. The
// comparison takes the same time whatever the token sent.
func (s *Server) authorize(h http.Handler) http.Handler {
	if s.opts.Token == "" {
		return h
	}
	want := sha256.Sum256([]byte(s.opts.Token))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		sum := sha256.Sum256([]byte(strings.TrimSpace(got)))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="followmatch"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong bearer token (Authorization: Bearer TOKEN)")
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Handler returns the HTTP handler. A request no route takes gets the
// mux's status (404, or 405 with Allow) with a JSON error body.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := s.mux.Handler(r)
		if pattern != "" {
			s.mux.ServeHTTP(w, r)
			return
		}
		probe := &probeWriter{header: http.Header{}, code: http.StatusNotFound}
		h.ServeHTTP(probe, r)
		if allow := probe.header.Get("Allow"); allow != "" {
			w.Header().Set("Allow", allow)
		}
		if loc := probe.header.Get("Location"); loc != "" && probe.code >= 300 && probe.code < 400 {
			// The mux's answer to a path that is not clean ("/v1/../x").
			w.Header().Set("Location", loc)
			writeError(w, probe.code, "see "+loc)
			return
		}
		msg := fmt.Sprintf("no route %s %s", r.Method, r.URL.Path)
		if probe.code == http.StatusMethodNotAllowed {
			msg = fmt.Sprintf("%s does not take %s (allowed: %s)", r.URL.Path, r.Method, probe.header.Get("Allow"))
		}
		writeError(w, probe.code, msg)
	})
}

// probeWriter records what the mux's fallback handler would answer.
type probeWriter struct {
	header http.Header
	code   int
}

func (p *probeWriter) Header() http.Header         { return p.header }
func (p *probeWriter) Write(b []byte) (int, error) { return len(b), nil }
func (p *probeWriter) WriteHeader(code int)        { p.code = code }

// httpError is an error with its status code.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &httpError{status, fmt.Sprintf(format, args...)}
}

// statusWriter remembers the status code for the metrics.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// wrap gives a handler the request limits, panic recovery, JSON errors and
// metrics.
func (s *Server) wrap(pattern string, h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				writeError(sw, http.StatusInternalServerError, fmt.Sprintf("internal error: %v", p))
			}
			s.reqs.WithLabelValues(pattern, strconv.Itoa(sw.code)).Inc()
			s.latency.WithLabelValues(pattern).Observe(time.Since(start).Seconds())
		}()
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(sw, r.Body, s.opts.MaxBody)
		if r.Method == http.MethodPost || r.Method == http.MethodPut {
			// A JSON body only: a browser cannot send one across sites
			// without a CORS preflight, which this server never grants.
			if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
				writeError(sw, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q: want application/json", r.Header.Get("Content-Type")))
				return
			}
		}
		if err := h(sw, r); err != nil {
			var he *httpError
			var mbe *http.MaxBytesError
			switch {
			case errors.As(err, &he):
				writeError(sw, he.status, he.msg)
			case errors.As(err, &mbe):
				writeError(sw, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", s.opts.MaxBody))
			case errors.Is(err, context.DeadlineExceeded):
				writeError(sw, http.StatusServiceUnavailable, fmt.Sprintf("request took longer than %s", s.opts.Timeout))
			default:
				writeError(sw, http.StatusInternalServerError, err.Error())
			}
		}
	})
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func readBody(r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, errorf(http.StatusBadRequest, "read body: %v", err)
	}
	return b, nil
}

// matchRequest is a decoded POST /v1/match body.
type matchRequest struct {
	Offers []*match.Record
	Seller *match.Seller
	// Single is set when the body was one offer: the answer is one result.
	Single bool
}

// decodeMatchRequest reads a match body: one offer object, an array of
// offers, or {"offer": {...}} / {"offers": [...]} with an optional
// "seller". Errors are *httpError with the status to answer: 400 for what
// is not JSON of that shape, 413 for too many offers, 422 for an offer or
// seller whose fields are wrong.
func decodeMatchRequest(body []byte, maxBatch int) (matchRequest, error) {
	var req matchRequest
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return req, errorf(http.StatusBadRequest, "body is not JSON: %v", err)
	}
	if dec.More() {
		return req, errorf(http.StatusBadRequest, "body holds more than one JSON value")
	}
	var offers []any
	switch x := v.(type) {
	case []any:
		offers = x
	case map[string]any:
		_, hasOffers := x["offers"]
		_, hasOffer := x["offer"]
		if !hasOffers && !hasOffer {
			offers, req.Single = []any{x}, true
			break
		}
		for k := range x {
			if k != "offers" && k != "offer" && k != "seller" {
				return req, errorf(http.StatusUnprocessableEntity, "unknown key %q beside offers (want offer or offers, and seller)", k)
			}
		}
		if hasOffer {
			offers, req.Single = []any{x["offer"]}, true
		}
		if hasOffers {
			list, ok := x["offers"].([]any)
			if !ok || hasOffer {
				return req, errorf(http.StatusBadRequest, `"offers" must be an array (and without "offer")`)
			}
			offers = list
		}
		if sv, ok := x["seller"]; ok {
			seller, err := decodeSeller(sv)
			if err != nil {
				return req, err
			}
			req.Seller = &seller
		}
	default:
		return req, errorf(http.StatusBadRequest, "body must be an offer object, an array of offers, or {\"offers\": [...], \"seller\": {...}}")
	}
	if len(offers) == 0 {
		return req, errorf(http.StatusUnprocessableEntity, "no offer to match")
	}
	if len(offers) > maxBatch {
		return req, errorf(http.StatusRequestEntityTooLarge, "%d offers in one request; at most %d", len(offers), maxBatch)
	}
	for i, o := range offers {
		fields, ok := o.(map[string]any)
		if !ok {
			return req, errorf(http.StatusBadRequest, "offer %d is not a JSON object", i)
		}
		rec, err := catalog.FromFields(fields, nil)
		if err != nil {
			return req, errorf(http.StatusUnprocessableEntity, "offer %d: %v", i, err)
		}
		req.Offers = append(req.Offers, rec)
	}
	return req, nil
}

func decodeSeller(v any) (match.Seller, error) {
	var s match.Seller
	b, _ := json.Marshal(v)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, errorf(http.StatusUnprocessableEntity, "seller: %v", err)
	}
	return s, nil
}

func (s *Server) match(w http.ResponseWriter, r *http.Request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	req, err := decodeMatchRequest(body, s.opts.MaxBatch)
	if err != nil {
		return err
	}
	results := make([]match.Result, len(req.Offers))
	for i, o := range req.Offers {
		if req.Seller != nil {
			results[i] = s.eng.MatchAs(r.Context(), o, *req.Seller)
		} else {
			results[i] = s.eng.Match(r.Context(), o)
		}
		if err := r.Context().Err(); err != nil {
			return err
		}
		s.decided.WithLabelValues(string(results[i].Decision)).Inc()
	}
	if req.Single {
		return writeJSON(w, http.StatusOK, results[0])
	}
	return writeJSON(w, http.StatusOK, results)
}

func (s *Server) putListing(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	body, err := readBody(r)
	if err != nil {
		return err
	}
	var fields map[string]any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&fields); err != nil || fields == nil {
		return errorf(http.StatusBadRequest, "body must be one listing object")
	}
	if dec.More() {
		return errorf(http.StatusBadRequest, "body holds more than one JSON value")
	}
	if v, ok := fields["id"]; ok && fmt.Sprint(v) != id {
		return errorf(http.StatusUnprocessableEntity, "id %v in the body differs from %q in the path", v, id)
	}
	fields["id"] = id
	rec, err := catalog.FromFields(fields, nil)
	if err != nil {
		return errorf(http.StatusUnprocessableEntity, "listing: %v", err)
	}
	status := http.StatusOK
	if _, err := s.eng.Listing(r.Context(), id); errors.Is(err, match.ErrNotFound) {
		status = http.StatusCreated
	}
	if err := s.eng.Upsert(r.Context(), rec); err != nil {
		return err
	}
	return writeJSON(w, status, rec)
}

func (s *Server) getListing(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.eng.Listing(r.Context(), r.PathValue("id"))
	if errors.Is(err, match.ErrNotFound) {
		return errorf(http.StatusNotFound, "no listing %q", r.PathValue("id"))
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rec)
}

func (s *Server) deleteListing(w http.ResponseWriter, r *http.Request) error {
	n, err := s.eng.Delete(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	if n == 0 {
		return errorf(http.StatusNotFound, "no listing %q", r.PathValue("id"))
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	n, err := s.eng.Count()
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "listings": n})
}
