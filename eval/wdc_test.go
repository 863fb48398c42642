package eval

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeGz writes gzipped JSON lines.
func writeGz(t *testing.T, path string, lines ...string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
	zw.Close()
	f.Close()
}

// TestLoadWDC reads the published pair files: left offers are tableA,
// right ones tableB, "None" is empty, labels are 0/1, and the test set is
// the one named.
func TestLoadWDC(t *testing.T) {
	dir := t.TempDir()
	pair := func(l, r, label string) string {
		return `{"id_left": "` + l + `", "brand_left": "None", "title_left": "Cruzer Force 16 GB", "description_left": "None", "id_right": "` + r + `", "brand_right": "Sandisk", "title_right": "Sandisk Cruzer Force 16GB", "description_right": "usb drive", "label": "` + label + `", "pair_id": "x"}`
	}
	writeGz(t, filepath.Join(dir, "wdcproducts80cc20rnd000un_train_small.json.gz"), pair("1", "2", "1"), pair("3", "4", "0"))
	writeGz(t, filepath.Join(dir, "wdcproducts80cc20rnd000un_valid_small.json.gz"), pair("5", "6", "1"))
	writeGz(t, filepath.Join(dir, "wdcproducts80cc20rnd000un_gs.json.gz"), pair("7", "8", "1"))
	writeGz(t, filepath.Join(dir, "wdcproducts80cc20rnd050un_gs.json.gz"), pair("9", "10", "0"),
		`{"id_left": 67017951, "title_left": "a", "id_right": 5303451, "title_right": "b", "label": "0"}`)
	if !IsWDC(dir) {
		t.Fatal("IsWDC = false")
	}
	ds, err := LoadWDC(dir, "half-seen", "small")
	if err != nil {
		t.Fatal(err)
	}
	train, _ := ds.Split("train")
	test, _ := ds.Split("test")
	if len(train) != 2 || !train[0].Match || train[1].Match || len(test) != 2 || test[0].A != "9" || test[0].Match || test[1].A != "67017951" {
		t.Errorf("splits: train %+v, test %+v", train, test)
	}
	if a := ds.A["1"]; a == nil || a.Brand != "" || a.Title != "Cruzer Force 16 GB" || ds.B["2"].Brand != "Sandisk" {
		t.Errorf("records: %+v %+v", ds.A["1"], ds.B["2"])
	}
	if ds.Name != "wdc-products-half-seen-small" {
		t.Errorf("name %q", ds.Name)
	}
	if _, err := LoadWDC(dir, "unseen", "small"); err == nil {
		t.Error("a missing test file loaded")
	}
	truth, err := ds.Truth("train", "valid", "test")
	if err != nil || !truth[Pair{A: "1", B: "2", Match: true}] || !truth[Pair{A: "9", B: "10"}] {
		t.Errorf("truth %v, %v", truth, err)
	}
}
