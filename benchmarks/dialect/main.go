// Command dialect measures decisions on a generated catalog whose offers a
// wholesale supplier wrote (gen -dialect: the owner in the vendor column
// for a third of the brands, ALL CAPS abbreviated titles, pack shorthand,
// short color codes, the supplier's departments, spreadsheet-damaged GTINs,
// half the rows without GTIN and half without model, and unlisted siblings:
// other colors, sizes, neighbor models, multipacks, white labels, products
// not in the catalog). It builds the index and matches with the real
// binary, and reports the share of offers decided right, with and without
// a GTIN, and the share of unlisted offers matched to a listing - beside the
// same figures for the same offers written plainly, so that what the
// dialect costs shows apart from what the catalog makes hard.
//
//	go run ./benchmarks/dialect -bin bin -listings 100000 -offers 10000 -results benchmarks/RESULTS.md
//
// A listed offer is right when it is eligible or blocked on one of its
// listings; an unlisted one when it is not matched (no_match; a review is
// counted apart).
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/followmatch/followmatch/benchmarks/internal/results"
)

func main() {
	bin := flag.String("bin", "bin", "`dir` holding the followmatch and gen binaries")
	nListings := flag.Int("listings", 100000, "listings")
	nOffers := flag.Int("offers", 10000, "offers")
	out := flag.String("out", "build/dialect", "work `dir`")
	resultsPath := flag.String("results", "", "rewrite the dialect section of this `file` (none when empty)")
	config := flag.String("config", "", "scoring config `file` for match (the defaults when empty)")
	flag.Parse()
	if err := run(*bin, *nListings, *nOffers, *out, *resultsPath, *config); err != nil {
		fmt.Fprintln(os.Stderr, "dialect:", err)
		os.Exit(1)
	}
}

// tally counts decisions of one group of offers.
type tally struct{ n, right, review, matched int }

func (t tally) pct(x int) string {
	if t.n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(x)/float64(t.n))
}

// figures are one run's tallies.
type figures struct {
	groups map[string]*tally
	byKind map[string]*tally
	took   time.Duration
	n      int
}

func run(bin string, nListings, nOffers int, out, resultsPath, config string) error {
	d, err := measure(bin, nListings, nOffers, filepath.Join(out, "dialect"), true, config)
	if err != nil {
		return err
	}
	p, err := measure(bin, nListings, nOffers, filepath.Join(out, "plain"), false, config)
	if err != nil {
		return err
	}
	// Self-supervised: tune on the dialect's own offers linked to listings
	// by their GTIN (no labels), then match them again under that config.
	dir := filepath.Join(out, "dialect")
	selfCfg := filepath.Join(dir, "selftuned.json")
	tune := exec.Command(filepath.Join(bin, "followmatch"), "tune", "--offers", filepath.Join(dir, "offers.jsonl"), "--index", filepath.Join(dir, "idx"), "--out", selfCfg)
	tune.Stderr = os.Stderr
	tuneReport, err := tune.Output()
	if err != nil {
		return fmt.Errorf("tune --offers: %w", err)
	}
	s, err := tallyRun(bin, dir, "results-selftuned.csv", selfCfg)
	if err != nil {
		return err
	}
	var b strings.Builder
	begin, end := results.Markers("dialect")
	fmt.Fprintf(&b, "%s\n## A wholesale dialect\n\nMade by `go run ./benchmarks/dialect -listings %d -offers %d` on %s: the generated catalog of `make scale`,\n", begin, nListings, nOffers, time.Now().Format("2006-01-02"))
	b.WriteString("its offers written as a distributor writes them (`gen -dialect`: owners in the vendor column for a third of the\n" +
		"brands, ALL CAPS abbreviated titles, pack shorthand, color codes, the supplier's departments, damaged GTINs on\n" +
		"a third of the GTIN rows, half the rows without GTIN, half without model), beside the same offers written plainly.\n" +
		"Right: a listed offer eligible or blocked on its listing, an unlisted one no_match. Matched: eligible or blocked.\n\n")
	b.WriteString("| offers | n | right, dialect | right, plain | review, dialect | matched, dialect | matched, plain |\n|---|---|---|---|---|---|---|\n")
	for _, name := range []string{"all", "with GTIN", "without GTIN", "listed", "unlisted"} {
		t, u := d.groups[name], p.groups[name]
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s |\n", name, t.n, t.pct(t.right), u.pct(u.right), t.pct(t.review), t.pct(t.matched), u.pct(u.matched))
	}
	b.WriteString("\n| kind | n | right, dialect | right, plain | review, dialect | matched, dialect | matched, plain |\n|---|---|---|---|---|---|---|\n")
	for _, k := range slices.Sorted(maps.Keys(d.byKind)) {
		t, u := d.byKind[k], p.byKind[k]
		if u == nil {
			u = &tally{}
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s |\n", k, t.n, t.pct(t.right), u.pct(u.right), t.pct(t.review), t.pct(t.matched), u.pct(u.matched))
	}
	fmt.Fprintf(&b, "\nMatching the dialect took %s (%.0f offers/s, 2 workers).\n\n", d.took.Round(time.Millisecond), float64(d.n)/d.took.Seconds())
	b.WriteString("Self-supervised tune (`followmatch tune --offers offers.jsonl --index idx`: no labels; the dialect's offers whose\n" +
		"GTIN names one listing are its matches, their candidates of another GTIN its non-matches, fitted with the GTIN left\n" +
		"out), then the same offers matched under the config it wrote:\n\n")
	for _, line := range strings.Split(strings.TrimSpace(string(tuneReport)), "\n") {
		if strings.HasPrefix(line, "config written") {
			continue
		}
		fmt.Fprintf(&b, "    %s\n", line)
	}
	b.WriteString("\n| offers | n | right, defaults | right, self-tuned | matched, defaults | matched, self-tuned |\n|---|---|---|---|---|---|\n")
	for _, name := range []string{"all", "with GTIN", "without GTIN", "listed", "unlisted"} {
		t, u := d.groups[name], s.groups[name]
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s |\n", name, t.n, t.pct(t.right), u.pct(u.right), t.pct(t.matched), u.pct(u.matched))
	}
	fmt.Fprintf(&b, "%s\n", end)
	fmt.Print(b.String())
	if resultsPath != "" {
		return results.WriteSection(resultsPath, "dialect", b.String())
	}
	return nil
}

// measure generates a catalog (its offers in the dialect or not), builds
// the index, matches and tallies the decisions.
func measure(bin string, nListings, nOffers int, out string, dialect bool, config string) (figures, error) {
	var fig figures
	if err := os.RemoveAll(out); err != nil {
		return fig, err
	}
	step := func(name string, args ...string) error { return runStep(bin, name, args...) }
	if err := step("gen", "-listings", fmt.Sprint(nListings), "-offers", fmt.Sprint(nOffers), "-out", out, fmt.Sprintf("-dialect=%t", dialect)); err != nil {
		return fig, err
	}
	idx := filepath.Join(out, "idx")
	if err := step("followmatch", "index", "--listings", filepath.Join(out, "listings.jsonl"), "--index", idx); err != nil {
		return fig, err
	}
	return tallyRun(bin, out, "results.csv", config)
}

// tallyRun matches the offers of a generated catalog in out (index built)
// under config into the results file res, and tallies the decisions.
func tallyRun(bin, out, res, config string) (figures, error) {
	var fig figures
	step := func(name string, args ...string) error { return runStep(bin, name, args...) }
	idx := filepath.Join(out, "idx")
	resPath := filepath.Join(out, res)
	start := time.Now()
	args := []string{"match", "--index", idx, "--offers", filepath.Join(out, "offers.jsonl"), "--format", "csv", "--out", resPath}
	if config != "" {
		args = append(args, "--config", config)
	}
	if err := step("followmatch", args...); err != nil {
		return fig, err
	}
	el := time.Since(start)

	truth, kinds, err := readTruth(filepath.Join(out, "truth.csv"))
	if err != nil {
		return fig, err
	}
	withGTIN, err := offersWithGTIN(filepath.Join(out, "offers.jsonl"))
	if err != nil {
		return fig, err
	}
	f, err := os.Open(resPath)
	if err != nil {
		return fig, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fig, err
	}
	groups := map[string]*tally{"all": {}, "with GTIN": {}, "without GTIN": {}, "listed": {}, "unlisted": {}}
	byKind := map[string]*tally{}
	for _, r := range rows[1:] {
		id, decision, listing := r[0], r[1], r[2]
		matched := decision == "eligible" || decision == "blocked"
		listed := truth[id] != nil
		right := listed && matched && slices.Contains(truth[id], listing) || !listed && decision == "no_match"
		add := func(t *tally) {
			t.n++
			if right {
				t.right++
			}
			if decision == "review" {
				t.review++
			}
			if matched {
				t.matched++
			}
		}
		add(groups["all"])
		if withGTIN[id] {
			add(groups["with GTIN"])
		} else {
			add(groups["without GTIN"])
		}
		if listed {
			add(groups["listed"])
		} else {
			add(groups["unlisted"])
		}
		k := kinds[id]
		if byKind[k] == nil {
			byKind[k] = &tally{}
		}
		add(byKind[k])
	}
	fig.groups, fig.byKind, fig.took, fig.n = groups, byKind, el, len(rows)-1
	return fig, nil
}

// readTruth reads gen's truth.csv: the listings of each listed offer, and
// every offer's kind.
func readTruth(path string) (map[string][]string, map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, nil, err
	}
	truth, kinds := map[string][]string{}, map[string]string{}
	for _, r := range rows[1:] {
		if r[1] != "" {
			truth[r[0]] = strings.Split(r[1], "|")
		}
		kinds[r[0]] = r[2]
	}
	return truth, kinds, nil
}

// offersWithGTIN returns the offers whose record has a GTIN.
func offersWithGTIN(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct {
			ID   string `json:"id"`
			GTIN any    `json:"gtin"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		out[rec.ID] = rec.GTIN != nil
	}
	return out, sc.Err()
}

// runStep runs one of the binaries in bin, its errors to standard error.
func runStep(bin, name string, args ...string) error {
	cmd := exec.Command(filepath.Join(bin, name), args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %v: %w", name, args, err)
	}
	return nil
}
