package review

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"mime"
	"net/http"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/match"
)

//go:embed assets/review.html
var page []byte

// pictureSize is the box, in pixels, a local picture is shrunk into.
const pictureSize = 320

// Options configure a Server.
type Options struct {
	// Engine decides under Config: it explains each card and re-decides
	// the queue after a re-tune.
	Engine *followmatch.Engine
	// Config is the config the results were decided with; its thresholds
	// order the queue.
	Config *match.Config
	// Order is the queue's order (eval.OrderReviewFirst when empty).
	Order eval.Order
	// Results are the run's results; Offer finds an offer's record by id.
	Results []match.Result
	Offer   func(id string) *match.Record
	// Labels is the labels file answers are appended to.
	Labels *Labels
	// Pictures says which local image files the page may show (URLs are
	// shown as they are).
	Pictures imageload.Access
	// Retune fits a config on the labels so far (as tune --labels does)
	// and returns it with a report for a person; nil leaves the page
	// without its re-tune button.
	Retune func(ctx context.Context) (*match.Config, string, error)
	// TunedOut is the file a re-tuned config is written to.
	TunedOut string
	// Log receives the errors a person's page cannot show (nil: none).
	Log *log.Logger
}

// Server is the review page and its JSON API. It is safe for concurrent
// use; answers are serialized.
type Server struct {
	o       Options
	queue   []Item
	results map[string]match.Result

	mu      sync.Mutex
	answers []string // per queue item: "y", "n", "s" or ""
	undo    []step   // this session's answers, last on top
	cards   map[int]*Card

	tuneMu sync.Mutex
}

// step is one answer of this session, as Undo takes it back.
type step struct {
	item   int
	answer string
	size   int64 // the labels file's size before it (y and n)
}

// New builds the queue from the results; pairs the labels file already
// labels count as answered.
func New(o Options) (*Server, error) {
	if o.Engine == nil || o.Config == nil || o.Labels == nil || o.Offer == nil {
		return nil, errors.New("review: an engine, a config, the offers and a labels file are needed")
	}
	if o.Order == "" {
		o.Order = eval.OrderReviewFirst
	}
	s := &Server{o: o, queue: Queue(o.Results, o.Config, o.Order), results: map[string]match.Result{}, cards: map[int]*Card{}}
	for _, r := range o.Results {
		s.results[r.OfferID] = r
	}
	s.answers = make([]string, len(s.queue))
	for i, it := range s.queue {
		if same, ok := o.Labels.Label(it.Offer, it.Listing); ok {
			s.answers[i] = answerOf(same)
		}
	}
	return s, nil
}

func answerOf(same bool) string {
	if same {
		return "y"
	}
	return "n"
}

// Queue returns the items the page asks about, in order.
func (s *Server) Queue() []Item { return s.queue }

// Handler returns the page and its API:
//
//	GET  /                the page
//	GET  /api/state       counts and the current item
//	GET  /api/card/{i}    item i with its evidence
//	POST /api/answer      {"index": i, "answer": "y"|"n"|"s"}
//	POST /api/undo        takes the last answer back
//	POST /api/unskip      puts the skipped items back in the queue
//	POST /api/tune        re-tunes on the labels, re-decides the queue
//
// Writes need a JSON body (Content-Type application/json): a page of
// another site cannot send one to this server without its consent.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: http: https:; style-src 'unsafe-inline'; script-src 'unsafe-inline'")
		w.Write(page)
	})
	mux.HandleFunc("GET /api/state", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		st := s.state()
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, st)
	})
	mux.HandleFunc("GET /api/card/{i}", s.card)
	mux.HandleFunc("POST /api/answer", s.answer)
	mux.HandleFunc("POST /api/undo", s.undoLast)
	mux.HandleFunc("POST /api/unskip", s.unskip)
	mux.HandleFunc("POST /api/tune", s.tune)
	return mux
}

// State is what the page shows of the queue.
type State struct {
	Total     int `json:"total"`
	Labeled   int `json:"labeled"`
	Same      int `json:"same"`
	Different int `json:"different"`
	Skipped   int `json:"skipped"`
	// Current is the first item neither answered nor skipped; -1 when
	// none is left.
	Current    int    `json:"current"`
	CanUndo    bool   `json:"can_undo"`
	LabelsFile string `json:"labels_file"`
	CanTune    bool   `json:"can_tune"`
}

// state must be called with s.mu held.
func (s *Server) state() State {
	st := State{Total: len(s.queue), Current: -1, CanUndo: len(s.undo) > 0, LabelsFile: s.o.Labels.Path(), CanTune: s.o.Retune != nil}
	for i, a := range s.answers {
		switch a {
		case "y":
			st.Same++
		case "n":
			st.Different++
		case "s":
			st.Skipped++
		default:
			if st.Current < 0 {
				st.Current = i
			}
		}
	}
	st.Labeled = st.Same + st.Different
	return st
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Index  int    `json:"index"`
		Answer string `json:"answer"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	if req.Answer != "y" && req.Answer != "n" && req.Answer != "s" {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("answer %q: want y (same item), n (different) or s (skip)", req.Answer))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if req.Index < 0 || req.Index >= len(s.queue) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no item %d (the queue holds %d)", req.Index, len(s.queue)))
		return
	}
	if a := s.answers[req.Index]; a != "" {
		writeError(w, http.StatusConflict, fmt.Sprintf("item %d is answered already (%s); undo it first", req.Index, a))
		return
	}
	st := step{item: req.Index, answer: req.Answer}
	if req.Answer != "s" {
		it := s.queue[req.Index]
		size, err := s.o.Labels.Add(it.Offer, it.Listing, req.Answer == "y")
		if err != nil {
			s.logf("%v", err)
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		st.size = size
	}
	s.answers[req.Index] = req.Answer
	s.undo = append(s.undo, st)
	writeJSON(w, http.StatusOK, s.state())
}

func (s *Server) undoLast(w http.ResponseWriter, r *http.Request) {
	if !readJSON(w, r, &struct{}{}) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.undo) == 0 {
		writeError(w, http.StatusConflict, "nothing to undo in this session")
		return
	}
	last := s.undo[len(s.undo)-1]
	if last.answer != "s" {
		it := s.queue[last.item]
		if err := s.o.Labels.Undo(it.Offer, it.Listing, last.size); err != nil {
			s.logf("%v", err)
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
	}
	s.undo = s.undo[:len(s.undo)-1]
	s.answers[last.item] = ""
	writeJSON(w, http.StatusOK, s.state())
}

// unskip puts every skipped item back in the queue, in its place (the
// skips leave the undo history with them).
func (s *Server) unskip(w http.ResponseWriter, r *http.Request) {
	if !readJSON(w, r, &struct{}{}) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, a := range s.answers {
		if a == "s" {
			s.answers[i] = ""
		}
	}
	s.undo = slices.DeleteFunc(s.undo, func(st step) bool { return st.answer == "s" })
	writeJSON(w, http.StatusOK, s.state())
}

// Card is one item with everything the page shows of it.
type Card struct {
	Index        int      `json:"index"`
	Item         Item     `json:"item"`
	Answer       string   `json:"answer,omitempty"`
	Offer        Side     `json:"offer"`
	Listing      Side     `json:"listing"`
	Prior        float64  `json:"prior"`
	Total        float64  `json:"total"`
	Bars         []Bar    `json:"bars"`
	Reasons      []string `json:"reasons"`
	Vetoes       []string `json:"vetoes,omitempty"`
	Alternatives []Runner `json:"alternatives,omitempty"`
	// Error says what could not be shown (an offer missing from the
	// offers file, a listing gone from the index).
	Error string `json:"error,omitempty"`
}

// Side is one record as the card shows it.
type Side struct {
	ID       string      `json:"id"`
	Title    string      `json:"title"`
	Fields   [][2]string `json:"fields"`
	Pictures []string    `json:"pictures"`
}

// Bar is one attribute's evidence: Kind is agree (weight above 0),
// conflict (below 0, or a veto), missing (a side is silent) or neutral.
type Bar struct {
	Attribute string  `json:"attribute"`
	Level     string  `json:"level"`
	Weight    float64 `json:"weight"`
	Offer     string  `json:"offer,omitempty"`
	Listing   string  `json:"listing,omitempty"`
	Evidence  string  `json:"evidence,omitempty"`
	Veto      bool    `json:"veto,omitempty"`
	Kind      string  `json:"kind"`
}

// Runner is another candidate listing of the offer.
type Runner struct {
	ListingID   string   `json:"listing_id"`
	Title       string   `json:"title"`
	Probability float64  `json:"probability"`
	Mismatches  []string `json:"mismatches,omitempty"`
}

func (s *Server) card(w http.ResponseWriter, r *http.Request) {
	i, err := strconv.Atoi(r.PathValue("i"))
	if err != nil || i < 0 || i >= len(s.queue) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no item %q (the queue holds %d)", r.PathValue("i"), len(s.queue)))
		return
	}
	s.mu.Lock()
	c, ok := s.cards[i]
	answer := s.answers[i]
	s.mu.Unlock()
	if !ok {
		c = s.build(r.Context(), i)
		s.mu.Lock()
		s.cards[i] = c
		s.mu.Unlock()
	}
	out := *c
	out.Answer = answer
	writeJSON(w, http.StatusOK, out)
}

// build explains item i's pair under the engine's config.
func (s *Server) build(ctx context.Context, i int) *Card {
	it := s.queue[i]
	res := s.results[it.Offer]
	c := &Card{Index: i, Item: it, Reasons: res.Reasons, Offer: Side{ID: it.Offer}, Listing: Side{ID: it.Listing}}
	for _, a := range res.Alternatives {
		if a.ListingID == it.Listing {
			continue
		}
		run := Runner{ListingID: a.ListingID, Probability: a.Probability, Mismatches: a.Mismatches}
		if l, err := s.o.Engine.Listing(ctx, a.ListingID); err == nil {
			run.Title = l.Title
		}
		c.Alternatives = append(c.Alternatives, run)
	}
	offer := s.o.Offer(it.Offer)
	if offer == nil {
		c.Error = fmt.Sprintf("offer %s is not in the offers file", it.Offer)
		return c
	}
	c.Offer = s.side(offer)
	ex, err := s.o.Engine.Explain(ctx, offer, it.Listing)
	if err != nil || ex.Waterfall == nil {
		if err == nil {
			err = errors.New("not scored")
		}
		c.Error = fmt.Sprintf("listing %s: %v", it.Listing, err)
		return c
	}
	wf := ex.Waterfall
	if wf.Listing != nil {
		c.Listing = s.side(wf.Listing)
	}
	c.Prior, c.Total, c.Vetoes = wf.Prior, wf.Total, wf.Vetoes
	for _, st := range wf.Steps {
		b := Bar{Attribute: st.Attribute, Level: string(st.Level), Weight: st.Weight, Offer: st.Offer, Listing: st.Listing, Evidence: st.Evidence, Veto: st.Veto}
		switch {
		case st.Veto || st.Weight < 0:
			b.Kind = "conflict"
		case st.Level == match.Missing:
			b.Kind = "missing"
		case st.Weight > 0:
			b.Kind = "agree"
		default:
			b.Kind = "neutral"
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

// side lists a record's stated fields and pictures.
func (s *Server) side(r *match.Record) Side {
	sd := Side{ID: r.ID, Title: r.Title}
	add := func(name, v string) {
		if v != "" {
			sd.Fields = append(sd.Fields, [2]string{name, v})
		}
	}
	add("brand", r.Brand)
	add("model", r.Model)
	add("gtin", strings.Join(r.GTINs, ", "))
	add("color", r.Color)
	add("size", r.Size)
	add("material", r.Material)
	add("packaging", r.Packaging)
	if r.PackCount > 0 {
		add("pack count", strconv.Itoa(r.PackCount))
	}
	add("origin", r.Origin)
	add("category", r.Category)
	keys := make([]string, 0, len(r.Params))
	for k := range r.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		add(k, r.Params[k])
	}
	for _, ref := range r.Images {
		if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
			sd.Pictures = append(sd.Pictures, ref)
		} else if uri, err := s.o.Pictures.Thumbnail(ref, imageload.DefaultLimits(), pictureSize); err == nil {
			sd.Pictures = append(sd.Pictures, uri)
		}
	}
	return sd
}

// Change is one queued offer whose decision a re-tune changed.
type Change struct {
	Offer         string         `json:"offer_id"`
	Before        match.Decision `json:"before"`
	After         match.Decision `json:"after"`
	ListingBefore string         `json:"listing_before,omitempty"`
	ListingAfter  string         `json:"listing_after,omitempty"`
	PBefore       float64        `json:"p_before"`
	PAfter        float64        `json:"p_after"`
}

// Retuned is what a re-tune did to the queue.
type Retuned struct {
	Report string `json:"report"`
	Config string `json:"config"`
	// Before and After count the queue's offers by decision under the
	// run's config and the re-tuned one.
	Before  map[match.Decision]int `json:"before"`
	After   map[match.Decision]int `json:"after"`
	Changed []Change               `json:"changed"`
}

func (s *Server) tune(w http.ResponseWriter, r *http.Request) {
	if !readJSON(w, r, &struct{}{}) {
		return
	}
	if s.o.Retune == nil {
		writeError(w, http.StatusNotFound, "this page was started without a way to re-tune")
		return
	}
	if !s.tuneMu.TryLock() {
		writeError(w, http.StatusConflict, "a re-tune is running")
		return
	}
	defer s.tuneMu.Unlock()
	out, err := s.retune(r.Context())
	if err != nil {
		s.logf("%v", err)
		writeError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// retune fits a config on the labels, writes it, and re-decides every
// queued offer under both configs.
func (s *Server) retune(ctx context.Context) (*Retuned, error) {
	cfg, report, err := s.o.Retune(ctx)
	if err != nil {
		return nil, err
	}
	if s.o.TunedOut != "" {
		f, err := os.Create(s.o.TunedOut)
		if err != nil {
			return nil, fmt.Errorf("review: write config: %w", err)
		}
		err = cfg.Encode(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("review: write config %s: %w", s.o.TunedOut, err)
		}
	}
	tuned, err := s.o.Engine.WithConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("review: the re-tuned config: %w", err)
	}
	out := &Retuned{Report: report, Config: s.o.TunedOut, Before: map[match.Decision]int{}, After: map[match.Decision]int{}, Changed: []Change{}}
	seen := map[string]bool{}
	for _, it := range s.queue {
		if seen[it.Offer] {
			continue
		}
		seen[it.Offer] = true
		offer := s.o.Offer(it.Offer)
		if offer == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, b := s.o.Engine.Match(ctx, offer), tuned.Match(ctx, offer)
		out.Before[a.Decision]++
		out.After[b.Decision]++
		if a.Decision != b.Decision || a.ListingID != b.ListingID {
			out.Changed = append(out.Changed, Change{Offer: it.Offer, Before: a.Decision, After: b.Decision,
				ListingBefore: a.ListingID, ListingAfter: b.ListingID, PBefore: a.Probability, PAfter: b.Probability})
		}
	}
	return out, nil
}

func (s *Server) logf(format string, args ...any) {
	if s.o.Log != nil {
		s.o.Log.Printf(format, args...)
	}
}

// readJSON decodes a write's body into v; it answers the request itself
// (and returns false) when the body is not JSON.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, "send JSON (Content-Type: application/json)")
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16))
	if err := dec.Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("body: %v", err))
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}
