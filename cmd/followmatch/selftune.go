package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

// selfTune fits a config without labeled pairs: the offers whose GTIN names
// one listing of the index are its matches, their candidates of another
// GTIN its non-matches, and the weights are fitted with the GTIN left out,
// so that they decide the offers that have none. It reports the pairs used
// and F1 on linked offers held out, GTIN hidden, before and after.
func selfTune(ctx context.Context, f *matchFlags, base *match.Config, labelsFile string, labels []eval.Pair, report io.Writer) (*match.Config, error) {
	offerMap, err := catalog.ParseMap(f.mapping)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	rd, err := catalog.Open(f.offers, catalog.Options{Map: offerMap, Sheet: f.sheet})
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	e, err := f.openEngine(ctx, report)
	if err != nil {
		return nil, err
	}
	defer e.Close()
	var linked []eval.Linked
	offers := map[string]*match.Record{} // for the labels
	bad := 0
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if row.Err == nil && len(labels) > 0 {
			offers[row.Record.ID] = row.Record
		}
		if row.Err != nil || len(row.Record.GTINs) == 0 {
			if row.Err != nil {
				bad++
			}
			continue
		}
		t, err := e.Trace(ctx, row.Record, "")
		if err != nil {
			return nil, fmt.Errorf("tune: offer %s: %w", row.Record.ID, err)
		}
		linked = append(linked, eval.Linked{Offer: row.Record, Scored: t.Scored})
	}
	ds, counts := eval.LinkedDataset(f.offers, linked)
	if bad > 0 {
		fmt.Fprintf(report, "warning: %d rows of %s could not be read (left out)\n", bad, f.offers)
	}
	fmt.Fprintf(report, "tune %s: %d offers with a GTIN; %d name exactly one candidate listing: %d matches, %d non-matches of another GTIN\n",
		f.offers, len(linked), counts.WithGTIN, counts.Positives, counts.Negatives)
	used := 0
	if len(labels) > 0 {
		var unknown []eval.Pair
		used, unknown = ds.AddLabels(labels, func(id string) *match.Record { return offers[id] }, func(id string) *match.Record {
			r, err := e.Listing(ctx, id)
			if err != nil {
				return nil
			}
			return r
		})
		reportLabels(report, labelsFile, used, unknown)
	}
	train, _ := ds.Split("train")
	valid, _ := ds.Split("valid")
	test, _ := ds.Split("test")
	if counts.Positives+used < 20 || len(train) == 0 || len(valid) == 0 {
		return nil, fmt.Errorf("tune: %s: only %d offers linked to a listing by their GTIN and %d labels; at least 20 are needed to fit weights (or tune --dataset with labeled pairs)", f.offers, counts.Positives, used)
	}
	vs, err := match.LoadVocabularies()
	if err != nil {
		return nil, err
	}
	baseEv := eval.NewEvaluator(ds, vs.WithAbbreviations(base.Abbreviations))
	baseEv.Ablate("gtin")
	fitOn := append(slices.Clone(train), valid...) // the held-out linked pairs teach nothing
	fitBase := *base
	// The supplier's own short words, learned first: the records are read
	// again with them before the rest is learned.
	abbr, abbrCounts := baseEv.LearnAbbreviations(fitOn, 2)
	fmt.Fprintf(report, "supplier abbreviations learned: %d (a short word spelling one listing word in 2 linked pairs or more)\n", len(abbrCounts))
	for i, a := range abbrCounts {
		if i == 20 {
			fmt.Fprintf(report, "  ... and %d more (in the config's abbreviations)\n", len(abbrCounts)-20)
			break
		}
		fmt.Fprintf(report, "  %-24s -> %-24s %d pairs\n", a.Short, a.Long, a.Pairs)
	}
	ev := baseEv
	if len(abbr) > 0 {
		fitBase.Abbreviations = maps.Clone(base.Abbreviations)
		if fitBase.Abbreviations == nil {
			fitBase.Abbreviations = map[string]string{}
		}
		maps.Copy(fitBase.Abbreviations, abbr)
		ev = eval.NewEvaluator(ds, vs.WithAbbreviations(fitBase.Abbreviations))
		ev.Ablate("gtin")
	}
	// The supplier's vendor names that stand for listing brands, from the
	// linked pairs fitted on (not the held-out ones).
	aliases, aliasCounts := ev.LearnBrandAliases(fitOn, 2)
	if len(aliases) > 0 {
		fitBase.BrandAliases = maps.Clone(base.BrandAliases)
		if fitBase.BrandAliases == nil {
			fitBase.BrandAliases = map[string][]string{}
		}
		for v, bs := range aliases {
			for _, b := range bs {
				if !slices.Contains(fitBase.BrandAliases[v], b) {
					fitBase.BrandAliases[v] = append(fitBase.BrandAliases[v], b)
				}
			}
		}
	}
	fmt.Fprintf(report, "vendor names learned as brand aliases: %d (seen in 2 linked pairs or more)\n", len(aliasCounts))
	for i, a := range aliasCounts {
		if i == 20 {
			fmt.Fprintf(report, "  ... and %d more (in the config's brand_aliases)\n", len(aliasCounts)-20)
			break
		}
		fmt.Fprintf(report, "  %-24s -> %-20s %d pairs\n", a.Vendor, a.Brand, a.Pairs)
	}
	depts, deptCounts := ev.LearnDepartments(fitOn, 2, 5)
	if len(depts) > 0 {
		fitBase.Departments = maps.Clone(base.Departments)
		if fitBase.Departments == nil {
			fitBase.Departments = map[string][]string{}
		}
		for d, roots := range depts {
			fitBase.Departments[d] = roots
		}
	}
	fmt.Fprintf(report, "supplier departments learned: %d (a department and a category root in 2 linked pairs or more)\n", len(deptCounts))
	for i, d := range deptCounts {
		if i == 20 {
			fmt.Fprintf(report, "  ... and %d more (in the config's departments)\n", len(deptCounts)-20)
			break
		}
		fmt.Fprintf(report, "  %-24s -> %-32s %d pairs\n", d.Department, d.Root, d.Pairs)
	}
	cfg, rep := ev.Tune(train, valid, &fitBase)
	// The GTIN's own weights stay as they were: it was left out of the fit.
	cfg.Weights["gtin"] = base.Weights["gtin"]
	fmt.Fprintf(report, "weights from %d train pairs (%s), thresholds from %d valid pairs, GTIN left out\n", rep.Train, rep.Method, rep.Valid)
	if len(rep.DroppedVetoes) > 0 {
		fmt.Fprintf(report, "vetoes dropped (they cost F1 on valid): %v\n", rep.DroppedVetoes)
	}
	if len(test) > 0 {
		before, after := baseEv.Evaluate("test", test, base), ev.Evaluate("test", test, cfg)
		fmt.Fprintf(report, "check: F1 on %d held-out linked pairs with their GTIN hidden: %.4f before, %.4f after\n", len(test), before.F1, after.F1)
	}
	return cfg, nil
}
