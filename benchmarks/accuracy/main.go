// Command accuracy runs tune and eval (pairs and catalog mode) on every
// labeled-pair dataset under a folder and writes the accuracy section of
// benchmarks/RESULTS.md and the tuned configs, beside the published F1 of
// other matchers (read from the folder's ANCHORS.md).
//
//	go run ./benchmarks/accuracy -data ../shared/data/em
//
// With -check it exits 1 when a dataset's tuned test F1 falls more than one
// point below the figure RESULTS.md recorded before this run.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/followmatch/followmatch/benchmarks/internal/results"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

// wdcAnchors are published F1 on the WDC Products test sets (80% corner
// cases, medium development set): webdatacommons.org WDC Products page,
// Table 3, mean of 3 runs. Magellan, DeepMatcher (not reported), Ditto.
var wdcAnchors = map[string][]string{
	"wdcproductsseenmedium":     {"30.55", "-", "73.93"},
	"wdcproductshalfseenmedium": {"35.00", "-", "72.08"},
	"wdcproductsunseenmedium":   {"33.47", "-", "69.43"},
}

const (
	// recordRE finds the machine-readable record of tuned test F1 per
	// dataset that -check compares against.
	recordPrefix = "<!-- accuracy-record "
)

var recordRE = regexp.MustCompile(`<!-- accuracy-record (\{.*\}) -->`)

type result struct {
	Name           string
	Default, Tuned eval.Report
	Catalog        eval.CatalogReport
	DefaultCatalog eval.CatalogReport
	ValidBefore    float64
	ValidAfter     float64
	Anchors        []string // Magellan, DeepMatcher, Ditto
	Dropped        []string
	// Known: the known products tune kept and their weights ("" none).
	Known   string
	Seconds float64
}

func main() {
	data := flag.String("data", "", "folder of labeled-pair datasets (each with tableA.csv, tableB.csv, splits, map.txt)")
	results := flag.String("results", "benchmarks/RESULTS.md", "results `file` whose accuracy section is rewritten")
	configs := flag.String("configs", "benchmarks/configs", "`dir` for the tuned configs")
	check := flag.Bool("check", false, "exit 1 when tuned test F1 falls more than 1 point below the recorded figure")
	errorsPath := flag.String("errors", "", "also write the error classes of the tuned configs, with examples, to `file`")
	flag.StringVar(&section, "section", "accuracy", "the `name` of the RESULTS.md section this data owns")
	flag.Parse()
	if *data == "" {
		fmt.Fprintln(os.Stderr, "accuracy: -data is required")
		os.Exit(2)
	}
	if err := run(*data, *results, *configs, *errorsPath, *check); err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
}

// section names the RESULTS.md section written (and its record read).
var section string

func run(data, resultsPath, configs, errorsPath string, check bool) error {
	entries, err := os.ReadDir(data)
	if err != nil {
		return err
	}
	anchors := readAnchors(filepath.Join(data, "ANCHORS.md"))
	vs, err := match.LoadVocabularies()
	if err != nil {
		return err
	}
	var res []result
	var errs strings.Builder
	errs.WriteString("# Remaining errors on the public benchmarks\n\nWritten by `make accuracy` (`-errors`): every false positive and false negative of the tuned\nconfig on the test split, sorted into classes by the comparisons that decided it, with one example each.\n\n")
	for _, e := range entries {
		dir := filepath.Join(data, e.Name())
		var loads []func() (*eval.Dataset, error)
		switch {
		case !e.IsDir():
			continue
		case eval.IsWDC(dir):
			// WDC Products: three test sets, with the small and the medium
			// development sets.
			for _, size := range []string{"small", "medium"} {
				for _, t := range eval.WDCTests {
					loads = append(loads, func() (*eval.Dataset, error) { return eval.LoadWDC(dir, t.Name, size) })
				}
			}
		default:
			if _, err := os.Stat(filepath.Join(dir, "tableA.csv")); err != nil {
				continue
			}
			loads = append(loads, func() (*eval.Dataset, error) { return eval.LoadDir(dir) })
		}
		for _, load := range loads {
			ds, err := load()
			if err != nil {
				return fmt.Errorf("%s: %w", e.Name(), err)
			}
			r, err := runDataset(dir, ds, vs, configs, &errs)
			if err != nil {
				return fmt.Errorf("%s: %w", ds.Name, err)
			}
			r.Anchors = anchors[key(ds.Name)]
			if a, ok := wdcAnchors[key(ds.Name)]; ok {
				r.Anchors = a
			}
			res = append(res, r)
			fmt.Fprintf(os.Stderr, "%s: test F1 default %.1f, tuned %.1f; catalog recall@%d %.4f, top-1 F1 %.1f (%.0fs)\n",
				r.Name, 100*r.Default.F1, 100*r.Tuned.F1, r.Catalog.K, r.Catalog.RecallAtK, 100*r.Catalog.F1, r.Seconds)
		}
	}
	if len(res) == 0 {
		return fmt.Errorf("no dataset (a folder with tableA.csv) under %s", data)
	}
	old, _ := os.ReadFile(resultsPath)
	recorded := readRecord(sectionOf(string(old)))
	var worse []string
	for _, r := range res {
		if prev, ok := recorded[r.Name]; ok && 100*r.Tuned.F1 < prev-1 {
			worse = append(worse, fmt.Sprintf("%s: tuned test F1 %.2f, recorded %.2f", r.Name, 100*r.Tuned.F1, prev))
		}
	}
	if check {
		if len(worse) > 0 {
			return fmt.Errorf("accuracy fell more than 1 point:\n  %s", strings.Join(worse, "\n  "))
		}
		fmt.Fprintln(os.Stderr, "accuracy: no dataset fell more than 1 point below RESULTS.md")
		return nil
	}
	for _, w := range worse {
		fmt.Fprintln(os.Stderr, "warning:", w)
	}
	if errorsPath != "" {
		if err := os.WriteFile(errorsPath, []byte(errs.String()), 0o644); err != nil {
			return err
		}
	}
	return results.WriteSection(resultsPath, section, render(res, data))
}

// sectionOf is the text of this run's section of RESULTS.md, or "".
func sectionOf(s string) string {
	begin, end := results.Markers(section)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		return ""
	}
	return s[i:j]
}

func key(s string) string { return match.Compact(s) }

func runDataset(dir string, ds *eval.Dataset, vs *match.Vocabularies, configs string, errs *strings.Builder) (result, error) {
	start := time.Now()
	name := ds.Name
	r := result{Name: name}
	var err error
	ev := eval.NewEvaluator(ds, vs)
	split := func(s string) []eval.Pair {
		if err != nil {
			return nil
		}
		var p []eval.Pair
		p, err = ds.Split(s)
		return p
	}
	train, valid, test := split("train"), split("valid"), split("test")
	if err != nil {
		return r, err
	}
	def := match.DefaultConfig()
	tuned, rep := ev.Tune(train, valid, def)
	r.ValidBefore, r.ValidAfter, r.Dropped = rep.ValidBefore.F1, rep.ValidAfter.F1, rep.DroppedVetoes
	if rep.KnownProducts > 0 {
		r.Known = fmt.Sprintf("%d (%+g / %+g)", rep.KnownProducts, rep.KnownSame, rep.KnownApart)
	}
	if err := os.MkdirAll(configs, 0o755); err != nil {
		return r, err
	}
	f, err := os.Create(filepath.Join(configs, name+".json"))
	if err != nil {
		return r, err
	}
	if err := tuned.Encode(f); err != nil {
		f.Close()
		return r, err
	}
	if err := f.Close(); err != nil {
		return r, err
	}
	r.Default = ev.Evaluate("test", test, def)
	r.Tuned = ev.Evaluate("test", test, tuned)
	r.Tuned.PairsPerSecond = ev.Rate(test, tuned)
	truth, err := ds.Truth("train", "valid", "test")
	if err != nil {
		return r, err
	}
	ctx := context.Background()
	if r.Catalog, err = ev.Catalog(ctx, "test", test, truth, tuned, "", runtime.GOMAXPROCS(0)); err != nil {
		return r, err
	}
	if r.DefaultCatalog, err = ev.Catalog(ctx, "test", test, truth, def, "", runtime.GOMAXPROCS(0)); err != nil {
		return r, err
	}
	r.Seconds = time.Since(start).Seconds()
	return r, analyze(dir, ev, test, tuned, r.Catalog, errs)
}

// readAnchors reads the published-results table of ANCHORS.md: dataset ->
// Magellan, DeepMatcher, Ditto F1.
func readAnchors(path string) map[string][]string {
	out := map[string][]string{}
	b, err := os.ReadFile(path)
	if err != nil {
		return out
	}
	inTable := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "## Published test F1") {
			inTable = true
			continue
		}
		if inTable && strings.HasPrefix(line, "## ") {
			break
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if !inTable || len(cells) < 5 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if _, err := strconv.ParseFloat(cells[1], 64); err != nil {
			continue // header or rule
		}
		// Columns: dataset, Magellan, DeepMatcher Hybrid, best earlier deep model, Ditto.
		out[key(cells[0])] = []string{cells[1], cells[2], cells[len(cells)-1]}
	}
	return out
}

func readRecord(s string) map[string]float64 {
	m := map[string]float64{}
	if sm := recordRE.FindStringSubmatch(s); sm != nil {
		json.Unmarshal([]byte(sm[1]), &m)
	}
	return m
}

func pct(f float64) string { return fmt.Sprintf("%.1f", 100*f) }

func render(res []result, data string) string {
	var b strings.Builder
	beginMark, endMark := results.Markers(section)
	title := "Accuracy on public benchmarks"
	if section != "accuracy" {
		title += " (" + filepath.Base(data) + ")"
	}
	fmt.Fprintf(&b, "%s\n## %s\n\n", beginMark, title)
	fmt.Fprintf(&b, "Made by `make accuracy DATA=%s` on %s (Go %s, %d cores). Test split of each dataset;\n",
		data, time.Now().UTC().Format("2006-01-02"), strings.TrimPrefix(runtime.Version(), "go"), runtime.NumCPU())
	b.WriteString("F1 in %. *Default*: the built-in hand-set weights, no labels. *Tuned*: m/u per level counted on train, refined\n")
	b.WriteString("by logistic regression pulled toward them, each level keeping its direction and the title bands their order\n")
	b.WriteString("(`match.LevelSpec.Direction`, `match.Attribute.Graded`); the pull, vetoes and thresholds chosen on valid\n")
	b.WriteString("(`benchmarks/configs/<dataset>.json`), then the train pairs' known products (`match/known.go`: records labeled one\n")
	b.WriteString("item; kept, with their weights, when they raise valid F1 at the threshold already chosen). A review counts as a non-match. Error classes: `benchmarks/ERRORS.md` (`ERRORS-extra.md` for em-extra).\n")
	b.WriteString("Published figures from `ANCHORS.md` (same test splits).")
	for _, r := range res {
		if strings.HasPrefix(r.Name, "wdc-products-") {
			b.WriteString(" For WDC Products (80% corner cases, medium development set, left offers as tableA):\n" +
				"the WDC Products page, Table 3 (there also: Word-Cooc 52.66 / 44.06 / 30.57, RoBERTa 72.18 / 72.05 / 70.13,\n" +
				"R-SupCon 79.99 / 67.21 / 53.10 on seen / half-seen / unseen).")
			break
		}
	}
	b.WriteString("\n\n")
	b.WriteString("| dataset | default P / R / F1 | tuned P / R / F1 | Magellan | DeepMatcher | Ditto |\n|---|---|---|---|---|---|\n")
	for _, r := range res {
		a := append(r.Anchors, "-", "-", "-")
		fmt.Fprintf(&b, "| %s | %s / %s / **%s** | %s / %s / **%s** | %s | %s | %s |\n", r.Name,
			pct(r.Default.Precision), pct(r.Default.Recall), pct(r.Default.F1),
			pct(r.Tuned.Precision), pct(r.Tuned.Recall), pct(r.Tuned.F1), a[0], a[1], a[2])
	}
	b.WriteString("\nCatalog mode (`eval --mode catalog`): tableB indexed, every tableA record of the test split matched\n")
	b.WriteString("through retrieval, scoring and the decision; top-1 same-item decisions scored against the labels.\n\n")
	b.WriteString("A predicted pair that no split labels counts as wrong (the strict reading; tableB holds duplicate listings).")
	if section != "accuracy" {
		b.WriteString(" On the WDC sets\nmost offers of tableB are other shops' offers of one product, which no pair labels: their top-1 figures\nsay little; recall@K says whether retrieval finds the labeled listing.")
	}
	b.WriteString("\n\n")
	b.WriteString("| dataset | offers | recall@K (K) | top-1 P / R / F1, tuned | of the wrong: unlabeled | top-1 F1, default | offers/s (2 workers) |\n|---|---|---|---|---|---|---|\n")
	for _, r := range res {
		c := r.Catalog
		fmt.Fprintf(&b, "| %s | %d | %.4f (%d) | %s / %s / %s | %d of %d | %s | %.0f |\n", r.Name, c.Offers, c.RecallAtK, c.K,
			pct(c.Precision), pct(c.Recall), pct(c.F1), c.Unlabeled, c.FP, pct(r.DefaultCatalog.F1), c.OffersPerSecond)
	}
	b.WriteString("\nTuning and speed:\n\n| dataset | valid F1 before -> after tune | vetoes dropped by tune | known products kept (same / other products, bits) | scored pairs/s (one core, tuned config, median of five 200 ms windows) |\n|---|---|---|---|---|\n")
	for _, r := range res {
		dropped := strings.Join(r.Dropped, ", ")
		if dropped == "" {
			dropped = "none"
		}
		known := r.Known
		if known == "" {
			known = "none"
		}
		fmt.Fprintf(&b, "| %s | %s -> %s | %s | %s | %.0f |\n", r.Name, pct(r.ValidBefore), pct(r.ValidAfter), dropped, known, r.Tuned.PairsPerSecond)
	}
	rec := map[string]float64{}
	for _, r := range res {
		rec[r.Name] = float64(int(10000*r.Tuned.F1+0.5)) / 100
	}
	names := make([]string, 0, len(rec))
	for n := range rec {
		names = append(names, n)
	}
	sort.Strings(names)
	js, _ := json.Marshal(rec)
	fmt.Fprintf(&b, "\nCI (`.ci/run`) fails when tuned test F1 falls more than 1 point below this record:\n%s%s -->\n%s\n", recordPrefix, js, endMark)
	return b.String()
}
