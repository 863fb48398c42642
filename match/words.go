package match

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// WordWeight is what one title word says, learned by tune from labeled
// pairs: its weight (bits) when both titles have it and when only one does.
type WordWeight struct {
	Both float64 `json:"both"`
	One  float64 `json:"one"`
}

// WordHit is one title word of a pair with a learned weight: in both titles,
// or in one only (InFirst: the first record's, the offer's in a score).
type WordHit struct {
	Word    string
	Both    bool
	InFirst bool
}

// Learned is the words level: the titles hold words with learned weights.
const Learned Level = "learned"

// wordsAttribute weighs title words one by one, as tune learned them from
// labeled pairs ("upgrade" only in one title is another edition; a shared
// rare line name is the same product). Its weight is the sum of the words'
// weights (Config.Words), not a level weight; with no learned words it is
// silent.
func wordsAttribute() Attribute {
	return Attribute{
		Name:    "words",
		wording: true,
		Levels: []LevelSpec{
			{Level: Learned, Weight: 0, Why: "the sum of the learned words' weights (config words); the level itself weighs nothing"},
			{Level: Missing},
		},
		compare: compareWords,
	}
}

func compareWords(a, b *Item, env *Env) Outcome {
	if env == nil || len(env.Words) == 0 && !env.AllWords {
		return missing("", "")
	}
	hits := make([]WordHit, 0, len(a.text.keys)+len(b.text.keys))
	for _, k := range a.text.keys {
		if env.AllWords || env.hasWord(k) {
			both := b.text.set[k]
			hits = append(hits, WordHit{Word: k, Both: both, InFirst: !both})
		}
	}
	for _, k := range b.text.keys {
		if !a.text.set[k] && (env.AllWords || env.hasWord(k)) {
			hits = append(hits, WordHit{Word: k})
		}
	}
	if len(hits) == 0 {
		return missing("", "")
	}
	return Outcome{Level: Learned, Hits: hits}
}

func (e *Env) hasWord(w string) bool {
	_, ok := e.Words[w]
	return ok
}

// wordsWeight sums the learned weights of hits, and says which words
// weighed most (only those three are formatted: a pair has dozens of hits).
func wordsWeight(hits []WordHit, words map[string]WordWeight) (float64, string) {
	type part struct {
		w     float64
		word  string
		where string
	}
	var sum float64
	var buf [16]part
	parts := buf[:0]
	for _, h := range hits {
		ww, ok := words[h.Word]
		if !ok {
			continue
		}
		w, where := ww.One, "only in listing"
		switch {
		case h.Both:
			w, where = ww.Both, "in both"
		case h.InFirst:
			where = "only in offer"
		}
		if w == 0 {
			continue
		}
		parts = append(parts, part{w, h.Word, where})
	}
	// One order whichever record comes first (hits come in title order):
	// the sum, added in it, is the same both ways to the last bit.
	slices.SortFunc(parts, func(a, b part) int {
		return cmp.Or(cmp.Compare(math.Abs(b.w), math.Abs(a.w)), strings.Compare(a.word, b.word), strings.Compare(a.where, b.where), cmp.Compare(a.w, b.w))
	})
	for _, p := range parts {
		sum += p.w
	}
	var b strings.Builder
	for i, p := range parts {
		if i == 3 {
			fmt.Fprintf(&b, "; %d more", len(parts)-3)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "title word %q %s: %+.1f", p.word, p.where, p.w)
	}
	return sum, b.String()
}
