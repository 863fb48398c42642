package match

import (
	"cmp"
	"math"
	"strconv"
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
	// env is the Env whose words comparison reported the hit and ww the
	// word's weight there (nil when it has none): weighed under the same
	// Env, the hit needs no second lookup.
	env *Env
	ww  *WordWeight
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
	la, lb := a.wordKeys(env), b.wordKeys(env)
	hits := make([]WordHit, 0, len(la.idx)+len(lb.idx))
	for j, i := range la.idx {
		k := a.text.keys[i]
		both := b.text.idx.hasHash(k, a.text.idx.hash[i])
		hits = append(hits, WordHit{Word: k, Both: both, InFirst: !both, env: env, ww: la.ww[j]})
	}
	for j, i := range lb.idx {
		if k := b.text.keys[i]; !a.text.idx.hasHash(k, b.text.idx.hash[i]) {
			hits = append(hits, WordHit{Word: k, env: env, ww: lb.ww[j]})
		}
	}
	if len(hits) == 0 {
		return missing("", "")
	}
	return Outcome{Level: Learned, Hits: hits}
}

// wordsWeight sums the learned weights of hits, held within ±limit bits
// (Config.WordsLimit), and says which words weighed most (only those three
// are formatted: a pair has dozens of hits) and whether the sum was held.
// The sum is taken in fixed point (wordUnit), so it is the same to the last
// bit whichever record comes first and in whatever order the hits come.
func wordsWeight(hits []WordHit, words map[string]WordWeight, env *Env, limit float64) (float64, string) {
	var sum int64
	var top [3]wordPart
	n := 0
	for _, h := range hits {
		ww, ok := h.weight(words, env)
		if !ok {
			continue
		}
		p := wordPart{w: ww.One, word: h.Word, where: "only in listing"}
		switch {
		case h.Both:
			p.w, p.where = ww.Both, "in both"
		case h.InFirst:
			p.where = "only in offer"
		}
		if p.w == 0 {
			continue
		}
		sum += int64(math.Round(p.w * wordUnit))
		// Keep the three that weigh most, in one order (ties by word).
		i := min(n, len(top))
		for i > 0 && p.before(top[i-1]) {
			if i < len(top) {
				top[i] = top[i-1]
			}
			i--
		}
		if i < len(top) {
			top[i] = p
		}
		n++
	}
	if n == 0 {
		return 0, ""
	}
	b := make([]byte, 0, 96)
	for i, p := range top[:min(n, len(top))] {
		if i > 0 {
			b = append(b, "; "...)
		}
		b = append(b, "title word "...)
		b = appendQuoted(b, p.word)
		b = append(b, ' ')
		b = append(b, p.where...)
		b = append(b, ": "...)
		b = appendSigned(b, p.w)
	}
	if n > len(top) {
		b = append(b, "; "...)
		b = strconv.AppendInt(b, int64(n-len(top)), 10)
		b = append(b, " more"...)
	}
	w := float64(sum) / wordUnit
	if math.Abs(w) > limit {
		w = math.Copysign(limit, w)
		b = append(b, "; together held to "...)
		b = appendSigned(b, w)
		b = append(b, " bits (words_limit)"...)
	}
	return w, string(b)
}

// wordUnit is the fixed point learned word weights are summed in: a
// billionth of a bit, far below any weight's precision (tune rounds them to
// four decimals), and decimal so that a sum of one weight is that weight.
const wordUnit = 1e9

// wordPart is one learned word's weight in a pair.
type wordPart struct {
	w     float64
	word  string
	where string
}

// before orders word parts heaviest first, then by word and side.
func (p wordPart) before(q wordPart) bool {
	// Compared one key at a time: most pairs differ in weight, and the
	// words need not be compared then.
	if c := cmp.Compare(math.Abs(q.w), math.Abs(p.w)); c != 0 {
		return c < 0
	}
	return cmp.Or(strings.Compare(p.word, q.word), strings.Compare(p.where, q.where), cmp.Compare(p.w, q.w)) < 0
}

// weight returns the hit's learned weight under words, which env's words
// comparison reported it from when env is h's (then known already).
func (h WordHit) weight(words map[string]WordWeight, env *Env) (WordWeight, bool) {
	if env != nil && h.env == env {
		if h.ww == nil {
			return WordWeight{}, false
		}
		return *h.ww, true
	}
	ww, ok := words[h.Word]
	return ww, ok
}

// appendSigned appends w with one decimal and its sign ("+2.1", "-0.4").
func appendSigned(b []byte, w float64) []byte {
	if w >= 0 {
		b = append(b, '+')
	}
	return strconv.AppendFloat(b, w, 'f', 1, 64)
}

// appendQuoted is strconv.AppendQuote, without its escaping work for the
// printable ASCII of title keys.
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
