package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestDelimitedQuoting: every row of a file comes out as one row, a record
// or an error; a quoting mistake costs its own row only.
func TestDelimitedQuoting(t *testing.T) {
	tests := []struct {
		name     string
		body     string // after the header "id,title,brand"
		wantIDs  []string
		wantErrs []string // substrings, one per bad row, in order
		why      string
	}{
		{"quote then text", "A1,\"Best\" Sony headphones,Sony\nA2,ok,Sony\nA3,fine,Sony\n",
			[]string{"A2", "A3"}, []string{`row 2: quoting: field 2 starts with a quote but has text after its closing quote`},
			"a field that begins with a quote used to swallow every later row"},
		{"unterminated quote", "A1,\"Sony headphones,Sony\nA2,ok,Sony\nA3,fine,Sony\n",
			[]string{"A2", "A3"}, []string{`row 2: quoting: the quote opening field 2 is never closed`},
			"the rows after a quote never closed are read again as rows"},
		{"inch mark", "A1,10\" tablet,Acme\nA2,\"12\"\" laptop\",Acme\n",
			[]string{"A1", "A2"}, nil, `a quote inside an unquoted field is text; "" inside quotes is one quote`},
		{"multi-line field", "A1,\"two\nlines\",Acme\nA2,x,Acme\n",
			[]string{"A1", "A2"}, nil, "a quoted field may span lines"},
		{"CRLF and blank lines", "A1,x,Acme\r\n\r\n   \r\nA2,y,Acme\r\n",
			[]string{"A1", "A2"}, nil, "blank and whitespace-only lines are no rows"},
		{"field count", "A1,x\nA2,y,Acme\n",
			[]string{"A2"}, []string{"row 2: has 2 fields, the header has 3"}, "a short row is an error row"},
		{"no newline at the end", "A1,x,Acme\nA2,y,Acme",
			[]string{"A1", "A2"}, nil, "the last line counts without its newline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, "f.csv", "id,title,brand\n"+tt.body)
			recs, errs := readAll(t, p, Options{})
			var ids []string
			for _, r := range recs {
				ids = append(ids, r.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") || len(errs) != len(tt.wantErrs) {
				t.Fatalf("records %v, errors %q; want %v and %d errors (%s)", ids, errs, tt.wantIDs, len(tt.wantErrs), tt.why)
			}
			for i, e := range errs {
				if !strings.Contains(e, tt.wantErrs[i]) {
					t.Errorf("error %q, want %q (%s)", e, tt.wantErrs[i], tt.why)
				}
			}
		})
	}
}

// TestDelimitedRowsInRowsOut: 1,100 rows with a bad quote near the top give
// 1,100 rows back (one of them an error), and the reader counts the lines.
func TestDelimitedRowsInRowsOut(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title\n")
	for i := range 1100 {
		title := fmt.Sprintf("item %d", i)
		if i == 1 {
			title = `"Best" Sony headphones`
		}
		fmt.Fprintf(&b, "S%d,%s\n", i, title)
	}
	p := write(t, "many.csv", b.String())
	rd, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	rows, bad := 0, 0
	for {
		row, err := rd.Next()
		if err != nil {
			break
		}
		rows++
		if row.Err != nil {
			bad++
		}
	}
	if rows != 1100 || bad != 1 || rd.Lines() != 1101 {
		t.Errorf("%d rows (%d bad) from %d lines; want 1100 (1 bad) from 1101", rows, bad, rd.Lines())
	}
}

// TestDelimitedManyBadLines: a million whitespace-only lines and a million
// short rows under a multi-column header neither crash the reader (it once
// recursed per blank line until the stack overflowed) nor grow its memory.
func TestDelimitedManyBadLines(t *testing.T) {
	if testing.Short() {
		t.Skip("writes two files of a million lines")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name, line string
		wantRows   int
	}{
		{"blank.csv", "   \n", 0},
		{"short.csv", "x,y\n", 1_000_000},
	} {
		p := filepath.Join(dir, tc.name)
		content := "id,title,brand,gtin,size\n" + strings.Repeat(tc.line, 1_000_000)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		rd, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.HeapInuse
		var peak uint64
		rows := 0
		for {
			row, err := rd.Next()
			if err != nil {
				break
			}
			if row.Err == nil {
				t.Fatalf("%s: row %d read as a record", tc.name, row.Row)
			}
			rows++
			if rows%100_000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
		rd.Close()
		if rows != tc.wantRows || rd.Lines() != 1_000_001 {
			t.Errorf("%s: %d rows from %d lines; want %d from 1000001", tc.name, rows, rd.Lines(), tc.wantRows)
		}
		if peak > before+32<<20 {
			t.Errorf("%s: heap grew from %d to %d MB reading bad lines", tc.name, before>>20, peak>>20)
		}
	}
}

// TestJSONLByteOrderMark: a UTF-8 BOM before the first record does not cost
// row 1.
func TestJSONLByteOrderMark(t *testing.T) {
	p := write(t, "bom.jsonl", "\ufeff{\"id\":\"a\",\"title\":\"x\"}\n{\"id\":\"b\"}\n")
	recs, errs := readAll(t, p, Options{})
	if len(recs) != 2 || len(errs) != 0 || recs[0].ID != "a" {
		t.Errorf("records %d, errors %q; want both rows read", len(recs), errs)
	}
}

// TestDelimitedFieldCap: a field over 16 MiB is an error for its row, and
// the next row reads.
func TestDelimitedFieldCap(t *testing.T) {
	p := write(t, "big.csv", "id,title\nA1,"+strings.Repeat("x", maxField+10)+"\nA2,ok\n")
	recs, errs := readAll(t, p, Options{})
	if len(recs) != 1 || recs[0].ID != "A2" || len(errs) != 1 || !strings.Contains(errs[0], "longer than") {
		t.Errorf("records %d, errors %q; want A2 read and the long row refused", len(recs), errs)
	}
}
