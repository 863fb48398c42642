package match

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// ageRange is the age range a title states an item is for, in months: a
// pacifier's "0-3 Months", "6-16M" or "3M+", a toy's "Ages 8+" or "for ages
// 3-5 years". High is +Inf for "and up"; a zero value states none.
type ageRange struct {
	low, high float64
	stated    bool
}

// ageAttribute compares the age ranges two titles state: a pacifier or a
// bottle nipple for 0-6 months and one for 6-18 months are two items of one
// line that agree on everything else.
func ageAttribute() Attribute {
	return Attribute{
		Name:    "age",
		variant: true,
		Levels: []LevelSpec{
			{Level: Same, Weight: 1, Why: "the same age range: a line's variants differ in it, so agreement is some evidence"},
			{Level: Conflict, Weight: -4, Veto: true, Why: "another age range of a line is another item (0-6 against 6-18 months)"},
			{Level: Missing},
		},
		prepare: func(it *Item, _ *Vocabularies) { it.age = readAgeRaw(it.Rec.Title) },
		encode: func(e *encoder, it *Item) {
			e.bool(it.age.stated)
			e.float(it.age.low)
			e.float(it.age.high)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			it.age = ageRange{stated: d.bool(), low: d.float(), high: d.float()}
		},
		compare: compareAges,
	}
}

func compareAges(a, b *Item, _ *Env) Outcome {
	x, y := a.age, b.age
	if !x.stated || !y.stated {
		return missing(x.show(), y.show())
	}
	if x.low == y.low && x.high == y.high {
		return Outcome{Level: Same, A: x.show(), B: y.show()}
	}
	return Outcome{Level: Conflict, A: x.show(), B: y.show(), Evidence: "another age range"}
}

// show writes a range in months ("0-3 months", "36+ months"); "" when none
// is stated.
func (r ageRange) show() string {
	if !r.stated {
		return ""
	}
	if math.IsInf(r.high, 1) {
		return strconv.FormatFloat(r.low, 'f', -1, 64) + "+ months"
	}
	return strconv.FormatFloat(r.low, 'f', -1, 64) + "-" + strconv.FormatFloat(r.high, 'f', -1, 64) + " months"
}

// Age patterns on normalized text (lower case, punctuation as spaces, so
// "0-3M" is "0 3m" and "3M+" is "3m"): a range with its unit, or a lower
// bound with "and up" or "plus"; months written m, mo, mos or months,
// years y, yr, yrs or years. A bare "m" is a month only in a range that
// starts at 0 to 24 and ends at 36 at most, or after a number up to 24
// with "+" (checked on the raw title): "1-3m" of a cable is meters.
var (
	ageRangeRE = regexp.MustCompile(`(?:^|\s)(\d{1,2}) (?:to )?(\d{1,2}) ?(m|mo|mos|month|months|y|yr|yrs|year|years)(?:\s|$)`)
	ageUpRE    = regexp.MustCompile(`(?:^|\s)(ages? )?(\d{1,2}) ?(m|mo|mos|month|months|y|yr|yrs|year|years)? (?:and up|and older|plus)(?:\s|$)`)
	ageLabelRE = regexp.MustCompile(`(?:^|\s)ages? (\d{1,2})(?: (?:to )?(\d{1,2}))?(?: (y|yr|yrs|year|years))?(?:\s|$)`)
	agePlusRE  = regexp.MustCompile(`(?i)(?:^|[^0-9a-z.])(\d{1,2}) ?(m|mo|mos|months|y|yrs|years)? ?\+`)
)

// readAge reads the age range of a normalized title.
func readAge(n string) ageRange {
	if m := ageRangeRE.FindStringSubmatch(n); m != nil {
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi, _ := strconv.ParseFloat(m[2], 64)
		if hi > lo && (m[3] != "m" || lo <= 24 && hi <= 36) {
			f := ageFactor(m[3])
			return ageRange{low: lo * f, high: hi * f, stated: true}
		}
	}
	if m := ageLabelRE.FindStringSubmatch(n); m != nil {
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi := math.Inf(1)
		if m[2] != "" {
			hi, _ = strconv.ParseFloat(m[2], 64)
			hi *= 12
		}
		if hi > lo*12 { // "Age 7 0" states no range
			return ageRange{low: lo * 12, high: hi, stated: true}
		}
	}
	if m := ageUpRE.FindStringSubmatch(n); m != nil && (m[1] != "" || m[3] != "") {
		// "ages 3 and up" (years), "12 months and up"; not "Men 50 Plus",
		// which says no unit.
		lo, _ := strconv.ParseFloat(m[2], 64)
		unit := m[3]
		if unit == "" {
			unit = "years"
		}
		return ageRange{low: lo * ageFactor(unit), high: math.Inf(1), stated: true}
	}
	return ageRange{}
}

// readAgeRaw reads the age range of a raw title (readAgePatterns) when it
// may state one (mayStateAge).
func readAgeRaw(raw string) ageRange {
	if !mayStateAge(raw) {
		return ageRange{}
	}
	return readAgePatterns(raw)
}

// readAgePatterns is readAge, first reading "3M+" and "3+ Months" from the
// raw title (normalizing drops the "+"); a bare "N+" is an age only after
// "ages", which readAge reads.
func readAgePatterns(raw string) ageRange {
	if m := agePlusRE.FindStringSubmatchIndex(raw); m != nil {
		unit := ""
		if m[4] >= 0 {
			unit = Normalize(raw[m[4]:m[5]])
		}
		lo, _ := strconv.ParseFloat(raw[m[2]:m[3]], 64)
		rest := Normalize(raw[m[1]:])
		if unit == "" && (strings.HasPrefix(rest, "month") || strings.HasPrefix(rest, "year")) {
			unit = "months"
			if rest[0] == 'y' {
				unit = "years"
			}
		}
		if unit != "" && (unit != "m" || lo <= 24) {
			return ageRange{low: lo * ageFactor(unit), high: math.Inf(1), stated: true}
		}
	}
	return readAge(Normalize(raw))
}

// mayStateAge reports whether a title may state an age range: a digit
// followed, after spaces or punctuation, by "+", an "m" that ends a word or starts "mo",
// a "y" that ends one or starts "yr" or "ye", or the word "age". Most
// titles state none, and the patterns are not run on them.
func mayStateAge(raw string) bool {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c >= '0' && c <= '9' {
			j := i + 1
			for j < len(raw) && raw[j] != '+' && !isAlnum(raw[j]) && (raw[j] < 'A' || raw[j] > 'Z') {
				j++ // spaces and punctuation, which normalizing makes spaces
			}
			if j < len(raw) {
				next := byte(' ')
				if j+1 < len(raw) {
					next = raw[j+1] | 0x20
				}
				letter := next >= 'a' && next <= 'z'
				switch raw[j] | 0x20 {
				case '+':
					return true
				case 'm': // "3M", "6 months", "12 mo"; not "500mm", "16 MB"
					if !letter || next == 'o' {
						return true
					}
				case 'y': // "2 Y", "3 yrs", "4 years"
					if !letter || next == 'r' || next == 'e' {
						return true
					}
				}
			}
		}
		if (c|0x20) == 'a' && i+3 <= len(raw) && strings.EqualFold(raw[i:i+3], "age") {
			return true
		}
	}
	return false
}

// ageFactor is how many months one unit of an age is.
func ageFactor(unit string) float64 {
	switch unit {
	case "y", "yr", "yrs", "year", "years":
		return 12
	}
	return 1
}
