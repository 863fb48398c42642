package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestTopKSettlesTiesByID: whatever positions the listings hold (they
// differ between builds of one catalog) and whatever order they arrive in,
// the k best are the same listings: ties at the k-th score go to the lowest
// listing ids.
func TestTopKSettlesTiesByID(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	scores := []float64{9, 7, 7, 5, 5, 5, 5, 5, 3, 3, 1}
	tests := []struct {
		k    int
		want []string
		why  string
	}{
		{1, []string{"L00"}, "no tie"},
		{2, []string{"L00", "L01"}, "the tie at 7 goes to the lower id"},
		{3, []string{"L00", "L01", "L02"}, "both 7s fit"},
		{5, []string{"L00", "L01", "L02", "L03", "L04"}, "two of five 5s, the lowest ids"},
		{11, nil, "everything fits"},
	}
	for _, tt := range tests {
		for trial := range 50 {
			// Listing i scores scores[i]; its position is random.
			pos := r.Perm(len(scores))
			ids := map[hit]string{}
			var hits []hit
			for i, sc := range scores {
				h := hit{seg: pos[i] % 3, num: uint64(pos[i]), score: sc}
				ids[hit{seg: h.seg, num: h.num}] = fmt.Sprintf("L%02d", i)
				hits = append(hits, h)
			}
			r.Shuffle(len(hits), func(i, j int) { hits[i], hits[j] = hits[j], hits[i] })
			top := topK{k: tt.k}
			for _, h := range hits {
				top.add(h)
			}
			id := func(h hit) ([]byte, error) { return []byte(ids[hit{seg: h.seg, num: h.num}]), nil }
			// Half the trials know the id order of the listings of
			// segment 0 (ranks.go): the same listings come out.
			rank := func(h hit) (uint32, bool) {
				if trial%2 == 0 || h.seg != 0 {
					return 0, false
				}
				i, _ := strconv.Atoi(strings.TrimPrefix(ids[hit{seg: h.seg, num: h.num}], "L"))
				return uint32(i), true
			}
			got, err := top.settle(id, rank)
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs []string
			for i, h := range got {
				gotIDs = append(gotIDs, ids[hit{seg: h.seg, num: h.num}])
				if i > 0 && h.score > got[i-1].score {
					t.Fatalf("k=%d: not best first: %v", tt.k, got)
				}
			}
			want := tt.want
			if want == nil {
				for i := range scores {
					want = append(want, fmt.Sprintf("L%02d", i))
				}
			}
			slices.Sort(gotIDs)
			if !slices.Equal(gotIDs, want) {
				t.Fatalf("k=%d trial %d: %v, want %v (%s)", tt.k, trial, gotIDs, want, tt.why)
			}
		}
	}
}

// TestCandidatesSameAcrossBuilds: two builds of one catalog (other batch
// sizes, one merged into a segment) give every offer the same candidates,
// although the listings' positions differ and most offers tie at the K-th
// score (many listings of a brand share the offer's words).
func TestCandidatesSameAcrossBuilds(t *testing.T) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"Pro", "Max", "Lite", "Ultra", "Classic", "Sport"}
	nouns := []string{"Travel Mug", "Garden Hose", "Chef Knife", "Water Bottle", "Desk Lamp"}
	var recs []match.Record
	for i := range 1500 {
		brand := fmt.Sprintf("Brand%d", r.IntN(6))
		title := fmt.Sprintf("%s %s %s %d", brand, words[r.IntN(len(words))], nouns[r.IntN(len(nouns))], 10+r.IntN(5))
		recs = append(recs, match.Record{ID: fmt.Sprintf("L%05d", i), Brand: brand, Title: title})
	}
	build := func(batch int, compact bool) *Index {
		ix, err := Create(filepath.Join(t.TempDir(), "x.idx"), vs)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		w, err := ix.NewWriter(batch)
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range r.Perm(len(recs)) {
			if err := w.Put(&recs[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if compact {
			if err := w.Compact(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		return ix
	}
	a, b := build(97, false), build(500, true)
	ctx := context.Background()
	for i := range 150 {
		f := strings.Fields(recs[r.IntN(len(recs))].Title)
		offer := match.Prepare(&match.Record{ID: fmt.Sprint(i), Title: strings.Join(f[:len(f)-1], " ")}, vs)
		ca, err := a.Candidates(ctx, offer, 10)
		if err != nil {
			t.Fatal(err)
		}
		cb, err := b.Candidates(ctx, offer, 10)
		if err != nil {
			t.Fatal(err)
		}
		ga, gb := ids(ca), ids(cb)
		slices.Sort(ga)
		slices.Sort(gb)
		if !slices.Equal(ga, gb) {
			t.Fatalf("offer %q: candidates %v in one build, %v in the other", offer.Rec.Title, ga, gb)
		}
	}
}
