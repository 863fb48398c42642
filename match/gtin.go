package match

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// GTIN is a validated Global Trade Item Number in its 14-digit form: UPC-A
// (12 digits), EAN-8, EAN-13 and ISBN-13 are left-padded with zeros, so that
// the same item written as UPC and as EAN compares equal. An ISBN-10 is
// written as the ISBN-13 (978 and a new check digit) that names the same
// book.
type GTIN string

// ErrUnreadableGTIN reports a GTIN a spreadsheet damaged beyond repair
// (scientific notation that lost digits): no evidence either way, and no
// reason to call the offer's GTIN invalid.
var ErrUnreadableGTIN = errors.New("unreadable GTIN")

// sciRE matches a number in scientific notation, as spreadsheets write
// long numbers ("7.50123E+11").
var sciRE = regexp.MustCompile(`^([0-9])(?:[.,]([0-9]+))?[eE]\+?([0-9]{1,2})$`)

// ParseGTIN validates s as a GTIN-8, -12, -13 or -14 and returns its
// 14-digit form. It repairs what spreadsheets do to GTINs: spaces and
// hyphens, a float's ".0", scientific notation that kept every digit, and
// a UPC-A whose leading zero was dropped (11 digits, accepted only when the
// check digit then holds), and what exports wrap them in to keep their
// zeros or name them: a leading apostrophe, Excel's ="..." formula, a
// label ("UPC: ", "EAN ", "GTIN#"). An error says what is wrong: not
// digits, a wrong length, a check digit that does not match, or
// ErrUnreadableGTIN for scientific notation that lost digits. A book's
// ISBN-10 (ten characters, the last a digit or X, its mod-11 check holding;
// nine when a spreadsheet dropped its leading zero) is read as its ISBN-13.
func ParseGTIN(s string) (GTIN, error) {
	digits := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, unwrapGTIN(s))
	if digits == "" {
		return "", fmt.Errorf("empty GTIN")
	}
	if i := strings.IndexAny(digits, ".,"); i > 0 && strings.Trim(digits[i+1:], "0") == "" && isDigits(digits[:i]) {
		digits = digits[:i] // exported as a float: "750123456789.0" (or ",0")
	} else if m := sciRE.FindStringSubmatch(digits); m != nil {
		mantissa := m[1] + m[2]
		exp, _ := strconv.Atoi(m[3])
		switch {
		case len(mantissa) < exp+1:
			return "", fmt.Errorf("%w: %q is in scientific notation and lost %d digits", ErrUnreadableGTIN, s, exp+1-len(mantissa))
		case len(mantissa) > exp+1 && strings.Trim(mantissa[exp+1:], "0") != "":
			return "", fmt.Errorf("GTIN %q is not a whole number", s)
		}
		digits = mantissa[:exp+1]
	}
	if g, ok := isbn10(digits); ok {
		// Ten digits are an ISBN-10's own length, where a UPC-A would have
		// lost two leading zeros (never read: ParseGTIN repairs one); one
		// ISBN-10 in ten passes the UPC-A's check too.
		return g, nil
	}
	if !isDigits(digits) {
		for _, r := range digits {
			if r < '0' || r > '9' {
				return "", fmt.Errorf("GTIN %q has a non-digit %q", s, r)
			}
		}
	}
	if len(digits) == 11 {
		// A UPC-A whose leading zero a spreadsheet dropped.
		if CheckDigit("0"+digits[:10]) == digits[10] {
			digits = "0" + digits
		} else {
			return "", fmt.Errorf("GTIN %q has 11 digits, and not as a UPC-A without its leading zero", s)
		}
	}
	switch len(digits) {
	case 8, 12, 13, 14:
	case 10:
		return "", fmt.Errorf("GTIN %q has 10 digits and fails an ISBN-10's check digit; want 8, 12, 13 or 14 digits or an ISBN-10", s)
	default:
		return "", fmt.Errorf("GTIN %q has %d digits, want 8, 12, 13 or 14", s, len(digits))
	}
	want := CheckDigit(digits[:len(digits)-1])
	if got := digits[len(digits)-1]; got != want {
		return "", fmt.Errorf("GTIN %q fails its check digit (got %c, want %c)", s, got, want)
	}
	return GTIN(strings.Repeat("0", 14-len(digits)) + digits), nil
}

// gtinLabels are the names a GTIN cell may lead with, longest first.
var gtinLabels = []string{"upc-a", "upc-e", "ean-13", "ean13", "ean-8", "ean8", "gtin-14", "gtin-13", "gtin-12", "gtin14", "gtin13", "gtin12", "gtin", "isbn-13", "isbn13", "isbn-10", "isbn10", "isbn", "upc", "ean"}

// unwrapGTIN takes off what a GTIN cell may carry around the number: space,
// a leading apostrophe (a spreadsheet's "keep this as text"), Excel's
// ="..." formula, and a label ("UPC: 0447...") followed by a digit.
func unwrapGTIN(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = s[2 : len(s)-1]
	}
	s = strings.TrimPrefix(s, "'")
	low := strings.ToLower(s)
	for _, l := range gtinLabels {
		if !strings.HasPrefix(low, l) {
			continue
		}
		rest := strings.TrimLeft(s[len(l):], " :#")
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return rest
		}
		break
	}
	return strings.TrimSpace(s)
}

// isbn10 reads digits as an ISBN-10 and returns the ISBN-13 of the same
// book: ten characters, nine digits and a check character (a digit or X)
// whose weighted sum (10 down to 1) is a multiple of 11; or nine, the ten
// without a leading zero a spreadsheet dropped, accepted only when the check
// then holds (as a UPC-A's dropped zero is).
func isbn10(digits string) (GTIN, bool) {
	if len(digits) == 9 {
		digits = "0" + digits
	}
	if len(digits) != 10 || !isDigits(digits[:9]) {
		return "", false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += (10 - i) * int(digits[i]-'0')
	}
	switch c := digits[9]; {
	case c >= '0' && c <= '9':
		sum += int(c - '0')
	case c == 'X' || c == 'x':
		sum += 10
	default:
		return "", false
	}
	if sum%11 != 0 {
		return "", false
	}
	body := "978" + digits[:9]
	return GTIN("0" + body + string(CheckDigit(body))), true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// CheckDigit computes the GS1 check digit for the digits of a GTIN without
// its last digit: weights 3 and 1 alternate from the right.
func CheckDigit(body string) byte {
	sum := 0
	for i := 0; i < len(body); i++ {
		d := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// gtinValue is the GTIN feature: the valid GTINs in 14-digit form, why
// each invalid one was refused, and the ones a spreadsheet made unreadable
// (neither valid nor invalid).
type gtinValue struct {
	shown      string // the record's GTINs as results show them, "|" between
	valid      []GTIN
	invalid    []string
	unreadable []string
}

// companyDigits is how many digits after a GTIN-14's indicator digit two
// GTINs must share to be taken for one company's: GS1 company prefixes are
// 7 to 11 digits of a GTIN-13, so 8 keeps prefixes of different companies
// apart in most cases while catching most of one company's products.
const companyDigits = 8

// sameCompany reports whether two items' valid GTINs carry one GS1 company
// prefix (when they are not the same GTIN).
func sameCompany(a, b *Item) bool {
	for _, x := range a.gtin.valid {
		for _, y := range b.gtin.valid {
			if x != y && x[1:1+companyDigits] == y[1:1+companyDigits] && x[1:4] != "000" {
				return true
			}
		}
	}
	return false
}

// caseOnly reports whether every GTIN is a case code: a GTIN-14 whose
// indicator digit (1-8) packs units.
func caseOnly(gs []GTIN) bool {
	for _, g := range gs {
		if g[0] == '0' || g[0] == '9' {
			return false
		}
	}
	return len(gs) > 0
}

// sameUnit reports whether a case code of one list packs an item GTIN of
// the other: the same digits after the indicator, the check digit aside.
func sameUnit(a, b []GTIN) bool {
	for _, x := range a {
		for _, y := range b {
			if (x[0] != y[0]) && x[1:13] == y[1:13] {
				return true
			}
		}
	}
	return false
}

// GTINs returns the item's valid GTINs in 14-digit form.
func (it *Item) GTINs() []GTIN { return it.gtin.valid }

// gtinAttribute: an equal valid GTIN is the strongest single evidence; two
// valid GTIN sets with nothing in common count against. An invalid GTIN on
// either side is not evidence either way.
func gtinAttribute() Attribute {
	return Attribute{
		Name: "gtin",
		Levels: []LevelSpec{
			{Level: Exact, Weight: 12, Identifies: true, Why: "a GTIN names one trade item (GS1): a shared one outweighs any soft disagreement"},
			{Level: Conflict, Weight: -5, Why: "one item may carry several GTINs (UPC, EAN, a relabel): against, not a veto"},
			{Level: Invalid, Weight: 0, Why: "an unreadable GTIN says nothing about the item"},
			{Level: Missing},
		},
		prepare: func(it *Item, _ *Vocabularies) {
			it.gtin.shown = strings.Join(it.Rec.GTINs, "|")
			for _, g := range it.Rec.GTINs {
				if strings.TrimSpace(g) == "" {
					continue
				}
				v, err := ParseGTIN(g)
				if errors.Is(err, ErrUnreadableGTIN) {
					it.gtin.unreadable = append(it.gtin.unreadable, err.Error())
					continue
				}
				if err != nil {
					it.gtin.invalid = append(it.gtin.invalid, err.Error())
					continue
				}
				it.gtin.valid = appendUnique(it.gtin.valid, v)
			}
		},
		encode: func(e *encoder, it *Item) {
			g := &it.gtin
			valid := make([]string, len(g.valid))
			for i, v := range g.valid {
				valid[i] = string(v)
			}
			if g.valid == nil {
				valid = nil
			}
			e.strs(valid)
			e.strs(g.invalid)
			e.strs(g.unreadable)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			g := &it.gtin
			g.shown = strings.Join(it.Rec.GTINs, "|")
			if valid := d.strs(); valid != nil {
				g.valid = make([]GTIN, len(valid))
				for i, v := range valid {
					g.valid[i] = GTIN(v)
				}
			}
			g.invalid, g.unreadable = d.strs(), d.strs()
		},
		compare: compareGTINs,
	}
}

// sharedGTIN returns a valid GTIN two items share.
func sharedGTIN(a, b *gtinValue) (GTIN, bool) {
	for _, x := range a.valid {
		if slices.Contains(b.valid, x) {
			return x, true
		}
	}
	return "", false
}

func compareGTINs(a, b *Item, _ *Env) Outcome {
	ga, gb := &a.gtin, &b.gtin
	av, bv := ga.shown, gb.shown
	if x, ok := sharedGTIN(ga, gb); ok {
		return Outcome{Level: Exact, A: av, B: bv, Evidence: "shared GTIN " + string(x)}
	}
	if len(ga.valid) > 0 && len(gb.valid) > 0 {
		if caseOnly(ga.valid) != caseOnly(gb.valid) {
			// A case code (GTIN-14, indicator digit 1-8) names a case of
			// units: it is not the unit's GTIN (and is no evidence against
			// a listed N-pack, which has a GTIN of its own).
			if sameUnit(ga.valid, gb.valid) {
				return Outcome{Level: Conflict, A: av, B: bv, Evidence: "a case code of the other's unit: a case, not the unit"}
			}
			return Outcome{Level: Missing, A: av, B: bv, Evidence: "a case code (GTIN-14) against an item GTIN"}
		}
		return Outcome{Level: Conflict, A: av, B: bv, Evidence: "no GTIN in common"}
	}
	aAny, bAny := len(ga.valid)+len(ga.invalid) > 0, len(gb.valid)+len(gb.invalid) > 0
	if aAny && bAny && (len(ga.invalid) > 0 || len(gb.invalid) > 0) {
		return Outcome{Level: Invalid, A: av, B: bv, Evidence: strings.Join(append(slices.Clone(ga.invalid), gb.invalid...), "; ")}
	}
	o := missing(av, bv)
	if u := append(slices.Clone(ga.unreadable), gb.unreadable...); len(u) > 0 {
		o.Evidence = strings.Join(u, "; ")
	}
	return o
}
