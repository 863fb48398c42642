package match

// sizeValue is the size feature: the normalized size field and the
// quantities read from it, or from the title when the field says none.
type sizeValue struct {
	field string // normalized size field
	q     []quantity
	from  Source
}

// sizeAttribute compares variation sizes: letter sizes, numbered sizes and
// quantities with units, converted so that "1 lb" equals "16 oz" and "0.5 L"
// equals "500 ml". When a size field is empty the quantities in the title
// stand in for it.
func sizeAttribute() Attribute {
	return Attribute{
		Name: "size",
		Levels: []LevelSpec{
			{Level: Exact, Weight: 2, Why: "the same size text: sizes tell a product line's variants apart"},
			{Level: Equivalent, Weight: 2, Why: "the same quantity in other units: as exact"},
			{Level: Conflict, Weight: -6, Veto: true, Why: "another size is another sellable item"},
			{Level: Missing},
		},
		prepare: func(it *Item, _ *Vocabularies) {
			s := &it.size
			if s.field = Normalize(it.Rec.Size); noSize[s.field] {
				s.field = "" // "1 EA", "N/A": a supplier's size column saying nothing
			}
			if s.field != "" {
				s.q, s.from = parseSize(it.Rec.Size), FromField
			}
			if len(s.q) == 0 {
				if qs := parseQuantities(it.Rec.Title); len(qs) > 0 {
					s.q, s.from = qs, FromTitle
				}
			}
		},
		compare: compareSizes,
	}
}

func (s *sizeValue) shown(raw string) string {
	if s.from == FromTitle {
		return FromTitle.shown(raw, texts(s.q))
	}
	return raw
}

func compareSizes(a, b *Item, _ *Env) Outcome {
	sa, sb := &a.size, &b.size
	av, bv := sa.shown(a.Rec.Size), sb.shown(b.Rec.Size)
	if sa.field != "" && sa.field == sb.field {
		return Outcome{Level: Exact, A: av, B: bv}
	}
	if len(sa.q) == 0 || len(sb.q) == 0 {
		// Two size texts neither of which reads as a size ("Twin",
		// "Queen") differ; a text against a measured size is no evidence
		// ("FAMILY SIZE" against "18 oz").
		if sa.field != "" && sb.field != "" && len(sa.q) == 0 && len(sb.q) == 0 {
			return Outcome{Level: Conflict, A: av, B: bv, Evidence: "different sizes"}
		}
		return missing(av, bv)
	}
	shared, agree, why := compareQuantities(withoutCount(sa.q), withoutCount(sb.q))
	if !shared {
		shared, agree, why = compareQuantities(sa.q, sb.q)
	}
	switch {
	case !shared:
		if sa.field != "" && sb.field != "" {
			return Outcome{Level: Conflict, A: av, B: bv, Evidence: "sizes of different kinds"}
		}
		return missing(av, bv)
	case agree:
		return Outcome{Level: Equivalent, A: av, B: bv, Evidence: why}
	}
	return Outcome{Level: Conflict, A: av, B: bv, Evidence: why, Stated: sa.from == FromField && sb.from == FromField}
}

// noSize are size column values that state no size.
var noSize = map[string]bool{
	"ea": true, "each": true, "1 ea": true, "1 each": true, "1ea": true, "na": true, "n a": true, "none": true,
	"one size": true, "os": true, "o s": true, "osfa": true, "one size fits all": true, "various": true, "var": true,
}

// withoutCount drops counts ("24 count") unless they are all there is, so a
// shared volume or mass decides first.
func withoutCount(qs []quantity) []quantity {
	var out []quantity
	for _, q := range qs {
		if q.Dim != dimCount {
			out = append(out, q)
		}
	}
	return out
}
