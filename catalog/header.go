package catalog

import (
	"fmt"
	"strings"
)

// maxPreamble is how many rows above the header a sheet may hold (a title,
// a date, a blank line: "ACME Wholesale price list, December").
const maxPreamble = 20

// hasIDColumn reports whether a row, read as a header, names the id field
// (after the --map renames, or by a name that stands for it: "SKU").
func hasIDColumn(row []string, renames map[string]string) bool {
	resolved, _ := resolveColumns(row, renames)
	for _, c := range row {
		if fieldName(c, resolved) == "id" {
			return true
		}
	}
	return false
}

// headerAt returns which of rows (the first rows of a file, the first
// row first) is the header: the first, unless it names no id column and a
// later one does; then the rows above that one are a title block. ok is
// false when the first row is kept.
func headerAt(rows [][]string, renames map[string]string) (int, bool) {
	if len(rows) == 0 || hasIDColumn(rows[0], renames) {
		return 0, false
	}
	for i, r := range rows[1:] {
		if hasIDColumn(r, renames) {
			return i + 1, true
		}
	}
	return 0, false
}

// preambleNote says which rows above the header were skipped.
func preambleNote(first, header int) string {
	rows := fmt.Sprintf("row %d above the header is", first)
	if header-1 > first {
		rows = fmt.Sprintf("rows %d-%d above the header are", first, header-1)
	}
	return fmt.Sprintf("%s skipped: row %d is the first to name an id column", rows, header)
}

// dedupeHeader checks a header's column names. Two columns that name one
// record field (after the --map renames) are an error: which one holds it is
// not known. A repeated column that names no field is not read: it is
// renamed "NAME (column N)" and said in a note, instead of refusing a file
// for a column it does not use.
func dedupeHeader(header []string, renames map[string]string) ([]string, []string, error) {
	seen := map[string]int{}
	var notes []string
	out := header
	for i, h := range header {
		k := strings.ToLower(strings.TrimSpace(h))
		if k == "" {
			continue
		}
		j, dup := seen[k]
		if !dup {
			seen[k] = i
			continue
		}
		if knownField(fieldName(h, renames)) {
			return nil, nil, fmt.Errorf("header: column %d repeats column %d (%q)", i+1, j+1, h)
		}
		if &out[0] == &header[0] {
			out = append([]string(nil), header...)
		}
		out[i] = fmt.Sprintf("%s (column %d)", h, i+1)
		notes = append(notes, fmt.Sprintf("column %d repeats column %d (%q), which matching does not read: ignored", i+1, j+1, h))
	}
	return out, notes, nil
}
