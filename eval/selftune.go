package eval

import (
	"errors"
	"maps"
	"slices"

	"github.com/followmatch/followmatch/match"
)

// MinLinked is how many linked offers and labels a self-supervised fit
// needs at least.
const MinLinked = 20

// ErrTooFewLinked reports a self-supervised fit with under MinLinked
// linked offers and labels.
var ErrTooFewLinked = errors.New("too few offers linked to a listing by their GTIN")

// SelfTuneReport says what a self-supervised fit used and learned.
type SelfTuneReport struct {
	Linked        LinkedCounts
	LabelsUsed    int
	LabelsUnknown []Pair
	Abbreviations []Learned // short word -> listing word
	BrandAliases  []Learned // vendor -> brand (brand keys)
	Departments   []Learned // department -> category root
	Tune          TuneReport
	// Test is the number of held-out linked pairs; Before and After their
	// F1 with the GTIN hidden, under base and under the fitted config.
	Test          int
	Before, After float64
}

// SelfTune fits a config on a catalog run without a labeled dataset
// (LinkedDataset: offers linked to a listing by their GTIN, the candidates
// of another GTIN), a person's labels added (AddLabels; offers and
// listings supply their records), with the gtin comparison left out of the
// fit and its weights kept, and the vetoes kept as base has them. Learned first, from the linked pairs fitted on:
// the supplier's short words, vendor names and departments, which go into
// the config. It fails with ErrTooFewLinked under MinLinked links and
// labels.
func SelfTune(name string, linked []Linked, labels []Pair, offers, listings func(string) *match.Record, vs *match.Vocabularies, base *match.Config) (*match.Config, SelfTuneReport, error) {
	var rep SelfTuneReport
	ds, counts := LinkedDataset(name, linked)
	rep.Linked = counts
	if len(labels) > 0 {
		rep.LabelsUsed, rep.LabelsUnknown = ds.AddLabels(labels, offers, listings)
	}
	train, _ := ds.Split("train")
	valid, _ := ds.Split("valid")
	test, _ := ds.Split("test")
	if counts.Positives+rep.LabelsUsed < MinLinked || len(train) == 0 || len(valid) == 0 {
		return nil, rep, ErrTooFewLinked
	}
	baseEv := NewEvaluator(ds, vs.WithAbbreviations(base.Abbreviations))
	baseEv.Ablate("gtin")
	fitOn := append(slices.Clone(train), valid...) // the held-out pairs teach nothing
	fit := cloneConfig(base)

	// The supplier's own short words first: the records are read again
	// with them before the rest is learned.
	abbr, abbrCounts := baseEv.LearnAbbreviations(fitOn, 2)
	rep.Abbreviations = abbrCounts
	ev := baseEv
	if len(abbr) > 0 {
		if fit.Abbreviations == nil {
			fit.Abbreviations = map[string]string{}
		}
		maps.Copy(fit.Abbreviations, abbr)
		ev = NewEvaluator(ds, vs.WithAbbreviations(fit.Abbreviations))
		ev.Ablate("gtin")
	}
	aliases, aliasCounts := ev.LearnBrandAliases(fitOn, 2)
	rep.BrandAliases = aliasCounts
	for v, bs := range aliases {
		if fit.BrandAliases == nil {
			fit.BrandAliases = map[string][]string{}
		}
		for _, b := range bs {
			if !slices.Contains(fit.BrandAliases[v], b) {
				fit.BrandAliases[v] = append(fit.BrandAliases[v], b)
			}
		}
	}
	depts, deptCounts := ev.LearnDepartments(fitOn, 2, 5)
	rep.Departments = deptCounts
	for d, roots := range depts {
		if fit.Departments == nil {
			fit.Departments = map[string][]string{}
		}
		fit.Departments[d] = roots
	}

	cfg, tr := ev.Tune(train, valid, fit)
	// The vetoes stay as they were: the linked pairs are items a GTIN ties
	// together, whose soft conflicts (a shade, a supplier's size spelling)
	// the GTIN would overrule; fitted with it hidden they argue against a
	// veto that keeps unlisted siblings apart, and a small file's few valid
	// pairs would drop it on no evidence.
	cfg.Vetoes = cloneConfig(base).Vetoes
	tr.DroppedVetoes = nil
	rep.Tune = tr
	// The GTIN's own weights stay as they were: it was left out of the fit.
	cfg.Weights["gtin"] = maps.Clone(base.Weights["gtin"])
	if len(test) > 0 {
		rep.Test = len(test)
		rep.Before = baseEv.Evaluate("test", test, base).F1
		rep.After = ev.Evaluate("test", test, cfg).F1
	}
	return cfg, rep, nil
}
