package match

import (
	"fmt"
	"slices"
	"strings"
)

// paramValues are the record's named parameters, normalized, with the
// quantities read from each value.
type paramValues struct {
	keys   []string // sorted
	values map[string]string
	q      map[string][]quantity
}

// paramsAttribute compares the parameters both records name: values equal
// after normalization, one value written two ways (vocab/params.json: "HC"
// and "Hardcover"), the same words in another order ("CLEAR, JAMES" and
// "James Clear"), or equal quantities ("64GB" = "64 GB") agree.
func paramsAttribute() Attribute {
	return Attribute{
		Name: "params",
		Levels: []LevelSpec{
			{Level: Agree, Weight: 2, Why: "named parameters that agree: the variant matches"},
			{Level: Conflict, Weight: -5, Veto: true, Why: "a parameter both name with other values is another variant"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			if len(it.Rec.Params) == 0 {
				return
			}
			p := &it.params
			p.values = make(map[string]string, len(it.Rec.Params))
			p.q = make(map[string][]quantity, len(it.Rec.Params))
			for _, k := range sortedKeys(it.Rec.Params) {
				v := it.Rec.Params[k]
				nk, nv := Normalize(k), Normalize(v)
				if nk == "" || nv == "" {
					continue
				}
				if t, ok := vs.params.Lookup(nv); ok {
					nv = Normalize(t.Name)
				}
				p.values[nk] = nv
				if qs := parseQuantities(v); len(qs) > 0 {
					p.q[nk] = qs
				} else {
					delete(p.q, nk)
				}
			}
			p.keys = sortedKeys(p.values)
		},
		encode: func(e *encoder, it *Item) {
			p := &it.params
			e.strs(p.keys)
			e.strMap(p.values)
			e.count(len(p.q), p.q == nil)
			for _, k := range sortedKeys(p.q) {
				e.str(k)
				e.quantities(p.q[k])
			}
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			p := &it.params
			p.keys, p.values = d.strs(), d.strMap()
			n, isNil := d.count(2)
			if isNil {
				return
			}
			p.q = make(map[string][]quantity, n)
			for range n {
				k := d.str()
				p.q[k] = d.quantities()
			}
		},
		compare: compareParams,
	}
}

func (p *paramValues) shown() string {
	parts := make([]string, len(p.keys))
	for i, k := range p.keys {
		parts[i] = k + "=" + p.values[k]
	}
	return strings.Join(parts, ", ")
}

func compareParams(a, b *Item, _ *Env) Outcome {
	pa, pb := &a.params, &b.params
	var shared, conflicts []string
	stated := false
	for _, k := range pa.keys {
		vb, ok := pb.values[k]
		if !ok {
			continue
		}
		va := pa.values[k]
		same := va == vb || strings.ReplaceAll(va, " ", "") == strings.ReplaceAll(vb, " ", "") || sameWords(va, vb)
		if !same && len(pa.q[k]) > 0 && len(pb.q[k]) > 0 {
			_, same, _ = compareQuantities(pa.q[k], pb.q[k])
		}
		if same {
			shared = append(shared, k)
		} else {
			conflicts = append(conflicts, fmt.Sprintf("%s: %s vs %s", k, va, vb))
			stated = stated || len(pa.q[k]) > 0 && len(pb.q[k]) > 0
		}
	}
	av, bv := pa.shown(), pb.shown()
	switch {
	case len(conflicts) > 0:
		return Outcome{Level: Conflict, A: av, B: bv, Evidence: strings.Join(conflicts, "; "), Stated: stated}
	case len(shared) > 0:
		return Outcome{Level: Agree, A: av, B: bv, Evidence: "agree on " + strings.Join(shared, ", ")}
	}
	return missing(av, bv)
}

// sameWords reports whether two normalized values are the same words in
// another order, "the" and "and" aside: a name written last name first
// ("clear james", "james clear"), a list in another order.
func sameWords(a, b string) bool {
	words := func(s string) []string {
		ws := slices.DeleteFunc(strings.Fields(s), func(w string) bool { return w == "the" || w == "and" })
		slices.Sort(ws)
		return ws
	}
	wa, wb := words(a), words(b)
	return len(wa) > 0 && slices.Equal(wa, wb)
}
