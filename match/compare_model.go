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
	return []string{Exact, Contained, Variant, Close, Different, Conflict, Missing}
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
	// Exact: a primary code of one side among all codes of the other.
	for _, c := range sa {
		if b.allCodes[c] {
			return Outcome{Level: Exact, A: av, B: bv, Evidence: "code " + c}
		}
	}
	for _, c := range sb {
		if a.allCodes[c] {
			return Outcome{Level: Exact, A: av, B: bv, Evidence: "code " + c}
		}
	}
	if len(sa) == 0 || len(sb) == 0 {
		return missing(av, bv)
	}
	for _, c := range sa {
		if len(c) >= minContained && strings.Contains(b.compactText, c) {
			return Outcome{Level: Contained, A: av, B: bv, Evidence: c + " within the other's title or model"}
		}
	}
	for _, c := range sb {
		if len(c) >= minContained && strings.Contains(a.compactText, c) {
			return Outcome{Level: Contained, A: av, B: bv, Evidence: c + " within the other's title or model"}
		}
	}
	best := Outcome{Level: Different, A: av, B: bv}
	rank := map[string]int{Variant: 0, Close: 1, Conflict: 2, Different: 3}
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
	return best
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
