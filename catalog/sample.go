package catalog

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/followmatch/followmatch/match"
)

// Sample reads the record file at path and returns up to n of its records
// spread over the whole file (reservoir sampling with a fixed seed: the
// same file gives the same sample), and the number of records read. Rows
// that are errors are passed over: the run that decides the file reports
// them.
func Sample(ctx context.Context, path string, opts Options, n int) ([]*match.Record, int, error) {
	rd, err := Open(path, opts)
	if err != nil {
		return nil, 0, err
	}
	defer rd.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	var out []*match.Record
	seen := 0
	for {
		if seen%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, seen, err
			}
		}
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out, seen, nil
		}
		if err != nil {
			return nil, seen, fmt.Errorf("sample %s: %w", path, err)
		}
		if row.Err != nil || row.Record == nil {
			continue
		}
		seen++
		switch {
		case len(out) < n:
			out = append(out, row.Record)
		default:
			if j := rng.IntN(seen); j < n {
				out[j] = row.Record
			}
		}
	}
}
