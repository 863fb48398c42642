package match

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
)

// brandValue is the brand feature: the normalized brand field and the key
// of its alias group.
type brandValue struct {
	words     []string // Tokens of the brand field
	key       string   // BrandKey of the brand field
	canonical string   // canonical alias key of key
	// company is the owner key when the field names a brand-owning
	// company ("UNILEVER"); owners are the companies that own the brand.
	company string
	owners  []string
	// initials are the first letters of a brand of two words or more
	// ("hb" for Hamilton Beach).
	initials string
	// lead is the title's first word when it may be a brand: four letters
	// or more and no word of the vocabularies ("" otherwise).
	lead string
	// first is the brand field's first word when it may name a family of
	// brands ("utopia" of "UTOPIA DEALS INC"): four letters or more and no
	// word of the vocabularies ("blue" of Blue Diamond is a color).
	first string
	// maker are the words after "by" in a brand field that names its
	// maker ("Howard Leight by Honeywell"): words and key are the brand's
	// own ("howard leight").
	maker []string
}

// splitMaker returns a brand field's own words and its maker's when it is
// written "BRAND by MAKER" (a marketplace's "Howard Leight by Honeywell",
// "Uvex by Honeywell"), else the words and nil.
func splitMaker(words []string) (brand, maker []string) {
	if i := slices.Index(words, "by"); i > 0 && i < len(words)-1 && words[i-1] != "made" {
		// Not "Made by Design": a brand's name, no maker.
		return words[:i], words[i+1:]
	}
	return words, nil
}

// BrandKeyOf returns the key of a brand name as config brand_aliases hold
// it: its normalized words run together ("Nestlé Purina" -> "nestlepurina").
func BrandKeyOf(name string) string { return strings.Join(Tokens(name), "") }

// BrandKey returns the normalized brand (see Vocabularies.BrandKey).
func (it *Item) BrandKey() string { return it.brand.key }

// Owner is the brand level when one record names the company that owns the
// other's brand ("UNILEVER" for Dove), or both records' GTINs carry one GS1
// company prefix.
const Owner Level = "owner"

// NotInTitle is the brand level when a record without a brand field does
// not name the other's brand in its title, or when neither has a brand
// field and their titles start with different words.
const NotInTitle Level = "not_in_title"

// LeadsApart is the level of two titles without brand fields, each led by a
// word the other lacks ("WD Blue 2TB" / "Seagate FireCuda 2TB").
const LeadsApart Level = "leads_apart"

// LeadsOther is the brand level when a record without a brand field omits
// the other's brand and its title leads with a word the other record lacks:
// most likely another brand's name ("GENERICKOR GO 48 HOODIE" against a
// Junbrihal listing).
const LeadsOther Level = "leads_other"

// brandAttribute compares brands after normalization (corporate suffixes
// dropped), then through the alias list, then the brand named in the other
// record's title when one brand field is empty, then near spellings.
func brandAttribute() Attribute {
	return Attribute{
		Name: "brand",
		Levels: []LevelSpec{
			{Level: Exact, Weight: 2, Why: "many products share a brand: agreement is weak evidence"},
			{Level: Alias, Weight: 2, Why: "an alias names the same brand: as exact"},
			{Level: InTitle, Weight: 1, Why: "the brand read from a title: weaker than a field"},
			{Level: Close, Weight: 1.5, Why: "a near spelling is mostly a typo of the same brand"},
			{Level: Owner, Weight: 0.5, Why: "a supplier's vendor column names the brand's owner: no disagreement, little agreement (an owner has many brands)"},
			{Level: NotInTitle, Weight: -1, Why: "a title that omits the other's brand: weak evidence against"},
			{Level: LeadsApart, Weight: -2, Why: "two titles led by words neither shares: two brands more often than a title that omits its brand (not a veto: a leading word may be a product line or a shop's word)"},
			{Level: LeadsOther, Weight: -4, Veto: true, Why: "a title that omits the other's brand and leads with a word the other lacks: its own brand, most often (Walmart-Amazon: 81 pairs of such, none a match); a shared GTIN overrules it"},
			{Level: Conflict, Weight: -4, Veto: true, Why: "two brands make two different items"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			b := &it.brand
			b.words, b.maker = splitMaker(Tokens(it.Rec.Brand))
			b.key = vs.brandKey(b.words)
			b.canonical = vs.canonicalBrand(b.key)
			b.company = vs.company(b.words)
			b.owners = vs.owners[b.canonical]
			b.initials = initials(b.words)
			if len(b.words) > 0 {
				if w := b.words[0]; len(w) >= 4 && isWord(w) && !vs.namesNoBrand(w) {
					b.first = w
				}
			}
			if b.key == "" {
				// Only a record without a brand field leads with one.
				if w := firstWord(it); len(w) >= 4 && isWord(w) && !vs.namesNoBrand(w) {
					b.lead = w
				}
			}
		},
		encode: func(e *encoder, it *Item) {
			b := &it.brand
			e.strs(b.words)
			e.str(b.key)
			e.str(b.canonical)
			e.str(b.company)
			e.strs(b.owners)
			e.str(b.initials)
			e.str(b.lead)
			e.str(b.first)
			e.strs(b.maker)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			b := &it.brand
			b.words = d.strs()
			b.key, b.canonical, b.company = d.str(), d.str(), d.str()
			b.owners = d.strs()
			b.initials, b.lead, b.first = d.str(), d.str(), d.str()
			b.maker = d.strs()
		},
		compare: compareBrands,
	}
}

func compareBrands(a, b *Item, env *Env) Outcome {
	av, bv := a.Rec.Brand, b.Rec.Brand
	ka, kb := a.brand.key, b.brand.key
	switch {
	case ka == "" && kb == "":
		// Titles usually start with the brand.
		ia, ib := lead(a), lead(b)
		if ia < 0 || ib < 0 {
			return missing(av, bv)
		}
		ta, tb := a.text.tokens[ia:], b.text.tokens[ib:]
		fa, fb := ta[0], tb[0]
		switch {
		case fa == fb:
			return Outcome{Level: InTitle, A: av, B: bv, Evidence: "both titles start with " + strconv.Quote(fa)}
		case fa == leadInitials(tb, len(fa)):
			return Outcome{Level: InTitle, A: av, B: bv, Evidence: strconv.Quote(fa) + ": the initials of the other title's first words"}
		case fb == leadInitials(ta, len(fb)):
			return Outcome{Level: InTitle, A: av, B: bv, Evidence: strconv.Quote(fb) + ": the initials of the other title's first words"}
		case fa == leadPair(tb) || fb == leadPair(ta):
			return Outcome{Level: InTitle, A: av, B: bv, Evidence: "one title's first word is the other's first two joined"}
		}
		if !hasDigit(fa) && !hasDigit(fb) && !hasWord(b, fa) && !hasWord(a, fb) && !strings.HasPrefix(fa, fb) && !strings.HasPrefix(fb, fa) {
			// Two words, neither a code ("DDW1805W 18-in. dishwasher"
			// leads with its model, not a brand).
			return Outcome{Level: LeadsApart, A: av, B: bv, Evidence: "titles start with " + strconv.Quote(fa) + " and " + strconv.Quote(fb) + ", neither in the other"}
		}
		return Outcome{Level: NotInTitle, A: av, B: bv, Evidence: "titles start with " + strconv.Quote(fa) + " and " + strconv.Quote(fb)}
	case ka == "" || kb == "":
		withBrand, other := a, b
		if ka == "" {
			withBrand, other = b, a
		}
		if len(other.text.tokens) == 0 {
			return missing(av, bv)
		}
		if brandInTitle(withBrand, other) {
			return Outcome{Level: InTitle, A: av, B: bv, Evidence: strconv.Quote(withBrand.Rec.Brand) + " in title"}
		}
		if w := otherLead(withBrand, other); w != "" {
			return Outcome{Level: LeadsOther, A: av, B: bv, Evidence: strconv.Quote(withBrand.Rec.Brand) + " not in title, which leads with " + strconv.Quote(w)}
		}
		return Outcome{Level: NotInTitle, A: av, B: bv, Evidence: strconv.Quote(withBrand.Rec.Brand) + " not in title"}
	case ka == kb:
		return Outcome{Level: Exact, A: av, B: bv}
	case a.brand.canonical == b.brand.canonical:
		return Outcome{Level: Alias, A: av, B: bv, Evidence: "alias of " + a.brand.canonical}
	case wordPrefix(a.brand.words, b.brand.words) || wordPrefix(b.brand.words, a.brand.words):
		return Outcome{Level: Alias, A: av, B: bv, Evidence: "one name extends the other"}
	case titleStartsWith(b, a) || titleStartsWith(a, b):
		// A vendor, owner or holding name in the brand column, the brand
		// leading the title ("UNILEVER", "DOVE BAR SOAP"): the record
		// names the brand after all.
		return Outcome{Level: Alias, A: av, B: bv, Evidence: "the title leads with the other's brand"}
	case namesBrand(b, a) || namesBrand(a, b):
		// Two names for one item, each record giving one ("Motorola
		// Netopia 3346N" by Motorola, "Netopia 3346N" by Netopia): a title
		// names the other's brand as its own, not as what it fits.
		return Outcome{Level: Alias, A: av, B: bv, Evidence: "a title names the other's brand"}
	case sharedLead(a, b):
		// "UTOPIA DEALS INC" and "Utopia Bedding", "TEMPUR SEALY" and
		// "Tempur-Pedic": a company and its brand named alike, both
		// titles led by the name.
		return Outcome{Level: Owner, A: av, B: bv, Evidence: "both brands and both titles lead with " + strconv.Quote(a.brand.first)}
	case madeBy(a, b):
		return Outcome{Level: Owner, A: av, B: bv, Evidence: av + " names the maker of " + bv}
	case madeBy(b, a):
		return Outcome{Level: Owner, A: av, B: bv, Evidence: bv + " names the maker of " + av}
	case owns(a, b):
		return Outcome{Level: Owner, A: av, B: bv, Evidence: av + " owns " + bv}
	case owns(b, a):
		return Outcome{Level: Owner, A: av, B: bv, Evidence: bv + " owns " + av}
	case a.brand.company != "" && a.brand.company == b.brand.company:
		// "HASBRO INC" and "Hasbro Gaming": the company and one of its
		// divisions.
		return Outcome{Level: Owner, A: av, B: bv, Evidence: "both name the company " + a.brand.company}
	case a.brand.initials != "" && a.brand.initials == kb || b.brand.initials != "" && b.brand.initials == ka:
		return Outcome{Level: Alias, A: av, B: bv, Evidence: "an initialism of the other"}
	case sameCompany(a, b):
		return Outcome{Level: Owner, A: av, B: bv, Evidence: "GTINs of one GS1 company prefix"}
	case env.aliased(ka, kb) || env.aliased(kb, ka):
		return Outcome{Level: Owner, A: av, B: bv, Evidence: "a learned brand alias (config brand_aliases)"}
	}
	if r := Similarity(ka, kb); r >= 0.8 && len(ka) >= 4 {
		return Outcome{Level: Close, A: av, B: bv, Evidence: "spelling similarity " + strconv.FormatFloat(r, 'f', 2, 64)}
	}
	return Outcome{Level: Conflict, A: av, B: bv}
}

// sharedLead reports whether two brand fields, one of several words, lead
// with one word that may name a family of brands (brandValue.first), and
// both titles lead with it too.
func sharedLead(a, b *Item) bool {
	w := a.brand.first
	if w == "" || w != b.brand.first || len(a.brand.words)+len(b.brand.words) < 3 {
		return false
	}
	ta, tb := a.text.tokens, b.text.tokens
	return len(ta) > 0 && len(tb) > 0 && ta[0] == w && tb[0] == w
}

// madeBy reports whether x's brand field names the maker y's brand field
// gives after "by" (HONEYWELL SAFETY PRODUCTS, "Howard Leight by
// Honeywell"): the maker's words, or they and more.
func madeBy(x, y *Item) bool {
	m := y.brand.maker
	return len(m) > 0 && (slices.Equal(m, x.brand.words) || wordPrefix(m, x.brand.words))
}

// owns reports whether x's brand field names a company that owns y's brand.
func owns(x, y *Item) bool {
	return x.brand.company != "" && slices.Contains(y.brand.owners, x.brand.company)
}

// titleStartsWith reports whether it's title begins with other's brand,
// however it is spaced ("RAINX" for Rain-X), or with the last word of a
// brand of two words or more (a sub-brand: "AVENT" of "Philips Avent").
func titleStartsWith(it, other *Item) bool {
	key := other.brand.key
	toks := it.text.tokens
	if len(key) < 3 {
		return false
	}
	// The other brand's last word leading the title: a maker's sub-brand
	// ("AVENT NATURAL BOTTLE" under "PHILIPS CONSUMER LIFESTYLE" against
	// the brand "Philips Avent").
	if w := other.brand.words; len(w) >= 2 && len(toks) > 1 && len(w[len(w)-1]) >= 4 && toks[0] == w[len(w)-1] {
		return true
	}
	lead := ""
	for i := 0; i < len(toks)-1 && i < 4 && len(lead) < len(key); i++ {
		lead += toks[i]
		if lead == key {
			return true
		}
	}
	return false
}

// initials returns the first letters of a name's words when it has two
// words or more, "and" and "the" left out ("hb" for Hamilton Beach).
func initials(words []string) string {
	var b strings.Builder
	n := 0
	for _, w := range words {
		if w == "and" || w == "the" || w == "of" {
			continue
		}
		b.WriteByte(w[0])
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// brandInTitle reports whether withBrand's brand appears as whole words in
// other's title.
func brandInTitle(withBrand, other *Item) bool {
	words := withBrand.brand.words
	toks := other.text.tokens
	if len(words) == 0 || len(toks) < len(words) {
		return false
	}
	for i := 0; i+len(words) <= len(toks); i++ {
		if slices.Equal(toks[i:i+len(words)], words) {
			return true
		}
	}
	return withBrand.brand.initials != "" && firstWord(other) == withBrand.brand.initials ||
		len(withBrand.brand.key) >= 5 && joinedContains(toks, withBrand.brand.key)
}

// joinedContains reports whether the tokens written together contain s
// ("dewalt" in "de walt drill"), without writing them out when they are
// short.
func joinedContains(toks []string, s string) bool {
	var buf [256]byte
	b := buf[:0]
	for _, t := range toks {
		b = append(b, t...)
	}
	return bytes.Contains(b, []byte(s))
}

// namesBrand reports whether it's title has other's brand words within its
// first four tokens, not after a word that says what it fits (fitWords,
// "compatible") or comes with (withWords).
func namesBrand(it, other *Item) bool {
	words := other.brand.words
	toks := it.text.tokens
	if len(words) == 0 {
		return false
	}
	for i := 0; i+len(words) <= len(toks) && i < 4; i++ {
		if t := toks[i]; fitWords[t] || t == "compatible" || withWords[t] {
			return false // what it fits or comes with
		}
		if slices.Equal(toks[i:i+len(words)], words) {
			return true
		}
	}
	return false
}

// otherLead returns the word leading other's title when it may be a brand
// (brandValue.lead), withBrand's record lacks it (brand and title) and it
// is no shortening of the brand ("GTRADE" for Gatorade): someone else's
// name. "" otherwise.
func otherLead(withBrand, other *Item) string {
	w := other.brand.lead
	if w == "" || withBrand.text.idx.has(w) || slices.Contains(withBrand.brand.words, w) {
		return ""
	}
	if _, ok := withBrand.text.idx.joined(w); ok {
		return "" // "Highroller" against "High Roller": a line name, spaced otherwise
	}
	if key := withBrand.brand.key; len(key) >= 3 && (strings.HasPrefix(w, key[:3]) || Shortens(w, key)) {
		return ""
	}
	return w
}

// Shortens reports whether w is long's letters with some left out, from the
// same first letter ("gtrade" of "gatorade", "hdphn" of "headphones"): how
// suppliers shorten names and words.
func Shortens(w, long string) bool {
	if w == "" || long == "" || w[0] != long[0] {
		return false
	}
	i := 0
	for j := 0; j < len(long) && i < len(w); j++ {
		if long[j] == w[i] {
			i++
		}
	}
	return i == len(w)
}

// Similarity is the normalized Levenshtein similarity of two strings, in
// [0,1]: 1 - distance / longer length, 1 for two equal strings. It counts
// runes and does no normalization; normalize first.
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len([]rune(a)), len([]rune(b))
	n := max(la, lb)
	return 1 - float64(levenshtein.ComputeDistance(a, b))/float64(n)
}

// wordPrefix reports whether the words of short begin the words of long
// ("lodge" begins "lodge manufacturing company").
func wordPrefix(short, long []string) bool {
	if len(short) == 0 || len(short) >= len(long) {
		return false
	}
	for i := range short {
		if short[i] != long[i] {
			return false
		}
	}
	return true
}

// hasWord reports whether it's title has the word w (as a title key).
func hasWord(it *Item, w string) bool {
	for _, k := range TitleKeys([]string{w}) {
		if !it.text.idx.has(k) {
			return false
		}
	}
	return true
}

// leadPair returns a title's first two words joined ("techcraft" of "tech
// craft tv stand"), "" when it has fewer.
func leadPair(toks []string) string {
	if len(toks) < 2 {
		return ""
	}
	return toks[0] + toks[1]
}

// leadInitials returns the first letters of a title's first n words, when
// n is 2 to 4 and they are words: what "WD" may stand for ("western digital
// black nvme"). "" otherwise.
func leadInitials(toks []string, n int) string {
	if n < 2 || n > 4 || n > len(toks) {
		return ""
	}
	var b strings.Builder
	for _, t := range toks[:n] {
		if len(t) < 2 || isNumber(t) {
			return ""
		}
		b.WriteByte(t[0])
	}
	return b.String()
}

// firstWord is the first title word that is not a number or a stop word.
func firstWord(it *Item) string {
	if i := lead(it); i >= 0 {
		return it.text.tokens[i]
	}
	return ""
}

// lead returns the index of it's first title word (firstWord), -1 when it
// has none.
func lead(it *Item) int { return it.text.lead }

// leadOf returns the index of the first of a title's tokens that is not a
// number, a stop word or "new"; -1 when there is none.
func leadOf(tokens []string) int {
	for i, t := range tokens {
		if !stopWords[t] && !isNumber(t) && t != "new" {
			return i
		}
	}
	return -1
}
