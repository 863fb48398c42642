package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/index"
	"github.com/followmatch/followmatch/match"
)

// buildIndex reads a listings file into the index at dir (created when it
// does not exist, updated when it does). Bad rows are reported on stderr
// and skipped; image problems are reported and the listing kept without
// them.
func buildIndex(ctx context.Context, listings, dir string, opts catalog.Options, access imageload.Access, workers int, stderr io.Writer) (int, error) {
	start := time.Now()
	vs, err := match.LoadVocabularies()
	if err != nil {
		return 0, err
	}
	rd, err := catalog.Open(listings, opts)
	if err != nil {
		return 0, err
	}
	defer rd.Close()
	for _, n := range rd.Notes() {
		fmt.Fprintf(stderr, "warning: %s: %s\n", listings, n)
	}
	if rd.HasHeader() {
		warnMissingSources(stderr, rd, listings)
	}
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
	loader := imageload.NewLoader(imageload.DefaultCacheDir(), 4)
	loader.Access = access
	n, putErr := w.PutAll(ctx, recs, loader, workers, func(id string, errs []string) {
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
	if putErr == nil && rerr == nil {
		// Every row of the file is in: an earlier interrupted build is
		// complete now.
		ix.Completed()
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
	fmt.Fprintf(stderr, "index %s: %s %d listings from %s (%d lines, header and blank lines included) in %s (%.0f listings/s%s); %d bad rows skipped, %d listings with unreadable images\n",
		dir, verb, n, listings, rd.Lines(), el.Round(time.Millisecond), float64(n)/max(el.Seconds(), 1e-9), merged, bad.Load(), imgBad.Load())
	return n, nil
}

// compactWorthIt reports whether an update of n listings changed enough of
// the index to merge it into one segment (which rewrites all of it).
func compactWorthIt(ix *index.Index, n int) bool {
	total, err := ix.Count()
	return err == nil && n > 0 && uint64(n)*10 >= total
}
