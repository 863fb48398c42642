package match

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// folder removes accents and applies compatibility decomposition (NFKD), so
// that full-width letters, ligatures and accented letters compare equal to
// their plain forms. A transform.Transformer is stateful, so each call builds
// its own chain; the pieces are cheap.
//
// Only the runs of non-ASCII bytes (each with the ASCII byte before it, the
// base a combining mark may sit on) go through the Unicode transforms: an
// ASCII letter is its own folded form lowercased, and neither composition
// nor case folding joins a run to the ASCII text after it. A description
// with a few accents or dashes is folded at the cost of lowercasing it
// (FuzzFold holds the result to foldWhole's).
func fold(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] < 0x80 {
			j++
		}
		if j == len(s) {
			b.WriteString(strings.ToLower(s[i:]))
			break
		}
		start := max(i, j-1) // the base a mark may sit on
		b.WriteString(strings.ToLower(s[i:start]))
		k := j
		for k < len(s) && s[k] >= 0x80 {
			k++
		}
		b.WriteString(foldWhole(s[start:k]))
		i = k
	}
	return b.String()
}

// apostrophes are the marks keyboards put for an apostrophe ("Traveler´s",
// "Levi‘s"): read as one, before folding turns an acute accent into a space.
var apostrophes = strings.NewReplacer("\u00b4", "'", "\u2018", "'", "\u2019", "'", "\u02bc", "'")

// marks are the trademark and service marks a shop writes after a name
// ("SUPER™", "GeForce®"): no part of the word. Compatibility decomposition
// would spell ™ and ℠ as letters run into it ("supertm").
var marks = strings.NewReplacer("\u2122", " ", "\u2120", " ", "\u00ae", " ", "\u00a9", " ")

// foldWhole is fold through the Unicode transforms for the whole of s.
func foldWhole(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	s = marks.Replace(apostrophes.Replace(strings.ToValidUTF8(s, " ")))
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	// Lower after folding: x/text folds Cherokee lower case to upper and
	// back, so folding alone is not idempotent. Apostrophe marks again:
	// decomposing makes some ("ŉ" is "ʼn").
	return apostrophes.Replace(strings.ToLower(cases.Fold().String(out)))
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Normalize folds s for comparison: NFKC compatibility forms, accents removed,
// case folded, "&" spelled "and", punctuation turned into spaces (except a
// decimal point or comma between digits) and runs of whitespace collapsed.
// "Crème Brûlée & Co." becomes "creme brulee and co".
func Normalize(s string) string {
	return strings.Join(Tokens(s), " ")
}

// Tokens returns the normalized words of s, in order (see Normalize).
// A decimal separator between two digits stays inside its token ("0.5", "2,5"
// becomes "2.5"), so quantities survive tokenization.
func Tokens(s string) []string {
	s = fold(s)
	if isPlainASCII(s) {
		return asciiTokens(s)
	}
	return runeTokens(s)
}

// runeTokens is Tokens for folded text.
func runeTokens(s string) []string {
	var toks []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			toks = append(toks, b.String())
			b.Reset()
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case (r == '.' || r == ',') && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			b.WriteByte('.')
		case r == '.' && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && (i == 0 || !unicode.IsLetter(rs[i-1]) && !unicode.IsDigit(rs[i-1])):
			// ".7mm" is 0.7 mm, not 7 mm.
			flush()
			b.WriteString("0.")
		case r == '&':
			flush()
			toks = append(toks, "and")
		case r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u00b4' || r == '\u02bc' || r == '`':
			// "Levi's" -> "levis": an apostrophe joins its word, and so
			// do the marks keyboards put for one ("Traveler´s", "Levi`s").
		default:
			flush()
		}
	}
	flush()
	return toks
}

// asciiTokens is Tokens for folded ASCII text; tokens are substrings of s
// unless an apostrophe or a decimal comma changes them.
func asciiTokens(s string) []string {
	toks := make([]string, 0, 16)
	start, dirty := -1, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		t := s[start:end]
		if dirty {
			b := make([]byte, 0, len(t)+1)
			if t[0] == '.' {
				b = append(b, '0') // a leading decimal point
			}
			for i := 0; i < len(t); i++ {
				switch c := t[i]; {
				case c == ',':
					b = append(b, '.')
				case c != '\'' && c != '`':
					b = append(b, c)
				}
			}
			t = string(b)
		}
		if t != "" {
			toks = append(toks, t)
		}
		start, dirty = -1, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isAlnum(c) || c >= 'A' && c <= 'Z':
			if start < 0 {
				start = i
			}
		case (c == '.' || c == ',') && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]):
			dirty = dirty || c == ','
		case c == '.' && i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || !isAlnum(s[i-1]) && !(s[i-1] >= 'A' && s[i-1] <= 'Z')):
			// ".7mm" is 0.7 mm, not 7 mm: the token starts at the point.
			flush(i)
			start, dirty = i, true
		case c == '&':
			flush(i)
			toks = append(toks, "and")
		case c == '\'' || c == '`':
			// "Levi's" -> "levis": an apostrophe joins its word.
			if start >= 0 {
				dirty = true
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
	if len(toks) == 0 {
		return nil
	}
	return toks
}

// Compact normalizes s and removes every character that is not a letter or a
// digit: the form used for codes and brand keys ("WH-1000XM4" -> "wh1000xm4").
func Compact(s string) string {
	s = fold(s)
	if isPlainASCII(s) {
		b := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			if c := s[i]; isAlnum(c) || c >= 'A' && c <= 'Z' {
				b = append(b, c)
			}
		}
		return string(b)
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stopWords are function words that say nothing about the product.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "for": true, "with": true,
	"of": true, "in": true, "on": true, "to": true, "by": true, "from": true, "at": true,
	"w": true, "new": true, "plus": true,
}

// TitleKeys turns normalized title tokens into comparison keys: stop words
// dropped, plurals reduced to a singular form ("filters" -> "filter",
// "batteries" -> "battery", "boxes" -> "box"), duplicates removed.
func TitleKeys(toks []string) []string {
	out := make([]string, 0, len(toks))
	seen := make(map[string]bool, len(toks))
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// "8.5 x 11", "16 x 25 x 1": dimensions make one key, as
		// "8.5x11" written together does ("6 x 330 ml" is a count and a
		// quantity, as "6x330ml" is: the x between them says nothing).
		if isNumber(t) && i+2 < len(toks) && toks[i+1] == "x" && isNumber(toks[i+2]) {
			j := i
			for j+2 < len(toks) && toks[j+1] == "x" && isNumber(toks[j+2]) {
				j += 2
			}
			if j+1 < len(toks) && unitKeys[toks[j+1]] != "" {
				add(t) // a multipack: the count, then the quantity after the x
				i++
				continue
			}
			t = strings.Join(toks[i:j+1], "")
			i = j
		}
		// A word's initial before its zero-padded number is the number
		// ("Floater F05" keys as the other title's "Floater 05";
		// initialNumber).
		if _, ok := initialNumber(toks, i); ok {
			t = t[1:]
		}
		// A count written before its number is the count's key ("Pack of
		// 4" and "Set of 4" are "4PK"), and a labeled size one key however
		// spaced ("Size 2", "SZ 2" and "SZ2").
		if i+2 < len(toks) && (unitKeys[t] == "ct" || t == "set") && toks[i+1] == "of" && isNumber(toks[i+2]) {
			t = toks[i+2] + "ct"
			i += 2
		} else if (t == "size" || t == "sz") && i+1 < len(toks) && isNumber(toks[i+1]) && (i+2 >= len(toks) || unitKeys[toks[i+2]] == "") {
			// ("Party Size, 13 oz": a named size, then a quantity.)
			t = "sz" + toks[i+1]
			i++
		} else if len(t) > 4 && strings.HasPrefix(t, "size") && isNumber(t[4:]) {
			t = "sz" + t[4:]
		}
		// A number and its unit make one key: "16 GB" and "16GB" agree.
		if i+1 < len(toks) && isNumber(t) {
			if u, ok := unitKeys[toks[i+1]]; ok {
				t += u
				i++
			} else if i+2 < len(toks) && toks[i+1] == "fl" && toks[i+2] == "oz" {
				t += "oz" // "12 fl oz" and "12 oz" agree in a title; size tells volume from mass
				i += 2
			}
		}
		if stopWords[t] {
			continue
		}
		if n, q, ok := multipackToken(t); ok {
			// "24x0.5l": twenty-four of 500 ml, as "24 x 500 ml" is keyed.
			add(n)
			add(q)
			continue
		}
		add(singular(metricKey(gluedUnit(t))))
	}
	return out
}

// metricKeys are the metric units keyed in a smaller one, and the factor.
var metricKeys = map[string]struct {
	unit   string
	factor float64
}{"l": {"ml", 1000}, "cl": {"ml", 10}, "dl": {"ml", 100}, "kg": {"g", 1000}}

// metricKey keys a metric quantity in milliliters or grams ("0.5l" and
// "500ml", "1kg" and "1000g" agree); other keys are returned as they are.
func metricKey(k string) string {
	i := 0
	for i < len(k) && (isDigit(k[i]) || k[i] == '.') {
		i++
	}
	if i == 0 || i == len(k) {
		return k
	}
	m, ok := metricKeys[k[i:]]
	if !ok {
		return k
	}
	v, err := strconv.ParseFloat(k[:i], 64)
	if err != nil {
		return k
	}
	return strconv.FormatFloat(math.Round(v*m.factor*1000)/1000, 'f', -1, 64) + m.unit
}

// multipackToken reads a multipack written as one token ("6x330ml",
// "24x0.5l"): the count and the unit's quantity key.
func multipackToken(t string) (string, string, bool) {
	x := strings.IndexByte(t, 'x')
	if x < 1 || x > 3 || x+1 >= len(t) || !isDigits(t[:x]) || !isDigit(t[x+1]) {
		return "", "", false
	}
	q := metricKey(gluedUnit(t[x+1:]))
	if u := strings.TrimLeft(q, "0123456789."); u == "" || unitKeys[u] == "" {
		return "", "", false
	}
	return t[:x], q, true
}

// gluedUnit spells a number run together with its unit ("8inch",
// "500piece", "2lbs") as the key of the number and the unit apart ("8in",
// "500pc", "2lb").
func gluedUnit(t string) string {
	i := 0
	for i < len(t) && (isDigit(t[i]) || t[i] == '.') {
		i++
	}
	if i == 0 || i == len(t) || !isDigit(t[0]) {
		return t
	}
	if t[i:] == "floz" {
		return t[:i] + "oz"
	}
	if u, ok := unitKeys[t[i:]]; ok {
		return t[:i] + u
	}
	return t
}

// singular reduces an English plural to its singular by suffix rules; words
// with digits and short words are left alone.
func singular(t string) string {
	if len(t) <= 3 || strings.ContainsAny(t, "0123456789") {
		return t
	}
	switch {
	case strings.HasSuffix(t, "ies") && len(t) > 4:
		return t[:len(t)-3] + "y"
	case strings.HasSuffix(t, "sses"), strings.HasSuffix(t, "shes"), strings.HasSuffix(t, "ches"), strings.HasSuffix(t, "xes"):
		return t[:len(t)-2]
	case strings.HasSuffix(t, "ss"), strings.HasSuffix(t, "us"), strings.HasSuffix(t, "is"), strings.HasSuffix(t, "ous"):
		return t
	case strings.HasSuffix(t, "s"):
		return t[:len(t)-1]
	}
	return t
}

// unitKeys maps unit words to the short form joined to a number in title
// keys.
var unitKeys = map[string]string{
	"in": "in", "inch": "in", "inches": "in", "ft": "ft", "feet": "ft", "foot": "ft",
	"mm": "mm", "cm": "cm", "m": "m", "gb": "gb", "tb": "tb", "mb": "mb",
	"ml": "ml", "milliliter": "ml", "milliliters": "ml", "cl": "cl", "l": "l", "liter": "l", "liters": "l", "litre": "l", "litres": "l",
	"oz": "oz", "ounce": "oz", "ounces": "oz", "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb",
	"g": "g", "gram": "g", "grams": "g", "kg": "kg", "mg": "mg", "qt": "qt", "quart": "qt", "quarts": "qt",
	"gal": "gal", "gallon": "gal", "gallons": "gal", "gl": "gal", "pint": "pt", "pints": "pt",
	"yd": "yd", "yds": "yd", "yard": "yd", "yards": "yd",
	"w": "w", "watt": "w", "watts": "w", "mah": "mah", "v": "v", "volt": "v", "volts": "v",
	"amp": "a", "amps": "a", "ampere": "a", "amperes": "a",
	"hr": "hr", "hrs": "hr", "hour": "hr", "hours": "hr",
	// A count is one key however a shop writes it: "20PK", "20 count",
	// "20 ct" and "20 pieces" all say 20 units in the item.
	"pc": "ct", "pcs": "ct", "piece": "ct", "pieces": "ct", "ct": "ct", "count": "ct",
	"pack": "ct", "pk": "ct", "packs": "ct", "pks": "ct",
}

// unitValues are the units title keys are written in (unitKeys' values).
var unitValues = func() map[string]bool {
	m := map[string]bool{}
	for _, u := range unitKeys {
		m[u] = true
	}
	return m
}()

func isNumber(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if !(t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
			return false
		}
	}
	return true
}

// plusRE matches a short model number with a plus sign written after it
// ("FP4+", "S9+"), the plus not run into a word or number after it.
var plusRE = regexp.MustCompile(`(?i)\b([a-z]{1,2}\d{1,2})\+(?:[^a-z0-9+]|$)`)

// spellPlus writes the plus sign after a short model number as the word
// ("Ilford FP4+" is the FP4 Plus, "Galaxy S9+" the S9 Plus), so that the
// tier after it is read as a spelled one is; tokenizing drops the sign. A
// plus after a bare number ("Ages 8+") or a word ("LED+") stays a sign.
func spellPlus(s string) string {
	if !strings.Contains(s, "+") {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range plusRE.FindAllStringSubmatchIndex(s, -1) {
		if _, _, ok := shortModelNumber(strings.ToLower(s[m[2]:m[3]])); !ok {
			continue
		}
		b.WriteString(s[last:m[3]])
		b.WriteString(" plus")
		last = m[3] + 1 // past the sign
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// octetRE finds a data size in French octets after a number ("8 Go",
// "16Go", "2To").
var octetRE = regexp.MustCompile(`(?i)(\d)(\s*)(go|to)\b`)

// spellOctets writes French data sizes as bytes ("8 Go" -> "8 gb", "2To"
// -> "2 tb"), so that "8 Go" and "8GB" are one size. A spaced "to" is
// English as often ("USB 3.0 to SATA", "8 to 10"): it is read as terabytes
// only where no word or number follows it ("IronWolf Pro 8 To").
func spellOctets(s string) string {
	if !hasOctet(s) {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range octetRE.FindAllStringSubmatchIndex(s, -1) {
		unit := "gb"
		if c := s[m[6]]; c == 't' || c == 'T' {
			rest := strings.TrimLeft(s[m[1]:], " ")
			if m[4] != m[5] && rest != "" && isAlnum(rest[0]|0x20) {
				continue
			}
			unit = "tb"
		}
		b.WriteString(s[last:m[3]])
		b.WriteString(" " + unit)
		last = m[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// hasOctet reports whether s may hold a data size in octets: a "go" or
// "to", in any case, after a digit and spaces.
func hasOctet(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if c := s[i] | 0x20; (c == 'g' || c == 't') && s[i+1]|0x20 == 'o' {
			j := i - 1
			for j > 0 && s[j] == ' ' {
				j--
			}
			if isDigit(s[j]) {
				return true
			}
		}
	}
	return false
}

// inchMarkRE finds an inch mark after a number (10.25", 7”).
var inchMarkRE = regexp.MustCompile(`(\d)\s*(?:"|”|″|'')`)

// spellFeet writes foot marks as "ft" (footMarks), so that a title's "6'6\""
// keys as the other's "6 ft 6 in".
func spellFeet(s string) string {
	if !strings.ContainsAny(s, "'′") {
		return s
	}
	return footMarks(s)
}

// spellInchMarks writes inch marks as "in", so that tokenization, which
// drops punctuation, keeps the unit.
func spellInchMarks(s string) string {
	if !strings.ContainsAny(s, "\"”″'") {
		return s
	}
	return inchMarkRE.ReplaceAllString(s, "$1 in ")
}
