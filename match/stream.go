package match

import (
	"context"

	"github.com/followmatch/followmatch/internal/ordered"
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
	return ordered.Map(ctx, jobs, workers, func(ctx context.Context, j Job) Result {
		if j.Err != nil {
			return ErrorResult(j.ID, j.Err)
		}
		return m.Match(ctx, j.Offer)
	}, emit)
}
