package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMatchHTMLReport: `match --format html` writes one page holding every
// offer of the demo with its decision, the demo's pictures as embedded
// thumbnails, and nothing fetched from elsewhere.
func TestMatchHTMLReport(t *testing.T) {
	idx := buildDemoIndex(t)
	out := filepath.Join(t.TempDir(), "report.html")
	code, _, stderr := cli(t, "match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"), "--map", demoMap(t),
		"--policy", filepath.Join(demo, "policy.yaml"), "--seller", filepath.Join(demo, "seller.json"), "--format", "html", "--out", out)
	if code != 0 {
		t.Fatalf("match --format html: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	f, err := os.Open(filepath.Join(demo, "offers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1 // the demo has malformed rows on purpose
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if id := r[0]; id != "" && len(r) > 2 && !strings.Contains(page, ">"+id+"<") {
			t.Errorf("the report lacks offer %s", id)
		}
	}
	for _, tt := range []struct{ want, reason string }{
		{`<td class="badge d-eligible">eligible</td><td class="n">20</td>`, "the demo's 20 eligible offers are counted"},
		{`<td class="badge d-error">error</td><td class="n">4</td>`, "and its 4 unreadable rows"},
		{"data:image/jpeg;base64,", "the demo's image files are embedded"},
		{"<svg", "the probability chart"},
		{`<input type="search"`, "the text filter"},
	} {
		if !strings.Contains(page, tt.want) {
			t.Errorf("report lacks %q (%s)", tt.want, tt.reason)
		}
	}
	if strings.Contains(page, "<link") || strings.Contains(page, "<script src") {
		t.Error("the report loads styles or scripts from elsewhere: it must be one file")
	}
	if code, _, _ := cli(t, "match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"), "--format", "pdf"); code != 2 {
		t.Errorf("--format pdf: exit %d, want 2 (usage)", code)
	}
}
