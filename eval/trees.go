package eval

import (
	"math"
	"slices"

	"github.com/followmatch/followmatch/match"
)

// Trees is a non-linear alternative to the per-level weights: gradient
// boosted trees of depth 2 over the comparison levels (each (attribute,
// level) a yes/no feature), fitted by Newton steps on the logistic loss.
// Depth 2 lets it weigh pairs of levels together (a title in one band with
// a brand missing, say), which a sum of per-level weights cannot.
// benchmarks/defaults measures it against the linear fit, leaving each
// dataset out; it is not used to decide.
type Trees struct {
	Base     float64
	Trees    []tree
	Features []Feature
}

// Feature is one (attribute, level) of a comparison.
type Feature struct {
	Attribute string
	Level     match.Level
}

// tree tests a feature at its root and, on each side, one more (-1: none);
// Leaf holds the margin added, by the root's and the child's answer.
type tree struct {
	Root  int
	Child [2]int
	Leaf  [2][2]float64
}

// TreeOptions set a fit: rounds of boosting, the learning rate and the L2
// penalty on leaf values.
type TreeOptions struct {
	Rounds int
	Rate   float64
	Lambda float64
}

// FitTrees fits trees on the train pairs of sets, compared under base,
// each dataset weighing the same whatever its size.
func FitTrees(sets []TuneSet, base *match.Config, o TreeOptions) *Trees {
	t := &Trees{}
	index := map[Feature]int{}
	var xs [][]int
	var ys, ws []float64
	most := 0
	for _, s := range sets {
		most = max(most, len(s.Train))
	}
	for _, s := range sets {
		w := float64(most) / float64(max(1, len(s.Train)))
		for i, outs := range s.E.Compare(s.Train, base) {
			xs = append(xs, t.encode(outs, index, true))
			y := 0.0
			if s.Train[i].Match {
				y = 1
			}
			ys, ws = append(ys, y), append(ws, w)
		}
	}
	t.Base, t.Trees = boost(xs, ys, ws, len(t.Features), o)
	return t
}

// boost fits the trees on pairs given as feature indexes xs (of nf
// features), labels ys (0 or 1) and weights ws; it returns the base margin
// and the trees.
func boost(xs [][]int, ys, ws []float64, nf int, o TreeOptions) (float64, []tree) {
	var trees []tree
	var pos, all float64
	for i := range ys {
		pos += ws[i] * ys[i]
		all += ws[i]
	}
	base := math.Log((pos + 1) / (all - pos + 1))
	margin := make([]float64, len(xs))
	for i := range margin {
		margin[i] = base
	}
	g, h := make([]float64, len(xs)), make([]float64, len(xs))
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	for range o.Rounds {
		for i := range xs {
			p := 1 / (1 + math.Exp(-margin[i]))
			g[i], h[i] = ws[i]*(p-ys[i]), ws[i]*max(p*(1-p), 1e-6)
		}
		root, gain := bestSplit(idx, xs, g, h, nf, -1, o.Lambda)
		if root < 0 || gain <= 1e-9 {
			break
		}
		tr := tree{Root: root}
		for side, in := range split(idx, xs, root) {
			child, cg := bestSplit(in, xs, g, h, nf, root, o.Lambda)
			if cg <= 1e-9 {
				child = -1
			}
			tr.Child[side] = child
			parts := [2][]int{in, nil}
			if child >= 0 {
				parts = split(in, xs, child)
			}
			for leaf, li := range parts {
				var sg, sh float64
				for _, i := range li {
					sg, sh = sg+g[i], sh+h[i]
				}
				tr.Leaf[side][leaf] = -o.Rate * sg / (sh + o.Lambda)
			}
			if child < 0 {
				tr.Leaf[side][1] = tr.Leaf[side][0]
			}
		}
		for i, x := range xs {
			margin[i] += tr.value(x)
		}
		trees = append(trees, tr)
	}
	return base, trees
}

// encode returns the feature indexes of a pair's outcomes; with add, new
// (attribute, level)s get an index. A pair's standing among its rivals
// (rank) is no feature: the linear fit does not fit it on train either (a
// pair's rivals there are scored by weights fitted on those very pairs),
// and its level of being ahead on both sides exists in a batch of pairs
// only, never among a matcher's candidates (with it, the trees fitted
// without WDC had scored 60.4 on WDC Products seen, 48.9 without).
func (t *Trees) encode(outs []match.Outcome, index map[Feature]int, add bool) []int {
	x := make([]int, 0, len(outs))
	for _, o := range outs {
		if o.Attribute == "rank" || slices.Contains(catalogOwn, o.Attribute) {
			continue
		}
		f := Feature{o.Attribute, o.Level}
		k, ok := index[f]
		if !ok {
			if !add {
				continue
			}
			k = len(t.Features)
			index[f] = k
			t.Features = append(t.Features, f)
		}
		x = append(x, k)
	}
	return x
}

func has(x []int, f int) bool {
	for _, k := range x {
		if k == f {
			return true
		}
	}
	return false
}

func (tr tree) value(x []int) float64 {
	side := 0
	if has(x, tr.Root) {
		side = 1
	}
	leaf := 0
	if c := tr.Child[side]; c >= 0 && has(x, c) {
		leaf = 1
	}
	return tr.Leaf[side][leaf]
}

// split parts idx by whether the pair has feature f.
func split(idx []int, xs [][]int, f int) [2][]int {
	var out [2][]int
	for _, i := range idx {
		if has(xs[i], f) {
			out[1] = append(out[1], i)
		} else {
			out[0] = append(out[0], i)
		}
	}
	return out
}

// bestSplit returns the feature (not skip) whose yes/no split of idx most
// lowers the second-order loss, and the gain.
func bestSplit(idx []int, xs [][]int, g, h []float64, nf, skip int, lambda float64) (int, float64) {
	gf, hf := make([]float64, nf), make([]float64, nf)
	var G, H float64
	for _, i := range idx {
		G, H = G+g[i], H+h[i]
		for _, f := range xs[i] {
			gf[f] += g[i]
			hf[f] += h[i]
		}
	}
	best, gain := -1, 0.0
	parent := G * G / (H + lambda)
	for f := range nf {
		if f == skip || hf[f] == 0 || hf[f] == H {
			continue
		}
		gl, hl := gf[f], hf[f]
		gr, hr := G-gl, H-hl
		if v := gl*gl/(hl+lambda) + gr*gr/(hr+lambda) - parent; v > gain {
			best, gain = f, v
		}
	}
	return best, gain
}

// Score returns the pairs' scores under the trees (Total: the margin in
// bits), vetoed as cfg vetoes them.
func (t *Trees) Score(pairs []Pair, outs [][]match.Outcome, cfg *match.Config) []Scored {
	index := make(map[Feature]int, len(t.Features))
	for i, f := range t.Features {
		index[f] = i
	}
	scores := Weigh(pairs, outs, cfg)
	for i, o := range outs {
		m := t.Base
		x := t.encode(o, index, false)
		for _, tr := range t.Trees {
			m += tr.value(x)
		}
		scores[i].Total = m / math.Ln2
	}
	return scores
}

// FitTreesPooled fits trees on sets for each of the options, and keeps the
// fit whose valid F1 (the mean of each set's, at one threshold, as
// TunePooled chooses) is best; vetoes are cfg's. It returns the trees, the
// threshold on Scored totals, and the valid F1.
func FitTreesPooled(sets []TuneSet, base, cfg *match.Config, grid []TreeOptions) (*Trees, float64, float64) {
	valid := make([][]match.Outcome, 0)
	var spans [][2]int
	var vpairs []Pair
	for _, s := range sets {
		spans = append(spans, [2]int{len(vpairs), len(vpairs) + len(s.Valid)})
		vpairs = append(vpairs, s.Valid...)
		valid = append(valid, s.E.Compare(s.Valid, base)...)
	}
	var best *Trees
	bestAt, bestF1 := 0.0, -1.0
	for _, o := range grid {
		t := FitTrees(sets, base, o)
		scores := t.Score(vpairs, valid, cfg)
		parts := make([][]Scored, len(spans))
		for i, sp := range spans {
			parts[i] = scores[sp[0]:sp[1]]
		}
		if at, f1 := meanBestThreshold(parts, sourceWeights(sets)); f1 > bestF1 {
			best, bestAt, bestF1 = t, at, f1
		}
	}
	return best, bestAt, bestF1
}
