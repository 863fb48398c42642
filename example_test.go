package followmatch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/match"
)

// Example opens a new index, adds two listings and decides an offer: the
// 2-pack offer is not the single listing, and the nearest listing says why.
func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "followmatch-example")
	defer os.RemoveAll(dir)

	e, err := followmatch.Open(ctx, filepath.Join(dir, "catalog.idx"), followmatch.Options{
		Policy:        match.Policy{RestrictedBrands: []string{"Anker"}, MinStock: 10},
		Seller:        match.Seller{AuthorizedBrands: []string{"Anker"}},
		ImageCacheDir: "-",
	})
	if err != nil {
		panic(err)
	}
	defer e.Close()
	err = e.Upsert(ctx,
		&match.Record{ID: "B01", Brand: "Anker", Title: "Anker PowerCore 10000 Portable Charger", Model: "A1263", GTINs: []string{"848061072549"}},
		&match.Record{ID: "B02", Brand: "Anker", Title: "Anker USB-C Cable 6 ft", Model: "A8866"},
	)
	if err != nil {
		panic(err)
	}
	stock := 40
	r := e.Match(ctx, &match.Record{ID: "SKU-1", Brand: "Anker", Title: "Anker PowerCore 10000", GTINs: []string{"0848061072549"}, Stock: &stock})
	fmt.Println(r.Decision, r.ListingID)
	r = e.Match(ctx, &match.Record{ID: "SKU-2", Brand: "Anker", Title: "Anker PowerCore 10000, 2-Pack", Model: "A1263", Stock: &stock})
	fmt.Println(r.Decision, r.Nearest.ListingID, r.Nearest.Mismatches)
	// Output:
	// eligible B01
	// no_match B01 [pack_count]
}

// ExampleEngine_MatchAs decides one offer for a seller other than the
// engine's default: without the brand's authorization it is blocked.
func ExampleEngine_MatchAs() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "followmatch-example")
	defer os.RemoveAll(dir)
	e, err := followmatch.Open(ctx, filepath.Join(dir, "catalog.idx"), followmatch.Options{
		Policy: match.Policy{RestrictedBrands: []string{"LEGO"}}, ImageCacheDir: "-",
	})
	if err != nil {
		panic(err)
	}
	defer e.Close()
	e.Upsert(ctx, &match.Record{ID: "B10", Brand: "LEGO", Title: "LEGO Classic Medium Creative Brick Box 10696", Model: "10696"})
	offer := &match.Record{ID: "SKU-9", Brand: "LEGO", Title: "LEGO Classic Creative Brick Box 10696", Model: "10696"}
	fmt.Println(e.MatchAs(ctx, offer, match.Seller{}).Reasons)
	fmt.Println(e.MatchAs(ctx, offer, match.Seller{AuthorizedBrands: []string{"lego"}}).Decision)
	// Output:
	// [brand_authorization_required]
	// eligible
}

// ExampleEngine_Explain shows the evidence behind a decision: each
// attribute's level and weight, adding up from the prior.
func ExampleEngine_Explain() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "followmatch-example")
	defer os.RemoveAll(dir)
	e, _ := followmatch.Open(ctx, filepath.Join(dir, "catalog.idx"), followmatch.Options{ImageCacheDir: "-"})
	defer e.Close()
	e.Upsert(ctx, &match.Record{ID: "B01", Brand: "Sony", Title: "Sony WH-1000XM4 Headphones", Model: "WH-1000XM4", Color: "Black"})
	ex, err := e.Explain(ctx, &match.Record{ID: "SKU-3", Brand: "Sony", Title: "Sony WH-1000XM4 Headphones", Model: "WH1000XM4", Color: "Silver"}, "B01")
	if err != nil {
		panic(err)
	}
	for _, st := range ex.Waterfall.Steps {
		if st.Level != match.Missing {
			fmt.Printf("%s %s %+.1f veto=%v\n", st.Attribute, st.Level, st.Weight, st.Veto)
		}
	}
	fmt.Println(ex.Result.Decision, ex.Result.Nearest.Mismatches)
	// Output:
	// brand exact +2.0 veto=false
	// title exact +6.5 veto=false
	// model long_exact +8.0 veto=false
	// color conflict -5.0 veto=true
	// type same +0.0 veto=false
	// rare common_shared +0.0 veto=false
	// containment same_words +0.0 veto=false
	// no_match [color]
}

// ExampleEngine_MatchStream decides a stream of offers with two workers;
// results come back in input order, a row that could not be read as an
// error result in its place.
func ExampleEngine_MatchStream() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "followmatch-example")
	defer os.RemoveAll(dir)
	e, _ := followmatch.Open(ctx, filepath.Join(dir, "catalog.idx"), followmatch.Options{ImageCacheDir: "-"})
	defer e.Close()
	e.Upsert(ctx, &match.Record{ID: "B01", Brand: "Anker", Title: "Anker PowerCore 10000 Portable Charger", Model: "A1263"})
	jobs := make(chan match.Job)
	go func() {
		defer close(jobs)
		jobs <- match.Job{Offer: &match.Record{ID: "SKU-1", Brand: "Anker", Title: "Anker PowerCore 10000 A1263"}}
		jobs <- match.Job{ID: "SKU-2", Err: fmt.Errorf("offers.csv row 3, field stock: \"lots\" is not an integer")}
		jobs <- match.Job{Offer: &match.Record{ID: "SKU-3", Brand: "Weber", Title: "Weber Spirit gas grill"}}
	}()
	e.MatchStream(ctx, jobs, 2, func(r match.Result) error {
		fmt.Println(strings.TrimSpace(r.OfferID + " " + string(r.Decision) + " " + r.ListingID))
		return nil
	})
	// Output:
	// SKU-1 eligible B01
	// SKU-2 error
	// SKU-3 no_match
}

// ExampleEngine_Trace shows what retrieval found for an offer and how each
// candidate scored, best first: what catalog-mode evaluation reads.
func ExampleEngine_Trace() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "followmatch-example-")
	defer os.RemoveAll(dir)
	e, _ := followmatch.Open(ctx, filepath.Join(dir, "catalog.idx"), followmatch.Options{ImageCacheDir: "-"})
	defer e.Close()
	e.Upsert(ctx,
		&match.Record{ID: "B01", Brand: "FIJI", Title: "FIJI Natural Artesian Water, 500 mL", Size: "500 ml"},
		&match.Record{ID: "B24", Brand: "FIJI", Title: "FIJI Natural Artesian Water, 500 mL, Pack of 24", Size: "500 ml", PackCount: 24})
	t, err := e.Trace(ctx, &match.Record{ID: "SKU-5", Brand: "FIJI", Title: "FIJI WATER 24/500ML"}, "")
	if err != nil {
		panic(err)
	}
	for _, s := range t.Scored {
		fmt.Println(s.Listing.Rec.ID, s.Vetoes)
	}
	fmt.Println(t.Result.Decision, t.Result.ListingID)
	// Output:
	// B24 []
	// B01 [pack_count]
	// eligible B24
}

// ExampleEngine_WithConfig decides one offer under two configs on one
// index: a stricter match threshold turns an eligible offer into a review.
func ExampleEngine_WithConfig() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "followmatch-example")
	defer os.RemoveAll(dir)
	e, err := followmatch.Open(ctx, filepath.Join(dir, "catalog.idx"), followmatch.Options{ImageCacheDir: "-"})
	if err != nil {
		panic(err)
	}
	defer e.Close()
	e.Upsert(ctx, &match.Record{ID: "B20", Brand: "Philips", Title: "Philips Sonicare 4100 Electric Toothbrush White"})
	offer := &match.Record{ID: "SKU-4", Brand: "Philips", Title: "Sonicare 4100 Toothbrush"}
	strict := match.DefaultConfig()
	strict.MatchThreshold = 0.999999
	s, err := e.WithConfig(strict)
	if err != nil {
		panic(err)
	}
	fmt.Println(e.Match(ctx, offer).Decision, s.Match(ctx, offer).Decision)
	// Output:
	// eligible review
}

// ExampleEngine_Calibrated moves a pooled default's thresholds to a
// catalog before deciding it: the offers that share a code with a listing
// (its anchors) say how much the rest of its records agree.
func ExampleEngine_Calibrated() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "followmatch-example")
	defer os.RemoveAll(dir)
	cfg := match.DefaultConfig()
	// As a pooled fit writes it: its catalogs' anchors carried 9 bits
	// beside their codes; these carry 6 (a brand and a title that agree).
	cfg.Calibration = &match.Calibration{AnchorRest: 9, MinAnchors: 3, MaxShift: 4}
	e, err := followmatch.Open(ctx, filepath.Join(dir, "catalog.idx"), followmatch.Options{Config: cfg, ImageCacheDir: "-"})
	if err != nil {
		panic(err)
	}
	defer e.Close()
	var offers []*match.Record
	for i, code := range []string{"HR-3100", "HR-3200", "HR-3300", "HR-3400"} {
		e.Upsert(ctx, &match.Record{ID: fmt.Sprint("B", i), Brand: "Acme", Title: "Acme Garden Hose Reel with Wall Bracket " + code, Model: code})
		offers = append(offers, &match.Record{ID: fmt.Sprint("SKU-", i), Brand: "Acme", Title: "ACME REEL " + code})
	}
	moved, shift, err := e.Calibrated(ctx, offers)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%v %d %+.1f\n", shift.Applied, shift.Anchors, shift.Bits)
	fmt.Println(moved.Config().MatchThreshold < e.Config().MatchThreshold)
	// Output:
	// true 4 -3.0
	// true
}
