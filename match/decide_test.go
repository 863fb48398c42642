package match

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fakeSource returns every listing as a candidate: the core is testable
// without an index.
type fakeSource struct {
	listings []*Item
	err      error
}

func (f *fakeSource) Candidates(_ context.Context, _ *Item, _ int) ([]*Item, error) {
	return f.listings, f.err
}

func (f *fakeSource) Listing(_ context.Context, id string) (*Item, error) {
	for _, l := range f.listings {
		if l.Rec.ID == id {
			return l, nil
		}
	}
	return nil, ErrNotFound
}

func newTestMatcher(t testing.TB, policy Policy, seller Seller, listings ...Record) *Matcher {
	t.Helper()
	vs := testVocab(t)
	src := &fakeSource{}
	for i := range listings {
		src.listings = append(src.listings, Prepare(&listings[i], vs))
	}
	return &Matcher{Scorer: NewScorer(DefaultConfig(), nil), Source: src, Rules: NewRules(policy, seller, vs), Vocab: vs}
}

func intp(n int) *int { return &n }

var (
	xm4 = Record{ID: "B-XM4", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "Sony WH-1000XM4 Wireless Headphones, Black",
		Model: "WH-1000XM4", Color: "Black", Category: "Electronics > Headphones"}
	defender = Record{ID: "B-DEF", Brand: "OtterBox", Title: "OtterBox Defender Series Case for iPhone 15, Black", Color: "Black", Category: "Cell Phones > Cases"}
	xm5      = Record{ID: "B-XM5", GTINs: []string{"027242954366"}, Brand: "Sony", Title: "Sony WH-1000XM5 Wireless Headphones, Black",
		Model: "WH-1000XM5", Color: "Black", Category: "Electronics > Headphones"}
	watchGray = Record{ID: "B-GRAY", Brand: "Zenfy", Title: "Zenfy, Flex 32, Smart Watch, 40mm, Gray", Model: "SW-50033", Color: "Gray", Size: "40mm"}
	watchRed  = Record{ID: "B-RED", Brand: "Zenfy", Title: "Zenfy, Flex 32, Smart Watch, 40mm, Red, Sport Edition Bluetooth, SW-50033F", Model: "SW-50033F", Color: "Red", Size: "40mm"}
	water1    = Record{ID: "B-W1", GTINs: []string{"632656500025"}, Brand: "FIJI", Title: "FIJI Water 500 mL", Size: "500 ml", Category: "Grocery > Water"}
	water24   = Record{ID: "B-W24", GTINs: []string{"632656500025"}, Brand: "FIJI", Title: "FIJI Water 500 mL, Pack of 24", Size: "500 ml", PackCount: 24, Category: "Grocery > Water"}
)

// Calculators of two lines, and a pan single and in a 3-pack, for
// TestDecide's vetoed siblings.
var (
	ti84CE      = Record{ID: "B-TI84CE", Brand: "Texas Instruments", Title: "Texas Instruments TI-84 Plus CE Color Graphing Calculator, Black", Color: "Black"}
	ti84CEPink  = Record{ID: "B-TI84CE-P", Brand: "Texas Instruments", Title: "Texas Instruments TI-84 Plus CE Color Graphing Calculator, Pink", Color: "Pink"}
	ti84Plus    = Record{ID: "B-TI84", Brand: "Texas Instruments", Title: "Texas Instruments TI-84 Plus Graphing Calculator"}
	panSingle   = Record{ID: "B-PAN", Brand: "Brimar", Title: "Brimar, Prime 89, Nonstick Frying Pan, 8 inch, Black", Model: "FP-52310C", Color: "Black", Size: "8 inch"}
	mugTravel58 = Record{ID: "B-MUG-T58", Brand: "Zenfy", Title: "Zenfy, Travel 58, Travel Mug, 16 oz, Yellow", Model: "TM-22023", Size: "16 oz", Category: "Home & Kitchen > Drinkware"}
	mugGo58     = Record{ID: "B-MUG-G58", Brand: "Zenfy", Title: "Zenfy, Go 58, Travel Mug, 16 oz, Yellow, TM-83417", Size: "16 oz", Category: "Home & Kitchen > Drinkware"}
	panThree    = Record{ID: "B-PAN3", Brand: "Brimar", Title: "Brimar, Prime 89, Nonstick Frying Pan, 8 inch, Black, FP-52310C, Pack of 3", Model: "FP-52310C", Color: "Black", PackCount: 3}
)

func TestDecide(t *testing.T) {
	policy := Policy{RestrictedBrands: []string{"Sony"}, IPRiskBrands: []string{"Apple"}, GatedCategories: []string{"Grocery"}, MinStock: 10}
	tests := []struct {
		name     string
		offer    Record
		seller   Seller
		listings []Record
		decision Decision
		listing  string
		reasons  []string
		nearest  []string
		reason   string
	}{
		{"same item, authorized", Record{ID: "o", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "Sony WH-1000XM4 Headphones Black", Model: "WH1000XM4", Stock: intp(50)},
			Seller{AuthorizedBrands: []string{"SONY"}}, []Record{xm4, xm5}, Eligible, "B-XM4", []string{}, nil, "GTIN, model and brand agree; the neighbor model is vetoed"},
		{"restricted brand", Record{ID: "o", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "Sony WH-1000XM4", Model: "WH-1000XM4"},
			Seller{}, []Record{xm4}, Blocked, "B-XM4", []string{ReasonBrandAuthorization}, nil, "Sony is restricted and the seller holds no authorization"},
		{"every failing rule", Record{ID: "o", GTINs: []string{"632656500021"}, Brand: "FIJI", Title: "FIJI Water 500 mL", Size: "0.5 L", Stock: intp(3)},
			Seller{}, []Record{water1, water24}, Blocked, "B-W1", []string{ReasonCategoryApproval, ReasonInsufficientStock, ReasonInvalidGTIN},
			nil, "gated category, low stock and a bad check digit all listed"},
		{"multipack sharing the GTIN", Record{ID: "o", GTINs: []string{"632656500025"}, Brand: "FIJI", Title: "FIJI Water 500ml 24 Pack", PackCount: 24},
			Seller{ApprovedCategories: []string{"grocery"}}, []Record{water1, water24}, Eligible, "B-W24", []string{}, nil, "the single is vetoed by pack count"},
		{"2-pack of a single", Record{ID: "o", Brand: "FIJI", Title: "FIJI Water 500 mL, 2-Pack", Size: "500 ml"},
			Seller{}, []Record{water1}, NoMatch, "", []string{}, []string{"pack_count"}, "no 2-pack listing; the single came close"},
		{"neighbor model only", Record{ID: "o", Brand: "Sony", Title: "Sony WH-1000XM6 Wireless Headphones, Black", Model: "WH-1000XM6", Color: "Black"},
			Seller{}, []Record{xm4}, NoMatch, "", []string{}, []string{"model"}, "digits differ"},
		{"duplicate listings", Record{ID: "o", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "Sony WH-1000XM4 Wireless Headphones, Black", Model: "WH-1000XM4"},
			Seller{}, []Record{xm4, func() Record { r := xm4; r.ID = "B-XM4-DUP"; return r }()}, Review, "B-XM4", []string{ReasonAmbiguous}, nil, "two equally good listings"},
		{"generic title", Record{ID: "o", Brand: "Sony", Title: "Sony Wireless Headphones", Color: "Black"},
			Seller{}, []Record{xm4, xm5}, Review, "B-XM4", []string{ReasonAmbiguous}, nil, "a generic title fits two models equally: the seller must look"},
		{"color the offer leaves out", Record{ID: "o", Brand: "Zenfy", Title: "ZENFY FLEX 32 SMART WATCH 40MM"},
			Seller{}, []Record{watchGray, watchRed}, Review, "B-GRAY", []string{ReasonAmbiguous}, nil,
			"the offer names no color and the line lists two: whichever title reads closer, the seller must say which"},
		{"color the offer states", Record{ID: "o", Brand: "Zenfy", Title: "ZENFY FLEX 32 SMART WATCH 40MM RED"},
			Seller{}, []Record{watchGray, watchRed}, Eligible, "B-RED", []string{}, nil, "the stated color picks the sibling"},
		{"a shade of the listed color", Record{ID: "o", Brand: "Zenfy", Title: "ZENFY FLEX 32 SMART WATCH 40MM", Color: "MRN", Model: "SW-50033"},
			Seller{}, []Record{watchRed}, NoMatch, "", []string{}, []string{"color"}, "maroon stated against red stated: another variant, even with the line's model code"},
		{"white label", Record{ID: "o", Title: "GENERICKOR FLEX 32 SMART WATCH 40MM GRAY", Model: "SW-50033"},
			Seller{}, []Record{watchGray}, NoMatch, "", []string{}, []string{"brand"}, "no brand column, and the title leads with another name where the listing's brand should be"},
		{"white label sharing the GTIN", Record{ID: "o", GTINs: []string{"0" + water1.GTINs[0]}, Title: "PUREKOR WATER 500ML", Stock: intp(50)},
			Seller{ApprovedCategories: []string{"Grocery"}}, []Record{water1}, Eligible, "B-W1", []string{}, nil, "the GTIN names the trade item: a title leading with another word does not overrule it"},
		{"a shade, GTIN shared", Record{ID: "o", GTINs: []string{gtinOf("07123450001")}, Brand: "HANES", Title: "HANES CREW TEE L", Color: "NVY", Stock: intp(50)},
			Seller{}, []Record{{ID: "B-TEE", GTINs: []string{gtinOf("07123450001")}, Brand: "Hanes", Title: "Hanes Crew T-Shirt, L, Blue", Color: "Blue", Size: "L"}}, Eligible, "B-TEE", []string{}, nil, "a shade of the listing's color is no confident conflict: the GTIN decides"},
		{"an unlisted color of a sibling line", Record{ID: "o", Brand: "TEXAS INSTRUMENTS", Title: "TI-84 PLUS CE GRAPHING CALC ROSE GOLD", Model: "84PLCE/TBL/1L1/RG", Color: "ROSE GOLD"},
			Seller{}, []Record{ti84CE, ti84Plus}, Review, "B-TI84", []string{}, nil,
			"the CE in rose gold: the black CE is vetoed on color, and the plain TI-84 Plus lacks the CE both share (was eligible, 0.996)"},
		{"the sibling line itself", Record{ID: "o", Brand: "TEXAS INSTRUMENTS", Title: "TI-84 PLUS GRAPHING CALCULATOR BLK", Color: "BLK"},
			Seller{}, []Record{ti84CEPink, ti84Plus}, Eligible, "B-TI84", []string{}, nil,
			"the offer's words are all the TI-84 Plus's: a vetoed CE shares none it lacks"},
		{"the plain model named", Record{ID: "o", Brand: "TEXAS INSTRUMENTS", Title: "TI-84 PLUS GRAPHING CALCULATOR"},
			Seller{}, []Record{ti84CE, ti84Plus}, Eligible, "B-TI84", []string{}, nil,
			"the offer says the plain model's words, no more: the CE's CE and Color make it a sibling, not a second listing as good (was review, ambiguous)"},
		{"a word the closer title lacks", Record{ID: "o", Brand: "Zenfy", Title: "ZENFY GO 58 TRAVEL MUG 16OZ YLW", Color: "YLW", Size: "16 oz", Category: "HOUSEWARES"},
			Seller{}, []Record{mugTravel58, mugGo58}, Review, "B-MUG-T58", []string{ReasonAmbiguous}, nil,
			"the Travel 58 lacks the offer's Go: two listings as good stay the seller's call"},
		{"the 3-pack of the same item", Record{ID: "o", Brand: "Brimar", Title: "BRIMAR FP-52310C PAN BLK PRIME 89 FRYING 8INCH NONSTICK"},
			Seller{}, []Record{panSingle, panThree}, Eligible, "B-PAN", []string{}, nil,
			"the 3-pack is vetoed on its count; the code it repeats in its title is no word the single lacks"},
		{"nothing close", Record{ID: "o", Brand: "Weber", Title: "Weber Spirit Gas Grill"},
			Seller{}, []Record{xm4}, NoMatch, "", []string{}, nil, "different brand and title: no nearest"},
		{"no candidates", Record{ID: "o", Title: "anything"}, Seller{}, nil, NoMatch, "", []string{}, nil, "empty catalog"},
		{"shared GTIN, vendor and color shorthand", Record{ID: "o", GTINs: []string{"027242920187"}, Brand: "SONY GROUP CORP HOLDINGS", Title: "SONY WH1000XM4 HDPHN", Color: "Blk-Ms"},
			Seller{AuthorizedBrands: []string{"Sony"}}, []Record{xm4}, Eligible, "B-XM4", []string{}, nil, "a shared GTIN is not overruled by soft conflicts (vendor name, an unknown color spelling)"},
		{"refurbished offer", Record{ID: "o", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "Sony WH-1000XM4 Wireless Headphones, Black (Renewed)", Model: "WH-1000XM4", Stock: intp(50)},
			Seller{AuthorizedBrands: []string{"Sony"}}, []Record{xm4}, Review, "B-XM4", []string{ReasonCondition}, nil, "a renewed offer is never eligible on a new listing"},
		{"no brand stated anywhere", Record{ID: "o", Title: "DEFENDER SERIES CASE FOR IPHONE 15 BLACK", Stock: intp(50)},
			Seller{}, []Record{defender}, Review, "B-DEF", []string{}, nil, "every word agrees, but the offer names no brand and OtterBox is nowhere in it: a person confirms it is no other maker's (it was eligible)"},
		{"the brand in the title only", Record{ID: "o", Title: "OTTERBOX DEFENDER SERIES CASE FOR IPHONE 15 BLACK", Stock: intp(50)},
			Seller{}, []Record{defender}, Eligible, "B-DEF", []string{}, nil, "no brand column, but the title names OtterBox"},
		{"no brand, the maker's part number", Record{ID: "o", Title: "WIRELESS HEADPHONES BLACK", Model: "WH-1000XM4", Stock: intp(50)},
			Seller{AuthorizedBrands: []string{"Sony"}}, []Record{xm4}, Eligible, "B-XM4", []string{}, nil, "no brand, but the model column carries the maker's own part number"},
		{"brand only in the title", Record{ID: "o", Title: "SONY WH-1000XM4 WIRELESS HEADPHONES BLACK", Model: "WH-1000XM4", Stock: intp(50)},
			Seller{AuthorizedBrands: []string{"Sony"}}, []Record{xm4}, Eligible, "B-XM4", []string{}, nil, "no brand column, but the title names Sony"},
		{"certified pre-owned by its initials", Record{ID: "o", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "SONY WH1000XM4 HEADPHONES BLK CPO", Model: "WH-1000XM4", Stock: intp(50)},
			Seller{AuthorizedBrands: []string{"Sony"}}, []Record{xm4}, Review, "B-XM4", []string{ReasonCondition}, nil, "CPO is certified pre-owned: used, never eligible on a new listing (it was)"},
		{"a customer return", Record{ID: "o", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "Sony WH-1000XM4 Headphones, Black - Customer Return", Model: "WH-1000XM4", Stock: intp(50)},
			Seller{AuthorizedBrands: []string{"Sony"}}, []Record{xm4}, Review, "B-XM4", []string{ReasonCondition}, nil, "a returned item is not new"},
		{"open box in a parameter", Record{ID: "o", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "Sony WH-1000XM4 Wireless Headphones, Black", Model: "WH-1000XM4", Params: map[string]string{"Condition": "Open Box"}, Stock: intp(50)},
			Seller{AuthorizedBrands: []string{"Sony"}}, []Record{xm4}, Review, "B-XM4", []string{ReasonCondition}, nil, "a condition column"},
		{"shared GTIN, stated other size", Record{ID: "o", GTINs: []string{"632656500025"}, Brand: "FIJI", Title: "FIJI Water", Size: "1 L", Stock: intp(50)},
			Seller{ApprovedCategories: []string{"Grocery"}}, []Record{water1}, Review, "B-W1", []string{ReasonConflictingEvidence}, nil, "the file says 1 L, the GTIN's listing 500 ml: a person settles it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestMatcher(t, policy, tt.seller, tt.listings...)
			r := m.Match(context.Background(), &tt.offer)
			var nearest []string
			if r.Nearest != nil {
				nearest = r.Nearest.Mismatches
			}
			if r.Decision != tt.decision || r.ListingID != tt.listing || !reflect.DeepEqual(r.Reasons, tt.reasons) || !reflect.DeepEqual(nearest, tt.nearest) {
				t.Errorf("got %s %q reasons %v nearest %v (p=%.3f); want %s %q %v %v (%s)",
					r.Decision, r.ListingID, r.Reasons, nearest, r.Probability, tt.decision, tt.listing, tt.reasons, tt.nearest, tt.reason)
			}
			if r.Reasons == nil {
				t.Error("reasons is nil: JSON must show []")
			}
		})
	}
}

func TestMatchCandidateError(t *testing.T) {
	m := newTestMatcher(t, Policy{}, Seller{})
	m.Source = &fakeSource{err: errors.New("disk on fire")}
	r := m.Match(context.Background(), &Record{ID: "o", Title: "x"})
	if r.Decision != Error || !strings.Contains(r.Error, "disk on fire") {
		t.Errorf("got %+v, want an error result naming the cause", r)
	}
}

func TestIPRiskLiftedByAuthorization(t *testing.T) {
	vs := testVocab(t)
	policy := Policy{IPRiskBrands: []string{"Apple"}}
	offer, listing := Prepare(&Record{ID: "o"}, vs), Prepare(&Record{ID: "l", Brand: "Apple Inc."}, vs)
	if got := NewRules(policy, Seller{}, vs).Check(offer, listing); !slices.Equal(got, []string{ReasonIPRisk}) {
		t.Errorf("unauthorized seller: %v, want ip_risk_brand", got)
	}
	if got := NewRules(policy, Seller{AuthorizedBrands: []string{"apple"}}, vs).Check(offer, listing); len(got) != 0 {
		t.Errorf("authorized seller: %v, want no reason: the brand's authorization answers its IP risk", got)
	}
}

func TestExplainNamedListing(t *testing.T) {
	m := newTestMatcher(t, Policy{}, Seller{}, xm4, xm5)
	offer := Record{ID: "o", Brand: "Sony", Title: "Sony WH-1000XM4 Headphones", Model: "WH-1000XM4"}
	ex, err := m.Explain(context.Background(), &offer, "B-XM5")
	if err != nil {
		t.Fatal(err)
	}
	w := ex.Waterfall
	if w == nil || w.ListingID != "B-XM5" || ex.Result.Decision != NoMatch || w.Decision != NoMatch {
		t.Fatalf("explain against B-XM5: %+v", ex.Result)
	}
	// The waterfall adds up: prior plus every weight is the total, step by
	// step, one step per attribute; the model veto shows.
	sum := w.Prior
	for i, st := range w.Steps {
		sum += st.Weight
		if st.Running != sum {
			t.Errorf("step %d (%s): running total %v, want %v", i, st.Attribute, st.Running, sum)
		}
	}
	if sum != w.Total || len(w.Steps) != len(Attributes()) {
		t.Errorf("weights sum to %v over %d steps, total is %v", sum, len(w.Steps), w.Total)
	}
	if !slices.Contains(w.Vetoes, "model") {
		t.Errorf("vetoes %v, want model (XM4 vs XM5)", w.Vetoes)
	}
	if _, err := m.Explain(context.Background(), &offer, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown listing: %v, want ErrNotFound", err)
	}
}

func TestRunKeepsOrder(t *testing.T) {
	m := newTestMatcher(t, Policy{}, Seller{}, xm4, xm5, water1)
	jobs := make(chan Job)
	go func() {
		defer close(jobs)
		for i := 0; i < 200; i++ {
			if i%7 == 3 {
				jobs <- Job{ID: "bad", Err: errors.New("row broken")}
				continue
			}
			jobs <- Job{Offer: &Record{ID: strings.Repeat("x", i%5) + string(rune('a'+i%26)), Title: "Sony WH-1000XM4"}}
		}
	}()
	var got []Result
	if err := m.Run(context.Background(), jobs, 4, func(r Result) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 200 {
		t.Fatalf("got %d results, want 200", len(got))
	}
	for i, r := range got {
		if (i%7 == 3) != (r.Decision == Error) {
			t.Fatalf("result %d is %s: results are out of input order", i, r.Decision)
		}
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	m := newTestMatcher(t, Policy{}, Seller{}, xm4)
	jobs := make(chan Job, 10)
	for i := 0; i < 10; i++ {
		jobs <- Job{Offer: &Record{ID: "o", Title: "x"}}
	}
	close(jobs)
	boom := errors.New("disk full")
	if err := m.Run(context.Background(), jobs, 2, func(Result) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("Run = %v, want the emit error", err)
	}
}

// TestDecideLeavesInput: Decide ranks a copy; the caller's candidates keep
// their order (Explain once relied on Decide sorting them in place).
func TestDecideLeavesInput(t *testing.T) {
	vs := testVocab(t)
	s := NewScorer(DefaultConfig(), nil)
	offer := Prepare(&Record{ID: "o", Brand: "Sony", Title: "Sony WH-1000XM4 Wireless Headphones, Black", Model: "WH-1000XM4"}, vs)
	var scored []Scored
	for _, r := range []Record{water1, xm5, xm4} { // worst first
		scored = append(scored, s.Score(offer, Prepare(&r, vs)))
	}
	res := Decide(offer, scored, DefaultConfig(), NewRules(Policy{}, Seller{}, vs))
	if res.ListingID != "B-XM4" {
		t.Fatalf("Decide chose %q, want B-XM4", res.ListingID)
	}
	for i, want := range []string{"B-W1", "B-XM5", "B-XM4"} {
		if got := scored[i].Listing.Rec.ID; got != want {
			t.Errorf("scored[%d] = %s after Decide, want %s: the input was reordered", i, got, want)
		}
	}
	if r := Rank(scored); r[0].Listing.Rec.ID != "B-XM4" || scored[0].Listing.Rec.ID != "B-W1" {
		t.Errorf("Rank: best %s, input now starts with %s", r[0].Listing.Rec.ID, scored[0].Listing.Rec.ID)
	}
}

// TestReviewNotes: a review that no reason code names says what a person
// should check.
func TestReviewNotes(t *testing.T) {
	vs0 := testVocab(t)
	ssd := Record{ID: "B-970", Brand: "Samsung", Title: "SAMSUNG 970 EVO Plus SSD 1TB NVMe M.2 Internal Solid State Drive", Model: "MZ-V7S1T0B/AM"}
	offer := Prepare(&Record{ID: "o", Brand: "SAMSUNG", Title: "SSD 970 EVO PLUS 1TB M.2 NVME", Model: "MZ-V7S1T0B"}, vs0)
	if x, y, apart := partNumbersApart(offer, Prepare(&ssd, vs0)); apart {
		t.Errorf("%s against %s read as two part numbers: a region after a slash is no model letter", x, y)
	}
	vs := testVocab(t)
	s := NewScorer(DefaultConfig(), nil)
	for _, tc := range []struct {
		offer    Record
		listings []Record
		want     string // part of the note
		why      string
	}{
		{Record{ID: "o", Brand: "TEXAS INSTRUMENTS", Title: "TI-84 PLUS CE GRAPHING CALC ROSE GOLD", Color: "ROSE GOLD"}, []Record{ti84CE, ti84Plus},
			`an unlisted variant of B-TI84CE? the offer shares "ce" with it, which this listing lacks, and differs from it in color`, "the sibling and the word"},
		{Record{ID: "o", Brand: "DELL TECHNOLOGIES", Title: "DELL P2722HE 27IN FHD USB-C HUB MONITOR", Model: "P2722HE"},
			[]Record{{ID: "B-P2722H", Brand: "Dell", Title: "Dell P2722H 27 Inch Full HD (1920 x 1080) IPS Monitor, Black", Model: "P2722H", Color: "Black"}},
			"the part numbers differ by letters: P2722HE against P2722H", "two stated part numbers, one the other with a letter written on (was eligible, 0.92)"},
		{Record{ID: "o", Brand: "KLEIN TOOLS INC", Title: "KLEIN 9\" HIGH-LEVERAGE SIDE CUTTERS W/CRIMPER", Model: "D2000-9NECR"},
			[]Record{{ID: "B-D2000", Brand: "Klein Tools", Title: "Klein Tools D2000-9NE 9-Inch High-Leverage Side Cutting Pliers", Model: "D2000-9NE"}},
			"the part numbers differ by letters: D2000-9NECR against D2000-9NE", "letters written on a part number with a hyphen in it (was eligible, 0.995)"},
		{Record{ID: "o", Title: "DEFENDER SERIES CASE FOR IPHONE 15 BLACK"}, []Record{defender},
			"the offer names no brand: confirm it is OtterBox's", "no brand column, and OtterBox nowhere in the title"},
	} {
		offer := Prepare(&tc.offer, vs)
		var scored []Scored
		for _, r := range tc.listings {
			scored = append(scored, s.Score(offer, Prepare(&r, vs)))
		}
		res := Decide(offer, scored, DefaultConfig(), NewRules(Policy{}, Seller{}, vs))
		if res.Decision != Review || !strings.Contains(res.Note, tc.want) {
			t.Errorf("%s: %s, note %q; want review with %q (%s)", tc.offer.Title, res.Decision, res.Note, tc.want, tc.why)
		}
	}
}
