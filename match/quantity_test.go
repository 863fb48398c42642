package match

import (
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// quantityPattern is a number followed by a unit, on folded text; every
// match starts with a digit. A word unit ends at the end of the text or at a
// character that is no a-z0-9 (taken into the match); the inch mark needs
// no such end (29"x2.50 is 29 inches by 2.5), and is its own group.
const quantityPattern = `(?:(\d+(?:[.,]\d+)?)\s*[-–]\s*)?(\d+(?:[.,]\d+)?)\s*(?:(cu\.?\s*ft\.?|cubic f(?:ee|oo)t|cf|quarts?|qt|fl\.?\s*oz|fluid ounces?|milliliters?|millilitres?|liters?|litres?|ltr|ml|cl|dl|l|gallons?|gal|gl|pints?|ounces?|oz|pounds?|lbs?|kilograms?|kgs?|kg|mcg|mg|grams?|gr|g|mm|cm|meters?|metre|m|inch(?:es)?|in|feet|foot|ft|yards?|yds|yd|kb|mb|gb|tb|watts?|kw|w|kva|va|mah|ah|volts?|v|iu|count|ct|pc|pcs|pieces?|sheets|doses?)(?:$|[^a-z0-9])|("))`

// quantityRE finds quantities anywhere in a text: the reference the
// scanner (quantityAt) is held to, through referenceMatches.
var quantityRE = regexp.MustCompile(quantityPattern)

// referenceMatches is quantityRE's matches in low with the two unit groups
// (a word, the inch mark) as one, as the scanner reports them.
func referenceMatches(low string) [][]int {
	var out [][]int
	for _, m := range quantityRE.FindAllStringSubmatchIndex(low, -1) {
		if m[6] < 0 {
			m[6], m[7] = m[8], m[9]
		}
		out = append(out, m[:8])
	}
	return out
}

func TestParseQuantities(t *testing.T) {
	tests := []struct {
		in     string
		dim    dimension
		value  float64
		reason string
	}{
		{"FIJI Water 500ml", dimVolume, 500, "ml glued to the number"},
		{"Michelin Defender LTX M/S 225/65R17 102H", dimTire, tireSize(225, 65, 17, false), "a tire size; 102H is its load index and speed rating, no unit"},
		{"Falken Wildpeak A/T3W LT265/70R17 121/118S E", dimTire, tireSize(265, 70, 17, true), "a light-truck size, apart from the P-metric one"},
		{"Pirelli P Zero 245/40ZR19 98Y XL", dimTire, tireSize(245, 40, 19, false), "a ZR size is the R size"},
		{"0.5 L bottle", dimVolume, 500, "liters convert to ml"},
		{"16.9 fl oz", dimVolume, 499.79, "fluid ounces are volume"},
		{"Coffee 1 lb bag", dimMass, 453.592, "pounds are mass"},
		{"16 oz", dimMass, 453.592, "a bare oz is mass"},
		{"2,5 kg", dimMass, 2500, "a decimal comma"},
		{"DUNLOP TORTEX STD PICK .60MM 12PK", dimLength, 0.6, "a decimal written from its point (was not read: the number after a point was skipped)"},
		{"nikon coolpix l120 3 inch 4.5-94 .5 mm zoom", dimLength, 76.2, "a number a stray space cut is not a decimal of its own (0.5 mm against the screen's 3 inches was a veto)"},
		{"1TB SSD", dimDataSize, 1e12, "terabytes"},
		{"Seagate IronWolf Pro 8 To", dimDataSize, 8e12, "terabytes in French octets (was no size)"},
		{"LaCie Mobile Drive 4To disque dur", dimDataSize, 4e12, "French terabytes glued to the number, a word after"},
		{"Memoire DDR3 Crucial 8 Go 1600 MHz", dimDataSize, 8e9, "French gigabytes, a number after"},
		{"SanDisk Extreme SDXC 128GB 150/70 MB/s", dimDataSize, 128e9, "a speed in MB/s is no capacity: only the 128GB is read (the first)"},
		{"10.25 inch skillet", dimLength, 260.35, "inches convert to mm"},
		{"6 ft cable", dimLength, 1828.8, "feet"},
		{"Ernie Ball Instrument Cable 10' Straight", dimLength, 3048, "a foot mark (was no size: '10' against the other's 20ft was a number one side only)"},
		{"100W charger", dimPower, 100, "watts"},
		{"APC Smart-UPS 1500VA LCD", dimApparent, 1500, "a UPS's rating in volt-amperes"},
		{"10000mAh power bank", dimCharge, 10000, "mAh"},
		{"Crayons 24 Count", dimCount, 24, "a count"},
		{"LG 5.6 cu. ft. range", dimVolume, 158574.08, "cubic feet"},
		{"MIRACLE-GRO POTTING MIX 2CF", dimVolume, 56633.6, "CF: a wholesale file's cubic feet (was no size: 1 and 2 cu ft bags alike)"},
		{"5 qt stand mixer", dimVolume, 4731.765, "quarts"},
		{"Bolt 3/8 IN", dimLength, 9.525, "a fraction of a unit (was read as 8 in)"},
		{"Drill 1/2-Inch chuck", dimLength, 12.7, "a fraction, its unit after a hyphen"},
		{"Hose 1-1/2 in", dimLength, 38.1, "a whole number and a fraction"},
		{"10-Inch skillet", dimLength, 254, "a unit after a hyphen"},
		{"Coca-Cola 6X330ML", dimVolume, 330, "a multipack's unit volume"},
		{"BEANS 12/12OZ", dimMass, 340.194, "twelve of 12 oz is no fraction"},
		{"TOILET PAPER 12 MEGA ROLLS", dimCount, 12, "a count of rolls, a size word between"},
		{"Vitamin D3 5000 IU", dimPotency, 5000, "international units"},
		{"Vitamin B12 1000mcg", dimMass, 0.001, "micrograms"},
		{"Vitamin D3, 100 Softgels", dimCount, 100, "a count of softgels"},
	}
	for _, tt := range tests {
		qs := parseQuantities(tt.in)
		if len(qs) != 1 || qs[0].Dim != tt.dim || math.Abs(qs[0].Value-tt.value) > 0.01 {
			t.Errorf("parseQuantities(%q) = %+v, want one %s %v (%s)", tt.in, qs, tt.dim, tt.value, tt.reason)
		}
	}
	for _, in := range []string{"Anker A1263", "WH-1000XM4", "Model L8SK3", "Air Force 1 '07", "3-in-1 charger", "Lenovo Yoga 2 in 1 laptop", "Baseus 7 in 1 hub", "Model WH-1000-XM4", "Classic Rock 80's hits", "Polk speaker 5-1/2 ' woofers"} {
		if qs := parseQuantities(in); len(qs) != 0 {
			t.Errorf("parseQuantities(%q) = %+v, want none: a code is not a quantity", in, qs)
		}
	}
}

// TestParseCrossDimensions: lengths written as a cross ("29 x 2.40\"")
// state their unit once; each side is read in it, so that the spellings of
// one tire agree and two tires conflict.
func TestParseCrossDimensions(t *testing.T) {
	tests := []struct {
		in     string
		want   []string
		reason string
	}{
		{`Maxxis Tire 29''x2.50, Folding`, []string{`29"`, `2.50"`}, "two apostrophes are an inch mark, and the mark needs no space after it"},
		{`Maxxis Tire: 29 x 2.40", Folding`, []string{`2.40"`, `29"`}, "the unit after the second number is the first's too"},
		{`Snare drum 14 x 5.5 in`, []string{`5.5 in`, `14in`}, "a drum's diameter by its depth"},
		{`Drumhead, 8''`, []string{`8"`}, "one length"},
		{`Spinning rod 6'6" medium`, []string{`6 ft`, `6"`}, "feet then inches, each read (the feet were not)"},
		{`Case with 3x 120mm ARGB fans`, []string{`120mm`}, "three fans of 120 mm: a smaller number first counts"},
		{`Frame 8 x 10 in`, []string{`10 in`}, "a smaller number first is left unread (a count or a frame's side)"},
		{`Coca-Cola 6x330ml`, []string{`330ml`}, "a multipack is no cross of lengths"},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range parseQuantities(tt.in) {
			got = append(got, q.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("parseQuantities(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in     string
		dim    dimension
		value  float64
		reason string
	}{
		{"XL", dimApparel, 6, "letter size"},
		{"Large", dimApparel, 5, "spelled letter size"},
		{"10.5", dimNumbered, 10.5, "shoe size"},
		{`10.25"`, dimLength, 260.35, "an inch mark is a unit"},
		{"500 mL", dimVolume, 500, "a quantity"},
		{"L/XL", dimApparel, combinedSizeBase + 506, "two neighbor letter sizes: one item fitting both"},
		{"LG/XL", dimApparel, combinedSizeBase + 506, "LG is L"},
		{"2X/3X", dimApparel, combinedSizeBase + 708, "2X is 2XL"},
		{"2X", dimApparel, 7, "2X alone is 2XL"},
		{"QT", dimVolume, 946.353, "a size column's bare unit is one of it"},
		{"42 EU", dimNumbered, 42, "an EU shoe size"},
		{"UK 8", dimNumbered, 5008, "a UK shoe size is set apart"},
		{"10 D", dimNumbered, 10, "D is a man's standard width"},
		{"GAL", dimVolume, 3785.41, "one gallon"},
		{"1/2 PT", dimVolume, 236.588, "half a pint"},
		{"60 YD", dimLength, 54864, "yards"},
	}
	for _, tt := range tests {
		qs := parseSize(spellInchMarks(tt.in))
		if len(qs) != 1 || qs[0].Dim != tt.dim || math.Abs(qs[0].Value-tt.value) > 0.01 {
			t.Errorf("parseSize(%q) = %+v, want %s %v (%s)", tt.in, qs, tt.dim, tt.value, tt.reason)
		}
	}
}

func TestParsePackCount(t *testing.T) {
	tests := []struct {
		in     string
		want   int
		reason string
	}{
		{"Water, Pack of 24", 24, "pack of N"},
		{"HOT WHEELS 20 CAR GIFT PACK", 0, "words between the number and pack: as often what one of them holds ('12 50-sheet pads pack', '5-hour battery pack') as their count"},
		{"Hot Wheels 5-Car Pack of 1:64 Scale Toy Vehicles", 0, "a scale after 'pack of' is no count of 1"},
		{"Anker PowerCore 10000 twin pack", 2, "a capacity before a kind of pack: the twin pack's 2, not 10000"},
		{"Anker PowerCore 2-Pack", 2, "N-pack"},
		{"6 pk cans", 6, "N pk"},
		{"Set of 4 glasses", 4, "set of N"},
		{"Twin Pack", 2, "twin pack"},
		{"Eggs, dozen", 12, "dozen"},
		{"2 x 500 ml", 2, "N x quantity"},
		{"2 x Original Brother Toner TN-200", 2, "N x at the start: a pack of N"},
		{"2 x 8GB DDR4 kit", 0, "N x before a number-led word: a kit's modules, what one item is made of, no pack of two kits (was 2)"},
		{"HP Printer Paper, 8.5 x 11, 24 lb, 97 Bright", 0, "a sheet of 8.5 x 11 and a paper's weight: no 5 packs of 11 24 lb (was 5)"},
		{"S.Pellegrino 6 x 0.5 l", 6, "N x a decimal volume"},
		{"Mineralwasser 6x0,5l", 6, "N x a decimal volume with a decimal comma"},
		{"Mineralwasser 6 x0,5l", 6, "the x written onto the volume (was 0: found by FuzzParsePackCount)"},
		{"Cola 6x 330ml", 6, "the x written onto the count (was 0)"},
		{"Coca-Cola 6X330ML", 6, "N x quantity glued, not at the start"},
		{"Coca-Cola Original 24 x 330 ml Cans", 24, "N x quantity inside a title"},
		{"Photo Frame 8 x 10 in", 0, "a length by a length is a size, not a pack"},
		{"Case of 24 bottles", 24, "case of N"},
		{"file folders letter brown 100/box", 100, "N per box"},
		{"cpu cooler rr-vtps-28pk-r1", 0, "a pack word inside a code is not a pack"},
		{"Sony WH-1000XM4 Headphones", 0, "no pack stated"},
		{"Crayons 24 Count", 0, "a count is contents, not packs"},
		{"COKE CLASSIC 12/12OZ CAN", 12, "wholesale N/size: 12 units of 12 oz"},
		{"GATORADE LEMON LIME 24/20 FL OZ", 24, "N/size with fl oz"},
		{"RAY-BAN RB4165 622/8G JUSTIN 54MM", 0, "a color code is no case: 622 is no case count (was 622 of 8 g, a veto)"},
		{"SUGAR PACKETS 2000/1G", 2000, "a round count is a case's"},
		{"AA BATTERIES PK/4", 4, "PK/N"},
		{"PAPER TOWELS 6/PK", 6, "N/PK"},
		{"WATER CS/24", 24, "CS/N"},
		{"EGGS LG DZ", 12, "DZ is a dozen"},
		{"VITAMIN C 100CT", 0, "100CT is what is inside one unit"},
		{"DOG FOOD 1/2 LB", 0, "a fraction is no pack"},
		{"10.5/12 OZ", 0, "a decimal before the slash is no count"},
		{"SOLMI PHONE YLW 50 CASE", 0, "a number before a phone case is no case pack"},
		{"FYNEXVEN TRAVEL STORAGE 10PIECE SET 59", 0, "a 10-piece set is one set"},
		{"Glass jars, 6 jars", 6, "N jars is a count of units"},
		{"ASUS Prime X570-P Stik AM4 ATX AMD X570", 0, "X570 is a chipset, not 570 units"},
		{"Kingston A400 2.5 240GB SATA3 (SA400S37/240G)", 0, "a part number's slash is no pack"},
		{"Sparkling water x12", 12, "xN at the end is a pack"},
		{`Gaiam Yoga Mat, 6mm, 68" x 24"`, 0, "a number before the x: a size, not 24 packs (was a pack veto against the mat's offer)"},
		{"Yoga mat 68 x 24", 0, "the same without the inch marks"},
		{"Cola 330 ml x 24", 24, "a unit before the x: a pack"},
		{"Paper clips 10 box", 10, "N box is a count of boxes"},
	}
	for _, tt := range tests {
		if got := parsePackCount(tt.in); got != tt.want {
			t.Errorf("parsePackCount(%q) = %d, want %d (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func TestCompareQuantities(t *testing.T) {
	tests := []struct {
		a, b          string
		shared, agree bool
		reason        string
	}{
		{"1 lb", "16 oz", true, true, "1 lb = 16 oz"},
		{"0.5 L", "500 ml", true, true, "0.5 L = 500 ml"},
		{"2.2 lb", "1 kg", true, true, "label rounding within 2%"},
		{"32 oz", "946 ml", true, true, "a bare oz against volume reads as fl oz"},
		{"128GB", "256GB", true, false, "different capacities"},
		{"10 inch", "500 ml", false, false, "no shared dimension"},
		{"Nikkor 55-200mm", "Nikkor 18-200mm", true, false, "zoom ranges differ at the low end"},
		{"Nikkor 18-200mm", "200 mm", true, true, "a range against its long end"},
	}
	for _, tt := range tests {
		shared, agree, why := compareQuantities(parseQuantities(tt.a), parseQuantities(tt.b))
		if shared != tt.shared || agree != tt.agree {
			t.Errorf("compareQuantities(%q, %q) = %v, %v (%s); want %v, %v (%s)", tt.a, tt.b, shared, agree, why, tt.shared, tt.agree, tt.reason)
		}
	}
}

func FuzzParseQuantities(f *testing.F) {
	for _, s := range []string{"500ml", "0.5 L", "16 fl oz", "1TB", "10\"", "pack of 6", "x6", "2 x 500ml", "LT265/70R17 121/118S", "245/40ZR19 98Y XL", "p215/55 r17"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range parseQuantities(s) {
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || q.Value < 0 {
				t.Fatalf("parseQuantities(%q) gave %+v", s, q)
			}
		}
		parseSize(s)
		if n := parsePackCount(s); n < 0 || n > 10000 {
			t.Fatalf("parsePackCount(%q) = %d", s, n)
		}
	})
}

// FuzzParsePackCount checks that the words each pack pattern needs are
// right: skipping patterns whose words are absent changes no result.
func FuzzParsePackCount(f *testing.F) {
	for _, s := range []string{"Pack of 6", "6-pack", "6pk", "twinpack", "2 x 500 ml", "x12", "1-count bottle", "half-dozen eggs", "12 ct box", "set of 3 bowls", "3 piece set"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.IndexByte(s, '/') >= 0 {
			t.Skip("slash shorthand (12/12OZ, 1/0l) is read first, by slashPacks, which no needed word gates")
		}
		low := strings.Join(packWords(strings.ToLower(fold(s))), " ")
		want := 0
		for _, p := range packPatterns {
			m := p.re.FindStringSubmatch(low)
			if m == nil || p.notAfterNumber && lastWordIsNumber(strings.TrimSuffix(low, m[0])) ||
				p.notBeforeNumber && firstWordIsNumberLed(strings.TrimPrefix(low, m[0])) {
				continue // "0 x1": a size, "2 x 8GB": a kit's modules, as packCount reads them
			}
			if p.fixed > 0 {
				want = p.fixed
				break
			}
			if n, err := strconv.Atoi(m[1]); err == nil && n > 0 && n <= 10000 {
				want = n
				break
			}
		}
		if got := parsePackCount(s); got != want {
			t.Fatalf("parsePackCount(%q) = %d, every pattern tried gives %d", s, got, want)
		}
	})
}

// TestParseSizeSpellings: one size however a supplier writes it.
func TestParseSizeSpellings(t *testing.T) {
	same := [][]string{
		{"32X30", "32W x 30L", "W32 L30", "32 x 30"},
		{"SZ 9.5", "9.5", "Size 9.5"},
		{"LG", "Large", "L", "LRG"},
		{"SM", "Small", "S"},
	}
	for _, group := range same {
		want := parseSize(group[0])
		if len(want) != 1 {
			t.Fatalf("parseSize(%q) = %+v", group[0], want)
		}
		for _, s := range group[1:] {
			got := parseSize(s)
			if len(got) != 1 || got[0].Dim != want[0].Dim || got[0].Value != want[0].Value {
				t.Errorf("parseSize(%q) = %+v, want the size of %q (%+v)", s, got, group[0], want[0])
			}
		}
	}
	if a, b := parseSize("32X30"), parseSize("32X32"); a[0].Value == b[0].Value {
		t.Error("32x30 and 32x32 read alike")
	}
}

// quantitySamples are texts whose quantities are easy to misread.
var quantitySamples = []string{
	"500ml", "0.5 L", "16 fl oz", "1TB", "10\"", "2 x 500ml", "10-20 oz", "1.5-2 oz", "1,5 l", "5 oz-6 oz",
	"a1263 3 oz", "123abc 5 oz", "1,234,5 oz", "12oz12oz", "pack of 6 12 oz cans", "4.5 cu. ft. fridge",
	"2 – 3 kg", "x 16.9 fl oz", "0.5l", "99", "oz 5", "7 in1", "65in tv 2 hdmi", "3 count 2.5 mm",
}

func TestQuantityMatchesAsRegexp(t *testing.T) {
	for _, s := range quantitySamples {
		low := strings.ToLower(fold(s))
		got, want := quantityMatches(low), referenceMatches(low)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: matches %v, the regexp everywhere %v", s, got, want)
		}
	}
}

// FuzzQuantityMatches: trying the quantity pattern only where runs of
// digits start finds what trying it everywhere finds.
func FuzzQuantityMatches(f *testing.F) {
	for _, s := range quantitySamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := strings.ToLower(fold(s))
		got, want := quantityMatches(low), referenceMatches(low)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: matches %v, the regexp everywhere %v", low, got, want)
		}
	})
}

// FuzzUnitSpelling: rewriting fractions and hyphens never panics, keeps
// every letter in place and order, and what it gives is read without
// panicking.
func FuzzUnitSpelling(f *testing.F) {
	for _, s := range []string{"bolt 3/8 in", "1-1/2 in", "10-inch", "3-in-1", "12/12oz", "1/2-1/4", "9/", "-a", "1 1/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := strings.ToLower(fold(s))
		got := unitSpelling(low)
		letters := func(x string) string { return only(x, 'a', 'z') }
		if letters(got) != letters(low) {
			t.Fatalf("unitSpelling(%q) = %q: the letters changed", low, got)
		}
		parseQuantities(s)
	})
}

// unitCountRE is the definition unitCounts implements by hand, tried at
// each digit that starts a word (not after a letter, a digit or one of
// ".,/-").
var unitCountRE = regexp.MustCompile(`^(\d{1,4})(?:prs?| (?:(?:mega|double|triple|family|giant|jumbo|super|big|regular|huge|xl) )?(?:rolls?|pods?|softgels?|sftgls?|tablets?|capsules?|caplets?|wipes?|diapers?|liners?|packets?|sachets?|exposures?|photos?|shots?|prints?|pairs?|prs?))(?:$|[^a-z0-9])`)

// FuzzUnitCounts holds unitCounts to unitCountRE: the same counts, in
// order.
func FuzzUnitCounts(f *testing.F) {
	for _, s := range []string{"toilet paper 12 mega rolls", "vitamin d3, 100 softgels", "12345 rolls", "a1 rolls", "2 pods 3 rolls", "6 rollsx", "0 pods", "1.5 rolls", "gloves 12pr", "earplugs, 200 pairs", "12prx", "10 prints"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := strings.ToLower(fold(s))
		var want []float64
		for p := 0; p < len(low); p++ {
			if p > 0 && (isAlnum(low[p-1]) || strings.IndexByte(".,/-", low[p-1]) >= 0) {
				continue
			}
			if m := unitCountRE.FindStringSubmatch(low[p:]); m != nil {
				if n, _ := strconv.ParseFloat(m[1], 64); n > 0 {
					want = append(want, n)
				}
			}
		}
		var got []float64
		for _, q := range unitCounts(low) {
			got = append(got, q.Value)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("unitCounts(%q) = %v, the regexp %v", low, got, want)
		}
	})
}

// FuzzParseSize: any size text reads without a panic, as finite values
// that read the same again.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"M10/W12", "12 Women/10 Men", "Youth M", "large tall", "NB", "0-3M", "32X30", "10.5 D(M) US", "XL", "16 oz", "m 10.5 w 12.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qs := parseSize(s)
		for _, q := range qs {
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
				t.Fatalf("parseSize(%q) = %v", s, q.Value)
			}
		}
		if again := parseSize(s); len(again) != len(qs) {
			t.Fatalf("parseSize(%q) reads %d sizes, then %d", s, len(qs), len(again))
		}
	})
}

// FuzzFeatureCounts: any text reads without a panic, as positive counts.
func FuzzFeatureCounts(f *testing.F) {
	for _, s := range []string{"16 port switch", "4-slice toaster", "12cup", "a 3 shelf 2 drawer", "10/100 ports", "1234 port"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range featureCounts(strings.ToLower(s)) {
			if q.Value <= 0 || q.Value > 999 {
				t.Fatalf("featureCounts(%q): %v", s, q.Value)
			}
		}
	})
}

// TestSpellOctets: French data sizes read as bytes, and the English "to"
// of an adapter or a range left alone.
func TestSpellOctets(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"Seagate IronWolf Pro 8 To", "Seagate IronWolf Pro 8 tb", "a spaced To at the end"},
		{"1 TO, noir", "1 tb, noir", "punctuation after it"},
		{"Kingston 16Go USB", "Kingston 16 gb USB", "Go glued to the number"},
		{"USB 2.0 to SATA adapter", "USB 2.0 to SATA adapter", "an adapter: a word after a spaced to"},
		{"seats 8 to 10 people", "seats 8 to 10 people", "a range"},
		{"Pokemon Go Plus", "Pokemon Go Plus", "no number before it"},
	}
	for _, tt := range tests {
		if got := spellOctets(tt.in); got != tt.want {
			t.Errorf("spellOctets(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

// FuzzSpellOctets: spelling octets as bytes changes only the unit words and
// is done once for all.
func FuzzSpellOctets(f *testing.F) {
	for _, s := range []string{"8 To", "16Go", "usb 3 to usb-c", "1 TO,", "9 go", "to 8", "8  \tGo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := spellOctets(s)
		if again := spellOctets(got); again != got {
			t.Fatalf("spellOctets(%q) = %q, then %q", s, got, again)
		}
		if digits := func(x string) string { return only(x, '0', '9') }; digits(got) != digits(s) {
			t.Fatalf("spellOctets(%q) = %q: the numbers changed", s, got)
		}
	})
}

// only returns the runes of x in lo..hi.
func only(x string, lo, hi rune) string {
	return strings.Map(func(r rune) rune {
		if r >= lo && r <= hi {
			return r
		}
		return -1
	}, x)
}

func FuzzLeadingZero(f *testing.F) {
	for _, s := range []string{".60mm", "pick .60mm 12pk", "v1.5", "1..5", "a .5 b .7", ".", "x.5", ". 5", "4.5-94 .5 mm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := leadingZero(s)
		if again := leadingZero(got); again != got {
			t.Fatalf("leadingZero(%q) = %q, then %q", s, got, again)
		}
		if strings.ReplaceAll(got, "0", "") != strings.ReplaceAll(s, "0", "") {
			t.Fatalf("leadingZero(%q) = %q: more than zeros written", s, got)
		}
		for i := 0; i+1 < len(got); i++ {
			if got[i] == '.' && isDigit(got[i+1]) && (i == 0 || !isAlnum(got[i-1]) && got[i-1] != '.') && !(i > 1 && got[i-1] == ' ' && isDigit(got[i-2])) {
				t.Fatalf("leadingZero(%q) = %q: a point starts a number at %d", s, got, i)
			}
		}
	})
}

// TestAughtSizes: a size in aughts is read alone, not from a run of
// numbers and slashes, nor where a title states two.
func TestAughtSizes(t *testing.T) {
	tests := []struct {
		title  string
		want   float64 // 0: none
		reason string
	}{
		{"GAMAKATSU OCTOPUS HOOK RED 2/0 6PK", -2, "a hook size in aughts"},
		{"Southwire 4/0 AWG Aluminum Wire", -4, "a wire gauge in aughts"},
		{"Netgear switch 10/100/1000 8 port", 0, "speeds joined by slashes"},
		{"HOOK ASSORTMENT 1/0 2/0", 0, "two aught sizes: which?"},
		{"Score 10/0.5", 0, "a number after the slash"},
	}
	for _, tt := range tests {
		qs := aughtSizes(tt.title)
		got := 0.0
		if len(qs) == 1 {
			got = qs[0].Value
		}
		if got != tt.want {
			t.Errorf("aughtSizes(%q) = %v, want %v (%s)", tt.title, qs, tt.want, tt.reason)
		}
	}
}
