package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/index"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	listings := fs.String("listings", "", "listings `file` (.jsonl, .csv, .tsv, .xlsx)")
	dir := fs.String("index", defaultIndex, "index `dir` (created, or updated when it exists)")
	mapping := fs.String("map", "", "rename columns: `src=dst,...`")
	sheet := fs.String("sheet", "", "the `sheet` of an XLSX listings file to read (default the first)")
	var roots stringList
	fs.Var(&roots, "image-root", "also read image files inside `dir` (images are read inside the listings file's folder; repeatable)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "parallel image `workers`")
	del := fs.String("delete", "", "remove the listings whose ids are in `file` (one id per line, or a record file's id column)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file` (for tuning)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *listings == "" && *del == "" {
		return usagef("--listings or --delete is required")
	}
	m, err := catalog.ParseMap(*mapping)
	if err != nil {
		return usageError{err.Error()}
	}
	stop, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	if *listings != "" {
		if _, err := buildIndex(ctx, *listings, *dir, catalog.Options{Map: m, Sheet: *sheet}, imageAccess([]string{*listings}, roots), *workers, stderr); err != nil {
			return err
		}
	}
	if *del != "" {
		return deleteListings(ctx, *del, *dir, m, stderr)
	}
	return nil
}

// deleteListings removes the listings named in a file from the index and
// says how many of them were there.
func deleteListings(ctx context.Context, path, dir string, mapping map[string]string, stderr io.Writer) error {
	ids, err := readIDs(path, mapping)
	if err != nil {
		return err
	}
	if !index.Exists(dir) {
		return fmt.Errorf("index: open %s: no followmatch index there", dir)
	}
	e, err := followmatch.Open(ctx, dir, followmatch.Options{ImageCacheDir: "-"})
	if err != nil {
		return err
	}
	named := len(ids)
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	n, err := e.Delete(ctx, ids...)
	if err != nil {
		e.Close()
		return err
	}
	left, _ := e.Count()
	if err := e.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "index %s: removed %d listings of the %d ids named in %s", dir, n, named, path)
	if missing := len(ids) - n; missing > 0 {
		fmt.Fprintf(stderr, " (%d not in the index", missing)
		if dup := named - len(ids); dup > 0 {
			fmt.Fprintf(stderr, ", %d named twice", dup)
		}
		fmt.Fprint(stderr, ")")
	} else if dup := named - len(ids); dup > 0 {
		fmt.Fprintf(stderr, " (%d named twice)", dup)
	}
	fmt.Fprintf(stderr, "; %d listings remain\n", left)
	return nil
}

// readIDs reads ids from a plain list (one per line; .txt or no extension)
// or from the id column of a record file.
func readIDs(path string, mapping map[string]string) ([]string, error) {
	if _, err := catalog.FormatOf(path); err != nil {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("--delete: %w", err)
		}
		var ids []string
		for _, line := range strings.Split(string(b), "\n") {
			if id := strings.TrimSpace(line); id != "" && !strings.HasPrefix(id, "#") {
				ids = append(ids, id)
			}
		}
		return ids, nil
	}
	rd, err := catalog.Open(path, catalog.Options{Map: mapping})
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	var ids []string
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return ids, nil
		}
		if err != nil {
			return nil, err
		}
		switch {
		case row.Record != nil:
			ids = append(ids, row.Record.ID)
		case row.Err != nil:
			var re *catalog.RowError
			if errors.As(row.Err, &re) && re.ID != "" {
				ids = append(ids, re.ID) // a bad row still names what to delete
			}
		}
	}
}

// startCPUProfile writes a CPU profile to path until stop is called; an
// empty path profiles nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
