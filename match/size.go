package match

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// sizeValue is the size feature: the normalized size field and the
// quantities read from it, or from the title when the field says none.
type sizeValue struct {
	field string // normalized size field
	// named: the field is a size the vocabulary names ("queen" of "QN")
	// that states no quantity of its own.
	named bool
	q     []quantity
	from  Source
	// titleQ are the title's quantities when the field states the size:
	// a title's "150 CT" against "120 Count" tells two items apart where
	// both fields say "4".
	titleQ []quantity
	text   string // as results show it (shown), set once read or decoded
}

// sizeAttribute compares variation sizes: letter sizes, numbered sizes and
// quantities with units, converted so that "1 lb" equals "16 oz" and "0.5 L"
// equals "500 ml". When a size field is empty the quantities in the title
// stand in for it.
func sizeAttribute() Attribute {
	return Attribute{
		Name:    "size",
		variant: true,
		Levels: []LevelSpec{
			{Level: Exact, Weight: 2, Why: "the same size text: sizes tell a product line's variants apart"},
			{Level: Equivalent, Weight: 2, Why: "the same quantity in other units: as exact"},
			{Level: Conflict, Weight: -6, Veto: true, Why: "another size is another sellable item"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			s := &it.size
			named := false
			if s.field = Normalize(it.Rec.Size); noSize[s.field] {
				s.field = "" // "1 EA", "N/A": a supplier's size column saying nothing
			} else if name, ok := vs.sizes.Named(s.field); ok {
				s.field, named = name, true // "QN" and "Queen Size" are "queen"
			}
			if s.field != "" {
				s.q, s.from = parseSize(it.Rec.Size), FromField
				if len(s.q) == 0 && named {
					// "LT", "YM", "NB": read as the size they name.
					s.q = parseSize(s.field)
				}
				// "KING", "TWIN XL": a named size no quantity states.
				s.named = named && len(s.q) == 0
			}
			if len(s.q) > 0 {
				s.titleQ = notBrand(parseQuantities(it.Rec.Title), it, vs)
				s.q = unitFromTitle(s.q, s.titleQ)
			} else {
				if qs := aughtSizes(it.Rec.Title); len(qs) > 0 {
					// "HOOK 2/0", "Size 1/0", "4/0 AWG": a size in
					// aughts, which no other reading takes whole.
					s.q, s.from = qs, FromTitle
				} else if qs := notBrand(parseQuantities(it.Rec.Title), it, vs); len(qs) > 0 {
					// A size the title labels ("Size 7") beside its
					// measures ("29.5 in"): a ball's or a shoe's size
					// number is one of them.
					s.q, s.from = appendSize(qs, labeledSize(it.text.tokens)...), FromTitle
				} else if qs := titleSizes(it.text.tokens, vs); len(qs) > 0 {
					s.q, s.from = qs, FromTitle
				} else if qs := bareDimensions(it.text.tokens); len(qs) > 0 {
					s.q, s.from = qs, FromTitle
				} else if qs := bareFractions(it.Rec.Title); len(qs) > 0 {
					s.q, s.from = qs, FromTitle
				} else if soldEach(it.text.tokens) {
					// "RAWLINGS R100 PRACTICE BASEBALL EA": one ball,
					// not the listing's 12 Count.
					s.q, s.from = []quantity{{Dim: dimCount, Value: 1, Text: "each"}}, FromTitle
				}
			}
			s.text = s.shown(it.Rec.Size)
		},
		encode: func(e *encoder, it *Item) {
			s := &it.size
			e.str(s.field)
			e.bool(s.named)
			e.quantities(s.q)
			e.uint(uint64(s.from))
			e.quantities(s.titleQ)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			it.size = sizeValue{field: d.str(), named: d.bool(), q: d.quantities(), from: d.source(), titleQ: d.quantities()}
			it.size.text = it.size.shown(it.Rec.Size)
		},
		compare: compareSizes,
	}
}

// unitFromTitle reads a size field that is a bare number ("24") as the
// title's quantity of that number ("24CT", "500 ml"): a supplier's size
// column leaves the unit to the title.
func unitFromTitle(field, title []quantity) []quantity {
	if len(field) != 1 || field[0].Dim != dimNumbered || field[0].Low != 0 {
		return field
	}
	for _, q := range title {
		if q.Dim != dimNumbered && q.Value == field[0].Value && q.Low == 0 {
			return []quantity{q}
		}
	}
	return field
}

// notBrand drops from a title's quantities the one that is the record's
// brand, its company suffix aside ("3M", "3M COMPANY": no length of three
// meters), or, with no brand field, a known brand the title leads with ("3M -
// Privacy Filter", as shops scrape it).
func notBrand(qs []quantity, it *Item, vs *Vocabularies) []quantity {
	key := it.brand.key
	if toks := it.text.tokens; key == "" && len(toks) > 0 && vs.knownBrand(toks[0]) {
		key = toks[0]
	}
	if key == "" || !isDigit(key[0]) {
		return qs
	}
	return slices.DeleteFunc(qs, func(q quantity) bool { return Compact(q.Text) == key })
}

func (s *sizeValue) shown(raw string) string {
	if s.from == FromTitle {
		return FromTitle.shown(raw, texts(s.q))
	}
	return raw
}

func compareSizes(a, b *Item, _ *Env) Outcome {
	sa, sb := &a.size, &b.size
	av, bv := sa.text, sb.text
	if sa.field != "" && sa.field == sb.field {
		if o, ok := titlesDisagree(sa, sb, av, bv); ok {
			return o
		}
		return Outcome{Level: Exact, A: av, B: bv}
	}
	if sa.named && sb.named {
		// "KING" against "Queen": two named sizes, whatever the titles
		// measure (a 12-inch mattress in both).
		return Outcome{Level: Conflict, A: av, B: bv, Evidence: sa.field + " vs " + sb.field, Stated: true}
	}
	if o, ok := bareDimsAgainst(sa, sb, av, bv); ok {
		return o
	}
	if len(sa.q) == 0 || len(sb.q) == 0 {
		// Two size texts neither of which reads as a size ("Twin",
		// "Queen") differ; a text against a measured size is no evidence
		// ("FAMILY SIZE" against "18 oz").
		if sa.field != "" && sb.field != "" && len(sa.q) == 0 && len(sb.q) == 0 {
			// "10/12" and "Medium (10-12)": one size written with
			// its numbers both times.
			if na := numbersIn(sa.field); len(na) > 0 && slices.Equal(na, numbersIn(sb.field)) {
				return Outcome{Level: Equivalent, A: av, B: bv, Evidence: "the same numbers: " + strings.Join(na, ", ")}
			}
			return Outcome{Level: Conflict, A: av, B: bv, Evidence: "different sizes"}
		}
		return missing(av, bv)
	}
	if o, ok := bareAgainstUnisex(sa, sb, av, bv); ok {
		return o
	}
	shared, agree, why := compareQuantities(withoutCount(sa.q), withoutCount(sb.q))
	if !shared {
		shared, agree, why = compareQuantities(sa.q, sb.q)
	} else if agree {
		// The same 2000 IU, but 220 softgels against 100: both counts
		// stated and different are two items.
		if cs, cagree, cwhy := compareQuantities(ofDim(sa.q, dimCount), ofDim(sb.q, dimCount)); cs && !cagree {
			agree, why = false, cwhy
		}
	}
	switch {
	case !shared:
		// "28.5IN" against "6" (a ball's size number), "XL" against
		// "32 oz": sizes of different kinds say nothing of each other.
		return missing(av, bv)
	case agree:
		if o, ok := titlesDisagree(sa, sb, av, bv); ok {
			return o
		}
		if o, ok := unreadAgainst(sa, sb, av, bv); ok {
			return o
		}
		return Outcome{Level: Equivalent, A: av, B: bv, Evidence: why}
	}
	return Outcome{Level: Conflict, A: av, B: bv, Evidence: why, Stated: sa.from == FromField && sb.from == FromField}
}

// bareDimsAgainst compares a size field of bare dimensions ("27X54", a
// supplier's towel or rug size with its unit left to the trade) with the
// other record's size field that measures them ("27 x 54 Inches"): the same
// numbers are the same size, as many other numbers another.
func bareDimsAgainst(sa, sb *sizeValue, av, bv string) (Outcome, bool) {
	for _, p := range [2][2]*sizeValue{{sa, sb}, {sb, sa}} {
		x, y := p[0], p[1]
		if !strings.Contains(x.field, "x") || y.from != FromField || !hasDim(y.q, dimLength) {
			continue // (a trouser's 32X30 against 32W x 30L is its own reading's)
		}
		// Bare: "27x54" (one word) or "27 x 54" (numbers and x's only).
		nx, words := numbersIn(x.field), len(strings.Fields(x.field))
		if len(nx) < 2 || words != 1 && words != 2*len(nx)-1 {
			continue // words beside the numbers: not bare dimensions
		}
		ny := numbersIn(y.field)
		if len(ny) != len(nx) {
			continue
		}
		nx, ny = slices.Sorted(slices.Values(nx)), slices.Sorted(slices.Values(ny))
		if slices.Equal(nx, ny) {
			return Outcome{Level: Equivalent, A: av, B: bv, Evidence: "the same dimensions: " + strings.Join(nx, " x ")}, true
		}
		return Outcome{Level: Conflict, A: av, B: bv, Evidence: "other dimensions: " + strings.Join(nx, " x ") + " vs " + strings.Join(ny, " x "), Stated: true}, true
	}
	return Outcome{}, false
}

// titlesDisagree reports, for two sizes that agree, a conflict between the
// quantities both titles state of a dimension no size field states ("Diapers
// Size 4, 150 CT" against "Size 4, 120 Count"; "SZ2 112CT", a size read
// from the title, against a field's "Size 2" and a title's "84 Count").
func titlesDisagree(sa, sb *sizeValue, av, bv string) (Outcome, bool) {
	qa, qb := sa.titleQuantities(), sb.titleQuantities()
	if len(qa) == 0 || len(qb) == 0 {
		return Outcome{}, false
	}
	stated := func(dim dimension) bool {
		return sa.from == FromField && hasDim(sa.q, dim) || sb.from == FromField && hasDim(sb.q, dim)
	}
	var ta, tb []quantity
	for _, q := range qa {
		if !stated(q.Dim) {
			ta = append(ta, q)
		}
	}
	for _, q := range qb {
		if !stated(q.Dim) {
			tb = append(tb, q)
		}
	}
	if shared, agree, why := compareQuantities(ta, tb); shared && !agree {
		return Outcome{Level: Conflict, A: av, B: bv, Evidence: "the titles: " + why}, true
	}
	return Outcome{}, false
}

// bareAgainstUnisex compares a bare shoe size ("9") with a unisex one
// ("Men's 9 / Women's 11"): the men's or the women's number, no evidence
// either way (which one the bare number means, the file does not say);
// neither, another size.
func bareAgainstUnisex(sa, sb *sizeValue, av, bv string) (Outcome, bool) {
	for _, p := range [2][2]*sizeValue{{sa, sb}, {sb, sa}} {
		x, y := p[0], p[1]
		if len(x.q) != 1 || len(y.q) != 1 || x.q[0].Dim != dimNumbered || y.q[0].Dim != dimNumbered {
			continue
		}
		n, sizes := x.q[0].Value, unisexNumbers(y.q[0].Value)
		if n >= unisexOffset || sizes == nil {
			continue
		}
		if slices.Contains(sizes, n) {
			return Outcome{Level: Missing, A: av, B: bv, Evidence: "a bare size, the men's or the women's of the other"}, true
		}
		return Outcome{Level: Conflict, A: av, B: bv, Evidence: "a bare size, neither the men's nor the women's of the other"}, true
	}
	return Outcome{}, false
}

// unreadAgainst finds a size field read in part: a number without its unit
// ("1.41 X 60YD", a tape's width in inches left to the trade) beside the
// quantity that agreed, against another size that states one quantity more,
// none of them that number ("1.88 in x 60 yd"): another size, though the
// part read agrees.
func unreadAgainst(sa, sb *sizeValue, av, bv string) (Outcome, bool) {
	for _, p := range [2][2]*sizeValue{{sa, sb}, {sb, sa}} {
		x, y := p[0], p[1]
		if x.from != FromField || len(y.q) <= len(x.q) {
			continue
		}
		ys := quantityNumbers(y.q)
		for _, n := range bareNumbers(x.field) {
			v, err := strconv.ParseFloat(n, 64)
			if err != nil || v == 0 || slices.Contains(ys, v) {
				continue
			}
			return Outcome{Level: Conflict, A: av, B: bv, Evidence: n + " (its unit unread) is none of the other's"}, true
		}
	}
	return Outcome{}, false
}

// bareNumbers returns the numbers of a normalized size field that no unit
// follows ("1.41" of "1.41 x 60yd"; not "60" of "60 yd").
func bareNumbers(field string) []string {
	toks := strings.Fields(field)
	var out []string
	for i, t := range toks {
		if !isNumber(t) {
			continue
		}
		if i+1 < len(toks) {
			if _, ok := units[toks[i+1]]; ok {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// quantityNumbers returns the numbers quantities were written with (1.88
// of "1.88 in"), not their values in base units.
func quantityNumbers(qs []quantity) []float64 {
	var out []float64
	for _, q := range qs {
		t := strings.TrimSpace(q.Text)
		j := 0
		for j < len(t) && (isDigit(t[j]) || t[j] == '.') {
			j++
		}
		if v, err := strconv.ParseFloat(t[:j], 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// titleQuantities are the quantities a size's title states: those read
// beside its field, or the size itself where it was read from the title.
func (s *sizeValue) titleQuantities() []quantity {
	if s.from == FromTitle {
		return s.q
	}
	return s.titleQ
}

// bareFractions reads the fractions a title states without a unit ("3/4",
// "1-1/2", "1/2 X 520", a number by a fraction "9X3/8") as inches, as a
// supplier's pipe fitting, hose, tape or roller cover names its size; a
// quarter turn (a valve's) is no size. Read only where the title states no
// other size, and only one: two bare fractions are an inlet and an outlet,
// or a dimension, which a title's words say better.
func bareFractions(title string) []quantity {
	low := strings.ToLower(fold(title))
	if !hasFraction(low) {
		return nil
	}
	low = numberByFractionRE.ReplaceAllString(low, "$1 x $2")
	var out []quantity
	sizes := 0
	for _, g := range fractionRE.FindAllStringSubmatchIndex(low, -1) {
		v, start, ok := fractionValue(low, g)
		if !ok || strings.HasPrefix(strings.TrimLeft(low[g[7]:], " -"), "turn") {
			continue
		}
		sizes++
		if before, ok := strings.CutSuffix(low[:start], " x "); ok {
			// "9X3/8", "1X2-5/8": a bare number by a fraction, both
			// inches (a roller's length and nap, a board's sides).
			k := len(before)
			for k > 0 && (isDigit(before[k-1]) || before[k-1] == '.') {
				k--
			}
			w, err := strconv.ParseFloat(before[k:], 64)
			if err != nil || k > 0 && isAlnum(before[k-1]) || w == 0 {
				return nil // "A1X3/8", "1/2 NOM X 3/8": not a number by a fraction
			}
			out = append(out, quantity{Dim: dimLength, Value: w * 25.4, Text: before[k:]})
		} else if start > 0 && (low[start-1] == '-' || low[start-1] == 'x') {
			return nil // a dimension half read
		}
		out = append(out, quantity{Dim: dimLength, Value: v * 25.4, Text: strings.TrimSpace(low[start:g[7]])})
	}
	if sizes != 1 {
		return nil // "1/2 NOM X 3/8 OD": an inlet and an outlet, not one size
	}
	return out
}

// numberByFractionRE finds a number glued by an x to a fraction ("9x3/8"),
// to be spaced apart ("9 x 3/8") where fractionRE reads the fraction.
var numberByFractionRE = regexp.MustCompile(`(\d)x(\d{1,2}(?:-\d{1,2})?/\d)`)

// numbersIn returns the numbers of a normalized text, in order, a
// dimension's numbers apart ("16x25x1" and "16 x 25 x 1" both give 16, 25,
// 1).
func numbersIn(n string) []string {
	var out []string
	for _, t := range strings.Fields(n) {
		if isNumber(t) {
			out = append(out, t)
			continue
		}
		parts := strings.Split(t, "x")
		if len(parts) < 2 {
			continue
		}
		for _, p := range parts {
			if !isNumber(p) {
				parts = nil
				break
			}
		}
		out = append(out, parts...)
	}
	return out
}

// soldEach reports whether a title ends by saying its item is sold one by
// one ("... BASEBALL EA", "... EACH"), a wholesale unit of measure.
func soldEach(toks []string) bool {
	if len(toks) < 3 {
		return false
	}
	last := toks[len(toks)-1]
	return last == "ea" || last == "each"
}

// noSize are size column values that state no size.
var noSize = map[string]bool{
	"ea": true, "each": true, "1 ea": true, "1 each": true, "1ea": true, "na": true, "n a": true, "none": true,
	"one size": true, "os": true, "o s": true, "osfa": true, "one size fits all": true, "various": true, "var": true,
	"osfm": true, "one size fits most": true,
}

// withoutCount drops counts ("24 count") unless they are all there is, so a
// shared volume or mass decides first.
func withoutCount(qs []quantity) []quantity {
	var out []quantity
	for _, q := range qs {
		if q.Dim != dimCount {
			out = append(out, q)
		}
	}
	return out
}

// titleSizes reads a garment's or a shoe's size from its title: after
// "size" or "sz" ("Size 10", "SZ 9.5", "Size L"), a waist and inseam
// ("32X30"), or a letter size ("XL", "Medium", "LG") when the title names a
// kind sold in sizes (types.json: sized) and names one size only. A single
// letter after "men", "women" and the like is a possessive ("Men's").
func titleSizes(toks []string, vs *Vocabularies) []quantity {
	if qs := labeledSize(toks); qs != nil {
		return qs
	}
	var found []quantity
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && (t == "x" || t == "extra" || t == "xx") {
			if r, ok := apparelSizes[t+" "+toks[i+1]]; ok {
				found = appendSize(found, quantity{Dim: dimApparel, Value: r, Text: t + " " + toks[i+1]})
				i++
				continue
			}
		}
		if waistInseamRE.MatchString(t) {
			found = appendSize(found, parseSize(t)...)
			continue
		}
		r, ok := apparelSizes[t]
		if !ok || len(t) == 1 && i > 0 && possessive[toks[i-1]] {
			continue
		}
		found = appendSize(found, quantity{Dim: dimApparel, Value: r, Text: t})
	}
	if len(found) != 1 {
		return nil // none, or "S M L": which?
	}
	// Only then the kinds: most titles name no size word.
	for _, term := range vs.types.Find(toks) {
		if term.Sized {
			return found
		}
	}
	return nil
}

// aughtRE matches a size in aughts written as one word ("1/0", "2/0",
// "4/0": a fishing hook's or a wire's, larger as the number grows).
var aughtRE = regexp.MustCompile(`^([1-9]|1[0-2])/0$`)

// aughtSizes reads a title's one size in aughts, as a numbered size below
// every plain one (1/0 is -1, 2/0 is -2); nil when it states none or more
// than one. A word of numbers and slashes ("10/100/1000") is none.
func aughtSizes(title string) []quantity {
	var out []quantity
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '(' || r == ')' }) {
		m := aughtRE.FindStringSubmatch(w)
		if m == nil {
			continue
		}
		if len(out) > 0 {
			return nil
		}
		n, _ := strconv.Atoi(m[1])
		out = append(out, quantity{Dim: dimNumbered, Value: -float64(n), Text: w})
	}
	return out
}

// labeledSize reads the size a title labels: after "size" or "sz" ("Size
// 10", "SZ 9.5", "Size L", "SZ7"); nil when it labels none.
func labeledSize(toks []string) []quantity {
	for i, t := range toks {
		if (t == "size" || t == "sz") && i+1 < len(toks) {
			if qs := parseSize(toks[i+1]); len(qs) == 1 && (qs[0].Dim == dimApparel || qs[0].Dim == dimNumbered) {
				return qs
			}
		}
		if rest, ok := strings.CutPrefix(t, "sz"); ok && rest != "" && isDigit(rest[0]) {
			if qs := parseSize(rest); len(qs) == 1 && qs[0].Dim == dimNumbered {
				return qs
			}
		}
	}
	return nil
}

// possessive are the words a lone "s" follows in "Men's", "Women's".
var possessive = map[string]bool{"men": true, "women": true, "boy": true, "boys": true, "girl": true, "girls": true,
	"kid": true, "kids": true, "child": true, "children": true, "lady": true, "ladies": true, "toddler": true, "baby": true}

func appendSize(qs []quantity, add ...quantity) []quantity {
	for _, q := range add {
		dup := false
		for _, x := range qs {
			dup = dup || x.Dim == q.Dim && x.Value == q.Value
		}
		if !dup {
			qs = append(qs, q)
		}
	}
	return qs
}

// bareDimensions reads the one set of dimensions a title writes without a
// unit ("Projection Screen - 36 x 48 Video Format", an air filter's
// "16X25X1"): two screens, boards, frames or filters of other dimensions are
// other sizes, whichever way round they are written. Several sets, or none,
// read as nothing.
func bareDimensions(toks []string) []quantity {
	var found []quantity
	for i := 0; i < len(toks); i++ {
		var nums []string
		end := i + 1
		switch {
		case dimensionsRE.MatchString(toks[i]):
			nums = strings.Split(toks[i], "x") // "16x25x1", glued
		case i+2 < len(toks) && toks[i+1] == "x" && isNumber(toks[i]) && isNumber(toks[i+2]):
			nums, end = []string{toks[i], toks[i+2]}, i+3
			if i+4 < len(toks) && toks[i+3] == "x" && isNumber(toks[i+4]) {
				nums, end = append(nums, toks[i+4]), i+5
			}
		default:
			continue
		}
		if i > 0 && isNumber(toks[i-1]) || end < len(toks) && isNumber(toks[end]) {
			// "3-7/16 x 2/3" with its slashes lost: fractions, not
			// whole dimensions.
			return nil
		}
		var vs []float64
		for _, n := range nums {
			v, err := strconv.ParseFloat(n, 64)
			if err != nil || v <= 0 || v >= 1000 {
				return nil
			}
			vs = append(vs, v)
		}
		slices.Sort(vs)
		value := 0.0
		for _, v := range vs {
			value = value*1000 + v
		}
		found = append(found, quantity{Dim: dimFrame, Value: value, Text: strings.Join(toks[i:end], " ")})
		i = end - 1
	}
	if len(found) != 1 {
		return nil
	}
	return found
}
