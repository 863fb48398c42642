package match

import (
	"math"
	"testing"
)

func TestReadAge(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		title   string
		low, hi float64
		stated  bool
		reason  string
	}{
		{"Philips Avent Soothie Pacifier, 0-3 Months, Green, 2 Pack", 0, 3, true, "a range in months"},
		{"AVENT SOOTHIE PACIFIER 0-3M GREEN 2PK", 0, 3, true, "M after a range from 0: months"},
		{"MAM AIR PACIFIER 6-16M 2PK BOY", 6, 16, true, "a range in M"},
		{"AVENT SOOTHIE PACIFIER 3M+ 2PK", 3, inf, true, "N M+: from N months up"},
		{"Philips Avent Soothie Pacifier, 3+ Months, 2 Pack", 3, inf, true, "N+ then months"},
		{"Nuby sippy cup 12 months and up", 12, inf, true, "and up"},
		{"LEGO Star Wars set, Ages 8+", 96, inf, true, "ages N: years"},
		{"Melissa & Doug puzzle for ages 3-5", 36, 60, true, "an age label's range: years"},
		{"Toddler shirt 2-4 years", 24, 48, true, "a range in years"},
		{"HDMI cable 10m", 0, 0, false, "a length, no range"},
		{"Centrum Silver Multivitamin for Men 50 Plus, 100 Tablets", 0, 0, false, "N plus with no unit nor ages: not read (was 50 months and up)"},
		{"Toy blocks, ages 3 and up", 36, inf, true, "ages N and up: years"},
		{"3M Scotch tape 12 pack", 0, 0, false, "the brand 3M, no plus"},
		{"Samsung 65 inch TV 120Hz", 0, 0, false, "nothing of ages"},
		{"Router 5 year warranty", 0, 0, false, "a warranty's years are no age range"},
		{"Outdoor extension cord 25-50m", 0, 0, false, "M after a range past 36: meters"},
	}
	for _, tt := range tests {
		got := readAgeRaw(tt.title)
		if got.stated != tt.stated || tt.stated && (got.low != tt.low || got.high != tt.hi) {
			t.Errorf("readAgeRaw(%q) = %+v, want %v-%v stated %v (%s)", tt.title, got, tt.low, tt.hi, tt.stated, tt.reason)
		}
	}
}

func TestCompareAge(t *testing.T) {
	runPairs(t, "age", []pairCase{
		{Record{Title: "AVENT SOOTHIE PACIFIER 0-3M GREEN 2PK"}, Record{Title: "Philips Avent Soothie Pacifier, 0-3 Months, Green, 2 Pack"}, Same, "0-3M is 0-3 months"},
		{Record{Title: "AVENT SOOTHIE PACIFIER 3M+ 2PK"}, Record{Title: "Philips Avent Soothie Pacifier, 3+ Months, Green, 2 Pack"}, Same, "3M+ is 3+ months"},
		{Record{Title: "MAM AIR PACIFIER 0-6M 2PK BOY"}, Record{Title: "MAM Air Pacifier, 6-16 Months, Boy, 2 Pack"}, Conflict, "two ranges of one line: two items (was a review on the 6-16)"},
		{Record{Title: "MAM AIR PACIFIER 2PK"}, Record{Title: "MAM Air Pacifier, 6-16 Months, Boy, 2 Pack"}, Missing, "one side states no range"},
	})
}

func FuzzReadAge(f *testing.F) {
	for _, s := range []string{"0-3M", "3M+", "Ages 8+", "6-16 months", "ages 3 to 5 years", "10+ yrs", "+", "99+m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := readAgeRaw(s)
		if !mayStateAge(s) {
			if p := readAgePatterns(s); p.stated {
				t.Errorf("mayStateAge(%q) is false, but the patterns read %+v: the quick check drops an age", s, p)
			}
		}
		if !r.stated {
			return
		}
		if r.low < 0 || r.high < r.low || math.IsNaN(r.low) || math.IsNaN(r.high) {
			t.Errorf("readAgeRaw(%q) = %+v: a range runs from a low bound up", s, r)
		}
	})
}
