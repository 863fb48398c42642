package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/match"
)

func runMatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("match", flag.ContinueOnError)
	var f matchFlags
	f.register(fs)
	out := fs.String("out", "", "write results to `file` (default standard output)")
	format := fs.String("format", "jsonl", "output `format`: jsonl, csv or table")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file` (for tuning)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if f.offers == "" {
		return usagef("--offers is required")
	}
	offerMap, err := catalog.ParseMap(f.mapping)
	if err != nil {
		return usageError{err.Error()}
	}
	var w io.Writer = stdout
	if *out != "" {
		file, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer file.Close()
		w = file
	}
	rw, err := catalog.NewResultWriter(w, *format)
	if err != nil {
		return usageError{err.Error()}
	}
	rd, err := catalog.Open(f.offers, catalog.Options{Map: offerMap})
	if err != nil {
		return err
	}
	defer rd.Close()
	m, ix, err := f.openMatcher(ctx, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()

	if *cpuprofile != "" {
		pf, err := os.Create(*cpuprofile)
		if err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	bar := newProgress(stderr, "matching")
	warn := newWarner(stderr)
	jobs := make(chan match.Job, 64)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- feedJobs(ctx, rd, jobs, warn)
	}()
	counts := map[string]int{}
	total := 0
	err = m.Run(ctx, jobs, f.workers, func(r match.Result) error {
		counts[r.Decision]++
		total++
		bar.Add(1)
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
	if err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(stderr, "match: %d offers in %s (%.0f rows/s): %s\n", total, el.Round(time.Millisecond),
		float64(total)/max(el.Seconds(), 1e-9), summary(counts))
	return nil
}

// feedJobs reads every row into jobs; bad rows become error jobs and a
// warning.
func feedJobs(ctx context.Context, rd *catalog.Reader, jobs chan<- match.Job, warn *warner) error {
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
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

// summary counts decisions in a fixed order.
func summary(counts map[string]int) string {
	order := []string{match.Eligible, match.Blocked, match.Review, match.NoMatch, match.Error}
	var parts []string
	for _, d := range order {
		parts = append(parts, fmt.Sprintf("%s %d", d, counts[d]))
	}
	var other []string
	for d := range counts {
		known := false
		for _, o := range order {
			known = known || d == o
		}
		if !known {
			other = append(other, d)
		}
	}
	sort.Strings(other)
	for _, d := range other {
		parts = append(parts, fmt.Sprintf("%s %d", d, counts[d]))
	}
	return strings.Join(parts, ", ")
}
