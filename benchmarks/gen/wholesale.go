package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// wholeWords are the abbreviations a wholesale file writes for title words.
var wholeWords = map[string]string{
	"wireless": "WRLSS", "headphones": "HDPHN", "classic": "CLSC", "original": "ORIG", "premium": "PREM",
	"natural": "NATRL", "extra": "XTRA", "black": "BLK", "white": "WHT", "navy": "NVY", "gray": "GRY",
	"silver": "SLV", "beige": "BGE", "brown": "BRN", "pink": "PNK", "purple": "PRPL", "yellow": "YLW",
	"green": "GRN", "blue": "BLU", "battery": "BATT", "batteries": "BATT", "replacement": "REPL",
}

// wholeColors are the color column's short forms.
var wholeColors = map[string]string{
	"Black": "BLK", "White": "WHT", "Navy": "NVY", "Gray": "GRY", "Silver": "SLV", "Beige": "BGE",
	"Brown": "BRN", "Pink": "PNK", "Purple": "PRPL", "Yellow": "YLW", "Green": "GRN", "Blue": "BLU",
	"Red": "RD", "Orange": "ORNG", "Gold": "GLD", "Teal": "TEAL", "Maroon": "MRN",
}

// departments are a supplier's own departments for the catalog's top
// levels.
var departments = map[string]string{
	"Electronics": "ELECTRONICS", "Sports & Outdoors": "SPORTING GOODS", "Home & Kitchen": "HOUSEWARES",
	"Grocery": "GROCERY", "Beauty": "HBA", "Health & Household": "HBA", "Clothing, Shoes & Jewelry": "APPAREL",
	"Luggage": "ACCESSORIES", "Toys & Games": "TOYS", "Pet Supplies": "PET", "Office Products": "OFFICE",
	"Patio, Lawn & Garden": "LAWN & GARDEN",
}

// wholesale rewrites an offer record's fields as a distributor's file has
// them (the title is wholesaleTitle's): the owner in the vendor column for
// some brands, short color codes, the supplier's department,
// spreadsheet-damaged GTINs on some rows, half the rows without model.
func wholesale(rec map[string]any, o variant, owners map[string]string, r *rand.Rand) {
	if owner, ok := owners[o.fam.brand]; ok && rec["brand"] != nil {
		rec["brand"] = owner
	}
	if c, ok := rec["color"].(string); ok {
		if short, ok := wholeColors[c]; ok {
			rec["color"] = short
		}
	}
	top := strings.TrimSpace(strings.Split(o.fam.typ.category, ">")[0])
	rec["category"] = departments[top]
	if g, ok := rec["gtin"].(string); ok {
		switch r.IntN(10) {
		case 0:
			rec["gtin"] = strings.TrimLeft(g, "0") + ".0" // a float
		case 1:
			d := strings.TrimLeft(g, "0")
			rec["gtin"] = d[:1] + "." + d[1:] + "E+" + fmt.Sprint(len(d)-1) // scientific, every digit
		case 2:
			rec["gtin"] = strings.TrimLeft(g, "0") // leading zeros dropped
		}
	}
	if r.IntN(2) == 0 {
		delete(rec, "model")
	}
}

// wholesaleTitle writes a title as a distributor's system does: ALL CAPS,
// abbreviated words, a number and its unit run together ("12OZ"), pack
// shorthand ("6PK", "PK/6", "6/PK").
func wholesaleTitle(t string, r *rand.Rand) string {
	words := strings.Fields(strings.ReplaceAll(t, ",", ""))
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		low := strings.ToLower(w)
		switch {
		case low == "pack" && i+2 < len(words) && strings.ToLower(words[i+1]) == "of":
			n := words[i+2]
			out = append(out, []string{n + "PK", "PK/" + n, n + "/PK"}[r.IntN(3)])
			i += 2
			continue
		case wholeWords[low] != "" && r.IntN(3) > 0:
			w = wholeWords[low]
		case strings.Contains(w, "_"):
			// The glued series: its words abbreviated in place.
			parts := strings.Split(w, "_")
			for j, p := range parts {
				if a := wholeWords[strings.ToLower(p)]; a != "" && r.IntN(3) > 0 {
					parts[j] = a
				}
			}
			w = strings.Join(parts, "_")
		}
		if n, err := strconv.Atoi(w); err == nil && i+1 < len(words) && isUnit(words[i+1]) {
			w = fmt.Sprint(n) + strings.ToUpper(words[i+1])
			i++
		}
		out = append(out, strings.ToUpper(w))
	}
	return strings.Join(out, " ")
}

func isUnit(w string) bool {
	switch strings.ToLower(w) {
	case "oz", "lb", "ml", "l", "ft", "inch", "count", "piece", "sheets", "mm":
		return true
	}
	return false
}
