package match

import "strconv"

// Levels of the rare comparison: how rare the rarest word is that both
// titles have.
const (
	// RareShared: the titles share a word of fewer than 1 title in 1,000.
	RareShared Level = "rare_shared"
	// UncommonShared: the rarest shared word is in 1 title in 1,000 to 100.
	UncommonShared Level = "uncommon_shared"
	// CommonShared: every shared word is in more than 1 title in 100.
	CommonShared Level = "common_shared"
	// NoneShared: the titles share no word, code or number.
	NoneShared Level = "none_shared"
)

// IDF of a word in 1 title in 1,000 and 1 in 100 (see IDF).
const (
	rareIDF     = 7.908754738783243 // 1 + ln(1000)
	uncommonIDF = 5.605170185988092 // 1 + ln(100)
)

// rareAttribute is term-frequency-adjusted exact agreement, as Splink
// adjusts an exact match by the frequency of the value: two titles that
// share a word almost no other title has ("Cascadia", "Paperwhite") are the
// same product far more often than two that share only "black" and "case".
// The title comparison blends every word into one similarity; this one
// says how rare the rarest shared word is. Code pieces are the model
// comparison's and left out. Silent without word frequencies (no index, no
// labeled corpus).
func rareAttribute() Attribute {
	return Attribute{
		Name:    "rare",
		wording: true,
		Levels: []LevelSpec{
			{Level: RareShared, Weight: 0, Direction: For, Why: "a shared word in under 1 title in 1,000: most often one product line; the title weighs it already, so 0 until tune fits it"},
			{Level: UncommonShared, Weight: 0, Why: "the rarest shared word is in 1 in 1,000 to 1 in 100 titles"},
			{Level: CommonShared, Weight: 0, Why: "only common words shared: a shop's vocabulary, not a product's name"},
			{Level: NoneShared, Weight: 0, Direction: Against, Why: "no word shared: the title comparison says different already"},
			{Level: Missing},
		},
		compare: compareRare,
	}
}

func compareRare(a, b *Item, env *Env) Outcome {
	if env == nil || env.IDF == nil || len(a.text.keys) == 0 || len(b.text.keys) == 0 {
		return missing("", "")
	}
	best, word, other := 0.0, "", false
	idf := a.keyIDF(env)
	for i, k := range a.text.keys {
		j := b.text.idx.indexHash(k, a.text.idx.hash[i])
		if j < 0 {
			continue
		}
		if a.pieceKey(i) || b.pieceKey(j) || isNumber(k) {
			other = true
			continue
		}
		if w := idf[i]; w > best || w == best && k < word {
			best, word = w, k
		}
	}
	o := Outcome{A: word, B: word}
	switch {
	case word == "" && other:
		// Only a code or a number shared: the model and numbers
		// comparisons say what it is worth.
		o = missing("", "")
		o.Evidence = "only codes or numbers shared"
	case word == "":
		o.Level = NoneShared
	case best >= rareIDF:
		o.Level = RareShared
	case best >= uncommonIDF:
		o.Level = UncommonShared
	default:
		o.Level = CommonShared
	}
	if word != "" {
		o.Evidence = strconv.Quote(word) + " shared, idf " + strconv.FormatFloat(best, 'f', 1, 64)
	}
	return o
}
