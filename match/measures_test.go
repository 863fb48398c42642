package match

import "testing"

func TestCompareMeasures(t *testing.T) {
	runPairs(t, "measures", []pairCase{
		{Record{Title: "CLARITIN 12HR TABLET 10MG 30CT"}, Record{Title: "Claritin 24 Hour Non-Drowsy Allergy Medicine, 30 Count"}, Conflict, "12 against 24 hours: two medicines (was a review)"},
		{Record{Title: "CLARITIN 24HR TABLET 10MG 30CT"}, Record{Title: "Claritin 24 Hour Non-Drowsy Allergy Medicine, 30 Count"}, Same, "24HR is 24 Hour"},
		{Record{Title: "CENTRUM SILVER MEN 50+ TABLET 100CT"}, Record{Title: "Centrum Silver Men's Multivitamin for Men 50 Plus, 100 Tablets"}, Missing, "50+ before TABLET is a lower bound, not 50 tablets (was a conflict against 100 tablets)"},
		{Record{Title: "Sig Sauer ROMEO Zero Reflex Sight 1X Power 3MOA Dot Black Finish"}, Record{Title: "Sig Sauer ROMEO Zero Reflex Sight 1X Power 6MOA Dot"}, Conflict, "one spec with another number: a sibling whose title is otherwise the same"},
		{Record{Title: "Kingston 8GB DDR4 2400MHz desktop memory"}, Record{Title: "Kingston 8GB DDR4 2666 MHz desktop memory"}, Conflict, "another clock, glued or apart"},
		{Record{Title: "TP-Link 8-Port Gigabit Switch"}, Record{Title: "TP-Link Gigabit Switch, 8 ports"}, Same, "one port count, written two ways"},
		{Record{Title: "Intel Core i5 3.10GHz 6 Cores"}, Record{Title: "Intel Core i5 3.1 GHz 6-core processor"}, Same, "3.10 is 3.1"},
		{Record{Title: "Casio Exilim 14.1 MP camera"}, Record{Title: "Casio Exilim 14 MP camera"}, Same, "a spec cut short is the same spec"},
		{Record{Title: "Intel Core i5 3.10GHz"}, Record{Title: "Intel Core i5 12 threads"}, Missing, "no spec both state"},
		{Record{Title: "Shimano 12-speed chain"}, Record{Title: "Shimano 11 Speed chain"}, Conflict, "another speed count"},
		{Record{Title: "Shimano 10-50T cassette"}, Record{Title: "Shimano 11-50T cassette"}, Missing, "pieces of a code (10-50T) are the model comparison's"},
		{Record{Title: "4K monitor 1080p input"}, Record{Title: "4K monitor"}, Same, "a single letter glued to a number is a spec (4K)"},
		{Record{Title: "Canon EOS 5D camera"}, Record{Title: "Canon EOS 7D camera"}, Conflict, "a short name the model comparison does not read as a code (5D, 7D) still tells two cameras apart"},
		{Record{Title: "Canon EOS 5D Mark II camera"}, Record{Title: "Canon EOS 5D Mark III camera"}, Same, "the same 5D"},
		{Record{Title: "Intel Core i9-9900K 9th gen"}, Record{Title: "Intel Core i9-9900K 10th gen"}, Missing, "an ordinal is a generation (version), and 9900K a piece of the code"},
		{Record{Title: "Samsung 4GB memory 2400MHz"}, Record{Title: "Samsung 8GB memory 2400MHz"}, Same, "a size unit (GB) is the size comparison's"},
		{Record{Title: "Monitor 1920 x 1080 black"}, Record{Title: "Monitor 2560 x 1440 black"}, Missing, "a dimension's x is no spec word"},
		{Record{Title: "11Shimano chain"}, Record{Title: "12Shimano chain"}, Missing, "a number run into a long name is no spec"},
		{Record{Title: "LEV 15A TR GFCI RCPT SELF TEST WHT"}, Record{Title: "Leviton GFTR2-W 20 Amp Self-Test GFCI Outlet, White"}, Conflict, "15A and 20 Amp are two currents (was no spec: a glued A, a unit key for amp)"},
		{Record{Title: "LEV DECORA ROCKER SW 3-WAY 15A WHT"}, Record{Title: "Leviton 5603-2W Decora Rocker Switch, 15 Amp, 3-Way, White"}, Same, "15A is 15 Amp"},
		{Record{Title: "SW 10/2 NM-B W/G 250FT ORG ROMEX"}, Record{Title: "Southwire 250 ft. 14/2 Solid Romex SIMpull CU NM-B W/G Wire, White"}, Conflict, "a wire's gauge and conductors: 10/2 against 14/2 (was no evidence: a 250 ft reel of another gauge tied)"},
		{Record{Title: "SW 16/3 SJTW EXT CORD 50FT ORG"}, Record{Title: "Southwire 50 ft. 16/3 SJTW Outdoor Extension Cord, Orange"}, Same, "the same gauge"},
		{Record{Title: "SYSCO CLASSIC KETCHUP 12/12OZ"}, Record{Title: "Heinz Ketchup 12/20 oz"}, Missing, "a case pack is no gauge: no wire, cable or cord"},
		{Record{Title: "Canon EF 200mm f2.8 L USM MKII Lens"}, Record{Title: "Canon EF 200mm f/2.0L IS USM Telephoto Lens"}, Conflict, "two apertures of one focal length: two lenses (was a size of 2 liters on one side)"},
		{Record{Title: "Canon EF-S 18-55mm f/3.5-5.6 IS STM"}, Record{Title: "Canon EF-S 18-55mm F3.5-5.6 IS STM Lens"}, Same, "one aperture range, however written"},
		{Record{Title: "Canon EF-S 18-55mm f/3.5-5.6 IS STM"}, Record{Title: "Canon EF-S 18-55mm f/4-5.6 IS STM"}, Conflict, "another range"},
		{Record{Title: "Canon EF 70-200mm f/2.8L USM Lens"}, Record{Title: "Canon EF 70200mm f28L USM Telephoto Lens"}, Missing, "f28 is f/2.8 with its point lost, no aperture (was a conflict)"},
		{Record{Title: "Sigma 35mm F1,4 DG HSM Art"}, Record{Title: "Sigma 35mm f/1.4 DG HSM Art Lens"}, Same, "a decimal comma, as European shops write"},
		{Record{Title: "Logitech K120 keyboard F4 key"}, Record{Title: "Logitech K120 keyboard F5 key"}, Missing, "an F and a number without a focal length is no aperture"},
	})
}

func TestReadMeasures(t *testing.T) {
	vs := testVocab(t)
	for _, tt := range []struct {
		title, want, reason string
	}{
		{"Sig Sauer ROMEO Zero 3MOA Dot", "3moa", "a number glued to a short word"},
		{"Intel 3.6 GHz 8-Core 16 threads", "3.6ghz 8core 16thread", "numbers before measure words, plurals singular"},
		{"Canon 2 Black ink", "", "a count of a color is no spec"},
		{"Nike 2nd edition", "", "ordinals rank"},
		{"Philips 258B6QUEB 25in monitor", "", "a code and a size"},
	} {
		it := Prepare(&Record{Title: tt.title}, vs)
		if got := it.measures.text; got != tt.want {
			t.Errorf("readMeasures(%q) = %q, want %q (%s)", tt.title, got, tt.want, tt.reason)
		}
	}
}

func TestSameMeasure(t *testing.T) {
	for _, tt := range []struct {
		v, w   string
		want   bool
		reason string
	}{
		{"14.7", "14", true, "a shop cuts 14.7 MP to 14"},
		{"14.7", "15", true, "or rounds it"},
		{"14.1", "14.2", false, "two stated decimals"},
		{"3.1", "3.1", true, "equal"},
		{"16", "12", false, "two whole numbers"},
		{"2.5", "2", true, "2.5 cut to 2"},
		{"2.5", "4", false, "neither cut nor rounded"},
	} {
		if got := sameMeasure(tt.v, tt.w); got != tt.want {
			t.Errorf("sameMeasure(%s, %s) = %v, want %v (%s)", tt.v, tt.w, got, tt.want, tt.reason)
		}
		if got := sameMeasure(tt.w, tt.v); got != tt.want {
			t.Errorf("sameMeasure(%s, %s) = %v, want %v (symmetric)", tt.w, tt.v, got, tt.want)
		}
	}
}
