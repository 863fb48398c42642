package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/index"
	"github.com/followmatch/followmatch/match"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

const defaultIndex = "followmatch.idx"

// matchFlags are the flags shared by match and explain.
type matchFlags struct {
	offers, index, listings  string
	policy, seller, config   string
	mapping, listingsMapping string
	workers                  int
}

func (f *matchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.offers, "offers", "", "offers `file` (.jsonl, .csv, .tsv, .xlsx)")
	fs.StringVar(&f.index, "index", defaultIndex, "listing index `dir`")
	fs.StringVar(&f.listings, "listings", "", "listings `file`: builds the index first when it does not exist, else updates it")
	fs.StringVar(&f.policy, "policy", "", "marketplace policy `file` (JSON or YAML)")
	fs.StringVar(&f.seller, "seller", "", "seller `file` (JSON or YAML)")
	fs.StringVar(&f.config, "config", "", "scoring config `file` (JSON or YAML), as written by tune")
	fs.StringVar(&f.mapping, "map", "", "rename offer columns: `src=dst,...` (e.g. \"Product Name=title\")")
	fs.StringVar(&f.listingsMapping, "listings-map", "", "rename listing columns (for --listings): `src=dst,...`")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel `workers`")
}

// openMatcher opens (or builds) the index and assembles a matcher from the
// flags. The returned index must be closed.
func (f *matchFlags) openMatcher(ctx context.Context, stderr io.Writer) (*match.Matcher, *index.Index, error) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		return nil, nil, err
	}
	cfg, policy, seller, err := loadRules(f.config, f.policy, f.seller)
	if err != nil {
		return nil, nil, err
	}
	if f.listings != "" {
		lm, err := catalog.ParseMap(f.listingsMapping)
		if err != nil {
			return nil, nil, usageError{err.Error()}
		}
		if _, err := buildIndex(ctx, f.listings, f.index, lm, f.workers, stderr); err != nil {
			return nil, nil, err
		}
	}
	ix, err := index.Open(f.index, vs, true)
	if err != nil {
		return nil, nil, err
	}
	if ix.Interrupted() {
		fmt.Fprintf(stderr, "warning: index %s: the last update stopped before it finished; it holds the batches committed until then (run the same `followmatch index` again to complete it)\n", f.index)
	}
	m := &match.Matcher{
		Scorer: match.NewScorer(cfg, ix.IDF),
		Source: ix,
		Rules:  match.NewRules(policy, seller, vs),
		Vocab:  vs,
		Images: imageload.NewLoader(imageload.DefaultCacheDir(), 4),
	}
	return m, ix, nil
}

// loadRules reads the config, policy and seller files that are named; an
// empty name keeps the default (the built-in config, no rules, no
// authorizations).
func loadRules(configFile, policyFile, sellerFile string) (*match.Config, match.Policy, match.Seller, error) {
	cfg := match.DefaultConfig()
	var policy match.Policy
	var seller match.Seller
	var err error
	if configFile != "" {
		if cfg, err = catalog.LoadConfig(configFile); err != nil {
			return nil, policy, seller, err
		}
	}
	if policyFile != "" {
		if policy, err = catalog.LoadPolicy(policyFile); err != nil {
			return nil, policy, seller, err
		}
	}
	if sellerFile != "" {
		if seller, err = catalog.LoadSeller(sellerFile); err != nil {
			return nil, policy, seller, err
		}
	}
	return cfg, policy, seller, nil
}

// buildIndex reads a listings file into the index at dir (created when it
// does not exist, updated when it does). Bad rows are reported on stderr
// and skipped; image problems are reported and the listing kept without
// them.
func buildIndex(ctx context.Context, listings, dir string, mapping map[string]string, workers int, stderr io.Writer) (int, error) {
	start := time.Now()
	vs, err := match.LoadVocabularies()
	if err != nil {
		return 0, err
	}
	rd, err := catalog.Open(listings, catalog.Options{Map: mapping})
	if err != nil {
		return 0, err
	}
	defer rd.Close()
	var ix *index.Index
	verb := "updated"
	if index.Exists(dir) {
		ix, err = index.Open(dir, vs, false)
	} else {
		verb = "built"
		ix, err = index.Create(dir, vs)
	}
	if err != nil {
		return 0, err
	}
	w, err := ix.NewWriter(5000)
	if err != nil {
		ix.Close()
		return 0, err
	}
	_, size := rd.Progress()
	bar := newProgress(stderr, "indexing", size)
	rows := 0
	recs := make(chan *match.Record, 64)
	var bad, imgBad atomic.Int64
	warn := newWarner(stderr)
	readErr := make(chan error, 1)
	go func() {
		defer close(recs)
		for {
			row, err := rd.Next()
			if errors.Is(err, io.EOF) {
				readErr <- nil
				return
			}
			if err != nil {
				readErr <- err
				return
			}
			rows++
			read, _ := rd.Progress()
			bar.Update(rows, read)
			if row.Err != nil {
				bad.Add(1)
				warn.printf("skipped: %v", row.Err)
				continue
			}
			select {
			case recs <- row.Record:
			case <-ctx.Done():
				readErr <- ctx.Err()
				return
			}
		}
	}()
	n, putErr := w.PutAll(ctx, recs, imageload.NewLoader(imageload.DefaultCacheDir(), 4), workers, func(id string, errs []string) {
		imgBad.Add(1)
		for _, e := range errs {
			warn.printf("listing %s: image skipped: %s", id, e)
		}
	})
	rerr := <-readErr
	bar.Finish()
	warn.flush()
	var compacted time.Duration
	if putErr == nil && rerr == nil && compactWorthIt(ix, n) {
		// A bulk load leaves many segments; one answers queries fastest.
		fmt.Fprintf(stderr, "index %s: merging into one segment\n", dir)
		t := time.Now()
		putErr = w.Compact(ctx)
		compacted = time.Since(t)
	}
	if cerr := ix.Close(); putErr == nil {
		putErr = cerr
	}
	if putErr != nil {
		return n, putErr
	}
	if rerr != nil {
		return n, rerr
	}
	el := time.Since(start)
	merged := ""
	if compacted > 0 {
		merged = fmt.Sprintf(", merged in %s", compacted.Round(time.Millisecond))
	}
	fmt.Fprintf(stderr, "index %s: %s %d listings from %s in %s (%.0f listings/s%s); %d bad rows skipped, %d listings with unreadable images\n",
		dir, verb, n, listings, el.Round(time.Millisecond), float64(n)/max(el.Seconds(), 1e-9), merged, bad.Load(), imgBad.Load())
	return n, nil
}

// compactWorthIt reports whether an update of n listings changed enough of
// the index to merge it into one segment (which rewrites all of it).
func compactWorthIt(ix *index.Index, n int) bool {
	total, err := ix.Count()
	return err == nil && n > 0 && uint64(n)*10 >= total
}

// progress is a progress display on a terminal, or nothing.
type progress interface {
	// Update reports rows done and the bytes of the input read so far.
	Update(rows int, read int64)
	Finish()
}

type noProgress struct{}

func (noProgress) Update(int, int64) {}
func (noProgress) Finish()           {}

// barProgress draws a bar over the input file's bytes, with rows, rows/s
// and the time left; without a known size, a counter with rows/s.
type barProgress struct {
	bar   *progressbar.ProgressBar
	what  string
	start time.Time
	last  time.Time
	sized bool
}

// newProgress shows progress on stderr when stderr is a terminal. size is
// the input's size in bytes (0 when unknown).
func newProgress(stderr io.Writer, what string, size int64) progress {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return noProgress{}
	}
	total := size
	if total <= 0 {
		total = -1
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionSetPredictTime(size > 0),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	return &barProgress{bar: bar, what: what, start: time.Now(), sized: size > 0}
}

func (p *barProgress) Update(rows int, read int64) {
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	rate := float64(rows) / max(now.Sub(p.start).Seconds(), 1e-9)
	p.bar.Describe(fmt.Sprintf("%s: %d rows, %.0f rows/s", p.what, rows, rate))
	if p.sized {
		p.bar.Set64(read)
	} else {
		p.bar.Set64(int64(rows))
	}
}

func (p *barProgress) Finish() { p.bar.Finish() }

// warner prints the first warnings and counts the rest, so a file full of
// bad rows does not flood the terminal.
type warner struct {
	w     io.Writer
	shown atomic.Int64
	limit int64
}

func newWarner(w io.Writer) *warner { return &warner{w: w, limit: 20} }

func (w *warner) printf(format string, args ...any) {
	if n := w.shown.Add(1); n <= w.limit {
		fmt.Fprintf(w.w, "warning: "+format+"\n", args...)
	}
}

func (w *warner) flush() {
	if n := w.shown.Load(); n > w.limit {
		fmt.Fprintf(w.w, "warning: ... and %d more\n", n-w.limit)
	}
}
