// Command ablation measures what each piece of evidence adds: test F1 of
// the hand-set defaults and of a config tuned on the dataset's train split,
// with every attribute and with one attribute taken out of the comparisons
// (eval.Evaluator.Ablate), on each labeled-pair dataset under the given
// folders (WDC Products with its medium development set).
//
//	go run ./benchmarks/ablation -data ../shared/data/em,../shared/data/em-extra -attrs numbers,type,version -results benchmarks/RESULTS.md
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/followmatch/followmatch/benchmarks/internal/results"
	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

func main() {
	data := flag.String("data", "", "comma-separated `folders` of labeled-pair datasets")
	attrs := flag.String("attrs", "numbers,type,version", "comma-separated `attributes` to take out one at a time")
	resultsPath := flag.String("results", "", "rewrite the ablation section of this `file` (none when empty)")
	flag.Parse()
	if *data == "" {
		fmt.Fprintln(os.Stderr, "ablation: -data is required")
		os.Exit(2)
	}
	if err := run(strings.Split(*data, ","), strings.Split(*attrs, ","), *resultsPath); err != nil {
		fmt.Fprintln(os.Stderr, "ablation:", err)
		os.Exit(1)
	}
}

// cell is a default and a tuned test F1.
type cell struct{ def, tuned float64 }

func run(dirs, attrs []string, resultsPath string) error {
	known := map[string]bool{}
	for _, a := range match.Attributes() {
		known[a.Name] = true
	}
	for _, a := range attrs {
		if !known[a] {
			return fmt.Errorf("unknown attribute %q", a)
		}
	}
	vs, err := match.LoadVocabularies()
	if err != nil {
		return err
	}
	sets, err := eval.LoadAll(dirs)
	if err != nil {
		return err
	}
	cols := append([]string{""}, attrs...)
	table := map[string][]cell{}
	var names []string
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
		test, err := ds.Split("test")
		if err != nil {
			return err
		}
		names = append(names, ds.Name)
		for _, drop := range cols {
			if drop == "" {
				ev.Ablate()
			} else {
				ev.Ablate(drop)
			}
			def := match.DefaultConfig()
			tuned, _ := ev.Tune(train, valid, def)
			c := cell{ev.Evaluate("test", test, def).F1, ev.Evaluate("test", test, tuned).F1}
			table[ds.Name] = append(table[ds.Name], c)
			label := "all"
			if drop != "" {
				label = "without " + drop
			}
			fmt.Fprintf(os.Stderr, "%s %s: default %.1f, tuned %.1f\n", ds.Name, label, 100*c.def, 100*c.tuned)
		}
	}
	var b strings.Builder
	begin, end := results.Markers("ablation")
	fmt.Fprintf(&b, "%s\n## What each piece of title evidence adds\n\n", begin)
	fmt.Fprintf(&b, "Made by `make ablation` on %s (Go %s). Test F1 in %%, hand-set defaults / tuned on the dataset's train split, with\n"+
		"every attribute, then with one taken out of the comparisons (it compares as missing, and tune does not see it).\n\n",
		time.Now().UTC().Format("2006-01-02"), strings.TrimPrefix(runtime.Version(), "go"))
	b.WriteString("| dataset | all |")
	for _, a := range attrs {
		fmt.Fprintf(&b, " without %s |", a)
	}
	b.WriteString("\n|---|---|" + strings.Repeat("---|", len(attrs)) + "\n")
	for _, n := range names {
		fmt.Fprintf(&b, "| %s |", n)
		for _, c := range table[n] {
			fmt.Fprintf(&b, " %.1f / %.1f |", 100*c.def, 100*c.tuned)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n%s\n", end)
	fmt.Print(b.String())
	if resultsPath == "" {
		return nil
	}
	return results.WriteSection(resultsPath, "ablation", b.String())
}
