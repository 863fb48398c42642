package index

import (
	"context"
	"reflect"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestStoredFeatures: a listing read from the index is the listing
// prepared from its record, whether its stored features are read (this
// program wrote them) or not (another program did, or none are stored).
func TestStoredFeatures(t *testing.T) {
	dir, vs := build(t)
	for _, tt := range []struct {
		name     string
		writer   string
		readsOwn bool
	}{
		{"written by this program", "", true},
		{"written by another program", "another build/\x00", false},
	} {
		ix, err := Open(dir, vs, true)
		if err != nil {
			t.Fatal(err)
		}
		if tt.writer != "" {
			ix.writerOnce.Do(func() {})
			ix.writer = tt.writer
		}
		for i := range listings {
			rec := listings[i]
			got, err := ix.Listing(context.Background(), rec.ID)
			if err != nil {
				t.Fatalf("%s: %s: %v", tt.name, rec.ID, err)
			}
			if want := match.Prepare(&rec, vs); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s read from the index differs from the prepared record", tt.name, rec.ID)
			}
		}
		// The stored features are used only when this program wrote them.
		snap, err := ix.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		s := newSearcher(snap, nil)
		var feat string
		if err := s.segs[0].VisitDocument(0, func(field string, _ byte, value []byte, _ []uint64) bool {
			if field == fFeatures {
				feat = string(value)
			}
			return true
		}); err != nil {
			t.Fatal(err)
		}
		snap.DecRef()
		it, err := ix.readFeatures(&match.Record{ID: "x"}, feat)
		if err != nil || (it != nil) != tt.readsOwn {
			t.Errorf("%s: stored features read: %v (%v), want %v", tt.name, it != nil, err, tt.readsOwn)
		}
		ix.Close()
	}
}
