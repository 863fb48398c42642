package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// BenchmarkCandidates retrieves candidates for offers whose titles drop a
// word from a listing's, over an index of 20,000 listings of 40 brands
// (Zipf-like: the first brands hold most), one segment as after a bulk
// build.
func BenchmarkCandidates(b *testing.B) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"Pro", "Max", "Lite", "Ultra", "Classic", "Sport", "Elite", "Prime", "Plus", "Go"}
	nouns := []string{"Wireless Headphones", "Travel Mug", "Garden Hose", "Chef Knife", "Water Bottle", "Yoga Mat", "Desk Lamp", "Coffee Beans"}
	colors := []string{"Black", "White", "Red", "Blue", "Green", "Gray"}
	var recs []*match.Record
	for i := range 20000 {
		brand := fmt.Sprintf("Brand%d", int(40*r.Float64()*r.Float64()))
		title := fmt.Sprintf("%s %s %d %s %s", brand, words[r.IntN(len(words))], 10+r.IntN(90), nouns[r.IntN(len(nouns))], colors[r.IntN(len(colors))])
		rec := &match.Record{ID: fmt.Sprintf("L%05d", i), Brand: brand, Title: title}
		if i%3 == 0 {
			rec.Model = fmt.Sprintf("XK-%05d", i)
		}
		recs = append(recs, rec)
	}
	dir := filepath.Join(b.TempDir(), "bench.idx")
	ix, err := Create(dir, vs)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	w, err := ix.NewWriter(5000)
	if err != nil {
		b.Fatal(err)
	}
	ch := make(chan *match.Record)
	go func() {
		defer close(ch)
		for _, rec := range recs {
			ch <- rec
		}
	}()
	if _, err := w.PutAll(context.Background(), ch, nil, 2, nil); err != nil {
		b.Fatal(err)
	}
	if err := w.Compact(context.Background()); err != nil {
		b.Fatal(err)
	}
	offers := make([]*match.Item, 500)
	for i := range offers {
		f := strings.Fields(recs[r.IntN(len(recs))].Title)
		drop := 1 + r.IntN(len(f)-1)
		f = append(f[:drop], f[drop+1:]...)
		offers[i] = match.Prepare(&match.Record{ID: fmt.Sprint(i), Title: strings.Join(f, " ")}, vs)
	}
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		if _, err := ix.Candidates(ctx, offers[i%len(offers)], 20); err != nil {
			b.Fatal(err)
		}
	}
}
