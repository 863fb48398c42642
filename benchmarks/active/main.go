// Command active measures what a person's labels buy when no labeled
// dataset exists: a config tuned on 200 train pairs chosen in each of the
// review page's orders (review-first and uncertain, in batches of 50,
// re-tuned after each; eval.Evaluator.ActiveLabels) against 200 chosen at random
// and the whole train split, by test F1, on the labeled-pair datasets
// under -data, WDC Products' test sets with its medium development set among
// them (their labels stand in for the person's answers).
//
//	go run ./benchmarks/active -data ../shared/data/em,../shared/data/em-extra -results benchmarks/RESULTS.md
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/followmatch/followmatch/benchmarks/internal/results"
	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

func main() {
	data := flag.String("data", "", "`folders` of labeled-pair datasets, comma-separated (Walmart-Amazon layout, or WDC Products' pair files)")
	budget := flag.Int("budget", 200, "labels a person gives")
	resultsPath := flag.String("results", "", "rewrite the active section of this `file` (none when empty)")
	measure := flag.String("measure", "test", "the `split` F1 is measured on: test, or valid to compare ways of choosing labels without reading test")
	batch := flag.Int("batch", 50, "labels asked between two re-tunes")
	flag.Parse()
	if *measure != "test" && *measure != "valid" {
		fmt.Fprintf(os.Stderr, "active: -measure %q: want test or valid\n", *measure)
		os.Exit(2)
	}
	if *data == "" {
		fmt.Fprintln(os.Stderr, "active: -data is required")
		os.Exit(2)
	}
	if err := run(*data, *budget, *batch, *measure, *resultsPath); err != nil {
		fmt.Fprintln(os.Stderr, "active:", err)
		os.Exit(1)
	}
}

// randomRuns is how many random draws the random figure is the median of.
const randomRuns = 5

func run(data string, budget, batch int, measure, resultsPath string) error {
	vs, err := match.LoadVocabularies()
	if err != nil {
		return err
	}
	sets, err := eval.LoadAll(strings.Split(data, ","))
	if err != nil {
		return err
	}
	if len(sets) == 0 {
		return fmt.Errorf("no labeled-pair dataset under %s", data)
	}
	var b strings.Builder
	begin, end := results.Markers("active")
	fmt.Fprintf(&b, "%s\n## Labels from a person: %d chosen in the review page's order against %d at random\n\n", begin, budget, budget)
	fmt.Fprintf(&b, "Made by `go run ./benchmarks/active -data %s` on %s. Test F1 in %% of a config tuned on %d labeled train pairs\n"+
		"(each counting %d) and the train pairs the config so far decides with confidence (under 2%% or over 98%%, labeled as it\n"+
		"decides them; no title words; thresholds chosen on the labels alone: a person has no others;\n"+
		"`eval.Evaluator.TuneOnLabels`). The labels are picked in one of the review page's orders under the config so far,\n"+
		"in batches of 50 re-tuned after each (`eval.Evaluator.ActiveLabels`): *uncertain* (`review --order uncertain`), the\n"+
		"pairs nearest the match threshold first; *review first* (the page's default), the pairs between the review and the\n"+
		"match threshold first, then the rest, each group nearest the threshold first. Or at random (median of %d draws,\n"+
		"fitted the same way), beside the config tuned on the whole train split. The dataset's labels stand in for the\n"+
		"person's answers. Tried and measured worse on the valid split, so left out: asking about the pairs near the review\n"+
		"threshold or about an offer's two near-tied listings (disagreement) too; learning title words from the labels and the\n"+
		"confident pairs; choosing thresholds on the confident pairs as well as the labels. A label's count, chosen on the valid\n"+
		"splits (mean of the three orders' F1 on both): 3 counts 84.1, 5 84.3, 10 85.0, 20 84.9.\n\n",
		data, time.Now().UTC().Format("2006-01-02"), budget, eval.LabelWeight, randomRuns)
	fmt.Fprintf(&b, "| dataset | train pairs | defaults | %[1]d, uncertain | %[1]d, review first | %[1]d at random (median) | whole train split |\n|---|---|---|---|---|---|---|\n", budget)
	for _, ds := range sets {
		ev := eval.NewEvaluator(ds, vs)
		train, err := ds.Split("train")
		if err != nil {
			return err
		}
		valid, err := ds.Split("valid")
		if err != nil {
			return err
		}
		test, err := ds.Split(measure)
		if err != nil {
			return err
		}
		base := match.DefaultConfig()
		def := ev.Evaluate("test", test, base).F1
		_, activeCfg := ev.ActiveLabels(train, base, budget, batch, eval.OrderUncertain)
		active := ev.Evaluate("test", test, activeCfg).F1
		_, firstCfg := ev.ActiveLabels(train, base, budget, batch, eval.OrderReviewFirst)
		first := ev.Evaluate("test", test, firstCfg).F1
		var randoms []float64
		for seed := range uint64(randomRuns) {
			r := rand.New(rand.NewPCG(seed, 7))
			pick := slices.Clone(train)
			r.Shuffle(len(pick), func(i, j int) { pick[i], pick[j] = pick[j], pick[i] })
			pick = pick[:min(budget, len(pick))]
			cfg := ev.TuneOnLabels(train, pick, base, base)
			randoms = append(randoms, ev.Evaluate("test", test, cfg).F1)
		}
		slices.Sort(randoms)
		full, _ := ev.Tune(train, valid, base)
		whole := ev.Evaluate("test", test, full).F1
		fmt.Fprintf(os.Stderr, "%s: defaults %.1f, %d uncertain %.1f, review first %.1f, at random %.1f (%v), whole train %.1f\n",
			ds.Name, 100*def, budget, 100*active, 100*first, 100*randoms[len(randoms)/2], randoms, 100*whole)
		fmt.Fprintf(&b, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |\n", ds.Name, len(train), 100*def, 100*active, 100*first, 100*randoms[len(randoms)/2], 100*whole)
	}
	fmt.Fprintf(&b, "\n%s\n", end)
	fmt.Print(b.String())
	if resultsPath != "" && measure == "test" {
		return results.WriteSection(resultsPath, "active", b.String())
	}
	return nil
}
