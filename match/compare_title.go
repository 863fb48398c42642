package match

import (
	"fmt"
	"strings"
)

// titleComparator measures title agreement as IDF-weighted token-set
// overlap (a weighted Jaccard index), so agreeing on a rare token counts more
// than agreeing on "black"; short titles also get a character edit
// similarity, which forgives typos.
type titleComparator struct{}

func (titleComparator) Attribute() string { return "title" }
func (titleComparator) Levels() []string {
	return []string{Exact, High, Medium, Low, Different, Missing}
}

func (titleComparator) Compare(a, b *Item, env *Env) Outcome {
	av, bv := a.Rec.Title, b.Rec.Title
	if len(a.titleKeys) == 0 || len(b.titleKeys) == 0 {
		return missing(av, bv)
	}
	sim := TitleSimilarity(a.titleSet, b.titleSet, env.idf)
	if len(av) <= 40 && len(bv) <= 40 {
		sim = max(sim, Similarity(strings.Join(a.titleKeys, " "), strings.Join(b.titleKeys, " ")))
	}
	ev := fmt.Sprintf("similarity %.2f", sim)
	o := Outcome{A: av, B: bv, Evidence: ev}
	switch {
	case sim >= 0.9:
		o.Level = Exact
	case sim >= 0.7:
		o.Level = High
	case sim >= 0.5:
		o.Level = Medium
	case sim >= 0.3:
		o.Level = Low
	default:
		o.Level = Different
	}
	return o
}

// TitleSimilarity is the weighted Jaccard index of two token sets: the
// summed weight of shared tokens over the summed weight of all tokens, in
// [0,1]. weight must be positive.
func TitleSimilarity(a, b map[string]bool, weight func(string) float64) float64 {
	var inter, union float64
	for t := range a {
		w := weight(t)
		union += w
		if b[t] {
			inter += w
		}
	}
	for t := range b {
		if !a[t] {
			union += weight(t)
		}
	}
	if union == 0 {
		return 1
	}
	return inter / union
}
