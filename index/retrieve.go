package index

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/followmatch/followmatch/match"
)

// A query is what Candidates asks of the index for one offer: a
// disjunction of weighted terms and scoped groups, ranked like Bleve's
// TF-IDF disjunction (the sum of the matched clauses' weights, times the
// share of clauses matched), plus every listing sharing one of the GTINs.
//
// It runs on the segments' posting bitmaps rather than through Bleve's
// searchers: the terms are rare by construction, and a scoped group is a
// few bitmap intersections, where a conjunction searcher would step
// through one posting at a time (a third of the matching time at 1M
// listings, profiled).
type query struct {
	terms  []qterm
	groups []group
}

// qterm is one term of a query with its weight: boost × idf².
type qterm struct {
	field, term string
	weight      float64
}

// group matches the listings that hold scope and at least one of rest; it
// scores scope's weight plus the matched rest weights times their share.
type group struct {
	scope qterm
	rest  []qterm
}

func (q *query) clauses() int { return len(q.terms) + len(q.groups) }

// weigh returns the query term for a term with document frequency df among
// n listings, weighted like Bleve's TF-IDF term score.
func weigh(field, term string, df, n uint64, boost float64) qterm {
	idf := 1 + math.Log(float64(n)/float64(df+1))
	return qterm{field: field, term: term, weight: boost * idf * idf}
}

// hit is a listing found by a query: its segment, document number there,
// and score.
type hit struct {
	seg   int
	num   uint64
	score float64
}

// snapshot returns the current index snapshot with a reference the caller
// releases with DecRef.
func (ix *Index) snapshot() (*scorch.IndexSnapshot, error) {
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer ix.readerMu.RUnlock()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("index: %s: not a scorch index", ix.dir)
	}
	snap.AddRef()
	return snap, nil
}

// searcher runs queries on one snapshot; not safe for concurrent use.
type searcher struct {
	segs  []*scorch.SegmentSnapshot
	dicts []map[string]segment.TermDictionary
	// ranks order the listings of one segment by id (ranks.go), and
	// ranked holds which of segs that is (-1: none).
	ranks  *idRanks
	ranked int
}

func newSearcher(snap *scorch.IndexSnapshot, ranks *idRanks) *searcher {
	segs := snap.Segments()
	s := &searcher{segs: segs, dicts: make([]map[string]segment.TermDictionary, len(segs)), ranks: ranks, ranked: -1}
	for i, seg := range segs {
		if ranks.covers(seg) {
			s.ranked = i
			break
		}
	}
	return s
}

// rank returns a hit's place among its segment's listings in the order of
// their ids, when the index knows it.
func (s *searcher) rank(h hit) (uint32, bool) {
	if h.seg != s.ranked {
		return 0, false
	}
	return s.ranks.rank[h.num], true
}

// postings returns the live listings of segment seg that hold term in
// field. The bitmap may be shared with the segment: callers do not modify
// it.
func (s *searcher) postings(seg int, field, term string) (*roaring.Bitmap, error) {
	ss := s.segs[seg]
	if s.dicts[seg] == nil {
		s.dicts[seg] = map[string]segment.TermDictionary{}
	}
	dict, ok := s.dicts[seg][field]
	if !ok {
		d, err := ss.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		s.dicts[seg][field] = d
		dict = d
	}
	if dict == nil {
		return nil, nil
	}
	pl, err := dict.PostingsList([]byte(term), ss.Deleted(), nil)
	if err != nil || pl == nil {
		return nil, err
	}
	it := pl.Iterator(false, false, false, nil)
	if opt, ok := it.(segment.OptimizablePostingsIterator); ok {
		if bm := opt.ActualBitmap(); bm != nil {
			return bm, nil
		}
		if n, ok := opt.DocNum1Hit(); ok {
			return roaring.BitmapOf(uint32(n)), nil
		}
		return nil, nil
	}
	// Another segment format: walk the postings.
	bm := roaring.New()
	for {
		p, err := it.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			return bm, nil
		}
		bm.Add(uint32(p.Number()))
	}
}

// acc accumulates a listing's score over a query's clauses.
type acc struct {
	score   float64
	matched int
}

// accs are the listings of one segment a query has matched so far.
type accs map[uint32]acc

// maxAccsHint bounds the room made for a query's matches in advance.
const maxAccsHint = 1 << 14

// add counts a clause of weight w for every listing of bm.
func (m accs) add(bm *roaring.Bitmap, w float64) {
	it := bm.Iterator()
	for it.HasNext() {
		d := it.Next()
		a := m[d]
		a.score += w
		a.matched++
		m[d] = a
	}
}

// run returns the k best listings for q, best first (ties at the k-th
// place settled by listing id, so that every build of one catalog gives the
// same candidates), followed by up to maxShare more listings that share one of
// q's GTIN terms.
func (s *searcher) run(ctx context.Context, q *query, k, maxShare int) ([]hit, error) {
	var share []hit
	best := topK{k: k}
	for seg := range s.segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		bms := make([]*roaring.Bitmap, len(q.terms))
		hint := uint64(0)
		for i, t := range q.terms {
			bm, err := s.postings(seg, t.field, t.term)
			if err != nil {
				return nil, err
			}
			if bm != nil {
				bms[i] = bm
				hint += bm.GetCardinality()
			}
		}
		// Sized for the terms' listings at once: growing the map as they
		// come was a tenth of retrieval at a million listings.
		matched := make(accs, min(hint, maxAccsHint))
		for i, t := range q.terms {
			bm := bms[i]
			if bm == nil {
				continue
			}
			matched.add(bm, t.weight)
			if t.field == fGTIN {
				it := bm.Iterator()
				for it.HasNext() {
					share = append(share, hit{seg: seg, num: uint64(it.Next())})
				}
			}
		}
		for _, g := range q.groups {
			if err := s.group(seg, g, matched); err != nil {
				return nil, err
			}
		}
		n := float64(q.clauses())
		for d, a := range matched {
			best.add(hit{seg: seg, num: uint64(d), score: a.score * float64(a.matched) / n})
		}
	}
	top, err := best.settle(s.docID, s.rank)
	if err != nil {
		return nil, err
	}
	seen := make(map[hit]bool, len(top))
	for _, h := range top {
		seen[hit{seg: h.seg, num: h.num}] = true
	}
	// Listings sharing a GTIN come in index order; past maxShare of them
	// (a GTIN on more than 100 listings) which ones are kept depends on it.
	added := 0
	for _, h := range share {
		if added == maxShare {
			break
		}
		if !seen[h] {
			seen[h] = true
			top = append(top, h)
			added++
		}
	}
	return top, nil
}

// better orders hits: higher score first, then by position in the index.
func better(a, b hit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.seg != b.seg {
		return a.seg < b.seg
	}
	return a.num < b.num
}

// topK keeps the k best hits seen, by better, and the hits that tie with
// the k-th best score but fell outside by their position. Ties are settled
// by listing id at the end (settle), since positions differ between builds
// of the same catalog (Bleve numbers a batch's documents in map order).
type topK struct {
	k    int
	best []hit // at most k, in better's order
	tied []hit // outside best, scoring best[k-1].score
}

// add considers one hit.
func (t *topK) add(h hit) {
	if t.k <= 0 {
		return
	}
	if len(t.best) == t.k && !better(h, t.best[t.k-1]) {
		if h.score == t.best[t.k-1].score {
			t.tied = append(t.tied, h)
		}
		return
	}
	var out hit
	full := len(t.best) == t.k
	if full {
		out = t.best[t.k-1]
	}
	i := sort.Search(len(t.best), func(i int) bool { return better(h, t.best[i]) })
	if !full {
		t.best = append(t.best, hit{})
	}
	copy(t.best[i+1:], t.best[i:len(t.best)-1])
	t.best[i] = h
	if full {
		if out.score == t.best[t.k-1].score {
			t.tied = append(t.tied, out)
		} else {
			t.tied = t.tied[:0] // the k-th score rose above them
		}
	}
}

// settle returns the k best hits, best first, those tied at the k-th score
// chosen by listing id: the same listings whatever their positions. (Their
// order among equal scores is left to the caller, which ranks by id.) rank
// gives a hit's place in the order of ids without reading it, when known
// (ranks.go); id reads its id.
func (t *topK) settle(id func(hit) ([]byte, error), rank func(hit) (uint32, bool)) ([]hit, error) {
	if len(t.tied) == 0 {
		return t.best, nil
	}
	thr := t.best[len(t.best)-1].score
	first := sort.Search(len(t.best), func(i int) bool { return t.best[i].score <= thr })
	type keyed struct {
		h    hit
		rank uint32
		id   []byte
	}
	group := make([]keyed, 0, len(t.best)-first+len(t.tied))
	ranked := true
	for _, hs := range [2][]hit{t.best[first:], t.tied} {
		for _, h := range hs {
			r, ok := rank(h)
			ranked = ranked && ok
			group = append(group, keyed{h: h, rank: r})
		}
	}
	if ranked {
		slices.SortFunc(group, func(a, b keyed) int { return cmp.Compare(a.rank, b.rank) })
	} else {
		for i := range group {
			b, err := id(group[i].h)
			if err != nil {
				return nil, err
			}
			group[i].id = b
		}
		slices.SortFunc(group, func(a, b keyed) int { return bytes.Compare(a.id, b.id) })
	}
	for i := first; i < len(t.best); i++ {
		t.best[i] = group[i-first].h
	}
	return t.best, nil
}

// group adds the scores of a scoped group in segment seg to accs.
func (s *searcher) group(seg int, g group, matched accs) error {
	scope, err := s.postings(seg, g.scope.field, g.scope.term)
	if err != nil || scope == nil || scope.IsEmpty() {
		return err
	}
	inGroup := accs{}
	for _, r := range g.rest {
		bm, err := s.postings(seg, r.field, r.term)
		if err != nil {
			return err
		}
		if bm != nil {
			inGroup.add(roaring.And(scope, bm), r.weight)
		}
	}
	n := float64(len(g.rest))
	for d, ga := range inGroup {
		a := matched[d]
		a.score += g.scope.weight + ga.score*float64(ga.matched)/n
		a.matched++
		matched[d] = a
	}
	return nil
}

// docID returns the listing id of a hit, valid while the snapshot is
// held: read in place, without decompressing the record, where the segment
// format allows (zap's DocID).
func (s *searcher) docID(h hit) ([]byte, error) {
	if d, ok := s.segs[h.seg].Segment().(interface{ DocID(uint64) ([]byte, error) }); ok {
		id, err := d.DocID(h.num)
		if err != nil {
			return nil, fmt.Errorf("index: listing %d: %w", h.num, err)
		}
		return id, nil
	}
	var id []byte
	err := s.segs[h.seg].VisitDocument(h.num, func(field string, _ byte, value []byte, _ []uint64) bool {
		if field == "_id" {
			id = append([]byte(nil), value...)
		}
		// Never stop at _id: zapx/v16 then returns its reader context to
		// the pool twice, and two later visits share it (a crash, or
		// another listing's fields).
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("index: listing %d: %w", h.num, err)
	}
	return id, nil
}

// load returns the prepared listing of a hit, from the cache when it is
// there.
func (ix *Index) load(s *searcher, h hit) (*match.Item, error) {
	// Each value is copied once, as a string the decoders slice.
	var id, rec, feat string
	err := s.segs[h.seg].VisitDocument(h.num, func(field string, _ byte, value []byte, _ []uint64) bool {
		switch field {
		case "_id":
			id = string(value)
		case fRecord:
			rec = string(value)
		case fFeatures:
			feat = string(value)
		}
		return id == "" || rec == "" || feat == ""
	})
	if err != nil {
		return nil, fmt.Errorf("index: load listing %d: %w", h.num, err)
	}
	if id == "" {
		return nil, fmt.Errorf("index: listing %d has no id", h.num)
	}
	return ix.itemFromRecord(id, rec, feat)
}
