package index

import (
	"context"
	"sync"

	"github.com/followmatch/followmatch/match"
)

// PutAll fingerprints the images of every record from recs (with workers
// goroutines; fp may be nil to skip images) and adds the records to the
// index in batches. onImageErrors, when set, hears about images that could
// not be read; such a listing is indexed without them. It returns the number
// of listings written.
func (w *Writer) PutAll(ctx context.Context, recs <-chan *match.Record, fp match.Fingerprinter, workers int, onImageErrors func(id string, errs []string)) (int, error) {
	if workers < 1 {
		workers = 1
	}
	ready := make(chan *match.Record, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rec := range recs {
				if fp != nil && len(rec.Images) > 0 {
					rec.Fingerprints, rec.ImageErrors = nil, nil
					for _, ref := range rec.Images {
						f, err := fp.Fingerprint(ctx, ref)
						if err != nil {
							rec.ImageErrors = append(rec.ImageErrors, err.Error())
							continue
						}
						rec.Fingerprints = append(rec.Fingerprints, f)
					}
				}
				ready <- rec
			}
		}()
	}
	go func() {
		wg.Wait()
		close(ready)
	}()
	n := 0
	var firstErr error
	for rec := range ready {
		if firstErr != nil {
			continue // drain so the workers finish
		}
		if len(rec.ImageErrors) > 0 && onImageErrors != nil {
			onImageErrors(rec.ID, rec.ImageErrors)
		}
		if err := w.Put(rec); err != nil {
			firstErr = err
			continue
		}
		n++
	}
	if firstErr != nil {
		return n, firstErr
	}
	if err := w.Flush(); err != nil {
		return n, err
	}
	return n, ctx.Err()
}
