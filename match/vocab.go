package match

import (
	"crypto/sha256"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

//go:embed vocab/*.json
var vocabFS embed.FS

// term is one vocabulary entry: a canonical name, its family (a coarser
// class: navy and blue are both "blue") and the phrases that mean it.
type term struct {
	Name     string   `json:"name"`
	Family   string   `json:"family"`
	Synonyms []string `json:"synonyms"`
	// Abbreviations are short forms ("BLK", "WHT") read in a field of
	// their own ("BLK/RD" is black and red) but not in running text, where
	// they are too often something else ("RD" for road).
	Abbreviations []string `json:"abbreviations,omitempty"`
	// Sized marks a product type sold in letter or numbered sizes
	// (types.json): a size word in its title is its size.
	Sized bool `json:"sized,omitempty"`
	// Counted marks a product type sold by the unit (types.json): the
	// count its title states is the units the item holds, its pack
	// ("Coppertop AA, 8 Count" is eight batteries; a vitamin's "100 Count"
	// is one bottle's tablets).
	Counted bool `json:"counted,omitempty"`
	// NotInProse marks a term whose words running text uses for other
	// things (conditions.json: "can be used with", "as is common"): a
	// description does not state it.
	NotInProse bool `json:"not_in_prose,omitempty"`
	// Masks marks a phrase that holds the vocabulary's words and names
	// none of its values (colors.json: a "red dot" sight, "gold plated"
	// connectors): found, it hides its words and is read as nothing.
	Masks bool `json:"masks,omitempty"`
	// phraseKeys are the title keys of each phrase of two keys or more
	// (its name and synonyms), read once when the vocabulary loads.
	phraseKeys [][]string
}

// phraseIndex maps normalized phrases of one or more words to values and
// finds them in token lists, the longest phrase first at each position.
type phraseIndex[T any] struct {
	values map[string]T
	// longFrom holds, for each first word of a phrase of several words,
	// the longest such phrase in tokens.
	longFrom map[string]int
}

func newPhraseIndex[T any]() phraseIndex[T] {
	return phraseIndex[T]{values: map[string]T{}, longFrom: map[string]int{}}
}

// key returns the index key of a phrase (its tokens joined), noting its
// length; "" for a phrase without words.
func (x *phraseIndex[T]) key(phrase string) string {
	toks := Tokens(phrase)
	if len(toks) > 1 {
		x.longFrom[toks[0]] = max(x.longFrom[toks[0]], len(toks))
	}
	return strings.Join(toks, " ")
}

// scan calls hit with the value of each phrase found in toks, longest
// first at each position, and miss with each token that starts none.
func (x *phraseIndex[T]) scan(toks []string, hit func(T), miss func(tok string)) {
	for i := 0; i < len(toks); {
		n := min(max(1, x.longFrom[toks[i]]), len(toks)-i)
		for ; n >= 1; n-- {
			key := toks[i]
			if n > 1 {
				key = strings.Join(toks[i:i+n], " ")
			}
			if v, ok := x.values[key]; ok {
				hit(v)
				break
			}
		}
		if n == 0 {
			if miss != nil {
				miss(toks[i])
			}
			n = 1
		}
		i += n
	}
}

// vocabulary maps normalized phrases to terms and finds them in text.
type vocabulary struct {
	phrases phraseIndex[*term]
	// abbrev maps the terms' abbreviations, for fields.
	abbrev map[string]*term
	// names maps the terms' names to them (DecodeFeatures).
	names map[string]*term
}

// newVocabulary indexes the terms by every normalized phrase that names them.
func newVocabulary(terms []term) (*vocabulary, error) {
	v := &vocabulary{phrases: newPhraseIndex[*term](), abbrev: map[string]*term{}, names: map[string]*term{}}
	for i := range terms {
		t := &terms[i]
		if t.Family == "" {
			t.Family = t.Name
		}
		v.names[t.Name] = t
		for _, p := range append([]string{t.Name}, t.Synonyms...) {
			key := v.phrases.key(p)
			if key == "" {
				return nil, fmt.Errorf("term %q has an empty phrase", t.Name)
			}
			if prev, dup := v.phrases.values[key]; dup && prev != t {
				return nil, fmt.Errorf("phrase %q names both %q and %q", p, prev.Name, t.Name)
			}
			v.phrases.values[key] = t
			if keys := TitleKeys(Tokens(p)); len(keys) >= 2 {
				t.phraseKeys = append(t.phraseKeys, keys)
			}
		}
		for _, a := range t.Abbreviations {
			key := Normalize(a)
			if prev, dup := v.abbrev[key]; dup && prev != t || key == "" {
				return nil, fmt.Errorf("abbreviation %q of %q is empty or names %q too", a, t.Name, prev.Name)
			}
			v.abbrev[key] = t
		}
	}
	return v, nil
}

// Lookup returns the term that the whole of s names, if any.
func (v *vocabulary) Lookup(s string) (*term, bool) {
	t, ok := v.phrases.values[Normalize(s)]
	return t, ok
}

// Named returns the name of the term that the whole of s names, by a
// phrase or an abbreviation, and whether there is one.
func (v *vocabulary) Named(s string) (string, bool) {
	n := Normalize(s)
	if t, ok := v.phrases.values[n]; ok {
		return t.Name, true
	}
	if t, ok := v.abbrev[n]; ok {
		return t.Name, true
	}
	return "", false
}

// Find returns the distinct terms named in toks, longest phrase first at each
// position, in order of appearance.
func (v *vocabulary) Find(toks []string) []*term { return v.find(toks, false) }

// find is Find; with abbrev, a token that is no phrase may be an
// abbreviation (in a field of its own).
func (v *vocabulary) find(toks []string, abbrev bool) []*term {
	var out []*term
	add := func(t *term) {
		if !t.Masks && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	var miss func(string)
	if abbrev {
		miss = func(tok string) {
			if t, ok := v.abbrev[tok]; ok {
				add(t)
			}
		}
	}
	v.phrases.scan(toks, add, miss)
	return out
}

// Vocabularies are the general word lists the comparisons use: colors,
// materials, countries and brand aliases. They ship as JSON data in
// match/vocab.
type Vocabularies struct {
	colors     *vocabulary
	materials  *vocabulary
	countries  *vocabulary
	conditions *vocabulary
	// sizes are size names a size column writes several ways ("QN",
	// "Queen Size"; vocab/sizes.json).
	sizes *vocabulary
	// params are parameter values written several ways ("HC",
	// "Hardcover"; "Men's", "Mens"; vocab/params.json), read as a whole
	// value of a named parameter.
	params *vocabulary
	// types are the product types (vocab/types.json): what an item is.
	types *vocabulary
	// specs are the prefixes of spec and version tokens (vocab/specs.json):
	// "win32", "ddr4" are no model codes.
	specs map[string]bool
	// rated are the prefixes of rated memory specs (vocab/specs.json):
	// "ddr3l", "ddr31600" are no model codes.
	rated []string
	// brandAlias maps a normalized brand key to its canonical key.
	brandAlias map[string]string
	// suffixes are corporate suffixes dropped from brand names.
	suffixes map[string]bool
	// notBrands are words that lead titles without naming a brand
	// (vocab/brands.json: "MENS", "CASE", "ORGANIC").
	notBrands map[string]bool
	// owners maps a canonical brand key to the keys of the companies that
	// own it (vocab/brand_owners.json): supplier files name the owner
	// ("UNILEVER") where listings name the brand ("Dove").
	owners map[string][]string
	// ownerKey maps every name of an owning company to its key.
	ownerKey map[string]string
	// versions are the values of vocab/versions.json's facets, read in one
	// pass over a title.
	versions phraseIndex[[]facetValue]
	// versionShort are the versions' short forms (versions.json:
	// abbreviations): one word that names a value ("d" of "d cell") only
	// where the other title names a value of its facet.
	versionShort map[string][]facetValue
	// facetRules are how each facet of versions counts (conflict_only,
	// one_side); a facet not in it counts both ways.
	facetRules map[string]facetRule
	// words expands abbreviations in titles ("orig" -> "original";
	// vocab/abbreviations.json), other languages' product words into
	// English ("farbstifte" -> "colored pencils"; vocab/translations.json),
	// and one-word brand aliases (brandWords).
	words      map[string][]string
	brandWords [][2][]string
	// extra identifies what was added to the embedded files
	// (WithAbbreviations); "" for the embedded files alone.
	extra string
}

// Fingerprint identifies the vocabularies among those of one build: ""
// for the embedded files, a hash of what was added otherwise. Features
// prepared under one fingerprint may be decoded under the same one only.
func (vs *Vocabularies) Fingerprint() string { return vs.extra }

// namesNoBrand reports whether a word is one of the vocabularies' own (a
// kind of product, a color, a material, a country, a condition, an edition
// or a merchandising word): a title that leads with it names no brand. w
// is a title token, normalized already.
func (vs *Vocabularies) namesNoBrand(w string) bool {
	if vs.notBrands[w] || unitKeys[w] != "" || measureWords[w] || isType(vs, w) || isColor(vs, w) {
		return true
	}
	for _, v := range [...]*vocabulary{vs.materials, vs.countries, vs.conditions} {
		if _, ok := v.phrases.values[w]; ok { // w is a token: normalized already
			return true
		}
	}
	_, ok := vs.versions.values[w]
	return ok || len(vs.versionShort[w]) > 0
}

// WithAbbreviations returns vocabularies that also expand the given short
// words (normalized, one word each) into theirs (Config.Abbreviations);
// vs is not changed. Without any it returns vs.
func (vs *Vocabularies) WithAbbreviations(words map[string]string) *Vocabularies {
	if len(words) == 0 {
		return vs
	}
	c := *vs
	c.words = maps.Clone(vs.words)
	h := sha256.New()
	io.WriteString(h, vs.extra)
	for _, short := range sortedKeys(words) {
		c.words[short] = Tokens(words[short])
		fmt.Fprintf(h, "%q=%q;", short, words[short])
	}
	c.extra = fmt.Sprintf("%x", h.Sum(nil)[:8])
	return &c
}

// LoadVocabularies reads the embedded vocabulary files.
func LoadVocabularies() (*Vocabularies, error) {
	var vs Vocabularies
	for _, f := range []struct {
		name string
		dst  **vocabulary
	}{{"colors", &vs.colors}, {"materials", &vs.materials}, {"countries", &vs.countries}, {"conditions", &vs.conditions}, {"sizes", &vs.sizes}, {"params", &vs.params}} {
		var terms []term
		if err := decodeVocab(f.name+".json", &terms); err != nil {
			return nil, err
		}
		v, err := newVocabulary(terms)
		if err != nil {
			return nil, fmt.Errorf("match: vocab %s: %w", f.name, err)
		}
		*f.dst = v
	}
	var types struct {
		Comment string `json:"comment"`
		Types   []term `json:"types"`
	}
	if err := decodeVocab("types.json", &types); err != nil {
		return nil, err
	}
	t, err := newVocabulary(withPlurals(types.Types))
	if err != nil {
		return nil, fmt.Errorf("match: vocab types: %w", err)
	}
	vs.types = t
	var specs struct {
		Comment      string   `json:"comment"`
		Prefixes     []string `json:"prefixes"`
		RatedComment string   `json:"rated_comment"`
		Rated        []string `json:"rated"`
	}
	if err := decodeVocab("specs.json", &specs); err != nil {
		return nil, err
	}
	vs.specs = map[string]bool{}
	for _, p := range specs.Prefixes {
		if toks := Tokens(p); len(toks) != 1 || hasDigit(p) {
			return nil, fmt.Errorf("match: vocab specs.json: prefix %q is not one word of letters", p)
		}
		vs.specs[Normalize(p)] = true
	}
	for _, p := range specs.Rated {
		if toks := Tokens(p); len(toks) != 1 || hasDigit(p) {
			return nil, fmt.Errorf("match: vocab specs.json: rated prefix %q is not one word of letters", p)
		}
		vs.rated = append(vs.rated, Normalize(p))
	}
	var brands struct {
		NotBrandsComment string     `json:"not_brands_comment"`
		NotBrands        []string   `json:"not_brands"`
		Suffixes         []string   `json:"suffixes"`
		Aliases          [][]string `json:"aliases"`
	}
	if err := decodeVocab("brands.json", &brands); err != nil {
		return nil, err
	}
	vs.notBrands = map[string]bool{}
	for _, w := range brands.NotBrands {
		if toks := Tokens(w); len(toks) != 1 {
			return nil, fmt.Errorf("match: vocab brands.json: not_brands %q is not one word", w)
		}
		vs.notBrands[Normalize(w)] = true
	}
	vs.suffixes = map[string]bool{}
	for _, s := range brands.Suffixes {
		vs.suffixes[Normalize(s)] = true
	}
	vs.brandAlias = map[string]string{}
	for _, group := range brands.Aliases {
		if len(group) < 2 {
			return nil, fmt.Errorf("match: vocab brands.json: alias group %v needs two names", group)
		}
		canon := Compact(group[0])
		for _, name := range group {
			vs.brandAlias[Compact(name)] = canon
		}
		// A one-word alias of a name of several words reads as that name
		// in titles ("COKE" is Coca-Cola).
		if long := Tokens(group[0]); len(long) > 1 {
			for _, name := range group[1:] {
				if t := Tokens(name); len(t) == 1 {
					vs.brandWords = append(vs.brandWords, [2][]string{t, long})
				}
			}
		}
	}
	var abbrev struct {
		Comment string            `json:"comment"`
		Words   map[string]string `json:"words"`
	}
	if err := decodeVocab("abbreviations.json", &abbrev); err != nil {
		return nil, err
	}
	vs.words = make(map[string][]string, len(abbrev.Words))
	for short, long := range abbrev.Words {
		k, v := Tokens(short), Tokens(long)
		if len(k) != 1 || len(v) == 0 {
			return nil, fmt.Errorf("match: vocab abbreviations.json: %q -> %q: want one word for several", short, long)
		}
		vs.words[k[0]] = v
	}
	if err := vs.addTranslations(); err != nil {
		return nil, err
	}
	for _, bw := range vs.brandWords {
		if _, taken := vs.words[bw[0][0]]; !taken {
			vs.words[bw[0][0]] = bw[1]
		}
	}
	var versions struct {
		Comment string `json:"comment"`
		Facets  []struct {
			Facet        string `json:"facet"`
			ConflictOnly bool   `json:"conflict_only,omitempty"`
			OneSide      bool   `json:"one_side,omitempty"`
			Plain        string `json:"plain,omitempty"`
			Values       []term `json:"values"`
			// AfterNumber are words that name a value of a one_side
			// facet only right after a model's number ("1660 Super",
			// "5500 XT"): alone they are a shop's words ("Super Glue").
			AfterNumber []string `json:"after_number,omitempty"`
		} `json:"facets"`
	}
	if err := decodeVocab("versions.json", &versions); err != nil {
		return nil, err
	}
	// One phrase may name a value in several facets ("original" is a
	// flavor and a scent), but only one value of a facet.
	vs.versions = newPhraseIndex[[]facetValue]()
	vs.facetRules = map[string]facetRule{}
	for _, f := range versions.Facets {
		if f.ConflictOnly || f.OneSide {
			r := facetRule{conflictOnly: f.ConflictOnly, oneSide: f.OneSide, plain: f.Plain}
			if len(f.AfterNumber) > 0 && !f.OneSide {
				return nil, fmt.Errorf("match: vocab versions.json: facet %s: after_number needs a one_side facet", f.Facet)
			}
			for _, w := range f.AfterNumber {
				toks := Tokens(w)
				if len(toks) != 1 {
					return nil, fmt.Errorf("match: vocab versions.json: facet %s: after_number %q is not one word", f.Facet, w)
				}
				r.afterNumber = append(r.afterNumber, toks[0])
			}
			if f.OneSide {
				r.words = map[string][]string{}
				for _, t := range f.Values {
					for _, p := range append([]string{t.Name}, t.Synonyms...) {
						if toks := Tokens(p); len(toks) == 1 {
							r.words[t.Name] = append(r.words[t.Name], toks[0])
						}
					}
				}
			}
			vs.facetRules[f.Facet] = r
		}
		if f.Plain != "" && (!f.OneSide || !slices.ContainsFunc(f.Values, func(t term) bool { return t.Name == f.Plain })) {
			return nil, fmt.Errorf("match: vocab versions.json: facet %s: plain %q is no value of a one_side facet", f.Facet, f.Plain)
		}
		for _, t := range f.Values {
			for _, p := range append([]string{t.Name}, t.Synonyms...) {
				key := vs.versions.key(p)
				if key == "" {
					return nil, fmt.Errorf("match: vocab versions.json: facet %s: value %q has an empty phrase", f.Facet, t.Name)
				}
				for _, fv := range vs.versions.values[key] {
					if fv.facet == f.Facet && fv.value != t.Name {
						return nil, fmt.Errorf("match: vocab versions.json: facet %s: phrase %q names both %q and %q", f.Facet, p, fv.value, t.Name)
					}
				}
				vs.versions.values[key] = append(vs.versions.values[key], facetValue{facet: f.Facet, value: t.Name})
			}
			// A value's short forms ("d" of "d cell") name it only
			// against a title that names another value of its facet.
			for _, a := range t.Abbreviations {
				toks := Tokens(a)
				if len(toks) != 1 {
					return nil, fmt.Errorf("match: vocab versions.json: facet %s: value %q: short form %q is not one word", f.Facet, t.Name, a)
				}
				if vs.versionShort == nil {
					vs.versionShort = map[string][]facetValue{}
				}
				vs.versionShort[toks[0]] = append(vs.versionShort[toks[0]], facetValue{facet: f.Facet, value: t.Name})
			}
		}
	}
	var owners struct {
		Owners []struct {
			Owner  string   `json:"owner"`
			Names  []string `json:"names"`
			Brands []string `json:"brands"`
		} `json:"owners"`
	}
	if err := decodeVocab("brand_owners.json", &owners); err != nil {
		return nil, err
	}
	vs.owners, vs.ownerKey = map[string][]string{}, map[string]string{}
	for _, o := range owners.Owners {
		key := vs.canonicalBrand(vs.BrandKey(o.Owner))
		if key == "" || len(o.Brands) == 0 {
			return nil, fmt.Errorf("match: vocab brand_owners.json: owner %q needs a name and brands", o.Owner)
		}
		for _, n := range append([]string{o.Owner}, o.Names...) {
			nk := vs.canonicalBrand(vs.BrandKey(n))
			if prev, dup := vs.ownerKey[nk]; dup && prev != key {
				return nil, fmt.Errorf("match: vocab brand_owners.json: %q names owner %q and %q: one entry per owner", n, prev, key)
			}
			vs.ownerKey[nk] = key
		}
		for _, b := range o.Brands {
			bk := vs.canonicalBrand(vs.BrandKey(b))
			if !slices.Contains(vs.owners[bk], key) {
				vs.owners[bk] = append(vs.owners[bk], key)
			}
		}
	}
	return &vs, nil
}

// specToken splits a spec or version token ("win32", "ddr4") into its
// prefix and number; ok is false for anything else.
func (vs *Vocabularies) specToken(t string) (prefix, number string, ok bool) {
	i := strings.IndexFunc(t, func(r rune) bool { return r >= '0' && r <= '9' })
	if i <= 0 || len(t)-i > 3 || !isDigits(t[i:]) || !vs.specs[t[:i]] {
		return "", "", false
	}
	return t[:i], t[i:], true
}

// ratedSpec reports whether compact token t is a rated memory spec: a
// rated prefix, one generation digit, maybe one letter, and maybe a speed
// of three to five digits ("ddr3l", "ddr31600", "lpddr4x4266").
func (vs *Vocabularies) ratedSpec(t string) bool {
	for _, p := range vs.rated {
		rest, ok := strings.CutPrefix(t, p)
		if !ok || rest == "" || !isDigit(rest[0]) {
			continue
		}
		rest = rest[1:]
		if rest != "" && rest[0] >= 'a' && rest[0] <= 'z' {
			rest = rest[1:]
		}
		if rest == "" || len(rest) >= 3 && len(rest) <= 5 && isDigits(rest) {
			return true
		}
	}
	return false
}

// withPlurals adds to each term the plural and the singular of each of its
// phrases (the last word's: "drill bits" -> "drill bit"), unless a term
// names that phrase already.
func withPlurals(terms []term) []term {
	named := map[string]bool{}
	for _, t := range terms {
		for _, p := range append([]string{t.Name}, t.Synonyms...) {
			named[strings.Join(Tokens(p), " ")] = true
		}
	}
	out := make([]term, len(terms))
	for i, t := range terms {
		t.Synonyms = slices.Clone(t.Synonyms)
		for _, p := range append([]string{t.Name}, t.Synonyms...) {
			toks := Tokens(p)
			if len(toks) == 0 {
				continue
			}
			last := toks[len(toks)-1]
			for _, form := range []string{plural(last), singular(last)} {
				toks[len(toks)-1] = form
				if f := strings.Join(toks, " "); !named[f] {
					named[f] = true
					t.Synonyms = append(t.Synonyms, f)
				}
			}
		}
		out[i] = t
	}
	return out
}

// plural is the English plural of a singular noun by suffix rules; a word
// that ends in s is taken as plural already.
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "s"):
		return w
	case strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case len(w) > 1 && strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// facetRule is how a facet of versions counts: conflictOnly, a shared
// value is no evidence (most candidates are "large", "adult" or
// "ground"), only a different one is; oneSide, a value named by one record
// only is evidence of another item ("iPhone 15 Pro" against "iPhone 15", a
// bundle against the console alone); plain, the one_side facet's value that
// names the plain item ("standard edition"): named by one record only, it
// says nothing, but against another value it conflicts.
type facetRule struct {
	conflictOnly, oneSide bool
	plain                 string
	// words are a one_side facet's values' one-word phrases, by value
	// ("reduced fat": "lite"): a brand's word ("Tripp Lite") names none.
	words map[string][]string
	// afterNumber are words that name a value only right after a model's
	// number (versions.json after_number), each its own value.
	afterNumber []string
}

// valueOf returns the value of a one_side facet that the word t names
// alone, other than the facet's plain value, or "".
func (r facetRule) valueOf(t string) string {
	for v, ws := range r.words {
		if v != r.plain && slices.Contains(ws, t) {
			return v
		}
	}
	return ""
}

// tierAfter returns the value the word w after a model's number names: a
// value's word (valueOf), or with afterNumber one of the facet's
// after_number words ("1660 Super"), or "".
func (r facetRule) tierAfter(w string, afterNumber bool) string {
	if afterNumber && r.onlyAfterNumber(w) {
		return w
	}
	return r.valueOf(w)
}

// onlyAfterNumber reports whether w names a tier only right after a
// number (an after_number word: Super, Ti, XT), not wherever it stands.
func (r facetRule) onlyAfterNumber(w string) bool {
	return r.valueOf(w) == "" && slices.Contains(r.afterNumber, w)
}

// facetValue is one value of one facet of versions.
type facetValue struct{ facet, value string }

// translations is vocab/translations.json: per language, words and their
// American English.
type translations struct {
	Comment   string                       `json:"comment"`
	Languages map[string]map[string]string `json:"languages"`
}

// addTranslations adds vocab/translations.json's words to vs.words.
func (vs *Vocabularies) addTranslations() error {
	var tr translations
	if err := decodeVocab("translations.json", &tr); err != nil {
		return err
	}
	if err := addTranslated(vs.words, tr); err != nil {
		return fmt.Errorf("match: vocab translations.json: %w", err)
	}
	return nil
}

// addTranslated adds tr's words to words (the abbreviations already in
// it): each key one folded word, its English other words, and no spelling
// given two meanings, by two languages or by a language and an
// abbreviation.
func addTranslated(words map[string][]string, tr translations) error {
	from := map[string]string{}
	for _, lang := range slices.Sorted(maps.Keys(tr.Languages)) {
		ws := tr.Languages[lang]
		for _, w := range slices.Sorted(maps.Keys(ws)) {
			k, v := Tokens(w), Tokens(ws[w])
			switch {
			case len(k) != 1 || len(v) == 0:
				return fmt.Errorf("%s %q -> %q: want one word for one or more", lang, w, ws[w])
			case slices.Equal(k, v):
				return fmt.Errorf("%s %q is its own English", lang, w)
			}
			if prev, ok := words[k[0]]; ok && !slices.Equal(prev, v) {
				by := from[k[0]]
				if by == "" {
					by = "abbreviations.json"
				}
				return fmt.Errorf("%s %q means %q, but %s reads %q as %q", lang, w, ws[w], by, k[0], strings.Join(prev, " "))
			}
			words[k[0]] = v
			from[k[0]] = lang
		}
	}
	return nil
}

// expand replaces the abbreviations among title tokens by their words.
func (vs *Vocabularies) expand(toks []string) []string {
	var out []string
	for i, t := range toks {
		long, ok := vs.words[t]
		if !ok {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(toks)+2), toks[:i]...)
		}
		out = append(out, long...)
	}
	if out == nil {
		return toks
	}
	return out
}

// ownedLead returns how many leading tokens (up to three) name a brand
// that the company (a key of company) owns ("OLD SPICE" of "OLD SPICE
// AP/DEO SWAGGER" where the brand column says PROCTER & GAMBLE), or 0.
func (vs *Vocabularies) ownedLead(company string, toks []string) int {
	if company == "" {
		return 0
	}
	for n := min(3, len(toks)); n >= 1; n-- {
		if slices.Contains(vs.owners[vs.canonicalBrand(vs.brandKey(toks[:n]))], company) {
			return n
		}
	}
	return 0
}

// company returns the key of the brand-owning company a name (its Tokens)
// stands for, or "": the whole name, else its longest leading words that
// name one ("MARS PETCARE US" is Mars).
func (vs *Vocabularies) company(toks []string) string {
	for n := len(toks); n >= 1; n-- {
		t := toks[:n]
		for len(t) > 1 && vs.suffixes[t[len(t)-1]] {
			t = t[:len(t)-1]
		}
		if o, ok := vs.ownerKey[vs.canonicalBrand(strings.Join(t, ""))]; ok {
			return o
		}
	}
	return ""
}

func decodeVocab(name string, dst any) error {
	f, err := vocabFS.Open("vocab/" + name)
	if err != nil {
		return fmt.Errorf("match: vocab %s: %w", name, err)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return fmt.Errorf("match: vocab %s: %w", name, err)
	}
	return nil
}

// BrandKey normalizes a brand name for comparison: folded, corporate
// suffixes removed, punctuation and spaces dropped ("Sony Corp." -> "sony",
// "Procter & Gamble Co." -> "procterandgamble"), a maker named after "by"
// too ("Howard Leight by Honeywell" -> "howardleight").
func (vs *Vocabularies) BrandKey(brand string) string {
	own, _ := splitMaker(Tokens(brand))
	return vs.brandKey(own)
}

// brandKey is BrandKey of a brand's Tokens.
func (vs *Vocabularies) brandKey(toks []string) string {
	return strings.Join(vs.brandName(toks), "")
}

// brandName returns a brand's Tokens without the corporate suffixes that
// end them ("leviton mfg co" -> "leviton").
func (vs *Vocabularies) brandName(toks []string) []string {
	for len(toks) > 1 && vs.suffixes[toks[len(toks)-1]] {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// knownBrand reports whether a brand key is one the vocabularies name: an
// alias, a brand-owning company or a brand one owns.
func (vs *Vocabularies) knownBrand(key string) bool {
	_, alias := vs.brandAlias[key]
	_, owner := vs.ownerKey[vs.canonicalBrand(key)]
	_, owned := vs.owners[vs.canonicalBrand(key)]
	return alias || owner || owned
}

// canonicalBrand maps a brand key to the key of its alias group.
func (vs *Vocabularies) canonicalBrand(key string) string {
	if c, ok := vs.brandAlias[key]; ok {
		return c
	}
	return key
}

// vocabValue is a feature named by a vocabulary (color, material): the
// normalized field, the terms read, and where they were read from.
type vocabValue struct {
	field string // normalized field
	terms []*term
	from  Source
	text  string // as results show it (shown), set once read or decoded
}

// read reads an attribute named by this vocabulary: from its field when
// set (the whole field as one phrase, else the phrases in it), else from the
// title when the title names exactly one term ("black and white" does not
// say which).
func (v *vocabulary) read(field string, titleTokens []string) vocabValue {
	if norm := Normalize(field); norm != "" && !noValue[norm] {
		if t, ok := v.Lookup(field); ok {
			return vocabValue{field: norm, terms: []*term{t}, from: FromField}
		}
		if ts := v.find(Tokens(field), true); len(ts) > 0 {
			return vocabValue{field: norm, terms: ts, from: FromField}
		}
		// A code the vocabulary does not know ("TTN"): the one term the
		// title names, if any, says what it is.
		if ts := v.Find(titleTokens); len(ts) == 1 {
			return vocabValue{field: norm, terms: ts, from: FromTitle}
		}
		return vocabValue{field: norm, from: FromField}
	}
	if ts := v.Find(titleTokens); len(ts) == 1 {
		return vocabValue{terms: ts, from: FromTitle}
	}
	return vocabValue{}
}

// noValue are field values that state nothing ("N/A", "NONE"): read as
// empty, so the title may speak.
var noValue = map[string]bool{"na": true, "n a": true, "none": true, "null": true, "unknown": true, "not applicable": true, "no color": true, "nocolor": true}

// shown is the value as a result shows it: the field as given, or the terms
// read with their source ("black (title)").
func (x *vocabValue) shown(raw string) string {
	if x.from == FromField || x.from == NoSource {
		return raw
	}
	return x.from.shown(raw, termNames(x.terms))
}

// shows sets the value's text (shown) from its record's field raw, and
// returns the value.
func (x vocabValue) shows(raw string) vocabValue {
	x.text = x.shown(raw)
	return x
}

// within reports whether every word of the normalized value x is a word of y.
func within(x, y string) bool {
	ys := strings.Fields(y)
	for _, w := range strings.Fields(x) {
		if !slices.Contains(ys, w) {
			return false
		}
	}
	return true
}

// compareVocab compares two values that name vocabulary terms (colors,
// materials): equal text, the same term through a synonym, the same family,
// or a conflict. A value read from a title (the field was empty) counts the
// same as a field: "Silver" in one title against a "Black" field is a color
// conflict.
func compareVocab(a, b *vocabValue, rawA, rawB string) Outcome {
	if a.field == "" && len(a.terms) == 0 || b.field == "" && len(b.terms) == 0 {
		return missing(rawA, rawB)
	}
	if a.field != "" && a.field == b.field {
		return Outcome{Level: Exact, A: rawA, B: rawB}
	}
	if len(a.terms) == 0 || len(b.terms) == 0 {
		// At least one value is outside the vocabulary.
		if a.field != "" && b.field != "" {
			if len(a.terms) == 0 && len(b.terms) == 0 && (within(a.field, b.field) || within(b.field, a.field)) {
				// "STAINLESS" and "Stainless Steel": one value the
				// other's shorter name, no conflict, and no term to
				// agree on ("Black Stainless" names black: not here).
				o := missing(rawA, rawB)
				o.Evidence = "one value within the other"
				return o
			}
			return Outcome{Level: Conflict, A: rawA, B: rawB, Evidence: "different values"}
		}
		return missing(rawA, rawB)
	}
	var names, families []string
	for _, x := range a.terms {
		for _, y := range b.terms {
			if x == y {
				names = append(names, x.Name)
			} else if x.Family == y.Family {
				families = append(families, x.Family)
			}
		}
	}
	switch {
	case len(names) > 0 && len(a.terms) == len(b.terms) && len(names) == len(a.terms):
		return Outcome{Level: Synonym, A: rawA, B: rawB, Evidence: strings.Join(names, ", ")}
	case len(names) > 0 || len(families) > 0:
		return Outcome{Level: Family, A: rawA, B: rawB, Evidence: "family " + strings.Join(append(names, families...), ", ")}
	}
	return Outcome{Level: Conflict, A: rawA, B: rawB, Evidence: termNames(a.terms) + " vs " + termNames(b.terms),
		Stated: a.from == FromField && b.from == FromField}
}

func termNames(ts []*term) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.Name
	}
	return strings.Join(s, "+")
}
