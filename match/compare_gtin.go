package match

import "strings"

// gtinComparator: an equal valid GTIN is the strongest single evidence; two
// valid GTIN sets with nothing in common count against. An invalid GTIN on
// either side is not evidence either way.
type gtinComparator struct{}

func (gtinComparator) Attribute() string { return "gtin" }
func (gtinComparator) Levels() []string  { return []string{Exact, Conflict, Invalid, Missing} }

func (gtinComparator) Compare(a, b *Item, _ *Env) Outcome {
	av, bv := strings.Join(a.Rec.GTINs, "|"), strings.Join(b.Rec.GTINs, "|")
	for _, x := range a.gtins {
		for _, y := range b.gtins {
			if x == y {
				return Outcome{Level: Exact, A: av, B: bv, Evidence: "shared GTIN " + string(x)}
			}
		}
	}
	if len(a.gtins) > 0 && len(b.gtins) > 0 {
		return Outcome{Level: Conflict, A: av, B: bv, Evidence: "no GTIN in common"}
	}
	aAny, bAny := len(a.gtins)+len(a.badGTINs) > 0, len(b.gtins)+len(b.badGTINs) > 0
	if aAny && bAny && (len(a.badGTINs) > 0 || len(b.badGTINs) > 0) {
		return Outcome{Level: Invalid, A: av, B: bv, Evidence: strings.Join(append(append([]string(nil), a.badGTINs...), b.badGTINs...), "; ")}
	}
	return missing(av, bv)
}
