package catalog

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
	"github.com/xuri/excelize/v2"
)

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readAll reads every row: the records, and the errors as strings.
func readAll(t *testing.T, path string, opts Options) ([]*match.Record, []string) {
	t.Helper()
	rd, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var recs []*match.Record
	var errs []string
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return recs, errs
		}
		if err != nil {
			t.Fatal(err)
		}
		if row.Err != nil {
			errs = append(errs, row.Err.Error())
			continue
		}
		recs = append(recs, row.Record)
	}
}

func TestReadCSV(t *testing.T) {
	p := write(t, "offers.csv", "\ufeffSKU,Product Name,GTIN,Pack_Count,param:Capacity,Images,Stock,Extra\n"+
		"A1,\"Anker PowerCore, 10000\",036000291452|96385074,2,64 GB,a.png|http://x/b.png,12,ignored\n"+
		"A2,10\" tablet,,,,,,\n"+
		"A3,bad pack,,two,,,,\n"+
		"A4,short row\n"+
		",no id,,,,,,\n"+
		"A1,repeat,,,,,,\n")
	recs, errs := readAll(t, p, Options{Map: map[string]string{"sku": "id", "product name": "title"}})
	want := []*match.Record{
		{ID: "A1", Title: "Anker PowerCore, 10000", GTINs: []string{"036000291452", "96385074"}, PackCount: 2,
			Params: map[string]string{"capacity": "64 GB"}, Images: []string{filepath.Join(filepath.Dir(p), "a.png"), "http://x/b.png"}, Stock: ptr(12)},
		{ID: "A2", Title: `10" tablet`},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("records:\n got %+v %+v\nwant %+v %+v", *recs[0], *recs[1], *want[0], *want[1])
	}
	wantErrs := []string{
		p + ` row 4, field pack_count: "two" is not an integer, nor a pack ("6/CS", "12 ct", "Pack of 6", "EA")`,
		p + ` row 5: has 2 fields, the header has 8`,
		p + ` row 6, field id: missing (every record needs an id)`,
		p + ` row 7, field id: id "A1" repeats row 2`,
	}
	if !reflect.DeepEqual(errs, wantErrs) {
		t.Errorf("errors:\n got %q\nwant %q", errs, wantErrs)
	}
}

func ptr(n int) *int { return &n }

func TestReadJSONL(t *testing.T) {
	p := write(t, "l.jsonl", `{"id":"L1","gtin":["036000291452"],"params":{"capacity":"64 GB","ports":2},"restricted":true,"unknown":{"x":1}}
{"id": 42, "title": "numeric id", "gtin": 36000291452}

{"id":"L3","pack_count":"2"}
{"id":"L4","title":["not","a","string"]}
{"id":"L5","restricted":"maybe"}
[1,2]
{"id":"L7",
{"title":"no id"}
`)
	recs, errs := readAll(t, p, Options{})
	if len(recs) != 3 || recs[0].ID != "L1" || !recs[0].Restricted || recs[0].Params["ports"] != "2" || recs[1].ID != "42" || recs[1].GTINs[0] != "36000291452" || recs[2].PackCount != 2 {
		t.Errorf("records: %+v", recs)
	}
	wantErrs := []string{
		"row 5, field title: want a string, got a list",
		"row 6, field restricted: \"maybe\" is not true or false",
		"row 7: want a JSON object, got a list",
		"row 8: not valid JSON",
		"row 9, field id: missing",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors: %q", errs)
	}
	for i, w := range wantErrs {
		if !strings.Contains(errs[i], w) || !strings.HasPrefix(errs[i], p) {
			t.Errorf("error %d = %q, want it to name the file and contain %q", i, errs[i], w)
		}
	}
}

func TestReadTSVAndXLSX(t *testing.T) {
	tsv := write(t, "o.tsv", "id\ttitle\tcolor\nT1\tLodge 10\" Skillet\tBlack\n")
	recs, errs := readAll(t, tsv, Options{})
	if len(errs) > 0 || len(recs) != 1 || recs[0].Title != `Lodge 10" Skillet` || recs[0].Color != "Black" {
		t.Errorf("tsv: %+v %v", recs, errs)
	}

	f := excelize.NewFile()
	rows := [][]any{
		{"ID", "Title", "GTIN", "Pack Count", "Stock"},
		{"X1", "Anker PowerCore", "036000291452", 2, 15},
		{},
		{"X2", "bad stock", "", 1, "lots"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	xlsx := filepath.Join(t.TempDir(), "o.xlsx")
	if err := f.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	recs, errs = readAll(t, xlsx, Options{Map: map[string]string{"pack count": "pack_count"}})
	if len(recs) != 1 || recs[0].ID != "X1" || recs[0].PackCount != 2 || *recs[0].Stock != 15 || recs[0].GTINs[0] != "036000291452" {
		t.Errorf("xlsx records: %+v", recs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], `row 4, field stock: "lots" is not an integer`) {
		t.Errorf("xlsx errors: %q", errs)
	}
}

func TestOpenErrors(t *testing.T) {
	for path, want := range map[string]string{
		filepath.Join(t.TempDir(), "nope.csv"): "no such file",
		write(t, "x.txt", "id\n"):              "unknown file type",
		write(t, "empty.csv", ""):              "empty file",
		write(t, "dup.csv", "id,ID\n1,2\n"):    "repeats column",
	} {
		if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Open(%s) = %v, want an error containing %q", path, err, want)
		}
	}
}

func TestParseMap(t *testing.T) {
	m, err := ParseMap("Product Name=title, Capacity=param:capacity")
	if err != nil || m["product name"] != "title" || m["capacity"] != "param:capacity" {
		t.Errorf("ParseMap = %v, %v", m, err)
	}
	for _, bad := range []string{"title", "a=b", "=title"} {
		if _, err := ParseMap(bad); err == nil {
			t.Errorf("ParseMap(%q) accepted", bad)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add("id,title,gtin,pack_count\nA,b,036000291452,2\n")
	f.Add("id,title\n\"A,\"b\n")
	f.Add("id\n\n\n")
	f.Add("id,title\nA1,\"Best\" Sony headphones\nA2,x\n")
	f.Add("id,title\nA1,\"never closed\nA2,x\nA3,y\n")
	f.Add("id,title\r\nA1,\"two\r\nlines\"\r\n   \r\n")
	f.Fuzz(func(t *testing.T, content string) {
		p := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		rd, err := Open(p, Options{})
		if err != nil {
			return
		}
		defer rd.Close()
		for i := 0; i < 10000; i++ {
			row, err := rd.Next()
			if err != nil {
				return
			}
			if row.Err == nil && (row.Record == nil || row.Record.ID == "") {
				t.Fatalf("row %d: a record without an id and no error", row.Row)
			}
		}
		t.Fatal("reader did not end")
	})
}

func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"id":"a","gtin":["1"],"params":{"x":1}}`)
	f.Add(`{"id":1e400}`)
	f.Add("[\n{")
	f.Add("\ufeff{\"id\":\"a\"}\n")
	f.Fuzz(func(t *testing.T, content string) {
		p := filepath.Join(t.TempDir(), "f.jsonl")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		rd, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer rd.Close()
		for i := 0; i < 100000; i++ {
			row, err := rd.Next()
			if err != nil {
				return
			}
			if row.Err == nil && row.Record.ID == "" {
				t.Fatal("a record without an id and no error")
			}
		}
		t.Fatal("reader did not end")
	})
}
