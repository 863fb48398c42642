package index

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/followmatch/followmatch/match"
)

// TestRetrievalMatchesBleve is the oracle for bitmap retrieval (retrieve.go
// reads scorch's posting bitmaps directly): on random small indexes, built
// in several segments with updates and deletes, a random query of weighted
// terms and scoped groups
//
//   - matches the same listings as the equivalent Bleve query (a
//     DisjunctionQuery of TermQuery clauses, a group being a
//     ConjunctionQuery of its scope and a DisjunctionQuery of the rest);
//   - scores each listing as Bleve's TF-IDF disjunction does with unit
//     term frequencies and norms (the index stores neither, so Bleve's own
//     scores are NaN here): the sum of the matched clauses' boost × idf²,
//     idf = 1 + ln(N/(df+1)), times the share of clauses matched; a group
//     scores its scope plus the matched rest times their share. The
//     reference takes each clause's matches, df and N from Bleve searches;
//   - and returns, for a small K, a top K by those scores.
func TestRetrievalMatchesBleve(t *testing.T) {
	ctx := context.Background()
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"cast", "iron", "skillet", "water", "pack", "charger", "portable", "steel", "black", "blue", "mini", "pro"}
	brands := []string{"Lodge", "Anker", "Fiji", "Zenfy", "Acme"}
	multi := 0 // seeds whose index held several segments when compared
	defer func() {
		if multi == 0 {
			t.Error("no seed left several segments to compare across: the oracle never saw a segmented index")
		}
	}()
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			ix, err := Create(filepath.Join(t.TempDir(), "oracle.idx"), vs)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			w, err := ix.NewWriter(17) // several segments
			if err != nil {
				t.Fatal(err)
			}
			n := 60 + r.IntN(120)
			deleted := 0
			for i := range n {
				title := brands[r.IntN(len(brands))]
				for range 2 + r.IntN(5) {
					title += " " + words[r.IntN(len(words))]
				}
				rec := &match.Record{ID: fmt.Sprintf("L%03d", i%(n*3/4)), Title: title} // some ids written twice: updates
				if r.IntN(2) == 0 {
					rec.Brand = brands[r.IntN(len(brands))]
				}
				if r.IntN(4) == 0 {
					rec.Model = fmt.Sprintf("ZX%d", 100+r.IntN(8))
				}
				if err := w.Put(rec); err != nil {
					t.Fatal(err)
				}
				if r.IntN(12) == 0 {
					deleted++
					if err := w.Delete(fmt.Sprintf("L%03d", r.IntN(i+1))); err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			ix.statsChanged()
			snap, err := ix.snapshot()
			if err != nil {
				t.Fatal(err)
			}
			// Bleve's merger may fold the batches into one segment before
			// the snapshot (it runs in the background): that seed compares
			// within one segment, and another must see several.
			if segs := len(snap.Segments()); segs >= 2 {
				multi++
			} else {
				t.Logf("%d segment(s) after the merger ran: compared within one", segs)
			}
			if deleted == 0 {
				t.Errorf("no deletes: the oracle wants some")
			}
			snap.DecRef()

			var pool []clause
			for _, wd := range words {
				pool = append(pool, clause{field: fTitle, term: wd})
			}
			for _, b := range brands {
				k := vs.BrandKey(b)
				pool = append(pool, clause{field: fTitle, term: k}, clause{field: fBrand, term: k},
					clause{field: fBrandKeys, term: k + "_" + words[r.IntN(len(words))]})
			}
			for i := range 8 {
				pool = append(pool, clause{field: fCodes, term: fmt.Sprintf("zx%d", 100+i)})
			}
			boosts := []float64{1, 1.5, 5, 10}
			checked, groups := 0, 0
			for qi := range 25 {
				var terms []clause
				var gs []oracleGroup
				for range 1 + r.IntN(4) {
					c := pool[r.IntN(len(pool))]
					c.boost = boosts[r.IntN(len(boosts))]
					terms = append(terms, c)
				}
				if r.IntN(2) == 0 {
					g := oracleGroup{scope: pool[r.IntN(len(words))]}
					g.scope.boost = 1
					for range 1 + r.IntN(4) {
						c := pool[r.IntN(len(words))]
						c.boost = 1
						g.rest = append(g.rest, c)
					}
					gs = append(gs, g)
				}
				if checkOracle(ctx, t, ix, terms, gs, fmt.Sprintf("query %d", qi)) {
					checked++
					groups += len(gs)
				}
			}
			if checked < 15 || groups == 0 {
				t.Errorf("only %d queries (%d groups) matched anything", checked, groups)
			}
		})
	}
}

// clause is one term of an oracle query.
type clause struct {
	field, term string
	boost       float64
}

// oracleGroup is a scoped group: scope and at least one of rest.
type oracleGroup struct {
	scope clause
	rest  []clause
}

// checkOracle runs one query both ways and reports whether it matched
// anything.
func checkOracle(ctx context.Context, t *testing.T, ix *Index, terms []clause, groups []oracleGroup, name string) bool {
	t.Helper()
	search := func(q bquery.Query) map[string]bool {
		res, err := ix.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 10000, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, h := range res.Hits {
			out[h.ID] = true
		}
		return out
	}
	tq := func(c clause) *bquery.TermQuery {
		q := bleve.NewTermQuery(c.term)
		q.SetField(c.field)
		q.SetBoost(c.boost)
		return q
	}
	total, err := ix.bi.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	// The reference: per clause, Bleve's matches and the clause weight from
	// Bleve's counts. Clauses the index lacks are left out, as plan does.
	type ref struct {
		hits   map[string]bool
		weight float64
	}
	refOf := func(c clause) (ref, bool) {
		hits := search(tq(c))
		idf := 1 + math.Log(float64(total)/float64(len(hits)+1))
		return ref{hits, c.boost * idf * idf}, len(hits) > 0
	}
	var q query
	var bq []bquery.Query
	var refTerms []ref
	for _, c := range terms {
		rf, ok := refOf(c)
		if !ok {
			continue
		}
		refTerms = append(refTerms, rf)
		q.terms = append(q.terms, weigh(c.field, c.term, ix.fieldDF(c.field, c.term), ix.docCount(), c.boost))
		bq = append(bq, tq(c))
	}
	type refGroup struct {
		scope ref
		rest  []ref
	}
	var refGroups []refGroup
	for _, g := range groups {
		scope, ok := refOf(g.scope)
		if !ok {
			continue
		}
		rg := refGroup{scope: scope}
		og := group{scope: weigh(g.scope.field, g.scope.term, ix.fieldDF(g.scope.field, g.scope.term), ix.docCount(), 1)}
		var rest []bquery.Query
		for _, c := range g.rest {
			if rf, ok := refOf(c); ok {
				rg.rest = append(rg.rest, rf)
				og.rest = append(og.rest, weigh(c.field, c.term, ix.fieldDF(c.field, c.term), ix.docCount(), 1))
				rest = append(rest, tq(c))
			}
		}
		if len(rest) > 0 {
			refGroups = append(refGroups, rg)
			q.groups = append(q.groups, og)
			bq = append(bq, bleve.NewConjunctionQuery(tq(g.scope), bleve.NewDisjunctionQuery(rest...)))
		}
	}
	if q.clauses() == 0 {
		return false
	}
	matched := search(bleve.NewDisjunctionQuery(bq...))
	want := map[string]float64{}
	for id := range matched {
		sum, n := 0.0, 0
		for _, rf := range refTerms {
			if rf.hits[id] {
				sum += rf.weight
				n++
			}
		}
		for _, g := range refGroups {
			if !g.scope.hits[id] {
				continue
			}
			rs, rn := 0.0, 0
			for _, rf := range g.rest {
				if rf.hits[id] {
					rs += rf.weight
					rn++
				}
			}
			if rn > 0 {
				sum += g.scope.weight + rs*float64(rn)/float64(len(g.rest))
				n++
			}
		}
		want[id] = sum * float64(n) / float64(q.clauses())
	}

	snap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.DecRef()
	s := newSearcher(snap, ix.idRanks())
	idsOf := func(hits []hit) ([]string, map[string]float64) {
		var order []string
		scores := map[string]float64{}
		for _, h := range hits {
			it, err := ix.load(s, h)
			if err != nil {
				t.Fatal(err)
			}
			order = append(order, it.Rec.ID)
			scores[it.Rec.ID] = h.score
		}
		return order, scores
	}
	all, err := s.run(ctx, &q, 10000, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, got := idsOf(all)
	if g, w := sortedIDs(got), sortedIDs(want); !slices.Equal(g, w) {
		t.Fatalf("%s: bitmap retrieval matches %v, Bleve %v", name, g, w)
	}
	for id, g := range got {
		if math.Abs(g-want[id]) > 1e-9*max(1, want[id]) {
			t.Errorf("%s: %s scores %v, the reference %v", name, id, g, want[id])
		}
	}
	// A small K: the listings returned are a top K by the reference.
	const k = 5
	top, err := s.run(ctx, &q, k, 0)
	if err != nil {
		t.Fatal(err)
	}
	topIDs, _ := idsOf(top)
	if len(topIDs) != min(k, len(want)) {
		t.Fatalf("%s: top %d returned %d of %d", name, k, len(topIDs), len(want))
	}
	lowest := math.Inf(1)
	for _, id := range topIDs {
		lowest = min(lowest, want[id])
	}
	for id, sc := range want {
		if !slices.Contains(topIDs, id) && sc > lowest*(1+1e-9) {
			t.Errorf("%s: %s (score %v) left out of the top %d, whose lowest scores %v", name, id, sc, k, lowest)
		}
	}
	return len(want) > 0
}

func sortedIDs(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
