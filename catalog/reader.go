// Package catalog reads listing and offer records from JSON Lines, CSV, TSV
// and XLSX files, streaming one row at a time, and writes match results as
// JSON Lines, CSV or an aligned table. It also loads the policy, seller and
// config files.
package catalog

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/match"
)

// Format is a record file format.
type Format string

// The formats Open reads.
const (
	JSONL Format = "jsonl"
	CSV   Format = "csv"
	TSV   Format = "tsv"
	XLSX  Format = "xlsx"
)

// FormatOf infers a file's format from its extension.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		return JSONL, nil
	case ".csv":
		return CSV, nil
	case ".tsv", ".tab":
		return TSV, nil
	case ".xlsx":
		return XLSX, nil
	}
	return "", fmt.Errorf("catalog: %s: unknown file type %q (want .jsonl, .csv, .tsv or .xlsx)", path, filepath.Ext(path))
}

// RowError is a row that could not be read: it names the file, the row
// (line for JSONL, CSV and TSV, sheet row for XLSX, 1-based, header
// included) and the field.
type RowError struct {
	File  string
	Row   int
	Field string // empty when the row as a whole is bad
	ID    string // the record id, when it could be read
	Err   error
}

func (e *RowError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s row %d: %v", e.File, e.Row, e.Err)
	}
	return fmt.Sprintf("%s row %d, field %s: %v", e.File, e.Row, e.Field, e.Err)
}

func (e *RowError) Unwrap() error { return e.Err }

// Row is one record read, or the error that took its place.
type Row struct {
	// Row is the row number (see RowError).
	Row    int
	Record *match.Record
	// Err is a *RowError when the row is bad; reading goes on.
	Err error
}

// Options adjust how records are read.
type Options struct {
	// Map renames source columns or keys to SPEC field names
	// ("Product Name" -> "title"); names compare case-insensitively.
	Map map[string]string
	// Sheet names the XLSX sheet to read; the first when empty.
	Sheet string
}

// ParseMap parses a --map value: "src=dst,src2=dst2".
func ParseMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, pair := range strings.Split(s, ",") {
		src, dst, ok := strings.Cut(pair, "=")
		src, dst = strings.TrimSpace(src), strings.TrimSpace(dst)
		if !ok || src == "" || dst == "" {
			return nil, fmt.Errorf("--map: %q is not src=dst", pair)
		}
		if !knownField(strings.ToLower(dst)) {
			return nil, fmt.Errorf("--map: %q is not a record field (fields: %s, param:NAME)", dst, strings.Join(fieldNames, ", "))
		}
		m[strings.ToLower(src)] = strings.ToLower(dst)
	}
	return m, nil
}

// rowSource yields the raw rows of one file format.
type rowSource interface {
	// next returns the next row's fields and row number, or io.EOF. A
	// non-nil rowErr is a bad row; the source can go on after it.
	next() (fields map[string]any, row int, rowErr error, err error)
	// lines returns the lines (sheet rows for XLSX) read so far, the
	// header and blank lines included.
	lines() int
	close() error
}

// Reader streams records from a file. It is not safe for concurrent use.
type Reader struct {
	path   string
	name   string // the path as shown in messages
	dir    string // images are relative to it
	opts   Options
	src    rowSource
	seenID map[string]int
	read   *atomic.Int64 // bytes read from the file
	size   int64         // the file's size; 0 when progress is unknown
	// seenKeys are the lowercased column names (keys) met so far: the
	// header, or the keys of JSON Lines records (at most maxSeenKeys).
	seenKeys map[string]bool
	notes    []string
	// renames are the --map renames and, for a file with a header, the
	// columns read by their names (resolveColumns).
	renames map[string]string
}

// Notes returns what the reader noticed about the file as a whole and the
// user should hear (an XLSX sheet with data that is not read).
func (r *Reader) Notes() []string { return r.notes }

// maxSeenKeys bounds the distinct JSON Lines keys remembered for
// MissingSources.
const maxSeenKeys = 1000

// Open opens a record file, inferring its format from the extension.
func Open(path string, opts Options) (*Reader, error) {
	f, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	var src rowSource
	var notes []string
	read := new(atomic.Int64)
	switch f {
	case JSONL:
		src, err = openJSONL(path, read)
	case CSV, TSV:
		def := byte(',')
		if f == TSV {
			def = '\t'
		}
		var ds *delimitedSource
		if ds, err = openDelimited(path, def, opts.Map, read); err == nil {
			src, notes = ds, ds.notes
		}
	case XLSX:
		var xs *xlsxSource
		xs, notes, err = openXLSX(path, opts.Sheet, opts.Map)
		if err == nil {
			src = xs
		}
	}
	if err != nil {
		return nil, fmt.Errorf("catalog: open %s: %w", path, err)
	}
	var size int64
	if st, err := os.Stat(path); err == nil && f != XLSX {
		size = st.Size()
	}
	r := &Reader{path: path, name: path, dir: filepath.Dir(path), opts: opts, src: src, seenID: map[string]int{}, read: read, size: size, seenKeys: map[string]bool{}, notes: notes, renames: opts.Map}
	if h, ok := src.(interface{ columns() []string }); ok {
		for _, c := range h.columns() {
			r.seenKeys[strings.ToLower(strings.TrimSpace(c))] = true
		}
		var more []string
		r.renames, more = resolveColumns(h.columns(), opts.Map)
		r.notes = append(r.notes, more...)
	}
	return r, nil
}

// HasHeader reports whether the file names its columns up front (CSV, TSV,
// XLSX): then MissingSources is final as soon as the file is open.
func (r *Reader) HasHeader() bool {
	_, ok := r.src.(interface{ columns() []string })
	return ok
}

// MissingSources returns the --map source columns that the file has not
// shown so far (for JSON Lines, in the records read): most likely typos,
// which would leave a field empty on every row.
func (r *Reader) MissingSources() []string {
	var out []string
	for src := range r.opts.Map {
		if !r.seenKeys[src] {
			out = append(out, src)
		}
	}
	slices.Sort(out)
	return out
}

// Next returns the next row, or io.EOF after the last. A bad row comes back
// as a Row with Err set; only a failure to read the file itself is an error.
func (r *Reader) Next() (Row, error) {
	fields, n, rowErr, err := r.src.next()
	if !r.HasHeader() && len(r.seenKeys) < maxSeenKeys {
		for k := range fields {
			r.seenKeys[strings.ToLower(strings.TrimSpace(k))] = true
		}
	}
	if err != nil {
		if errors.Is(err, io.EOF) {
			return Row{}, io.EOF
		}
		return Row{}, fmt.Errorf("catalog: read %s: %w", r.name, err)
	}
	if rowErr != nil {
		return Row{Row: n, Err: &RowError{File: r.name, Row: n, ID: r.idOf(fields), Err: rowErr}}, nil
	}
	rec, field, ferr := toRecord(fields, r.renames)
	if ferr != nil {
		id := ""
		if rec != nil {
			id = rec.ID
		}
		return Row{Row: n, Err: &RowError{File: r.name, Row: n, Field: field, ID: id, Err: ferr}}, nil
	}
	if prev, dup := r.seenID[rec.ID]; dup {
		return Row{Row: n, Err: &RowError{File: r.name, Row: n, Field: "id", ID: rec.ID, Err: fmt.Errorf("id %q repeats row %d", rec.ID, prev)}}, nil
	}
	r.seenID[rec.ID] = n
	for i, img := range rec.Images {
		if !imageload.IsURL(img) && !filepath.IsAbs(img) {
			rec.Images[i] = filepath.Join(r.dir, img)
		}
	}
	return Row{Row: n, Record: rec}, nil
}

// idOf reads the id from a bad row's fields, if it has one.
func (r *Reader) idOf(fields map[string]any) string {
	for k, v := range fields {
		if s, ok := v.(string); ok && fieldName(k, r.renames) == "id" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// Progress returns the bytes read so far and the file's size; size is 0
// when progress cannot be known (XLSX).
func (r *Reader) Progress() (read, size int64) { return r.read.Load(), r.size }

// Lines returns how many lines of the file (rows of the sheet) have been
// read, the header and blank lines included: at the end, what a run reports
// beside the rows it decided, so a row lost to a quoting problem shows.
func (r *Reader) Lines() int { return r.src.lines() }

// Close releases the file.
func (r *Reader) Close() error { return r.src.close() }
