package followmatch

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestWritesRefreshTitleWeights: a listing compared before a write is
// weighed, after it, under the catalog as it now is: the same score as an
// engine opened afresh on the index.
func TestWritesRefreshTitleWeights(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	e, err := Open(ctx, dir, Options{ImageCacheDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	listing := &match.Record{ID: "L1", Brand: "Acme", Title: "Acme Zorblax Widget Pro Blue"}
	offer := &match.Record{ID: "O1", Brand: "Acme", Title: "Acme Zorblax Widget Blue"}
	if err := e.Upsert(ctx, listing, &match.Record{ID: "L2", Brand: "Other", Title: "Other Gadget"}); err != nil {
		t.Fatal(err)
	}
	before := e.Match(ctx, offer)
	// "zorblax" becomes common: its weight in L1's title falls.
	var more []*match.Record
	for i := range 50 {
		more = append(more, &match.Record{ID: fmt.Sprintf("Z%d", i), Brand: "Zed", Title: fmt.Sprintf("Zed Zorblax Case %d", i)})
	}
	if err := e.Upsert(ctx, more...); err != nil {
		t.Fatal(err)
	}
	after := e.Match(ctx, offer)
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	fresh, err := Open(ctx, dir, Options{ImageCacheDir: "-", ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	want := fresh.Match(ctx, offer)
	if after.Probability != want.Probability || after.ListingID != want.ListingID {
		t.Errorf("after the write: %s p=%v; a fresh engine: %s p=%v (before the write: p=%v)", after.ListingID, after.Probability, want.ListingID, want.Probability, before.Probability)
	}
	if title(after) == title(before) {
		t.Errorf("the title's evidence did not change with the catalog (%q)", title(after))
	}
}

func title(r match.Result) string {
	for _, c := range r.Comparisons {
		if c.Attribute == "title" {
			return c.Evidence
		}
	}
	return ""
}

// TestKnownProductsDecide: a config's known products (a person's labels,
// kept by tune) reach the matcher: an offer whose title reads like a labeled
// record of one listing's product is that listing, with the known step in
// its explanation; the same config without them leaves the step missing.
func TestKnownProductsDecide(t *testing.T) {
	ctx := context.Background()
	listings := []*match.Record{
		{ID: "L1", Brand: "Shimano", Title: "Shimano Deore XT M8000 11-speed cassette, 11-46T"},
		{ID: "L2", Brand: "Shimano", Title: "Shimano Deore XT M8100 12-speed cassette, 10-51T"},
	}
	offer := &match.Record{ID: "O1", Title: "Shimano XT CS-M8000 Kassette 11-46T"}
	known := []match.KnownProduct{
		{*listings[0], {ID: "k2", Title: "XT M8000 11 Speed Cassette 11-46"}},
		{*listings[1], {ID: "k4", Title: "XT M8100 12 Speed Cassette 10-51"}},
	}
	step := func(cfg *match.Config) match.Step {
		dir := filepath.Join(t.TempDir(), "idx")
		e, err := Open(ctx, dir, Options{ImageCacheDir: "-", Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		if err := e.Upsert(ctx, listings...); err != nil {
			t.Fatal(err)
		}
		ex, err := e.Explain(ctx, offer, "L1")
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ex.Waterfall.Steps {
			if s.Attribute == "known" {
				return s
			}
		}
		t.Fatal("no known step in the explanation")
		return match.Step{}
	}
	cfg := match.DefaultConfig()
	cfg.Weights["known"] = map[match.Level]float64{match.SameProduct: 3, match.OtherProducts: -2}
	without := step(cfg)
	cfg.Known = known
	with := step(cfg)
	if with.Level != match.SameProduct || with.Weight != 3 {
		t.Errorf("with known products: %+v, want same_product at +3", with.Comparison)
	}
	if without.Level != match.Missing {
		t.Errorf("without known products: %+v, want missing", without.Comparison)
	}
}
