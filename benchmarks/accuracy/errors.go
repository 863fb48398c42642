package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

// errorClass sorts a misjudged pair into a class by the comparisons that
// decided it, for benchmarks/ERRORS.md.
func errorClass(m eval.Mistake, falsePositive bool) string {
	lv := map[string]match.Level{}
	for _, c := range m.Comparisons {
		lv[c.Attribute] = c.Level
	}
	if falsePositive {
		switch {
		case lv["model"] == match.Variant || lv["model"] == match.Close:
			return "variant codes (same base, another suffix or one edit): color or region variants"
		case match.SharesCode(lv["model"]) || lv["model"] == match.Contained || lv["model"] == match.Base:
			return "a shared code, yet another item (accessory, bundle, pack or edition)"
		case lv["model"] == match.Missing:
			return "no code on one side; titles alike (generic or subset title)"
		}
		return "other"
	}
	switch {
	case len(m.Vetoes) > 0:
		return "vetoed: " + strings.Join(m.Vetoes, ", ") + " (a label the comparison reads as a different item)"
	case lv["model"] == match.Different:
		return "codes from different numbering systems (retailer SKU vs maker part number)"
	case lv["brand"] == match.Conflict || lv["brand"] == match.NotInTitle:
		return "brands differ (parent company, reseller or the title does not lead with the brand)"
	case lv["model"] == match.Missing:
		return "no code on one side; titles too different"
	}
	return "other: the evidence is positive but short of the threshold"
}

// analyze writes the error classes of the tuned config on test, with
// examples, for every dataset.
func analyze(dir string, ev *eval.Evaluator, test []eval.Pair, cfg *match.Config, cat eval.CatalogReport, b *strings.Builder) error {
	fps, fns := ev.Mistakes(test, cfg)
	fmt.Fprintf(b, "## %s\n\nTuned config on the test split: %d false positives, %d false negatives.\n", ev.DS.Name, len(fps), len(fns))
	for _, part := range []struct {
		name string
		ms   []eval.Mistake
		fp   bool
	}{{"False positives", fps, true}, {"False negatives", fns, false}} {
		groups := map[string][]eval.Mistake{}
		for _, m := range part.ms {
			c := errorClass(m, part.fp)
			groups[c] = append(groups[c], m)
		}
		classes := make([]string, 0, len(groups))
		for c := range groups {
			classes = append(classes, c)
		}
		sort.Slice(classes, func(i, j int) bool {
			if len(groups[classes[i]]) != len(groups[classes[j]]) {
				return len(groups[classes[i]]) > len(groups[classes[j]])
			}
			return classes[i] < classes[j]
		})
		fmt.Fprintf(b, "\n### %s\n\n| class | pairs | example (offer / listing) |\n|---|---|---|\n", part.name)
		for _, c := range classes {
			ex := groups[c][0]
			fmt.Fprintf(b, "| %s | %d | %s |\n", c, len(groups[c]), example(ev, ex))
		}
	}
	fmt.Fprintf(b, "\n### Catalog mode\n\nTop-1 decisions: %d right, %d wrong, of which %d name a listing that no split labels "+
		"for that offer (counted wrong: the labels are incomplete, and tableB holds duplicate listings of one item), "+
		"%d labeled matches missed.\n\n", cat.TP, cat.FP, cat.Unlabeled, cat.FN)

	return nil
}

func example(ev *eval.Evaluator, m eval.Mistake) string {
	a, b := ev.DS.A[m.Pair.A], ev.DS.B[m.Pair.B]
	var ev2 []string
	for _, c := range m.Comparisons {
		if c.Attribute == "model" || c.Attribute == "brand" || c.Veto {
			ev2 = append(ev2, fmt.Sprintf("%s %s", c.Attribute, c.Level))
		}
	}
	esc := func(s string) string { return strings.ReplaceAll(s, "|", "/") }
	return fmt.Sprintf("`%s` %s / `%s` %s (p=%.2f; %s)", m.Pair.A, esc(a.Title), m.Pair.B, esc(b.Title), m.Probability, strings.Join(ev2, ", "))
}
