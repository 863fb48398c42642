package match

import (
	"fmt"
	"strings"
)

// GTIN is a validated Global Trade Item Number in its 14-digit form: UPC-A
// (12 digits), EAN-8, EAN-13 and ISBN-13 are left-padded with zeros, so that
// the same item written as UPC and as EAN compares equal.
type GTIN string

// ParseGTIN validates s (spaces and hyphens ignored) as a GTIN-8, -12, -13 or
// -14 and returns its 14-digit form. An error says what is wrong: not digits,
// a wrong length, or a check digit that does not match.
func ParseGTIN(s string) (GTIN, error) {
	digits := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if digits == "" {
		return "", fmt.Errorf("empty GTIN")
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("GTIN %q has a non-digit %q", s, r)
		}
	}
	switch len(digits) {
	case 8, 12, 13, 14:
	default:
		return "", fmt.Errorf("GTIN %q has %d digits, want 8, 12, 13 or 14", s, len(digits))
	}
	want := CheckDigit(digits[:len(digits)-1])
	if got := digits[len(digits)-1]; got != want {
		return "", fmt.Errorf("GTIN %q fails its check digit (got %c, want %c)", s, got, want)
	}
	return GTIN(strings.Repeat("0", 14-len(digits)) + digits), nil
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
