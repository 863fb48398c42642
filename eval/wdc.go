package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/followmatch/followmatch/match"
)

// WDCTests are the WDC Products test sets (80% corner cases), by the share
// of products unseen in training.
var WDCTests = []struct{ Name, File string }{
	{"seen", "wdcproducts80cc20rnd000un_gs.json.gz"},
	{"half-seen", "wdcproducts80cc20rnd050un_gs.json.gz"},
	{"unseen", "wdcproducts80cc20rnd100un_gs.json.gz"},
}

// IsWDC reports whether dir holds the WDC Products pair files.
func IsWDC(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, WDCTests[0].File))
	return err == nil
}

// LoadWDC reads the WDC Products pair files in dir, as published (gzipped
// JSON lines, one pair per line): the left offers become tableA, the right
// ones tableB, and the splits are the train and valid files of the given
// development size ("small" or "medium") and the named test set. The
// dataset is named "wdc-products-<test>-<size>".
func LoadWDC(dir, test, size string) (*Dataset, error) {
	file := ""
	for _, t := range WDCTests {
		if t.Name == test {
			file = t.File
		}
	}
	if file == "" {
		return nil, fmt.Errorf("eval: WDC test set %q: want seen, half-seen or unseen", test)
	}
	ds := &Dataset{Dir: dir, Name: "wdc-products-" + test + "-" + size, A: map[string]*match.Record{}, B: map[string]*match.Record{}, splits: map[string][]Pair{}}
	for _, s := range [][2]string{
		{"train", "wdcproducts80cc20rnd000un_train_" + size + ".json.gz"},
		{"valid", "wdcproducts80cc20rnd000un_valid_" + size + ".json.gz"},
		{"test", file},
	} {
		pairs, err := ds.readWDC(filepath.Join(dir, s[1]))
		if err != nil {
			return nil, err
		}
		ds.splits[s[0]] = pairs
	}
	return ds, nil
}

// readWDC reads one pair file, adding its offers to the tables.
func (ds *Dataset) readWDC(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var pairs []Pair
	for line := 1; sc.Scan(); line++ {
		var row map[string]any
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.UseNumber() // ids and prices as written, not as floats
		if err := dec.Decode(&row); err != nil {
			return nil, fmt.Errorf("eval: %s line %d: %w", path, line, err)
		}
		get := func(k string) string {
			s := strings.TrimSpace(fmt.Sprint(row[k]))
			if s == "None" || s == "<nil>" || s == "nan" {
				return ""
			}
			return s
		}
		rec := func(side string) *match.Record {
			return &match.Record{ID: get("id_" + side), Brand: get("brand_" + side), Title: get("title_" + side), Description: get("description_" + side)}
		}
		l, r := rec("left"), rec("right")
		if l.ID == "" || r.ID == "" {
			return nil, fmt.Errorf("eval: %s line %d: a pair without ids", path, line)
		}
		if ds.A[l.ID] == nil {
			ds.A[l.ID] = l
		}
		if ds.B[r.ID] == nil {
			ds.B[r.ID] = r
			ds.BOrder = append(ds.BOrder, r.ID)
		}
		p := Pair{A: l.ID, B: r.ID}
		switch get("label") {
		case "1":
			p.Match = true
		case "0":
		default:
			return nil, fmt.Errorf("eval: %s line %d, field label: %q is not 0 or 1", path, line, get("label"))
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	return pairs, nil
}
