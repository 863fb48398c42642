package match

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"
)

// modelComparator compares model codes. Each side offers its model field, or
// the code-like tokens of its title when the field is empty; a code equal to
// any code of the other side (model field or title) is exact. Otherwise the
// closest pair decides: a region or color suffix ("MQD83AM/A" vs
// "MQD83LL/A"), one edit with the same digits, or a neighbor code whose
// digits differ ("WH-1000XM4" vs "WH-1000XM5"), which is a different item.
type modelComparator struct{}

func (modelComparator) Attribute() string { return "model" }
func (modelComparator) Levels() []string {
	return []string{Exact, Contained, Base, Variant, Close, Different, Conflict, Missing}
}

// Contained is the model level of a code found inside the other record's
// title or model however it is spelled ("DAVIS50B" in "DAV-IS50 / B", or
// "TXSR606" in "TXSR606B").
const Contained = "contained"

// minContained is the shortest code looked for inside another record's text.
const minContained = 5

func (modelComparator) Compare(a, b *Item, _ *Env) Outcome {
	av, bv := a.modelRaw, b.modelRaw
	if av == "" {
		av = strings.Join(a.codes, " ")
	}
	if bv == "" {
		bv = strings.Join(b.codes, " ")
	}
	sa, sb := a.primaryCodes(), b.primaryCodes()
	// Exact: a primary code of one side among all codes of the other,
	// unless both sides also give that code with different suffixes
	// ("dvpfx820" on both, "dvpfx820r" against "dvpfx820w"): a variant.
	if c, ok := sharedCode(sa, b.allCodes, sb, a.allCodes); ok {
		if x, y, clash := suffixClash(a.allCodes, b.allCodes, c); clash {
			return Outcome{Level: Variant, A: av, B: bv, Evidence: fmt.Sprintf("%s vs %s: same base %s, different suffix", x, y, c)}
		}
		return Outcome{Level: Exact, A: av, B: bv, Evidence: "code " + c}
	}
	if len(sa) == 0 || len(sb) == 0 {
		return missing(av, bv)
	}
	for _, pair := range [2][2]*Item{{a, b}, {b, a}} {
		for _, c := range pair[0].primaryCodes() {
			if len(c) >= minContained && containsCode(pair[1].compactText, c) {
				if x, y, clash := suffixClash(a.allCodes, b.allCodes, c); clash {
					return Outcome{Level: Variant, A: av, B: bv, Evidence: fmt.Sprintf("%s vs %s: same base %s, different suffix", x, y, c)}
				}
				return Outcome{Level: Contained, A: av, B: bv, Evidence: c + " within the other's title or model"}
			}
		}
	}
	best := Outcome{Level: Different, A: av, B: bv}
	rank := map[string]int{Variant: 0, Base: 1, Close: 2, Conflict: 3, Different: 4}
	for _, x := range sa {
		for _, y := range sb {
			lvl, ev := compareCodes(x, y)
			// Conflict outranks Different: a neighbor code is stronger
			// evidence of a different item than an unrelated one.
			if rank[lvl] < rank[best.Level] {
				best.Level, best.Evidence = lvl, ev
			}
		}
	}
	if rank[best.Level] > rank[Base] {
		// The base of a code (its suffix dropped) within the other's text:
		// "G303DARK" against "... G303 series ...".
		for _, pair := range [2][2]*Item{{a, b}, {b, a}} {
			for _, c := range pair[0].primaryCodes() {
				if base := stripSuffix(c); base != c && len(base) >= 4 && hasDigit(base) && containsCode(pair[1].compactText, base) {
					return Outcome{Level: Base, A: av, B: bv, Evidence: fmt.Sprintf("%s (base of %s) within the other's title or model", base, c)}
				}
			}
		}
	}
	return best
}

// containsCode reports whether code occurs in text not followed by a digit
// ("th50pz85" is not in "th50pz850u": the digits go on).
func containsCode(text, code string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], code)
		if i < 0 {
			return false
		}
		end := from + i + len(code)
		if end == len(text) || !isDigit(text[end]) {
			return true
		}
		from += i + 1
	}
}

// Base is the model level of a code whose base (its letter suffix dropped)
// is in the other record, which names no suffix.
const Base = "base"

// sharedCode finds a primary code of one side among all codes of the other.
func sharedCode(sa []string, bAll map[string]bool, sb []string, aAll map[string]bool) (string, bool) {
	for _, c := range sa {
		if bAll[c] {
			return c, true
		}
	}
	for _, c := range sb {
		if aAll[c] {
			return c, true
		}
	}
	return "", false
}

// suffixClash finds codes x (of a) and y (of b) that extend the shared code
// c with different letter suffixes, neither known to the other side.
func suffixClash(a, b map[string]bool, c string) (string, string, bool) {
	ext := func(x string) bool {
		return len(x) > len(c) && strings.HasPrefix(x, c) && !hasDigit(x[len(c):]) && len(x)-len(c) <= 3
	}
	for _, x := range sortedSet(a) {
		if !ext(x) || b[x] {
			continue
		}
		for _, y := range sortedSet(b) {
			if ext(y) && !a[y] && x != y {
				return x, y, true
			}
		}
	}
	return "", "", false
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return sortedStrings(out)
}

// primaryCodes are the codes a side is judged by: its model field, or else
// its title codes.
func (it *Item) primaryCodes() []string {
	if it.model != "" {
		return []string{it.model}
	}
	return it.codes
}

// compareCodes compares two compact codes that are not equal.
func compareCodes(x, y string) (level, evidence string) {
	bx, by := stripSuffix(x), stripSuffix(y)
	if bx == by && hasDigit(bx) && len(bx) >= 3 {
		return Variant, fmt.Sprintf("%s and %s share base %s", x, y, bx)
	}
	dx, dy := digitsOf(x), digitsOf(y)
	d := levenshtein.ComputeDistance(x, y)
	if dx == dy && d <= 1 {
		return Close, fmt.Sprintf("%s vs %s: one edit, same digits", x, y)
	}
	if dx != dy && (lettersOf(x) == lettersOf(y) || d <= 2) {
		return Conflict, fmt.Sprintf("%s vs %s: digits %s vs %s", x, y, dx, dy)
	}
	return Different, fmt.Sprintf("%s vs %s", x, y)
}

// CodeBase returns a code without its letter suffix when what remains is
// still a code (four characters or more, with a digit), else "".
func CodeBase(c string) string {
	b := stripSuffix(c)
	if b == c || len(b) < 4 || !hasDigit(b) || !strings.ContainsFunc(b, func(r rune) bool { return r < '0' || r > '9' }) {
		return ""
	}
	return b
}

// stripSuffix removes the trailing letters after a code's last digit: region
// and color suffixes ("mqd83lla" -> "mqd83").
func stripSuffix(c string) string {
	i := strings.LastIndexFunc(c, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return c
	}
	return c[:i+1]
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}
