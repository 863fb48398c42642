package eval

import (
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/followmatch/followmatch/match"
)

// Evaluator scores labeled pairs of one dataset. Items are prepared once;
// title IDF comes from the tableB side (the listings).
type Evaluator struct {
	DS    *Dataset
	vocab *match.Vocabularies
	df    *match.DocFreq
	idf   func(string) float64 // df, frozen once every listing is counted
	a, b  map[string]*match.Item
	// drop are the attributes Ablate took out of the comparisons.
	drop map[string]bool
	// The last config's known products, prepared (knownFor).
	knownMu  sync.Mutex
	knownSrc *match.KnownProduct
	knownLen int
	known    *match.Known
}

// Ablate takes attributes out of every comparison of this evaluator's
// pairs (they compare as missing), so that Evaluate and Tune measure the
// matcher without them. Catalog mode is not affected.
func (e *Evaluator) Ablate(attrs ...string) {
	e.drop = map[string]bool{}
	for _, a := range attrs {
		e.drop[a] = true
	}
}

// NewEvaluator prepares every record of the dataset.
func NewEvaluator(ds *Dataset, vs *match.Vocabularies) *Evaluator {
	e := &Evaluator{DS: ds, vocab: vs, df: match.NewDocFreq(), a: map[string]*match.Item{}, b: map[string]*match.Item{}}
	for id, r := range ds.A {
		e.a[id] = match.Prepare(r, vs)
	}
	for _, id := range ds.BOrder {
		it := match.Prepare(ds.B[id], vs)
		e.b[id] = it
		e.df.Add(it.TitleKeys())
	}
	e.idf = e.df.Frozen()
	return e
}

// IDF weighs a title key by its rarity among the listings.
func (e *Evaluator) IDF(key string) float64 { return e.idf(key) }

// Compare runs every comparison of every pair under cfg (which sets the
// image thresholds), on all cores, keeping pair order.
func (e *Evaluator) Compare(pairs []Pair, cfg *match.Config) [][]match.Outcome {
	outs := e.compare(pairs, match.NewScorer(cfg, e.IDF))
	if !e.drop["rank"] {
		stand(pairs, outs, cfg, nil)
	}
	e.know(pairs, outs, cfg)
	return outs
}

// compareAllWords is Compare with the words comparison reporting every
// title word (for tune to learn word weights), and no standing: tune sets
// it on valid pairs under each config it tries, and fits without it.
func (e *Evaluator) compareAllWords(pairs []Pair, cfg *match.Config) [][]match.Outcome {
	return e.compare(pairs, match.NewScorer(cfg, e.IDF).WithAllWords())
}

// compare runs s's comparisons of every pair, on all cores.
func (e *Evaluator) compare(pairs []Pair, s *match.Scorer) [][]match.Outcome {
	outs := make([][]match.Outcome, len(pairs))
	onAllCores(len(pairs), func(i int) {
		outs[i] = s.Compare(e.a[pairs[i].A], e.b[pairs[i].B])
		for j := range outs[i] {
			if e.drop[outs[i][j].Attribute] {
				outs[i][j].Level, outs[i][j].Hits = match.Missing, nil
			}
		}
	})
	return outs
}

// onAllCores calls f(i) for every i below n, on all cores; each call
// writes only its own i's results.
func onAllCores(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// stand sets each pair's rank outcome: its standing, under cfg, against the
// other pairs of its offer and of its listing among pairs (match.Standings),
// by the totals without the known products (a matcher stands its
// candidates before it places them, Matcher.Trace).
// group, when set, keeps the pairs of different datasets apart (their ids
// may coincide). A pair whose rank outcome is absent is left alone.
func stand(pairs []Pair, outs [][]match.Outcome, cfg *match.Config, group []int) {
	if len(outs) == 0 {
		return
	}
	ri := slices.IndexFunc(outs[0], func(o match.Outcome) bool { return o.Attribute == "rank" })
	if ri < 0 {
		return
	}
	ki := slices.IndexFunc(outs[0], func(o match.Outcome) bool { return o.Attribute == "known" })
	s := match.NewScorer(cfg, nil)
	totals, vetoed := make([]float64, len(outs)), make([]bool, len(outs))
	offers, listings := make([]string, len(outs)), make([]string, len(outs))
	for i, o := range outs {
		o[ri] = match.Outcome{Attribute: "rank", Level: match.Missing}
		var known match.Outcome
		if ki >= 0 {
			known = o[ki]
			o[ki] = match.Outcome{Attribute: "known", Level: match.Missing}
		}
		sc := s.Weigh(nil, o)
		if ki >= 0 {
			o[ki] = known
		}
		totals[i], vetoed[i] = sc.Total, len(sc.Vetoes) > 0
		g := ""
		if group != nil {
			g = strconv.Itoa(group[i]) + "/"
		}
		offers[i], listings[i] = g+pairs[i].A, g+pairs[i].B
	}
	for i, o := range match.Standings(totals, vetoed, offers, listings) {
		outs[i][ri] = o
	}
}

// Weigh scores compared pairs under cfg.
func Weigh(pairs []Pair, outs [][]match.Outcome, cfg *match.Config) []Scored {
	s := match.NewScorer(cfg, nil)
	scores := make([]Scored, len(pairs))
	for i, o := range outs {
		sc := s.Weigh(nil, o)
		scores[i] = scoredOf(sc, pairs[i].Match)
	}
	return scores
}

// anchorsOf gathers the anchors among each offer's best pair not vetoed
// under cfg (match.Anchors): the pair a matcher decides on, as
// Matcher.Anchors reads a catalog run.
func anchorsOf(pairs []Pair, outs [][]match.Outcome, cfg *match.Config) match.Anchors {
	s := match.NewScorer(cfg, nil)
	best := map[string]match.Scored{}
	var order []string
	for i, o := range outs {
		sc := s.Weigh(nil, o)
		if len(sc.Vetoes) > 0 {
			continue
		}
		b, ok := best[pairs[i].A]
		if !ok {
			order = append(order, pairs[i].A)
		}
		if !ok || sc.Total > b.Total {
			best[pairs[i].A] = sc
		}
	}
	var a match.Anchors
	for _, id := range order {
		sc := best[id]
		a.Add(&sc)
	}
	return a
}

// Report is the accuracy of a config on one split.
type Report struct {
	Dataset   string  `json:"dataset"`
	Split     string  `json:"split"`
	Pairs     int     `json:"pairs"`
	Positives int     `json:"positives"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Counts
	// MatchThreshold is the config's threshold the figures are taken at
	// (calibrated, when the config has a calibration).
	MatchThreshold float64 `json:"match_threshold"`
	// Calibration is how the pairs' anchors moved the config's thresholds
	// (nil: the config has no calibration).
	Calibration *match.Shift `json:"calibration,omitempty"`
	// BestThreshold and BestF1: the probability threshold that would
	// maximize F1 on this split, for information.
	BestThreshold float64 `json:"best_threshold"`
	BestF1        float64 `json:"best_f1"`
	// PairsPerSecond is the single-core rate of comparing and weighing
	// prepared pairs, when measured (Rate): 0 otherwise.
	PairsPerSecond float64 `json:"pairs_per_second,omitempty"`
}

// Evaluate scores the pairs under cfg: a pair is a predicted match when no
// veto applies and its probability reaches the match threshold (a review
// counts as a non-match).
//
// A config with a calibration (a pooled fit's) first moves its thresholds
// by the pairs' anchors, as a matcher does on a catalog it decides
// (match.Config.Calibrated); the labels are not read for it.
func (e *Evaluator) Evaluate(split string, pairs []Pair, cfg *match.Config) Report {
	outs := e.Compare(pairs, cfg)
	cfg, shift := calibrated(pairs, outs, cfg)
	r := report(e.DS.Name, split, pairs, outs, cfg)
	r.Calibration = shift
	return r
}

// calibrated returns cfg calibrated on the anchors among compared pairs
// (match.Config.Calibrated), and the move; cfg itself, and no move, when
// it has no calibration.
func calibrated(pairs []Pair, outs [][]match.Outcome, cfg *match.Config) (*match.Config, *match.Shift) {
	if cfg.Calibration == nil {
		return cfg, nil
	}
	a := anchorsOf(pairs, outs, cfg)
	c, shift := cfg.Calibrated(a)
	return c, &shift
}

// report is the precision, recall and F1 of cfg on pairs already compared.
func report(dataset, split string, pairs []Pair, outs [][]match.Outcome, cfg *match.Config) Report {
	scores := Weigh(pairs, outs, cfg)
	c := CountAt(scores, match.Log2Odds(cfg.MatchThreshold))
	bt, bc := BestThreshold(scores)
	return Report{
		Dataset: dataset, Split: split, Pairs: len(pairs), Positives: c.TP + c.FN,
		Precision: c.Precision(), Recall: c.Recall(), F1: c.F1(), Counts: c,
		MatchThreshold: cfg.MatchThreshold, BestThreshold: match.Probability(bt), BestF1: bc.F1(),
	}
}

// Rate measures how many of the pairs, prepared, one core compares and
// weighs per second: the median of rateWindows windows of rateWindow each,
// after one untimed pass over the pairs (a shared machine's noise moves
// one window by a third).
func (e *Evaluator) Rate(pairs []Pair, cfg *match.Config) float64 {
	if len(pairs) == 0 {
		return 0
	}
	s := match.NewScorer(cfg, e.IDF)
	for _, p := range pairs {
		s.Score(e.a[p.A], e.b[p.B])
	}
	rates := make([]float64, 0, rateWindows)
	n := 0
	for range rateWindows {
		start, done := time.Now(), 0
		for time.Since(start) < rateWindow {
			for range 64 {
				p := pairs[n%len(pairs)]
				s.Score(e.a[p.A], e.b[p.B])
				n++
				done++
			}
		}
		rates = append(rates, float64(done)/time.Since(start).Seconds())
	}
	slices.Sort(rates)
	return rates[len(rates)/2]
}

// The windows Rate takes the median of.
const (
	rateWindows = 5
	rateWindow  = 200 * time.Millisecond
)

// Mistake is a misjudged labeled pair with its comparisons.
type Mistake struct {
	Pair        Pair
	Probability float64
	Vetoes      []string
	Comparisons []match.Comparison
}

// Mistakes returns the false positives and false negatives of the pairs
// under cfg, for error analysis.
func (e *Evaluator) Mistakes(pairs []Pair, cfg *match.Config) (fps, fns []Mistake) {
	outs := e.Compare(pairs, cfg)
	cfg, _ = calibrated(pairs, outs, cfg)
	s := match.NewScorer(cfg, nil)
	th := match.Log2Odds(cfg.MatchThreshold)
	for i, p := range pairs {
		sc := s.Weigh(e.b[p.B], outs[i])
		pred := scoredOf(sc, p.Match).predicted(th)
		if pred == p.Match {
			continue
		}
		m := Mistake{Pair: p, Probability: match.Probability(sc.Total), Vetoes: sc.Vetoes, Comparisons: sc.Comparisons}
		if pred {
			fps = append(fps, m)
		} else {
			fns = append(fns, m)
		}
	}
	return fps, fns
}
