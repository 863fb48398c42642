package match

import "testing"

func TestParseGTIN(t *testing.T) {
	tests := []struct {
		in      string
		want    GTIN
		wantErr bool
		reason  string
	}{
		{"036000291452", "00036000291452", false, "UPC-A pads to 14 digits"},
		{"0036000291452", "00036000291452", false, "the same item as EAN-13 is equal"},
		{"96385074", "00000096385074", false, "EAN-8"},
		{"10036000291459", "10036000291459", false, "GTIN-14 stays"},
		{"9780306406157", "09780306406157", false, "ISBN-13 is an EAN-13"},
		{"036-000 291452", "00036000291452", false, "spaces and hyphens are ignored"},
		{"036000291453", "", true, "wrong check digit"},
		{"03600029145", "", true, "11 digits is no GTIN length"},
		{"03600029145X", "", true, "a letter is not a digit"},
		{"", "", true, "empty"},
	}
	for _, tt := range tests {
		got, err := ParseGTIN(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseGTIN(%q) = %q, %v; want %q, error %v (%s)", tt.in, got, err, tt.want, tt.wantErr, tt.reason)
		}
	}
}

func FuzzParseGTIN(f *testing.F) {
	for _, s := range []string{"036000291452", "96385074", "10036000291459", "abc", "", "0000000000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseGTIN(s)
		if err != nil {
			return
		}
		if len(g) != 14 {
			t.Fatalf("ParseGTIN(%q) = %q, not 14 digits", s, g)
		}
		// A valid GTIN's 14-digit form is valid and maps to itself.
		if g2, err := ParseGTIN(string(g)); err != nil || g2 != g {
			t.Fatalf("ParseGTIN(%q) = %q, %v; want %q", g, g2, err, g)
		}
	})
}
