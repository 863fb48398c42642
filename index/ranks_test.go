package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// bulkTied builds, in batches and merged, an index of 300 listings of one
// brand whose titles tie for an offer naming the brand and the kind only,
// in id order unlike the input's; it returns the directory.
func bulkTied(t *testing.T, vs *match.Vocabularies) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tied.idx")
	ix, err := Create(dir, vs)
	if err != nil {
		t.Fatal(err)
	}
	w, err := ix.NewWriter(40)
	if err != nil {
		t.Fatal(err)
	}
	recs := make(chan *match.Record)
	go func() {
		defer close(recs)
		for i := range 300 {
			j := (i * 7919) % 300 // ids not in input order
			recs <- &match.Record{ID: fmt.Sprintf("T%03d", j), Brand: "Zenfy", Title: fmt.Sprintf("Zenfy Kettle Z%03d", j)}
		}
	}()
	if _, err := w.PutAll(context.Background(), recs, nil, 2, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRanksSettleTiesAsIDs: a merged bulk build writes the id order of its
// listings, and the candidates tied at the K-th place are the same with it,
// without it and with it damaged: the lowest ids.
func TestRanksSettleTiesAsIDs(t *testing.T) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	dir := bulkTied(t, vs)
	path := filepath.Join(dir, ranksFile)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no %s after Compact: %v", ranksFile, err)
	}
	offer := match.Prepare(&match.Record{ID: "o", Brand: "Zenfy", Title: "Zenfy Kettle"}, vs)
	candidates := func(why string) []string {
		ix, err := Open(dir, vs, true)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		cands, err := ix.Candidates(context.Background(), offer, 10)
		if err != nil {
			t.Fatal(err)
		}
		got := ids(cands)
		slices.Sort(got)
		t.Logf("%s: %v (ranks read: %v)", why, got, ix.idRanks() != nil)
		return got
	}
	want := []string{"T000", "T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009"}
	if got := candidates("with ranks"); !reflect.DeepEqual(got, want) {
		t.Errorf("with the ranks file: %v, want the ten lowest ids %v", got, want)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0xff
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := candidates("damaged ranks"); !reflect.DeepEqual(got, want) {
		t.Errorf("with the ranks file damaged: %v, want %v", got, want)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if got := candidates("no ranks"); !reflect.DeepEqual(got, want) {
		t.Errorf("without the ranks file: %v, want %v", got, want)
	}
}

// tiedAfter builds bulkTied's index, changes it through a writer and
// returns it (closed when the test ends) with the sorted ids of its three
// candidates for "Zenfy Kettle".
func tiedAfter(t *testing.T, change func(*Writer) error) (*Index, []string) {
	t.Helper()
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(bulkTied(t, vs), vs, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	w, err := ix.NewWriter(10)
	if err != nil {
		t.Fatal(err)
	}
	if err := change(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	offer := match.Prepare(&match.Record{ID: "o", Brand: "Zenfy", Title: "Zenfy Kettle"}, vs)
	cands, err := ix.Candidates(context.Background(), offer, 3)
	if err != nil {
		t.Fatal(err)
	}
	got := ids(cands)
	slices.Sort(got)
	return ix, got
}

// TestRanksOfOneSegmentOnly: a listing added after the bulk build lives in
// another segment; ties that reach it are settled by id.
func TestRanksOfOneSegmentOnly(t *testing.T) {
	_, got := tiedAfter(t, func(w *Writer) error {
		return w.Put(&match.Record{ID: "A000", Brand: "Zenfy", Title: "Zenfy Kettle A000"})
	})
	if want := []string{"A000", "T000", "T001"}; !reflect.DeepEqual(got, want) {
		t.Errorf("candidates %v, want %v (the new listing's id comes first)", got, want)
	}
}

// TestRanksAfterDelete: a listing deleted from the ranked segment leaves
// the order of the others usable, and the candidates are still the lowest
// ids among the listings left.
func TestRanksAfterDelete(t *testing.T) {
	ix, got := tiedAfter(t, func(w *Writer) error { return w.Delete("T001") })
	snap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	s := newSearcher(snap, ix.idRanks())
	snap.DecRef()
	if s.ranked < 0 {
		t.Error("the ranks are no longer used after a deletion")
	}
	if want := []string{"T000", "T002", "T003"}; !reflect.DeepEqual(got, want) {
		t.Errorf("candidates %v, want %v", got, want)
	}
}
