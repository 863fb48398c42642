package match

import (
	"fmt"
	"math"
	"slices"
	"sync"
)

// The known levels: where two records stand among the products a person's
// labels name.
const (
	// SameProduct: each record resembles, by the matcher's own evidence, a
	// record of one known product.
	SameProduct Level = "same_product"
	// OtherProducts: each resembles a record of a known product, and they
	// are two.
	OtherProducts Level = "other_products"
)

// knownAttribute is what a person's labels say of two records: the labeled
// pairs that are one item make known products (Config.Known), and a record
// the matcher would match to one of a product's records is of that
// product. Two records of one known product are one item by way of the
// labels, even where their own titles read apart (two shops' wordings of a
// product a third shop's offer links); two of two known products are
// siblings the labels tell apart. A record like none of them (a product
// the labels never saw) says nothing: the level is missing, so a catalog
// of new products is judged as without labels.
//
// It is not compared pair by pair: Scorer.Know (a matcher's candidates)
// and KnownOutcome (a batch of pairs, eval) set it once every pair is
// scored.
// The hand-set weights are 0; tune fits them on valid pairs with the match
// threshold held where it was without them (a threshold chosen with them
// would move for the records of new products too, which they leave alone).
func knownAttribute() Attribute {
	return Attribute{
		Name:     "known",
		relative: true,
		Levels: []LevelSpec{
			{Level: SameProduct, Weight: 0, Direction: For, Why: "both records like one product a person's labels name: silent until tune fits it"},
			{Level: OtherProducts, Weight: 0, Direction: Against, Why: "the records like two products the labels tell apart: silent until tune fits it"},
			{Level: Missing},
		},
		compare: func(_, _ *Item, _ *Env) Outcome { return missing("", "") },
	}
}

// KnownProduct is one product a person's labels name: the records labeled
// one item (a record labeled only apart from others is a product of its
// own).
type KnownProduct []Record

// Known holds the known products' records prepared, for placing a record
// among them. It is safe for concurrent use.
type Known struct {
	items   []*Item
	product []int
	// keys maps a title key to the known records that have it, and idf
	// weighs a key by its rarity among them: the shortlist a record is
	// scored against.
	keys map[string][]int32
	idf  map[string]float64
	// placed caches listings' placements (placedListing) by listing id: a
	// bulk run meets each candidate listing many times.
	placed sync.Map
	// pool holds the shortlist's per-record sums, all zero between uses.
	pool sync.Pool
}

// knownShortlist is how many known records, the most alike by shared rare
// title keys, a record is scored against: 6 and 12 placed as well (WDC
// Products seen 75.9 and 76.1, half-seen 74.3 and 73.6 under one config),
// and 6 matched 1,326 offers/s in catalog mode where 12 matched 1,173.
const knownShortlist = 6

// NewKnown prepares the known products' records.
func NewKnown(products []KnownProduct, vs *Vocabularies) *Known {
	k := &Known{keys: map[string][]int32{}, idf: map[string]float64{}}
	for p, recs := range products {
		for i := range recs {
			it := Prepare(&recs[i], vs)
			n := int32(len(k.items))
			k.items = append(k.items, it)
			k.product = append(k.product, p)
			for _, key := range it.TitleKeys() { // distinct
				k.keys[key] = append(k.keys[key], n)
			}
		}
	}
	// Not the title comparison's IDF: its +1 floor flattens the contrast
	// between rare and common keys that the shortlist ranks by (with it,
	// tuned WDC Block moved 71.46 -> 71.52: another shortlist).
	for key, ids := range k.keys {
		k.idf[key] = math.Log(float64(len(k.items)+1) / float64(len(ids)))
	}
	n := len(k.items)
	k.pool.New = func() any {
		s := make([]float64, n)
		return &s
	}
	return k
}

// KnownOf prepares the config's known products, or returns nil when it
// names none.
func KnownOf(cfg *Config, vs *Vocabularies) *Known {
	if len(cfg.Known) == 0 {
		return nil
	}
	return NewKnown(cfg.Known, vs)
}

// Placement is where a record stands among the known products: the
// product whose record it resembles most and the matcher's total (bits)
// against that record. Product is -1 when it resembles none well enough
// to be matched to it.
type Placement struct {
	Product int
	Total   float64
	// Like is the title of the known record it resembles most.
	Like string
}

// Place returns the record's placement under s: the known records that
// share the most rare title keys with it are scored against it (it as the
// offer, or as the listing when asListing), and it is of the best one's
// product when that pair reaches s's match threshold.
func (k *Known) Place(s *Scorer, it *Item, asListing bool) Placement {
	none := Placement{Product: -1}
	if k == nil || len(k.items) == 0 || it == nil {
		return none
	}
	short := k.shortlist(it)
	best, bestTotal := int32(-1), math.Inf(-1)
	for _, n := range short {
		var sc Scored
		if asListing {
			sc = s.Score(k.items[n], it)
		} else {
			sc = s.Score(it, k.items[n])
		}
		if len(sc.Vetoes) > 0 {
			continue
		}
		if sc.Total > bestTotal {
			best, bestTotal = n, sc.Total
		}
	}
	if best < 0 || bestTotal < Log2Odds(s.cfg.MatchThreshold) {
		return none
	}
	return Placement{Product: k.product[best], Total: bestTotal, Like: k.items[best].Rec.Title}
}

// shortlist returns the known records that share the most rare title keys
// with it (knownShortlist at most, the most alike first; ties by record
// order).
func (k *Known) shortlist(it *Item) []int32 {
	acc := k.pool.Get().(*[]float64)
	defer k.pool.Put(acc)
	sum := *acc
	var touched []int32
	for _, key := range it.TitleKeys() { // distinct: each counts once
		w := k.idf[key]
		for _, n := range k.keys[key] {
			if sum[n] == 0 {
				touched = append(touched, n)
			}
			sum[n] += w
		}
	}
	var top []int32
	for _, n := range touched {
		at := len(top)
		for at > 0 && (sum[n] > sum[top[at-1]] || sum[n] == sum[top[at-1]] && n < top[at-1]) {
			at--
		}
		if at < knownShortlist {
			top = slices.Insert(top, at, n)
			if len(top) > knownShortlist {
				top = top[:knownShortlist]
			}
		}
	}
	for _, n := range touched {
		sum[n] = 0
	}
	return top
}

// placedListing is a listing's cached placement and the title it was
// placed by.
type placedListing struct {
	title string
	at    Placement
}

// placeListing is Place for a listing, cached by its id: placed again when
// its title has changed since (a catalog written to while it is matched).
func (k *Known) placeListing(s *Scorer, l *Item) Placement {
	id := l.Rec.ID
	if v, ok := k.placed.Load(id); ok && v.(placedListing).title == l.Rec.Title {
		return v.(placedListing).at
	}
	p := k.Place(s, l, true)
	k.placed.Store(id, placedListing{l.Rec.Title, p})
	return p
}

// KnownOutcome is the known comparison of an offer and a listing placed at
// a and b: the titles they are like, shown as the two values.
func KnownOutcome(a, b Placement) Outcome {
	o := Outcome{Attribute: "known", Level: Missing}
	if a.Product < 0 || b.Product < 0 {
		return o
	}
	o.A, o.B = clip(a.Like), clip(b.Like)
	what := "like records of two labeled products"
	if a.Product == b.Product {
		o.Level, what = SameProduct, "each like a record of one labeled product"
	} else {
		o.Level = OtherProducts
	}
	o.Evidence = fmt.Sprintf("%s (%+.1f and %+.1f bits)", what, a.Total, b.Total)
	return o
}

// clip shortens a title shown as evidence.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// Know sets the known comparison of each of one offer's scored candidates
// (not vetoed), adding its weight to the candidate's total and
// probability: the offer is placed once, each listing once per Known. It
// does nothing when k is nil or the config weighs neither level.
func (s *Scorer) Know(k *Known, offer *Item, scored []Scored) {
	ki := s.known
	if k == nil || ki < 0 || len(scored) == 0 {
		return
	}
	same := s.level(ki, &Outcome{Attribute: "known", Level: SameProduct}).weight
	apart := s.level(ki, &Outcome{Attribute: "known", Level: OtherProducts}).weight
	if same == 0 && apart == 0 {
		return
	}
	a := k.Place(s, offer, false)
	if a.Product < 0 {
		return
	}
	// A candidate too far behind the best to reach it, or come within the
	// ambiguity margin of it, whatever the labels say of both is not
	// placed: it cannot change the decision, and placing a listing costs
	// a few scored pairs.
	best := math.Inf(-1)
	for i := range scored {
		if len(scored[i].Vetoes) == 0 {
			best = math.Max(best, scored[i].Total)
		}
	}
	reach := best + math.Min(0, apart) - math.Max(0, same) - s.cfg.AmbiguityMargin
	for i := range scored {
		sc := &scored[i]
		if len(sc.Vetoes) > 0 || sc.Listing == nil || ki >= len(sc.Comparisons) || sc.Comparisons[ki].Attribute != "known" || sc.Total < reach {
			continue
		}
		o := KnownOutcome(a, k.placeListing(s, sc.Listing))
		if o.Level == Missing {
			continue
		}
		w := s.level(ki, &o).weight
		c := &sc.Comparisons[ki]
		c.Level, c.Weight, c.Offer, c.Listing, c.Evidence = o.Level, w, o.A, o.B, o.Evidence
		// Not a standing: labels name the item, and break a tie between
		// two listings the offer alone cannot choose between.
		sc.Total += w
		sc.Probability = Probability(sc.Total)
		sc.Closeness = sc.Probability
	}
}
