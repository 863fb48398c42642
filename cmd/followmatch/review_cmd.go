package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"slices"
	"time"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
	"github.com/followmatch/followmatch/review"
)

// runReview serves the review page for the results of a run.
func runReview(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	var m matchFlags
	results := fs.String("results", "", "the run's results `file` (JSON Lines, as `match` writes them)")
	fs.StringVar(&m.offers, "offers", "", "the offers `file` the run read (.jsonl, .csv, .tsv, .xlsx)")
	fs.StringVar(&m.index, "index", defaultIndex, "listing index `dir` the run read")
	fs.StringVar(&m.mapping, "map", "", "rename offer columns: `src=dst,...`, as for the run")
	fs.StringVar(&m.sheet, "sheet", "", "the `sheet` of an XLSX offers file")
	fs.StringVar(&m.config, "config", "", "the scoring config `file` the run used (default the built-in one)")
	fs.StringVar(&m.policy, "policy", "", "marketplace policy `file`, as for the run")
	fs.StringVar(&m.seller, "seller", "", "seller `file`, as for the run")
	fs.Var(&m.imageRoots, "image-root", "also show image files inside `dir` (repeatable)")
	labels := fs.String("labels", "labels.csv", "labels `file` each answer is appended to (created when missing; tune --labels reads it)")
	tunedOut := fs.String("tuned-out", "review-tuned.json", "where the page's re-tune writes its config `file`")
	fs.BoolVar(&m.calibrateOn, "calibrate", true, calibrateUsage+" (as for the run)")
	addr := fs.String("addr", "127.0.0.1:8090", "listen `address` (port 0 picks a free one)")
	orderName := fs.String("order", string(eval.OrderReviewFirst), "the queue's `order`: review-first (the reviews, then the rest, each nearest the match threshold first) or uncertain (nearest the match threshold first: the labels that tune best)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	switch {
	case *results == "":
		return usagef("review needs --results FILE (the JSON Lines of `match --out`)")
	case m.offers == "":
		return usagef("review needs --offers FILE (the offers the run read)")
	case !loopback(*addr):
		return usagef("--addr %s is not a loopback address: the page writes your labels file and shows your catalogs; bind to 127.0.0.1", *addr)
	}
	order, err := eval.ParseOrder(*orderName)
	if err != nil {
		return usageError{"--order: " + err.Error()}
	}
	// The page needs each result's decision, listings and reasons, not its
	// comparisons (it explains the pair it shows afresh): a big run's
	// results are held without them.
	var rs []match.Result
	if err := catalog.EachResult(*results, func(r match.Result) error {
		r.Comparisons = nil
		rs = append(rs, r)
		return nil
	}); err != nil {
		return err
	}
	base, _, _, err := loadRules(m.config, "", "")
	if err != nil {
		return err
	}
	m.workers = 1
	e, err := m.openEngine(ctx, stderr)
	if err != nil {
		return err
	}
	defer e.Close()
	// The run's thresholds, moved as match moved them: the queue is the
	// decisions near them.
	if e, err = m.calibrate(ctx, e, "review", stderr); err != nil {
		return err
	}
	decided := e.Config()
	// Only the queued offers are shown and re-decided: only they are kept.
	total := len(rs)
	want := map[string]bool{}
	for _, it := range review.Queue(rs, decided, order) {
		want[it.Offer] = true
	}
	rs = slices.DeleteFunc(rs, func(r match.Result) bool { return !want[r.OfferID] })
	offers, err := readOffers(m.offers, m.mapping, m.sheet, want)
	if err != nil {
		return err
	}
	lf, err := review.OpenLabels(*labels)
	if err != nil {
		return err
	}
	defer lf.Close()
	retune := func(ctx context.Context) (*match.Config, string, error) {
		pairs, err := eval.ReadLabels(*labels)
		if err != nil {
			return nil, "", err
		}
		var rep bytes.Buffer
		cfg, err := selfTune(ctx, e, &m, base, *labels, pairs, &rep)
		if err != nil {
			return nil, rep.String(), fmt.Errorf("%w\n%s", err, rep.String())
		}
		return cfg, rep.String(), nil
	}
	srv, err := review.New(review.Options{
		Engine: e, Config: decided, Order: order, Results: rs, Labels: lf,
		Offer:    func(id string) *match.Record { return offers[id] },
		Pictures: imageAccess([]string{m.offers}, m.imageRoots),
		Retune:   retune, TunedOut: *tunedOut,
		Log: log.New(stderr, "review: ", 0),
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("review: listen %s: %w", *addr, err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "review: %d decisions of %d worth a look; answers go to %s\n", len(srv.Queue()), total, *labels)
	fmt.Fprintf(stdout, "review page: http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = hs.Shutdown(sctx)
		cancel()
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// readOffers reads the offers of the file whose ids want holds.
func readOffers(path, mapping, sheet string, want map[string]bool) (map[string]*match.Record, error) {
	mp, err := catalog.ParseMap(mapping)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	rd, err := catalog.Open(path, catalog.Options{Map: mp, Sheet: sheet})
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	out := map[string]*match.Record{}
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if row.Err == nil && want[row.Record.ID] {
			out[row.Record.ID] = row.Record
		}
	}
	if len(out) == 0 && len(want) > 0 {
		for id := range want {
			return nil, fmt.Errorf("review: %s holds none of the queued offers (e.g. %s); give the offers file the run read, with its --map", path, id)
		}
	}
	return out, nil
}
