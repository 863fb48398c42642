package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

// selfTune fits a config without labeled pairs: the offers whose GTIN names
// one listing of the index are its matches, their candidates of another
// GTIN its non-matches, and the weights are fitted with the GTIN left out,
// so that they decide the offers that have none. It reports the pairs used
// and F1 on linked offers held out, GTIN hidden, before and after. The
// offers are those of f.offers, traced by e (which decides under base).
func selfTune(ctx context.Context, e *followmatch.Engine, f *matchFlags, base *match.Config, labelsFile string, labels []eval.Pair, report io.Writer) (*match.Config, error) {
	offerMap, err := catalog.ParseMap(f.mapping)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	rd, err := catalog.Open(f.offers, catalog.Options{Map: offerMap, Sheet: f.sheet})
	if err != nil {
		return nil, err
	}
	defer rd.Close()
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
	if bad > 0 {
		fmt.Fprintf(report, "warning: %d rows of %s could not be read (left out)\n", bad, f.offers)
	}
	vs, err := match.LoadVocabularies()
	if err != nil {
		return nil, err
	}
	listing := func(id string) *match.Record {
		r, err := e.Listing(ctx, id)
		if err != nil {
			return nil
		}
		return r
	}
	cfg, rep, err := eval.SelfTune(f.offers, linked, labels, func(id string) *match.Record { return offers[id] }, listing, vs, base)
	c := rep.Linked
	fmt.Fprintf(report, "tune %s: %d offers with a GTIN; %d name exactly one candidate listing: %d matches, %d non-matches of another GTIN\n",
		f.offers, len(linked), c.WithGTIN, c.Positives, c.Negatives)
	if len(labels) > 0 {
		reportLabels(report, labelsFile, rep.LabelsUsed, rep.LabelsUnknown)
	}
	if errors.Is(err, eval.ErrTooFewLinked) {
		return nil, fmt.Errorf("tune: %s: only %d offers linked to a listing by their GTIN and %d labels; at least %d are needed to fit weights (or tune --dataset with labeled pairs)", f.offers, c.Positives, rep.LabelsUsed, eval.MinLinked)
	}
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, a := range rep.Abbreviations {
		lines = append(lines, fmt.Sprintf("%-24s -> %-24s %d pairs", a.From, a.To, a.Pairs))
	}
	printLearned(report, "supplier abbreviations learned", "a short word spelling one listing word in 2 linked pairs or more", "abbreviations", lines)
	lines = lines[:0]
	for _, a := range rep.BrandAliases {
		lines = append(lines, fmt.Sprintf("%-24s -> %-20s %d pairs", a.From, a.To, a.Pairs))
	}
	printLearned(report, "vendor names learned as brand aliases", "seen in 2 linked pairs or more", "brand_aliases", lines)
	lines = lines[:0]
	for _, d := range rep.Departments {
		lines = append(lines, fmt.Sprintf("%-24s -> %-32s %d pairs", d.From, d.To, d.Pairs))
	}
	printLearned(report, "supplier departments learned", "a department and a category root in 2 linked pairs or more", "departments", lines)
	fmt.Fprintf(report, "weights from %d train pairs (%s), thresholds from %d valid pairs, GTIN left out\n", rep.Tune.Train, rep.Tune.Method, rep.Tune.Valid)
	printChoices(report, rep.Tune)
	printCheck(report, rep)
	return cfg, nil
}

// printCheck writes the self-supervised fit's check: F1 on the held-out
// linked pairs before and after, and a warning when after is lower (the
// config is still written, for its dialect, but nobody should take it for
// an improvement).
func printCheck(w io.Writer, rep eval.SelfTuneReport) {
	if rep.Test == 0 {
		return
	}
	fmt.Fprintf(w, "check: F1 on %d held-out linked pairs with their GTIN hidden: %.4f before, %.4f after\n", rep.Test, rep.Before, rep.After)
	if rep.After < rep.Before {
		fmt.Fprintf(w, "warning: the fitted config decides the held-out pairs worse than the config it started from, so the weights fitted on %d linked matches are not to be trusted: match without this config, or add a person's labels (--labels)\n", rep.Linked.Positives)
	}
}

// printLearned writes what a self-supervised fit learned of one kind: a
// count, then the first 20 lines (the rest is in the config's key).
func printLearned(w io.Writer, what, rule, key string, lines []string) {
	fmt.Fprintf(w, "%s: %d (%s)\n", what, len(lines), rule)
	for i, l := range lines {
		if i == 20 {
			fmt.Fprintf(w, "  ... and %d more (in the config's %s)\n", len(lines)-20, key)
			break
		}
		fmt.Fprintf(w, "  %s\n", l)
	}
}
