package eval

import (
	"slices"

	"github.com/followmatch/followmatch/match"
)

// KnownProducts returns the products the pairs name: the records of pairs
// labeled one item joined (a record labeled the same as two others makes
// one product of the three), each record labeled only apart from others a
// product of its own. Products come in the order their first record
// appears in pairs, records in order of appearance.
func (e *Evaluator) KnownProducts(pairs []Pair) []match.KnownProduct {
	parent := map[string]string{}
	var order []string
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok {
			parent[x] = x
			order = append(order, x)
			return x
		}
		if p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	union := func(x, y string) {
		if a, b := find(x), find(y); a != b {
			parent[b] = a
		}
	}
	for _, p := range pairs {
		find("a" + p.A)
		find("b" + p.B)
		if p.Match {
			union("a"+p.A, "b"+p.B)
		}
		// One record on both sides (a corpus of offers paired among
		// themselves) is one record: its two sides' products are one.
		for _, id := range [2]string{p.A, p.B} {
			if a, b := e.a[id], e.b[id]; a != nil && b != nil && sameRecord(a.Rec, b.Rec) {
				union("a"+id, "b"+id)
			}
		}
	}
	index := map[string]int{}
	var out []match.KnownProduct
	for _, x := range order {
		if x[0] == 'b' && e.a[x[1:]] != nil && find(x) == find("a"+x[1:]) && sameRecord(e.a[x[1:]].Rec, e.b[x[1:]].Rec) {
			continue // kept once, from side A
		}
		var it *match.Item
		if x[0] == 'a' {
			it = e.a[x[1:]]
		} else {
			it = e.b[x[1:]]
		}
		if it == nil || it.Rec.Title == "" {
			continue
		}
		r := find(x)
		i, ok := index[r]
		if !ok {
			i = len(out)
			index[r] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], knownRecord(it.Rec))
	}
	return out
}

// knownRecord is what a config keeps of a known record: its fields but the
// description, images and stock. The config carries every record of the
// train pairs, and a description is most of a web offer's text: without
// them the placements held (WDC Products seen 76.0 with, 76.1 without;
// half-seen 73.7, 73.6) in a third of the size.
func knownRecord(r *match.Record) match.Record {
	c := *r
	c.Description, c.Images, c.Fingerprints, c.ImageErrors, c.Stock = "", nil, nil, nil, nil
	return c
}

// sameRecord reports whether two records of one id are one: the same
// brand, title and description (tables A and B of a benchmark number their
// records apart, and an id may name two records).
func sameRecord(a, b *match.Record) bool {
	return a.Title == b.Title && a.Brand == b.Brand && a.Description == b.Description
}

// knownFor returns the config's known products prepared, from a cache of
// the last config's (tune weighs one set of products under many configs).
func (e *Evaluator) knownFor(cfg *match.Config) *match.Known {
	if len(cfg.Known) == 0 {
		return nil
	}
	e.knownMu.Lock()
	defer e.knownMu.Unlock()
	if e.knownSrc != &cfg.Known[0] || e.knownLen != len(cfg.Known) {
		e.knownSrc, e.knownLen = &cfg.Known[0], len(cfg.Known)
		e.known = match.NewKnown(cfg.Known, e.vocab)
	}
	return e.known
}

// know sets each pair's known outcome under cfg: its offer and listing
// placed among the config's known products (match.Known.Place, scored
// under cfg), each record once, on all cores. It does nothing when the
// config names no products or the known comparison is ablated.
func (e *Evaluator) know(pairs []Pair, outs [][]match.Outcome, cfg *match.Config) {
	k := e.knownFor(cfg)
	if k == nil || e.drop["known"] || len(outs) == 0 {
		return
	}
	ki := slices.IndexFunc(outs[0], func(o match.Outcome) bool { return o.Attribute == "known" })
	if ki < 0 {
		return
	}
	type rec struct {
		id      string
		listing bool
	}
	var recs []rec
	seen := map[rec]bool{}
	for _, p := range pairs {
		for _, r := range []rec{{p.A, false}, {p.B, true}} {
			if !seen[r] {
				seen[r] = true
				recs = append(recs, r)
			}
		}
	}
	placed := make([]match.Placement, len(recs))
	s := match.NewScorer(cfg, e.IDF)
	onAllCores(len(recs), func(i int) {
		it := e.a[recs[i].id]
		if recs[i].listing {
			it = e.b[recs[i].id]
		}
		placed[i] = k.Place(s, it, recs[i].listing)
	})
	at := make(map[rec]match.Placement, len(recs))
	for i, r := range recs {
		at[r] = placed[i]
	}
	for i, p := range pairs {
		outs[i][ki] = match.KnownOutcome(at[rec{p.A, false}], at[rec{p.B, true}])
	}
}

// knownSame and knownApart are the weights tune tries for the known
// levels (read only): one product's records for a match, two products'
// against.
var (
	knownSame  = []float64{0, 0.5, 1, 1.5, 2, 3, 4}
	knownApart = []float64{0, -0.5, -1, -1.5, -2, -3, -4}
)

// knownGain is how much valid F1 the known products must add for tune to
// keep them: a config carrying its train records is kept only for a clear
// gain.
const knownGain = 0.005
