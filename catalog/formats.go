package catalog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
)

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// maxLine bounds one JSON Lines record.
const maxLine = 16 << 20

type jsonlSource struct {
	f   *os.File
	br  *bufio.Reader
	row int
}

func openJSONL(path string, read *atomic.Int64) (*jsonlSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(&countingReader{f, read}, 256<<10)
	// Skip a UTF-8 byte order mark, which some exports add.
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	return &jsonlSource{f: f, br: br}, nil
}

func (s *jsonlSource) lines() int { return s.row }

func (s *jsonlSource) next() (map[string]any, int, error, error) {
	for {
		line, err := readLine(s.br, maxLine)
		if err != nil {
			return nil, 0, nil, err
		}
		s.row++
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if len(line) > maxLine {
			return nil, s.row, fmt.Errorf("line longer than %d bytes", maxLine), nil
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var v any
		if derr := dec.Decode(&v); derr != nil {
			return nil, s.row, fmt.Errorf("not valid JSON: %v", derr), nil
		}
		if dec.More() {
			return nil, s.row, errors.New("more than one JSON value on the line"), nil
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, s.row, fmt.Errorf("want a JSON object, got %s", describe(v)), nil
		}
		return obj, s.row, nil, nil
	}
}

func (s *jsonlSource) close() error { return s.f.Close() }

type delimitedSource struct {
	f      *os.File
	r      *delimReader
	header []string
	notes  []string // the encoding, separator and header, when not the plain ones
	// ahead holds rows read while looking for the header, to be read again.
	ahead []delimRow
}

// delimRow is one record read ahead: its fields, line and row error.
type delimRow struct {
	fields []string
	line   int
	rowErr error
}

func openDelimited(path string, comma byte, renames map[string]string, read *atomic.Int64) (*delimitedSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, notes := newDelimReader(&countingReader{f, read}, comma)
	first, line, rowErr, err := r.record()
	if err != nil {
		f.Close()
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty file: want a header row")
		}
		return nil, fmt.Errorf("header row: %w", err)
	}
	if rowErr != nil {
		f.Close()
		return nil, fmt.Errorf("header row: %w", rowErr)
	}
	s := &delimitedSource{f: f, r: r, header: first}
	if !hasIDColumn(first, renames) {
		// A title block above the header? Read a few rows ahead.
		rows := [][]string{first}
		lines := []int{line}
		for len(s.ahead) < maxPreamble {
			fields, ln, rowErr, err := r.record()
			if err != nil {
				break
			}
			s.ahead = append(s.ahead, delimRow{fields, ln, rowErr})
			rows, lines = append(rows, fields), append(lines, ln)
		}
		if at, ok := headerAt(rows, renames); ok && s.ahead[at-1].rowErr == nil {
			s.header = rows[at]
			s.ahead = s.ahead[at:]
			notes = append(notes, preambleNote(lines[0], lines[at]))
		}
	}
	var more []string
	if s.header, more, err = dedupeHeader(s.header, renames); err != nil {
		f.Close()
		return nil, err
	}
	s.notes = append(notes, more...)
	return s, nil
}

func (s *delimitedSource) next() (map[string]any, int, error, error) {
	var rec []string
	var line int
	var rowErr error
	if len(s.ahead) > 0 {
		a := s.ahead[0]
		s.ahead = s.ahead[1:]
		rec, line, rowErr = a.fields, a.line, a.rowErr
	} else {
		var err error
		if rec, line, rowErr, err = s.r.record(); err != nil {
			return nil, 0, nil, err
		}
	}
	if rowErr != nil {
		// Hand back the fields read before the problem, so the row's id
		// can name the error.
		return zipRow(s.header, rec), line, rowErr, nil
	}
	if len(rec) != len(s.header) {
		return zipRow(s.header, rec), line, fmt.Errorf("has %d fields, the header has %d", len(rec), len(s.header)), nil
	}
	return zipRow(s.header, rec), line, nil, nil
}

func (s *delimitedSource) lines() int { return s.r.Lines() }

func (s *delimitedSource) columns() []string { return s.header }

func zipRow(header, rec []string) map[string]any {
	m := make(map[string]any, len(header))
	for i, h := range header {
		if i < len(rec) && strings.TrimSpace(h) != "" {
			m[h] = rec[i]
		}
	}
	return m
}

func (s *delimitedSource) close() error { return s.f.Close() }

type xlsxSource struct {
	f      *excelize.File
	rows   *excelize.Rows
	header []string
	row    int
	// ahead holds rows read while looking for the header, to be read again.
	ahead []xlsxRow
}

// xlsxRow is one non-blank sheet row: its cells, number, and read error.
type xlsxRow struct {
	cols []string
	row  int
	err  error
}

// XLSX unpacking limits: a workbook may unpack to xlsxExpansion times its
// size, at least xlsxMinUnpacked and at most xlsxMaxUnpacked bytes. Real
// supplier workbooks unpack to 5-20 times their size; a zip bomb to
// thousands.
const (
	xlsxExpansion   = 100
	xlsxMinUnpacked = 64 << 20
	xlsxMaxUnpacked = 2 << 30
	// xlsxXMLInMemory is the largest worksheet or shared-string part kept
	// in memory; larger ones go to a temporary file (excelize's default).
	xlsxXMLInMemory = 16 << 20
)

// openXLSX opens sheet (the first when empty) of a workbook. notes name the
// other sheets that hold data, which are not read.
func openXLSX(path, sheet string, renames map[string]string) (*xlsxSource, []string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	limit := min(max(st.Size()*xlsxExpansion, xlsxMinUnpacked), xlsxMaxUnpacked)
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: min(xlsxXMLInMemory, limit)})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, nil, fmt.Errorf("the workbook (%d bytes) unpacks to more than %d bytes: refused, as a zip bomb would be (save the sheet as CSV to read it)", st.Size(), limit)
		}
		return nil, nil, err
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, nil, errors.New("workbook has no sheet")
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if !slices.Contains(sheets, sheet) {
		f.Close()
		return nil, nil, fmt.Errorf("no sheet %q (sheets: %s)", sheet, strings.Join(sheets, ", "))
	}
	var notes []string
	for _, other := range sheets {
		if other != sheet && sheetHasData(f, other) {
			notes = append(notes, fmt.Sprintf("sheet %q also holds rows; only sheet %q is read (--sheet NAME picks another)", other, sheet))
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	s := &xlsxSource{f: f, rows: rows}
	if !rows.Next() {
		s.close()
		return nil, nil, fmt.Errorf("sheet %q is empty: want a header row", sheet)
	}
	s.row = 1
	s.header, err = rows.Columns()
	if err != nil {
		s.close()
		return nil, nil, fmt.Errorf("sheet %q header: %w", sheet, err)
	}
	if !hasIDColumn(s.header, renames) {
		// A title block above the header? Read a few rows ahead.
		rows := [][]string{s.header}
		for len(s.ahead) < maxPreamble {
			r, ok := s.read()
			if !ok {
				break
			}
			s.ahead = append(s.ahead, r)
			rows = append(rows, r.cols)
		}
		if at, ok := headerAt(rows, renames); ok && s.ahead[at-1].err == nil {
			s.header = rows[at]
			notes = append(notes, preambleNote(1, s.ahead[at-1].row))
			s.ahead = s.ahead[at:]
		}
	}
	var more []string
	if s.header, more, err = dedupeHeader(s.header, renames); err != nil {
		s.close()
		return nil, nil, err
	}
	return s, append(notes, more...), nil
}

// sheetHasData reports whether a sheet has a non-blank cell in its first
// rows.
func sheetHasData(f *excelize.File, sheet string) bool {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false
	}
	defer rows.Close()
	for i := 0; i < 10 && rows.Next(); i++ {
		cols, _ := rows.Columns()
		for _, c := range cols {
			if strings.TrimSpace(c) != "" {
				return true
			}
		}
	}
	return false
}

func (s *xlsxSource) next() (map[string]any, int, error, error) {
	r, ok := xlsxRow{}, false
	if len(s.ahead) > 0 {
		r, ok = s.ahead[0], true
		s.ahead = s.ahead[1:]
	} else {
		r, ok = s.read()
	}
	if !ok {
		if err := s.rows.Error(); err != nil {
			return nil, 0, nil, err
		}
		return nil, 0, nil, io.EOF
	}
	if r.err != nil {
		return nil, r.row, fmt.Errorf("unreadable: %v", r.err), nil
	}
	if len(r.cols) > len(s.header) {
		return zipRow(s.header, r.cols), r.row, fmt.Errorf("has %d cells, the header has %d", len(r.cols), len(s.header)), nil
	}
	return zipRow(s.header, r.cols), r.row, nil, nil
}

// read returns the next non-blank row, its cells raw (a GTIN as digits, not
// as the sheet formats it); false at the end.
func (s *xlsxSource) read() (xlsxRow, bool) {
	for s.rows.Next() {
		s.row++
		cols, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return xlsxRow{row: s.row, err: err}, true
		}
		for _, c := range cols {
			if strings.TrimSpace(c) != "" {
				return xlsxRow{cols: cols, row: s.row}, true
			}
		}
	}
	return xlsxRow{}, false
}

func (s *xlsxSource) lines() int { return s.row }

func (s *xlsxSource) columns() []string { return s.header }

func (s *xlsxSource) close() error {
	if s.rows != nil {
		s.rows.Close()
	}
	return s.f.Close()
}
