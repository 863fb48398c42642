package eval

import (
	"maps"
	"math"
	"slices"

	"github.com/followmatch/followmatch/match"
)

// fitLogistic refines level weights by L2-regularized logistic regression:
// the log-odds of a match is the prior plus the weights of the pair's
// levels (missing levels weigh 0), as in the Fellegi-Sunter sum, but the
// weights are fitted jointly, so correlated comparisons (a model code found
// in the title and a high title similarity) are not counted twice. The
// penalty pulls every weight toward its m/u estimate in init, with strength
// lambda per training pair. Weights are in bits (log2 odds).
func fitLogistic(pairs []Pair, outs [][]match.Outcome, init map[string]map[match.Level]float64, cons constraints, initPrior, lambda float64, iters int) (map[string]map[match.Level]float64, float64) {
	// Index the (attribute, level) features.
	// In a declared order (attributes, then levels, sorted), so that the
	// sums and the fitted weights are the same every run.
	type feat struct {
		attr  string
		level match.Level
	}
	index := map[feat]int{}
	var feats []feat
	var w0 []float64
	for _, attr := range slices.Sorted(maps.Keys(init)) {
		for _, lvl := range slices.Sorted(maps.Keys(init[attr])) {
			index[feat{attr, lvl}] = len(feats)
			feats = append(feats, feat{attr, lvl})
			w0 = append(w0, init[attr][lvl]*math.Ln2)
		}
	}
	rows := make([][]int, len(pairs))
	y := make([]float64, len(pairs))
	for i, o := range outs {
		for _, c := range o {
			if j, ok := index[feat{c.Attribute, c.Level}]; ok && c.Level != match.Missing {
				rows[i] = append(rows[i], j)
			}
		}
		if pairs[i].Match {
			y[i] = 1
		}
	}
	w := append([]float64(nil), w0...)
	byLevel := map[string]map[match.Level]float64{} // w by level, to project
	for _, f := range feats {
		if byLevel[f.attr] == nil {
			byLevel[f.attr] = map[match.Level]float64{}
		}
	}
	b := initPrior * math.Ln2
	n := float64(len(pairs))
	// Adam on the mean log loss plus the penalty.
	opt, optB := newAdam(len(w)), newAdam(1)
	grad := make([]float64, len(w))
	bv := []float64{b}
	for it := 1; it <= iters; it++ {
		for j := range grad {
			grad[j] = lambda * (w[j] - w0[j])
		}
		gb := []float64{0}
		for i, r := range rows {
			z := bv[0]
			for _, j := range r {
				z += w[j]
			}
			g := (sigmoid(z) - y[i]) / n
			gb[0] += g
			for _, j := range r {
				grad[j] += g
			}
		}
		opt.step(w, grad)
		for j, f := range feats {
			byLevel[f.attr][f.level] = w[j]
		}
		cons.project(byLevel)
		for j, f := range feats {
			w[j] = byLevel[f.attr][f.level]
		}
		optB.step(bv, gb)
	}
	b = bv[0]
	out := map[string]map[match.Level]float64{}
	for j, f := range feats {
		if out[f.attr] == nil {
			out[f.attr] = map[match.Level]float64{}
		}
		out[f.attr][f.level] = round(w[j]/math.Ln2, 4)
	}
	return out, b / math.Ln2
}

// adam is the Adam optimizer's state for a vector of weights.
type adam struct {
	m, v []float64
	t    int
}

func newAdam(n int) *adam { return &adam{m: make([]float64, n), v: make([]float64, n)} }

// step moves w one Adam step against grad.
func (a *adam) step(w, grad []float64) {
	const lr, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
	a.t++
	c1, c2 := 1-math.Pow(beta1, float64(a.t)), 1-math.Pow(beta2, float64(a.t))
	for j := range w {
		a.m[j] = beta1*a.m[j] + (1-beta1)*grad[j]
		a.v[j] = beta2*a.v[j] + (1-beta2)*grad[j]*grad[j]
		w[j] -= lr * (a.m[j] / c1) / (math.Sqrt(a.v[j]/c2) + eps)
	}
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// constraints are what a fit keeps of each level's meaning: the sign of its
// weight (match.LevelSpec.Sign) and, for graded attributes, the order of its
// bands' weights (match.Attribute.Graded).
type constraints struct {
	sign   map[string]map[match.Level]float64
	graded map[string][]match.Level // bands, most alike first
}

// levelConstraints reads the constraints of every attribute.
func levelConstraints() constraints {
	c := constraints{sign: map[string]map[match.Level]float64{}, graded: map[string][]match.Level{}}
	for _, a := range match.Attributes() {
		c.sign[a.Name] = map[match.Level]float64{}
		for _, l := range a.Levels {
			if l.Level == match.Missing {
				continue
			}
			c.sign[a.Name][l.Level] = l.Sign()
			if a.Graded {
				c.graded[a.Name] = append(c.graded[a.Name], l.Level)
			}
		}
	}
	return c
}

// project moves weights to the nearest that keep the constraints: each
// graded attribute's bands made non-increasing (pool adjacent violators),
// then each weight whose sign is the opposite of its level's set to 0
// (which keeps the order: the levels that agree come first).
func (c constraints) project(weights map[string]map[match.Level]float64) {
	for attr, bands := range c.graded {
		lv := weights[attr]
		var present []match.Level
		for _, b := range bands {
			if _, ok := lv[b]; ok {
				present = append(present, b)
			}
		}
		vals := make([]float64, len(present))
		for i, b := range present {
			vals[i] = lv[b]
		}
		for i, v := range nonIncreasing(vals) {
			lv[present[i]] = v
		}
	}
	for attr, lv := range weights {
		for l, w := range lv {
			if w*c.sign[attr][l] < 0 {
				lv[l] = 0
			}
		}
	}
}

// nonIncreasing returns the non-increasing sequence nearest v in squared
// distance (pool adjacent violators, equal weights).
func nonIncreasing(v []float64) []float64 {
	type block struct {
		sum float64
		n   int
	}
	var blocks []block
	for _, x := range v {
		blocks = append(blocks, block{x, 1})
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.sum/float64(a.n) >= b.sum/float64(b.n) {
				break
			}
			blocks = append(blocks[:len(blocks)-2], block{a.sum + b.sum, a.n + b.n})
		}
	}
	out := make([]float64, 0, len(v))
	for _, b := range blocks {
		for range b.n {
			out = append(out, b.sum/float64(b.n))
		}
	}
	return out
}
