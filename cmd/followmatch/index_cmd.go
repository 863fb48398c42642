package main

import (
	"context"
	"flag"
	"io"
	"runtime"

	"github.com/followmatch/followmatch/catalog"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	listings := fs.String("listings", "", "listings `file` (.jsonl, .csv, .tsv, .xlsx)")
	dir := fs.String("index", defaultIndex, "index `dir` (created, or updated when it exists)")
	mapping := fs.String("map", "", "rename columns: `src=dst,...`")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "parallel image `workers`")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *listings == "" {
		return usagef("--listings is required")
	}
	m, err := catalog.ParseMap(*mapping)
	if err != nil {
		return usageError{err.Error()}
	}
	_, err = buildIndex(ctx, *listings, *dir, m, *workers, stderr)
	return err
}
