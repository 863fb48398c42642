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
func fitLogistic(pairs []Pair, outs [][]match.Outcome, init map[string]map[match.Level]float64, initPrior, lambda float64, iters int) (map[string]map[match.Level]float64, float64) {
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
