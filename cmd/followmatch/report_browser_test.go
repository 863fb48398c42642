package main

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestReportInBrowser opens the demo's HTML report in headless Chromium,
// with and without a filter in the link (#decision=review&q=...), checks
// which offer rows the page's script leaves shown, and that the page
// reports no error in the console.
func TestReportInBrowser(t *testing.T) {
	ctx, console := newBrowser(t)
	idx := buildDemoIndex(t)
	out := filepath.Join(t.TempDir(), "report.html")
	if code, _, stderr := cli(t, "match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"), "--map", demoMap(t),
		"--policy", filepath.Join(demo, "policy.yaml"), "--seller", filepath.Join(demo, "seller.json"), "--format", "html", "--out", out); code != 0 {
		t.Fatalf("match --format html: exit %d: %s", code, stderr)
	}
	tests := []struct {
		hash   string
		shown  map[string]int // rows shown by decision
		reason string
	}{
		{"", map[string]int{"eligible": 20, "blocked": 8, "review": 2, "no_match": 13, "error": 4}, "no filter: every row"},
		{"#decision=review", map[string]int{"review": 2}, "the review rows alone"},
		{"#decision=eligible,blocked&q=anker", map[string]int{"blocked": 1}, "a decision and a text"},
	}
	const count = `(() => {
		const shown = {}; let rows = 0;
		for (const tr of document.querySelectorAll("tr[data-d]")) {
			rows++;
			if (getComputedStyle(tr).display !== "none") shown[tr.dataset.d] = (shown[tr.dataset.d] || 0) + 1;
		}
		return {rows, shown, says: document.body.innerText.includes("shown")};
	})()`
	for i, tt := range tests {
		type shown struct {
			Rows  int            `json:"rows"`
			Shown map[string]int `json:"shown"`
			Says  bool           `json:"says"`
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate("file://"+out+tt.hash), chromedp.WaitReady("body")); err != nil {
			t.Fatalf("%q: %v", tt.hash, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[shown](count))
		if err != nil {
			t.Fatalf("%q: %v", tt.hash, err)
		}
		if i == 0 {
			screenshot(t, ctx, "report.png")
		}
		if got.Rows != 47 {
			t.Fatalf("%q: %d offer rows in the page, want the demo's 47", tt.hash, got.Rows)
		}
		for d, n := range tt.shown {
			if got.Shown[d] != n {
				t.Errorf("%q: %d %s rows shown, want %d (%s)", tt.hash, got.Shown[d], d, n, tt.reason)
			}
		}
		for d, n := range got.Shown {
			if tt.shown[d] == 0 && n > 0 {
				t.Errorf("%q: %d %s rows shown, want none (%s)", tt.hash, n, d, tt.reason)
			}
		}
		if !got.Says {
			t.Errorf("%q: the page does not say how many rows it shows", tt.hash)
		}
	}
	if errs := console.Errors(); len(errs) > 0 {
		t.Errorf("the report logged errors in the browser console: %v", errs)
	}
}
