package match

import (
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
func fold(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return cases.Fold().String(out)
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
		case r == '&':
			flush()
			toks = append(toks, "and")
		case r == '\'' || r == '\u2019':
			// "Levi's" -> "levis": an apostrophe joins its word.
		default:
			flush()
		}
	}
	flush()
	return toks
}

// Compact normalizes s and removes every character that is not a letter or a
// digit: the form used for codes and brand keys ("WH-1000XM4" -> "wh1000xm4").
func Compact(s string) string {
	s = fold(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
