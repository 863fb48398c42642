package match

import (
	"fmt"
	"slices"
	"strings"
)

// Levels of the line comparison.
const (
	// SameLine: the words that name the product line after the brand are
	// in the other title too.
	SameLine Level = "same_line"
	// OtherLine: each title names a line word the other lacks ("Pampers
	// Cruisers" against "Pampers Swaddlers").
	OtherLine Level = "other_line"
	// OtherLineAlone: as OtherLine, and the line words are all the titles
	// differ in ("Pampers Cruisers Diapers, Size 4" against "Pampers
	// Swaddlers Diapers, Size 4").
	OtherLineAlone Level = "other_line_alone"
	// OtherName: neither title names a line, and each has one name word
	// the other lacks anywhere ("Antiperspirant & Deodorant, Swagger"
	// against "AP/DEO FIJI": a scent, a flavor, a model's name).
	OtherName Level = "other_name"
	// OtherLineShort: as OtherLine between a short title and a long one,
	// the short one's only word outside the other its line word
	// ("GMCR NANTUCKET BLEND K-CUP 24CT" against "... Breakfast Blend,
	// Single-Serve Keurig K-Cup Pods, ...").
	OtherLineShort Level = "other_line_short"
)

// maxLineWords bounds the words read as a line name after the brand.
const maxLineWords = 3

// lineAttribute compares the product line a title names after the brand,
// before the kind of product: "Cruisers" of "Pampers Cruisers Diapers",
// "Rossa" of "Lavazza Qualita Rossa Ground Coffee", "Strong" of "Charmin
// Ultra Strong Toilet Paper". Two lines of one brand share everything a
// catalog's vocabularies read (brand, kind, size, count) and differ in one
// made-up word no vocabulary holds: two titles that differ in little more
// than a line word each are evidence of two items. A line word counts as
// the other's when the other title has it anywhere, spelled apart or with a
// typo, or as a supplier's abbreviation of one of its words ("CRSRS").
// Words of the vocabularies (kinds, colors, sizes, editions, merchandising
// words), numbers and codes are no line words. A shared GTIN or code says
// more than names: the comparison then stays out. The hand-set weight is
// the train pairs' (log2 m/u -2.3 to -3.9 where a looser version fired).
// Two titles alike but for their line words are OtherLineAlone; where
// neither names a line before its kind, one name word each after it (a
// scent, a flavor: "Antiperspirant & Deodorant, Swagger" against "AP/DEO
// FIJI") is OtherName.
func lineAttribute() Attribute {
	return Attribute{
		Name:    "line",
		wording: true,
		Levels: []LevelSpec{
			{Level: SameLine, Weight: 0, Direction: For, Why: "the same line name: the title comparison counts the words already"},
			{Level: OtherLine, Weight: -3.5, Why: "hand-set within the train pairs' log2 m/u (-2.3 to -3.9): another line name of the brand is mostly another item, but web titles also word one line two ways; tune refits it"},
			{Level: OtherLineAlone, Weight: -5, Why: "two titles alike but for one line word each: two lines of the brand, stronger than another line among other differences"},
			{Level: OtherLineShort, Weight: -2.5, Why: "a short title's one word outside a long one is its line word: another line mostly (Walmart-Amazon train pairs: 3 matches, 94 non-matches), weaker than OtherLine, the long title's other words unread"},
			{Level: OtherName, Weight: -3.5, Why: "as another line: one name word each that no vocabulary reads and the other title lacks is mostly a variant's name (a scent, a flavor)"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			start := brandEnd(it, vs)
			it.setLine(readLine(it, start, vs))
			it.names = readNames(it, start, vs)
		},
		encode: func(e *encoder, it *Item) {
			e.strs(it.line)
			e.strs(it.names)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			it.setLine(d.strs())
			it.names = d.strs()
		},
		compare: compareLines,
	}
}

// readLine returns the line words of an item's title: up to maxLineWords
// words from i, where its leading brand words end (brandEnd; none when i is
// -1), to the first word that names the kind of product, leaving out
// vocabulary words, numbers and codes.
func readLine(it *Item, i int, vs *Vocabularies) []string {
	toks := it.text.tokens
	if i < 0 {
		return nil
	}
	var out []string
	for ; i < len(toks) && len(out) < maxLineWords; i++ {
		t := toks[i]
		if isType(vs, t) || withWords[t] || fitWords[t] || t == "by" {
			break // the kind named, or what it fits or comes with
		}
		if len(t) < 3 || !isWord(t) || stopWords[t] || vs.namesNoBrand(t) || countAdjectives[t] {
			continue
		}
		if k := TitleKeys([]string{t}); len(k) == 1 {
			out = append(out, k[0])
		}
	}
	return out
}

// brandEnd returns the index of the first title token after the brand the
// title leads with, or -1 when it does not lead with a brand. The brand is
// the brand field's words, or a title's leading word where there is no
// brand field; where the field names another (an owner, "PROCTER & GAMBLE",
// over "PAMPERS CRUISERS"), a leading word no vocabulary holds.
func brandEnd(it *Item, vs *Vocabularies) int {
	if !it.brandEndRead {
		it.brandEnd, it.brandEndRead = readBrandEnd(it, vs), true
	}
	return it.brandEnd
}

// readBrandEnd is brandEnd, read.
func readBrandEnd(it *Item, vs *Vocabularies) int {
	toks := it.text.tokens
	start := 0
	for start < len(toks) && (stopWords[toks[start]] || toks[start] == "new") {
		start++
	}
	if start == len(toks) {
		return -1
	}
	if w := it.brand.words; len(w) > 0 {
		// "Lavazza", "Procter & Gamble", or the brand written as one word.
		if n := len(w); start+n <= len(toks) && slices.Equal(toks[start:start+n], w) {
			return start + n
		}
		compact := strings.Join(w, "")
		for n := 1; n <= 3 && start+n <= len(toks); n++ {
			if strings.Join(toks[start:start+n], "") == compact {
				return start + n
			}
		}
		// Another name the vocabularies know ("GMCR", written out as
		// Green Mountain Coffee Roasters, by KEURIG DR PEPPER): the
		// longest of up to four leading words.
		known, key := 0, ""
		for n := 1; n <= 4 && start+n <= len(toks); n++ {
			key += toks[start+n-1]
			if vs.knownBrand(key) {
				known = n
			}
		}
		if known > 0 {
			return start + known
		}
		if t := toks[start]; len(t) >= 3 && isWord(t) && !vs.namesNoBrand(t) {
			return start + 1
		}
		return -1
	}
	if it.brand.lead != "" && toks[start] == it.brand.lead {
		return start + 1
	}
	return -1
}

// setLine sets an item's line words and their shown text, written once
// rather than for every pair.
func (it *Item) setLine(line []string) {
	it.line, it.lineText = line, strings.Join(line, " ")
}

func compareLines(a, b *Item, _ *Env) Outcome {
	av, bv := a.lineText, b.lineText
	if len(a.line) == 0 && len(b.line) == 0 {
		return namesApart(a, b)
	}
	if len(a.line) == 0 || len(b.line) == 0 {
		return lineAgainstVariety(a, b)
	}
	// The line words each title has that the other lacks, the brand's
	// words left out (one record's brand field may hold "Ritter Sport",
	// the other's "Ritter").
	wa, ia := lineWordOutside(a.line, b)
	wb, ib := lineWordOutside(b.line, a)
	switch {
	case wa == "" && wb == "":
		return Outcome{Level: SameLine, A: av, B: bv}
	case sharesIdentifier(a, b):
		o := missing(av, bv)
		o.Evidence = "a shared GTIN or code says more than the names"
		return o
	case wa == "" || wb == "" || ia > 1 || ib > 1:
		// One names more of the line, or the titles part ways only in
		// their third word (description more than a line name).
		return missing(av, bv)
	case len(wa) >= 5 && len(wb) >= 5 && wa[0] == wb[0] && Similarity(wa, wb) >= 0.6:
		// One word spelled two ways ("Goldbaeren", "Goldbears"); short
		// words a letter apart are other words ("Mets", "Jets").
		return Outcome{Level: SameLine, A: av, B: bv}
	}
	na, nb := lineOutside(a, b), lineOutside(b, a)
	switch {
	case min(na, nb) == 1 && max(na, nb) > maxOutside && len(a.brand.words) > 0 && len(b.brand.words) > 0:
		// A supplier's short title whose one word outside the listing's
		// long one is its line word ("GMCR NANTUCKET BLEND K-CUP 24CT"
		// against "... Breakfast Blend, Single-Serve Keurig K-Cup Pods,
		// Light Roast Coffee, 24 Count"): the listing's other words
		// describe, the line words tell the items apart. Catalog records
		// with brand fields only (web titles word lines loosely).
		return Outcome{Level: OtherLineShort, A: av, B: bv, Evidence: fmt.Sprintf("%q against %q, the shorter title's only word outside the other", wa, wb)}
	case na > maxOutside || nb > maxOutside:
		// The titles differ in more than the line: worded two ways
		// ("Creme Dose" against "Creme Moisturising Cream Tin"), the line
		// word may be one more description.
		return missing(av, bv)
	case na == 1 && nb == 1:
		return Outcome{Level: OtherLineAlone, A: av, B: bv, Evidence: fmt.Sprintf("%q against %q, the titles' only difference", wa, wb)}
	}
	return Outcome{Level: OtherLine, A: av, B: bv, Evidence: fmt.Sprintf("%q against %q", wa, wb)}
}

// maxOutside is how many words of one title, the line word among them, the
// other may lack for two line words to tell the items apart.
const maxOutside = 2

// lineOutside returns how many of x's title words y's title lacks,
// counting to maxOutside+1. Where both records have a brand field (a
// catalog's records, not a web shop's scraped titles), numbers and
// quantities ("16 28lb", "136ct") are not counted: a listing's "Size 3
// (16-28 lb), 136 Count" states the size and count, which their comparisons
// weigh, not one more way of naming the line. In web titles numbers are
// specs ("7kg 1200 Spin", "35W 840") and count as words.
func lineOutside(x, y *Item) int {
	if len(x.brand.words) == 0 || len(y.brand.words) == 0 {
		var buf [maxOutside + 1]string
		return len(outside(buf[:0], &x.text, &y.text))
	}
	var all [16]string
	n := 0
	for _, k := range outside(all[:0], &x.text, &y.text) {
		if !isNumber(k) && !isQuantityKey(k) {
			n++
		}
	}
	return min(n, maxOutside+1)
}

// isQuantityKey reports whether a title key is a number and its unit
// ("136ct", "2.6oz", "16gb") or a labeled size ("sz3").
func isQuantityKey(k string) bool {
	if len(k) > 2 && k[:2] == "sz" && isNumber(k[2:]) {
		return true
	}
	i := 0
	for i < len(k) && (isDigit(k[i]) || k[i] == '.') {
		i++
	}
	return i > 0 && i < len(k) && unitValues[k[i:]]
}

// sharesIdentifier reports whether two items share a valid GTIN, or a
// model number or code (in a model field or a title).
func sharesIdentifier(a, b *Item) bool {
	if _, ok := sharedGTIN(&a.gtin, &b.gtin); ok {
		return true
	}
	for c := range a.codes.all {
		if b.codes.all[c] {
			return true
		}
	}
	return false
}

// lineWordOutside returns the first of line's words that the other item's
// title does not have in any spelling, nor its brand, and its place in
// line; "" when there is none.
func lineWordOutside(line []string, other *Item) (string, int) {
	for i, w := range line {
		if !titleHas(&other.text, w) && !slices.Contains(other.brand.words, w) {
			return w, i
		}
	}
	return "", -1
}

// lineAgainstVariety compares a title that names a line with one that
// names none (a and b either way round): where the other names instead a
// flavor or scent the first does not, and lacks the first's line word,
// each names its own variety ("GOLDFISH COLORS" against "Goldfish Cheddar
// Cheese Crackers"), OtherLine; otherwise no evidence.
func lineAgainstVariety(a, b *Item) Outcome {
	x, y := a, b
	if len(x.line) == 0 {
		x, y = b, a
	}
	o := missing(a.lineText, b.lineText)
	// Catalog records with brand fields only: web titles word lines
	// loosely (on WDC Products and Block, without the brand fields, it cost
	// 0.1 to 0.2 F1 under every config).
	if len(x.line) == 0 || len(y.line) > 0 || len(a.brand.words) == 0 || len(b.brand.words) == 0 {
		return o
	}
	f := ""
	for _, g := range [...]string{"flavor", "scent"} {
		if len(y.version.facets[g]) > 0 && len(x.version.facets[g]) == 0 {
			f = g
			break
		}
	}
	if f == "" {
		return o
	}
	if w, i := lineWordOutside(x.line, y); w != "" && i == 0 && !sharesIdentifier(a, b) {
		o.Level, o.Evidence = OtherLine, fmt.Sprintf("%q against the other's %s %q", w, f, y.version.facets[f][0])
	}
	return o
}

// titleHas reports whether a title has word w: as a key, spelled as
// adjacent keys, with one typo, or as a word w abbreviates or that
// abbreviates w.
func titleHas(t *titleText, w string) bool {
	// As outside would find a one-key title's key: a key, adjacent keys
	// written as one, or one typo away.
	h := keyHash(w)
	if t.idx.hasHash(w, h) {
		return true
	}
	if _, ok := t.idx.joinedHash(w, h); ok || typo(w, t.keys) {
		return true
	}
	ws := stem(w)
	for _, ks := range [2][]string{t.tokens, t.keys} {
		for _, k := range ks {
			if abbreviates(w, k) || abbreviates(k, w) || ws != "" && k != w && stem(k) == ws {
				return true
			}
		}
	}
	return false
}

// stemSuffixes are the endings stem drops: a doer and a doing of one verb
// ("reader", "reading"; "washer", "washing").
var stemSuffixes = []string{"ers", "ing", "er"}

// stem returns a word's stem of four letters or more before one of
// stemSuffixes, or "": two words of one stem ("READERS" against "Reading
// Glasses", "WASHER" against "Washing Machine") name one kind of thing two
// ways, no other line.
func stem(w string) string {
	for _, suf := range stemSuffixes {
		if s, ok := strings.CutSuffix(w, suf); ok && len(s) >= 4 {
			return s
		}
	}
	return ""
}

// abbreviates reports whether short may be a supplier's abbreviation of
// long: it starts with long's first letter and its letters come in long in
// order ("crsrs" of "cruisers", "cond" of "conditioner").
func abbreviates(short, long string) bool {
	if len(short) < 2 || len(short) >= len(long) || short[0] != long[0] || !isWord(short) {
		return false
	}
	j := 1
	for i := 1; i < len(long) && j < len(short); i++ {
		if long[i] == short[j] {
			j++
		}
	}
	return j == len(short)
}

// readNames returns the name words of an item's title: words no vocabulary
// reads (not a kind, color, unit, size or merchandising word), not its
// brand's, not numbers or codes, after the brand the title leads with and
// before what it fits or comes with (start is brandEnd). A record with no
// brand field, or a title that does not lead with a brand, has none: a web
// shop's titles lead with descriptions, and their one word each is wording
// ("Stabilized Camera" against "Camera without Lens"), not a variant's
// name.
func readNames(it *Item, start int, vs *Vocabularies) []string {
	if len(it.brand.words) == 0 || start < 0 {
		return nil
	}
	var out []string
	for _, t := range it.text.tokens[start:] {
		if fitWords[t] || withWords[t] || t == "compatible" {
			break
		}
		if len(t) < 3 || !isWord(t) || stopWords[t] || countAdjectives[t] || slices.Contains(it.brand.words, t) {
			continue
		}
		if vs.namesNoBrand(t) {
			if _, place := vs.countries.phrases.values[t]; !place {
				continue // a place names a scent or a blend as often as an origin
			}
		}
		if k := singular(t); !slices.Contains(out, k) { // TitleKeys of one word
			out = append(out, k)
		}
	}
	return out
}

// namesApart compares two titles that name no line by their name words:
// one each that the other title lacks in any spelling is OtherName.
func namesApart(a, b *Item) Outcome {
	if len(a.names) == 0 || len(b.names) == 0 {
		return missing("", "")
	}
	wa, na := namesOutside(a.names, b)
	if na != 1 {
		return missing("", "")
	}
	wb, nb := namesOutside(b.names, a)
	if nb != 1 || sharesIdentifier(a, b) {
		return missing("", "")
	}
	if len(wa) >= 5 && len(wb) >= 5 && wa[0] == wb[0] && Similarity(wa, wb) >= 0.6 {
		return missing("", "") // one word spelled two ways
	}
	return Outcome{Level: OtherName, A: wa, B: wb, Evidence: fmt.Sprintf("%q against %q", wa, wb)}
}

// namesOutside returns the first of names that the other item's title
// lacks in any spelling (titleHas), nor its brand, and how many it lacks,
// counting to two.
func namesOutside(names []string, other *Item) (string, int) {
	first, n := "", 0
	for _, w := range names {
		if titleHas(&other.text, w) || slices.Contains(other.brand.words, w) {
			continue
		}
		if n == 0 {
			first = w
		}
		if n++; n == 2 {
			break
		}
	}
	return first, n
}
