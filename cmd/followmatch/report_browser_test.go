package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestReportFilterInBrowser opens the demo's HTML report in headless
// Chromium with a filter in the link (#decision=review&q=...) and checks
// which offer rows the page's script leaves shown. It needs Debian's
// chromium (.ci/run installs it) and skips without it.
func TestReportFilterInBrowser(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no chromium on this machine")
	}
	idx := buildDemoIndex(t)
	out := filepath.Join(t.TempDir(), "report.html")
	if code, _, stderr := cli(t, "match", "--index", idx, "--offers", filepath.Join(demo, "offers.csv"), "--map", demoMap(t),
		"--policy", filepath.Join(demo, "policy.yaml"), "--seller", filepath.Join(demo, "seller.json"), "--format", "html", "--out", out); code != 0 {
		t.Fatalf("match --format html: exit %d: %s", code, stderr)
	}
	row := regexp.MustCompile(`<tr data-d="([a-z_]+)"( style="display: none;")?>`)
	tests := []struct {
		hash   string
		shown  map[string]int // rows shown by decision
		reason string
	}{
		{"", map[string]int{"eligible": 20, "blocked": 8, "review": 2, "no_match": 13, "error": 4}, "no filter: every row"},
		{"#decision=review", map[string]int{"review": 2}, "the review rows alone"},
		{"#decision=eligible,blocked&q=anker", map[string]int{"blocked": 1}, "a decision and a text"},
	}
	for _, tt := range tests {
		dom, err := dumpDOM(browser, t.TempDir(), "file://"+out+tt.hash)
		if err != nil {
			t.Fatalf("chromium %s: %v", tt.hash, err)
		}
		got := map[string]int{}
		rows := 0
		for _, m := range row.FindAllStringSubmatch(string(dom), -1) {
			rows++
			if m[2] == "" {
				got[m[1]]++
			}
		}
		if rows != 47 {
			t.Fatalf("%q: %d offer rows in the page, want the demo's 47", tt.hash, rows)
		}
		for d, n := range tt.shown {
			if got[d] != n {
				t.Errorf("%q: %d %s rows shown, want %d (%s)", tt.hash, got[d], d, n, tt.reason)
			}
		}
		for d, n := range got {
			if tt.shown[d] == 0 && n > 0 {
				t.Errorf("%q: %d %s rows shown, want none (%s)", tt.hash, n, d, tt.reason)
			}
		}
		if !strings.Contains(string(dom), "shown") {
			t.Errorf("%q: the page does not say how many rows it shows", tt.hash)
		}
	}
}

// dumpDOM loads url in headless Chromium and returns the page as its
// scripts left it. A browser that crashes on start (a loaded machine, a
// small /dev/shm) is tried again, up to three times.
func dumpDOM(browser, profile, url string) ([]byte, error) {
	var err error
	for range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
			"--user-data-dir="+profile, "--virtual-time-budget=2000", "--dump-dom", url)
		var dom []byte
		dom, err = cmd.Output()
		cancel()
		if err == nil {
			return dom, nil
		}
	}
	return nil, err
}
