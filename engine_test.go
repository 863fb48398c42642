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
