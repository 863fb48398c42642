package match

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// codeSet is the shared code feature: the model field and the code-like
// tokens of the title (or of the description when the title has none). The
// model comparison judges by it, the title comparison weighs a code's pieces
// as ordinary words by it, and retrieval indexes and queries it (CodeTerms,
// WordKeys).
type codeSet struct {
	model string   // compact model field
	shown string   // model field as given, else the codes: what a comparison shows
	codes []string // compact code-like tokens from title and description
	all   map[string]bool
	// pieceAt says, per title key in order, whether it is a code or a
	// piece of one ("ck" and "61480" of "ck61480"); nil when none is.
	pieceAt []bool
	// compactText is the title and model with every separator removed (a
	// bar between the two), to find a code however it was spelled
	// ("DAV-IS50 / B").
	compactText string
}

// readCodes reads the code feature of r, whose title keys are titleKeys.
func readCodes(r *Record, titleKeys []string, vs *Vocabularies) codeSet {
	c := codeSet{shown: strings.TrimSpace(r.Model), model: Compact(r.Model)}
	// Codes come from the title; the description only speaks when the
	// title has none (descriptions name accessories and other models).
	c.codes = codesNotBrand(notSpecs(extractCodes(spellInchMarks(r.Title)), vs), r.Brand)
	if len(c.codes) == 0 && r.Description != "" {
		c.codes = codesNotBrand(notSpecs(codesOf(r.Description, true), vs), r.Brand)
	}
	// A bar keeps the title's end apart from the model ("260P" then
	// "1754490" is no "260p1754490").
	c.compactText = Compact(r.Title) + "|" + Compact(r.Model)
	if c.shown == "" {
		c.shown = strings.Join(c.codes, " ")
	}
	c.all = make(map[string]bool, len(c.codes)+1)
	for _, x := range c.codes {
		c.all[x] = true
	}
	if c.model != "" {
		c.all[c.model] = true
	}
	for i, k := range titleKeys {
		if c.isPiece(k) {
			if c.pieceAt == nil {
				c.pieceAt = make([]bool, len(titleKeys))
			}
			c.pieceAt[i] = true
		}
	}
	return c
}

// pieceKey reports whether the i-th title key of it is a piece of its codes.
func (it *Item) pieceKey(i int) bool {
	return i >= 0 && i < len(it.codes.pieceAt) && it.codes.pieceAt[i]
}

// pieceHash reports whether k, whose key hash is h, is a title key of it
// and a piece of its codes.
func (it *Item) pieceHash(k string, h uint64) bool {
	return it.codes.pieceAt != nil && it.pieceKey(it.text.idx.indexHash(k, h))
}

// notSpecs drops the spec and version tokens ("win32", "ddr4") from codes,
// and those counted ("4DDR4": four memory slots, "2xUSB3", "1HDMI2").
func notSpecs(codes []string, vs *Vocabularies) []string {
	out := codes[:0]
	for _, c := range codes {
		cc := countless(c)
		if _, _, spec := vs.specToken(cc); !spec && !vs.ratedSpec(cc) && !viscosityGrade(c) {
			out = append(out, c)
		}
	}
	return out
}

// codesNotBrand drops from codes the brand's own name ("WD-40" of "WD-40
// Specialist Dry Lube", the brand column "WD-40 COMPANY"): a brand written
// with digits names every item of the maker, not one. A code counts as the
// brand when it is the compact spelling of the brand's first one to three
// words.
func codesNotBrand(codes []string, brand string) []string {
	words := strings.Fields(brand)
	if len(words) == 0 || len(codes) == 0 {
		return codes
	}
	var names [3]string
	for i := range min(len(words), len(names)) {
		names[i] = Compact(strings.Join(words[:i+1], " "))
	}
	return slices.DeleteFunc(codes, func(c string) bool { return slices.Contains(names[:], c) })
}

// viscosityGrade reports whether a compact token is an SAE viscosity grade
// ("5w30", "0w20", "75w140": SAE J300 and J306's winter grades, then a
// high-temperature grade): an oil's spec, which versions.json compares, not
// a model code. Other digits around a w ("0w9", "28w0") stay codes.
func viscosityGrade(c string) bool {
	winter, hot, ok := strings.Cut(c, "w")
	return ok && winter != "" && hot != "" && strings.Contains(winterGrades, " "+winter+" ") && strings.Contains(hotGrades, " "+hot+" ")
}

// The SAE grades viscosityGrade reads, each between spaces.
const (
	winterGrades = " 0 5 10 15 20 25 70 75 80 85 "
	hotGrades    = " 8 12 16 20 30 40 50 60 80 85 90 110 140 190 250 "
)

// countless drops a count of one or two digits, and an "x" after it, from
// the front of a token ("4ddr4" -> "ddr4", "2xusb3" -> "usb3").
func countless(c string) string {
	i := 0
	for i < len(c) && i < 3 && c[i] >= '0' && c[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 {
		return c
	}
	if i < len(c) && c[i] == 'x' {
		i++
	}
	return c[i:]
}

// isPiece reports whether title key k is one of the codes or a piece of one.
func (c *codeSet) isPiece(k string) bool {
	for x := range c.all {
		if codePiece(k, x) {
			return true
		}
	}
	return false
}

// primary are the codes a side is judged by: its model field, or else its
// title codes.
func (c *codeSet) primary() []string {
	if c.model != "" {
		return []string{c.model}
	}
	return c.codes
}

// codeList returns the compact model field (if any) followed by the code-like
// tokens of the title and description.
func (it *Item) codeList() []string {
	c := &it.codes
	out := make([]string, 0, len(c.codes)+1)
	if c.model != "" {
		out = append(out, c.model)
	}
	for _, x := range c.codes {
		if x != c.model {
			out = append(out, x)
		}
	}
	return out
}

// CodeTerms returns the codes as retrieval indexes and queries them: each
// code, and its base without a letter suffix ("cs4330b" -> "cs4330"), so
// that every variant of a product line meets the others.
func (it *Item) CodeTerms() []string {
	codes := it.codeList()
	out := make([]string, 0, 2*len(codes))
	seen := make(map[string]bool, 2*len(codes))
	for _, c := range codes {
		for _, t := range []string{c, codeBase(c)} {
			if t != "" && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// WordKeys returns the title keys that are not pieces of the item's codes
// ("ps" and "1918" of "PS-1918"): retrieval's code terms carry those, and on
// their own they reach other brands' codes with the same digits. A whole
// code stays: another title may hold it as a word.
func (it *Item) WordKeys() []string {
	codes := it.codeList()
	if len(codes) == 0 {
		return it.text.keys
	}
	var out []string
	for _, k := range it.text.keys {
		piece := false
		for _, c := range codes {
			if len(k) < len(c) && codePiece(k, c) {
				piece = true
				break
			}
		}
		if !piece {
			out = append(out, k)
		}
	}
	return out
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

// extractCodes returns the code-like tokens of s in compact form: tokens that
// mix letters and digits and are at least 4 characters long ("WH-1000XM4",
// "L8SK3"), or digit groups joined by a hyphen ("910-006557") or by two
// dots or more ("215.33.40.20.01.001"), excluding
// quantities ("500ml", "128GB") and ordinals.
func extractCodes(s string) []string { return codesOf(s, false) }

// codesOf is extractCodes, keeping only the tokens of a model code's shape
// when shaped (codeShaped): a description's codes.
func codesOf(s string, shaped bool) []string {
	var out []string
	toks := codeTokens(fold(s))
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		if parts := slugParts(tok); parts != nil {
			// Words joined by hyphens ("BICYCLE-CHAIN-CN-HG95-SUPER-
			// NARROW"): each part is a token of its own.
			toks = slices.Insert(toks, i+1, parts...)
			continue
		}
		if !hasDigit(tok) {
			continue // a word: every code has a digit (and folding made them plain)
		}
		if shaped && !codeShaped(tok) || apertureRE.MatchString(tok) || quantitiesJoined(tok) || fractionDimensionRE.MatchString(tok) || dimensionsRE.MatchString(tok) || resolutionRE.MatchString(tok) || tireCodeRE.MatchString(tok) {
			continue
		}
		tok = unglue(tok)
		c := Compact(tok)
		if len(c) < 4 || slices.Contains(out, c) {
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
		// Digit groups joined by dots are a decimal with one dot, a
		// reference number with more ("215.33.40.20.01.001").
		isCode := (letters > 0 && digits > 0) || (letters == 0 && digits >= 5 && (strings.ContainsAny(tok, "-/") || strings.Count(tok, ".") >= 2))
		if !isCode || wordyRE.MatchString(c) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// slugParts returns the parts of a token that is words joined by hyphens
// or slashes, as a web address's slug writes a title
// ("bicycle-chain-cn-hg95-super-narrow"): two parts or more of four
// letters or more; nil for a code ("WS-C3650-24PS-L", "RAM-HOL-TAB20U").
func slugParts(tok string) []string {
	if strings.Count(tok, "-")+strings.Count(tok, "/") < 2 {
		return nil
	}
	parts := strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '/' })
	words := 0
	for _, p := range parts {
		if len(p) >= 4 && isLetters(p) {
			words++
		}
	}
	if words < 2 {
		return nil
	}
	return parts
}

// unglue returns the reference number a web title ran a word into
// ("Chronograph215.30.46.51.01.001", "Hanowa06-5161.2.04.003"): a word of
// five letters or more before digit groups joined by a hyphen, a slash or
// two dots or more; tok itself otherwise ("Inspiron15", "nuvi205w" name
// products; a short prefix is a series: "RD-M786", "SRT6000").
func unglue(tok string) string {
	i := strings.IndexFunc(tok, func(r rune) bool { return r < 'a' || r > 'z' })
	if i < 5 || tok[i] < '0' || tok[i] > '9' {
		return tok
	}
	rest := tok[i:]
	if strings.ContainsFunc(rest, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '-' || r == '/' || r == '.') }) {
		return tok
	}
	if len(digitsOf(rest)) < 5 || !strings.ContainsAny(rest, "-/") && strings.Count(rest, ".") < 2 {
		return tok
	}
	return rest
}

// codeShaped reports whether a code token has a model code's shape: at
// most four letters before the first digit of its first piece ("VPL" of
// "VPL-HW10") and three after the last digit. A description's text run
// together ("Camera10", "d6mmMade") is no code. (On titles the same rule
// cost Abt-Buy 5 points: "nuvi205w", "Inspiron15" name products there.)
func codeShaped(tok string) bool {
	first := tok
	if i := strings.IndexAny(tok, "-/."); i >= 0 {
		first = tok[:i]
	}
	lead := strings.IndexFunc(first, func(r rune) bool { return r >= '0' && r <= '9' })
	if lead < 0 {
		lead = len(first)
	}
	tail := len(tok) - 1 - strings.LastIndexFunc(tok, func(r rune) bool { return r >= '0' && r <= '9' })
	return lead <= 4 && tail <= 3
}

// fractionDimensionRE matches a size written with a fraction and an x
// ("3/4x50", "5/8x100": a hose's diameter by its length): no code.
var fractionDimensionRE = regexp.MustCompile(`^\d+/\d+x\d+(?:\.\d+)?$|^\d+x\d+/\d+$`)

// dimensionsRE matches three or four dimensions written as one token
// ("16x25x1", an air filter's): a size every maker's item of it shares, no
// code. Two ("29x2.30", a tire's; "13x18") stay codes: on WDC Products
// they told tires and papers apart as codes, and no size reads them.
var dimensionsRE = regexp.MustCompile(`^\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?){2,3}$`)

// resolutionRE matches a screen's or a camera's resolution written as one
// token ("1920x1080", "2560x1440", "640x480"): width by height in pixels,
// three or four digits each, a spec every maker's panel of it shares, no
// code (a tire's "29x2.30" or a print's "13x18" stays one).
var resolutionRE = regexp.MustCompile(`^\d{3,4}x\d{3,4}$`)

// tireCodeRE matches a tire size written as one token ("225/65r17",
// "lt265/70r17") and a dual load index with its speed rating ("121/118s"):
// a size every line of every maker shares, read as a size (tireSizes), no
// code.
var tireCodeRE = regexp.MustCompile(`^(?:(?:p|lt|st)?\d{3}/\d{2}z?rf?\d{2}(?:\.5)?|\d{2,3}/\d{2,3}[a-z])$`)

// quantitiesJoined reports whether a token is numbers, quantities or words
// joined by slashes ("10/100/1000", "5lb/2.27kg", "12/12oz", "sp/3way"):
// each part a number of four digits at most, a number and then letters
// only (a unit), or letters only, so no part is a code ("329P9H/00" is
// one).
func quantitiesJoined(tok string) bool {
	parts := strings.Split(tok, "/")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !joinedQuantityRE.MatchString(p) && !isLetters(p) {
			return false
		}
	}
	return true
}

// joinedQuantityRE matches a number of four digits at most, maybe a decimal,
// maybe with a unit of letters after it ("100", "2.27kg", "12oz").
var joinedQuantityRE = regexp.MustCompile(`^\d{1,4}(?:[.,]\d+)?[a-z]*$`)

// apertureRE matches a lens's aperture ("f/4-5.6", "F3.5-6.3", "f2.8L"): a spec
// every lens of a range shares, not a code.
var apertureRE = regexp.MustCompile(`^[fF]/?\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?l?$`)

// wordyRE matches a number followed by a word or a unit-like suffix
// ("49ers", "14mp", "16channel", "1080p", "3in1"): descriptions, not codes
// ("1093curv2", with more letters between its numbers, and "258b6queb",
// with letters after them, are codes).
var wordyRE = regexp.MustCompile(`^\d+([a-z]{2,}|[pikxgwvhsml]|[a-z]{1,2}\d[a-z]{0,2})$`)

// codePiece reports whether title key k is the compact code or a piece of
// it ("ck" and "61480" of "ck61480").
func codePiece(k, code string) bool { return len(k) >= 2 && strings.Contains(code, k) }

// codeBase returns a code without its letter suffix when what remains is
// still a code (four characters or more, with a digit), else "".
func codeBase(c string) string {
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
