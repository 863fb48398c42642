package match

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"
)

// titleComparator measures title agreement as an IDF-weighted soft Dice
// coefficient of the title keys (see TitleSimilarity), so agreeing on a rare
// word counts more than agreeing on "black"; short titles also get a
// character edit similarity.
type titleComparator struct{}

func (titleComparator) Attribute() string { return "title" }
func (titleComparator) Levels() []string {
	out := make([]string, 0, len(titleLevels)+1)
	for _, l := range titleLevels {
		out = append(out, l.level)
	}
	return append(out, Missing)
}

func (titleComparator) Compare(a, b *Item, env *Env) Outcome {
	av, bv := a.Rec.Title, b.Rec.Title
	if len(a.titleKeys) == 0 || len(b.titleKeys) == 0 {
		return missing(av, bv)
	}
	sim := softDice(a.titleKeys, b.titleKeys, a.titleSet, b.titleSet, a.titleJoins, b.titleJoins, env.idf)
	if len(av) <= 40 && len(bv) <= 40 {
		sim = max(sim, Similarity(strings.Join(a.titleKeys, " "), strings.Join(b.titleKeys, " ")))
	}
	ev := fmt.Sprintf("similarity %.2f", sim)
	o := Outcome{A: av, B: bv, Evidence: ev, Similarity: sim}
	o.Level = titleLevels[len(titleLevels)-1].level
	for _, l := range titleLevels {
		if sim >= l.min {
			o.Level = l.level
			break
		}
	}
	return o
}

// titleLevels are the title similarity bands, strongest first: fine enough
// that ranking candidates rarely ties.
var titleLevels = []struct {
	level string
	min   float64
}{
	{Exact, 0.95}, {"t90", 0.9}, {"t80", 0.8}, {"t70", 0.7}, {"t60", 0.6},
	{"t50", 0.5}, {"t40", 0.4}, {"t30", 0.3}, {"t20", 0.2}, {Different, 0},
}

// TitleSimilarity is a weighted soft Dice coefficient of two key lists, in
// [0,1]: the weight of the keys of each side that the other side has, over
// the weight of all keys. A key counts as had when the other side has it,
// spells it as two or three adjacent keys ("coffee maker" / "coffeemaker"),
// or has it with one typo (keys of five or more characters, same digits).
// weight must be positive.
func TitleSimilarity(a, b []string, weight func(string) float64) float64 {
	return softDice(a, b, toSet(a), toSet(b), joins(a), joins(b), weight)
}

func softDice(a, b []string, setA, setB, joinA, joinB map[string]bool, weight func(string) float64) float64 {
	var had, all float64
	for _, t := range a {
		w := weight(t)
		all += w
		if hasKey(t, setB, joinB, b) {
			had += w
		}
	}
	for _, t := range b {
		w := weight(t)
		all += w
		if hasKey(t, setA, joinA, a) {
			had += w
		}
	}
	if all == 0 {
		return 1
	}
	return had / all
}

// hasKey reports whether the other side has key t (see TitleSimilarity).
func hasKey(t string, set, joined map[string]bool, keys []string) bool {
	if set[t] || joined[t] {
		return true
	}
	if len(t) < 5 {
		return false
	}
	for _, u := range keys {
		if len(u) < 5 || u[0] != t[0] || len(u)-len(t) > 1 || len(t)-len(u) > 1 {
			continue
		}
		if digitsOf(u) == digitsOf(t) && levenshtein.ComputeDistance(t, u) == 1 {
			return true
		}
	}
	return false
}

// joins returns the concatenations of two and three adjacent keys.
func joins(keys []string) map[string]bool {
	m := make(map[string]bool, 2*len(keys))
	for i := range keys {
		if i+1 < len(keys) {
			m[keys[i]+keys[i+1]] = true
		}
		if i+2 < len(keys) {
			m[keys[i]+keys[i+1]+keys[i+2]] = true
		}
	}
	return m
}

func toSet(keys []string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}
