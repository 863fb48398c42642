package match

import (
	"context"
	"sync"
)

// Job is one offer to decide, or the error of a row that could not be read
// (it becomes an error result in its place).
type Job struct {
	Offer *Record
	// Err, when set, is why the row could not be read; ID is its id if
	// known.
	Err error
	ID  string
}

// Run decides every job from jobs with the given number of workers and
// calls emit with each result in the order the jobs arrived. It returns when
// jobs is closed and every result is emitted, or with the first error of
// emit or ctx.
func (m *Matcher) Run(ctx context.Context, jobs <-chan Job, workers int, emit func(Result) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type task struct {
		seq int
		job Job
	}
	type done struct {
		seq int
		res Result
	}
	tasks := make(chan task, workers*4)
	results := make(chan done, workers*4)

	go func() {
		defer close(tasks)
		seq := 0
		for {
			select {
			case <-ctx.Done():
				return
			case j, ok := <-jobs:
				if !ok {
					return
				}
				select {
				case tasks <- task{seq, j}:
				case <-ctx.Done():
					return
				}
				seq++
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				var r Result
				if t.job.Err != nil {
					r = ErrorResult(t.job.ID, t.job.Err)
				} else {
					r = m.Match(ctx, t.job.Offer)
				}
				select {
				case results <- done{t.seq, r}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Reorder: hold results that arrive early until their turn.
	pending := map[int]Result{}
	next := 0
	for d := range results {
		pending[d.seq] = d.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := emit(r); err != nil {
				cancel()
				for range results { // let the workers finish
				}
				return err
			}
		}
	}
	return ctx.Err()
}
