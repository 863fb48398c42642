package match

import (
	"maps"
	"slices"
	"strings"
	"sync/atomic"
)

// Item is a Record prepared for comparison: every attribute's feature read
// and normalized once, so that scoring an offer against many listings
// repeats no parsing. The title text and the codes are shared features,
// read first, that several attributes and retrieval use; the others each
// belong to one attribute (see its file). Build one with Prepare; an Item is
// read-only afterwards and safe to share between goroutines.
type Item struct {
	Rec *Record

	text  titleText // shared: the title's tokens and keys (title.go)
	codes codeSet   // shared: model field and codes (codes.go)
	// desc holds the description's tokens while the item is prepared,
	// read once for every attribute that looks there (descTokens).
	desc     []string
	descRead bool

	gtin      gtinValue      // gtin.go
	brand     brandValue     // brand.go
	color     vocabValue     // color.go
	size      sizeValue      // size.go
	material  vocabValue     // material.go
	pack      packValue      // pack.go
	origin    originValue    // origin.go
	category  []string       // category.go: normalized path
	params    paramValues    // params.go
	condition conditionValue // condition.go
	compat    compatValue    // compat.go
	version   versionValue   // version.go
	numbers   numbersValue   // numbers.go
	measures  measureValue   // measures.go
	age       ageRange       // age.go
	ptype     typeValue      // producttype.go
	line      []string       // line.go: the line words after the brand
	// brandEnd is brandEnd's result once read (brandEndRead) while the
	// item is prepared: the line, color and compatibility readers each ask.
	brandEnd     int
	brandEndRead bool
	lineText     string         // line joined by spaces, as results show it
	names        []string       // line.go: the title's name words
	described    describedValue // described.go

	// weights caches the title keys' IDF under the last Env that asked
	// (keyWeights): a listing is compared with many offers.
	weights atomic.Pointer[keyWeights]
	// learned caches which title keys have learned word weights under the
	// last Env that asked (learnedKeys), as weights does their IDF.
	learned atomic.Pointer[learnedKeys]
}

// learnedKeys are the indexes of an item's title keys that one Env's words
// comparison reports.
type learnedKeys struct {
	env *Env
	idx []int
	// ww are the keys' learned weights (env.Words), nil for a key without
	// one (with AllWords, every key is reported, learned or not).
	ww []*WordWeight
}

// wordKeys returns the indexes of the item's title keys that env's words
// comparison reports (the learned words, or every key with AllWords),
// found once per item and Env and safe for concurrent use.
func (it *Item) wordKeys(env *Env) *learnedKeys {
	if lk := it.learned.Load(); lk != nil && lk.env == env {
		return lk
	}
	lk := &learnedKeys{env: env}
	var weights []WordWeight // side by side: one allocation, not one per word
	var at []int             // per reported key, its weight in weights; -1 for none
	for i, k := range it.text.keys {
		if ww, ok := env.Words[k]; ok {
			at, weights = append(at, len(weights)), append(weights, ww)
		} else if env.AllWords {
			at = append(at, -1)
		} else {
			continue
		}
		lk.idx = append(lk.idx, i)
	}
	lk.ww = make([]*WordWeight, len(at))
	for j, n := range at {
		if n >= 0 {
			lk.ww[j] = &weights[n] // weights grows no more: the pointers hold
		}
	}
	it.learned.Store(lk)
	return lk
}

// keyWeights are an item's title key weights under one Env.
type keyWeights struct {
	env *Env
	w   []float64
}

// keyIDF returns the IDF of each of the item's title keys under env,
// computed once per item and Env (a Scorer has one) and safe for
// concurrent use.
func (it *Item) keyIDF(env *Env) []float64 {
	if kw := it.weights.Load(); kw != nil && kw.env == env {
		return kw.w
	}
	w := make([]float64, len(it.text.keys))
	for i, k := range it.text.keys {
		w[i] = env.idf(k)
	}
	it.weights.Store(&keyWeights{env: env, w: w})
	return w
}

// Prepare normalizes and parses a record for comparison with the given
// vocabularies: the shared features, then each attribute's own.
func Prepare(r *Record, vs *Vocabularies) *Item {
	it := &Item{Rec: unescaped(r)}
	r = it.Rec
	it.text = readTitle(r.Title, r.Brand, r.Size, vs)
	it.codes = readCodes(r, it.text.keys, vs)
	for _, a := range attributes {
		if a.prepare != nil {
			a.prepare(it, vs)
		}
	}
	it.desc, it.descRead, it.brandEnd, it.brandEndRead = nil, false, 0, false // only the features are kept
	return it
}

// escapedQuotes writes a quote escaped with a backslash as the quote: text
// escaped twice on its way out of a shop's database or a JSON export
// (`13\" Drumhead`, `Levi\'s`) has a backslash before every quote, and an
// inch mark behind one is no inch mark to the readers.
var escapedQuotes = strings.NewReplacer(`\"`, `"`, `\'`, `'`)

// unescaped returns r, or a copy of it with its free-text fields' escaped
// quotes written as quotes (escapedQuotes) when it has any: the item keeps
// the text as its seller meant it, results show it so.
func unescaped(r *Record) *Record {
	if !strings.Contains(r.Title, `\`) && !strings.Contains(r.Description, `\`) && !strings.Contains(r.Size, `\`) {
		return r
	}
	c := *r
	c.Title = escapedQuotes.Replace(r.Title)
	c.Description = escapedQuotes.Replace(r.Description)
	c.Size = escapedQuotes.Replace(r.Size)
	return &c
}

// descTokens returns the description's tokens, read on first use while the
// item is prepared: a long description, with accents to fold, costs more
// to tokenize than the rest of a listing, and the color and condition
// features both read it.
func (it *Item) descTokens() []string {
	if !it.descRead {
		it.desc, it.descRead = Tokens(it.Rec.Description), true
	}
	return it.desc
}

func appendUnique[T comparable](s []T, v T) []T {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// sortedKeys returns the keys of m in order: maps are walked in a declared
// order wherever the walk shows in a result.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
