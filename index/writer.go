package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/followmatch/followmatch/internal/ordered"
	"github.com/followmatch/followmatch/match"
)

// fields is what Bleve indexes for one listing.
func (ix *Index) fields(it *match.Item) map[string]any {
	rec := match.AppendRecord(nil, it.Rec)
	gtins := make([]string, len(it.GTINs()))
	for i, g := range it.GTINs() {
		gtins[i] = string(g)
	}
	doc := map[string]any{
		fGTIN:   gtins,
		fCodes:  it.CodeTerms(),
		fBrand:  it.BrandKey(),
		fTitle:  strings.Join(it.TitleKeys(), " "),
		fRecord: string(rec),
	}
	if feat := ix.appendFeatures(nil, it); len(feat) > 0 {
		doc[fFeatures] = string(feat)
	}
	if b := it.BrandKey(); b != "" {
		doc[fBrandKeys] = brandKeys(b, it.TitleKeys())
	}
	return doc
}

// Writer adds listings to an index in batches. A Writer is used by one
// goroutine at a time.
type Writer struct {
	ix    *Index
	batch *bleve.Batch
	ids   []string // listings written or deleted in batch
	size  int
	// inflight are the batches being committed in the background: PutAll
	// overlaps commits with each other and with preparing the next batch.
	// Batches in flight share no listing id, so their order does not
	// matter.
	inflight []*commitJob
}

// commitJob is a batch committed in the background.
type commitJob struct {
	ids  map[string]bool
	done chan error
}

// maxInflight is how many batches PutAll commits at once: building a
// segment is single-threaded in Bleve, and two keep two cores busy.
const maxInflight = 2

// ErrReadOnly is returned when writing to an index opened read-only.
var ErrReadOnly = errors.New("index is open read-only")

// NewWriter returns a writer that commits every batchSize listings.
func (ix *Index) NewWriter(batchSize int) (*Writer, error) {
	if ix.readOnly {
		return nil, fmt.Errorf("index: %s: %w", ix.dir, ErrReadOnly)
	}
	if batchSize < 1 {
		batchSize = 1000
	}
	if err := ix.bi.SetInternal(writingKey, []byte("1")); err != nil {
		return nil, fmt.Errorf("index: %s: %w", ix.dir, err)
	}
	ix.writing = true
	return &Writer{ix: ix, batch: ix.bi.NewBatch(), size: batchSize}, nil
}

// prepare turns a listing into the Bleve document indexed for it. It is
// safe for concurrent use.
func (ix *Index) prepare(rec *match.Record) (*document.Document, error) {
	if rec.ID == "" {
		return nil, fmt.Errorf("index: listing without an id")
	}
	data := ix.fields(match.Prepare(rec, ix.vocab))
	doc := document.NewDocument(rec.ID)
	if err := ix.bi.Mapping().MapDocument(doc, data); err != nil {
		return nil, fmt.Errorf("index: listing %s: %w", rec.ID, err)
	}
	return doc, nil
}

// Put adds or replaces one listing.
func (w *Writer) Put(rec *match.Record) error {
	doc, err := w.ix.prepare(rec)
	if err != nil {
		return err
	}
	return w.add(doc, false)
}

func (w *Writer) add(doc *document.Document, async bool) error {
	for _, j := range w.inflight {
		if j.ids[doc.ID()] {
			// A later version of a listing in flight: it must land after.
			if err := w.wait(); err != nil {
				return err
			}
			break
		}
	}
	if err := w.batch.IndexAdvanced(doc); err != nil {
		return fmt.Errorf("index: listing %s: %w", doc.ID(), err)
	}
	w.ids = append(w.ids, doc.ID())
	if w.batch.Size() < w.size {
		return nil
	}
	if async {
		return w.commitAsync()
	}
	return w.Flush()
}

// Delete removes a listing.
func (w *Writer) Delete(id string) error {
	w.batch.Delete(id)
	w.ids = append(w.ids, id)
	if w.batch.Size() >= w.size {
		return w.Flush()
	}
	return nil
}

// Flush commits the pending batch (after the one in flight, if any).
func (w *Writer) Flush() error {
	if err := w.wait(); err != nil {
		return err
	}
	if w.batch.Size() == 0 {
		return nil
	}
	// A fresh batch, not Reset: Bleve's analysis goroutines may still read
	// the committed one after Batch returns (the race detector saw it).
	b, ids := w.batch, w.ids
	w.batch, w.ids = w.ix.bi.NewBatch(), nil
	return w.commit(b, ids)
}

// commitAsync starts committing the pending batch in the background, after
// the oldest batch in flight when maxInflight are.
func (w *Writer) commitAsync() error {
	if len(w.inflight) == maxInflight {
		j := w.inflight[0]
		w.inflight = w.inflight[1:]
		if err := <-j.done; err != nil {
			w.wait()
			return err
		}
	}
	b, ids := w.batch, w.ids
	w.batch, w.ids = w.ix.bi.NewBatch(), nil
	j := &commitJob{ids: make(map[string]bool, len(ids)), done: make(chan error, 1)}
	for _, id := range ids {
		j.ids[id] = true
	}
	w.inflight = append(w.inflight, j)
	go func() { j.done <- w.commit(b, ids) }()
	return nil
}

// wait waits for every batch in flight and returns the first error.
func (w *Writer) wait() error {
	var first error
	for _, j := range w.inflight {
		if err := <-j.done; err != nil && first == nil {
			first = err
		}
	}
	w.inflight = nil
	return first
}

func (w *Writer) commit(b *bleve.Batch, ids []string) error {
	if err := w.ix.bi.Batch(b); err != nil {
		return fmt.Errorf("index: commit batch to %s: %w", w.ix.dir, err)
	}
	// Cached listings and counts describe the index before this batch.
	for _, id := range ids {
		w.ix.forget(id)
	}
	w.ix.statsChanged()
	return nil
}

// Compact merges the index into a single segment, which is what a query
// walks fastest; worth it after a bulk load, and it rewrites the whole
// index on disk.
func (w *Writer) Compact(ctx context.Context) error {
	if err := w.Flush(); err != nil {
		return err
	}
	adv, err := w.ix.bi.Advanced()
	if err != nil {
		return fmt.Errorf("index: compact %s: %w", w.ix.dir, err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	// One merge task takes at most SegmentsPerMergeTask segments, so a
	// pass may leave a few: merge again until one is left.
	opts := mergeplan.SingleSegmentMergePlanOptions
	opts.SegmentsPerMergeTask = 64
	for range 8 {
		if n, _ := s.StatsMap()["num_root_filesegments"].(uint64); n <= 1 {
			break
		}
		if err := s.ForceMerge(ctx, &opts); err != nil {
			return fmt.Errorf("index: compact %s: %w", w.ix.dir, err)
		}
	}
	w.ix.statsChanged()
	w.ix.awaitCleanup(ctx, 30*time.Second)
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := w.ix.writeRanks(); err != nil {
		return fmt.Errorf("index: compact %s: %w", w.ix.dir, err)
	}
	return nil
}

// awaitCleanup waits (at most limit) until Bleve has removed the segment
// files a merge replaced: it does so in the background, and an index
// closed before then keeps them on disk until it is next opened for
// writing.
func (ix *Index) awaitCleanup(ctx context.Context, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		files, err := filepath.Glob(filepath.Join(ix.dir, "store", "*.zap"))
		if err != nil || len(files) <= 1 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// putChunkSize is the number of records a PutAll worker prepares at once.
const putChunkSize = 64

// prepared is a record and its document, or why it has none.
type prepared struct {
	rec *match.Record
	doc *document.Document
	err error
}

// PutAll fingerprints the images of every record from recs that carries
// none yet (match.Fingerprint; fp may be nil to skip images), prepares their
// documents with workers goroutines, and adds them to the index in input
// order, in batches committed in the background while the next one is
// prepared. Of two records with one id the later replaces the earlier
// (catalog.Reader already refuses an id that repeats within one file, so
// from a file the first row wins). onImageErrors, when set, hears about
// images that could not be read; such a listing is indexed without them. It
// returns the number of listings written; after an error it still reads
// recs to the end.
func (w *Writer) PutAll(ctx context.Context, recs <-chan *match.Record, fp match.Fingerprinter, workers int, onImageErrors func(id string, errs []string)) (int, error) {
	// Workers take records in chunks: one record is too little work to
	// hand from goroutine to goroutine.
	chunks := make(chan []*match.Record)
	go func() {
		defer close(chunks)
		var c []*match.Record
		for rec := range recs {
			c = append(c, rec)
			if len(c) == putChunkSize {
				chunks <- c
				c = nil
			}
		}
		if len(c) > 0 {
			chunks <- c
		}
	}()
	prepare := func(ctx context.Context, c []*match.Record) []prepared {
		out := make([]prepared, len(c))
		for i, rec := range c {
			rec = match.Fingerprint(ctx, fp, rec, match.ImageBudget{})
			out[i].rec = rec
			out[i].doc, out[i].err = w.ix.prepare(rec)
		}
		return out
	}
	n := 0
	add := func(ps []prepared) error {
		for _, p := range ps {
			if len(p.rec.ImageErrors) > 0 && onImageErrors != nil {
				onImageErrors(p.rec.ID, p.rec.ImageErrors)
			}
			err := p.err
			if err == nil {
				err = w.add(p.doc, true)
			}
			if err != nil {
				return err
			}
			n++
		}
		return nil
	}
	err := ordered.Map(ctx, chunks, workers, prepare, add)
	for range chunks { // the reader of recs goes on to the end
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return n, err
}
