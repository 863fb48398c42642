package match

import "testing"

func TestCompareLines(t *testing.T) {
	runPairs(t, "line", []pairCase{
		{Record{Brand: "Pampers", Title: "PAMPERS CRUISERS DIAPERS SZ 4 120CT"}, Record{Brand: "Pampers", Title: "Pampers Swaddlers Diapers, Size 4, 120 Count"},
			OtherLine, "two lines of one brand, everything else agreeing"},
		{Record{Brand: "Lavazza", Title: "LAVAZZA QUALITA ROSSA GROUND COFFEE 8.8OZ"}, Record{Brand: "Lavazza", Title: "Lavazza Qualita Oro Ground Coffee, 8.8 oz"},
			OtherLine, "the line's second word differs"},
		{Record{Brand: "Charmin", Title: "Charmin Ultra Strong Toilet Paper 18 Mega Rolls"}, Record{Brand: "Charmin", Title: "Charmin Ultra Soft Toilet Paper, 18 Mega Rolls"},
			OtherLine, "a tier word shared, the line word not"},
		{Record{Brand: "Forever Collectibles", Title: "Forever Collectibles New York Mets iPod Touch 4G Hard Case"}, Record{Brand: "Forever Collectibles", Title: "Forever Collectibles New York Jets iPod Touch 4G Hard Case"},
			OtherLine, "two teams a letter apart"},
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
			OtherLine, "no brand fields: the titles lead with it"},
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
