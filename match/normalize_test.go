package match

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in, reason string
		want       []string
	}{
		{"Crème Brûlée & Co.", "accents removed, & spelled and, punctuation dropped", []string{"creme", "brulee", "and", "co"}},
		{"ＳＯＮＹ　ＷＨ－１０００", "full-width letters and digits fold to ASCII", []string{"sony", "wh", "1000"}},
		{"0.5 L / 2,5 kg", "a decimal point or comma between digits stays", []string{"0.5", "l", "2.5", "kg"}},
		{"Levi's 501", "an apostrophe joins its word", []string{"levis", "501"}},
		{"Traveler´s Notebook", "an acute accent typed for an apostrophe", []string{"travelers", "notebook"}},
		{"Levi`s 501", "a backtick typed for an apostrophe", []string{"levis", "501"}},
		{"RTX 2060 SUPER™ Plants vs Zombies℠ GeForce®", "a trademark or service mark is no part of its word (decomposed, ™ had run into it: \"supertm\")", []string{"rtx", "2060", "super", "plants", "vs", "zombies", "geforce"}},
		{"Levi‘s 501", "a left quote typed for an apostrophe", []string{"levis", "501"}},
		{"GEL PEN .7MM / .94IN X 60YD", "a leading decimal point is a number below 1 (a distributor's .7MM is 0.7 mm, not 7 mm)", []string{"gel", "pen", "0.7mm", "0.94in", "x", "60yd"}},
		{"東京 .5 mm", "the same in text that stays non-ASCII", []string{"東京", "0.5", "mm"}},
		{"v.2 No..5", "a point after a letter is punctuation; after another point, a leading decimal point", []string{"v", "2", "no", "0.5"}},
		{"  ", "blank gives no tokens", nil},
		{"STRASSE Straße", "case folding maps ß to ss", []string{"strasse", "strasse"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func TestTitleKeys(t *testing.T) {
	tests := []struct {
		in     string
		want   []string
		reason string
	}{
		{"Filters for the Pitchers", []string{"filter", "pitcher"}, "stop words dropped, plurals singular"},
		{"16 GB card", []string{"16gb", "card"}, "a number joins its unit"},
		{"Claritin 24 Hour", []string{"claritin", "24hr"}, "hours are one unit: 24 Hour is 24HR"},
		{"16.9 fl oz bottle", []string{"16.9oz", "bottle"}, "fl oz is one unit, keyed as oz: 12 oz and 12 fl oz agree in titles"},
		{"batteries boxes glass", []string{"battery", "box", "glass"}, "ies -> y, xes -> x, ss stays"},
		{"AA AA aa", []string{"aa"}, "duplicates collapse"},
		{"SET 500PIECE 8INCH 2LBS 12FLOZ", []string{"set", "500ct", "8in", "2lb", "12oz"}, "a unit run into its number is keyed as if apart"},
		{"AA 20PK / AA 20 Count / 20 ct / 20 pieces", []string{"aa", "20ct"}, "a count is one key however it is written"},
		{"Water 0,5l / 500 ml / 50 cl", []string{"water", "500ml"}, "a metric volume is keyed in ml however it is written"},
		{"Beans 1kg 1000 g", []string{"bean", "1000g"}, "a metric mass is keyed in g"},
		{"Mineral Water 24x0,5l", []string{"mineral", "water", "24", "500ml"}, "a multipack in one token is keyed as its count and its unit's quantity"},
		{"Coke 6x330ML vs 6 x 330 ml", []string{"coke", "6", "330ml", "vs"}, "the same keys as the multipack written apart"},
		{"Filter 16 x 25 x 1 / 16x25x1", []string{"filter", "16x25x1"}, "dimensions written apart are one key, as written together"},
		{"Copy Paper 8.5 x 11 Letter", []string{"copy", "paper", "8.5x11", "letter"}, "a paper size's dimensions"},
		{"iPhone X 64GB", []string{"iphone", "x", "64gb"}, "an x that joins no numbers stays a word"},
		{"Lumber 2x4 8ft", []string{"lumber", "2x4", "8ft"}, "two numbers by x without a unit are a dimension, one key"},
		{"Batteries, Pack of 4 / 4PK", []string{"battery", "4ct"}, "a count written before its number is the count's key"},
		{"Diapers Size 2 / SZ 2 / SZ2 / size2", []string{"diaper", "sz2"}, "a labeled size is one key however spaced"},
		{"Size Chart 2", []string{"size", "chart", "2"}, "'size' before a word labels nothing"},
		{"Rapala Floater F05", []string{"rapala", "floater", "05"}, "a word's initial before its zero-padded number keys as the number"},
		{"Hue Ambiance A19", []string{"hue", "ambiance", "a19"}, "a number without a leading zero stays as written (a bulb's A19)"},
		{"Lay's Chips, Party Size, 13 oz Bag", []string{"lay", "chip", "party", "size", "13oz", "bag"}, "'size' before a quantity labels nothing (was sz13 and oz, unlike the other title's 13oz)"},
		{"Pack of Cards", []string{"pack", "card"}, "'pack of' before no number is words"},
		{"Pillowcases, Set of 4", []string{"pillowcase", "4ct"}, "a set of 4 is four to the item, as 4PK"},
	}
	for _, tt := range tests {
		if got := TitleKeys(Tokens(tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("TitleKeys(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func TestCompact(t *testing.T) {
	for in, want := range map[string]string{"WH-1000XM4/B": "wh1000xm4b", "910-006557": "910006557", " L8SK3 ": "l8sk3"} {
		if got := Compact(in); got != want {
			t.Errorf("Compact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExtractCodes(t *testing.T) {
	tests := []struct {
		in     string
		want   []string
		reason string
	}{
		{"Sony WH-1000XM4 headphones", []string{"wh1000xm4"}, "letters and digits"},
		{"Goodyear Wrangler LT275/70R20 124/121S E", nil, "a tire size and its dual load index are a size, no codes"},
		{"Logitech keyboard 920-000383", []string{"920000383"}, "digit groups joined by a hyphen"},
		{"Omega Seamaster 215.33.40.20.01.001", []string{"21533402001001"}, "digit groups joined by dots: a reference number"},
		{"Scale 12345.67 grams", nil, "one dot: a decimal"},
		{"Olympus case 202087", nil, "a bare number is no code"},
		{"Film 500ml 128GB 1080p", nil, "quantities and descriptions"},
		{"Canon EF-S 55-250mm f/4-5.6 IS STM lens", nil, "an aperture is a spec every lens of a range shares (was the code f456)"},
		{"Sigma 18-35mm F1.8-2.8 DC", nil, "an aperture range written without a slash"},
		{"Omega Master Chronometer Chronograph215.30.46.51.01.001", []string{"21530465101001"}, "a reference number a word ran into (was chronograph21530465101001, unlike the same number spaced)"},
		{"Swiss Military Hanowa06-5161.2.04.003 Flagship", []string{"065161204003"}, "a brand run into its reference number"},
		{"Dell Inspiron15 laptop", []string{"inspiron15"}, "a word and a bare number name a product"},
		{"Shimano RD-M786 derailleur", []string{"rdm786"}, "a short series prefix stays"},
		{"TP-Link switch 10/100/1000 Mbps", nil, "speeds joined by slashes are no code (was 101001000)"},
		{"FLEXZILLA HOSE 3/4X50", nil, "a hose's diameter by its length, with a fraction: a size (was the code 34x50 against the listing's part number, -3.5)"},
		{"Optimum Nutrition Whey 5lb/2.27kg", nil, "two quantities joined by a slash (was 5lb227kg)"},
		{"Philips 329P9H/00 monitor", []string{"329p9h00"}, "a model with a region suffix after the slash stays a code"},
		{"LUTRON DIVA LED+ DIMMER SP/3WAY IV", nil, "words and a measure joined by a slash: single-pole or 3-way (was the code sp3way, -3.5 against the listing's part number)"},
		{"Kingston DTIG4/16GB", []string{"dtig416gb"}, "a code and a capacity: not quantities only"},
		{"Canon EF 100mm f/2.8L Macro IS USM", nil, "an aperture with the maker's lens-series letter (was the code f28l, shared by every such lens)"},
		{"NORDIC PURE 16X25X1 MERV 13 PLEATED 6PK", nil, "an air filter's dimensions: a size every maker's filter shares (was the code 16x25x1, exact against the MERV 12 listing's model)"},
		{"Nordic Pure 16x25x1M12-6 filters", []string{"16x25x1m126"}, "dimensions run into a maker's code stay a code"},
		{"ASUS LCD 15.6\" MB16AHP 1920x1080 ZenScreen", []string{"mb16ahp"}, "a screen's resolution is a spec every such panel shares (was the code 1920x1080, contained in the other monitor's title: +2.9)"},
		{"Hahnemuehle photo paper 13x18", []string{"13x18"}, "two short dimensions are no resolution and stay a code"},
		{"BICYCLE-CHAIN-CN-HG95-SUPER-NARROW-HG-FOR-MTB-10-SPEED-116-LINKS", []string{"hg95"}, "a title written as a slug: its parts are tokens (was one code of 55 characters)"},
		{"Cisco WS-C3650-24PS-L switch", []string{"wsc365024psl"}, "a code's letter parts are short: one code"},
	}
	for _, tt := range tests {
		if got := extractCodes(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("extractCodes(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Crème & Co.", "0.5 L", "ＳＯＮＹ", "a,b.c", "10\"", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		for _, tok := range toks {
			if tok == "" {
				t.Fatalf("Tokens(%q) has an empty token", s)
			}
			if !utf8.ValidString(tok) {
				t.Fatalf("Tokens(%q) has invalid UTF-8 %q", s, tok)
			}
		}
		// Normalizing is idempotent.
		n := Normalize(s)
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, n2)
		}
		TitleKeys(toks)
		extractCodes(s)
	})
}

// codeTokenRE is the definition codeTokens implements by hand.
var codeTokenRE = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}\-/.]*[\p{L}\p{N}]|[\p{L}\p{N}]`)

// FuzzCodeTokens checks the hand-written code tokenizer against its
// regular-expression definition.
func FuzzCodeTokens(f *testing.F) {
	for _, s := range []string{"WH-1000XM4 / B", "a", "910-006557.", "--x--", "Ⅻ-٣/β.", "a\xffb", "12.5 cm/ab-", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := codeTokenRE.FindAllString(s, -1)
		if got := codeTokens(s); !slices.Equal(got, want) {
			t.Fatalf("codeTokens(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzASCIITokens checks the ASCII fast path of Tokens against the general
// one.
func FuzzASCIITokens(f *testing.F) {
	for _, s := range []string{"Levi's 501 Jeans", "1,5 l & 2.5 kg", "'quoted' it's", "a..b 1..2 3.,4", "x'", "ab'cd, 12,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = fold(s)
		if !isPlainASCII(s) {
			return
		}
		if got, want := asciiTokens(s), runeTokens(s); !slices.Equal(got, want) {
			t.Fatalf("asciiTokens(%q) = %q, runeTokens gives %q", s, got, want)
		}
	})
}

// FuzzFold: folding the non-ASCII runs alone gives what folding the whole
// text does.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Crème Brûlée", "Nestlé – 250 g", "ﬁne ＡＢＣ", "e\u0301x", "İstanbul ΣΑΣ", "a\xffb", "한국어 ᄀ\u1161b", "x\u0308\u0301y", "Straße", "Ⅻ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldWhole(s); got != want {
			t.Errorf("fold(%q) = %q, folded whole %q", s, got, want)
		}
	})
}

// FuzzSameRunes: comparing two codes' digits (or the rest) in place is
// comparing them written out.
func FuzzSameRunes(f *testing.F) {
	for _, p := range [][2]string{{"wfw9200swh", "wfw8300sw"}, {"a1b2", "12"}, {"", "x"}, {"é1", "e1"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		if !utf8.ValidString(x) || !utf8.ValidString(y) {
			t.Skip("codes are Compact's output: valid UTF-8")
		}
		if got, want := sameRunes(x, y, isDigit), digitsOf(x) == digitsOf(y); got != want {
			t.Fatalf("sameRunes(%q, %q, isDigit) = %v, digits written out say %v", x, y, got, want)
		}
		letters := func(x string) string {
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return -1
				}
				return r
			}, x)
		}
		if got, want := sameRunes(x, y, notDigit), letters(x) == letters(y); got != want {
			t.Fatalf("sameRunes(%q, %q, notDigit) = %v, letters written out say %v", x, y, got, want)
		}
	})
}

// FuzzOneEdit: the in-place check is Levenshtein distance 1.
func FuzzOneEdit(f *testing.F) {
	for _, p := range [][2]string{{"cruisers", "crusiers"}, {"swadlers", "swaddlers"}, {"abc", "abc"}, {"", "a"}, {"ab", "ba"}, {"naïve", "naive"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		if got, want := oneEdit(x, y), levenshtein.ComputeDistance(x, y) == 1; got != want {
			t.Fatalf("oneEdit(%q, %q) = %v, Levenshtein says %v", x, y, got, want)
		}
	})
}

func TestSpellBrand(t *testing.T) {
	vs := testVocab(t)
	tests := []struct {
		title, brand string
		want         []string
		reason       string
	}{
		{"LEV 15A DUPLEX RCPT WHT", "LEVITON MFG CO", []string{"leviton", "15a", "duplex", "receptacle", "white"}, "a supplier's abbreviation of its brand leading the title"},
		{"SQD HOMELINE 20A 1P CB", "Square D", []string{"square", "d", "homeline", "20a", "1p", "cb"}, "an abbreviation of a brand of two words"},
		{"SW 12/3 SJTW EXT CORD 50FT", "SOUTHWIRE CO", []string{"southwire", "12", "3", "sjtw", "ext", "cord", "50ft"}, "two letters"},
		{"LEVITON 15A DUPLEX", "LEVITON MFG CO", []string{"leviton", "15a", "duplex"}, "the brand written out"},
		{"BLK TONER CARTRIDGE", "Brother", []string{"black", "toner", "cartridge"}, "a color abbreviation expanded first is no brand"},
		{"SSD 970 EVO 1TB", "Samsung", []string{"ssd", "970", "evo", "1tb"}, "letters not in the brand's order"},
		{"LEV DIMMER", "", []string{"lev", "dimmer"}, "no brand field"},
	}
	for _, tt := range tests {
		if got := readTitle(tt.title, tt.brand, "", vs).keys; !slices.Equal(got, tt.want) {
			t.Errorf("readTitle(%q, brand %q) keys = %q, want %q (%s)", tt.title, tt.brand, got, tt.want, tt.reason)
		}
	}
}

func TestSpellSize(t *testing.T) {
	vs := testVocab(t)
	tests := []struct {
		title, size string
		want        []string
		reason      string
	}{
		{"UTOPIA BED PILLOW 2PK KG WHT", "KG", []string{"utopia", "bed", "pillow", "2ct", "king", "white"}, "the size column's KG repeated in the title is king"},
		{"MELLANNI SHEET SET QN", "QN", []string{"mellanni", "sheet", "set", "queen"}, "queen, as the abbreviations also read it"},
		{"BASMATI RICE 1 KG", "KG", []string{"basmati", "rice", "1000g"}, "after a number KG is a kilogram"},
		{"UTOPIA BED PILLOW 2PK KG WHT", "", []string{"utopia", "bed", "pillow", "2ct", "kg", "white"}, "no size column: KG left as written"},
		{"ZINUS MATTRESS CAL KG", "CAL KING", []string{"zinus", "mattress", "cal", "kg"}, "a column of two words is not looked for"},
	}
	for _, tt := range tests {
		if got := readTitle(tt.title, "", tt.size, vs).keys; !slices.Equal(got, tt.want) {
			t.Errorf("readTitle(%q, size %q) keys = %q, want %q (%s)", tt.title, tt.size, got, tt.want, tt.reason)
		}
	}
}

// TestTitleFootMarks: a title's foot mark keys as the other's feet, so that
// "6'6\"" and "6 ft 6 in" read alike; one a space apart is left alone.
func TestTitleFootMarks(t *testing.T) {
	vs := testVocab(t)
	for _, tt := range []struct {
		a, b   string
		reason string
	}{
		{`UGLY STIK GX2 SPINNING ROD 6'6" M 2PC`, "Ugly Stik GX2 Spinning Rod 6 ft 6 in M 2PC", "feet and inches marked, and spelled"},
		{"SW 16/3 EXT CORD 25' ORG", "SW 16/3 EXT CORD 25 ft ORG", "a cord's feet"},
	} {
		ka, kb := Prepare(&Record{Title: tt.a}, vs).TitleKeys(), Prepare(&Record{Title: tt.b}, vs).TitleKeys()
		if !slices.Equal(ka, kb) {
			t.Errorf("title keys %q = %q, want %q's %q (%s)", tt.a, ka, tt.b, kb, tt.reason)
		}
	}
	if k := Prepare(&Record{Title: "Samsung 67 ' DLP HDTV"}, vs).TitleKeys(); slices.Contains(k, "67ft") {
		t.Errorf("title keys of a mark a space apart = %q, want no feet (a file that lost its double quotes writes inches so)", k)
	}
}

func TestSpellPlus(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"Ilford FP4+ 125 120 Film", "Ilford FP4 plus 125 120 Film", "a plus after a short model number is its tier"},
		{"Samsung Galaxy S9+, 64GB", "Samsung Galaxy S9 plus, 64GB", "before punctuation too"},
		{"Galaxy S10+", "Galaxy S10 plus", "at the end"},
		{"LEGO City Ages 8+", "LEGO City Ages 8+", "a bare number's plus is an age, no tier"},
		{"Lutron Diva LED+ Dimmer", "Lutron Diva LED+ Dimmer", "a word's plus stays a sign"},
		{"Canon EF 2x+1", "Canon EF 2x+1", "a plus run into a number is arithmetic"},
		{"no sign here", "no sign here", "nothing to spell"},
	}
	for _, tt := range tests {
		if got := spellPlus(tt.in); got != tt.want {
			t.Errorf("spellPlus(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func FuzzSpellPlus(f *testing.F) {
	for _, s := range []string{"FP4+", "S9+ S10+", "8+", "LED+", "a1++", "Q7+/Q8+"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := spellPlus(s)
		if again := spellPlus(got); again != got {
			t.Fatalf("spellPlus(%q) = %q, then %q", s, got, again)
		}
		if strings.Count(got, "+") > strings.Count(s, "+") {
			t.Fatalf("spellPlus(%q) = %q: a sign added", s, got)
		}
	})
}
