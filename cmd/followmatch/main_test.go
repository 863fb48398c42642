package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const demo = "../../testdata/demo"

func demoMap(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(demo, "map.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// cli runs one command line in-process and returns its exit status and
// output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got; review, then go test -update):\n%s", name, diff)
	}
}

// buildDemoIndex indexes the demo listings once per test.
func buildDemoIndex(t *testing.T) string {
	t.Helper()
	idx := filepath.Join(t.TempDir(), "demo.idx")
	code, _, stderr := cli(t, "index", "--listings", filepath.Join(demo, "listings.jsonl"), "--index", idx)
	if code != 0 {
		t.Fatalf("index exit %d: %s", code, stderr)
	}
	// Two malformed listing rows are reported, not fatal.
	for _, want := range []string{"built 45 listings", "2 bad rows skipped", "row 34: not valid JSON", "row 47, field id: missing"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("index stderr lacks %q:\n%s", want, stderr)
		}
	}
	return idx
}

// decision is the part of a result the golden file pins: what a seller
// acts on.
type decision struct {
	Offer    string   `json:"offer_id"`
	Decision string   `json:"decision"`
	Listing  string   `json:"listing_id,omitempty"`
	Reasons  []string `json:"reasons"`
	Nearest  string   `json:"nearest,omitempty"`
	Mismatch []string `json:"mismatches,omitempty"`
	Error    string   `json:"error,omitempty"`
}

// TestDemoEndToEnd runs the CLI on testdata/demo and compares every
// decision, listing and reason with the reviewed golden file.
func TestDemoEndToEnd(t *testing.T) {
	idx := buildDemoIndex(t)
	code, stdout, stderr := cli(t, "match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"),
		"--map", demoMap(t), "--policy", filepath.Join(demo, "policy.yaml"), "--seller", filepath.Join(demo, "seller.json"))
	if code != 0 {
		t.Fatalf("match exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "47 offers") || !strings.Contains(stderr, "error 4") {
		t.Errorf("summary missing or wrong: %s", stderr)
	}
	// Reproducible: an index built again and the same run give the same
	// bytes, evidence strings included.
	_, again, _ := cli(t, "match", "--index", buildDemoIndex(t), "--offers", filepath.Join(demo, "offers.csv"),
		"--map", demoMap(t), "--policy", filepath.Join(demo, "policy.yaml"), "--seller", filepath.Join(demo, "seller.json"), "--workers", "3")
	if diff := cmp.Diff(strings.Split(stdout, "\n"), strings.Split(again, "\n")); diff != "" {
		t.Errorf("a second run differs (-first +second):\n%s", diff)
	}
	var b strings.Builder
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r match.Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		d := decision{Offer: r.OfferID, Decision: string(r.Decision), Listing: r.ListingID, Reasons: r.Reasons, Error: r.Error}
		if r.Nearest != nil {
			d.Nearest, d.Mismatch = r.Nearest.ListingID, r.Nearest.Mismatches
		}
		seen[string(r.Decision)] = true
		for _, reason := range r.Reasons {
			seen[reason] = true
		}
		j, _ := json.Marshal(d)
		b.Write(j)
		b.WriteByte('\n')
		if r.Decision != match.Error && len(r.Comparisons) == 0 && r.Nearest == nil && r.ListingID != "" {
			t.Errorf("%s: a decision with a listing carries no comparisons", r.OfferID)
		}
	}
	golden(t, "demo-decisions.jsonl", b.String())
	// The demo exercises every decision and reason code of the SPEC.
	for _, want := range []string{string(match.Eligible), string(match.Blocked), string(match.Review), string(match.NoMatch), string(match.Error),
		match.ReasonBrandAuthorization, match.ReasonCategoryApproval, match.ReasonIPRisk, match.ReasonListingRestricted,
		match.ReasonInsufficientStock, match.ReasonInvalidGTIN, match.ReasonAmbiguous} {
		if !seen[want] {
			t.Errorf("the demo never produces %q", want)
		}
	}

	// The same run as CSV has one line per offer plus the header.
	code, stdout, _ = cli(t, "match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"),
		"--map", demoMap(t), "--format", "csv")
	if code != 0 || strings.Count(stdout, "\n") != 48 || !strings.HasPrefix(stdout, "offer_id,decision,listing_id,probability,reasons\n") {
		t.Errorf("csv output: exit %d\n%s", code, stdout)
	}
}

// TestDemoExplain pins explain's waterfall for a 2-pack against a single and
// a blocked bad GTIN.
func TestDemoExplain(t *testing.T) {
	idx := buildDemoIndex(t)
	for _, id := range []string{"SUP-1008", "SUP-1014"} {
		code, stdout, stderr := cli(t, "explain", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"),
			"--map", demoMap(t), "--policy", filepath.Join(demo, "policy.yaml"), "--seller", filepath.Join(demo, "seller.json"), "--id", id)
		if code != 0 {
			t.Fatalf("explain %s: exit %d: %s", id, code, stderr)
		}
		golden(t, "explain-"+id+".txt", stdout)
	}
	// --json: the result and the waterfall, whose steps add up to the total.
	code, stdout, stderr := cli(t, "explain", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"),
		"--map", demoMap(t), "--id", "SUP-1008", "--json")
	var ex match.Explanation
	if err := json.Unmarshal([]byte(stdout), &ex); code != 0 || err != nil || ex.Waterfall == nil {
		t.Fatalf("explain --json: exit %d, %v: %s %s", code, err, stdout, stderr)
	}
	w := ex.Waterfall
	run := w.Prior
	for _, st := range w.Steps {
		run += st.Weight
		if math.Abs(st.Running-run) > 1e-9 || st.Attribute == "" || st.Level == "" {
			t.Errorf("explain --json step %+v: running total %v, want %v", st, st.Running, run)
		}
	}
	if len(w.Steps) != len(match.Attributes()) || math.Abs(run-w.Total) > 1e-9 || w.Decision != ex.Result.Decision || w.ListingID != "B0ANKPC101" {
		t.Errorf("explain --json waterfall: %d steps, total %v (steps add to %v), decision %s vs %s, listing %s",
			len(w.Steps), w.Total, run, w.Decision, ex.Result.Decision, w.ListingID)
	}
	code, _, stderr = cli(t, "explain", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"), "--map", demoMap(t), "--id", "SUP-1040")
	if code != 1 || !strings.Contains(stderr, `offer "SUP-1040" is not in`) {
		t.Errorf("explain of an unknown id: exit %d, %s", code, stderr)
	}
}

func TestMatchBuildsIndexFromListings(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "fresh.idx")
	code, stdout, stderr := cli(t, "match", "--index", idx, "--listings", filepath.Join(demo, "listings.jsonl"),
		"--offers", filepath.Join(demo, "offers.csv"), "--map", demoMap(t), "--format", "csv")
	if code != 0 || !strings.Contains(stderr, "built 45 listings") || !strings.Contains(stdout, "SUP-1001,eligible,B0XM4BLK01") {
		t.Errorf("match --listings: exit %d\n%s\n%s", code, stderr, stdout)
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string
		reason string
	}{
		{nil, 2, "Usage", "no command"},
		{[]string{"frobnicate"}, 2, "unknown command", "unknown command"},
		{[]string{"match", "--bogus"}, 2, "flag provided but not defined", "unknown flag"},
		{[]string{"match"}, 2, "--offers is required", "missing required flag"},
		{[]string{"match", "--offers", "x.csv", "stray"}, 2, "unexpected argument", "stray argument"},
		{[]string{"match", "--offers", filepath.Join(demo, "offers.csv"), "--format", "xml"}, 2, "unknown format", "bad format"},
		{[]string{"match", "--offers", "nope.csv", "--index", "nope.idx"}, 1, "nope.csv", "missing offers file"},
		{[]string{"match", "--offers", filepath.Join(demo, "offers.csv"), "--index", "nope.idx"}, 1, "no followmatch index", "missing index"},
		{[]string{"index", "--listings", "gone.jsonl", "--index", "x.idx"}, 1, "gone.jsonl", "missing listings file"},
		{[]string{"compare-images", "a.png"}, 2, "want two images", "one image"},
		{[]string{"compare-images", "a.png", "b.png"}, 1, "a.png", "missing image file"},
		{[]string{"match", "--offers", filepath.Join(demo, "offers.csv"), "--map", "SKU"}, 2, "not src=dst", "bad --map"},
		{[]string{"serve", "--index", "x.idx", "--create", "--addr", "0.0.0.0:0"}, 2, "not a loopback address", "beyond loopback without a token"},
		{[]string{"serve", "--index", "x.idx", "--create", "--addr", "127.0.0.1:0", "--token-file", "nope.txt"}, 1, "--token-file", "a token file that is not there"},
	}
	for _, tt := range tests {
		code, _, stderr := cli(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q (%s)", tt.args, code, stderr, tt.code, tt.stderr, tt.reason)
		}
	}
	if code, out, _ := cli(t, "help"); code != 0 || !strings.Contains(out, "compare-images") {
		t.Errorf("help: %d %s", code, out)
	}
}

func TestCompareImages(t *testing.T) {
	img := func(name string) string { return filepath.Join(demo, "images", name) }
	tests := []struct {
		a, b, verdict, reason string
	}{
		{"sony-xm4-black.png", "offer-sony-xm4-black.jpg", "same", "a JPEG re-encode"},
		{"jbl-flip6-red.png", "offer-jbl-flip6-red.png", "same", "a padded copy"},
		{"jbl-flip6-red.png", "jbl-flip6-blue.png", "different", "a color variant"},
		{"lego-10696.png", "crayola-24.png", "different", "another product"},
	}
	for _, tt := range tests {
		code, out, stderr := cli(t, "compare-images", "--json", img(tt.a), img(tt.b))
		var got struct {
			Similarity float64 `json:"similarity"`
			Verdict    string  `json:"verdict"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.Verdict != tt.verdict || got.Similarity < 0 || got.Similarity > 1 {
			t.Errorf("compare-images %s %s: exit %d %s %s; want %s (%s)", tt.a, tt.b, code, out, stderr, tt.verdict, tt.reason)
		}
	}
}

func TestIndexDelete(t *testing.T) {
	idx := buildDemoIndex(t)
	del := filepath.Join(t.TempDir(), "gone.txt")
	os.WriteFile(del, []byte("B0XM5BLK01\n# a comment\nB0PYREX18P\nNOT-THERE\nB0PYREX18P\n"), 0o644)
	code, _, stderr := cli(t, "index", "--index", idx, "--delete", del)
	// It counts what was there, not the ids named.
	if code != 0 || !strings.Contains(stderr, "removed 2 listings of the 4 ids named") ||
		!strings.Contains(stderr, "(1 not in the index, 1 named twice)") || !strings.Contains(stderr, "43 listings remain") {
		t.Fatalf("index --delete: exit %d %s", code, stderr)
	}
	// The offer that matched the deleted XM5 listing no longer can.
	code, out, _ := cli(t, "match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"), "--map", demoMap(t), "--format", "csv")
	if code != 0 || strings.Contains(out, "B0XM5BLK01") || !strings.Contains(out, "SUP-1001,eligible,B0XM4BLK01") {
		t.Errorf("match after delete:\n%s", out)
	}
}

// TestMatchResume stops a run's output mid-line and resumes it: the result
// is the same file a whole run writes.
func TestMatchResume(t *testing.T) {
	idx := buildDemoIndex(t)
	out := filepath.Join(t.TempDir(), "results.jsonl")
	args := []string{"match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"), "--map", demoMap(t), "--out", out}
	if code, _, stderr := cli(t, args...); code != 0 {
		t.Fatal(stderr)
	}
	whole, _ := os.ReadFile(out)
	lines := strings.SplitAfter(string(whole), "\n")
	// A killed run: 12 complete lines and half of the 13th.
	cut := strings.Join(lines[:12], "") + lines[12][:len(lines[12])/2]
	os.WriteFile(out, []byte(cut), 0o644)
	code, _, stderr := cli(t, append(args, "--resume")...)
	if code != 0 || !strings.Contains(stderr, "resuming after 12 offers") {
		t.Fatalf("resume: exit %d %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != string(whole) {
		t.Errorf("resumed output differs from a whole run:\n%s", got)
	}
	if code, _, stderr := cli(t, "match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"), "--resume"); code != 2 || !strings.Contains(stderr, "--resume needs --out") {
		t.Errorf("--resume without --out: exit %d %s", code, stderr)
	}
}

// TestMatchRefusesAndFails: the run-level guards of a bulk match.
func TestMatchRefusesAndFails(t *testing.T) {
	idx := buildDemoIndex(t)
	dir := t.TempDir()
	offers := filepath.Join(dir, "offers.csv")
	body := "SKU,Product Name\nS1,Anker PowerCore 10000\n"
	os.WriteFile(offers, []byte(body), 0o644)

	// --out naming the offers file would erase it before it is read.
	code, _, stderr := cli(t, "match", "--index", idx, "--offers", offers, "--out", offers, "--map", "SKU=id,Product Name=title")
	if got, _ := os.ReadFile(offers); code != 2 || !strings.Contains(stderr, "is the offers file") || string(got) != body {
		t.Errorf("--out = --offers: exit %d, %q; the file now holds %q", code, stderr, got)
	}

	// A --map source the header lacks is named (a typo leaves a field empty).
	code, _, stderr = cli(t, "match", "--index", idx, "--offers", offers, "--map", "SKU=id,Product Nam=title")
	if code != 0 || !strings.Contains(stderr, `--map names column "product nam", which`) {
		t.Errorf("--map typo: exit %d, stderr %q; want a warning naming the column", code, stderr)
	}

	// Every row an error: the run fails.
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("SKU,Product Name\n,no id\n,none either\n"), 0o644)
	code, _, stderr = cli(t, "match", "--index", idx, "--offers", bad, "--map", "SKU=id,Product Name=title")
	if code != 1 || !strings.Contains(stderr, "every one of the 2 rows is an error") {
		t.Errorf("all rows bad: exit %d, stderr %q; want 1", code, stderr)
	}

	// --max-errors stops the run once exceeded, keeping what is written.
	many := filepath.Join(dir, "many.csv")
	var b strings.Builder
	b.WriteString("SKU,Product Name\n")
	for i := range 50 {
		if i%2 == 0 {
			fmt.Fprintf(&b, ",bad %d\n", i)
		} else {
			fmt.Fprintf(&b, "S%d,Anker PowerCore %d\n", i, i)
		}
	}
	os.WriteFile(many, []byte(b.String()), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	code, _, stderr = cli(t, "match", "--index", idx, "--offers", many, "--map", "SKU=id,Product Name=title", "--max-errors", "3", "--out", out)
	got, _ := os.ReadFile(out)
	if n := strings.Count(string(got), "\n"); code != 1 || !strings.Contains(stderr, "more than 3 rows are errors") || n != 7 {
		t.Errorf("--max-errors 3: exit %d, %d lines written, stderr %q; want 1 and 7 lines (the 4th error row ends it)", code, n, stderr)
	}
	// The summary counts the lines read beside the rows decided.
	code, _, stderr = cli(t, "match", "--index", idx, "--offers", many, "--map", "SKU=id,Product Name=title")
	if code != 0 || !strings.Contains(stderr, "50 offers from 51 lines of") {
		t.Errorf("summary: exit %d, %q", code, stderr)
	}
}
