package match

import (
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/imagecmp"
	"github.com/followmatch/followmatch/imagecmp/imageload"
)

func testVocab(t testing.TB) *Vocabularies {
	t.Helper()
	vs, err := LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

func comparator(t *testing.T, attr string) Attribute {
	t.Helper()
	for _, c := range Attributes() {
		if c.Name == attr {
			return c
		}
	}
	t.Fatalf("no attribute %q", attr)
	return Attribute{}
}

// pairCase is one comparison: two records and the level they must land in.
type pairCase struct {
	a, b   Record
	want   Level
	reason string
}

func runPairs(t *testing.T, attr string, cases []pairCase) {
	t.Helper()
	vs := testVocab(t)
	c := comparator(t, attr)
	env := &Env{Image: imagecmp.DefaultThresholds()}
	for _, tt := range cases {
		a, b := Prepare(&tt.a, vs), Prepare(&tt.b, vs)
		o := c.Compare(a, b, env)
		if o.Level != tt.want {
			t.Errorf("%s(%+v, %+v) = %s (%s), want %s (%s)", attr, tt.a, tt.b, o.Level, o.Evidence, tt.want, tt.reason)
		}
		if r := c.Compare(b, a, env); r.Level != o.Level {
			t.Errorf("%s is not symmetric on %+v, %+v: %s vs %s", attr, tt.a, tt.b, o.Level, r.Level)
		}
	}
}

func TestCompareGTIN(t *testing.T) {
	runPairs(t, "gtin", []pairCase{
		{Record{GTINs: []string{"036000291452"}}, Record{GTINs: []string{"0036000291452"}}, Exact, "UPC and EAN of one item"},
		{Record{GTINs: []string{"036000291452", "96385074"}}, Record{GTINs: []string{"96385074"}}, Exact, "one shared GTIN among several"},
		{Record{GTINs: []string{"036000291452"}}, Record{GTINs: []string{"96385074"}}, Conflict, "two valid GTINs differ"},
		{Record{GTINs: []string{"036000291453"}}, Record{GTINs: []string{"036000291452"}}, Invalid, "a bad check digit is no evidence"},
		{Record{}, Record{GTINs: []string{"036000291452"}}, Missing, "one side has none"},
	})
}

func TestCompareBrand(t *testing.T) {
	runPairs(t, "brand", []pairCase{
		{Record{Brand: "PHILIPS CONSUMER LIFESTYLE", Title: "AVENT NATURAL BOTTLE 9OZ 3PK CLEAR"}, Record{Brand: "Philips Avent", Title: "Philips Avent Natural Baby Bottle, Clear, 9 oz, 3 Pack"}, Alias, "the title leads with the last word of the other's brand, a maker's sub-brand (was a conflict, a veto)"},
		{Record{Brand: "Sony"}, Record{Brand: "SONY"}, Exact, "case"},
		{Record{Brand: "Sony Corporation"}, Record{Brand: "Sony"}, Exact, "corporate suffix dropped"},
		{Record{Brand: "Peet's Coffee, Inc."}, Record{Brand: "Peets Coffee"}, Exact, "punctuation and suffix"},
		{Record{Brand: "HP"}, Record{Brand: "Hewlett-Packard"}, Alias, "alias list"},
		{Record{Brand: "Lodge Manufacturing Company"}, Record{Brand: "Lodge"}, Exact, "a legal name's suffixes, manufacturing among them"},
		{Record{Brand: "HASBRO INC"}, Record{Brand: "Hasbro Gaming"}, Owner, "the company and one of its divisions (was a conflict, a veto)"},
		{Record{Brand: "Motorola", Title: "Motorola Netopia 3346N-ENT broadband router"}, Record{Brand: "Netopia", Title: "Netopia 3346N-ENT ADSL modem"}, Alias, "a title names the other's brand as its own: two names of one item (was a conflict, a veto)"},
		{Record{Brand: "Maxxis", Title: "Maxxis High Roller II 27.5 folding tyre"}, Record{Title: "Highroller II Dual EXO 27.5 folding tire"}, NotInTitle, "a title led by the other's line name spaced otherwise leads with no other brand (was leads_other, a veto)"},
		{Record{Brand: "OtterBox", Title: "OtterBox Defender case for Apple iPhone 12"}, Record{Brand: "Apple", Title: "Apple iPhone 12"}, Conflict, "a brand after \"for\" is what the item fits"},
		{Record{Title: "Sony WH-1000XM4 headphones"}, Record{Brand: "Sony"}, InTitle, "brand named in the title"},
		{Record{Title: "GENERICKOR GO 48 HOODIE L PNK"}, Record{Brand: "Junbrihal", Title: "Junbrihal, Go 48, Hoodie, L, Pink"}, LeadsOther, "the title leads with another name and omits the brand"},
		{Record{Title: "GTRADE FRUIT PUNCH 20OZ"}, Record{Brand: "Gatorade", Title: "Gatorade Fruit Punch 20 oz"}, NotInTitle, "a shortened brand leading the title is no other name"},
		{Record{Title: "Wireless Mouse M185"}, Record{Brand: "Logitech", Title: "Logitech Wireless Mouse M185"}, NotInTitle, "a title that leads with a word the other shares"},
		{Record{Title: "MENS TRAIL RUNNING SHOE SZ 10"}, Record{Brand: "Brooks", Title: "Brooks Cascadia 16 Trail Running Shoe"}, NotInTitle, "who it is for is no brand"},
		{Record{Title: "CASE 12 SPARKLING WATER LIME"}, Record{Brand: "LaCroix", Title: "LaCroix Sparkling Water, Lime"}, NotInTitle, "how it is sold is no brand"},
		{Record{Title: "ORGANIC PEANUT BUTTER CREAMY 16OZ"}, Record{Brand: "Smucker's", Title: "Smucker's Natural Peanut Butter Creamy 16 oz"}, NotInTitle, "a merchandising word is no brand"},
		{Record{Title: "Western Digital Black NVMe 250GB"}, Record{Title: "WD Black SSD NVMe 250GB"}, InTitle, "a title led by the initials of the other's first words"},
		{Record{Brand: "Western Digital"}, Record{Title: "WD Blue 1TB hard drive"}, InTitle, "a title led by the brand's initials"},
		{Record{Title: "Seagate Barracuda 2TB"}, Record{Title: "WD Blue 2TB"}, LeadsApart, "letters that are no initials of the other's words: two titles led by words neither has"},
		{Record{Title: "Privacy filter 23 Wide"}, Record{Title: "3M PF19.0 privacy filter"}, NotInTitle, "one title's leading word is in the other: a title that omits its brand"},
		{Record{Title: "Danby portable dishwasher DDW1805WH"}, Record{Title: "DDW1805W 18-in. portable dishwasher"}, NotInTitle, "a title led by its code leads with no brand"},
		{Record{Title: "Tech Craft Veneto TV stand SWP60"}, Record{Title: "Techcraft SWP60 classic TV stand"}, InTitle, "a brand written as one word and as two"},
		{Record{Brand: "Logitec"}, Record{Brand: "Logitech"}, Close, "a near spelling"},
		{Record{Brand: "VoltLink"}, Record{Brand: "Anker"}, Conflict, "white label"},
		{Record{}, Record{Brand: "Anker"}, Missing, "one side has none"},
		{Record{Brand: "UNILEVER"}, Record{Brand: "Dove"}, Owner, "a vendor column names the brand's owner"},
		{Record{Brand: "MARS PETCARE US"}, Record{Brand: "Pedigree"}, Owner, "an owner's division name"},
		{Record{Brand: "KRAFT HEINZ FOODS CO"}, Record{Brand: "Oscar Mayer"}, Owner, "corporate suffixes dropped from the owner too"},
		{Record{Brand: "Dove"}, Record{Brand: "Axe"}, Conflict, "two brands of one owner are still two brands"},
		{Record{Brand: "HB"}, Record{Brand: "Hamilton Beach"}, Alias, "an initialism"},
		{Record{Brand: "ACME HOLDINGS", Title: "DOVE BAR SOAP WHT 4OZ"}, Record{Brand: "Dove"}, Alias, "a holding name; the title leads with the brand"},
		{Record{Brand: "ITW", Title: "RAINX LATITUDE WIPER BLADE 22IN"}, Record{Brand: "Rain-X"}, Alias, "the brand leads the title, spaced otherwise"},
		{Record{Brand: "Belkin", Title: "Belkin case for Apple iPhone 15"}, Record{Brand: "Apple", Title: "Apple iPhone 15"}, Conflict, "a brand later in the title is no brand of the record"},
		{Record{Brand: "Northwind Holdings", GTINs: []string{gtinOf("07123450001")}}, Record{Brand: "Zephyr", GTINs: []string{gtinOf("07123450002")}}, Owner, "GTINs of one company prefix"},
		{Record{Brand: "Northwind", GTINs: []string{gtinOf("07123450001")}}, Record{Brand: "Zephyr", GTINs: []string{gtinOf("07987650002")}}, Conflict, "other company prefixes"},
		{Record{Brand: "UTOPIA DEALS INC", Title: "UTOPIA BED PILLOW 2PK QN"}, Record{Brand: "Utopia Bedding", Title: "Utopia Bedding Bed Pillows, Queen"}, Owner, "a company and its brand named alike, both titles led by the name (was a conflict, a veto)"},
		{Record{Brand: "TEMPUR SEALY INTERNATIONAL", Title: "TEMPUR CLOUD PILLOW QN"}, Record{Brand: "Tempur-Pedic", Title: "Tempur-Pedic TEMPUR-Cloud Pillow, Queen"}, Owner, "a hyphenated brand's first word"},
		{Record{Brand: "Blue Diamond", Title: "Blue Diamond Almonds 16 oz"}, Record{Brand: "Blue Buffalo", Title: "Blue Buffalo Dog Food"}, Conflict, "a color leading two brands is no family name"},
		{Record{Brand: "UTOPIA DEALS INC", Title: "BED PILLOW 2PK QN"}, Record{Brand: "Utopia Bedding", Title: "Utopia Bedding Bed Pillows, Queen"}, Conflict, "the shared name must lead both titles"},
	})
}

// gtinOf completes 11 digits into a UPC-A with its check digit.
func gtinOf(body string) string { return body + string(CheckDigit(body)) }

func TestCompareTitle(t *testing.T) {
	runPairs(t, "title", []pairCase{
		{Record{Title: "Brita Filters, Pack of 6"}, Record{Title: "brita filter pack of 6"}, Exact, "same words up to case and plural"},
		{Record{Title: "Kindle Paperwhite 16GB 7 inch Black"}, Record{Title: `Kindle Paperwhite (16 GB) 7" Black`}, Exact, "units written apart"},
		{Record{Title: "Sony WH-1000XM4 Wireless Headphones Black"}, Record{Title: "Sony WH-1000XM4 Wireless Noise Canceling Headphones Black"}, "t90", "one title within the other"},
		{Record{Title: "Sony WH-1000XM4 Wireless Headphones, Black"}, Record{Title: "Sony WH-1000XM5 Wireless Headphones, Silver"}, "t60", "most words shared, not the code and color"},
		{Record{Title: "Cuisinart Coffeemaker DTC975"}, Record{Title: "Cuisinart coffee maker DTC975"}, Exact, "a compound written apart"},
		{Record{Title: "Weber Spirit II E-310 Liquid Propane Gas Grill"}, Record{Title: "Lodge Pre-Seasoned Cast Iron Skillet 10.25 Inch"}, Different, "nothing shared"},
		{Record{}, Record{Title: "x"}, Missing, "one side has none"},
		{Record{Title: "Zenfy Studio 61 Eau de Parfum 50 ml"}, Record{Title: "Zenfy Studio 31 Eau de Parfum 50 ml"}, "t80", "a short title with another number is another product, not a typo"},
		{Record{Title: "Inland Pro 8-Sheet Paper Shredder"}, Record{Title: "inland pro 8 sheet paper shreder 05302"}, Exact, "a typo is forgiven when one title only adds a part number"},
		{Record{Title: "Canon A3300 16.0 MP camera"}, Record{Title: "canon a3300 16 mp camera"}, "t90", "the same number spelled two ways keeps the character similarity (t80 without)"},
	})
}

func TestCompareModel(t *testing.T) {
	runPairs(t, "model", []pairCase{
		{Record{Model: "XWFE"}, Record{Model: "XWF"}, Conflict, "model fields of letters one letter apart: another filter (was close, a typo)"},
		{Record{Model: "MWF"}, Record{Model: "MWF"}, ShortExact, "the same letters"},
		{Record{Model: "XWFE"}, Record{Model: "DPQR"}, Different, "letters all apart: unrelated codes, as before"},
		{Record{Title: "CASTROL GTX 5W30 5QT"}, Record{Title: "Castrol EDGE Full Synthetic Motor Oil 5W-30, 5 Quart"}, Missing, "a viscosity grade is no model code: every 5W-30 oil has it (was a shared code, +6)"},
		{Record{Title: "Omron L2-0W9 relay"}, Record{Title: "Omron relay L2-0W9"}, ShortExact, "digits around a w that are no SAE grade stay a code"},
		{Record{Brand: "WD-40 COMPANY", Title: "WD-40 SPECIALIST WHITE LITHIUM GREASE 10OZ"}, Record{Brand: "WD-40", Title: "WD-40 Specialist Dry Lube with PTFE, 10 oz"}, Missing, "a brand written with digits is no model code (was a shared code wd40, +6)"},
		{Record{Brand: "Sony", Title: "Sony WH-1000XM4 Headphones"}, Record{Brand: "Sony", Title: "Sony WH1000XM4 Wireless"}, LongExact, "a code beside the brand is still read"},
		{Record{Model: "WH-1000XM4"}, Record{Model: "wh1000xm4"}, LongExact, "punctuation and case; nine letters and digits: a long code"},
		{Record{Model: "MTJV3LL/A"}, Record{Model: "MTJV3AM/A"}, Variant, "region suffix"},
		{Record{Title: "Onkyo receiver TXSR606B"}, Record{Title: "Onkyo TX-SR606 a/v receiver"}, Contained, "one code extends the other"},
		{Record{Title: "Sony micro system DAVIS50B"}, Record{Title: "Sony Bravia DAV-IS50 / B home theater"}, Contained, "a code spelled with separators"},
		{Record{Model: "WH-1000XM4"}, Record{Model: "WH-1000XM5"}, Conflict, "neighbor model: digits differ"},
		{Record{Model: "L5SK3"}, Record{Model: "L8SK3"}, Conflict, "digits differ inside"},
		{Record{Model: "ABCD12"}, Record{Model: "ABCE12"}, Close, "one edit, same digits"},
		{Record{Model: "WFW9200SWH"}, Record{Model: "WFW8300SW"}, Conflict, "the same letters around other digits, each with its color suffix"},
		{Record{Model: "SD880IS"}, Record{Model: "SD990"}, Conflict, "another model of the line, one with a suffix"},
		{Record{Model: "DTIG4"}, Record{Model: "DTIG4/16GB"}, Different, "model fields: a capacity joined to the code is other digits, but no neighbor model (not a conflict)"},
		{Record{Title: "Hoover Empower bagless upright vacuum U5269"}, Record{Title: "Hoover Empower U5269-900 vacuum"}, Base, "a code that leads the other's as its first piece: the other adds a suffix"},
		{Record{Title: "Kingston 16GB DTIG4 USB 3.0"}, Record{Title: "Kingston DataTraveler 16GB USB 3.0 (DTIG4/16GB)"}, Base, "a capacity after the code's slash"},
		{Record{Title: "Asus ROG STRIX B550-E GAMING AM4 ATX Motherboard"}, Record{Title: "ASUS ROG STRIX B550-F GAMING AMD AM4 B550 Chipset ATX Motherboard"}, Variant, "the side with the bare base names its own suffix too (was base, +3: the chipset led the other's code)"},
		{Record{Title: "Griffin Elevator laptop stand 1093curv2"}, Record{Title: "Griffin Elevator stand 1093-CURV2"}, LongExact, "letters between two numbers: a code, not a description like 3in1"},
		{Record{Title: "Philips 258B6QUEB - WQHD IPS Monitor"}, Record{Title: "Philips 258B6QUEB LCD monitor"}, LongExact, "letters after the second number: a code (was read as a description like 2in1s)"},
		{Record{Title: "Da-Lite Pearlescent Tensioned Cosmopolitan Electrol - AV Format 9 x 9", Model: "81108"}, Record{Title: "Da-Lite Tensioned Cosmopolitan Electrol projection screen", Model: "Cosmopolitan Electrol"}, Different, "a model field of words in the other's title names the line, not the item (was contained, +4.5)"},
		{Record{Title: "TomTom One XL 330 car GPS navigation system 1EG005200"}, Record{Title: "TomTom XL 330 portable GPS system 1EG0 .052.00"}, Contained, "a code spelled in the other title with separators, where the other reads no code of its own (was missing)"},
		{Record{Title: "Garmin nuvi 205W GPS 0100071840"}, Record{Title: "Garmin nvi 205W automobile navigator 010-00718-40"}, Contained, "a part number written with hyphens within a title that writes it as a bare number"},
		{Record{Title: "Shimano Deore XT RD-M786 SGS Shadow Plus Rear Derailleur"}, Record{Title: "Shimano XT M786 Direct Mount Shadow Plus Rear Derailleur"}, Base, "a series prefix before the code (RD-M786 / M786): was different, -3.5"},
		{Record{Title: "SG500-52-K9-NA Cisco SG500-52 Stackable Managed Switch"}, Record{Title: "Cisco SG500 52P Gigabit SG500-52-K9-NA"}, LongExact, "the shared part number; SG500 and SG500-52 are its own head, no neighbor models (was a conflict, a veto)"},
		{Record{Title: "Shimano CN-HG701-11 Bicycle Chain"}, Record{Title: "Shimano - (HG701) XT / ULTEGRA 116 Links"}, Base, "a code the maker wrote between a prefix and a suffix (was different)"},
		{Record{Title: "MB ASUS TUF GAMING X570-PLUS AM4 4DDR4 HDMI"}, Record{Title: "MB ASUS PRIME B450-PLUS AM4 4DDR4 DVI+HDMI"}, SameForm, "4DDR4 counts memory slots, no model code: was exact on it"},
		{Record{Title: "Dymo LabelManager 260P", Model: "1754490"}, Record{Title: "Dymo LabelManager 260P label maker", Model: "260P"}, Contained, "a model field of four characters is a code the record states: found in the other title (was different, -3.5)"},
		{Record{Title: "Olympus Stylus 1050 SW black digital camera STYLUS1050SWB"}, Record{Title: "Olympus Stylus 1050 SW 10 megapixel digital camera 226455"}, Base, "a code's base within the other's text, where the other reads no code of its own (was missing)"},
		{Record{Title: "Shimano Cs-R8000 Cassette 11-28t Ultegra 11-Speed"}, Record{Title: "Shimano Dura-Ace CS-R9100 11-28T 11sp Cassette"}, Conflict, "a shared range code (11-28T) beside neighbor model codes: two models (was exact, +7)"},
		{Record{Title: "Sony WH-1000XM4 headphones"}, Record{Model: "WH-1000XM4"}, LongExact, "code read from the title"},
		{Record{Title: "Logitech H151 Stereo Headset with Mic"}, Record{Title: "LOGITECH - STEREO HEADSET H151 ANALOG"}, ShortExact, "a code of four: another item shares one as often as not"},
		{Record{Title: "Epson T7891 ink black"}, Record{Model: "T-7891"}, ShortExact, "five letters and digits, however written"},
		{Record{Title: "Epson C13T755140 T7551 Black Ink 100ml"}, Record{Title: "Epson T7551 black ink XXL C13T755140"}, LongExact, "of two shared codes, the longest says what they share"},
		{Record{Model: "SMT1000I"}, Record{Title: "APC Smart-UPS 1000VA LCD 230V SMT1000I"}, Exact, "eight letters and digits"},
		{Record{Model: "KSM150PSER"}, Record{Model: "910-006557"}, Different, "unrelated codes"},
		{Record{Model: "CA0080-03E"}, Record{Model: "AW1150-07A"}, SameForm, "one maker's numbering, another item"},
		{Record{Model: "A1263"}, Record{Model: "B7710"}, Different, "short codes of one form are too common to say more"},
		{Record{}, Record{Model: "A1263"}, Missing, "one side has none"},
	})
}

func TestCompareColor(t *testing.T) {
	runPairs(t, "color", []pairCase{
		{Record{Title: "SRO 1x 2.5 MOA Red Dot Sight"}, Record{Title: "Trijicon SRO LED - 2.5 MOA - Matte Black"}, Missing, "a red dot sight names no red (was red against black, a veto)"},
		{Record{Title: "AmazonBasics HDMI Cable, Gold Plated, Black, 6 ft"}, Record{Title: "AmazonBasics High-Speed HDMI Cable 6 Feet Black"}, Synonym, "gold plated connectors name no gold: the cable is black"},
		{Record{Title: "Gold Standard Pre-Workout Advanced - 20 Serves / Blue Raspberry"}, Record{Title: "Optimum Nutrition Gold Standard Pre Advanced 20 servings"}, Missing, "a line named Gold Standard names no gold"},
		{Record{Color: "Black"}, Record{Color: "black"}, Exact, "case"},
		{Record{Title: "Kingston DataTraveler 100 G3 256 GB USB 3.2 Zwart"}, Record{Title: "Kingston DataTraveler 100 G3 256GB USB Stick - Black"}, Synonym, "Dutch black is black (colors.json: the colors in the languages web shops write)"},
		{Record{Title: "Apple iPad Air 10,5\" 256GB zilver"}, Record{Title: "Apple iPad Air 10.5 inch 256GB Space Gray"}, Conflict, "Dutch silver against gray"},
		{Record{Title: "Lavazza Qualita Oro Coffee Beans 1 kg"}, Record{Title: "Lavazza Qualita Rossa Coffee Beans 1 kg"}, Missing, "oro and rossa name the coffee's line here: oro is no color the vocabulary reads, and one side's red alone says nothing"},
		{Record{Title: "Jabra Biz 2400 II Mono headset", Description: "Wired headset, black"}, Record{Title: "Jabra Biz 2400 II Mono headset white"}, DescriptionConflict, "one color read from a description: a level of its own, no veto by default"},
		{Record{Title: "Jabra Biz 2400 II Mono headset black"}, Record{Title: "Jabra Biz 2400 II Mono headset white", Description: "Also in black"}, Conflict, "a title's color speaks before the description"},
		{Record{Color: "WHT"}, Record{Color: "White"}, Synonym, "a color code in a color column"},
		{Record{Color: "STAINLESS"}, Record{Color: "Stainless Steel"}, Missing, "two values no vocabulary reads, one within the other: no conflict (was a veto)"},
		{Record{Color: "Black Stainless"}, Record{Color: "Stainless"}, Conflict, "black stainless names black: not the shorter value's"},
		{Record{Brand: "COATS & CLARK", Title: "RED HEART SUPER SAVER 7OZ WHITE"}, Record{Brand: "Red Heart", Title: "Red Heart Super Saver Yarn, White, 7 oz"}, Synonym, "a leading color before a word no vocabulary reads is a name: the yarn is white, not red and white"},
		{Record{Brand: "KEURIG DR PEPPER", Title: "GMCR BREAKFAST BLEND K-CUP"}, Record{Brand: "Green Mountain Coffee Roasters", Title: "Green Mountain Coffee Roasters Breakfast Blend K-Cup Pods"}, Missing, "the brand's words name no color, in either title"},
		{Record{Color: "BLK/RD"}, Record{Color: "Black/Red"}, Synonym, "two codes, two colors"},
		{Record{Color: "ORB"}, Record{Color: "Oil Rubbed Bronze"}, Synonym, "a hardware finish's code (was a conflict of two unknown words)"},
		{Record{Title: "LEV 15A 125V DUPLEX RCPT ALMOND 10PK"}, Record{Title: "Leviton 15 Amp Duplex Receptacle, White, 10-Pack"}, Conflict, "almond is a wiring device's color (was no color: a review on the white)"},
		{Record{Color: "BN"}, Record{Color: "Brushed Nickel"}, Synonym, "brushed nickel's code"},
		{Record{Color: "CHR"}, Record{Color: "Chrome"}, Synonym, "chrome's code"},
		{Record{Color: "Brushed Nickel"}, Record{Color: "Chrome"}, StatedFamily, "two finishes of one family, both stated: two variants"},
		{Record{Color: "NAT"}, Record{Color: "Natural"}, Synonym, "natural's code"},
		{Record{Color: "N/A", Title: "Acme Mug, Red"}, Record{Color: "Red"}, Synonym, "a column saying nothing lets the title speak"},
		{Record{Color: "TTN", Title: "Samsung T7 SSD Titan Gray"}, Record{Color: "Gray"}, Synonym, "an unknown code: the title's color"},
		{Record{Color: "Grey"}, Record{Color: "Gray"}, Synonym, "spelling synonym"},
		{Record{Color: "Navy Blue"}, Record{Color: "Midnight Blue"}, Synonym, "both navy"},
		{Record{Color: "Navy"}, Record{Color: "Blue"}, StatedFamily, "navy is in the blue family; both fields state it"},
		{Record{Title: "Hoodie Navy"}, Record{Color: "Blue"}, Family, "navy read from a title is in the blue family"},
		{Record{Color: "Silver"}, Record{Color: "Black"}, Conflict, "different colors"},
		{Record{Title: "Headphones, Silver"}, Record{Color: "Black"}, Conflict, "a title color counts"},
		{Record{Color: "Pacific"}, Record{Color: "Black"}, Conflict, "two color fields that differ, one unknown"},
		{Record{}, Record{Color: "Black"}, Missing, "one side has none"},
	})
}

func TestCompareSize(t *testing.T) {
	runPairs(t, "size", []pairCase{
		{Record{Size: "XL"}, Record{Size: "xl"}, Exact, "same label"},
		{Record{Title: "EVGA GeForce GT 520 1GB DDR3"}, Record{Title: "EVGA GeForce GT 520 1024 MB DDR3"}, Equivalent, "a gigabyte is 1000 or 1024 megabytes (was a conflict, a veto)"},
		{Record{Brand: "3M", Title: "3M Natural View Screen Protector"}, Record{Brand: "3M", Title: "3M Natural View Screen Protector, 2 ft"}, Missing, "the brand 3M is no length of three meters (was a conflict)"},
		{Record{Title: "SanDisk Extreme (128GB) SDXC Memory Card"}, Record{Title: "SANDISK EXTREME SDXC 128GB150/70 MB/s V30"}, Missing, "a speed in MB/s is no capacity (was 128GB against 70 MB, a veto); 128GB glued to 150 is not read"},
		{Record{Title: "Da-Lite Da-Plex Deluxe Rear Projection Screen - 36 x 48 Video Format"}, Record{Title: "Da-Lite 27565 Da-Plex Deluxe Rear Projection Screen - 72 x 96 Video Format"}, Conflict, "two screens of other dimensions written without a unit"},
		{Record{Title: "Whiteboard 48 x 36"}, Record{Title: "Whiteboard, 36 x 48"}, Equivalent, "one board's dimensions either way round"},
		{Record{Title: "Avery Filing Labels 3-7 16 x 2 3 Clear 450 Pack"}, Record{Title: "Avery 5029 Filing Labels 2 3 x 3-7 16 Clear 450 Pack"}, Missing, "fractions whose slashes were lost are no dimensions"},
		{Record{Title: "Screen 36 x 48 and 60 x 80"}, Record{Title: "Screen 72 x 96"}, Missing, "two sets of dimensions in one title: which?"},
		{Record{Title: "Fujifilm Instax Square Instant Film - 20 Photos"}, Record{Title: "Fujifilm Instax Square Instant Film - 10 Photos"}, Conflict, "20 exposures against 10"},
		{Record{Title: "Netgear ProSafe 16 Port 10/100 Rackmount Switch"}, Record{Title: "Netgear ProSafe 24-Port 10/100 Smart Switch"}, Conflict, "a 16-port switch is not a 24-port one"},
		{Record{Title: "Cuisinart 4-Slice Toaster"}, Record{Title: "Cuisinart 4 Slice Compact Toaster, Silver"}, Equivalent, "four slices both times"},
		{Record{Title: "Mr. Coffee 12-Cup Coffee Maker"}, Record{Title: "Mr. Coffee 5 Cup Coffee Maker"}, Conflict, "12 cups against 5"},
		{Record{Size: "M10/W12"}, Record{Size: "Men's 10 / Women's 12"}, Equivalent, "one unisex shoe size written two ways (was a conflict, a veto)"},
		{Record{Size: "12 Women/10 Men"}, Record{Size: "M10/W12"}, Equivalent, "women's size first"},
		{Record{Size: "M8/W10"}, Record{Size: "Men's 10 / Women's 12"}, Conflict, "another unisex shoe size"},
		{Record{Size: "L"}, Record{Size: "Large Tall"}, Conflict, "a tall size is another size (was no evidence)"},
		{Record{Size: "LT"}, Record{Size: "Large Tall"}, Exact, "the tall size by its abbreviation"},
		{Record{Size: "YM"}, Record{Size: "Youth M"}, Exact, "a youth size by its abbreviation"},
		{Record{Size: "YL"}, Record{Size: "Youth M"}, Conflict, "youth large against youth medium (was no evidence, and eligible)"},
		{Record{Size: "M"}, Record{Size: "Youth M"}, Conflict, "an adult medium is not a youth medium"},
		{Record{Size: "6M"}, Record{Size: "Newborn"}, Conflict, "six months against newborn (was no evidence, and eligible)"},
		{Record{Size: "NB"}, Record{Size: "Newborn"}, Exact, "newborn by its abbreviation"},
		{Record{Size: "0-3M"}, Record{Size: "3 Months"}, Equivalent, "a baby's size by its months"},
		{Record{Size: "10.5M"}, Record{Size: "10.5"}, Equivalent, "a shoe size in the standard width is the size without one (was a conflict, a veto)"},
		{Record{Size: "10.5 D(M) US"}, Record{Size: "10.5 Medium"}, Equivalent, "the standard width written two ways"},
		{Record{Size: "10.5 W"}, Record{Size: "10.5"}, Conflict, "a wide shoe is another size"},
		{Record{Size: "6-9 MO"}, Record{Size: "6-9 Months"}, Equivalent, "a baby's size in months, abbreviated (was a conflict)"},
		{Record{Size: "12M"}, Record{Size: "12 Months"}, Equivalent, "12M is twelve months"},
		{Record{Size: "3-6 MO"}, Record{Size: "6-9 Months"}, Conflict, "other months"},
		{Record{Size: "QN"}, Record{Size: "Queen Size"}, Exact, "a bed size's abbreviation (vocab/sizes.json; was a conflict)"},
		{Record{Size: "CAL KING"}, Record{Size: "King"}, Conflict, "a California king is not a king"},
		{Record{Size: "LT"}, Record{Size: "Large Tall"}, Exact, "a tall size's abbreviation"},
		{Record{Size: "10/12"}, Record{Size: "Medium (10-12)"}, Equivalent, "a kids' size by its numbers"},
		{Record{Size: "OSFM"}, Record{Size: "Medium"}, Missing, "one size fits most states no size"},
		{Record{Size: "16 X 25 X 1"}, Record{Size: "16x25x1"}, Equivalent, "a filter's dimensions written apart and together (was a conflict, a veto)"},
		{Record{Size: "20X20X1"}, Record{Size: "20x25x1"}, Conflict, "other dimensions"},
		{Record{Size: "28.5IN"}, Record{Size: "6"}, Missing, "a length against a size number: sizes of different kinds say nothing (was a conflict)"},
		{Record{Size: "SZ 4", Title: "PAMPERS SWADDLERS DIAPERS SZ 4 150 CT"}, Record{Size: "4", Title: "Pampers Swaddlers Diapers, Size 4, 120 Count"}, Conflict, "the size fields agree, the counts both titles state do not"},
		{Record{Size: "SZ 4", Title: "PAMPERS SWADDLERS DIAPERS SZ 4 120CT"}, Record{Size: "4", Title: "Pampers Swaddlers Diapers, Size 4, 120 Count"}, Equivalent, "the fields and the titles' counts agree"},
		{Record{Title: "PAMPERS SWADDLERS SZ2 112CT"}, Record{Size: "Size 2", Title: "Pampers Swaddlers Diapers, Size 2 (12-18 lb), 84 Count"}, Conflict, "a size read from one title agrees with the other's field, but the count it states is not the other title's"},
		{Record{Title: "PAMPERS SWADDLERS SZ2 84CT"}, Record{Size: "Size 2", Title: "Pampers Swaddlers Diapers, Size 2 (12-18 lb), 84 Count"}, Equivalent, "the size and the count agree"},
		{Record{Title: "PAMPERS SWADDLERS SZ2"}, Record{Size: "Size 2", Title: "Pampers Swaddlers Diapers, Size 2 (12-18 lb), 84 Count"}, Equivalent, "a count on one side only is no conflict"},
		{Record{Title: "SHARKBITE 3/4 PTC COUPLING BRASS"}, Record{Title: "SharkBite U016LFA 3/4 Inch Push to Connect Brass Coupling"}, Equivalent, "a bare fraction is the fitting's size in inches (was no size: a review)"},
		{Record{Title: "SHARKBITE 1/2 PTC COUPLING BRASS"}, Record{Title: "SharkBite U016LFA 3/4 Inch Push to Connect Brass Coupling"}, Conflict, "1/2 against 3/4 inch"},
		{Record{Title: "BRASSCRAFT 1/2 NOM COMP X 1/2 OD COMP 1/4 TURN STRAIGHT VALVE"}, Record{Title: "BrassCraft 1/2 in. Nominal Compression Inlet x 3/8 in. O.D. Compression Outlet 1/4-Turn Angle Valve"}, Missing, "two bare fractions are an inlet and an outlet, not one size (was equivalent on the 1/2)"},
		{Record{Title: "AVERY 5160 ADDR LABELS 1X2-5/8 WHT 100SH"}, Record{Title: "Avery Easy Peel Address Labels, 1\" x 2-5/8\", 100 Sheets"}, Equivalent, "a number by a fraction is read whole, inches both: 1 x 2-5/8 (was half read, no size)"},
		{Record{Brand: "3M COMPANY", Title: "3M SCOTCH SUPER 33+ TAPE 3/4X66FT BLK"}, Record{Brand: "3M", Title: "3M Scotch Super 33+ Vinyl Electrical Tape, 3/4 in x 66 ft, Black"}, Equivalent, "the brand 3M is no length, its company suffix aside (was 3 m against 3/4 in, a veto)"},
		{Record{Size: "24", Title: "TYLENOL X-STR CAPLET 500MG 24CT"}, Record{Title: "Tylenol Extra Strength Caplets with 500 mg Acetaminophen, 24 Count"}, Equivalent, "a size column's bare 24 is the title's 24CT (was missing: a number against a count)"},
		{Record{Size: "24", Title: "TYLENOL X-STR CAPLET 500MG 24CT"}, Record{Title: "Tylenol Extra Strength Caplets with 500 mg Acetaminophen, 100 Count"}, Conflict, "24 against 100 caplets"},
		{Record{Size: "10", Title: "Nike Air Max 90 Mens"}, Record{Size: "10.5", Title: "Nike Air Max 90 Mens"}, Conflict, "a bare number the title does not state stays a numbered size"},
		{Record{Title: "NATURE MADE VIT D3 2000 IU 220 SOFTGELS"}, Record{Title: "Nature Made Vitamin D3 2000 IU (50 mcg), 100 Softgels"}, Conflict, "the same potency, but counts stated on both sides differ"},
		{Record{Title: "Vitamin D3 5000 IU"}, Record{Title: "Vitamin D3 2000 IU"}, Conflict, "another potency"},
		{Record{Title: "MACBOOK AIR 13 M2 16GB 256GB"}, Record{Title: "Apple MacBook Air 13-inch, M2, 8GB RAM, 256GB SSD"}, Conflict, "the storage shared, but each side states a memory the other lacks (was equivalent)"},
		{Record{Title: "Galaxy S23 128GB"}, Record{Title: "Galaxy S23 128GB / 256GB"}, Equivalent, "one size among the sizes the other offers"},
		{Record{Size: "1 EA"}, Record{Size: "12 oz"}, Missing, "a size column saying each states no size"},
		{Record{Size: "FAMILY SIZE"}, Record{Size: "18 oz"}, Missing, "a text against a measured size is no evidence"},
		{Record{Size: "Twin"}, Record{Size: "Queen"}, Conflict, "two size names that differ"},
		{Record{Size: "Large"}, Record{Size: "L"}, Equivalent, "spelled letter size"},
		{Record{Size: "1 lb"}, Record{Size: "16 oz"}, Equivalent, "units converted"},
		{Record{Size: "0.5 L"}, Record{Size: "500 ml"}, Equivalent, "units converted"},
		{Record{Size: "10"}, Record{Size: "11"}, Conflict, "shoe sizes differ"},
		{Record{Title: "Samsung 512GB card"}, Record{Title: "Samsung 128GB card"}, Conflict, "title quantities differ"},
		{Record{Size: "L"}, Record{Size: "XL"}, Conflict, "letter sizes differ"},
		{Record{}, Record{Size: "XL"}, Missing, "one side has none"},
	})
}

func TestComparePack(t *testing.T) {
	runPairs(t, "size", []pairCase{
		{Record{Size: "LG/XL"}, Record{Size: "L/XL"}, Equivalent, "LG/XL is L/XL (was a conflict of texts)"},
		{Record{Size: "9"}, Record{Size: "Men's 9 / Women's 11"}, Missing, "a bare size, the men's of a unisex size (was a conflict)"},
		{Record{Size: "11"}, Record{Size: "Men's 9 / Women's 11"}, Missing, "or its women's"},
		{Record{Size: "10"}, Record{Size: "Men's 9 / Women's 11"}, Conflict, "neither"},
		{Record{Size: "9.5"}, Record{Size: "Men's 9.5 / Women's 11.5"}, Missing, "half sizes"},
		{Record{Size: "43"}, Record{Size: "42 EU"}, Conflict, "an EU size against a bare number (was no evidence)"},
		{Record{Size: "10 D"}, Record{Size: "10 Wide"}, Conflict, "D is the standard width"},
		{Record{Size: "UK 8"}, Record{Size: "8"}, Conflict, "UK 8 is not a US 8"},
		{Record{Size: "1.41 X 60YD"}, Record{Title: "ScotchBlue Painter's Tape, 1.88 in x 60 yd"}, Conflict, "a width without its unit is none of the other's: 60 yards agree, the tape does not"},
		{Record{Size: "1.88 X 60YD"}, Record{Title: "ScotchBlue Painter's Tape, 1.88 in x 60 yd"}, Equivalent, "the unread width is the other's"},
		{Record{Size: "60 YD"}, Record{Title: "ScotchBlue Painter's Tape, 1.88 in x 60 yd"}, Equivalent, "a field that reads whole says no more"},
		{Record{Size: "QT"}, Record{Title: "KILZ 2 Primer, 1 Quart"}, Equivalent, "a bare unit is one of it"},
		{Record{Title: "PURDY WHITE DOVE ROLLER COVER 9X3/8"}, Record{Title: "Purdy White Dove Woven Roller Cover, 9 in x 3/8 in Nap"}, Equivalent, "a bare number by a fraction: inches both"},
		{Record{Title: "FILTRETE 16X20X1 MPR 1085 ALLERGEN DEFENSE 4PK"}, Record{Title: "Filtrete 16x25x1 AC Furnace Air Filter, MPR 1085, Allergen Defense, 4-Pack"}, Conflict, "a filter's glued dimensions are its size (was no size, a review)"},
		{Record{Title: "FILTRETE 16X25X1 MPR 1085 4PK"}, Record{Title: "Filtrete 16 x 25 x 1 AC Furnace Air Filter, 4-Pack"}, Equivalent, "glued or spaced, one size"},
		{Record{Title: "GOODYEAR ASSURANCE COMFORTDRIVE 205/55R16 91V"}, Record{Title: "Goodyear Assurance MaxLife All-Season Tire 205/55R16 91V"}, Equivalent, "one tire size, no 91 volts (was a model code both shared, exact +7: ComfortDrive eligible on MaxLife)"},
		{Record{Title: "MICHELIN DEFENDER LTX M/S 225/65R18 103H"}, Record{Title: "Michelin Defender LTX M/S All-Season Tire 225/65R17 102H"}, Conflict, "another rim"},
		{Record{Title: "GAMAKATSU OCTOPUS HOOK RED 2/0 6PK"}, Record{Title: "Gamakatsu Octopus Hook, Red, Size 1/0, 6 Pack"}, Conflict, "hook sizes in aughts: 2/0 is not 1/0 (was none read against size 1: the 1/0 and 2/0 listings tied)"},
		{Record{Title: "GAMAKATSU OCTOPUS HOOK RED 1/0 6PK"}, Record{Title: "Gamakatsu Octopus Hook, Red, Size 1/0, 6 Pack"}, Equivalent, "one aught size"},
		{Record{Title: "GAMAKATSU OCTOPUS HOOK RED SZ 1 6PK"}, Record{Title: "Gamakatsu Octopus Hook, Red, Size 1/0, 6 Pack"}, Conflict, "size 1 is smaller than 1/0"},
		{Record{Size: "225/65R17", Title: "MICHELIN DEFENDER LTX M/S"}, Record{Title: "Michelin Defender LTX M/S All-Season Tire 225/65R17 102H"}, Equivalent, "a tire size column"},
		{Record{Size: "225/60R17", Title: "MICHELIN DEFENDER LTX M/S"}, Record{Title: "Michelin Defender LTX M/S All-Season Tire 225/65R17 102H"}, Conflict, "a tire size column against another size"},
		{Record{Title: "FALKEN WILDPEAK AT3W 265/70R17 115T"}, Record{Title: "Falken Wildpeak A/T3W All-Terrain Tire LT265/70R17 121/118S E"}, Conflict, "a light-truck tire is not the passenger one of the same numbers"},
		{Record{Title: "PURDY WHITE DOVE ROLLER COVER 9X3/8"}, Record{Title: "Purdy White Dove Woven Roller Cover, 9 in x 1/2 in Nap"}, Conflict, "another nap (was no size read)"},
		{Record{Size: "1/2 PT"}, Record{Title: "Minwax Wood Finish, Early American 230, 1/2 Pint"}, Equivalent, "half a pint"},
		{Record{Size: "M"}, Record{Size: "L/XL"}, Conflict, "a medium is not the L/XL (was no evidence)"},
		{Record{Size: "L"}, Record{Size: "L/XL"}, Conflict, "a combined size is another size than either"},
		{Record{Size: "S/L"}, Record{Size: "S/M"}, Missing, "sizes not neighbors are no combined size: a text against a read size says nothing"},
	})
	runPairs(t, "pack_count", []pairCase{
		{Record{PackCount: 6}, Record{Title: "Brita Filters, Pack of 6"}, Exact, "field against title"},
		{Record{Title: "Anker PowerCore 2-Pack"}, Record{Title: "Anker PowerCore"}, Conflict, "2-pack against a single"},
		{Record{Title: "ANSELL HYFLEX 11-800 NITRILE GLOVE SZ 9 12PR", Size: "9", Packaging: "DZ"}, Record{Title: "Ansell HyFlex 11-800 Nitrile Coated Work Gloves, Size 9 (Large), 12 Pairs", Size: "9"}, Missing, "a dozen against a title's 12 pairs beside its size field (was 12 vs 1, a veto)"},
		{Record{Title: "ANSELL HYFLEX 11-800 GLOVE SZ 9", Size: "9", Packaging: "DZ"}, Record{Title: "Ansell HyFlex 11-800 Nitrile Coated Work Gloves, Size 9, 6 Pairs", Size: "9"}, Conflict, "a dozen is not 6 pairs"},
		{Record{Title: "CAP COATED HEX DUMBBELL 25LB PR"}, Record{Title: "CAP Barbell Coated Hex Dumbbells, 25 lb, Pair", PackCount: 2}, Exact, "PR is a pair: a pack of two (was 1 vs 2, a veto)"},
		{Record{Title: "CAP COATED HEX DUMBBELL 25LB PR"}, Record{Title: "CAP Barbell Coated Hex Dumbbell, 25 lb, Single"}, Conflict, "a pair against a stated single (was eligible on the single)"},
		{Record{Title: "Scosche convertible 6 speaker adapter"}, Record{Title: "Scosche SA68 convertible 6x8-inch speaker adapter - pair"}, Missing, "a pair against a title stating no count: sold in pairs whether a title says so or not"},
		{Record{Title: "Wool hiking socks, 1 pair"}, Record{Title: "WOOL HIKING SOCK PR"}, Exact, "a pair both ways"},
		{Record{Title: "Crew socks 10 pair pack", PackCount: 10}, Record{Title: "CREW SOCK PR"}, Conflict, "ten pairs against one"},
		{Record{PackCount: 1}, Record{Title: "Anker PowerCore"}, Exact, "a stated single against an unstated one"},
		{Record{}, Record{}, Missing, "neither states a count"},
		{Record{Title: "SHARPIE FINE PT MARKER BLK 12PK"}, Record{Title: "Sharpie Permanent Markers, Fine Point, Black, 12 Count"}, Missing, "a 12-pack against 12 count: one package of twelve"},
		{Record{Title: "SHARPIE FINE PT MARKER BLK 12PK"}, Record{Title: "Sharpie Permanent Markers, Fine Point, Black, 24 Count"}, Conflict, "a 12-pack against 24 count"},
		{Record{Title: "BIC ROUND STIC MED BLK 60CT", PackCount: 60}, Record{Title: "BIC Round Stic Ballpoint Pens, Medium Point, Black, 60-Count"}, Missing, "a pack column of 60 and 60 in its title against a count of 60: one box said two ways (was a conflict, a veto)"},
		{Record{Title: "BIC ROUND STIC MED BLK 12CT", PackCount: 12}, Record{Title: "BIC Round Stic Ballpoint Pens, Medium Point, Black, 60-Count"}, Conflict, "12 against a count of 60"},
		{Record{Title: "Smead Classification Folder, Letter, 25/Box"}, Record{Title: "Smead Classification Folder, Letter"}, Missing, "a count per box is what the box holds: the other may sell the same box"},
		{Record{Title: "Smead Classification Folder, 25 Box"}, Record{Title: "Smead Classification Folder, 50 Box"}, Conflict, "two counts per box: two boxes"},
		{Record{Title: "Smead Classification Folder, 25/Box", PackCount: 25}, Record{Title: "Smead Classification Folder"}, Conflict, "a pack column is stated, not read from a title"},
		{Record{Title: "FRONTLINE PLUS LG DOG 45-88LB 3PK"}, Record{Title: "FRONTLINE Plus Flea and Tick Treatment for Large Dogs (45-88 lbs), 3 Doses"}, Missing, "a 3-pack against 3 doses: one package said two ways (was 3 vs 1, a veto)"},
		{Record{Title: "DEWALT 20V MAX XR 5AH BATTERY 2PK", PackCount: 1}, Record{Title: "DEWALT 20V MAX XR 5.0Ah Battery, 2-Pack (DCB205-2)"}, Exact, "a pack column of 1 counts sellable units: the unit is the 2-pack its title names (was 1 vs 2, a veto)"},
		{Record{Title: "FRONTLINE PLUS LG DOG 45-88LB 3PK"}, Record{Title: "FRONTLINE Plus Flea and Tick Treatment for Large Dogs (45-88 lbs), 3 Doses"}, Missing, "a 3-pack against 3 doses: one package said two ways (was 3 vs 1, a veto)"},
		{Record{Title: "DEWALT 20V MAX XR 5AH BATTERY 2PK", PackCount: 1}, Record{Title: "DEWALT 20V MAX XR 5.0Ah Battery (DCB205)"}, Conflict, "the 2-pack against the single"},
		{Record{Title: "DURACELL COPPERTOP 9V 1PK", PackCount: 1}, Record{Title: "Duracell Coppertop 9V Alkaline Battery, 2 Count"}, Conflict, "batteries are sold by the unit (types.json: counted): 2 Count is two batteries, not one (was 1 per item, eligible)"},
		{Record{Title: "DURACELL COPPERTOP AA 4PK", PackCount: 4}, Record{Title: "Duracell Coppertop AA Alkaline Batteries, 4 Count"}, Missing, "four batteries both ways: the count is the size's evidence, not counted twice"},
		{Record{Title: "MARZEN ONE 59 AA BATT"}, Record{Title: "Marzen, One 59, AA Batteries, 8 count"}, Missing, "a supplier's title that leaves the count out is no single against a count of units"},
		{Record{Title: "VITAMIN C 500MG TABLET", PackCount: 1}, Record{Title: "Nature Made Vitamin C 500 mg Tablets, 100 Count"}, Exact, "a vitamin's count is one bottle's tablets, not its pack: a single bottle both ways"},
		{Record{Title: "AVERY SHIPPING LABELS 2X4 WHITE 250/PK", PackCount: 1}, Record{Title: "Avery Shipping Labels, 2\" x 4\", White, 250 Labels"}, Exact, "250 to the pack is what one pack holds, not 250 packs"},
	})
}

func TestCompareOthers(t *testing.T) {
	runPairs(t, "material", []pairCase{
		{Record{Title: "GLOVE EXAM LATEX PF LG 100/BX"}, Record{Title: "Medline SensiCare Silk Nitrile Exam Gloves, Powder-Free, Latex-Free, Large"}, Conflict, "latex against nitrile: Latex-Free names no latex (was latex on both, a false eligible)"},
		{Record{Title: "Latex Free Exam Gloves"}, Record{Title: "Latex Exam Gloves"}, Missing, "free of latex is no material"},
		{Record{Material: "18/8 Stainless Steel"}, Record{Material: "Stainless Steel"}, Synonym, "grade written out"},
		{Record{Material: "BPA-free plastic"}, Record{Material: "Stainless Steel"}, Conflict, "different materials"},
		{Record{Material: "Stainless Steel"}, Record{Material: "carbon steel"}, Family, "both steel"},
	})
	runPairs(t, "origin", []pairCase{
		{Record{Origin: "PRC"}, Record{Origin: "China"}, Synonym, "country code"},
		{Record{Origin: "U.S.A."}, Record{Origin: "United States"}, Synonym, "abbreviation"},
		{Record{Origin: "China"}, Record{Origin: "Vietnam"}, Conflict, "different countries"},
	})
	runPairs(t, "category", []pairCase{
		{Record{Category: "Grocery > Coffee"}, Record{Category: "grocery>coffee"}, Exact, "spacing and case"},
		{Record{Category: "Grocery"}, Record{Category: "Grocery > Coffee"}, Prefix, "one contains the other"},
		{Record{Category: "Grocery > Tea"}, Record{Category: "Grocery > Coffee"}, Sibling, "shared parent"},
		{Record{Category: "Toys"}, Record{Category: "Grocery"}, Different, "nothing shared"},
		{Record{Category: "Electronics > Audio"}, Record{Category: "Home > Kitchen"}, Different, "two paths apart"},
		{Record{Category: "HBA"}, Record{Category: "Beauty & Personal Care > Skin Care"}, Missing, "a supplier's department is another taxonomy"},
		{Record{Category: "PET"}, Record{Category: "Pet Supplies > Dogs > Food"}, Missing, "a department is no evidence against a path"},
		{Record{Category: "Skin Care"}, Record{Category: "Beauty > Skin Care"}, Prefix, "a department that names a level of the path"},
	})
	runPairs(t, "params", []pairCase{
		{Record{Params: map[string]string{"Capacity": "256GB"}}, Record{Params: map[string]string{"capacity": "256 GB"}}, Agree, "quantity written apart"},
		{Record{Params: map[string]string{"capacity": "512 GB"}}, Record{Params: map[string]string{"capacity": "256 GB"}}, Conflict, "different capacities"},
		{Record{Params: map[string]string{"voltage": "5V"}}, Record{Params: map[string]string{"capacity": "256 GB"}}, Missing, "no shared name"},
		{Record{Params: map[string]string{"author": "CLEAR, JAMES"}}, Record{Params: map[string]string{"author": "James Clear"}}, Agree, "a name written last name first"},
		{Record{Params: map[string]string{"author": "The College Board"}}, Record{Params: map[string]string{"author": "COLLEGE BOARD"}}, Agree, "a leading 'the' says nothing"},
		{Record{Params: map[string]string{"author": "Clear, James"}}, Record{Params: map[string]string{"author": "James Clearwater"}}, Conflict, "another name is another value"},
		{Record{Params: map[string]string{"format": "HC"}}, Record{Params: map[string]string{"format": "Hardcover"}}, Agree, "a binding's abbreviation (vocab/params.json)"},
		{Record{Params: map[string]string{"format": "TP"}}, Record{Params: map[string]string{"format": "Paperback"}}, Agree, "a trade paperback is a marketplace's paperback"},
		{Record{Params: map[string]string{"format": "MMP"}}, Record{Params: map[string]string{"format": "Paperback"}}, Conflict, "a mass market paperback is another format"},
		{Record{Params: map[string]string{"format": "Board Bk"}}, Record{Params: map[string]string{"format": "Hardcover"}}, Conflict, "a board book is not the hardcover"},
		{Record{Params: map[string]string{"gender": "Men's"}}, Record{Params: map[string]string{"gender": "MENS"}}, Agree, "gender written two ways"},
	})
}

// TestComparatorProperties checks every comparator on a spread of records:
// symmetric levels, a declared level always, Missing last, identical
// records at a non-missing level when the attribute is present, and Missing
// against an empty record.
func TestComparatorProperties(t *testing.T) {
	vs := testVocab(t)
	fp := imagecmp.Fingerprint{PHash: 0xF0F0, DHash: 0x0F0F, Color: make([]byte, 48)}
	recs := []Record{
		{ID: "a", GTINs: []string{"036000291452"}, Brand: "Sony", Title: "Sony WH-1000XM4 Headphones, Black 2-Pack", Model: "WH-1000XM4",
			Color: "Black", Size: "XL", Material: "Plastic", PackCount: 2, Origin: "China", Category: "Electronics > Audio",
			Params: map[string]string{"capacity": "64 GB"}, Fingerprints: []imagecmp.Fingerprint{fp}},
		{ID: "b", Brand: "Anker", Title: "PowerCore 10000mAh", Model: "A1263", Size: "16 oz", Category: "Electronics"},
		{ID: "c", Title: "Lodge 10.25 inch skillet L8SK3, cast iron", Description: "A pre-seasoned cast iron skillet from Lodge, made in the USA."},
		{ID: "d", GTINs: []string{"036000291453"}, Color: "Navy", Material: "Steel", Origin: "PRC"},
		{ID: "e"},
	}
	env := &Env{Image: imagecmp.DefaultThresholds()}
	for _, c := range Attributes() {
		levels := c.LevelNames()
		if levels[len(levels)-1] != Missing {
			t.Errorf("%s: levels %v do not end with missing", c.Name, levels)
		}
		for i := range recs {
			for j := range recs {
				a, b := Prepare(&recs[i], vs), Prepare(&recs[j], vs)
				o, r := c.Compare(a, b, env), c.Compare(b, a, env)
				if o.Level != r.Level {
					t.Errorf("%s(%s,%s) = %s but (%s,%s) = %s", c.Name, recs[i].ID, recs[j].ID, o.Level, recs[j].ID, recs[i].ID, r.Level)
				}
				if !contains(levels, o.Level) {
					t.Errorf("%s(%s,%s) = %q, not one of %v", c.Name, recs[i].ID, recs[j].ID, o.Level, levels)
				}
				if recs[j].ID == "e" && o.Level != Missing {
					t.Errorf("%s(%s, empty) = %s, want missing", c.Name, recs[i].ID, o.Level)
				}
			}
		}
		// The full record against itself lands in the first level (or
		// Missing, for what a new item states nothing of: its condition,
		// what it fits).
		a := Prepare(&recs[0], vs)
		if o := c.Compare(a, a, env); o.Level != levels[0] && o.Level != Missing {
			t.Errorf("%s(a, a) = %s, want %s", c.Name, o.Level, levels[0])
		}
	}
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestSimilarityProperties(t *testing.T) {
	words := []string{"", "a", "sony", "sonny", "wh1000xm4", "wh1000xm5", "crème", "ＳＯＮＹ"}
	idf := func(string) float64 { return 1.5 }
	for _, x := range words {
		for _, y := range words {
			s, r := Similarity(x, y), Similarity(y, x)
			if s != r || s < 0 || s > 1 {
				t.Errorf("Similarity(%q,%q) = %v, reverse %v: want symmetric in [0,1]", x, y, s, r)
			}
			if x == y && s != 1 {
				t.Errorf("Similarity(%q,%q) = %v, want 1", x, y, s)
			}
			a, b := Tokens(x+" "+y), Tokens(y)
			ts, tr := titleSimilarity(a, b, idf), titleSimilarity(b, a, idf)
			if ts != tr || ts < 0 || ts > 1 {
				t.Errorf("titleSimilarity not symmetric in [0,1]: %v %v", ts, tr)
			}
			if titleSimilarity(a, a, idf) != 1 {
				t.Errorf("titleSimilarity(a, a) != 1 for %q", x+" "+y)
			}
		}
	}
}

// FuzzComparators runs every comparison on records built from fuzzed text:
// no panic, a declared level, the same level both ways round.
func FuzzComparators(f *testing.F) {
	f.Add("Sony WH-1000XM4, Black 2-Pack", "WH1000XM4/B", "1 lb", "036000291452", "Sony WH-1000XM5 500ml", "WH-1000XM5", "16 oz", "0036000291452")
	f.Add("", "", "", "", "x", "y", "XL", "abc")
	f.Add("ZENFY PRO 64 II HOODIE XL for men's", "", "", "", "Zenfy, One 64, Hoodie, Size M, Tripp Lite", "HD-64", "SZ 9.5", "")
	f.Add("Charger for Laptop with cable 32X30 Gen 2", "", "", "", "Laptop 2024 Pro Max 1,000:1 series 7", "", "", "")
	f.Add("Sight 3MOA 2400 MHz 8-Port 14.7 MP COND", "RD-M786", "25/Box", "", "Sight 6MOA 2666MHz 8 ports 14 MP conditioner NTG", "M786", "", "")
	f.Add("GOODYEAR ASSURANCE 205/55R16 91V", "", "", "", "Goodyear Assurance Tire LT205/55ZR16 91/88V", "", "205/55R16", "")
	f.Add("Shimano - (HG701) XT / ULTEGRA 16002", "", "", "", "Elixir 16052 GTX1660 SUPER, 1650 (Ti)", "", "", "")
	vs := testVocab(f)
	env := &Env{}
	f.Fuzz(func(t *testing.T, titleA, modelA, sizeA, gtinA, titleB, modelB, sizeB, gtinB string) {
		a := Prepare(&Record{Title: titleA, Model: modelA, Size: sizeA, GTINs: []string{gtinA}, Brand: modelB, Color: sizeA, Material: titleB, Origin: modelA, Category: titleA}, vs)
		b := Prepare(&Record{Title: titleB, Model: modelB, Size: sizeB, GTINs: []string{gtinB}, Brand: modelA, Color: sizeB, Material: titleA, Origin: modelB, Category: titleB}, vs)
		for _, c := range Attributes() {
			o, r := c.Compare(a, b, env), c.Compare(b, a, env)
			if o.Level != r.Level || !contains(c.LevelNames(), o.Level) {
				t.Fatalf("%s: %q vs %q (levels %v)", c.Name, o.Level, r.Level, c.LevelNames())
			}
			if o.Similarity < 0 || o.Similarity > 1 {
				t.Fatalf("%s: similarity %v", c.Name, o.Similarity)
			}
		}
	})
}

func TestCompareImage(t *testing.T) {
	shot := func(body color.NRGBA) imagecmp.Fingerprint {
		img := image.NewNRGBA(image.Rect(0, 0, 200, 200))
		for y := 0; y < 200; y++ {
			for x := 0; x < 200; x++ {
				c := color.NRGBA{255, 255, 255, 255}
				if x > 50 && x < 150 && y > 30 && y < 170 {
					c = body
				}
				if x > 60 && x < 140 && y > 90 && y < 110 {
					c = color.NRGBA{20, 20, 20, 255}
				}
				img.SetNRGBA(x, y, c)
			}
		}
		fp, err := imageload.FromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	red, green := shot(color.NRGBA{200, 30, 40, 255}), shot(color.NRGBA{40, 140, 60, 255})
	runPairs(t, "image", []pairCase{
		{Record{Fingerprints: []imagecmp.Fingerprint{red}}, Record{Fingerprints: []imagecmp.Fingerprint{red}}, Same, "the same photo"},
		{Record{Fingerprints: []imagecmp.Fingerprint{red}}, Record{Fingerprints: []imagecmp.Fingerprint{green}}, ColorConflict, "the same shot in another color"},
		{Record{Fingerprints: []imagecmp.Fingerprint{green, red}}, Record{Fingerprints: []imagecmp.Fingerprint{red}}, Same, "the best pair of several images"},
		{Record{ImageErrors: []string{"image x.jpg: no such file"}}, Record{Fingerprints: []imagecmp.Fingerprint{red}}, Missing, "an unreadable image is neutral"},
	})
	// The same text with a photo in another color scores below the same
	// text with the same photo: the image backs the color.
	vs := testVocab(t)
	s := NewScorer(DefaultConfig(), nil)
	l := Prepare(&Record{ID: "l", Brand: "Acme", Title: "Acme juice 1 L", Fingerprints: []imagecmp.Fingerprint{red}}, vs)
	same := s.Score(Prepare(&Record{ID: "o", Brand: "Acme", Title: "Acme juice 1 L", Fingerprints: []imagecmp.Fingerprint{red}}, vs), l)
	other := s.Score(Prepare(&Record{ID: "o", Brand: "Acme", Title: "Acme juice 1 L", Fingerprints: []imagecmp.Fingerprint{green}}, vs), l)
	if !(same.Total > other.Total) {
		t.Errorf("same photo %.2f, recolored photo %.2f: the recolored photo must count against", same.Total, other.Total)
	}
}

// TestTitleCodePieces: a part number that only one title carries does not
// outweigh the words; the listing that has every word of the offer ranks
// above one that differs in a word.
func TestTitleCodePieces(t *testing.T) {
	vs, err := LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	// IDF as in a big catalog: words are common, the code's pieces unique.
	idf := func(k string) float64 {
		switch k {
		case "ps", "44450b":
			return 14
		case "zenfy":
			return 3
		}
		return 4.5
	}
	offer := Prepare(&Record{Title: "Zenfy 38 Portable 1TB SSD Essential Teal"}, vs)
	same := Prepare(&Record{Title: "Zenfy, Essential 38, Portable SSD, 1TB, Teal, PS-44450B"}, vs)
	other := Prepare(&Record{Title: "Zenfy, Classic 38, Portable SSD, 1TB, Teal"}, vs)
	env := &Env{IDF: idf}
	s, o := compareTitles(offer, same, env), compareTitles(offer, other, env)
	if s.Similarity <= o.Similarity || s.Level == o.Level {
		t.Errorf("title vs the same item with a code: %s %.2f; vs another line: %s %.2f; want the same item a level higher", s.Level, s.Similarity, o.Level, o.Similarity)
	}
}

func TestCompareCompatibility(t *testing.T) {
	runPairs(t, "compatibility", []pairCase{
		{Record{Brand: "COLGATE-PALMOLIVE", Title: "SOFTSOAP HAND SOAP REFILL FRESH BREEZE"}, Record{Brand: "Softsoap", Title: "Softsoap Liquid Hand Soap Refill, Fresh Breeze, 50 fl oz"}, Missing, "both refills: the listing's says so within four words of its brand (was the fifth word of the title, read as the product: a veto)"},
		{Record{Brand: "PROCTER & GAMBLE", Title: "ORAL-B IO ULTIMATE CLEAN BRUSH HEADS WHITE 4CT"}, Record{Brand: "Oral-B", Title: "Oral-B iO Ultimate Clean Replacement Brush Heads, White, 4 Count"}, Missing, "the same part written without 'replacement': the refill's title names nothing more"},
		{Record{Brand: "Brita", Title: "Brita Standard Pitcher, 10 Cup"}, Record{Brand: "Brita", Title: "Brita Standard Pitcher Replacement Filters, 10 Cup"}, Conflict, "filters for the pitcher: the refill names what it is"},
		{Record{Brand: "UNICEL", Title: "UNICEL C-4950 FILTER CARTRIDGE 50SF"}, Record{Brand: "Unicel", Title: "Unicel C-4950 Replacement Filter Cartridge, 50 sq ft"}, Missing, "one part with and without 'replacement': the shared model code says so (was a conflict, a veto)"},
		{Record{Title: "OtterBox Defender Case for Apple iPhone 15 Pro, Black"}, Record{Title: "Apple iPhone 15 Pro 128GB Black"}, Conflict, "a case for the phone is not the phone"},
		{Record{Title: "OtterBox Funda Defender para Apple iPhone 15 Pro"}, Record{Title: "Apple iPhone 15 Pro 128GB Black"}, Conflict, "para is for: a Spanish shop's case is not the phone"},
		{Record{Title: "Coque Spigen pour Samsung Galaxy S23"}, Record{Title: "Samsung Galaxy S23 256GB"}, Conflict, "pour is for"},
		{Record{Title: "Generic Ink Cartridge compatible with HP 64XL"}, Record{Title: "HP 64XL Ink Cartridge"}, Conflict, "generic ink for a named cartridge"},
		{Record{Brand: "Compatible", Title: "HP CE250A black toner cartridge - remanufactured"}, Record{Brand: "HP", Title: "HP CE250A black toner cartridge"}, Conflict, "a brand column saying Compatible: a third party's cartridge standing in for the one its title names"},
		{Record{Brand: "Compatible", Title: "Compatible"}, Record{Brand: "HP", Title: "HP CE250A"}, Missing, "a title of one word names nothing it stands in for"},
		{Record{Title: "Brita Replacement Filters for Pitchers, 6 Count"}, Record{Title: "Brita Pitchers"}, Conflict, "a refill is not the device"},
		{Record{Title: "Griffin FormFit for iPod touch 4G, Black"}, Record{Title: "Griffin iPod touch 4G FormFit case, Black"}, Missing, "the same accessory, described without for"},
		{Record{Title: "Endust for Electronics cleaning wipes"}, Record{Title: "Endust electronics cleaning wipes"}, Missing, "a product line named with for"},
		{Record{Title: "Case for iPhone 15"}, Record{Title: "Case for iPhone 14"}, Missing, "two accessories: the title and model decide"},
		{Record{Title: "Premium compatible Canon CLI-221 magenta ink cartridge"}, Record{Title: "Canon CLI-221 magenta ink cartridge"}, Conflict, "a third party's cartridge standing in for Canon's"},
		{Record{Title: "JBL Bluetooth compatible speaker"}, Record{Title: "JBL Bluetooth speaker"}, Missing, "compatible with a technology is no stand-in for a product"},
	})
}

func TestCompareVersion(t *testing.T) {
	runPairs(t, "version", []pairCase{
		{Record{Title: "BOSS KATANA-50 MKIII COMBO AMP"}, Record{Title: "Boss Katana-50 MkII 50-Watt 1x12 Guitar Combo Amplifier"}, Conflict, "MkIII against MkII: two generations (was eligible on a shared code)"},
		{Record{Title: "BOSS KATANA-50 MK2 COMBO AMP"}, Record{Title: "Boss Katana-50 MkII Combo Amplifier"}, Same, "Mk2 is MkII"},
		{Record{Title: "ONE PIECE GN VOL 03"}, Record{Title: "One Piece, Vol. 2: Buggy the Clown"}, Conflict, "volume 3 is not volume 2"},
		{Record{Title: "ONE PIECE GN VOL 01"}, Record{Title: "One Piece, Vol. 1: Romance Dawn"}, Same, "VOL 01 is Vol. 1"},
		{Record{Title: "A Clash of Kings: A Song of Ice and Fire: Book Two"}, Record{Title: "CLASH OF KINGS BK 2"}, Same, "a book's number in words"},
		{Record{Title: "CAMPBELL BIOLOGY 11TH ED"}, Record{Title: "Campbell Biology (12th Edition)"}, Conflict, "the 11th edition is not the 12th"},
		{Record{Title: "7 HABITS OF HIGHLY EFFECTIVE PEOPLE (30TH ANNIV ED)"}, Record{Title: "The 7 Habits of Highly Effective People: 25th Anniversary Edition"}, Conflict, "another anniversary edition"},
		{Record{Title: "Campbell Biology (12th Edition)"}, Record{Title: "Campbell Biology"}, Missing, "an edition named by one side only says nothing"},
		{Record{Title: "OFFICIAL SAT STUDY GUIDE 2018 ED"}, Record{Title: "The Official Digital SAT Study Guide"}, VariantOneSide, "a year's edition against a title naming none: another edition (was eligible on it)"},
		{Record{Title: "RAY-BAN RB2140 901 WAYFARER BLK/GRN 50MM"}, Record{Title: "Ray-Ban RB2140 Original Wayfarer Sunglasses, Black/Polarized Green, 50 mm"}, VariantOneSide, "polarized lenses named by one side only: another item"},
		{Record{Title: "DIET PEPSI 12OZ CAN 12PK"}, Record{Title: "Pepsi Cola Soda, 12 fl oz Cans, 12 Pack"}, VariantOneSide, "diet named by one side only: another drink (was nothing, a false eligible)"},
		{Record{Title: "COKE CLASSIC 12OZ CAN 12PK"}, Record{Title: "Coca-Cola Soda, 12 fl oz Cans, 12 Pack"}, Missing, "the plain formula named by one side says nothing"},
		{Record{Title: "Official SAT Study Guide 2020 Edition"}, Record{Title: "OFFICIAL SAT STUDY GUIDE 2020 ED"}, Same, "the same year's edition"},
		{Record{Title: "Notebook Book 2 lb Paper"}, Record{Title: "Notebook Book 3 lb Paper"}, Missing, "a number with a unit after 'book' is no volume"},
		{Record{Title: "Bosch Part 12345 Filter"}, Record{Title: "Bosch Part 12346 Filter"}, Missing, "a part number is no numbered part"},
		{Record{Title: "Logitech MK270 Wireless Keyboard and Mouse Combo"}, Record{Title: "Logitech Wireless Combo Keyboard Mouse"}, Missing, "MK270 is a model, no generation 270"},
		{Record{Title: "Sony 2GB Memory Stick Duo Mark 2"}, Record{Title: "Sony 2GB Memory Stick Duo"}, Missing, "Mark and a digit is not read as a generation (it cost a left-out Abt-Buy pair)"},
		{Record{Title: "FENDER PRO SERIES INST CABLE 10FT BLK STR/ANG"}, Record{Title: "Fender Professional Series Instrument Cable, Straight/Straight, 10 ft"}, Conflict, "a straight-to-angle cable is not the straight one (was eligible on it)"},
		{Record{Title: "GE LED DECORATIVE 40W EQ SOFT WHITE E26 2PK"}, Record{Title: "GE Lighting LED Candelabra Bulbs, 40W Equivalent, Soft White, E12 Base, 2 Pack"}, Conflict, "a medium base bulb is not the candelabra one"},
		{Record{Title: "LEV DECORA ROCKER SW 3-WAY 15A WHT"}, Record{Title: "Leviton 5601-2W Decora Rocker Switch, 15 Amp, Single-Pole, White"}, Conflict, "a 3-way switch is not the single-pole one"},
		{Record{Title: "BRASSCRAFT 1/2 NOM COMP X 1/2 OD COMP 1/4 TURN STRAIGHT VALVE"}, Record{Title: "BrassCraft 1/2 in. Nominal Compression Inlet x 3/8 in. O.D. Compression Outlet 1/4-Turn Angle Valve"}, Conflict, "a straight valve is not the angle one"},
		{Record{Title: "HOGWARTS LEGACY DLX ED PS5"}, Record{Title: "Hogwarts Legacy - PlayStation 5"}, VariantOneSide, "an edition named by one side only is another item (was no evidence: the deluxe offer eligible on the plain listing)"},
		{Record{Title: "MARVELS SPIDER-MAN 2 PS5 STD ED"}, Record{Title: "Marvel's Spider-Man 2 - PlayStation 5"}, Same, "the standard edition is the plain item: named by one side only it says nothing (plain)"},
		{Record{Title: "Hogwarts Legacy Standard Edition PS5"}, Record{Title: "Hogwarts Legacy Deluxe Edition - PlayStation 5"}, Conflict, "the standard edition against another still conflicts"},
		{Record{Title: "MADDEN NFL 24 XSX"}, Record{Title: "Madden NFL 24 - Xbox Series X"}, Same, "XSX is the Xbox Series X"},
		{Record{Title: "LUTRON DIVA LED+ DIMMER SP/3WAY WHT"}, Record{Title: "Lutron Diva LED+ Dimmer Switch, Single-Pole or 3-Way, White"}, Same, "a dimmer for both"},
		{Record{Title: "SQD HOMELINE 30A 2P BRKR"}, Record{Title: "Square D HOM230CP Homeline 30 Amp Two-Pole Circuit Breaker"}, Same, "2P is two-pole"},
		{Record{Title: "GE LED DECORATIVE 40W EQ SOFT WHITE E26 2PK"}, Record{Title: "GE Lighting LED Decorative Bulbs, 40W Equivalent, Soft White, Medium E26 Base, 2 Pack"}, Same, "the same base (was no evidence: the candelabra sibling tied)"},
		{Record{Title: "DESITIN MAX STRENGTH DIAPER RASH PASTE 4OZ"}, Record{Title: "Desitin Maximum Strength Baby Diaper Rash Cream, 4 oz"}, Missing, "max shortens the other's maximum: no tier on one side only (was -1.5)"},
		{Record{Title: "Desitin Max Strength rash cream 4 oz"}, Record{Title: "Desitin Strength rash cream 4 oz"}, OneSide, "max with no longer word it shortens: a tier on one side"},
		{Record{Title: "ORTHO GROUNDCLEAR VEG KILLER CONC 1GAL"}, Record{Title: "Ortho GroundClear Vegetation Killer Ready-To-Use, 1 gal."}, Conflict, "a concentrate is not the ready-to-use spray (was eligible)"},
		{Record{Title: "ROUNDUP WEED & GRASS KILLER RTU 1.33GAL"}, Record{Title: "Roundup Weed & Grass Killer Ready-To-Use with Comfort Wand, 1.33 gal."}, Missing, "RTU is ready to use; shared, as by most sprays of a line, it says nothing"},
		{Record{Title: "PENN CHAMPIONSHIP XD TENNIS BALLS CAN"}, Record{Title: "Penn Championship Extra Duty Felt Tennis Balls, 1 Can"}, Same, "XD is extra duty felt (was review)"},
		{Record{Title: "PENN CHAMPIONSHIP REG DUTY TENNIS BALLS CAN"}, Record{Title: "Penn Championship Extra Duty Felt Tennis Balls, 1 Can"}, Conflict, "regular against extra duty felt: two balls (was review on the extra duty)"},
		{Record{Title: "Platt heavy-duty polyethylene case"}, Record{Title: "221609h Platt heavy-duty polyethylene case"}, Missing, "heavy duty is a word most cases of a line share: no evidence when shared"},
		{Record{Title: "Husky light duty shelf"}, Record{Title: "Husky heavy duty shelf"}, Conflict, "light against heavy duty"},
		{Record{Title: "ZAGG Glass Elite Screen Protector iPhone 15 Pro"}, Record{Title: "ZAGG InvisibleShield Glass Elite Screen Protector for iPhone 15 Pro Max"}, Conflict, "a shared tier word (elite) does not make pro and pro max one tier (was same)"},
		{Record{Title: "MOBIL 1 FULL SYN 10W30 5QT"}, Record{Title: "Mobil 1 Advanced Full Synthetic Motor Oil 5W-30, 5 Quart"}, Conflict, "two SAE viscosity grades"},
		{Record{Title: "CASTROL GTX 5W30 5QT"}, Record{Title: "Castrol EDGE Full Synthetic Motor Oil 5W-30, 5 Quart"}, Same, "one grade, written with and without its hyphen"},
		{Record{Title: "Kettle 1.7L UK Plug"}, Record{Title: "Kettle 1.7L US Plug"}, Conflict, "another plug"},
		{Record{Title: "KIND Peanut Butter Dark Chocolate bar 12 ct"}, Record{Title: "KIND Dark Chocolate Nuts & Sea Salt bar, 12 count"}, VariantOneSide, "one more flavor is another recipe (was same: they share chocolate)"},
		{Record{Title: "CAMPBELLS SOUP CRM MUSHROOM COND 50OZ"}, Record{Title: "Campbell's Condensed Tomato Soup, 50 oz"}, Conflict, "cream of mushroom is not tomato: savory flavors are flavors too"},
		{Record{Title: "Speck SeeThru Orange Hard Shell Case for 13 inch MacBook"}, Record{Title: "Speck SeeThru Case for Apple 13 inch MacBook"}, Missing, "Apple is the brand the case fits, not a flavor (was orange against apple, -4)"},
		{Record{Title: "Jabra BIZ2300 MONO USB Headset"}, Record{Title: "Jabra Biz 2300 USB Duo Headset"}, Conflict, "one ear against two"},
		{Record{Title: "DRI-FIT LEGEND TRAINING TEE WMNS"}, Record{Title: "Nike Men's Dri-FIT Legend Training T-Shirt"}, Conflict, "women's against men's"},
		{Record{Title: "Nike Men's Dri-FIT Tee"}, Record{Title: "NIKE DRI-FIT TEE MENS"}, Missing, "men's both times: a shared gender is no evidence (conflict_only)"},
		{Record{Title: "DUAL DEFENSE NO SHOW SOCK 10PR"}, Record{Title: "Fruit of the Loom Dual Defense Crew Socks, 10 Pair"}, Conflict, "no-show socks are not crew socks"},
		{Record{Title: "COMFORTSOFT VNECK UNDERSHIRT"}, Record{Title: "Hanes ComfortSoft Crew Neck Undershirts"}, Conflict, "a v-neck is not a crew neck"},
		{Record{Title: "Elden Ring PS5"}, Record{Title: "Elden Ring Xbox Series X"}, Conflict, "another platform"},
		{Record{Title: "DURACELL COPPERTOP D 8PK"}, Record{Title: "Duracell Coppertop AA Alkaline Batteries, 8 Count"}, Conflict, "a lone D against AA: a short form read against a title naming a battery size (was no evidence: review on the AA)"},
		{Record{Title: "DURACELL COPPERTOP D 4PK"}, Record{Title: "Duracell Coppertop D Alkaline Batteries, 4 Count"}, Missing, "a lone D on both sides names nothing alone"},
		{Record{Title: "Ubiquiti Networks UAP-AC-LITE Access point"}, Record{Title: "Ubiquiti UniFi Indoor, 2.4GHz/5GHz"}, OneSide, "a lone 'lite' is a tier named on one side, no reduced-fat formula as well (was variant_one_side, the formula)"},
		{Record{Title: "Sig Sauer Romeo Zero Reflex Sight"}, Record{Title: "SIG Sauer ROMEO Micro Red Dot"}, Missing, "a lone 'zero' on one side is no zero-sugar formula one side adds"},
		{Record{Title: "Apple iPod classic 160GB"}, Record{Title: "Apple 160GB iPod Classic Black"}, Same, "the same word on both sides is the same value"},
		{Record{Title: "LYSOL DISINF WIPES SPRING WATERFALL 80CT"}, Record{Title: "Lysol Disinfecting Wipes, Ocean Fresh, 80 Count"}, Conflict, "two scents each named by a short form are two scents"},
		{Record{Title: "Coca-Cola Original Taste 12 oz"}, Record{Title: "Coca-Cola Zero Sugar 12 oz"}, Conflict, "a short form against another value named in full"},
		{Record{Title: "ENERGIZER MAX C 4PK"}, Record{Title: "Energizer MAX C Batteries, 4 Pack"}, Same, "a lone C against C batteries: the same cell"},
		{Record{Title: "Nature Made Vitamin D 1000 IU"}, Record{Title: "Nature Made Vitamin D3 1000 IU Softgels"}, Missing, "a lone D against a title naming no battery says nothing"},
		{Record{Title: "CLOROX PH DOWN 4LB"}, Record{Title: "Clorox Pool&Spa pH Up, 4 lb"}, Conflict, "pH down lowers what pH up raises (was eligible at 0.74)"},
		{Record{Title: "LESLIES PH INCREASER 5LB"}, Record{Title: "Leslie's pH Up, 5 lb"}, Same, "an increaser is pH up"},
		{Record{Title: "GE COLORITE LED C7 25CT MULTI 24FT"}, Record{Title: "GE Energy Smart Colorite LED C9 Christmas Lights, 25 Count, Multicolor, 24 ft"}, Conflict, "C7 and C9 string-light bulbs are two shapes (was eligible at 0.92)"},
		{Record{Title: "HOLIDAY TIME LED ICICLE 300CT WARM WHITE"}, Record{Title: "Holiday Time 300-Count LED Icicle Lights, Cool White, 14.3 ft"}, Conflict, "warm white and cool white light are two items, both white to the color comparison (was eligible at 0.97)"},
		{Record{Title: "GE COLORITE LED MINI 50CT WW 16.5FT"}, Record{Title: "GE Colorite LED Mini String Lights, 50 Count, Cool White"}, Conflict, "WW, a short form, against the other's cool white"},
		{Record{Title: "GE COLORITE LED 50CT WW 16.5FT"}, Record{Title: "GE Colorite LED String Lights, 50 Count, Warm White"}, Missing, "WW against the other's warm white: no conflict (a short form only tells values apart)"},
		{Record{Title: "GE COLORITE LED 50CT WW 16.5FT"}, Record{Title: "GE Colorite LED String Lights, 50 Count"}, Missing, "WW alone names nothing"},
		{Record{Title: "Elden Ring PlayStation 5"}, Record{Title: "Elden Ring PS5"}, Same, "one platform spelled two ways"},
		{Record{Title: "AirPods Pro (2nd Generation)"}, Record{Title: "AirPods Pro Gen 3"}, Conflict, "another generation"},
		{Record{Title: "Echo Dot 5th Gen"}, Record{Title: "Echo Dot (Gen 5)"}, Same, "one generation spelled two ways"},
		{Record{Title: "TurboTax Deluxe 2023"}, Record{Title: "TurboTax Deluxe 2024"}, Conflict, "another year"},
		{Record{Title: "Power bank 2000 mAh"}, Record{Title: "Power bank 2010 model"}, Missing, "a number with a unit is no year"},
		{Record{Title: "Vitamin D3 2000 IU"}, Record{Title: "Vitamin D3 2024"}, Missing, "a number before a measure word (IU) is no year"},
		{Record{Title: "Quest Protein Bar Chocolate Chip Cookie Dough"}, Record{Title: "Quest Protein Bar Peanut Butter"}, Conflict, "another flavor"},
		{Record{Title: "LYSOL DISINF WIPES LEMON LIME 80CT"}, Record{Title: "Lysol Disinfecting Wipes, Lemon & Lime Blossom, 80 Count"}, Same, "a flavor named in part is the same flavor"},
		{Record{Title: "Gatorade Lemon Lime 20 oz"}, Record{Title: "Gatorade Fruit Punch 20 oz"}, Conflict, "no word of one flavor in the other"},
		{Record{Title: "DIOR SAUVAGE EDP 3.4OZ"}, Record{Title: "Dior Sauvage Eau de Toilette Spray for Men, 3.4 oz"}, Conflict, "eau de parfum is not eau de toilette"},
		{Record{Title: "Dior Sauvage Eau de Parfum 100ml"}, Record{Title: "DIOR SAUVAGE EDP 3.4OZ"}, Missing, "EDP is eau de parfum: the same concentration, no evidence (conflict only)"},
		{Record{Title: "DULUX SILK EMULSION PURE BRILLIANT WHITE 2.5L"}, Record{Title: "Dulux Matt Emulsion Paint, Pure Brilliant White, 2.5 Litres"}, Conflict, "silk against matt: another paint finish"},
		{Record{Title: "PERSIL BIO LIQUID 53 WASH 1.43L"}, Record{Title: "Persil Non Bio Laundry Washing Liquid Detergent, 53 Washes, 1.43 L"}, Conflict, "bio is not non bio (the longer phrase read first)"},
		{Record{Title: "COLGATE TOTAL WHITENING TOOTHPASTE 75ML"}, Record{Title: "Colgate Total Original Toothpaste, 75 ml"}, Conflict, "whitening against the original formula"},
		{Record{Title: "WALKERS SALT & VINEGAR CRISPS 6X25G"}, Record{Title: "Walkers Ready Salted Crisps, 6 x 25 g"}, Conflict, "two flavors of crisps"},
		{Record{Title: "Ritter Sport Nugat 100g"}, Record{Title: "Ritter Sport Alpine Milk Chocolate Bar, 100 g"}, Conflict, "nougat is not milk chocolate, read in German too (was missing: neither word known)"},
		{Record{Title: "Ritter Sport Hazelnut Milk Chocolate 100g"}, Record{Title: "Ritter Sport Milk Chocolate with Whole Hazelnuts, 100 g"}, Same, "a confection's flavors in another order"},
		{Record{Title: "MILK BONE ORIGINAL BISCUITS SMALL 24OZ"}, Record{Title: "Milk-Bone Original Dog Biscuits, Medium, 24 oz"}, Conflict, "small against medium biscuits: another size class (the flavor agreeing does not outweigh it)"},
		{Record{Title: "Dog Food Adult Large Breed 30 lb"}, Record{Title: "Dog Food Adult Large Breed Chicken 30 lb"}, Missing, "a shared size class or life stage is no evidence: most candidates share it"},
		{Record{Title: "Dry Dog Food Puppy Chicken 30LB"}, Record{Title: "Dry Dog Food Adult Chicken 30 lb"}, Conflict, "puppy against adult: another life stage"},
		{Record{Title: "STARBUCKS FRENCH ROAST GROUND 12OZ"}, Record{Title: "Starbucks Ground Coffee, Medium Roast, 12 oz"}, Conflict, "a dark roast is not the medium roast (and medium roast is no size class)"},
		{Record{Title: "Coffee Medium Roast Whole Bean 12 oz"}, Record{Title: "Coffee Medium Roast Ground 12 oz"}, Conflict, "whole bean against ground"},
		{Record{Title: "G2 Gel Pens X-FINE .5MM"}, Record{Title: "G2 Gel Pens, Fine Point 0.7 mm"}, Conflict, "an extra fine point is not the fine one"},
		{Record{Title: "Thick Cut Bacon 16 oz"}, Record{Title: "Thin Sliced Bacon 16 oz"}, Conflict, "thick against thin"},
		{Record{Title: "GALAXY S23 128GB VERIZON LOCKED"}, Record{Title: "Samsung Galaxy S23 128GB Unlocked"}, Conflict, "a carrier's phone is not the unlocked one"},
		{Record{Title: "MACBOOK AIR 13 M3 8GB 256GB"}, Record{Title: "Apple MacBook Air 13-inch, M2 chip, 8GB RAM, 256GB SSD"}, Conflict, "another processor"},
		{Record{Title: "Dell XPS 13 Core i5 8GB"}, Record{Title: "Dell XPS 13 Intel Core i7 8GB"}, Conflict, "another processor"},
		{Record{Title: "ADVIL IBUPROFEN 200MG 100 LIQUI-GELS"}, Record{Title: "Advil Pain Reliever Ibuprofen 200mg, 100 Coated Tablets"}, Conflict, "liquid gels are not tablets (was eligible)"},
		{Record{Title: "Vitamin C 500mg 100 Tablets"}, Record{Title: "Vitamin C 500 mg, 100 Tablets"}, Missing, "the same dosage form is no evidence: most candidates share it"},
		{Record{Title: "CERAVE FOAMING FACIAL CLEANSER 16OZ"}, Record{Title: "CeraVe Hydrating Facial Cleanser, 16 fl oz"}, Conflict, "a foaming cleanser is not the hydrating one (was eligible)"},
		{Record{Title: "ANKER USB-C TO LIGHTNING CABLE 6FT BLACK"}, Record{Title: "Anker USB C to USB C Cable, 6 ft, 100W, Black"}, Conflict, "another pair of connectors (was eligible)"},
		{Record{Title: "AMAZON BASICS HDMI 2.0 CABLE 6FT"}, Record{Title: "Amazon Basics High-Speed HDMI 2.1 Cable, 6 Feet"}, Conflict, "another HDMI version (was eligible)"},
		{Record{Title: "HP 67XL BLACK INK CARTRIDGE HIGH YIELD"}, Record{Title: "HP 67 Black Ink Cartridge"}, VariantOneSide, "a high-yield cartridge against the standard one (was eligible)"},
		{Record{Title: "LACROIX PAMPLEMOUSSE 12OZ 8PK"}, Record{Title: "LaCroix Sparkling Water, Lime, 12 fl oz, 8 Pack"}, Conflict, "grapefruit is not lime (was eligible)"},
		{Record{Title: "DAWN ULTRA DISH SOAP LEMON 19.4OZ"}, Record{Title: "Dawn Ultra Dish Soap, Original Scent, 19.4 fl oz"}, Conflict, "a lemon scent is not the original (was eligible)"},
		{Record{Title: "IPAD 10TH GEN WIFI + CELLULAR 64GB"}, Record{Title: "Apple iPad (10th Generation) Wi-Fi 64GB"}, VariantOneSide, "cellular named by one side only: another model"},
		{Record{Title: "BLUE BUFFALO LIFE PROT ADULT LAMB & BRN RICE 30LB"}, Record{Title: "Blue Buffalo Adult Dry Dog Food, Chicken and Brown Rice, 30 lb"}, Conflict, "a lamb recipe is not the chicken one"},
		{Record{Title: "Cat Food Chicken & Salmon 3 lb"}, Record{Title: "Cat Food Chicken 3 lb"}, Missing, "a recipe named in part shares its protein: no conflict, and no evidence"},
		{Record{Title: "BARILLA THIN SPAGHETTI 16OZ"}, Record{Title: "Barilla Classic Blue Box Spaghetti Pasta, 16 oz"}, Conflict, "thin spaghetti is its own cut, read as one phrase"},
		{Record{Title: "BARILLA ROTINI PASTA 16OZ"}, Record{Title: "Barilla Penne Pasta, 16 oz"}, Conflict, "another pasta shape"},
		{Record{Title: "Tide Free & Clear Detergent"}, Record{Title: "Tide Original Detergent, Fresh Scent"}, Conflict, "unscented is not fresh scent"},
		{Record{Title: "DEWALT 20V drill, Tool Only"}, Record{Title: "DEWALT 20V drill kit with battery"}, Conflict, "a bare tool is not the kit"},
		{Record{Title: "Nintendo Switch game"}, Record{Title: "Some other game"}, Missing, "one side names no version"},
		{Record{Title: "ENERGIZER MAX AAA 24PK"}, Record{Title: "Energizer MAX AA Batteries (24 Pack)"}, Conflict, "AAA cells are not AA"},
		{Record{Title: "DOVE BEAUTY BAR SENSITIVE 4/3.75OZ"}, Record{Title: "Dove Beauty Bar Original 3.75 oz, 4 Bars"}, Conflict, "the sensitive-skin formula is not the original"},
		{Record{Title: "Zenfy Sport 34 II Frying Pan"}, Record{Title: "Zenfy Sport 34 Frying Pan"}, Conflict, "the second of a numbered line against the first"},
		{Record{Title: "Jabra BIZ 2400 II QD NC Mono"}, Record{Title: "Jabra BIZ 2400 Mark II Mono Headset"}, Same, "2400 II and 2400 Mark II name one generation"},
		{Record{Title: "VOTEK ESSENTIAL 28 II BOARD GAME"}, Record{Title: "Votek, Essential 28, Board Game"}, Conflict, "one tier named by both does not hide the second of the line"},
		{Record{Title: "ZENFY PRIME 90 II TOOTHPASTE 4OZ"}, Record{Title: "Zenfy, Prime 31, Toothpaste, 4 oz"}, GenerationOneSide, "a numbered second generation against a line that names none"},
		{Record{Title: "Echo Dot (3rd Gen) Charcoal"}, Record{Title: "Echo Dot Charcoal"}, GenerationOneSide, "a generation against none"},
		{Record{Title: "Samsung 470 Series SATA II SSD"}, Record{Title: "Samsung 470 Series SSD"}, GenerationOneSide, "a numeral after a word against none weighs a little (Mark II is a generation, SATA II an interface): never a conflict"},
	})
}

func TestCompareTier(t *testing.T) {
	runPairs(t, "version", []pairCase{
		{Record{Title: "Apple iPhone 15 Pro 128GB"}, Record{Title: "Apple iPhone 15 Pro Max 128GB"}, Conflict, "Pro is not Pro Max"},
		{Record{Title: "Galaxy Tab S9 Ultra"}, Record{Title: "Galaxy Tab S9 Plus"}, Conflict, "Ultra is not Plus"},
		{Record{Title: "Kindle Paperwhite"}, Record{Title: "Kindle Paperwhite Essentials Kit"}, Missing, "neither side names a tier (\"essentials\" is no \"essential\")"},
		{Record{Title: "Kindle Paperwhite"}, Record{Title: "Kindle Paperwhite Essentials Bundle"}, VariantOneSide, "a bundle against the product alone: another item"},
		{Record{Title: "Apple iPhone 15 Pro 128GB"}, Record{Title: "Apple iPhone 15 128GB"}, Conflict, "a tier right after the model's number names another model: the 15 Pro is not the 15"},
		{Record{Title: "OTTERBOX DEFENDER IPHONE 15 PLUS BLK"}, Record{Title: "OtterBox Defender Series Case for iPhone 15, Black"}, Conflict, "the case for the 15 Plus is not the 15's (was one_side: a false eligible)"},
		{Record{Title: "DJI Mavic 2 Pro"}, Record{Title: "DJI Mavic 2 Pro Drone with Smart Controller"}, Same, "the same tier after the same number"},
		{Record{Title: "Logitech MX Keys Pro Keyboard"}, Record{Title: "Logitech MX Keys Keyboard"}, OneSide, "a tier after no number is a word one side adds: likely another model, no veto"},
		{Record{Title: "Anker Cable 10 ft Pro"}, Record{Title: "Anker Cable 10 ft"}, OneSide, "a number with its unit names a length, not a model a tier follows"},
		{Record{Brand: "Tripp Lite", Title: "Tripp Lite SMART1500 UPS"}, Record{Title: "Tripp Lite SMART1500LCD UPS"}, Missing, "a brand's word is no tier, in its own title or the other's"},
		{Record{Title: "CASPER ESSENTIAL PILLOW STANDARD"}, Record{Title: "Casper Sleep Original Pillow, Standard"}, Conflict, "the Original is the plain tier, not the Essential (was one_side: a false eligible)"},
		{Record{Title: "ZAGG GLASS ELITE SCREEN PROTECTOR IPHONE 15 PRO"}, Record{Title: "ZAGG InvisibleShield Glass Elite Screen Protector for iPhone 15"}, Conflict, "a shared Elite leaves Pro, after the 15, naming the phone the protector fits (was one_side, and before that same: a false eligible)"},
		{Record{Title: "KENDRA SCOTT ELISA PENDANT NECKLACE GOLD ROSE QUARTZ"}, Record{Title: "Kendra Scott Elisa Pendant Necklace, 14k Gold-Plated, White Kyocera Opal"}, Conflict, "two stones are two pendants"},
		{Record{Title: "Kendra Scott Elisa Pendant Necklace, Gold, Opal"}, Record{Title: "Kendra Scott Elisa Pendant Necklace, 14k Gold-Plated"}, Missing, "a stone named by one side only says nothing"},
		{Record{Title: "GMCR BREAKFAST BLEND DECAF K-CUP 72CT"}, Record{Title: "Green Mountain Coffee Roasters Breakfast Blend K-Cup Pods, 72 Count"}, VariantOneSide, "decaf on one side only is another item (was a flavor, one side alone no evidence)"},
		{Record{Title: "Casper Sleep Original Pillow, Standard"}, Record{Title: "Casper Sleep Pillow, Standard"}, Missing, "Original against no tier says nothing: the plain tier is no tier on one side"},
		{Record{Title: "Gigabyte GeForce GTX 1650 Super OC 4GB"}, Record{Title: "Gigabyte GeForce GTX 1650 OC 4GB"}, Conflict, "Super right after the model's number names another card (an after_number word)"},
		{Record{Title: "ASUS GeForce RTX 2080 SUPER 8GB DUAL OC EVO"}, Record{Title: "ASUS GeForce® RTX 2080 SUPER™ Dual Evo OC 8GB"}, Missing, "a trademark sign is no part of the word (read as \"supertm\", a tier against none, it had vetoed a match)"},
		{Record{Title: "Sapphire Radeon RX 5500 XT 8GB"}, Record{Title: "Sapphire Radeon RX 5500 8GB"}, Conflict, "XT after the number is another card"},
		{Record{Title: "Loctite Super Glue Gel 4 g"}, Record{Title: "Loctite Glue Gel 4 g"}, Missing, "super after no number is a shop's word, no tier"},
		{Record{Title: "Samsung Galaxy S9 Plus 64GB Black"}, Record{Title: "Samsung Galaxy S9 64GB Black"}, Conflict, "a tier right after a short model number names another phone"},
		{Record{Title: "TP-LINK ARCHER AX55 PRO AX3000 WIFI 6 ROUTER", Model: "ARCHER AX55 PRO"}, Record{Title: "TP-Link AX3000 WiFi 6 Router (Archer AX55)", Model: "Archer AX55"}, Conflict, "the AX55 Pro is not the AX55 (was a review for a person: the part numbers differ by letters)"},
		{Record{Title: "Ilford FP4+ 125 120 B&W Film"}, Record{Title: "Ilford FP4 Plus 125 120"}, Same, "FP4+ is the FP4 Plus (the sign had dropped, and the Plus vetoed the match)"},
		{Record{Title: "Samsung Galaxy S9+ 64GB"}, Record{Title: "Samsung Galaxy S9 64GB"}, Conflict, "S9+ is the S9 Plus, not the S9"},
		{Record{Title: "XT HG95 10-Speed Chain"}, Record{Title: "BICYCLE-CHAIN-CN-HG95-SUPER-NARROW-HG-FOR-MTB-10-SPEED"}, Missing, "an after_number word after a short model number is no tier: a super narrow chain"},
		{Record{Title: "Shimano CN-HG701-11 Bicycle Chain"}, Record{Title: "Shimano - (HG701) XT / ULTEGRA 116 Links"}, Missing, "an after_number word across a bracket names no tier: XT is the groupset (was a version conflict, -3, on one chain)"},
		{Record{Title: "MSI GTX1660 SUPER Gaming X"}, Record{Title: "MSI GTX 1660 Gaming X"}, Conflict, "right after its run-in number, Super is the card's tier"},
		{Record{Title: "Gigabyte GTX 1650 (Super) 4GB"}, Record{Title: "Gigabyte GTX 1650 4GB"}, Conflict, "an opening bracket is no separation: the number and its tier are written as one name"},
		{Record{Title: "ASUS VGA NVIDIA DUAL-GTX1660S-O6G-EVO, GTX 1660 SUPER, 6GB GDDR6"}, Record{Title: "ASUS GeForce GTX1660 DUAL EVO OC"}, Conflict, "the 1660 a line's letters run into is the 1660 the Super follows"},
		{Record{Title: "Corsair ML140 PRO LED 140mm fan"}, Record{Title: "Corsair Fan ML140 RGB LED PWM"}, Conflict, "a tier after a glued line number too"},
		{Record{Title: "Corsair ML140 PRO LED 140mm fan"}, Record{Title: "Corsair ML140 Pro 140mm Magnetic Levitation Fan"}, Same, "the same tier after the same glued number"},
		{Record{Title: "SPIGEN ULTRA HYBRID GALAXY S24+ CLR"}, Record{Title: "Spigen Ultra Hybrid Case for Samsung Galaxy S24 Ultra, Crystal Clear"}, Conflict, "two tiers after one number, though both name the Ultra Hybrid line (was eligible: the shared ultra hid the plus)"},
	})
}

func TestCompareDescribed(t *testing.T) {
	sandisk := "SanDisk Extreme Pro VPG130 64GB"
	runPairs(t, "described", []pairCase{
		{Record{Title: sandisk}, Record{Title: "64GB Extreme Pro hukommelseskort", Description: "The SanDisk Extreme PRO card (VPG130) records 4K video."},
			AddsMuch, "the other shop's description names the brand and the code its title leaves out (two of five words): one item written two ways"},
		{Record{Title: sandisk}, Record{Title: "64GB Extreme Pro hukommelseskort", Description: "A fast memory card for professional cameras."},
			AddsNothing, "a description that names none of the title's other words"},
		{Record{Title: sandisk}, Record{Title: "64GB Extreme Pro hukommelseskort"}, Missing, "no description on either side"},
		{Record{Title: sandisk, Description: "SanDisk Extreme Pro CFast 2.0 VPG130 64GB"}, Record{Title: sandisk, Description: "A card."}, Missing, "the titles share every word: nothing for a description to name"},
		{Record{Title: "Lodge Cast Iron Skillet 10.25 inch"}, Record{Title: "Lodge Skillet 10.25 in", Description: "Cast iron, pre-seasoned."},
			AddsMuch, "the description names the material the shorter title leaves out"},
		{Record{Title: "Lodge Cast Iron Skillet 10.25 inch"}, Record{Title: "Lodge Skillet 10.25 in", Description: "Pre-seasoned, and oven safe; made of iron."},
			AddsSome, "one of the two words"},
	})
}

func TestCompareNumbers(t *testing.T) {
	runPairs(t, "numbers", []pairCase{
		{Record{Title: "CHARLOTTE 2 PVC SCH40 90 ELL"}, Record{Title: "Charlotte Pipe 2 in. PVC Schedule 40 45-Degree Elbow"}, Contained, "SCH40 is the number 40 the listing's Schedule 40 names (was the code sch40, which shared nothing); the offer adds its bare 2 and 90"},
		{Record{Title: "Corsair Air ML140 PRO MAGNETIC 140mm LED blue 4-pin"}, Record{Title: "Corsair ML140 PRO 140mm, Blue LEDs, 2000 RPM, 97 CFM, 37 dBA, Cooling Fan"}, Missing, "spec numbers (4-pin, 97 CFM, 37 dBA) name no model (was a conflict, -4)"},
		{Record{Title: "Zenfy Flex 58 Dumbbell Set"}, Record{Title: "Zenfy, Flex 39, Dumbbell Set, 40 lb"}, Renumbered, "another number of the line"},
		{Record{Title: "ZENFY 52 8COUNT EDGE BATT"}, Record{Title: "Zenfy, Edge 28, AA Batteries, 8 count"}, Conflict, "a number before another number's count is a name"},
		{Record{Title: "ZENFY CLASSIC 98 BOTTLE 24OZ"}, Record{Title: "Zenfy, Active 98, Water Bottle, 24 oz"}, Renamed, "a named number before a bottle names the bottle"},
		{Record{Title: "Poland Spring Water 24 Bottles"}, Record{Title: "Poland Spring Water"}, Missing, "a number of bottles is a count"},
		{Record{Title: "ZENFY PRO 97 DOG CHEW TOY"}, Record{Title: "Zenfy, Pro 98, Dog Chew Toy"}, Renumbered, "one name, another number"},
		{Record{Title: "Zenfy Pro 97 Dog Toy 98"}, Record{Title: "Zenfy, Pro 98, Dog Toy"}, Contained, "the other number is named elsewhere in the title"},
		{Record{Title: "Samsung 40' Series 6 LCD HDTV"}, Record{Title: "Samsung 4 Series LCD TV"}, Conflict, "series 6 is not series 4"},
		{Record{Title: "ZENFY ULTRA 28 BOARD GAME"}, Record{Title: "Zenfy, Ultra 28, Board Game"}, Same, "the same number"},
		{Record{Title: "Nextri Air Dog Chew Toy"}, Record{Title: "Nextri, Air 20, Dog Chew Toy"}, OneSide, "only one title names a number"},
		{Record{Title: "Samsung Portable SSD T5 2TB"}, Record{Title: "Samsung Portable SSD T7 2TB USB 3.2"}, Renumbered, "a short model number of the same letter, another number: another drive (was eligible at 0.80)"},
		{Record{Title: "Samsung T7 Portable SSD 2TB"}, Record{Title: "Samsung Portable SSD T7 2TB USB 3.2"}, Missing, "the same short model number says nothing more than the title"},
		{Record{Title: "Samsung Galaxy S9 64GB black"}, Record{Title: "Samsung Galaxy S10 64GB black"}, Renumbered, "the S9 is not the S10"},
		{Record{Title: "Anker charger x2"}, Record{Title: "Anker charger x4"}, Missing, "x2 is a count, no model number"},
		{Record{Title: "Gatorade Lemon Lime 20 fl oz"}, Record{Title: "Gatorade Lemon Lime"}, Missing, "a number with a unit is a size"},
		{Record{Title: "Nikon 10.0 megapixels camera"}, Record{Title: "Nikon 13.5 megapixel camera"}, Missing, "specs are no line numbers"},
		{Record{Title: "Canon EF 70-300mm lens"}, Record{Title: "Canon EF 75-300mm lens"}, Missing, "a range is a measure"},
		{Record{Title: "Coolpix S550 digital camera 26110"}, Record{Title: "Coolpix S550 camera"}, Missing, "a shop's long catalog number is no line number"},
		{Record{Title: "Elixir 16002 Acoustic Strings Phosphor Bronze Nanoweb, 6-String"}, Record{Title: "Elixir 16052 Acoustic Strings Phosphor Bronze Nanoweb, 6-String"}, Renumbered, "neighbor catalog numbers: two sets of one maker's strings (was numbers same, +1, and a false match)"},
		{Record{Title: "Elixir 16052 Acoustic Strings 6-String"}, Record{Title: "Elixir Acoustic Strings 16052 Light, 6-String"}, Same, "the same catalog number, no neighbor: the 6 of both decides"},
		{Record{Title: "Coolpix S550 digital camera 26110"}, Record{Title: "Coolpix S550 camera 48213"}, Missing, "two unrelated catalog numbers: a shop's number beside another's says nothing"},
		{Record{Title: "Anker power bank 20000 mAh"}, Record{Title: "Anker power bank 10000 mAh"}, Missing, "a long number before a unit is a measure, the size comparison's"},
		{Record{Title: "Lego Star Wars 75192 Millennium Falcon 75192"}, Record{Title: "Lego Star Wars 75192 Falcon set 75105"}, Missing, "one number shared: the other may be a shop's"},
		{Record{Title: "Sony DSC-W120 camera"}, Record{Title: "Sony W 120 camera"}, OneSide, "a code's digits belong to the model comparison"},
		{Record{Title: "TurboTax Deluxe 2023"}, Record{Title: "TurboTax Deluxe 2024"}, Missing, "model years are the version comparison's"},
		{Record{Title: "Junbrihal Elite 72 microSD Card"}, Record{Title: "Junbrihal, Elite 60, microSD Card", Model: "SD-60344"}, Renumbered, "a number inside a code's digits is still the line's"},
		{Record{Title: "Zenfy Pro 64 Chef Knife"}, Record{Title: "Zenfy, One 64, Chef Knife"}, Renamed, "one number, two names"},
		{Record{Title: "Garmin nuvi 205 GPS"}, Record{Title: "Garmin 205 nuvi GPS"}, Same, "a name word found elsewhere in the other title"},
		{Record{Title: "CHARMIN ULTRA SOFT TP 12 MEGA ROLLS"}, Record{Title: "Charmin Ultra Soft Toilet Paper, 12 Mega Rolls"}, Missing, "a count of mega rolls is no line number"},
		{Record{Title: "ZENFY SHAMPOO 12 CLASSIC"}, Record{Title: "Zenfy Classic 12 Shampoo"}, Same, "a kind of product before the number is no name"},
		{Record{Title: "ROKA ACIVE 14 AA BATT"}, Record{Title: "Roka, Active 14, AA Batteries"}, Same, "a mistyped name is the same name"},
		{Record{Title: "Kingston 8GB DDR3 desktop memory"}, Record{Title: "Kingston 8GB DDR4 desktop memory"}, Renumbered, "DDR3 is not DDR4: a spec's number is compared"},
		{Record{Title: "Adobe Photoshop CS3 upgrade"}, Record{Title: "Adobe Photoshop CS4 upgrade"}, Renumbered, "CS3 is not CS4"},
		{Record{Title: "Office 2007 win32"}, Record{Title: "Office 2007 win32 5 users"}, Same, "the same spec number; a count of users is a measure"},
		{Record{Title: "Water, Pack of 24"}, Record{Title: "Water"}, Missing, "the pack count is its own attribute"},
		{Record{Title: "Flex 58 Dumbbell 500 Set"}, Record{Title: "Flex 58 Dumbbell Set"}, Contained, "one title adds a number"},
		{Record{Title: "Baseus 5 in 1 USB-C Hub"}, Record{Title: "Baseus 7-in-1 USB C Hub"}, Conflict, "a five-in-one hub is not the seven (it had read 5 and 7 inches)"},
		{Record{Title: "HP Deskjet 2710 3in1 printer"}, Record{Title: "HP Deskjet 2710 3-in-One printer"}, Same, "one combination written three ways; 2710 before 3in1 is still the model's number"},
		{Record{Title: "Jabra BIZ 2400 Mono headset 3 in 1"}, Record{Title: "Jabra BIZ 2400 Mono headset"}, Contained, "the 1 of 3 in 1 is no number of its own"},
	})
}

func TestCompareType(t *testing.T) {
	runPairs(t, "type", []pairCase{
		{Record{Title: "AVENT SOOTHIE PACIFIER 0-3M GREEN 2PK"}, Record{Title: "Philips Avent Natural Baby Bottle, 4 oz"}, Conflict, "a pacifier is no baby bottle (was one type)"},
		{Record{Title: "AVENT NATURAL BOTTLE 9OZ"}, Record{Title: "Philips Avent Natural Baby Bottle, 9 oz"}, Family, "a bare bottle against a baby bottle: near kinds (was a conflict with the water bottle a bare bottle reads as)"},
		{Record{Brand: "PROCTER & GAMBLE", Title: "OLD SPICE AP/DEO SWAGGER 2.6OZ 3PK"}, Record{Brand: "Old Spice", Title: "Old Spice Men's Antiperspirant & Deodorant, Swagger, 2.6 oz, Pack of 3"}, Same, "the brand column names the owner and the title leads with its brand: Old Spice names no kind (was spice against deodorant, a conflict), DEO is deodorant"},
		{Record{Title: "JUNBRIHAL SPORT 80 WATER BOTTLE 16OZ PRPL"}, Record{Title: "Junbrihal, Sport 80, Shampoo, 16 fl oz"}, Conflict, "a water bottle is not shampoo"},
		{Record{Title: "Zenfy Ultra 17 Yoga Mat"}, Record{Title: "Zenfy, Ultra 17, Crew T-Shirt, S, Red"}, Conflict, "a yoga mat is not a t-shirt"},
		{Record{Title: "Sony WH1000XM4 WRLSS HDPHN BLK"}, Record{Title: "Sony WH-1000XM4 Wireless Headphones"}, Same, "an abbreviation of the same type"},
		{Record{Title: "Xerox Phaser 6000/6010 Black Toner"}, Record{Title: "Xerox Phaser 6000/ 6010 Black print cartridge"}, Same, "a print cartridge is toner, not a razor cartridge"},
		{Record{Title: "Camera Web Logitech C270 HD Black"}, Record{Title: "Logitech Webcam C270 HD"}, Same, "a web camera named noun first"},
		{Record{Brand: "Case Logic", Title: "Case Logic 208 Capacity CD Wallet"}, Record{Title: "OtterBox Defender Case for iPhone 15"}, Missing, "the brand's word 'case' names no kind (it read as the same kind as a phone case)"},
		{Record{Title: "BOUNTY TOWEL PAPER SELECT A SIZE 12 ROLL"}, Record{Title: "Bounty Select-A-Size Paper Towels, 12 Double Rolls"}, Same, "a supplier's noun first: towel paper is paper towels"},
		{Record{Title: "JIF BUTTER PEANUT CREAMY 40OZ"}, Record{Title: "Jif Creamy Peanut Butter, 40 oz Jar"}, Same, "butter peanut is peanut butter"},
		{Record{Title: "Yeti Rambler 20 oz Tumbler"}, Record{Title: "Yeti Rambler 20 oz Travel Mug"}, Same, "a tumbler is a mug by its synonyms"},
		{Record{Title: "Contigo water bottle 24 oz"}, Record{Title: "Contigo travel mug 24 oz"}, Family, "near kinds a shop may name one for the other"},
		{Record{Title: "Anker USB-C Charger for Laptop"}, Record{Title: "Dell XPS 13 Laptop"}, Conflict, "the product after for is not the item"},
		{Record{Title: "Energizer AA Batteries, 24 count"}, Record{Title: "Energizer Max AA Battery 24 Pack"}, Same, "singular and plural"},
		{Record{Title: "Sony Bravia 55 inch"}, Record{Title: "Sony Bravia 55 inch 4K TV"}, Missing, "one title names no type"},
		{Record{Title: "ARMOR ALL GLASS WIPES 25CT"}, Record{Title: "Armor All Protectant Wipes, 25 Count"}, Conflict, "glass wipes clean, protectant wipes protect: wipes alone is no kind"},
		{Record{Title: "DEWALT DRILL BIT SET 21PC"}, Record{Title: "DEWALT Drill Bits, Titanium, 21-Piece"}, Same, "the singular of a plural synonym names the kind too"},
		{Record{Title: "Clorox Disinfecting Wipes 75 ct"}, Record{Title: "Clorox Wipes, Fresh Scent"}, Missing, "wipes alone names no kind"},
		{Record{Title: "Shimano Ultegra R8000 11 Speed Chain"}, Record{Title: "Shimano Ultegra R8000 11 Speed Rear Cassette"}, Conflict, "a chain is not a cassette: parts of one group set share its code"},
		{Record{Title: "Corsair ML140 Pro 140mm Case Fan"}, Record{Title: "Corsair ML140 Pro LED 140mm Magnetic Levitation Fan"}, Family, "a case fan is a fan"},
		{Record{Title: "GIGABYTE Radeon RX 5500 XT OC 4GB GDDR6 RAM"}, Record{Title: "Gigabyte Radeon RX 5500 XT OC 4GB GDDR6 Graphics Card"}, Missing, "RAM in a graphics card's specs names no memory module"},
		{Record{Title: "Intel Core i3-8300 (Coffee Lake) 3.7 GHz Box"}, Record{Title: "Intel Core i3 8300 Quad Core 3.7GHz Processor"}, Same, "a processor generation's name is no coffee"},
		{Record{Title: "Kingston Canvas Select Plus 128GB microSD - With Adaptor"}, Record{Title: "Kingston Canvas Select Plus microSD Card 128GB"}, Same, "the card comes with an adapter; microSD names the card"},
		{Record{Title: "Pokemon Darkness Ablaze Booster Box"}, Record{Title: "Pokemon Darkness Ablaze Booster Pack"}, Conflict, "a box of packs is not one pack"},
	})
}

func TestCompareTypeWith(t *testing.T) {
	runPairs(t, "type", []pairCase{
		{Record{Title: "Night Owl 16-channel DVR kit with 1TB hard drive"}, Record{Title: "Night Owl 16-channel 8-camera DVR surveillance kit"}, Same, "what comes with the item is not the item"},
		{Record{Title: "Anker charger for micro USB"}, Record{Title: "Anker micro USB cable"}, Family, "a charger and a cable are near kinds"},
		{Record{Title: "AMD CPU RYZEN 9 3900XT BOX WITHOUT COOLER"}, Record{Title: "AMD Ryzen 9 3900XT Twelve Core 4.7GHz (Socket AM4) Processor"}, Same, "what the box lacks is not the item, and a CPU is a processor (was cooler against processor)"},
	})
}

func TestCompareNumbersColorNames(t *testing.T) {
	runPairs(t, "numbers", []pairCase{
		{Record{Title: "RAPALA ORIGINAL FLOATER F05 FIRETIGER"}, Record{Title: "Rapala Original Floater 05 Fishing Lure, Firetiger, 2 in"}, Same, "a word's initial before its number is the number: F05 of Floater is its 05 (was no number, the 05 and 07 listings tied)"},
		{Record{Title: "RAPALA ORIGINAL FLOATER F07 FIRETIGER"}, Record{Title: "Rapala Original Floater 05 Fishing Lure, Firetiger, 2 in"}, Renumbered, "F07 against 05: another size of the Floater"},
		{Record{Title: "Philips Hue White and Color Ambiance A19 Bulb"}, Record{Title: "Philips Hue White A19 Bulb"}, Missing, "a bulb's shape after a word of its initial is no number (A19 of Ambiance)"},
		{Record{Title: "Redi-Tag page flags blue 120 flags"}, Record{Title: "Redi-Tag page flags red 120 flags"}, Same, "a color before a number is no name: the color comparison tells them apart"},
		{Record{Title: "Samsung 67 ' Series 7 DLP HDTV"}, Record{Title: "Samsung 67 ' DLP HDTV 10,000:1 contrast ratio"}, Contained, "67 on both and series 7 on one; the 1 of a ratio is no line number (Abt-Buy writes inches so, a space before the mark: no foot mark)"},
	})
}

func TestCompareTitleSizes(t *testing.T) {
	runPairs(t, "size", []pairCase{
		{Record{Title: "HANES TEE WHT MED"}, Record{Title: "Hanes Men's Crew T-Shirt, Large, White"}, Conflict, "MED and Large in two shirt titles"},
		{Record{Title: "Maxxis High Roller II Tire: 29 x 2.40\", Folding"}, Record{Title: "Maxxis High Roller II, Tire, 29''x2.40, Folding"}, Equivalent, "one tire's size in two spellings"},
		{Record{Title: "Maxxis High Roller II, Tire, 27.5''x2.50"}, Record{Title: "Maxxis High Roller II, Tire, 29''x2.50"}, Conflict, "a 27.5-inch tire is not a 29-inch one"},
		{Record{Title: "HANES TEE WHT LG"}, Record{Title: "Hanes Men's Crew T-Shirt, Large, White"}, Equivalent, "LG is large; the s of Men's is no size"},
		{Record{Title: "ZENRASOL HOODIE S PNK", Size: "S"}, Record{Title: "Zenrasol, Air 16, Hoodie, XL, Pink"}, Conflict, "a size field against a letter size in a hoodie's title"},
		{Record{Title: "NIKE REVOLUTION 6 SZ 9.5 BLK"}, Record{Title: "Nike Revolution 6 Running Shoe, Size 10, Black"}, Conflict, "SZ 9.5 is not size 10"},
		{Record{Title: "LEVIS 501 JEANS 32X30"}, Record{Title: "Levi's 501 Original Fit Jeans, 32W x 30L"}, Missing, "the listing's waist and inseam are spelled apart: not read from its title"},
		{Record{Title: "LG 55 inch OLED TV"}, Record{Title: "LG OLED TV, Large"}, Missing, "no letter sizes read outside kinds sold in sizes"},
		{Record{Title: "JUNBRIHAL MAX 97 DOG CHEW TOY SMALL PNK"}, Record{Title: "Junbrihal, Max 97, Dog Chew Toy, Large, Pink"}, Conflict, "pet toys come in sizes"},
		{Record{Title: "Hanes Crew T-Shirt S M L XL"}, Record{Title: "Hanes Crew T-Shirt, Large"}, Missing, "a title naming several sizes says none"},
		{Record{Title: `Evans EC2S Clear 13\" Drumhead`}, Record{Title: "Evans EC2 Clear 13 Inch Drum Head"}, Equivalent, "an inch mark escaped by an export is an inch mark"},
		{Record{Title: `Evans EC2S Clear 13\" Drumhead`}, Record{Title: `Evans EC2S Clear 14\" Drumhead`}, Conflict, "two escaped inch marks, two sizes"},
		{Record{Title: "ZINUS 12IN GREEN TEA MEMORY FOAM MATTRESS KG", Size: "KING"}, Record{Title: "ZINUS 12 Inch Green Tea Memory Foam Mattress, Queen", Size: "Queen"}, Conflict, "two named sizes, whatever the titles measure (was equivalent: 12in = 12 inch)"},
		{Record{Title: "UTOPIA BATH TOWEL 27X54 4PK", Size: "27X54"}, Record{Title: "Utopia Towels Bath Towel Set (27 x 54 Inches)", Size: "27 x 54 Inches"}, Equivalent, "bare dimensions in a size column against the same dimensions in inches"},
		{Record{Title: "MARTEX BATH TOWEL 22X44 12PK", Size: "22X44"}, Record{Title: "Martex Bath Towels, 24 x 50 Inches, 12 Pack", Size: "24 x 50 Inches"}, Conflict, "other dimensions (was missing: 22X44 read as a waist and inseam)"},
		{Record{Title: "LEVIS 501 JEANS", Size: "32X30"}, Record{Title: "Levi's 501 Jeans", Size: "32W x 30L"}, Equivalent, "a trouser's waist and inseam stay the apparel reading's"},
		{Record{Title: "BEDSURE COMFORTER SET 7PC QN"}, Record{Title: "Bedsure Queen Comforter Set - 3 Pieces"}, Conflict, "PC counts pieces, as pieces do"},
		{Record{Title: "RAWLINGS R100 PRACTICE BASEBALL EA"}, Record{Title: "Rawlings R100 Official League Practice Baseballs, 12 Count"}, Conflict, "EA ends a title sold one by one: one ball against a count of 12 (was missing: a false eligible)"},
		{Record{Title: "RAWLINGS R100 PRACTICE BASEBALL EA"}, Record{Title: "Rawlings R100 Practice Baseball"}, Missing, "one against a title that states no count: no evidence"},
		{Record{Title: "3M - PF19.0 PRIVACY FILTER BLACK"}, Record{Title: `3M - Privacy Filter 27" Widescreen LCD`}, Missing, "a title led by the brand 3M, no brand field: no length of three meters (was equivalent, 3m = 3m)"},
	})
}

func TestPrepareUnescapesQuotes(t *testing.T) {
	vs := testVocab(t)
	tests := []struct {
		name      string
		rec       Record
		wantTitle string
		wantDesc  string
		reason    string
	}{
		{"escaped inch mark", Record{Title: `Transcend 128GB 2.5\" SSD230S`}, `Transcend 128GB 2.5" SSD230S`, "", "a JSON export escaped twice writes \\\" for an inch mark"},
		{"escaped apostrophe", Record{Title: `Levi\'s 501`, Description: `Levi\'s jeans, 32\" waist`}, "Levi's 501", `Levi's jeans, 32" waist`, "an SQL dump escapes apostrophes"},
		{"a backslash alone", Record{Title: `AC\DC poster`}, `AC\DC poster`, "", "only a backslash before a quote is an escape"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			orig := tc.rec
			it := Prepare(&tc.rec, vs)
			if it.Rec.Title != tc.wantTitle || it.Rec.Description != tc.wantDesc {
				t.Errorf("prepared %q / %q, want %q / %q: %s", it.Rec.Title, it.Rec.Description, tc.wantTitle, tc.wantDesc, tc.reason)
			}
			if tc.rec.Title != orig.Title || tc.rec.Description != orig.Description {
				t.Errorf("Prepare changed the caller's record to %+v", tc.rec)
			}
		})
	}
	r := &Record{Title: "Evans EC2S Clear 13 in Drumhead"}
	if it := Prepare(r, vs); it.Rec != r {
		t.Errorf("a record with nothing to unescape was copied: the item should hold the caller's record")
	}
}

func TestSpecsAreNoCodes(t *testing.T) {
	vs := testVocab(t)
	tests := []struct {
		title string
		want  []string
		why   string
	}{
		{"Adobe Photoshop CS10 win32 upgrade", nil, "a version and a platform are no model codes"},
		{"Kingston KVR16N11/8 DDR3 8GB", []string{"kvr16n118"}, "the part number stays, the spec goes"},
		{"Logitech M185 wireless mouse", []string{"m185"}, "a letter and digits is a model code"},
		{"Ubiquiti UniFi G3-PRO camera IP67 XMP 2.0", []string{"g3pro"}, "a dust and water rating is a spec, not the camera's model"},
		{"Crucial 4GB 1600MHz DDR3L SO-DIMM", nil, "a memory standard with its letter (low voltage) is no code (was the shared code ddr3l, +4.7 on two modules)"},
		{"Corsair Vengeance 8GB DDR3-1600 CMZ8GX3M1A1600C10", []string{"cmz8gx3m1a1600c10"}, "a memory standard and its rated speed are a spec; the part number stays"},
		{"Samsung 16GB LPDDR4X-4266", nil, "a low-power standard with its letter and speed"},
		{"Uni Posca PC-3M marker gold", []string{"pc3m"}, "PC is no memory prefix here: a marker's model"},
		{"SRAM Force PC-1091 chain", []string{"pc1091"}, "nor here: a chain's model"},
	}
	for _, tt := range tests {
		it := Prepare(&Record{Title: tt.title}, vs)
		if got := it.codes.codes; !slices.Equal(got, tt.want) {
			t.Errorf("codes of %q = %v, want %v (%s)", tt.title, got, tt.want, tt.why)
		}
	}
}

func TestWordsWeigh(t *testing.T) {
	vs := testVocab(t)
	cfg := DefaultConfig()
	cfg.Words = map[string]WordWeight{"upgrade": {Both: 0.5, One: -2.1}, "deluxe": {Both: 1, One: -1}}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	s := NewScorer(cfg, nil)
	a := Prepare(&Record{Title: "Photoshop Elements 8 Upgrade"}, vs)
	b := Prepare(&Record{Title: "Photoshop Elements 8"}, vs)
	for _, p := range []struct {
		offer, listing *Item
		want           string
	}{{a, b, `title word "upgrade" only in offer: -2.1`}, {b, a, `title word "upgrade" only in listing: -2.1`}} {
		sc := s.Score(p.offer, p.listing)
		for _, c := range sc.Comparisons {
			if c.Attribute != "words" {
				continue
			}
			if c.Level != Learned || c.Weight != -2.1 || c.Evidence != p.want {
				t.Errorf("words: %s %+v %q, want learned -2.1, %q", c.Level, c.Weight, c.Evidence, p.want)
			}
		}
	}
	// Outcomes weighed under another scorer, or another config, look each
	// word up there: the weights of the config that weighs.
	outs := s.Compare(a, b)
	if got, want := NewScorer(cfg, nil).Weigh(b, outs).Total, s.Score(a, b).Total; got != want {
		t.Errorf("weighed by another scorer of the config: total %v, want %v", got, want)
	}
	other := DefaultConfig()
	other.Words = map[string]WordWeight{"upgrade": {Both: 0.5, One: -4}}
	for _, c := range NewScorer(other, nil).Weigh(b, outs).Comparisons {
		if c.Attribute == "words" && c.Weight != -4 {
			t.Errorf("weighed under another config's words: %v, want -4 (its weight, not the comparing scorer's)", c.Weight)
		}
	}
	// No learned words: the comparison is silent.
	for _, o := range NewScorer(DefaultConfig(), nil).Compare(a, b) {
		if o.Attribute == "words" && o.Level != Missing {
			t.Errorf("words without learned weights: %+v, want missing", o)
		}
	}
	bad := DefaultConfig()
	bad.Words = map[string]WordWeight{"Two Words": {Both: 1}}
	if err := bad.Validate(); err == nil {
		t.Error("a config word of two capitalized words validated")
	}
}

func TestCompareContainment(t *testing.T) {
	runPairs(t, "containment", []pairCase{
		{Record{Title: "Brita Standard Filters 3 Pack"}, Record{Title: "Brita Standard Filters, 3 pack"}, SameWords, "the same words"},
		{Record{Title: "Brita Standard Filters 3 Pack"}, Record{Title: "Brita Standard Replacement Filters for Pitchers, 3 Pack"}, AllWithin, "a short title within a long one"},
		{Record{Title: "Zenfy Pro Chef Knife 8 inch"}, Record{Title: "Zenfy Chef Knife 8 inch Stainless"}, AllButOne, "one word of the shorter title missing: the sibling's"},
		{Record{Title: "Cuisinart coffeemaker DTC975"}, Record{Title: "Cuisinart coffee maker DTC975 black"}, AllWithin, "a compound written apart is within"},
		{Record{Title: "Sony headphones black"}, Record{Title: "Bose speaker white"}, Partly, "different words on both sides"},
		{Record{}, Record{Title: "Bose speaker"}, Missing, "no title"},
	})
}

// TestCompareRare: the rarest shared word decides the level, by its
// frequency among the titles counted.
func TestCompareRare(t *testing.T) {
	vs := testVocab(t)
	df := NewDocFreq()
	common := Prepare(&Record{Title: "black wireless case"}, vs)
	for i := 0; i < 2000; i++ {
		df.Add(common.text.keys)
		if i%200 == 0 {
			df.Add([]string{"bluetooth"}) // 10 in 2,010: uncommon
		}
	}
	env := &Env{IDF: df.IDF}
	c := comparator(t, "rare")
	tests := []struct {
		a, b   string
		want   Level
		reason string
	}{
		{"Brooks Cascadia trail shoe black", "Cascadia 16 black", RareShared, "a word no other title has"},
		{"black wireless bluetooth speaker", "bluetooth headset black", UncommonShared, "the rarest shared word is in 1 title in 200"},
		{"black wireless case", "black case for phone", CommonShared, "only words every title has"},
		{"black case", "nikon lens", NoneShared, "no word shared"},
		{"T6923 Epson SureColor SC-T3000", "T6923 magenta ink cartridge", Missing, "only a code shared: the model comparison's (was none_shared)"},
		{"Epson ink 110", "Canon toner 110", Missing, "only a number shared: the numbers comparison's"},
	}
	for _, tt := range tests {
		a, b := Prepare(&Record{Title: tt.a}, vs), Prepare(&Record{Title: tt.b}, vs)
		if o := c.Compare(a, b, env); o.Level != tt.want {
			t.Errorf("rare(%q, %q) = %s (%s), want %s (%s)", tt.a, tt.b, o.Level, o.Evidence, tt.want, tt.reason)
		}
		if o := c.Compare(a, b, &Env{}); o.Level != Missing {
			t.Errorf("rare(%q, %q) without frequencies = %s, want missing", tt.a, tt.b, o.Level)
		}
	}
}

// TestBrandAliasesFromConfig: a vendor name the config maps to a brand is
// that brand's owner, not another brand; a config with a key that is no
// brand key is refused.
func TestBrandAliasesFromConfig(t *testing.T) {
	vs := testVocab(t)
	c := comparator(t, "brand")
	a := Prepare(&Record{Brand: "NORTHWIND TRADERS", Title: "SERIES 3 TRAVEL MUG"}, vs)
	b := Prepare(&Record{Brand: "Brand3", Title: "Brand3 Series 3 Travel Mug"}, vs)
	if got := c.Compare(a, b, &Env{}).Level; got != Conflict {
		t.Fatalf("without the alias: %s, want conflict", got)
	}
	env := &Env{BrandAliases: map[string][]string{"northwindtraders": {"brand3"}}}
	if got := c.Compare(a, b, env).Level; got != Owner {
		t.Errorf("with the alias: %s, want owner", got)
	}
	if got := c.Compare(b, a, env).Level; got != Owner {
		t.Errorf("with the alias, swapped: %s, want owner", got)
	}
	cfg := DefaultConfig()
	cfg.BrandAliases = map[string][]string{"Northwind Traders": {"brand3"}}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "northwindtraders") {
		t.Errorf("Validate with a spelled-out vendor: %v, want an error naming the key to write", err)
	}
}

// TestDepartmentsFromConfig: a supplier's department the config maps to a
// category root agrees with paths under it and disagrees with others;
// unmapped, it says nothing.
func TestDepartmentsFromConfig(t *testing.T) {
	vs := testVocab(t)
	c := comparator(t, "category")
	env := &Env{Departments: map[string][]string{"housewares": {"home and kitchen"}}}
	tests := []struct {
		offer, listing string
		env            *Env
		want           Level
		reason         string
	}{
		{"HOUSEWARES", "Home & Kitchen > Drinkware", env, Prefix, "the learned department's root"},
		{"HOUSEWARES", "Sports & Outdoors > Water Bottles", env, Different, "another root than the department stands for"},
		{"HOUSEWARES", "Home & Kitchen > Drinkware", &Env{}, Missing, "unlearned, another taxonomy says nothing"},
		{"PET", "Pet Supplies > Dogs", env, Missing, "a department the config does not name"},
	}
	for _, tt := range tests {
		a, b := Prepare(&Record{Category: tt.offer}, vs), Prepare(&Record{Category: tt.listing}, vs)
		if got := c.Compare(a, b, tt.env).Level; got != tt.want {
			t.Errorf("category(%q, %q) = %s, want %s (%s)", tt.offer, tt.listing, got, tt.want, tt.reason)
		}
		if got := c.Compare(b, a, tt.env).Level; got != tt.want {
			t.Errorf("category(%q, %q) swapped = %s, want %s", tt.listing, tt.offer, got, tt.want)
		}
	}
	cfg := DefaultConfig()
	cfg.Departments = map[string][]string{"HOUSEWARES": {"home and kitchen"}}
	if err := cfg.Validate(); err == nil {
		t.Error("Validate took a department that is not normalized")
	}
}

// TestLearnedWordsSymmetric: the weight of learned title words is the same,
// to the last bit, whichever record comes first (the words are summed in
// one order, not in title order).
func TestLearnedWordsSymmetric(t *testing.T) {
	vs, err := LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Words = map[string]WordWeight{
		"pro": {Both: 0.3, One: -2.1}, "upgrade": {Both: 0.1, One: -1.7}, "kit": {Both: 0.7, One: -0.3},
		"black": {Both: 0.2, One: -0.9}, "case": {Both: 0.11, One: -0.61}, "2": {Both: 0.05, One: -1.3},
	}
	s := NewScorer(cfg, nil)
	tests := []struct{ a, b string }{
		{"Acme Drill Pro Kit Black", "Acme Drill Upgrade Kit"},
		{"Case for Phone 2 Black Pro", "Phone 2 Pro Max Case Kit Upgrade"},
		{"kit kit black", "black pro"},
	}
	for _, tt := range tests {
		a := Prepare(&Record{ID: "a", Title: tt.a}, vs)
		b := Prepare(&Record{ID: "b", Title: tt.b}, vs)
		x, y := s.Score(a, b), s.Score(b, a)
		if x.Total != y.Total {
			t.Errorf("%q / %q: total %v one way, %v the other", tt.a, tt.b, x.Total, y.Total)
		}
	}
}

// TestWordsWeightEvidence: the evidence names the three heaviest words,
// heaviest first (ties by word), counts the rest, and the sum is every
// word's weight whatever the hits' order.
// TestWordsLimit: learned words together weigh at most words_limit either
// way, and explain says so; a limit that is not positive does not load.
func TestWordsLimit(t *testing.T) {
	vs := testVocab(t)
	cfg := DefaultConfig()
	cfg.Words = map[string]WordWeight{"ef": {One: 3.5}, "canon": {One: 1.3}, "film": {One: 1}, "ilford": {One: 1}}
	a := Prepare(&Record{Title: "Ilford FP4 film"}, vs)
	b := Prepare(&Record{Title: "Canon EF lens"}, vs)
	tests := []struct {
		limit  float64
		want   float64
		reason string
	}{
		{5, 5, "6.8 bits of corrections between two unrelated titles held to 5"},
		{10, 6.8, "within the limit: the sum as learned"},
	}
	for _, tt := range tests {
		cfg.WordsLimit = tt.limit
		for _, c := range NewScorer(cfg, nil).Score(a, b).Comparisons {
			if c.Attribute != "words" {
				continue
			}
			if math.Abs(c.Weight-tt.want) > 1e-9 {
				t.Errorf("limit %v: words weigh %v, want %v (%s)", tt.limit, c.Weight, tt.want, tt.reason)
			}
			if held := strings.Contains(c.Evidence, "held to +5.0 bits"); held != (tt.want < 6.8) {
				t.Errorf("limit %v: evidence %q: says it was held %v, want %v", tt.limit, c.Evidence, held, !held)
			}
		}
	}
	for _, bad := range []float64{0, -1, math.Inf(1), math.NaN()} {
		cfg.WordsLimit = bad
		if err := cfg.Validate(); err == nil {
			t.Errorf("words_limit %v validates, want an error", bad)
		}
	}
}

func TestWordsWeightEvidence(t *testing.T) {
	words := map[string]WordWeight{
		"pro": {Both: 0.3, One: -2.1}, "kit": {Both: 0.7, One: -0.3}, "black": {Both: 0.2, One: -0.9},
		"case": {Both: 0.1, One: -0.7}, "zero": {Both: 0, One: 0},
	}
	tests := []struct {
		name string
		hits []WordHit
		sum  float64
		want string
	}{
		{"none learned", []WordHit{{Word: "drill", Both: true}}, 0, ""},
		{"a zero weight is no evidence", []WordHit{{Word: "zero", Both: true}}, 0, ""},
		{"one word", []WordHit{{Word: "pro", InFirst: true}}, -2.1, `title word "pro" only in offer: -2.1`},
		{"heaviest first, the rest counted",
			[]WordHit{{Word: "case", Both: true}, {Word: "kit", Both: true}, {Word: "black"}, {Word: "pro"}},
			0.1 + 0.7 - 0.9 - 2.1,
			`title word "pro" only in listing: -2.1; title word "black" only in listing: -0.9; title word "kit" in both: +0.7; 1 more`},
		{"ties by word",
			[]WordHit{{Word: "case"}, {Word: "kit", Both: true}},
			-0.7 + 0.7,
			`title word "case" only in listing: -0.7; title word "kit" in both: +0.7`},
	}
	for _, tt := range tests {
		sum, shown := wordsWeight(tt.hits, words, nil, DefaultConfig().WordsLimit)
		if math.Abs(sum-tt.sum) > 1e-9 || shown != tt.want {
			t.Errorf("%s: got %v %q, want %v %q", tt.name, sum, shown, tt.sum, tt.want)
		}
		rev := slices.Clone(tt.hits)
		slices.Reverse(rev)
		if s2, shown2 := wordsWeight(rev, words, nil, DefaultConfig().WordsLimit); s2 != sum || shown2 != shown {
			t.Errorf("%s: reversed hits give %v %q, want %v %q", tt.name, s2, shown2, sum, shown)
		}
	}
}

func TestDescriptionCodesShaped(t *testing.T) {
	vs := testVocab(t)
	for _, tt := range []struct {
		desc   string
		want   []string
		reason string
	}{
		{"Instax film. Camera10 Prints86mm Picture62mm", nil, "words run into numbers are a description's text, not codes"},
		{"Replacement lamp for the Sony KDL-40V4100 and VPL-HW10", []string{"kdl40v4100", "vplhw10"}, "model codes of the shape makers use"},
		{"Dimensions h210 w110 d6mmMade in Japan", []string{"h210", "w110"}, "a letter and a number stay codes; a unit run into a word does not"},
	} {
		it := Prepare(&Record{Title: "Film", Description: tt.desc}, vs)
		if got := it.codes.codes; !slices.Equal(got, tt.want) {
			t.Errorf("description %q: codes %q, want %q (%s)", tt.desc, got, tt.want, tt.reason)
		}
	}
}

func TestCutShort(t *testing.T) {
	keys := []string{"repairing", "conditioner", "damaged", "hair", "hood", "neutrogena"}
	for _, tt := range []struct {
		t      string
		want   int
		reason string
	}{
		{"cond", 1, "a supplier's word cut short"},
		{"repair", 0, "the start of a longer word"},
		{"con", -1, "three letters are too few to tell"},
		{"hoo", -1, "too short"},
		{"hair", -1, "the same word is no cut (the key itself)"},
		{"hoodi", -1, "one letter short is a typo's business, not a cut"},
		{"12oz", -1, "not a word"},
		{"ntg", 5, "consonants spelling a word's in order: a supplier's abbreviation"},
		{"dmgd", 2, "four consonants of damaged"},
		{"nt", -1, "two letters are too few"},
	} {
		if got := cutShort(tt.t, keys); got != tt.want {
			t.Errorf("cutShort(%q) = %d, want %d (%s)", tt.t, got, tt.want, tt.reason)
		}
	}
}
