package match

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"
)

// brandComparator compares brands after normalization (corporate suffixes
// dropped), then through the alias list, then the brand named in the other
// record's title when one brand field is empty, then near spellings.
type brandComparator struct{}

func (brandComparator) Attribute() string { return "brand" }
func (brandComparator) Levels() []string {
	return []string{Exact, Alias, InTitle, Close, NotInTitle, Conflict, Missing}
}

// NotInTitle is the brand level when a record without a brand field does
// not name the other's brand in its title, or when neither has a brand
// field and their titles start with different words.
const NotInTitle = "not_in_title"

func (brandComparator) Compare(a, b *Item, _ *Env) Outcome {
	av, bv := a.Rec.Brand, b.Rec.Brand
	switch {
	case a.brandKey == "" && b.brandKey == "":
		// Titles usually start with the brand.
		fa, fb := firstWord(a), firstWord(b)
		switch {
		case fa == "" || fb == "":
			return missing(av, bv)
		case fa == fb:
			return Outcome{Level: InTitle, A: av, B: bv, Evidence: fmt.Sprintf("both titles start with %q", fa)}
		}
		return Outcome{Level: NotInTitle, A: av, B: bv, Evidence: fmt.Sprintf("titles start with %q and %q", fa, fb)}
	case a.brandKey == "" || b.brandKey == "":
		withBrand, other := a, b
		if a.brandKey == "" {
			withBrand, other = b, a
		}
		if len(other.titleTokens) == 0 {
			return missing(av, bv)
		}
		if brandInTitle(withBrand, other) {
			return Outcome{Level: InTitle, A: av, B: bv, Evidence: fmt.Sprintf("%q in title", withBrand.Rec.Brand)}
		}
		return Outcome{Level: NotInTitle, A: av, B: bv, Evidence: fmt.Sprintf("%q not in title", withBrand.Rec.Brand)}
	case a.brandKey == b.brandKey:
		return Outcome{Level: Exact, A: av, B: bv}
	case a.brandName == b.brandName:
		return Outcome{Level: Alias, A: av, B: bv, Evidence: "alias of " + a.brandName}
	case wordPrefix(Tokens(av), Tokens(bv)) || wordPrefix(Tokens(bv), Tokens(av)):
		return Outcome{Level: Alias, A: av, B: bv, Evidence: "one name extends the other"}
	}
	if r := Similarity(a.brandKey, b.brandKey); r >= 0.8 && len(a.brandKey) >= 4 {
		return Outcome{Level: Close, A: av, B: bv, Evidence: fmt.Sprintf("spelling similarity %.2f", r)}
	}
	return Outcome{Level: Conflict, A: av, B: bv}
}

// brandInTitle reports whether withBrand's brand appears as whole words in
// other's title.
func brandInTitle(withBrand, other *Item) bool {
	words := Tokens(withBrand.Rec.Brand)
	if len(words) == 0 || len(other.titleTokens) < len(words) {
		return false
	}
	joined := " " + strings.Join(other.titleTokens, " ") + " "
	return strings.Contains(joined, " "+strings.Join(words, " ")+" ") ||
		strings.Contains(strings.Join(other.titleTokens, ""), withBrand.brandKey) && len(withBrand.brandKey) >= 5
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

// firstWord is the first title word that is not a number or a stop word.
func firstWord(it *Item) string {
	for _, t := range it.titleTokens {
		if !stopWords[t] && !isNumber(t) && t != "new" {
			return t
		}
	}
	return ""
}
