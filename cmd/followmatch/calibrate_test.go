package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// calibrationFiles writes a catalog whose offers name their listings'
// model codes in other words (the anchors), and a few that name none.
func calibrationFiles(t *testing.T) (listings, offers string) {
	t.Helper()
	dir := t.TempDir()
	var l, o strings.Builder
	l.WriteString("id,title,brand,model\n")
	o.WriteString("id,title,brand\n")
	colors := []string{"red", "blue", "green", "black", "white"}
	for i := range 40 {
		fmt.Fprintf(&l, "L%d,Acme Garden Hose Reel %d with Wall Bracket %s,Acme,HR-%d00\n", i, 10+i, colors[i%5], 31+i)
		fmt.Fprintf(&o, "O%d,ACME HOSE REEL HR-%d00 %s,Acme\n", i, 31+i, strings.ToUpper(colors[i%5]))
	}
	for i := range 5 {
		fmt.Fprintf(&o, "N%d,Acme reel %s %s,Acme\n", i, []string{"small", "large", "deluxe", "mini", "pro"}[i], colors[i%5])
	}
	listings, offers = filepath.Join(dir, "listings.csv"), filepath.Join(dir, "offers.csv")
	for p, s := range map[string]string{listings: l.String(), offers: o.String()} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return listings, offers
}

func TestMatchCalibrates(t *testing.T) {
	listings, offers := calibrationFiles(t)
	idx := filepath.Join(t.TempDir(), "l.idx")
	if code, _, stderr := cli(t, "index", "--listings", listings, "--index", idx); code != 0 {
		t.Fatalf("index: %d %s", code, stderr)
	}
	// A pooled fit's calibration whose catalogs' anchors said far more
	// beside their codes than this catalog's: its thresholds move down.
	cfg := filepath.Join(t.TempDir(), "pooled.json")
	if err := os.WriteFile(cfg, []byte(`{"calibration": {"anchor_rest": 30, "min_anchors": 20, "max_shift": 3}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	decisions := func(args ...string) (map[string]string, string) {
		t.Helper()
		code, stdout, stderr := cli(t, append([]string{"match", "--index", idx, "--offers", offers, "--format", "csv"}, args...)...)
		if code != 0 {
			t.Fatalf("match %v: exit %d\n%s", args, code, stderr)
		}
		out := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n")[1:] {
			f := strings.Split(line, ",")
			out[f[0]] = f[1]
		}
		return out, stderr
	}
	moved, stderr := decisions("--config", cfg)
	if !strings.Contains(stderr, "match: calibration on 45 of 45 offers (") || !strings.Contains(stderr, "): thresholds moved -3.00 bits by 40 anchors") {
		t.Errorf("a calibrated config: want the move on stderr, got\n%s", stderr)
	}
	kept, stderr := decisions("--config", cfg, "--calibrate=false")
	if strings.Contains(stderr, "calibration") {
		t.Errorf("--calibrate=false: want no calibration, got\n%s", stderr)
	}
	if _, stderr := decisions(); strings.Contains(stderr, "calibration") {
		t.Errorf("the built-in config has no calibration, yet\n%s", stderr)
	}
	changed := 0
	for id, d := range moved {
		if d != kept[id] {
			changed++
			if !strings.HasPrefix(id, "N") {
				t.Errorf("offer %s: %s calibrated, %s not; only the codeless offers sit near a threshold", id, d, kept[id])
			}
		}
	}
	if changed == 0 {
		t.Errorf("thresholds 3 bits lower changed no decision:\n%v\n%v", moved, kept)
	}
}
