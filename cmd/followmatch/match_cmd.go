package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/match"
)

func runMatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("match", flag.ContinueOnError)
	var f matchFlags
	f.register(fs)
	out := fs.String("out", "", "write results to `file` (default standard output)")
	format := fs.String("format", "jsonl", "output `format`: jsonl, csv, table, or html (one self-contained report file)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file` (for tuning)")
	resume := fs.Bool("resume", false, "with --out: keep the complete lines a stopped run left there and go on after them")
	maxErrors := fs.Int("max-errors", -1, "stop the run, exit status 1, once more than `N` rows are errors (-1: never stop; a run whose every row is an error fails anyway)")
	var n natsFlags
	n.register(fs, "match on the workers of this NATS server instead of here")
	batchSize := fs.Int("batch-size", 200, "with --nats: offers per work message")
	inflight := fs.Int("in-flight", 64, "with --nats: batches queued and not yet answered, at most")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if f.offers == "" {
		return usagef("--offers is required")
	}
	if n.url != "" && *format == "html" {
		return usagef("--format html reads listings from a local index; with --nats use jsonl, csv or table")
	}
	if n.url != "" && f.listings != "" {
		return usagef("--listings builds a local index; with --nats, build it and `publish-index` it first")
	}
	if *out != "" && sameFile(*out, f.offers) {
		return usagef("--out %s is the offers file: writing results would erase it before it is read", *out)
	}
	offerMap, err := catalog.ParseMap(f.mapping)
	if err != nil {
		return usageError{err.Error()}
	}
	if *resume && (*out == "" || *format != "jsonl") {
		return usagef("--resume needs --out FILE and JSON Lines output")
	}
	var w io.Writer = stdout
	skip := 0
	if *out != "" {
		var file *os.File
		if *resume {
			file, skip, err = reopenForResume(*out)
		} else {
			file, err = os.Create(*out)
		}
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		defer file.Close()
		w = file
	}
	var rw catalog.ResultWriter
	var report *reportSources
	if *format == "html" {
		// The user's own files: the report reads the pictures their
		// records name, wherever they are (it fetches no URL).
		report = newReportSources(ctx, imageload.Access{AnyFile: true, NoFetch: true})
		rw = catalog.NewHTMLReport(w, report.sources(f.offers))
	} else if rw, err = catalog.NewResultWriter(w, *format); err != nil {
		return usageError{strings.Replace(err.Error(), "or table", "table or html", 1)}
	}
	rd, err := catalog.Open(f.offers, catalog.Options{Map: offerMap, Sheet: f.sheet})
	if err != nil {
		return err
	}
	defer rd.Close()
	for _, n := range rd.Notes() {
		fmt.Fprintf(stderr, "warning: %s: %s\n", f.offers, n)
	}
	if rd.HasHeader() {
		warnMissingSources(stderr, rd, f.offers)
	}
	// The stream that decides: this machine's engine, or the pool's.
	var stream func(context.Context, <-chan match.Job, func(match.Result) error) error
	feedSkip := skip
	complete := false
	if n.url != "" {
		if f.calibrateOn && f.config != "" {
			if cfg, err := catalog.LoadConfig(f.config); err == nil && cfg.Calibration != nil {
				fmt.Fprintf(stderr, "warning: %s has a calibration; with --nats the workers decide at the thresholds of their own config, uncalibrated (match without --nats calibrates)\n", f.config)
			}
		}
		coord, done, err := coordinate(ctx, &n, &f, *out, *resume, skip, *batchSize, *inflight)
		if err != nil {
			return err
		}
		defer func() { done(complete) }()
		stream = coord
		feedSkip = 0 // the coordinator numbers every row; it skips those written
	} else {
		e, err := f.openEngine(ctx, stderr)
		if err != nil {
			return err
		}
		defer e.Close()
		if e, err = f.calibrate(ctx, e, "match", stderr); err != nil {
			return err
		}
		if report != nil {
			report.engine = e
		}
		stream = func(ctx context.Context, jobs <-chan match.Job, emit func(match.Result) error) error {
			return e.MatchStream(ctx, jobs, f.workers, emit)
		}
	}

	stop, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	start := time.Now()
	_, size := rd.Progress()
	bar := newProgress(stderr, "matching", size)
	warn := newWarner(stderr)
	jobs := make(chan match.Job, 64)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if skip > 0 {
		// Before the reader starts: its warnings go to stderr too.
		fmt.Fprintf(stderr, "match: resuming after %d offers already in %s\n", skip, *out)
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		if report == nil {
			readErr <- feedJobs(ctx, rd, jobs, warn, feedSkip)
			return
		}
		// The report shows the offers beside their results: keep them.
		read := make(chan match.Job)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for j := range read {
				report.note(j.Offer)
				select {
				case jobs <- j:
				case <-ctx.Done():
				}
			}
		}()
		readErr <- feedJobs(ctx, rd, read, warn, feedSkip)
		close(read)
		<-done
	}()
	counts := map[match.Decision]int{}
	total := 0
	errTooMany := errors.New("too many error rows")
	err = stream(ctx, jobs, func(r match.Result) error {
		counts[r.Decision]++
		total++
		if *maxErrors >= 0 && counts[match.Error] > *maxErrors {
			if werr := rw.Write(r); werr != nil {
				return werr
			}
			return errTooMany
		}
		read, _ := rd.Progress()
		bar.Update(total, read)
		return rw.Write(r)
	})
	cancel()
	bar.Finish()
	warn.flush()
	if cerr := rw.Close(); err == nil {
		err = cerr
	}
	if rerr := <-readErr; err == nil || errors.Is(err, context.Canceled) {
		if rerr != nil && !errors.Is(rerr, context.Canceled) {
			err = rerr
		}
	}
	if errors.Is(err, errTooMany) {
		return fmt.Errorf("stopped after %d rows: more than %d rows are errors (--max-errors); the results so far are written", total, *maxErrors)
	}
	if err != nil {
		return err
	}
	if !rd.HasHeader() {
		warnMissingSources(stderr, rd, f.offers)
	}
	el := time.Since(start)
	fmt.Fprintf(stderr, "match: %d offers from %d lines of %s (header and blank lines included) in %s (%.0f rows/s): %s\n",
		total, rd.Lines(), f.offers, el.Round(time.Millisecond), float64(total)/max(el.Seconds(), 1e-9), summary(counts))
	complete = true
	if total > 0 && counts[match.Error] == total {
		return fmt.Errorf("every one of the %d rows is an error (see the warnings above)", total)
	}
	return nil
}

// warnMissingSources warns about --map source columns the file lacks.
func warnMissingSources(stderr io.Writer, rd *catalog.Reader, path string) {
	for _, src := range rd.MissingSources() {
		fmt.Fprintf(stderr, "warning: --map names column %q, which %s does not have: the field it maps to stays empty\n", src, path)
	}
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// feedJobs reads every row into jobs, after skipping the first skip rows
// (a resumed run); bad rows become error jobs and a warning.
func feedJobs(ctx context.Context, rd *catalog.Reader, jobs chan<- match.Job, warn *warner, skip int) error {
	for n := 0; ; n++ {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if n < skip {
			continue
		}
		j := match.Job{Offer: row.Record}
		if row.Err != nil {
			warn.printf("%v", row.Err)
			j = match.Job{Err: row.Err}
			var re *catalog.RowError
			if errors.As(row.Err, &re) {
				j.ID = re.ID
			}
		}
		select {
		case jobs <- j:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// summary counts decisions in the SPEC's order.
func summary(counts map[match.Decision]int) string {
	order := []match.Decision{match.Eligible, match.Blocked, match.Review, match.NoMatch, match.Error}
	parts := make([]string, len(order))
	for i, d := range order {
		parts[i] = fmt.Sprintf("%s %d", d, counts[d])
	}
	return strings.Join(parts, ", ")
}

// reopenForResume opens a stopped run's output for appending: it keeps the
// complete lines that hold a JSON result (one per offer, in input order),
// cuts whatever follows the last of them, and returns how many there are.
// A missing file starts a new run.
func reopenForResume(path string) (*os.File, int, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, 0, err
	}
	br := bufio.NewReaderSize(f, 1<<20)
	var good int64
	n := 0
	for {
		line, err := br.ReadBytes('\n')
		if err != nil {
			break // a last line without its newline is incomplete
		}
		var r match.Result
		if json.Unmarshal(line, &r) != nil || r.Decision == "" {
			break
		}
		good += int64(len(line))
		n++
	}
	if err := f.Truncate(good); err != nil {
		f.Close()
		return nil, 0, err
	}
	if _, err := f.Seek(good, io.SeekStart); err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, n, nil
}
