package catalog

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook writes a workbook with the given sheets (name -> rows).
func workbook(t *testing.T, sheets map[string][][]any, order []string) string {
	t.Helper()
	f := excelize.NewFile()
	for i, name := range order {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := filepath.Join(t.TempDir(), "w.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestXLSXSheets: the first sheet is read unless --sheet names another; a
// sheet with data that is not read is noted, not silently ignored.
func TestXLSXSheets(t *testing.T) {
	p := workbook(t, map[string][][]any{
		"Offers":  {{"id", "title"}, {"A1", "first sheet"}},
		"More":    {{"id", "title"}, {"B1", "second sheet"}},
		"Empty":   {},
		"Summary": {{"total", 2}},
	}, []string{"Offers", "More", "Empty", "Summary"})
	rd, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(rd.Notes(), "\n")
	rd.Close()
	if !strings.Contains(notes, `sheet "More" also holds rows; only sheet "Offers" is read`) || !strings.Contains(notes, `"Summary"`) || strings.Contains(notes, `"Empty"`) {
		t.Errorf("notes %q: want More and Summary named, Empty not", notes)
	}
	recs, _ := readAll(t, p, Options{Sheet: "More"})
	if len(recs) != 1 || recs[0].ID != "B1" {
		t.Errorf("--sheet More: %+v", recs)
	}
	if _, err := Open(p, Options{Sheet: "Nope"}); err == nil || !strings.Contains(err.Error(), `no sheet "Nope" (sheets: Offers, More, Empty, Summary)`) {
		t.Errorf("unknown sheet: %v", err)
	}
}

// TestXLSXZipBomb: a small workbook that unpacks to far more than its size
// allows is refused with a clear message, before anything is unpacked.
func TestXLSXZipBomb(t *testing.T) {
	p := workbook(t, map[string][][]any{"S": {{"id", "title"}, {"A1", "x"}}}, []string{"S"})
	src, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range src.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := f.Open()
		data, _ := io.ReadAll(r)
		r.Close()
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			// 100 MB of spaces inside the sheet: valid XML, ~100 KB zipped.
			i := bytes.LastIndex(data, []byte("</worksheet>"))
			pad := bytes.Repeat([]byte(" "), 1<<20)
			w.Write(data[:i])
			for range 100 {
				w.Write(pad)
			}
			w.Write(data[i:])
			continue
		}
		w.Write(data)
	}
	zw.Close()
	bomb := filepath.Join(t.TempDir(), "bomb.xlsx")
	os.WriteFile(bomb, buf.Bytes(), 0o644)
	_, err = Open(bomb, Options{})
	if err == nil || !strings.Contains(err.Error(), "unpacks to more than") || !strings.Contains(err.Error(), "bomb.xlsx") {
		t.Errorf("zip bomb (%d bytes): %v, want a refusal naming the file", buf.Len(), err)
	}
}
