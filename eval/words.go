package eval

import (
	"maps"
	"math"
	"slices"

	"github.com/followmatch/followmatch/match"
)

// MinWordPairs is how many training pairs a title word must appear in
// before tune learns a weight for it.
const MinWordPairs = 5

// wordShrink is the count at which a word's penalty is twice the base: the
// penalty on a word seen in n pairs is lambda * (1 + wordShrink/n), so rare
// words stay near zero.
const wordShrink = 20.0

// wordHits returns the words comparison's hits of each compared pair.
func wordHits(outs [][]match.Outcome) [][]match.WordHit {
	hits := make([][]match.WordHit, len(outs))
	for i, o := range outs {
		for _, c := range o {
			if c.Attribute == "words" {
				hits[i] = c.Hits
			}
		}
	}
	return hits
}

// fitWords learns title word weights (bits) on top of a fitted config: the
// log-odds of a pair is its total under cfg plus, for each word of either
// title seen in MinWordPairs training pairs or more, the word's "both" or
// "one" weight, fitted by logistic regression with an L2 penalty toward
// zero that grows for rare words.
func fitWords(pairs []Pair, outs [][]match.Outcome, hits [][]match.WordHit, cfg *match.Config, lambda float64, iters int) map[string]match.WordWeight {
	count := map[string]int{}
	for _, hs := range hits {
		for _, h := range hs {
			count[h.Word]++
		}
	}
	index := map[string]int{}
	var words []string
	for _, w := range slices.Sorted(maps.Keys(count)) {
		if count[w] >= MinWordPairs {
			index[w] = len(words)
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil
	}
	// Feature 2j is word j in both titles, 2j+1 in one only.
	rows := make([][]int, len(pairs))
	offset := make([]float64, len(pairs))
	y := make([]float64, len(pairs))
	scores := Weigh(pairs, outs, cfg)
	for i := range pairs {
		offset[i] = scores[i].Total * math.Ln2
		if pairs[i].Match {
			y[i] = 1
		}
		for _, h := range hits[i] {
			j, ok := index[h.Word]
			if !ok {
				continue
			}
			if h.Both {
				rows[i] = append(rows[i], 2*j)
			} else {
				rows[i] = append(rows[i], 2*j+1)
			}
		}
	}
	pen := make([]float64, 2*len(words))
	for j, w := range words {
		p := lambda * (1 + wordShrink/float64(count[w]))
		pen[2*j], pen[2*j+1] = p, p
	}
	w := make([]float64, 2*len(words))
	n := float64(len(pairs))
	opt := newAdam(len(w))
	grad := make([]float64, len(w))
	for it := 1; it <= iters; it++ {
		for j := range grad {
			grad[j] = pen[j] * w[j]
		}
		for i, r := range rows {
			if len(r) == 0 {
				continue
			}
			z := offset[i]
			for _, j := range r {
				z += w[j]
			}
			g := (sigmoid(z) - y[i]) / n
			for _, j := range r {
				grad[j] += g
			}
		}
		opt.step(w, grad)
	}
	out := map[string]match.WordWeight{}
	for j, word := range words {
		ww := match.WordWeight{Both: round(w[2*j]/math.Ln2, 3), One: round(w[2*j+1]/math.Ln2, 3)}
		if math.Abs(ww.Both) >= 0.05 || math.Abs(ww.One) >= 0.05 {
			out[word] = ww
		}
	}
	return out
}
