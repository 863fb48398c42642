package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/eval"
)

// labeledDataset writes a small labeled-pair dataset with supplier column
// names and a map.txt.
func labeledDataset(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var a, b strings.Builder
	a.WriteString("id,name,maker,mpn\n")
	b.WriteString("id,name,maker,mpn\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&a, "a%d,Maker%d gadget X%d00,Maker%d,X%d00\n", i, i%4, i, i%4, i)
		fmt.Fprintf(&b, "b%d,Maker%d Gadget (X%d00),Maker%d,X%d00\n", i, i%4, i, i%4, i)
	}
	split := func(from, to int) string {
		var s strings.Builder
		s.WriteString("ltable_id,rtable_id,label\n")
		for i := from; i < to; i++ {
			fmt.Fprintf(&s, "a%d,b%d,1\na%d,b%d,0\n", i, i, i, (i+1)%40)
		}
		return s.String()
	}
	for name, content := range map[string]string{
		"tableA.csv": a.String(), "tableB.csv": b.String(), "map.txt": "name=title,maker=brand,mpn=model",
		"train.csv": split(0, 20), "valid.csv": split(20, 30), "test.csv": split(30, 40),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalAndTuneCommands(t *testing.T) {
	dir := labeledDataset(t)
	code, out, stderr := cli(t, "eval", "--dataset", dir, "--json")
	if code != 0 {
		t.Fatalf("eval: exit %d %s", code, stderr)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("eval --json is not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"precision", "recall", "f1", "tp", "fp", "fn", "tn"} {
		if _, ok := r[k]; !ok {
			t.Errorf("eval --json lacks %q: %s", k, out)
		}
	}
	if r["f1"] != 1.0 || r["tp"] != 10.0 || r["tn"] != 10.0 {
		t.Errorf("eval on a separable set: %s", out)
	}

	cfg := filepath.Join(t.TempDir(), "tuned.json")
	code, out, stderr = cli(t, "tune", "--dataset", dir, "--out", cfg)
	if code != 0 || !strings.Contains(out, "F1 on valid:") {
		t.Fatalf("tune: exit %d\n%s\n%s", code, out, stderr)
	}
	labels := filepath.Join(t.TempDir(), "labels.csv")
	if err := os.WriteFile(labels, []byte("offer_id,listing_id,label\na3,b3,1\nnope,b3,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = cli(t, "tune", "--dataset", dir, "--labels", labels, "--out", filepath.Join(t.TempDir(), "l.json"))
	if code != 0 || !strings.Contains(stderr, "1 used, each counted as 10 pairs") || !strings.Contains(stderr, "1 name an offer or listing not found") {
		t.Errorf("tune --dataset --labels: exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, stderr = cli(t, "eval", "--dataset", dir, "--config", cfg, "--split", "valid", "--mode", "catalog", "--json")
	if code != 0 || !strings.Contains(out, `"recall_at_k":1`) || !strings.Contains(out, `"f1":1`) {
		t.Errorf("eval --mode catalog with the tuned config: exit %d\n%s\n%s", code, out, stderr)
	}
	// The tuned config drives match and explain too.
	code, _, stderr = cli(t, "match", "--listings", filepath.Join(dir, "tableB.csv"), "--listings-map", "name=title,maker=brand,mpn=model",
		"--index", filepath.Join(t.TempDir(), "x.idx"), "--offers", filepath.Join(dir, "tableA.csv"), "--map", "name=title,maker=brand,mpn=model", "--config", cfg)
	if code != 0 || !strings.Contains(stderr, "40 offers") || !strings.Contains(stderr, "eligible 40,") {
		t.Errorf("match with the tuned config: exit %d %s", code, stderr)
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval"}, 2, "--dataset is required"},
		{[]string{"eval", "--dataset", dir, "--mode", "fast"}, 2, "want pairs or catalog"},
		{[]string{"eval", "--dataset", dir, "--split", "dev"}, 1, "dev"},
		{[]string{"eval", "--dataset", filepath.Join(dir, "nope")}, 1, "no such file"},
	} {
		if code, _, stderr := cli(t, tt.args...); code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d %q, want %d %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// TestPrintChoices: tune says what it chose on valid, and says nothing of
// what it left silent.
func TestPrintChoices(t *testing.T) {
	tests := []struct {
		rep    eval.TuneReport
		want   []string
		absent []string
		reason string
	}{
		{eval.TuneReport{StandingScale: 1, DroppedVetoes: []string{"brand"}}, []string{"standing among an offer's candidates (rank): scale 1 chosen on valid (far behind its best rival: -5.00 bits)", "vetoes dropped (they cost F1 on valid): [brand]"}, []string{"title words"},
			"a standing and a dropped veto are each a line"},
		{eval.TuneReport{Words: 12, WordsLambda: 0.01}, []string{"title words learned: 12"}, []string{"standing", "vetoes dropped"},
			"a standing left at 0 is not reported"},
	}
	for _, tt := range tests {
		var b strings.Builder
		printChoices(&b, tt.rep)
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("printChoices(%+v) = %q, want %q (%s)", tt.rep, b.String(), w, tt.reason)
			}
		}
		for _, w := range tt.absent {
			if strings.Contains(b.String(), w) {
				t.Errorf("printChoices(%+v) = %q, want no %q (%s)", tt.rep, b.String(), w, tt.reason)
			}
		}
	}
}

// TestEvalWDCFolder: eval and tune read a folder of WDC Products pair files
// as published (gzipped JSON lines), the test set and development set
// chosen by flag; flags that do not fit the folder are refused by name.
func TestEvalWDCFolder(t *testing.T) {
	dir := t.TempDir()
	pairs := func(from, n int) []string {
		var lines []string
		for i := from; i < from+n; i++ {
			line := func(r, label string) string {
				return fmt.Sprintf(`{"id_left": "a%d", "brand_left": "None", "title_left": "Cruzer Force %d GB X%dZ", "description_left": "None", "id_right": "%s", "brand_right": "Sandisk", "title_right": "Sandisk Cruzer Force %dGB (X%dZ)", "description_right": "usb drive", "label": "%s", "pair_id": "x"}`, i, 8*i, i, r, 8*i, i, label)
			}
			lines = append(lines, line(fmt.Sprintf("b%d", i), "1"), strings.Replace(line(fmt.Sprintf("c%d", i), "0"), fmt.Sprintf("(X%dZ)", i), fmt.Sprintf("(X%dQ)", i+500), 1))
		}
		return lines
	}
	for name, lines := range map[string][]string{
		"wdcproducts80cc20rnd000un_train_medium.json.gz": pairs(1, 20),
		"wdcproducts80cc20rnd000un_valid_medium.json.gz": pairs(21, 10),
		"wdcproducts80cc20rnd000un_gs.json.gz":           pairs(31, 10),
		"wdcproducts80cc20rnd100un_gs.json.gz":           pairs(41, 10),
	} {
		writeGzLines(t, filepath.Join(dir, name), lines)
	}
	tuned := filepath.Join(t.TempDir(), "tuned.json")
	if code, _, stderr := cli(t, "tune", "--dataset", dir, "--wdc-test", "unseen", "--out", tuned); code != 0 {
		t.Fatalf("tune on a WDC folder: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := cli(t, "eval", "--dataset", dir, "--wdc-test", "unseen", "--config", tuned)
	if code != 0 || !strings.Contains(stdout+stderr, "F1 1.0000") {
		t.Errorf("eval on the unseen test set: exit %d, want F1 1 on a separable set:\n%s%s", code, stdout, stderr)
	}
	for _, tt := range []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"--dataset", dir, "--wdc-dev", "large"}, `--wdc-dev "large": want medium or small`, "no large train split is published here"},
		{[]string{"--dataset", dir, "--wdc-dev", "small"}, "wdcproducts80cc20rnd000un_train_small.json.gz", "the missing file is named"},
		{[]string{"--dataset", dir, "--wdc-test", "half-seen"}, "wdcproducts80cc20rnd050un_gs.json.gz", "the missing test file is named"},
		{[]string{"--dataset", dir, "--map", "name=title"}, "fixed fields", "nothing to rename in pair files"},
		{[]string{"--dataset", labeledDataset(t), "--wdc-test", "seen"}, "is not one", "a DeepMatcher folder has no WDC test sets"},
	} {
		if code, stdout, stderr := cli(t, append([]string{"eval"}, tt.args...)...); code == 0 || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("eval %v: exit %d, output %q, want an error naming %q (%s)", tt.args, code, stdout+stderr, tt.want, tt.reason)
		}
	}
}

// writeGzLines writes gzipped lines.
func writeGzLines(t *testing.T, path string, lines []string) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
