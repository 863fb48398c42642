package match

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Item is a Record prepared for comparison: every field normalized and
// parsed once, so that scoring an offer against many listings repeats no
// parsing. Build one with Prepare; an Item is read-only afterwards and safe to
// share between goroutines.
type Item struct {
	Rec *Record

	gtins    []GTIN   // valid GTINs, 14-digit form
	badGTINs []string // GTINs that failed validation, with the reason

	brandKey  string // BrandKey of the brand field
	brandName string // canonical alias key of brandKey

	titleTokens []string // normalized title tokens, in order
	titleKeys   []string // TitleKeys of the title: what titles are compared on
	titleSet    map[string]bool
	titleJoins  map[string]span // adjacent title keys joined
	pieces      map[string]bool // title keys that are codes or pieces of one

	model    string   // compact model field
	modelRaw string   // model field as given
	codes    []string // compact code-like tokens from title and description
	allCodes map[string]bool
	// compactText is the title and model with every separator removed, to
	// find a code however it was spelled ("DAV-IS50 / B").
	compactText string
	colors      []*term // from the color field, or the title when empty
	colorField  string  // normalized color field
	colorTitle  bool    // colors were read from the title
	sizeQ       []Quantity
	sizeField   string // normalized size field
	sizeTitle   bool   // sizeQ was read from the title
	materials   []*term
	matField    string
	matTitle    bool
	pack        int // stated pack count, 0 when not stated
	packFrom    string
	origin      *term
	originRaw   string
	category    []string // normalized category path
	params      map[string]string
	paramQ      map[string][]Quantity
}

// codeTokens splits text into candidate code tokens: runs of letters,
// digits and the joiners that codes use ("-", "/", "."), starting and ending
// with a letter or digit.
func codeTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isLetterOrDigit(r) {
			i += n
			continue
		}
		end := i + n // just past the last letter or digit
		j := end
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isLetterOrDigit(r) {
				j += n
				end = j
			} else if r == '-' || r == '/' || r == '.' {
				j += n
			} else {
				break
			}
		}
		out = append(out, s[i:end])
		i = end
	}
	return out
}

func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.N)
}

// ExtractCodes returns the code-like tokens of s in compact form: tokens that
// mix letters and digits and are at least 4 characters long ("WH-1000XM4",
// "L8SK3"), or digit groups joined by a hyphen ("910-006557"), excluding
// quantities ("500ml", "128GB") and ordinals.
func ExtractCodes(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range codeTokens(fold(s)) {
		c := Compact(tok)
		if len(c) < 4 || seen[c] {
			continue
		}
		letters, digits := 0, 0
		for _, r := range c {
			if r >= '0' && r <= '9' {
				digits++
			} else {
				letters++
			}
		}
		// Letters with digits, or digit groups joined by a hyphen. (Bare
		// six-digit numbers as codes: +0.2 F1 on Abt-Buy, -1.3 on
		// Walmart-Amazon, so no.)
		isCode := (letters > 0 && digits > 0) || (letters == 0 && digits >= 5 && strings.ContainsAny(tok, "-/"))
		if !isCode || isOrdinalOrPack(c) {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out
}

// wordyRE matches a number followed by a word or a unit-like suffix
// ("49ers", "14mp", "16channel", "1080p", "3in1"): descriptions, not codes.
var wordyRE = regexp.MustCompile(`^\d+([a-z]{2,}|[pikxgwvhsml]|[a-z]+\d[a-z]*)$`)

func isOrdinalOrPack(c string) bool { return wordyRE.MatchString(c) }

// CodePiece reports whether title key k is the compact code or a piece of
// it ("ck" and "61480" of "ck61480").
func CodePiece(k, code string) bool { return len(k) >= 2 && strings.Contains(code, k) }

// codePiece reports whether title key k is one of the codes or a piece of
// one.
func codePiece(k string, codes map[string]bool) bool {
	for c := range codes {
		if CodePiece(k, c) {
			return true
		}
	}
	return false
}

// Prepare normalizes and parses a record for comparison with the given
// vocabularies.
func Prepare(r *Record, vs *Vocabularies) *Item {
	it := &Item{Rec: r}
	for _, g := range r.GTINs {
		if strings.TrimSpace(g) == "" {
			continue
		}
		v, err := ParseGTIN(g)
		if err != nil {
			it.badGTINs = append(it.badGTINs, err.Error())
			continue
		}
		it.gtins = appendUnique(it.gtins, v)
	}
	it.brandKey = vs.BrandKey(r.Brand)
	it.brandName = vs.CanonicalBrand(it.brandKey)

	it.titleTokens = Tokens(spellInchMarks(r.Title))
	it.titleKeys = TitleKeys(it.titleTokens)
	it.titleSet = toSet(it.titleKeys)
	it.titleJoins = joins(it.titleKeys)

	it.modelRaw = strings.TrimSpace(r.Model)
	it.model = Compact(r.Model)
	// Codes come from the title; the description only speaks when the
	// title has none (descriptions name accessories and other models).
	it.codes = ExtractCodes(spellInchMarks(r.Title))
	if len(it.codes) == 0 && r.Description != "" {
		it.codes = ExtractCodes(r.Description)
	}
	it.compactText = Compact(r.Title + " " + r.Model)
	it.allCodes = map[string]bool{}
	for _, c := range it.codes {
		it.allCodes[c] = true
	}
	if it.model != "" {
		it.allCodes[it.model] = true
	}
	for _, k := range it.titleKeys {
		if codePiece(k, it.allCodes) {
			if it.pieces == nil {
				it.pieces = map[string]bool{}
			}
			it.pieces[k] = true
		}
	}

	it.colorField, it.colors, it.colorTitle = vs.Colors.read(r.Color, it.titleTokens)
	if it.colorField == "" && len(it.colors) == 0 && r.Description != "" {
		// A description that names one color speaks for a title that names none.
		_, it.colors, it.colorTitle = vs.Colors.read("", Tokens(r.Description))
	}

	it.sizeField = Normalize(r.Size)
	if it.sizeField != "" {
		it.sizeQ = ParseSize(r.Size)
	}
	if len(it.sizeQ) == 0 {
		if qs := ParseQuantities(r.Title); len(qs) > 0 {
			it.sizeQ, it.sizeTitle = qs, true
		}
	}

	it.matField, it.materials, it.matTitle = vs.Materials.read(r.Material, it.titleTokens)

	if r.PackCount > 0 {
		it.pack, it.packFrom = r.PackCount, "pack_count"
	} else if n := ParsePackCount(r.Packaging); n > 0 {
		it.pack, it.packFrom = n, "packaging"
	} else if n := ParsePackCount(r.Title); n > 0 {
		it.pack, it.packFrom = n, "title"
	}

	it.originRaw = strings.TrimSpace(r.Origin)
	if it.originRaw != "" {
		if t, ok := vs.Countries.Lookup(strings.TrimPrefix(Normalize(r.Origin), "made in ")); ok {
			it.origin = t
		}
	}

	if c := strings.TrimSpace(r.Category); c != "" {
		for _, level := range strings.Split(c, ">") {
			if n := Normalize(level); n != "" {
				it.category = append(it.category, n)
			}
		}
	}

	if len(r.Params) > 0 {
		it.params = make(map[string]string, len(r.Params))
		it.paramQ = make(map[string][]Quantity, len(r.Params))
		for k, v := range r.Params {
			nk, nv := Normalize(k), Normalize(v)
			if nk == "" || nv == "" {
				continue
			}
			it.params[nk] = nv
			if qs := ParseQuantities(v); len(qs) > 0 {
				it.paramQ[nk] = qs
			}
		}
	}
	return it
}

// read reads an attribute named by this vocabulary: from its field when
// set (the whole field as one phrase, else the phrases in it), else from the
// title when the title names exactly one term ("black and white" does not
// say which). It returns the normalized field, the terms and whether they
// came from the title.
func (v *Vocabulary) read(field string, titleTokens []string) (norm string, terms []*term, fromTitle bool) {
	norm = Normalize(field)
	if norm != "" {
		if t, ok := v.Lookup(field); ok {
			return norm, []*term{t}, false
		}
		return norm, v.Find(Tokens(field)), false
	}
	if ts := v.Find(titleTokens); len(ts) == 1 {
		return "", ts, true
	}
	return "", nil, false
}

// GTINs returns the item's valid GTINs in 14-digit form.
func (it *Item) GTINs() []GTIN { return it.gtins }

// InvalidGTINs returns why each of the record's invalid GTINs was refused.
func (it *Item) InvalidGTINs() []string { return it.badGTINs }

// BrandKey returns the normalized brand (see Vocabularies.BrandKey).
func (it *Item) BrandKey() string { return it.brandKey }

// TitleTokens returns the normalized title tokens.
func (it *Item) TitleTokens() []string { return it.titleTokens }

// TitleKeys returns the distinct title keys (see TitleKeys), in order: the
// terms the title comparison and retrieval use.
func (it *Item) TitleKeys() []string { return it.titleKeys }

// Codes returns the compact model field (if any) followed by the code-like
// tokens of the title and description.
func (it *Item) Codes() []string {
	out := make([]string, 0, len(it.codes)+1)
	if it.model != "" {
		out = append(out, it.model)
	}
	for _, c := range it.codes {
		if c != it.model {
			out = append(out, c)
		}
	}
	return out
}

// ColorKey returns the canonical color name, or "" when unknown.
func (it *Item) ColorKey() string {
	if len(it.colors) == 1 {
		return it.colors[0].Name
	}
	return ""
}

// Category returns the normalized category path.
func (it *Item) Category() []string { return it.category }

func appendUnique[T comparable](s []T, v T) []T {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
