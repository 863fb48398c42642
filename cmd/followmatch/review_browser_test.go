package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/followmatch/followmatch/eval"
)

// TestReviewPageInBrowser drives the review page in headless Chromium as a
// person does, with the keyboard: ten answers, an undo, a reload in the
// middle, a skip at the end answered after all; then reads the labels file
// tune will read.
func TestReviewPageInBrowser(t *testing.T) {
	ctx, console := newBrowser(t)
	idx := buildDemoIndex(t)
	dir := t.TempDir()
	results, labels := filepath.Join(dir, "results.jsonl"), filepath.Join(dir, "labels.csv")
	offers := filepath.Join(demo, "offers.csv")
	rules := []string{"--policy", filepath.Join(demo, "policy.yaml"), "--seller", filepath.Join(demo, "seller.json")}
	if code, _, stderr := cli(t, append([]string{"match", "--index", idx, "--offers", offers, "--map", demoMap(t), "--out", results}, rules...)...); code != 0 {
		t.Fatalf("match: exit %d: %s", code, stderr)
	}
	url := startReview(t, append([]string{"review", "--results", results, "--index", idx, "--offers", offers, "--map", demoMap(t),
		"--labels", labels, "--tuned-out", filepath.Join(dir, "tuned.json"), "--addr", "127.0.0.1:0"}, rules...))

	// card waits until the page shows item i (-1: the queue is done) with
	// the counts given, and returns the pair it asks about.
	card := func(i, labeled, skipped int) [2]string {
		t.Helper()
		sel := fmt.Sprintf(`#card[data-index="%d"]`, i)
		prog := fmt.Sprintf(`#progress[data-labeled="%d"][data-skipped="%d"]`, labeled, skipped)
		if err := chromedp.Do(ctx, chromedp.WaitReady(sel), chromedp.WaitReady(prog)); err != nil {
			t.Fatalf("waiting for item %d with %d labeled, %d skipped: %v", i, labeled, skipped, err)
		}
		a, err := chromedp.Run(ctx, chromedp.Attributes(sel))
		if err != nil {
			t.Fatal(err)
		}
		return [2]string{a["data-offer"], a["data-listing"]}
	}
	press := func(key string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
			t.Fatalf("key %s: %v", key, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	var asked [][2]string // the pair of each item, in queue order
	var want []bool       // the labels the file must hold, in order
	first := card(0, 0, 0)
	if first[0] == "" || first[1] == "" {
		t.Fatalf("the first card names no pair: %v", first)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#card .bar").length`)); err != nil || n < 10 {
		t.Fatalf("the first card shows %d evidence bars (%v); want one per attribute", n, err)
	}
	screenshot(t, ctx, "review.png")
	asked = append(asked, first)
	// Six answers; the sixth is taken back.
	for i, key := range []string{"y", "n", "y", "y", "n", "y"} {
		press(key)
		want = append(want, key == "y")
		asked = append(asked, card(i+1, i+1, 0))
	}
	press("u")
	want = want[:5]
	if got := card(5, 5, 0); got != asked[5] {
		t.Fatalf("after undo the page asks about %v, want item 5 again (%v)", got, asked[5])
	}
	asked = asked[:6]
	// A reload keeps the place: the labels and the session are the
	// server's.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	card(5, 5, 0)
	for i, key := range []string{"n", "y", "n", "y", "n"} {
		press(key)
		want = append(want, key == "y")
		asked = append(asked, card(6+i, 6+i, 0))
	}
	press("s")
	card(-1, 10, 1)
	// The skipped one comes back with the done screen's button.
	if err := chromedp.Do(ctx, chromedp.Click("#unskip")); err != nil {
		t.Fatal(err)
	}
	if got := card(10, 10, 0); got != asked[10] {
		t.Fatalf("after going back the page asks about %v, want the skipped item 10 (%v)", got, asked[10])
	}
	press("n")
	want = append(want, false)
	card(-1, 11, 0)

	got, err := eval.ReadLabels(labels)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 11 {
		t.Fatalf("labels file holds %d labels, want the 11 answered: %v", len(got), got)
	}
	for i, p := range got {
		if p.A != asked[i][0] || p.B != asked[i][1] || p.Match != want[i] {
			t.Errorf("label %d: %s,%s,%v; want %s,%s,%v", i+1, p.A, p.B, p.Match, asked[i][0], asked[i][1], want[i])
		}
	}
	if errs := console.Errors(); len(errs) > 0 {
		t.Errorf("the review page logged errors in the browser console: %v", errs)
	}
}

// startReview runs `followmatch review` until the test ends and returns
// its page's address.
func startReview(t *testing.T, args []string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var stderr strings.Builder
	go func() { done <- run(ctx, args, pw, &stderr); pw.Close() }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			t.Error("review did not stop")
		}
	})
	lines := bufio.NewScanner(pr)
	for lines.Scan() {
		if u, ok := strings.CutPrefix(lines.Text(), "review page: "); ok {
			go io.Copy(io.Discard, pr)
			return strings.Fields(u)[0]
		}
	}
	t.Fatalf("review printed no address: %s", stderr.String())
	return ""
}
