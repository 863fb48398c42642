package main

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

// datasetFlags are shared by eval and tune.
type datasetFlags struct {
	dir, mapping, config string
	// labels is a person's labels file (tune --labels), added to train.
	labels string
	// wdcTest and wdcDev pick a WDC Products folder's test set and
	// development set size ("" for seen and medium).
	wdcTest, wdcDev string
}

func (f *datasetFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dir, "dataset", "", "labeled-pair dataset `dir` (tableA.csv, tableB.csv, train/valid/test.csv; or the WDC Products pair files)")
	fs.StringVar(&f.mapping, "map", "", "rename columns: `src=dst,...` (of the dataset, default its map.txt if any)")
	fs.StringVar(&f.config, "config", "", "scoring config `file` (default: the built-in weights)")
	fs.StringVar(&f.wdcTest, "wdc-test", "", "WDC Products test set: `seen`, half-seen or unseen (default seen)")
	fs.StringVar(&f.wdcDev, "wdc-dev", "", "WDC Products development set: `medium` or small (default medium)")
}

// loadDataset reads the dataset folder: the DeepMatcher layout with its
// column map, or the WDC Products pair files as they are published.
func (f *datasetFlags) loadDataset() (*eval.Dataset, error) {
	if !eval.IsWDC(f.dir) {
		if f.wdcTest != "" || f.wdcDev != "" {
			return nil, usagef("--wdc-test and --wdc-dev are for a folder of WDC Products pair files; %s is not one", f.dir)
		}
		m := f.mapping
		if m == "" {
			var err error
			if m, err = eval.ReadMap(f.dir); err != nil {
				return nil, err
			}
		}
		renames, err := catalog.ParseMap(m)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		return eval.Load(f.dir, renames)
	}
	if f.mapping != "" {
		return nil, usagef("--map: the WDC Products pair files have fixed fields (title, brand, description); nothing to rename")
	}
	test, dev := cmp.Or(f.wdcTest, "seen"), cmp.Or(f.wdcDev, "medium")
	if dev != "medium" && dev != "small" {
		return nil, usagef("--wdc-dev %q: want medium or small", dev)
	}
	return eval.LoadWDC(f.dir, test, dev)
}

// load reads the dataset, the config and the vocabularies.
func (f *datasetFlags) load(stderr io.Writer) (*eval.Evaluator, *match.Config, error) {
	if f.dir == "" {
		return nil, nil, usagef("--dataset is required")
	}
	cfg := match.DefaultConfig()
	var err error
	if f.config != "" {
		if cfg, err = catalog.LoadConfig(f.config); err != nil {
			return nil, nil, err
		}
	}
	vs, err := match.LoadVocabularies()
	if err != nil {
		return nil, nil, err
	}
	ds, err := f.loadDataset()
	if err != nil {
		return nil, nil, err
	}
	if f.labels != "" {
		labels, err := eval.ReadLabels(f.labels)
		if err != nil {
			return nil, nil, err
		}
		used, unknown := ds.AddLabels(labels, nil, nil)
		reportLabels(stderr, f.labels, used, unknown)
	}
	if n := len(ds.BadRows); n > 0 {
		fmt.Fprintf(stderr, "warning: %d rows of %s could not be read; pairs naming them fail:\n", n, f.dir)
		for i, e := range ds.BadRows {
			if i == 5 {
				fmt.Fprintf(stderr, "  ... and %d more\n", n-5)
				break
			}
			fmt.Fprintf(stderr, "  %s\n", e)
		}
	}
	return eval.NewEvaluator(ds, vs.WithAbbreviations(cfg.Abbreviations)), cfg, nil
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	var d datasetFlags
	d.register(fs)
	split := fs.String("split", "test", "`split` to evaluate: train, valid or test")
	mode := fs.String("mode", "pairs", "`mode`: pairs (score the labeled pairs) or catalog (index tableB, match every tableA record of the split)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "parallel `workers` (catalog mode)")
	mistakes := fs.Bool("mistakes", false, "pairs mode: also list every false positive and false negative with its comparisons")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *mode != "pairs" && *mode != "catalog" {
		return usagef("--mode %q: want pairs or catalog", *mode)
	}
	ev, cfg, err := d.load(stderr)
	if err != nil {
		return err
	}
	pairs, err := ev.DS.Split(*split)
	if err != nil {
		return err
	}
	if *mode == "catalog" {
		truth, err := ev.DS.Truth("train", "valid", "test")
		if err != nil {
			return err
		}
		rep, err := ev.Catalog(ctx, *split, pairs, truth, cfg, "", *workers)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(stdout).Encode(rep)
		}
		fmt.Fprintf(stdout, "%s %s, catalog mode: %d offers against %d listings\n", rep.Dataset, rep.Split, rep.Offers, len(ev.DS.B))
		fmt.Fprintf(stdout, "candidate recall@%d  %.4f (%d positive pairs)\n", rep.K, rep.RecallAtK, rep.Positives)
		fmt.Fprintf(stdout, "top-1 decisions     precision %.4f  recall %.4f  F1 %.4f  (tp %d, fp %d of which %d unlabeled pairs, fn %d)\n", rep.Precision, rep.Recall, rep.F1, rep.TP, rep.FP, rep.Unlabeled, rep.FN)
		if rep.Calibration != nil {
			fmt.Fprintf(stdout, "calibration         %s\n", rep.Calibration)
		}
		fmt.Fprintf(stdout, "speed               %.0f offers/s matched, index built in %.1fs\n", rep.OffersPerSecond, rep.IndexSeconds)
		return nil
	}
	rep := ev.Evaluate(*split, pairs, cfg)
	rep.PairsPerSecond = ev.Rate(pairs, cfg)
	if *asJSON {
		return json.NewEncoder(stdout).Encode(rep)
	}
	printReport(stdout, rep)
	if *mistakes {
		fps, fns := ev.Mistakes(pairs, cfg)
		printMistakes(stdout, "false positive", fps)
		printMistakes(stdout, "false negative", fns)
	}
	return nil
}

func printMistakes(w io.Writer, kind string, ms []eval.Mistake) {
	for _, m := range ms {
		fmt.Fprintf(w, "\n%s: %s ~ %s  p=%.3f", kind, m.Pair.A, m.Pair.B, m.Probability)
		if len(m.Vetoes) > 0 {
			fmt.Fprintf(w, "  vetoed by %s", strings.Join(m.Vetoes, ", "))
		}
		fmt.Fprintln(w)
		for _, c := range m.Comparisons {
			if c.Level == match.Missing && c.Offer == "" && c.Listing == "" {
				continue
			}
			fmt.Fprintf(w, "  %-10s %-14s %+6.2f  %q | %q  %s\n", c.Attribute, c.Level, c.Weight, clip(c.Offer, 70), clip(c.Listing, 70), c.Evidence)
		}
	}
}

func printReport(w io.Writer, r eval.Report) {
	fmt.Fprintf(w, "%s %s: %d pairs, %d matches\n", r.Dataset, r.Split, r.Pairs, r.Positives)
	fmt.Fprintf(w, "at match threshold %.4g: precision %.4f  recall %.4f  F1 %.4f  (tp %d, fp %d, fn %d, tn %d)\n",
		r.MatchThreshold, r.Precision, r.Recall, r.F1, r.TP, r.FP, r.FN, r.TN)
	if r.Calibration != nil {
		fmt.Fprintf(w, "calibration: %s\n", r.Calibration)
	}
	fmt.Fprintf(w, "best threshold on this split: %.4g (F1 %.4f)\n", r.BestThreshold, r.BestF1)
	fmt.Fprintf(w, "speed: %.0f pairs/s scored on one core\n", r.PairsPerSecond)
}

func runTune(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("tune", flag.ContinueOnError)
	var d datasetFlags
	d.register(fs)
	out := fs.String("out", "", "write the tuned config to `file` (default standard output)")
	verbose := fs.Bool("v", false, "print the m/u estimate of every level")
	fs.StringVar(&d.labels, "labels", "", "a person's labels `file` (CSV offer_id,listing_id,label; 1 same, 0 different), each counted as "+strconv.Itoa(eval.LabelWeight)+" pairs in the fit")
	var m matchFlags
	fs.StringVar(&m.offers, "offers", "", "no labeled dataset: fit on the offers of this `file` whose GTIN names one listing of --index (--map renames its columns)")
	fs.StringVar(&m.index, "index", defaultIndex, "with --offers: the listing index `dir`")
	fs.StringVar(&m.sheet, "sheet", "", "with --offers: the `sheet` of an XLSX offers file")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if m.offers != "" {
		if d.dir != "" {
			return usagef("give --dataset (labeled pairs) or --offers (pairs linked by GTIN), not both")
		}
		m.mapping = d.mapping // --map renames the offers' columns
		return runSelfTune(ctx, &m, d.config, d.labels, *out, stdout, stderr)
	}
	ev, base, err := d.load(stderr)
	if err != nil {
		return err
	}
	train, err := ev.DS.Split("train")
	if err != nil {
		return err
	}
	valid, err := ev.DS.Split("valid")
	if err != nil {
		return err
	}
	cfg, rep := ev.Tune(train, valid, base)
	report := stderr
	if *out != "" {
		report = stdout
	}
	if *verbose {
		eval.PrintEstimates(report, rep.Estimates)
	}
	fmt.Fprintf(report, "tune %s: weights from %d train pairs (%s), thresholds from %d valid pairs\n", ev.DS.Name, rep.Train, rep.Method, rep.Valid)
	printChoices(report, rep)
	fmt.Fprintf(report, "match threshold %.6g, review threshold %.6g\n", cfg.MatchThreshold, cfg.ReviewThreshold)
	fmt.Fprintf(report, "F1 on valid: %.4f before, %.4f after\n", rep.ValidBefore.F1, rep.ValidAfter.F1)
	return writeTuned(cfg, *out, stdout, report)
}

// runSelfTune is tune --offers: fitted on pairs linked by GTIN.
func runSelfTune(ctx context.Context, m *matchFlags, configFile, labelsFile, out string, stdout, stderr io.Writer) error {
	base := match.DefaultConfig()
	if configFile != "" {
		var err error
		if base, err = catalog.LoadConfig(configFile); err != nil {
			return err
		}
	}
	report := stderr
	if out != "" {
		report = stdout
	}
	m.config = configFile
	m.workers = 1
	var labels []eval.Pair
	if labelsFile != "" {
		var err error
		if labels, err = eval.ReadLabels(labelsFile); err != nil {
			return err
		}
	}
	e, err := m.openEngine(ctx, report)
	if err != nil {
		return err
	}
	defer e.Close()
	cfg, err := selfTune(ctx, e, m, base, labelsFile, labels, report)
	if err != nil {
		return err
	}
	return writeTuned(cfg, out, stdout, report)
}

// reportLabels says how many labels a fit used and which it could not.
func reportLabels(w io.Writer, file string, used int, unknown []eval.Pair) {
	fmt.Fprintf(w, "labels %s: %d used, each counted as %d pairs\n", file, used, eval.LabelWeight)
	if len(unknown) > 0 {
		fmt.Fprintf(w, "warning: labels %s: %d name an offer or listing not found (left out), e.g. %s,%s\n", file, len(unknown), unknown[0].A, unknown[0].B)
	}
}

// writeTuned writes a tuned config to out (standard output when "").
func writeTuned(cfg *match.Config, out string, stdout, report io.Writer) error {
	w := stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("tune: %w", err)
		}
		defer f.Close()
		w = f
	}
	if err := cfg.Encode(w); err != nil {
		return fmt.Errorf("tune: write config: %w", err)
	}
	if out != "" {
		fmt.Fprintf(report, "config written to %s (use it with --config)\n", out)
	}
	return nil
}

// printChoices writes what tune chose on valid beside the weights: title
// words, the standing's scale and weight ahead, the vetoes it dropped.
func printChoices(w io.Writer, rep eval.TuneReport) {
	if rep.Words > 0 {
		fmt.Fprintf(w, "title words learned: %d (in both titles / in one only; penalty %g chosen on valid)\n", rep.Words, rep.WordsLambda)
	}
	if rep.StandingScale > 0 {
		fmt.Fprintf(w, "standing among an offer's candidates (rank): scale %g chosen on valid (far behind its best rival: %+.2f bits)\n",
			rep.StandingScale, match.StandingWeights(rep.StandingScale)[match.FarBehind])
	}
	if rep.StandingAhead > 0 {
		fmt.Fprintf(w, "ahead of every rival on both sides (a batch of labeled pairs; a matcher's candidates never are): %+.1f bits, chosen on valid, the thresholds chosen again with it and never lower\n", rep.StandingAhead)
	}
	if rep.KnownProducts > 0 {
		fmt.Fprintf(w, "known products kept from the train pairs: %d (records like one of them: %+.1f bits; like two: %+.1f bits; chosen on valid at the threshold chosen without them)\n", rep.KnownProducts, rep.KnownSame, rep.KnownApart)
	}
	if len(rep.DroppedVetoes) > 0 {
		fmt.Fprintf(w, "vetoes dropped (they cost F1 on valid): %v\n", rep.DroppedVetoes)
	}
}
