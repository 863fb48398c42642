package eval

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"text/tabwriter"

	"github.com/followmatch/followmatch/match"
)

// Estimate is the m and u of one comparison level as tune counted them.
type Estimate struct {
	Attribute string
	Level     match.Level
	Pos, Neg  int     // pairs at this level among matches and non-matches
	M, U      float64 // smoothed P(level | match), P(level | non-match)
	Weight    float64 // log2(m/u); 0 for missing
}

// Smoothing is the pseudo-count added to every level's count, so that a
// level unseen in training gets a finite weight.
const Smoothing = 1.0

// Shrinkage is how many pairs a level needs before its counted weight
// outweighs the base config's weight: with n pairs at a level the tuned
// weight is (n*counted + Shrinkage*base) / (n + Shrinkage), so a level rare
// or unseen in training keeps close to the hand-set weight instead of taking
// whatever the smoothing makes of zero counts.
const Shrinkage = 20.0

// EstimateWeights counts each comparison level among matching and
// non-matching pairs and returns the smoothed m, u and log2(m/u) weight of
// every level, plus the prior log2(matches/non-matches).
func EstimateWeights(pairs []Pair, outs [][]match.Outcome) ([]Estimate, float64) {
	pos, neg := 0, 0
	type key struct {
		attr  string
		level match.Level
	}
	count := map[key][2]int{}
	for i, p := range pairs {
		if p.Match {
			pos++
		} else {
			neg++
		}
		for _, o := range outs[i] {
			c := count[key{o.Attribute, o.Level}]
			if p.Match {
				c[0]++
			} else {
				c[1]++
			}
			count[key{o.Attribute, o.Level}] = c
		}
	}
	var est []Estimate
	for _, c := range match.Attributes() {
		levels := c.LevelNames()
		L := float64(len(levels))
		for _, lvl := range levels {
			n := count[key{c.Name, lvl}]
			e := Estimate{Attribute: c.Name, Level: lvl, Pos: n[0], Neg: n[1],
				M: (float64(n[0]) + Smoothing) / (float64(pos) + Smoothing*L),
				U: (float64(n[1]) + Smoothing) / (float64(neg) + Smoothing*L)}
			if lvl != match.Missing {
				e.Weight = math.Log2(e.M / e.U)
			}
			est = append(est, e)
		}
	}
	prior := math.Log2((float64(pos) + Smoothing) / (float64(neg) + Smoothing))
	return est, prior
}

// TuneReport says what tune did.
type TuneReport struct {
	Estimates          []Estimate
	Train, Valid       int
	ValidBefore        Report // the base config on valid
	ValidAfter         Report // the tuned config on valid
	DroppedVetoes      []string
	Method             string // how the weights were fitted
	MatchTotal, Review float64
	// Words is how many title words got a weight (0: none raised valid
	// F1), with the penalty chosen.
	Words       int
	WordsLambda float64
	// StandingScale is the scale of the rank levels' profile chosen on
	// valid (0: a pair's standing among its rivals did not raise F1).
	StandingScale float64
	// StandingAhead is the weight (bits) of being ahead of every rival,
	// chosen on valid where one dataset is tuned (0: not weighed).
	StandingAhead float64
	// KnownProducts is how many products of the train pairs the config
	// keeps (Config.Known), 0 when they did not raise valid F1; KnownSame
	// and KnownApart are the known levels' weights chosen on valid.
	KnownProducts         int
	KnownSame, KnownApart float64
}

// Tune fits weights on train (m and u per level), drops the base config's
// vetoes that cost F1 on valid, and picks the match threshold (best F1 on
// valid) and the review threshold (recall 0.98 on valid, at most the match
// threshold).
func (e *Evaluator) Tune(train, valid []Pair, base *match.Config) (*match.Config, TuneReport) {
	return TunePooled([]TuneSet{{E: e, Train: train, Valid: valid}}, base, true)
}

// TuneSet is one dataset's part of a pooled fit: its evaluator (its items
// and title IDF) and its train and valid pairs.
type TuneSet struct {
	E            *Evaluator
	Train, Valid []Pair
	// Rivals are more pairs the valid pairs stand against (match.Standings)
	// beside each other: their offers' other candidates, when the valid
	// pairs are a few labeled ones. Unlabeled; nil for a benchmark's split.
	Rivals []Pair
	// Source names the corpus the set comes from: the sets of one source
	// (WDC Products and WDC Block) weigh as one in a pooled fit's choice of
	// threshold, as they are left out as one. Empty: a source of its own.
	Source string
}

// sourceWeights returns each set's weight in a mean over sets in which
// every source weighs the same (a source's sets share its weight).
func sourceWeights(sets []TuneSet) []float64 {
	count := map[string]int{}
	for i, s := range sets {
		count[setSource(s, i)]++
	}
	ws := make([]float64, len(sets))
	for i, s := range sets {
		ws[i] = 1 / float64(len(count)*count[setSource(s, i)])
	}
	return ws
}

func setSource(s TuneSet, i int) string {
	if s.Source == "" {
		return fmt.Sprintf("#%d", i)
	}
	return s.Source
}

// catalogOwn are the comparisons a pooled fit leaves silent (weight 0), as
// it leaves the title words unlearned: what they say differs with how each
// catalog writes its records, and one catalog's tune fits them. The
// described comparison (how much a description names of the other title),
// fitted on Walmart-Amazon and WDC, had learned their shares of matches
// (WDC's pairs have descriptions, Walmart-Amazon's none): left-out Abt-Buy
// fell 85.8 -> 78.9; at its hand-set weights, unfitted beside the fitted
// ones, 80.6.
var catalogOwn = []string{"described"}

// TunePooled is Tune over the pooled pairs of several datasets, each
// compared with its own evaluator: one config fitted on all of them, as the
// shipped defaults are (and, leaving one dataset out, as a user with a
// catalog none of them is meets them). ValidBefore and ValidAfter report
// the pooled valid pairs. With learnWords, title word weights are learned
// too: they fit the catalogs they were learned on (its products, its
// shops' words) and carry poorly to others.
func TunePooled(sets []TuneSet, base *match.Config, learnWords bool) (*match.Config, TuneReport) {
	var train, valid []Pair
	var trainOuts, validOuts [][]match.Outcome
	// Each dataset weighs the same in the fit, whatever its size: its
	// training pairs repeat up to the largest set's count (a new catalog
	// is no more like the biggest benchmark than like the others).
	most := 0
	for _, s := range sets {
		most = max(most, len(s.Train))
	}
	spans := make([][2]int, len(sets)) // each set's valid pairs in valid
	weights := sourceWeights(sets)     // each set's in the mean valid F1
	var trainHits [][]match.WordHit
	var groups []int // each valid pair's set, for its standing
	for i, s := range sets {
		// Every title word is reported, for the word weights; the levels
		// are fitted without the words comparison.
		outs := s.E.compareAllWords(s.Train, base)
		hits := wordHits(outs)
		silence(outs, "words", "rank")
		if len(sets) > 1 {
			silence(outs, catalogOwn...)
		}
		for k := max(1, int(math.Round(float64(most)/float64(max(1, len(s.Train)))))); k > 0; k-- {
			train = append(train, s.Train...)
			trainOuts = append(trainOuts, outs...)
			trainHits = append(trainHits, hits...)
		}
		spans[i] = [2]int{len(valid), len(valid) + len(s.Valid)}
		valid = append(valid, s.Valid...)
		validOuts = append(validOuts, s.E.compareAllWords(s.Valid, base)...)
		for range s.Valid {
			groups = append(groups, i)
		}
	}
	// A valid pair stands against its rivals among the valid pairs and the
	// set's Rivals (its offer's other candidates when the valid pairs are
	// a person's few labels).
	allPairs, allOuts, allGroups := slices.Clone(valid), slices.Clone(validOuts), slices.Clone(groups)
	for i, s := range sets {
		in := map[[2]string]bool{}
		for _, p := range s.Valid {
			in[[2]string{p.A, p.B}] = true
		}
		var extra []Pair
		for _, p := range s.Rivals {
			if !in[[2]string{p.A, p.B}] {
				in[[2]string{p.A, p.B}] = true
				extra = append(extra, p)
			}
		}
		allPairs = append(allPairs, extra...)
		allOuts = append(allOuts, s.E.compareAllWords(extra, base)...)
		for range extra {
			allGroups = append(allGroups, i)
		}
	}
	// Taken out of the comparisons (Ablate), the standing is neither set
	// nor weighed.
	ranked := !slices.ContainsFunc(sets, func(s TuneSet) bool { return s.E.drop["rank"] })
	standValid := func(c *match.Config) {
		if ranked {
			stand(allPairs, allOuts, c, allGroups)
		}
	}
	rep := TuneReport{Train: len(train), Valid: len(valid)}
	name := "pooled"
	if len(sets) == 1 {
		name = sets[0].E.DS.Name
	}
	standValid(base)
	rep.ValidBefore = report(name, "valid", valid, validOuts, base)

	est, prior := EstimateWeights(train, trainOuts)
	rep.Estimates = est

	cfg := cloneConfig(base)
	cfg.Prior = prior
	cfg.Weights = map[string]map[match.Level]float64{}
	for _, x := range est {
		if cfg.Weights[x.Attribute] == nil {
			cfg.Weights[x.Attribute] = map[match.Level]float64{}
		}
		if x.Level != match.Missing {
			n := float64(x.Pos + x.Neg)
			w := (n*x.Weight + Shrinkage*base.Weights[x.Attribute][x.Level]) / (n + Shrinkage)
			cfg.Weights[x.Attribute][x.Level] = round(w, 4)
		}
	}
	if len(sets) > 1 {
		// Silent (catalogOwn), and said so level by level: a config file
		// is read over the hand-set weights, which would fill them in.
		for _, a := range match.Attributes() {
			if slices.Contains(catalogOwn, a.Name) {
				cfg.Weights[a.Name] = map[match.Level]float64{}
				for _, l := range a.LevelNames() {
					if l != match.Missing {
						cfg.Weights[a.Name][l] = 0
					}
				}
			}
		}
	}
	cons := levelConstraints()
	cons.project(cfg.Weights)

	// Choices (the pull, words, the standing, vetoes) and the match
	// threshold go by valid F1 at the threshold cut chooses: one dataset's
	// by the F1 averaged around it (SmoothBestThreshold), not its jagged
	// peak, which a pair or two moves; pooled, by the mean of each
	// dataset's F1 at one threshold.
	cut := func(c *match.Config) (float64, float64) {
		standValid(c)
		scores := Weigh(valid, validOuts, c)
		if len(sets) == 1 {
			return SmoothBestThreshold(scores, ThresholdWidth)
		}
		parts := make([][]Scored, len(spans))
		for i, sp := range spans {
			parts[i] = scores[sp[0]:sp[1]]
		}
		return meanBestThreshold(parts, weights)
	}
	f1 := func(c *match.Config) float64 {
		_, f := cut(c)
		return f
	}
	// Refine the weights jointly by logistic regression, pulled toward the
	// m/u weights; the pull is chosen on valid (keeping m/u when no
	// strength beats it).
	bestF1 := f1(cfg)
	rep.Method = "m/u"
	for _, lambda := range []float64{0.001, 0.01, 0.1} {
		weights, prior := fitLogistic(train, trainOuts, cfg.Weights, cons, cfg.Prior, lambda, 600)
		cand := cloneConfig(cfg)
		cand.Weights, cand.Prior = weights, prior
		if f := f1(cand); f > bestF1 {
			bestF1, cfg = f, cand
			rep.Method = fmt.Sprintf("logistic regression, L2 toward m/u, lambda %g", lambda)
		}
	}
	// Title words: learned on top of the level weights, kept when they
	// raise valid F1 (the pull chosen on valid too).
	bestF1 = f1(cfg)
	if learnWords {
		for _, lambda := range []float64{0.1, 0.01, 0.001, 0.0001} {
			words := fitWords(train, trainOuts, trainHits, cfg, lambda, 1000)
			if len(words) == 0 {
				continue
			}
			cand := cloneConfig(cfg)
			cand.Words = words
			if f := f1(cand); f > bestF1 {
				bestF1, cfg = f, cand
				rep.Words, rep.WordsLambda = len(words), lambda
			}
		}
	}
	// A pair's standing among its rivals (match.Standings): the levels'
	// profile at one scale, chosen on valid (0, silent, unless a scale
	// beats it). It is not fitted on train: a pair's rivals there are
	// scored by weights fitted on those very pairs.
	cfg.Weights["rank"] = match.StandingWeights(0)
	if ranked {
		scales := []float64{0, 0.25, 0.5, 0.75, 1, 1.5, 2}
		fs := make([]float64, len(scales))
		for i, scale := range scales {
			cand := cloneConfig(cfg)
			cand.Weights["rank"] = match.StandingWeights(scale)
			fs[i] = f1(cand)
		}
		i := standingChoice(fs, len(sets) > 1)
		cfg.Weights["rank"] = match.StandingWeights(scales[i])
		rep.StandingScale = scales[i]
	}
	// Greedy: drop each veto that lowers F1 on valid.
	for _, attr := range slices.Sorted(maps.Keys(cfg.Vetoes)) {
		without := cloneConfig(cfg)
		delete(without.Vetoes, attr)
		if f1(without) > f1(cfg) {
			cfg = without
			rep.DroppedVetoes = append(rep.DroppedVetoes, attr)
		}
	}

	// setThresholds sets the match threshold at total t and the review
	// threshold where valid recall is 0.98 (at most t), on valid as last
	// stood (cut).
	setThresholds := func(t float64) {
		rt := min(RecallThreshold(Weigh(valid, validOuts, cfg), 0.98), t)
		rep.MatchTotal, rep.Review = t, rt
		cfg.MatchThreshold = clampProb(match.Probability(t))
		cfg.ReviewThreshold = min(clampProb(match.Probability(rt)), cfg.MatchThreshold)
	}
	t, _ := cut(cfg) // stands valid under cfg
	setThresholds(t)
	// Being ahead of every rival on both sides (a batch of pairs only: a
	// matcher's candidates have one offer and never get there) is weighed
	// last, chosen at the threshold already chosen, and only where one
	// dataset's valid pairs say so: where each offer's candidates hold its
	// item (a benchmark built that way, labels on candidates) the mutual
	// best is the item. The scale, words and vetoes a matcher uses are
	// chosen without it; a pooled default, meant for catalogs not seen,
	// does not weigh it. (Chosen jointly with the scale, it had moved a
	// self-tuned catalog's unlisted offers matched from 1.4% to 3.9%.)
	if ranked && len(sets) == 1 {
		at := func(c *match.Config) float64 {
			standValid(c)
			return CountAt(Weigh(valid, validOuts, c), t).F1()
		}
		best := at(cfg)
		for _, ahead := range []float64{1, 2, 3} {
			cand := cloneConfig(cfg)
			cand.Weights["rank"][match.AheadBoth] = ahead
			if f := at(cand); f > best {
				best, cfg = f, cand
				rep.StandingAhead = ahead
			}
		}
		if rep.StandingAhead > 0 {
			// The thresholds are chosen again with it, never lower: a
			// matcher, which never weighs it, then decides as before or
			// more strictly (they rose by 1-2 bits on the benchmarks).
			nt, _ := cut(cfg)
			setThresholds(math.Max(t, nt))
		}
	}
	// The products the train pairs name (match.Known): fitted on valid,
	// not train (a train record is of its own product), at the threshold
	// already chosen, which they do not move: a pair of records the labels
	// never saw is judged as before. One catalog's tune only: a pooled
	// default is for catalogs whose products no label names.
	if len(sets) == 1 && learnWords && !sets[0].E.drop["known"] {
		cfg = sets[0].E.tuneKnown(sets[0].Train, valid, validOuts, cfg, t, standValid, &rep)
	}
	if len(sets) > 1 {
		// A pooled fit decides catalogs it was not fitted on: it keeps
		// what its catalogs' anchors say beside their codes, for a catalog
		// decided to move its thresholds by its own (match.Calibration).
		standValid(cfg)
		rest, weighed := 0.0, 0.0
		for i, sp := range spans {
			a := anchorsOf(valid[sp[0]:sp[1]], validOuts[sp[0]:sp[1]], cfg)
			if a.N > 0 { // a catalog without codes says nothing of them
				rest += weights[i] * a.Mean()
				weighed += weights[i]
			}
		}
		if weighed > 0 {
			rest /= weighed
		}
		cfg.Calibration = &match.Calibration{AnchorRest: round(rest, 4), MinAnchors: match.DefaultMinAnchors, MaxShift: match.DefaultMaxShift}
	}
	rep.ValidAfter = report(name, "valid", valid, validOuts, cfg)
	return cfg, rep
}

// tuneKnown returns cfg with the train pairs' known products and the known
// levels' weights that raise valid F1 at total threshold t by knownGain or
// more, or cfg itself (and valid's known outcomes missing) when none does.
func (e *Evaluator) tuneKnown(train, valid []Pair, validOuts [][]match.Outcome, cfg *match.Config, t float64, standValid func(*match.Config), rep *TuneReport) *match.Config {
	products := e.KnownProducts(train)
	if len(products) == 0 || len(validOuts) == 0 {
		return cfg
	}
	ki := slices.IndexFunc(validOuts[0], func(o match.Outcome) bool { return o.Attribute == "known" })
	if ki < 0 {
		return cfg
	}
	// The standings leave the known outcomes out (stand), and no other
	// weight moves here: valid stands once, under cfg.
	standValid(cfg)
	at := func(c *match.Config) float64 { return CountAt(Weigh(valid, validOuts, c), t).F1() }
	without := at(cfg)
	cand := cloneConfig(cfg)
	cand.Known = products
	e.know(valid, validOuts, cand)
	best, bw := without, [2]float64{}
	for _, same := range knownSame {
		for _, apart := range knownApart {
			cand.Weights["known"] = map[match.Level]float64{match.SameProduct: same, match.OtherProducts: apart}
			if f := at(cand); f > best {
				best, bw = f, [2]float64{same, apart}
			}
		}
	}
	if best < without+knownGain {
		for i := range validOuts {
			validOuts[i][ki] = match.Outcome{Attribute: "known", Level: match.Missing}
		}
		return cfg
	}
	cand.Weights["known"] = map[match.Level]float64{match.SameProduct: bw[0], match.OtherProducts: bw[1]}
	rep.KnownProducts, rep.KnownSame, rep.KnownApart = len(products), bw[0], bw[1]
	return cand
}

// standingChoice returns the index of the standing scale to keep, given
// each scale's valid F1 (fs[0] is no standing). One catalog's tune keeps no
// standing unless a scale beats it. A pooled fit, meant for catalogs not
// seen, takes the middle of the scales within half a point of the best:
// on the benchmarks' valid splits the scales tie within a tenth of a point,
// and which end of that plateau won was chance that moved a left-out test
// F1 by four points (WDC Products without WDC: standing kept 57.4, dropped
// 53.7). A standing compares a candidate with its rivals, a scale no catalog
// shifts, so a tie is no reason to drop it.
func standingChoice(fs []float64, pooled bool) int {
	best := 0
	for i, f := range fs {
		if f > fs[best] {
			best = i
		}
	}
	if !pooled {
		return best
	}
	var near []int
	for i, f := range fs {
		if f >= fs[best]-0.005 {
			near = append(near, i)
		}
	}
	return near[len(near)/2]
}

// ThresholdWidth is how far (bits) around a threshold tune averages valid
// F1 to choose one dataset's match threshold (SmoothBestThreshold).
const ThresholdWidth = 0.5

// meanBestThreshold returns the threshold on the total (on a grid of a
// tenth of a bit) that maximizes the mean F1 of several datasets' scores,
// each weighing its weight (nil: the same), and that mean.
func meanBestThreshold(parts [][]Scored, weights []float64) (float64, float64) {
	if weights == nil {
		weights = make([]float64, len(parts))
		for i := range weights {
			weights[i] = 1 / float64(len(parts))
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range parts {
		for _, s := range p {
			lo, hi = math.Min(lo, s.Total), math.Max(hi, s.Total)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 0
	}
	var ts, fs []float64
	bestF := -1.0
	for t := math.Floor(lo*10) / 10; t <= hi+0.1; t += 0.1 {
		f := 0.0
		for i, p := range parts {
			f += weights[i] * CountAt(p, t).F1()
		}
		ts, fs = append(ts, t), append(fs, f)
		bestF = math.Max(bestF, f)
	}
	// Among the thresholds within half a point of the best mean (the mean
	// is flat there, and which one tops it is chance), the one nearest an
	// even chance (a total of 0): the fit is calibrated on the pooled
	// pairs, and a new catalog's best threshold is no nearer one end.
	bestT, atBest, found := 0.0, 0.0, false
	for i, t := range ts {
		if fs[i] >= bestF-0.005 && (!found || math.Abs(t) < math.Abs(bestT)) {
			bestT, atBest, found = t, fs[i], true
		}
	}
	return bestT, atBest
}

// silence sets the named comparisons of each pair to missing: the levels
// are fitted without the words (they are fitted on top) and without the
// standing (its scale is chosen on valid).
func silence(outs [][]match.Outcome, attrs ...string) {
	for _, o := range outs {
		for j := range o {
			if slices.Contains(attrs, o[j].Attribute) {
				o[j].Level, o[j].Hits = match.Missing, nil
			}
		}
	}
}

// clampProb keeps a threshold inside (0, 1), as the config requires.
func clampProb(p float64) float64 {
	return math.Max(1e-9, math.Min(p, 1-1e-12))
}

func round(v float64, digits int) float64 {
	f := math.Pow(10, float64(digits))
	return math.Round(v*f) / f
}

func cloneConfig(c *match.Config) *match.Config {
	out := *c
	out.Weights = map[string]map[match.Level]float64{}
	for a, lv := range c.Weights {
		out.Weights[a] = maps.Clone(lv)
	}
	out.Vetoes = map[string][]match.Level{}
	for a, lv := range c.Vetoes {
		out.Vetoes[a] = slices.Clone(lv)
	}
	out.Words = maps.Clone(c.Words)
	out.BrandAliases = maps.Clone(c.BrandAliases)
	out.Departments = maps.Clone(c.Departments)
	return &out
}

// PrintEstimates writes the m/u table.
func PrintEstimates(w io.Writer, est []Estimate) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "attribute\tlevel\tmatches\tnon-matches\tm\tu\tweight\t")
	sorted := slices.Clone(est)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Attribute < sorted[j].Attribute })
	for _, x := range sorted {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.4f\t%.4f\t%+.2f\t\n", x.Attribute, x.Level, x.Pos, x.Neg, x.M, x.U, x.Weight)
	}
	tw.Flush()
}
