package eval

import (
	"hash/fnv"

	"github.com/followmatch/followmatch/match"
)

// Linked is one offer's candidates as a catalog run scored them: the
// material of a self-supervised dataset.
type Linked struct {
	Offer *match.Record
	// Scored are the offer's candidates (match.Trace).
	Scored []match.Scored
}

// LinkedCounts says what a self-supervised dataset was made of.
type LinkedCounts struct {
	Offers    int // offers read
	WithGTIN  int // offers whose GTIN names exactly one candidate listing
	Positives int // offer-listing pairs linked by a shared valid GTIN
	Negatives int // candidates whose valid GTIN differs from the offer's
}

// LinkedDataset makes a labeled-pair dataset from a catalog run without
// labels: an offer whose valid GTIN names exactly one candidate listing is
// a match of it, and every candidate whose valid GTIN differs is a
// non-match (a hard one: retrieval found it alike). Offers are split by a
// hash of their id, 60% train, 20% valid, 20% test, so that one offer's
// pairs stay together. Tune on it with the gtin attribute ablated: the
// links are the GTIN's, and the weights must decide without one.
func LinkedDataset(name string, linked []Linked) (*Dataset, LinkedCounts) {
	ds := &Dataset{Name: name, A: map[string]*match.Record{}, B: map[string]*match.Record{}, splits: map[string][]Pair{}}
	var c LinkedCounts
	for _, l := range linked {
		c.Offers++
		var pos []*match.Record
		var neg []*match.Record
		for _, s := range l.Scored {
			switch gtinLevel(s) {
			case match.Exact:
				pos = append(pos, s.Listing.Rec)
			case match.Conflict:
				neg = append(neg, s.Listing.Rec)
			}
		}
		if len(pos) != 1 {
			continue // no link, or several listings of one GTIN
		}
		c.WithGTIN++
		split := splitOf(l.Offer.ID)
		ds.A[l.Offer.ID] = l.Offer
		add := func(r *match.Record, m bool) {
			if _, ok := ds.B[r.ID]; !ok {
				ds.B[r.ID] = r
				ds.BOrder = append(ds.BOrder, r.ID)
			}
			ds.splits[split] = append(ds.splits[split], Pair{A: l.Offer.ID, B: r.ID, Match: m})
		}
		add(pos[0], true)
		c.Positives++
		for _, r := range neg {
			add(r, false)
			c.Negatives++
		}
	}
	for _, s := range []string{"train", "valid", "test"} {
		if ds.splits[s] == nil {
			ds.splits[s] = []Pair{}
		}
	}
	return ds, c
}

// gtinLevel is the level of a scored pair's gtin comparison.
func gtinLevel(s match.Scored) match.Level {
	for _, c := range s.Comparisons {
		if c.Attribute == "gtin" {
			return c.Level
		}
	}
	return match.Missing
}

// splitOf puts an offer in train, valid or test by a hash of its id.
func splitOf(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	switch n := h.Sum32() % 10; {
	case n < 6:
		return "train"
	case n < 8:
		return "valid"
	}
	return "test"
}
