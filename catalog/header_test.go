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
			return write(t, "p.csv", "code,label\nW1,Cola\nW2,Tea\nW3,Milk\n")
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

// TestSupplierCounts: counts as supplier files write them are read, not
// refused: thousands separators, "N/A" for an unknown stock, a pack column
// in words ("6/CS", "12 ct", "EA"), which is kept as packaging text too.
func TestSupplierCounts(t *testing.T) {
	tests := []struct {
		stock, pack, packaging string
		wantStock              int // -1: unknown
		wantPack               int
		wantPackaging          string
		wantErr                string
		why                    string
	}{
		{"1,200", "", "", 1200, 0, "", "", "a thousands separator made the row an error"},
		{"12 345", "", "", 12345, 0, "", "", "a space as thousands separator"},
		{"1,2345", "", "", 0, 0, "", `field stock: "1,2345" is not an integer`, "not groups of three: not a number"},
		{"N/A", "", "", -1, 0, "", "", "an unknown stock is no error"},
		{"-", "", "", -1, 0, "", "", "a dash for unknown"},
		{"12.0", "6", "", 12, 6, "", "", "numbers as spreadsheets write them"},
		{"", "6/CS", "", -1, 6, "6/CS", "", "wholesale pack shorthand"},
		{"", "12 ct", "Retail box", -1, 12, "Retail box; 12 ct", "", "pack text joins the packaging column"},
		{"", "EA", "", -1, 1, "EA", "", "each: one unit"},
		{"", "lots", "", -1, 0, "", `field pack_count: "lots" is not an integer, nor a pack`, "text that says no count is still an error"},
		{"-5", "", "", 0, 0, "", `field stock: -5 is negative`, "a negative stock stays an error"},
		{"In Stock", "", "", -1, 0, "", "", "availability in words: no count"},
		{"Out of stock", "", "", 0, 0, "", "", "none: the supply rule sees 0"},
		{"SOLD  OUT", "", "", 0, 0, "", "", "case and spacing do not matter"},
	}
	for _, tt := range tests {
		p := write(t, "o.csv", "id,title,stock,pack_count,packaging\nA1,Cola,\""+tt.stock+"\","+tt.pack+","+tt.packaging+"\n")
		recs, errs := readAll(t, p, Options{})
		if tt.wantErr != "" {
			if len(errs) != 1 || !strings.Contains(errs[0], tt.wantErr) {
				t.Errorf("stock %q pack %q: errors %q, want %q (%s)", tt.stock, tt.pack, errs, tt.wantErr, tt.why)
			}
			continue
		}
		if len(errs) > 0 || len(recs) != 1 {
			t.Errorf("stock %q pack %q: errors %q (%s)", tt.stock, tt.pack, errs, tt.why)
			continue
		}
		r := recs[0]
		stock := -1
		if r.Stock != nil {
			stock = *r.Stock
		}
		if stock != tt.wantStock || r.PackCount != tt.wantPack || r.Packaging != tt.wantPackaging {
			t.Errorf("stock %q pack %q packaging %q: got stock %d pack %d packaging %q, want %d %d %q (%s)",
				tt.stock, tt.pack, tt.packaging, stock, r.PackCount, r.Packaging, tt.wantStock, tt.wantPack, tt.wantPackaging, tt.why)
		}
	}
}

// TestGTINCells: a GTIN cell that holds several, separated as people write
// them, gives each.
func TestGTINCells(t *testing.T) {
	tests := []struct {
		cell string
		want []string
		why  string
	}{
		{"036000291452|96385074", []string{"036000291452", "96385074"}, "the SPEC's separator"},
		{"044700000427 / 044700000428", []string{"044700000427", "044700000428"}, "a slash between two"},
		{"044700000427; 044700000428", []string{"044700000427", "044700000428"}, "a semicolon"},
		{"044700000427, 044700000428", []string{"044700000427", "044700000428"}, "a comma"},
		{"7,50123456789E+11", []string{"7,50123456789E+11"}, "a decimal comma in scientific notation is not split"},
		{"750123456789,0", []string{"750123456789,0"}, "a float with a decimal comma is one GTIN"},
	}
	for _, tt := range tests {
		p := write(t, "o.csv", "id,title,gtin\nA1,Cola,\""+tt.cell+"\"\n")
		recs, errs := readAll(t, p, Options{})
		if len(errs) > 0 || len(recs) != 1 || strings.Join(recs[0].GTINs, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: %v %q, want %q (%s)", tt.cell, recs, errs, tt.want, tt.why)
		}
	}
}
