package match

import "testing"

func TestCompareLines(t *testing.T) {
	runPairs(t, "line", []pairCase{
		{Record{Brand: "WHIRLPOOL CORP", Title: "AFFRESH WASHER CLEANER 3 TABLETS"}, Record{Brand: "Affresh", Title: "Affresh Washing Machine Cleaner, 3 Tablets"},
			Missing, "a washer and washing, one stem: no other line (was other_line, -3.5)"},
		{Record{Brand: "FGX INTERNATIONAL", Title: "FOSTER GRANT MENS READERS +1.50"}, Record{Brand: "Foster Grant", Title: "Foster Grant Men's Reading Glasses, +1.50 Strength"},
			Missing, "readers and reading glasses, one stem (was other_line_short, -2.5)"},
		{Record{Brand: "Pampers", Title: "PAMPERS CRUISERS DIAPERS SZ 4 120CT"}, Record{Brand: "Pampers", Title: "Pampers Swaddlers Diapers, Size 4, 120 Count"},
			OtherLineAlone, "two lines of one brand, everything else agreeing"},
		{Record{Brand: "Lavazza", Title: "LAVAZZA QUALITA ROSSA GROUND COFFEE 8.8OZ"}, Record{Brand: "Lavazza", Title: "Lavazza Qualita Oro Ground Coffee, 8.8 oz"},
			OtherLineAlone, "the line's second word differs, alone"},
		{Record{Brand: "Charmin", Title: "Charmin Ultra Strong Toilet Paper 18 Mega Rolls"}, Record{Brand: "Charmin", Title: "Charmin Ultra Soft Toilet Paper, 18 Mega Rolls"},
			OtherLineAlone, "a tier word shared, the line word not"},
		{Record{Brand: "Forever Collectibles", Title: "Forever Collectibles New York Mets iPod Touch 4G Hard Case"}, Record{Brand: "Forever Collectibles", Title: "Forever Collectibles New York Jets iPod Touch 4G Hard Case"},
			OtherLineAlone, "two teams a letter apart"},
		{Record{Brand: "Haribo", Title: "HARIBO Goldbaeren 200g"}, Record{Brand: "Haribo", Title: "HARIBO Goldbears 200 g"},
			SameLine, "one name in two languages"},
		{Record{Brand: "Pampers", Title: "PAMPERS CRSRS DIAPERS SZ 4"}, Record{Brand: "Pampers", Title: "Pampers Cruisers Diapers, Size 4"},
			SameLine, "a supplier's abbreviation of the line word"},
		{Record{Brand: "Pampers", Title: "Pampers Swadlers Diapers Size 4"}, Record{Brand: "Pampers", Title: "Pampers Swaddlers Diapers, Size 4"},
			SameLine, "one typo"},
		{Record{Brand: "Pampers", Title: "Pampers Diapers Size 4"}, Record{Brand: "Pampers", Title: "Pampers Swaddlers Diapers, Size 4"},
			Missing, "the offer names no line: the diapers comparison decides elsewhere"},
		{Record{Brand: "Sony", Title: "Sony Wireless Headphones WH-1000XM4", Model: "WH-1000XM4"}, Record{Brand: "Sony", Title: "Sony Noise Cancelling Headphones", Model: "WH1000XM4"},
			Missing, "the model number agrees: wording is no evidence"},
		{Record{Brand: "Sony", Title: "Sony Noise Cancelling Wireless Headphones"}, Record{Brand: "Sony", Title: "Sony Wireless Noise Cancelling Headphones"},
			SameLine, "the same words in another order"},
		{Record{Brand: "Lodge", Title: "Lodge Classic Cast Iron Skillet 10.25 in"}, Record{Brand: "Lodge", Title: "Lodge Cast Iron Skillet 10.25 Inch Classic"},
			SameLine, "the line word later in the other title"},
		{Record{Title: "Pampers Cruisers Diapers"}, Record{Title: "Pampers Swaddlers Diapers"},
			OtherLineAlone, "no brand fields: the titles lead with it"},
		{Record{Brand: "Pampers", Title: "Diapers by Pampers, Cruisers"}, Record{Brand: "Pampers", Title: "Pampers Swaddlers Diapers"},
			Missing, "a title that does not lead with its brand names no line where this reads one"},
		{Record{Brand: "Samsung", Title: "Samsung 63 inch Black Flat Panel Series 6 Plasma HDTV"}, Record{Brand: "Samsung", Title: "Samsung 63 inch Widescreen 1080p Plasma HDTV Touch of Color"},
			Missing, "two descriptions of one TV: the titles differ in much more than a line word"},
		{Record{Brand: "Ritter Sport", Title: "Ritter Sport Edel-Bitter 50% 100g"}, Record{Brand: "Ritter Sport", Title: "Ritter Sport Dark Chocolate 50% Cocoa Bar, 100 g"},
			Missing, "one line in two languages: many words differ"},
		{Record{Brand: "Spigen", Title: "Spigen Tough Armor para Galaxy S23"}, Record{Brand: "Spigen", Title: "Spigen Tough Armor para iPhone 15"},
			SameLine, "the line ends where the product the case is for begins, in Spanish as in English (was missing: \"para galaxy\" read as line words)"},
		{Record{Brand: "LUIGI LAVAZZA SPA", Title: "Lavazza Qualita Rossa Bohnen 1kg"}, Record{Brand: "Lavazza", Title: "Lavazza Qualita Oro Coffee Beans, 1 kg"},
			OtherLine, "a German offer of another line: Bohnen are the listing's beans, so the titles differ in their line words (was missing: three words apart)"},
		{Record{Brand: "KIND", Title: "KIND BAR DARK CHOC NUTS SEA SALT 12CT"}, Record{Brand: "KIND", Title: "KIND Bars, Dark Chocolate Nuts & Sea Salt, 12 Count"},
			SameLine, "abbreviated words of one line"},
		{Record{Brand: "PROCTER & GAMBLE", Title: "PAMPERS SWADDLERS SZ3 136CT"}, Record{Brand: "Pampers", Title: "Pampers Cruisers Diapers, Size 3 (16-28 lb), 136 Count"},
			OtherLine, "a listing's size and count in words are not more ways of naming the line (was missing: five words outside)"},
		{Record{Brand: "Pampers", Title: "Pampers Cruisers Diapers Size 4, Overnight"}, Record{Brand: "Pampers", Title: "Pampers Swaddlers Diapers, Size 4"},
			OtherLine, "another line, and one more word: not the titles' only difference"},
		{Record{Title: "Hotpoint BIWMHG71284 7kg 1200 Spin Integrated Washing Machine"}, Record{Brand: "Hotpoint", Title: "Hotpoint BI WMHG 71284 UK Integrated Washing Machine - White"},
			Missing, "a web title's numbers are specs, counted as words: the titles differ in more than a line"},
		{Record{Brand: "PROCTER & GAMBLE", Title: "OLD SPICE AP/DEO FIJI 2.6OZ 3PK"}, Record{Brand: "Old Spice", Title: "Old Spice Men's Antiperspirant & Deodorant, Swagger, 2.6 oz, Pack of 3"},
			OtherName, "no line before the kind, and one name word each after it: two scents (Fiji a place and a scent)"},
		{Record{Brand: "PROCTER & GAMBLE", Title: "OLD SPICE AP/DEO SWAGGER 2.6OZ 3PK"}, Record{Brand: "Old Spice", Title: "Old Spice Men's Antiperspirant & Deodorant, Swagger, 2.6 oz, Pack of 3"},
			Missing, "the same scent: AP and DEO abbreviate the listing's words"},
		{Record{Brand: "CAMPBELL SOUP CO", Title: "GOLDFISH COLORS 30OZ CARTON"}, Record{Brand: "Goldfish", Title: "Goldfish Cheddar Cheese Crackers, 30 oz Carton"},
			OtherLine, "a line word against a flavor in its place: each names its variety (was missing: eligible at 0.74)"},
		{Record{Brand: "CAMPBELL SOUP CO", Title: "GOLDFISH CHEDDAR 30OZ CARTON"}, Record{Brand: "Goldfish", Title: "Goldfish Cheddar Cheese Crackers, 30 oz Carton"},
			Missing, "the same flavor, no line"},
		{Record{Title: "Goldfish Colors Crackers 30 oz"}, Record{Title: "Goldfish Cheddar Cheese Crackers, 30 oz Carton"},
			Missing, "no brand fields: web titles word lines loosely"},
		{Record{Title: "DJI Zenmuse X7 Stabilized Camera w/ Gimbal"}, Record{Title: "DJI Zenmuse X7 Camera and Gimbal without Lens"},
			Missing, "no brand fields: a web shop's one word each is wording, not a name"},
		{Record{Brand: "KEURIG DR PEPPER", Title: "GMCR NANTUCKET BLEND K-CUP 24CT"}, Record{Brand: "Green Mountain Coffee Roasters", Title: "Green Mountain Coffee Roasters Breakfast Blend, Single-Serve Keurig K-Cup Pods, Light Roast Coffee, 24 Count"},
			OtherLineShort, "the short title's one word outside the long one is its line word (was missing: the long title's describing words)"},
		{Record{Brand: "KEURIG DR PEPPER", Title: "GMCR BREAKFAST BLEND K-CUP 24CT"}, Record{Brand: "Green Mountain Coffee Roasters", Title: "Green Mountain Coffee Roasters Breakfast Blend, Single-Serve Keurig K-Cup Pods, Light Roast Coffee, 24 Count"},
			Missing, "the same blend, the long title naming one more word before its kind (serve, of Single-Serve): no line evidence, not another line"},
		{Record{Brand: "Pyrex", Title: "Pyrex Glass Bowl Storage Set"}, Record{Brand: "Pyrex", Title: "Pyrex Simply Store 18-Piece Glass Food Storage Container Set with Lids"},
			Missing, "a bowl is a kind, not a line word: the offer names no line"},
	})
}

func TestAbbreviates(t *testing.T) {
	tests := []struct {
		short, long string
		want        bool
		why         string
	}{
		{"crsrs", "cruisers", true, "consonants in order"},
		{"cond", "conditioner", true, "a prefix"},
		{"ntg", "neutrogena", true, "letters in order"},
		{"oro", "rossa", false, "another first letter"},
		{"soft", "strong", false, "o before f, no f after"},
		{"cruisers", "crsrs", false, "the longer word abbreviates nothing"},
		{"x", "xbox", false, "one letter"},
	}
	for _, tt := range tests {
		if got := abbreviates(tt.short, tt.long); got != tt.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v (%s)", tt.short, tt.long, got, tt.want, tt.why)
		}
	}
}
