package catalog

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16File encodes s as UTF-16 with a byte order mark.
func utf16File(s string, bigEndian bool) string {
	var b []byte
	put := func(u uint16) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	put(0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		put(u)
	}
	return string(b)
}

// TestSpreadsheetExports: files as spreadsheets save them (semicolons where
// the comma is the decimal mark, Windows-1252, UTF-16) are read as the user
// wrote them, and the reader says how it read them.
func TestSpreadsheetExports(t *testing.T) {
	tests := []struct {
		name, file, body string
		wantTitles       []string
		wantBrand        string // of the first record
		wantNote         string // a substring of the notes, "" for none
		why              string
	}{
		{"plain", "a.csv", "id,title,brand\nA1,Cola 1.5 l,Acme\n", []string{"Cola 1.5 l"}, "Acme", "",
			"the plain case says nothing"},
		{"semicolons", "a.csv", "id;title;brand;size\nA1;Cola, Zero;Acme;1,5 l\nA2;Tea;Acme;2 l\n", []string{"Cola, Zero", "Tea"}, "Acme",
			"read as semicolon-separated: line 1 has 3 semicolons and 0 commas",
			"Excel writes semicolons where the comma is the decimal mark: every row was an error"},
		{"a title with a comma above semicolons", "a.csv", "ACME price list, December\n\nid;title;brand\nA1;Cola, Zero;Acme\n", []string{"Cola, Zero"}, "Acme",
			"read as semicolon-separated: line 3 has 2 semicolons and 0 commas",
			"the title block above the header must not choose the separator"},
		{"tabs in a .csv", "a.csv", "id\ttitle\tbrand\nA1\tCola, Zero\tAcme\n", []string{"Cola, Zero"}, "Acme", "read as tab-separated",
			"a tab-separated export named .csv"},
		{"commas in a .tsv", "a.tsv", "id,title,brand\nA1,Cola,Acme\n", []string{"Cola"}, "Acme", "read as comma-separated",
			"a comma-separated export named .tsv"},
		{"a tie keeps the extension's", "a.csv", "id,title,brand;x;y\nA1,Cola;Zero,Acme\n", []string{"Cola;Zero"}, "", "",
			"one comma and one semicolon: the extension decides"},
		{"quoted separators do not count", "a.csv", "id,title,brand,\"notes;a;b;c\"\nA1,Cola,Acme,n\n", []string{"Cola"}, "Acme", "",
			"semicolons inside a quoted header name are text"},
		{"Windows-1252", "a.csv", "id,title,brand\nA1,Caf\xe9 Cr\xe8me 250 g,Nestl\xe9\n", []string{"Café Crème 250 g"}, "Nestlé",
			"line 2 (and maybe others) is not UTF-8: such lines are read as Windows-1252",
			"replacing the bytes made 'Nestl\uFFFD', another brand"},
		{"UTF-8 and Windows-1252 lines", "a.csv", "id,title,brand\nA1,Café,Nestlé\nA2,Cr\xe8me,Nestl\xe9\n", []string{"Café", "Crème"}, "Nestlé",
			"line 3", "a valid UTF-8 line is not read again as Windows-1252"},
		{"UTF-16 little endian", "a.txt.tsv", utf16File("id\ttitle\tbrand\r\nA1\tCafé\tNestlé\r\n", false), []string{"Café"}, "Nestlé",
			"read as UTF-16", "Excel's Unicode Text export: every row was an error"},
		{"UTF-16 big endian, commas", "a.csv", utf16File("id,title,brand\nA1,Café,Nestlé\n", true), []string{"Café"}, "Nestlé",
			"read as UTF-16", "the byte order mark says which end first"},
	}
	for _, tt := range tests {
		p := write(t, tt.file, tt.body)
		rd, err := Open(p, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		notes := strings.Join(rd.Notes(), "; ")
		rd.Close()
		if tt.wantNote == "" && notes != "" || !strings.Contains(notes, tt.wantNote) {
			t.Errorf("%s: notes %q, want %q (%s)", tt.name, notes, tt.wantNote, tt.why)
		}
		recs, errs := readAll(t, p, Options{})
		if len(errs) > 0 {
			t.Errorf("%s: row errors %q (%s)", tt.name, errs, tt.why)
		}
		var titles []string
		for _, r := range recs {
			titles = append(titles, r.Title)
		}
		if strings.Join(titles, "|") != strings.Join(tt.wantTitles, "|") {
			t.Errorf("%s: titles %q, want %q (%s)", tt.name, titles, tt.wantTitles, tt.why)
		}
		if len(recs) > 0 && recs[0].Brand != tt.wantBrand {
			t.Errorf("%s: brand %q, want %q (%s)", tt.name, recs[0].Brand, tt.wantBrand, tt.why)
		}
	}
}

// TestLegacyLineFarIntoFile: a Windows-1252 line past the part of the file
// the encoding is judged on is read as Windows-1252 too.
func TestLegacyLineFarIntoFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title,brand\n")
	n := 0
	for b.Len() < sniffBytes+1000 {
		n++
		fmt.Fprintf(&b, "A%d%s,Plain title,Acme\n", n, strings.Repeat("x", 40))
	}
	b.WriteString("LAST,Cr\xe8me,Nestl\xe9\n")
	p := write(t, "big.csv", b.String())
	recs, errs := readAll(t, p, Options{})
	if len(errs) > 0 {
		t.Fatalf("row errors: %q", errs[:min(3, len(errs))])
	}
	last := recs[len(recs)-1]
	if last.Title != "Crème" || last.Brand != "Nestlé" {
		t.Errorf("last record %q / %q, want Crème / Nestlé", last.Title, last.Brand)
	}
}
