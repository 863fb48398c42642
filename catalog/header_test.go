package catalog

import (
	"strings"
	"testing"
)

// TestHeaderBelowTitleRows: a price list with a title block above its
// header is read from the header on, with a note; a file whose header names
// no id column anywhere keeps its first row as header and loses no row; a
// repeated column that matching does not read no longer refuses the file.
func TestHeaderBelowTitleRows(t *testing.T) {
	m := map[string]string{"item #": "id", "description": "title", "vendor": "brand"}
	tests := []struct {
		name     string
		path     func(t *testing.T) string
		opts     Options
		wantIDs  []string
		wantErrs int
		wantNote string
		why      string
	}{
		{"csv title block", func(t *testing.T) string {
			return write(t, "p.csv", "ACME Wholesale price list,,\n\nDecember 2026,,\nItem #,Description,Vendor\nW1,Cola 12 oz,Acme\nW2,Tea,Acme\n")
		}, Options{Map: m}, []string{"W1", "W2"}, 0, "rows 1-3 above the header are skipped: row 4 is the first to name an id column",
			"every row was an error: the title was taken for the header"},
		{"csv header without --map", func(t *testing.T) string {
			return write(t, "p.csv", "Price list,,\nid,title,brand\nW1,Cola,Acme\n")
		}, Options{}, []string{"W1"}, 0, "row 1 above the header is skipped: row 2",
			"the id column named as the SPEC names it"},
		{"no id column anywhere", func(t *testing.T) string {
			return write(t, "p.csv", "sku,name\nW1,Cola\nW2,Tea\nW3,Milk\n")
		}, Options{}, nil, 3, "",
			"no header found below: the first row stays the header and every row is read (each an error naming the missing id)"},
		{"xlsx title block", func(t *testing.T) string {
			return workbook(t, map[string][][]any{"Prices": {
				{"ACME Wholesale"}, {}, {"Item #", "Description", "Vendor"}, {"W1", "Cola 12 oz", "Acme"}, {"W2", "Tea", "Acme"},
			}}, []string{"Prices"})
		}, Options{Map: m}, []string{"W1", "W2"}, 0, "rows 1-2 above the header are skipped: row 3",
			"a workbook with a title row"},
		{"repeated unused column", func(t *testing.T) string {
			return write(t, "p.csv", "id,title,Notes,notes\nW1,Cola,a,b\n")
		}, Options{}, []string{"W1"}, 0, `column 4 repeats column 3 ("notes"), which matching does not read: ignored`,
			"a file was refused for a column nothing reads"},
	}
	for _, tt := range tests {
		p := tt.path(t)
		rd, err := Open(p, tt.opts)
		if err != nil {
			t.Fatalf("%s: %v (%s)", tt.name, err, tt.why)
		}
		notes := strings.Join(rd.Notes(), "; ")
		rd.Close()
		if tt.wantNote == "" && notes != "" || !strings.Contains(notes, tt.wantNote) {
			t.Errorf("%s: notes %q, want %q (%s)", tt.name, notes, tt.wantNote, tt.why)
		}
		recs, errs := readAll(t, p, tt.opts)
		var ids []string
		for _, r := range recs {
			ids = append(ids, r.ID)
		}
		if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") || len(errs) != tt.wantErrs {
			t.Errorf("%s: ids %v and %d errors %q, want %v and %d (%s)", tt.name, ids, len(errs), errs, tt.wantIDs, tt.wantErrs, tt.why)
		}
	}
}
