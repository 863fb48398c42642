package match

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// measureValue is the measures feature: the specs a title states as a
// number and a word that is not a size unit ("2400 MHz", "24-Port",
// "11-speed", "3MOA", "1080p"), by word. Size units ("4GB", "12 oz") are
// the size comparison's, bare numbers ("Series 7") the numbers
// comparison's, codes ("5D", "T7") the model comparison's.
type measureValue struct {
	words []string   // the measure words, in title order
	vals  [][]string // the values each names, normalized ("2.50" is "2.5")
	text  string     // as results show them
}

// measuresAttribute compares the specs two titles state by number: two
// offers of one product state one clock, one port count, one dot size; a
// title's "6MOA" against the other's "3MOA" is the sibling ("Sig Sauer
// ROMEO Zero ... 3MOA Dot" / "... 6MOA Dot"), which the title similarity
// of two otherwise equal titles hides.
func measuresAttribute() Attribute {
	return Attribute{
		Name: "measures",
		Levels: []LevelSpec{
			{Level: Same, Weight: 0, Direction: For, Why: "the same specs by number: siblings share most specs, so 0 until tune fits it"},
			{Level: Conflict, Weight: -3, Direction: Against, Why: "one spec stated with another number (\"3MOA\" / \"6MOA\", \"2400MHz\" / \"2666MHz\"): a sibling (not a veto: titles name the specs of what an item fits)"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			it.measures = readMeasures(it, vs)
		},
		encode: func(e *encoder, it *Item) {
			m := &it.measures
			e.strs(m.words)
			e.count(len(m.vals), m.vals == nil)
			for _, v := range m.vals {
				e.strs(v)
			}
			e.str(m.text)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			m := &it.measures
			m.words = d.strs()
			if n, isNil := d.count(1); !isNil {
				m.vals = make([][]string, n)
				for i := range m.vals {
					m.vals[i] = d.strs()
				}
			}
			m.text = d.str()
		},
		compare: compareMeasures,
	}
}

// readMeasures reads a title's measures: a number glued to a word that is
// no size unit and no code ("3moa", "1600mhz", "1080p"), or a number
// followed by a measure word ("2400 mhz", "24 port", "11 speed"). A
// dimension's "x" is no measure, nor a count of the pack.
func readMeasures(it *Item, vs *Vocabularies) measureValue {
	var m measureValue
	toks := it.text.tokens
	var shown []string
	for i, t := range toks {
		num, word := "", ""
		switch {
		case isDigit(t[0]) && !isDecimal(t):
			j := 0
			for j < len(t) && (isDigit(t[j]) || t[j] == '.') {
				j++
			}
			if !isLetters(t[j:]) {
				continue // "2.5", "12a34": a decimal or a code
			}
			num, word = t[:j], t[j:]
			if len(word) > 4 && !measureWords[word] {
				continue // "11shimano": a number run into a name
			}
			if !measureWords[word] && (it.codes.all[t] || it.codes.isPiece(t)) {
				continue // "5d", "9900k" of "i9-9900K": a model's name
			}
		case isDecimal(t) && i+1 < len(toks) && measureWords[toks[i+1]]:
			num, word = t, toks[i+1]
		default:
			continue
		}
		word = singular(word)
		if unitKeys[word] == "hr" {
			word = "hr" // a duration ("12HR", "24 Hour"): no size unit, a measure
		} else if unitKeys[word] == "a" || word == "a" && len(t) > 1 {
			word = "amp" // a current ("15A", "20 Amp"): no size unit, a measure
		} else if word == "x" || ordinals[word] || unitKeys[word] != "" || stopWords[word] || isColor(vs, word) {
			continue
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || v == 0 || boundIn(it.Rec.Title, num) {
			continue
		}
		m.add(word, strconv.FormatFloat(v, 'f', -1, 64))
		shown = append(shown, num+word)
	}
	if g := wireGauge(it.Rec.Title); g != "" {
		m.add("awg", g)
		shown = append(shown, g+" awg")
	}
	if f := aperture(it.Rec.Title); f != "" {
		m.add("aperture", "f"+f) // f: never a number cut short (f/2.8 is no f/2)
		shown = append(shown, "f/"+f)
	}
	m.text = strings.Join(shown, " ")
	return m
}

// wireGaugeRE matches a wire's gauge and conductors ("14/2", "12/3",
// "16/3"): a gauge of 6 to 22 AWG, then 2 to 4 conductors.
var wireGaugeRE = regexp.MustCompile(`(?:^|[^0-9/.])(6|8|10|12|14|16|18|20|22)/([2-4])(?:$|[^0-9/])`)

// wireWords are the words of a title that says it is a wire, a cable or a
// cord, where "14/2" is a gauge and not a case of 14 of 2.
var wireWords = []string{"awg", "nm-b", "nmb", "romex", "sjtw", "sjoow", "sjt ", "thhn", "uf-b", "wire", "cable", "cord"}

// wireGauge returns the gauge and conductors a wire's, cable's or cord's
// title states ("14/2", "12/3"), "" when none: two of one line and length
// differ in it alone ("Romex 14/2 250 ft" against "12/2").
func wireGauge(title string) string {
	if strings.IndexByte(title, '/') < 0 {
		return ""
	}
	low := strings.ToLower(title)
	if !slices.ContainsFunc(wireWords, func(w string) bool { return strings.Contains(low, w) }) {
		return ""
	}
	m := wireGaugeRE.FindStringSubmatch(low)
	if m == nil {
		return ""
	}
	return m[1] + "/" + m[2]
}

// maxAperture is the largest f-number a title states as a lens's aperture
// (its widest: f/0.95 to f/11, a mirror lens's); more is a number that lost
// its point.
const maxAperture = 16

// decimalCommaRE finds a decimal comma ("f/2,8", as European shops write).
var decimalCommaRE = regexp.MustCompile(`(\d),(\d)`)

// focalLengthRE matches a focal length in millimeters ("50mm", "18-55 mm"),
// which makes a title's f-number an aperture.
var focalLengthRE = regexp.MustCompile(`\d\s*mm\b`)

// aperture returns the aperture a lens's title states ("2.8", "3.5-5.6"),
// "" when none or when the title states no focal length (an "F4" is a key
// or a name elsewhere): two lenses of one focal length differ in it ("EF
// 200mm f/2.8L" against "EF 200mm f/2L"). An aperture is the token the
// model codes leave out as one (apertureRE).
func aperture(title string) string {
	if !strings.ContainsAny(title, "fF") {
		return ""
	}
	low := strings.ToLower(title)
	if !focalLengthRE.MatchString(low) {
		return ""
	}
	for _, tok := range codeTokens(decimalCommaRE.ReplaceAllString(low, "$1.$2")) {
		if !apertureRE.MatchString(tok) {
			continue
		}
		var parts []string
		for _, p := range strings.Split(strings.TrimSuffix(strings.TrimLeft(tok, "f/"), "l"), "-") {
			v, err := strconv.ParseFloat(p, 64)
			if err != nil || v == 0 || v > maxAperture {
				return "" // "f28L": f/2.8 with its point lost, no aperture
			}
			parts = append(parts, strconv.FormatFloat(v, 'f', -1, 64))
		}
		return strings.Join(parts, "-")
	}
	return ""
}

// boundIn reports whether title writes the number num with a "+" after it
// ("Silver Men 50+ Tablet"): a lower bound (an age, a minimum), not a
// measure of num tablets.
func boundIn(title, num string) bool {
	for from := 0; ; {
		i := strings.Index(title[from:], num)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(num)
		if (i == 0 || !isDigit(title[i-1])) && end < len(title) && title[end] == '+' {
			return true
		}
		from = i + 1
	}
}

// ordinals are the endings of a number that ranks ("9th", "2nd"): a
// generation, read by the version comparison.
var ordinals = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// isLetters reports whether t is all letters a-z.
func isLetters(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < 'a' || t[i] > 'z' {
			return false
		}
	}
	return t != ""
}

// add notes value v of the measure word w.
func (m *measureValue) add(w, v string) {
	for i, x := range m.words {
		if x == w {
			m.vals[i] = appendUnique(m.vals[i], v)
			return
		}
	}
	m.words = append(m.words, w)
	m.vals = append(m.vals, []string{v})
}

// compareMeasures compares the measures both titles state: a word stated
// with no value in common is a conflict; otherwise the shared words agree.
func compareMeasures(a, b *Item, _ *Env) Outcome {
	ma, mb := &a.measures, &b.measures
	if len(ma.words) == 0 || len(mb.words) == 0 {
		return missing(ma.text, mb.text)
	}
	shared := false
	for i, w := range ma.words {
		for j, x := range mb.words {
			if x != w {
				continue
			}
			shared = true
			if !intersects(ma.vals[i], mb.vals[j]) {
				return Outcome{Level: Conflict, A: ma.text, B: mb.text, Evidence: w + " stated with another number"}
			}
		}
	}
	if !shared {
		return missing(ma.text, mb.text)
	}
	return Outcome{Level: Same, A: ma.text, B: mb.text}
}

// intersects reports whether two short lists of values share one (see
// sameMeasure).
func intersects(x, y []string) bool {
	for _, v := range x {
		for _, w := range y {
			if sameMeasure(v, w) {
				return true
			}
		}
	}
	return false
}

// sameMeasure reports whether two values state one measure: equal, or one
// a whole number the other rounds or cuts to ("14 MP" for "14.7 MP"):
// shops shorten specs.
func sameMeasure(v, w string) bool {
	if v == w {
		return true
	}
	x, errX := strconv.ParseFloat(v, 64)
	y, errY := strconv.ParseFloat(w, 64)
	if errX != nil || errY != nil {
		return false
	}
	if x != math.Trunc(x) {
		x, y = y, x
	}
	return x == math.Trunc(x) && (x == math.Trunc(y) || x == math.Round(y))
}
