// Command gen writes a synthetic marketplace catalog for scale benchmarks:
// N listings and M supplier offers in JSON Lines, with the ground truth of
// every offer. Brands follow a Zipf law; the catalog holds the traps of real
// ones: color and size variants, neighbor model numbers, multipacks (some
// sharing the single's GTIN), duplicate listings, missing fields; offers
// reword titles, drop fields, mistype, and include variants that are not
// listed, white-label copies and products not in the catalog.
//
//	go run ./benchmarks/gen -listings 1000000 -offers 100000 -out build/scale
//
// writes listings.jsonl, offers.jsonl and truth.csv (offer_id, listing ids
// separated by "|", empty when the offer has no listing; kind).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/followmatch/followmatch/match"
)

type productType struct {
	noun, category string
	sizes          []string
	colors         bool
	prefix         string // model code letters
}

var types = []productType{
	{"Wireless Headphones", "Electronics > Headphones", nil, true, "WH"},
	{"Bluetooth Speaker", "Electronics > Speakers", nil, true, "BS"},
	{"USB-C Cable", "Electronics > Cables", []string{"3 ft", "6 ft", "10 ft"}, true, "UC"},
	{"Power Bank", "Electronics > Power Banks", []string{"5000mAh", "10000mAh", "20000mAh"}, true, "PB"},
	{"microSD Card", "Electronics > Memory Cards", []string{"32GB", "64GB", "128GB", "256GB"}, false, "SD"},
	{"Portable SSD", "Electronics > Storage", []string{"500GB", "1TB", "2TB"}, true, "PS"},
	{"Wireless Mouse", "Electronics > Computer Accessories", nil, true, "MX"},
	{"Mechanical Keyboard", "Electronics > Computer Accessories", nil, true, "KB"},
	{"Phone Case", "Electronics > Phone Accessories", nil, true, "PC"},
	{"Smart Watch", "Electronics > Wearables", []string{"40mm", "44mm"}, true, "SW"},
	{"Water Bottle", "Sports & Outdoors > Water Bottles", []string{"16 oz", "24 oz", "32 oz", "40 oz"}, true, "WB"},
	{"Travel Mug", "Home & Kitchen > Drinkware", []string{"12 oz", "16 oz", "20 oz"}, true, "TM"},
	{"Cast Iron Skillet", "Home & Kitchen > Cookware", []string{"8 inch", "10 inch", "12 inch"}, false, "CS"},
	{"Nonstick Frying Pan", "Home & Kitchen > Cookware", []string{"8 inch", "10 inch", "12 inch"}, true, "FP"},
	{"Chef Knife", "Home & Kitchen > Cutlery", []string{"6 inch", "8 inch"}, false, "CK"},
	{"Food Storage Set", "Home & Kitchen > Food Storage", []string{"10 piece", "18 piece", "24 piece"}, false, "FS"},
	{"Coffee Beans", "Grocery > Coffee", []string{"12 oz", "1 lb", "2 lb"}, false, "CB"},
	{"Green Tea", "Grocery > Tea", []string{"20 count", "40 count", "100 count"}, false, "GT"},
	{"Sparkling Water", "Grocery > Beverages", []string{"12 fl oz", "500 ml", "1 L"}, false, "SP"},
	{"Protein Bar", "Grocery > Snacks", []string{"12 count", "24 count"}, false, "PR"},
	{"Shampoo", "Beauty > Hair Care", []string{"12 fl oz", "16 fl oz", "32 fl oz"}, false, "SH"},
	{"Face Moisturizer", "Beauty > Skin Care", []string{"1.7 oz", "2.5 oz"}, false, "FM"},
	{"Eau de Parfum", "Beauty > Fragrance", []string{"50 ml", "100 ml"}, false, "EP"},
	{"Toothpaste", "Health & Household > Oral Care", []string{"4 oz", "6 oz"}, false, "TP"},
	{"AA Batteries", "Health & Household > Batteries", []string{"8 count", "24 count", "48 count"}, false, "AA"},
	{"Running Shoes", "Clothing, Shoes & Jewelry > Shoes", []string{"8", "9", "10", "11", "12"}, true, "RS"},
	{"Crew T-Shirt", "Clothing, Shoes & Jewelry > Shirts", []string{"S", "M", "L", "XL"}, true, "TS"},
	{"Hoodie", "Clothing, Shoes & Jewelry > Sweatshirts", []string{"S", "M", "L", "XL"}, true, "HD"},
	{"Backpack", "Luggage > Backpacks", []string{"20L", "30L"}, true, "BP"},
	{"Yoga Mat", "Sports & Outdoors > Yoga", []string{"4mm", "6mm"}, true, "YM"},
	{"Dumbbell Set", "Sports & Outdoors > Weights", []string{"10 lb", "20 lb", "40 lb"}, false, "DB"},
	{"Building Blocks Set", "Toys & Games > Building Toys", []string{"300 piece", "500 piece"}, false, "BB"},
	{"Board Game", "Toys & Games > Games", nil, false, "BG"},
	{"LED Desk Lamp", "Home & Kitchen > Lighting", nil, true, "DL"},
	{"Air Purifier Filter", "Home & Kitchen > Filters", nil, false, "AF"},
	{"Dog Chew Toy", "Pet Supplies > Dogs", []string{"Small", "Medium", "Large"}, true, "DT"},
	{"Cat Litter", "Pet Supplies > Cats", []string{"20 lb", "40 lb"}, false, "CL"},
	{"Notebook", "Office Products > Paper", []string{"80 sheets", "120 sheets"}, true, "NB"},
	{"Gel Pens", "Office Products > Writing", []string{"12 count", "24 count"}, false, "GP"},
	{"Garden Hose", "Patio, Lawn & Garden > Watering", []string{"25 ft", "50 ft", "100 ft"}, true, "GH"},
}

var colors = []string{"Black", "White", "Silver", "Red", "Blue", "Navy", "Green", "Gray", "Pink", "Purple", "Yellow", "Orange", "Teal", "Gold", "Brown", "Beige"}

var syllables = []string{"ka", "lo", "mi", "ra", "ven", "tor", "zen", "qua", "bri", "sol", "nex", "tri", "vo", "lux", "pri", "mo", "den", "fy", "gra", "hal", "jun", "kor", "lin", "mar", "nor", "pax", "ro", "sta", "tek", "ul", "vin", "wex", "xo", "yar", "zu"}

var seriesWords = []string{"Pro", "Max", "Lite", "Ultra", "Classic", "Sport", "Elite", "Prime", "Essential", "Plus", "Go", "Air", "Flex", "Core", "Edge", "Neo", "One", "Active", "Studio", "Travel"}

var suffixes = []string{"", "", "", " Inc.", " LLC", " Co.", " Corporation", " Ltd"}

type gen struct {
	r      *rand.Rand
	brands []string
	zipf   *rand.Zipf
	gtin   int64
	names  map[string]bool // brand|series|noun of every family made
	codes  map[string]bool // model codes taken (and their neighbors)
}

func (g *gen) word(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[g.r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *gen) nextGTIN() string {
	g.gtin++
	body := fmt.Sprintf("%011d", g.gtin)
	return body + string(match.CheckDigit(body))
}

// family is one product line of one brand; each variant is a listing.
type family struct {
	brand, series, model string
	typ                  productType
}

type variant struct {
	fam         family
	color, size string
	pack        int
	model       string
	gtin        string
	id          string
	dupOf       string
}

// family makes a new product line. A brand names each of its products
// once and a model code names one product, as in real catalogs; drawn at
// random, a million listings would not (before this, 6.8% of the names at
// 1M listings belonged to two unrelated families, and codes collided across
// brands), and the benchmark would measure the generator's saturation
// instead of the matcher. A code's neighbor (last digit + 1) is reserved
// too: "neighbor model" offers use it.
func (g *gen) family() family {
	t := types[g.r.IntN(len(types))]
	f := family{brand: g.brands[g.zipf.Uint64()], typ: t}
	for try := 0; ; try++ {
		num := g.r.IntN(90) + 10
		if try >= 10 {
			num = g.r.IntN(900) + 100
		}
		f.series = seriesWords[g.r.IntN(len(seriesWords))] + " " + fmt.Sprint(num)
		if key := f.brand + "|" + f.series + "|" + t.noun; !g.names[key] {
			g.names[key] = true
			break
		}
	}
	for {
		f.model = fmt.Sprintf("%s-%d", t.prefix, 10000+g.r.IntN(90000))
		if next := neighborCode(f.model); !g.codes[f.model] && !g.codes[next] {
			g.codes[f.model], g.codes[next] = true, true
			return f
		}
	}
}

// neighborCode is the code of the next model: the last digit plus one.
func neighborCode(code string) string {
	last := code[len(code)-1]
	return code[:len(code)-1] + fmt.Sprint((int(last-'0')+1)%10)
}

func title(v variant, r *rand.Rand, short bool) string {
	parts := []string{v.fam.brand, v.fam.series, v.fam.typ.noun}
	if v.size != "" {
		parts = append(parts, v.size)
	}
	if v.color != "" {
		parts = append(parts, v.color)
	}
	if !short && r.IntN(2) == 0 {
		parts = append(parts, v.model)
	}
	if v.pack > 1 {
		parts = append(parts, fmt.Sprintf("Pack of %d", v.pack))
	}
	return strings.Join(parts, ", ")
}

func listingRecord(v variant, r *rand.Rand) map[string]any {
	rec := map[string]any{"id": v.id, "brand": v.fam.brand, "title": title(v, r, false), "category": v.fam.typ.category}
	if r.IntN(10) < 7 {
		rec["gtin"] = []string{v.gtin}
	}
	variantFields(rec, v, r, 7, 8)
	return rec
}

// variantFields sets the model (in modelIn10 records of 10), the color and
// size (each in attrIn10 of 10, when the variant has one) and the pack
// count of a record.
func variantFields(rec map[string]any, v variant, r *rand.Rand, modelIn10, attrIn10 int) {
	if r.IntN(10) < modelIn10 {
		rec["model"] = v.model
	}
	if v.color != "" && r.IntN(10) < attrIn10 {
		rec["color"] = v.color
	}
	if v.size != "" && r.IntN(10) < attrIn10 {
		rec["size"] = v.size
	}
	if v.pack > 1 {
		rec["pack_count"] = v.pack
	}
}

// noisy rewrites a title as a supplier would: a dropped word, other order,
// upper case, a typo. The product line's name (series, "Sport 54 II") moves
// as one and is never dropped: it is what tells the item from its siblings,
// and an unlisted sibling stripped of it would be the listed item's very
// description (its truth undecidable).
// The series comes glued with "_" (see glue).
func noisy(t string, r *rand.Rand) string {
	words := strings.Fields(strings.ReplaceAll(t, ",", ""))
	if len(words) > 4 && r.IntN(3) == 0 {
		if i := 1 + r.IntN(len(words)-1); !strings.Contains(words[i], "_") {
			words = append(words[:i], words[i+1:]...)
		}
	}
	if r.IntN(3) == 0 {
		r.Shuffle(len(words)-1, func(i, j int) { words[i+1], words[j+1] = words[j+1], words[i+1] })
	}
	if r.IntN(10) == 0 {
		i := r.IntN(len(words))
		if w := words[i]; len(w) > 5 {
			words[i] = w[:2] + w[3:]
		}
	}
	s := strings.ReplaceAll(strings.Join(words, " "), "_", " ")
	if r.IntN(5) == 0 {
		s = strings.ToUpper(s)
	}
	return s
}

// glue joins the words of the series in t with "_", so that a rewrite
// keeps them together (noisy undoes it).
func glue(t, series string) string {
	return strings.Replace(t, series, strings.ReplaceAll(series, " ", "_"), 1)
}

func main() {
	nListings := flag.Int("listings", 10000, "number of listings")
	nOffers := flag.Int("offers", 10000, "number of offers")
	out := flag.String("out", "build/scale", "output `dir`")
	seed := flag.Uint64("seed", 1, "random seed")
	dialect := flag.Bool("dialect", false, "write offers in a wholesale supplier's dialect (see wholesale)")
	flag.Parse()
	if err := run(*nListings, *nOffers, *out, *seed, *dialect); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(nListings, nOffers int, out string, seed uint64, dialect bool) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, 7))
	g := &gen{r: r, gtin: 84000000000, names: map[string]bool{}, codes: map[string]bool{}}
	nBrands := max(50, nListings/200)
	seen := map[string]bool{}
	for len(g.brands) < nBrands {
		b := g.word(2 + r.IntN(2))
		if !seen[b] {
			seen[b] = true
			g.brands = append(g.brands, b)
		}
	}
	g.zipf = rand.NewZipf(r, 1.1, 1, uint64(nBrands-1))

	lf, err := os.Create(filepath.Join(out, "listings.jsonl"))
	if err != nil {
		return err
	}
	defer lf.Close()
	lw := bufio.NewWriterSize(lf, 1<<20)
	enc := json.NewEncoder(lw)
	var listed []variant
	families := []family{}
	famSizes := map[string][]string{} // family model -> sizes listed
	n := 0
	for n < nListings {
		fam := g.family()
		families = append(families, fam)
		cs := []string{""}
		if fam.typ.colors {
			cs = nil
			for _, i := range r.Perm(len(colors))[:1+r.IntN(3)] {
				cs = append(cs, colors[i])
			}
		}
		ss := []string{""}
		if len(fam.typ.sizes) > 0 {
			ss = nil
			for _, i := range r.Perm(len(fam.typ.sizes))[:1+r.IntN(len(fam.typ.sizes))] {
				ss = append(ss, fam.typ.sizes[i])
			}
		}
		for ci, c := range cs {
			for si, sz := range ss {
				if n >= nListings {
					break
				}
				v := variant{fam: fam, color: c, size: sz, pack: 1, gtin: g.nextGTIN(), model: fam.model}
				famSizes[fam.model] = appendNew(famSizes[fam.model], sz)
				if ci+si > 0 && r.IntN(2) == 0 {
					// Variants often carry a suffix on the family's code.
					v.model = fmt.Sprintf("%s%c", fam.model, 'A'+rune(ci*4+si))
				}
				n++
				v.id = fmt.Sprintf("L%07d", n)
				listed = append(listed, v)
				if err := enc.Encode(listingRecord(v, r)); err != nil {
					return err
				}
				// Multipack listings: some share the single's GTIN.
				if n < nListings && r.IntN(20) == 0 {
					m := v
					m.pack = []int{2, 3, 4, 6, 12}[r.IntN(5)]
					if r.IntN(2) == 0 {
						m.gtin = g.nextGTIN()
					}
					n++
					m.id = fmt.Sprintf("L%07d", n)
					listed = append(listed, m)
					if err := enc.Encode(listingRecord(m, r)); err != nil {
						return err
					}
				}
				// Duplicate listings of the same item.
				if n < nListings && r.IntN(50) == 0 {
					d := v
					n++
					d.id = fmt.Sprintf("L%07d", n)
					d.dupOf = v.id
					listed = append(listed, d)
					if err := enc.Encode(listingRecord(d, r)); err != nil {
						return err
					}
				}
			}
		}
	}
	if err := lw.Flush(); err != nil {
		return err
	}
	// Every listing of one item (duplicates included) is a right answer.
	same := map[string][]string{}
	for _, v := range listed {
		root := v.id
		if v.dupOf != "" {
			root = v.dupOf
		}
		same[root] = append(same[root], v.id)
	}

	// In the dialect, a third of the brands appear under an owning
	// company's name ("<WORD> HOLDINGS") in the vendor column.
	dr := rand.New(rand.NewPCG(seed, 11))
	owners := map[string]string{}
	if dialect {
		for _, b := range g.brands {
			if dr.IntN(3) == 0 {
				owners[b] = strings.ToUpper(g.word(2)) + " " + []string{"HOLDINGS", "BRANDS", "CONSUMER PRODUCTS", "GROUP"}[dr.IntN(4)]
			}
		}
	}
	of, err := os.Create(filepath.Join(out, "offers.jsonl"))
	if err != nil {
		return err
	}
	defer of.Close()
	ow := bufio.NewWriterSize(of, 1<<20)
	oenc := json.NewEncoder(ow)
	tf, err := os.Create(filepath.Join(out, "truth.csv"))
	if err != nil {
		return err
	}
	defer tf.Close()
	tw := bufio.NewWriter(tf)
	fmt.Fprintln(tw, "offer_id,listing_ids,kind")
	for i := 0; i < nOffers; i++ {
		v := listed[r.IntN(len(listed))]
		if v.dupOf != "" {
			continue
		}
		kind, truth := "listed", strings.Join(same[v.id], "|")
		o := v
		switch k := r.IntN(100); {
		case k < 6 && o.fam.typ.colors:
			kind, truth, o.color = "unlisted color", "", "Maroon"
			o.model = variantCode(o.fam.model, r)
		case k < 12 && len(o.fam.typ.sizes) > 0:
			kind, truth = "unlisted size", ""
			o.size = unlistedSize(o.fam.typ.sizes, famSizes[o.fam.model])
			o.model = variantCode(o.fam.model, r)
		case k < 17:
			kind, truth = "neighbor model", ""
			o.model = neighborCode(o.fam.model)
			o.fam.series = o.fam.series + " II"
		case k < 22 && o.pack == 1:
			kind, truth, o.pack = "unlisted multipack", "", 5
		case k < 26:
			kind, truth = "white label", ""
			o.fam.brand = "Generic" + g.word(1)
		case k < 36:
			kind, truth = "not in catalog", ""
			// A product of a new line, its color and size drawn as a
			// listing's are: a supplier's item states them.
			o = variant{fam: g.family(), pack: 1}
			o.model = o.fam.model
			if o.fam.typ.colors {
				o.color = colors[r.IntN(len(colors))]
			}
			if sz := o.fam.typ.sizes; len(sz) > 0 {
				o.size = sz[r.IntN(len(sz))]
			}
		}
		t := glue(title(o, r, r.IntN(2) == 0), o.fam.series)
		if dialect {
			// Abbreviated before the words are shuffled, as a supplier's
			// system writes it (and so "6 oz" stays the size).
			t = wholesaleTitle(t, dr)
		}
		rec := map[string]any{"id": fmt.Sprintf("S%07d", i+1), "title": noisy(t, r), "stock": 5 + r.IntN(200)}
		if r.IntN(10) < 8 {
			rec["brand"] = strings.ToUpper(o.fam.brand[:1]) + o.fam.brand[1:] + suffixes[r.IntN(len(suffixes))]
		}
		if kind == "listed" && r.IntN(2) == 0 && v.gtin != "" {
			rec["gtin"] = "0" + v.gtin // EAN-13 form of the UPC
		}
		variantFields(rec, o, r, 6, 7)
		if dialect {
			// Drawn from their own source, so the catalog and the plain
			// offers stay as they were.
			wholesale(rec, o, owners, dr)
		}
		if err := oenc.Encode(rec); err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s,%s,%s\n", rec["id"], truth, kind)
	}
	if err := ow.Flush(); err != nil {
		return err
	}
	return tw.Flush()
}

func appendNew(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// variantCode is the code of a variant the catalog does not list: the
// family's code, or that code with a suffix no listed variant uses (listed
// ones run from A), as a line's other variants are coded.
func variantCode(code string, r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return code
	}
	return code + "Z"
}

// unlistedSize returns a size of the product type that the family does not
// list: the first of the type's sizes it lacks, or else one past the
// largest, in the same spelling ("12 oz" -> "24 oz", "XL" -> "XXL", "12"
// -> "13"), as a real line's other sizes read.
func unlistedSize(sizes, listed []string) string {
	for _, s := range sizes {
		if !slices.Contains(listed, s) {
			return s
		}
	}
	last := sizes[len(sizes)-1]
	switch last {
	case "XL":
		return "XXL"
	case "Large":
		return "X-Large"
	}
	i := strings.IndexFunc(last, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		n, _ := strconv.Atoi(last)
		return strconv.Itoa(n + 1)
	}
	n, _ := strconv.ParseFloat(last[:i], 64)
	return strconv.FormatFloat(2*n, 'f', -1, 64) + last[i:]
}
