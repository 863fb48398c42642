package match

import (
	"errors"
	"testing"
)

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
		{"03600029145", "", true, "11 digits that are no UPC-A without its zero"},
		{"36000291452", "00036000291452", false, "a UPC-A whose leading zero a spreadsheet dropped"},
		{"036000291452.0", "00036000291452", false, "exported as a float"},
		{"036000291452,00", "00036000291452", false, "a float with a decimal comma"},
		{"36000291452.00", "00036000291452", false, "a float without the leading zero"},
		{"3.6000291452E+10", "00036000291452", false, "scientific notation with every digit (and the UPC's zero dropped)"},
		{"9.780306406157E+12", "09780306406157", false, "an EAN-13 in scientific notation"},
		{"3.60003E+10", "", true, "scientific notation that lost digits: unreadable"},
		{"036000291452.5", "", true, "not a whole number"},
		{"03600029145X", "", true, "a letter is not a digit"},
		{"", "", true, "empty"},
		{"'036000291452", "00036000291452", false, "a spreadsheet's apostrophe that keeps the zero"},
		{`="036000291452"`, "00036000291452", false, "Excel's formula that keeps the zero in a CSV"},
		{"UPC: 036000291452", "00036000291452", false, "a label before the number"},
		{"EAN-13 9780306406157", "09780306406157", false, "a label with its own digits"},
		{"upc#036000291452", "00036000291452", false, "a label in lower case with #"},
		{"UPC", "", true, "a label alone"},
		{"3,6000291452E+10", "00036000291452", false, "scientific notation with a decimal comma (a European spreadsheet)"},
		{"UPCX036000291452", "", true, "no label: letters run into the number"},
		{"0306406152", "09780306406157", false, "an ISBN-10 is the ISBN-13 of the same book"},
		{"0-306-40615-2", "09780306406157", false, "an ISBN-10 with its hyphens"},
		{"306406152", "09780306406157", false, "an ISBN-10 whose leading zero a spreadsheet dropped"},
		{"080442957X", "09780804429573", false, "an ISBN-10 whose check character is X"},
		{"080442957x", "09780804429573", false, "the X in lower case"},
		{"ISBN-10: 0-306-40615-2", "09780306406157", false, "an ISBN-10 with its label"},
		{"0306406153", "", true, "ten digits that fail the ISBN-10 check"},
		{"306406153", "", true, "nine digits that are no ISBN-10 without its zero"},
		{"03064061X2", "", true, "an X only as the check character"},
		{"0553593714", "09780553593716", false, "an ISBN-10 that passes a UPC-A's check with two zeros too is the book (one in ten do)"},
	}
	if _, err := ParseGTIN("7.50123E+11"); !errors.Is(err, ErrUnreadableGTIN) {
		t.Errorf("lossy scientific notation: %v, want ErrUnreadableGTIN", err)
	}
	for _, tt := range tests {
		got, err := ParseGTIN(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseGTIN(%q) = %q, %v; want %q, error %v (%s)", tt.in, got, err, tt.want, tt.wantErr, tt.reason)
		}
	}
}

func FuzzParseGTIN(f *testing.F) {
	for _, s := range []string{"036000291452", "96385074", "10036000291459", "abc", "", "0000000000000000", "7.50123E+11", "36000291452.0", "3.6000291452E+11", "080442957X", "306406152"} {
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
