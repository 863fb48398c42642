package match

import (
	"fmt"
	"strings"
)

// sizeComparator compares variation sizes: letter sizes, numbered sizes and
// quantities with units, converted so that "1 lb" equals "16 oz" and "0.5 L"
// equals "500 ml". When a size field is empty the quantities in the title
// stand in for it.
type sizeComparator struct{}

func (sizeComparator) Attribute() string { return "size" }
func (sizeComparator) Levels() []string {
	return []string{Exact, Equivalent, Conflict, Missing}
}

func (sizeComparator) Compare(a, b *Item, _ *Env) Outcome {
	av, bv := sizeShown(a), sizeShown(b)
	if a.sizeField != "" && a.sizeField == b.sizeField {
		return Outcome{Level: Exact, A: av, B: bv}
	}
	if len(a.sizeQ) == 0 || len(b.sizeQ) == 0 {
		if a.sizeField != "" && b.sizeField != "" {
			return Outcome{Level: Conflict, A: av, B: bv, Evidence: "different sizes"}
		}
		return missing(av, bv)
	}
	shared, agree, why := compareQuantities(withoutCount(a.sizeQ), withoutCount(b.sizeQ))
	if !shared {
		shared, agree, why = compareQuantities(a.sizeQ, b.sizeQ)
	}
	switch {
	case !shared:
		if a.sizeField != "" && b.sizeField != "" {
			return Outcome{Level: Conflict, A: av, B: bv, Evidence: "sizes of different kinds"}
		}
		return missing(av, bv)
	case agree:
		return Outcome{Level: Equivalent, A: av, B: bv, Evidence: why}
	}
	return Outcome{Level: Conflict, A: av, B: bv, Evidence: why}
}

// withoutCount drops counts ("24 count") unless they are all there is, so a
// shared volume or mass decides first.
func withoutCount(qs []Quantity) []Quantity {
	var out []Quantity
	for _, q := range qs {
		if q.Dim != Count {
			out = append(out, q)
		}
	}
	return out
}

func sizeShown(it *Item) string {
	if it.sizeTitle {
		return texts(it.sizeQ) + " (title)"
	}
	return it.Rec.Size
}

// packComparator compares pack counts (units per sellable item), stated in
// pack_count or read from the packaging text or the title. A side whose
// title and packaging state no count is a single when the other side states
// one: a 2-pack offer against a plain listing is a different item.
type packComparator struct{}

func (packComparator) Attribute() string { return "pack_count" }
func (packComparator) Levels() []string  { return []string{Exact, Conflict, Missing} }

func (packComparator) Compare(a, b *Item, _ *Env) Outcome {
	show := func(it *Item) string {
		if it.pack == 0 {
			return ""
		}
		if it.packFrom == "pack_count" {
			return fmt.Sprint(it.pack)
		}
		return fmt.Sprintf("%d (%s)", it.pack, it.packFrom)
	}
	av, bv := show(a), show(b)
	pa, pb := max(a.pack, 1), max(b.pack, 1)
	switch {
	case a.pack == 0 && b.pack == 0, !a.packReadable(), !b.packReadable():
		return missing(av, bv)
	case pa == pb:
		return Outcome{Level: Exact, A: av, B: bv, Evidence: fmt.Sprintf("%d per item", pa)}
	}
	return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("%d vs %d per item", pa, pb)}
}

// categoryComparator compares category paths level by level.
type categoryComparator struct{}

func (categoryComparator) Attribute() string { return "category" }
func (categoryComparator) Levels() []string {
	return []string{Exact, Prefix, Sibling, Different, Missing}
}

func (categoryComparator) Compare(a, b *Item, _ *Env) Outcome {
	av, bv := a.Rec.Category, b.Rec.Category
	if len(a.category) == 0 || len(b.category) == 0 {
		return missing(av, bv)
	}
	n := 0
	for n < len(a.category) && n < len(b.category) && a.category[n] == b.category[n] {
		n++
	}
	switch {
	case n == len(a.category) && n == len(b.category):
		return Outcome{Level: Exact, A: av, B: bv}
	case n == len(a.category) || n == len(b.category):
		return Outcome{Level: Prefix, A: av, B: bv, Evidence: "one path contains the other"}
	case n > 0:
		return Outcome{Level: Sibling, A: av, B: bv, Evidence: "shared " + strings.Join(a.category[:n], " > ")}
	}
	return Outcome{Level: Different, A: av, B: bv}
}

// paramsComparator compares the parameters both records name: values equal
// after normalization, or equal quantities ("64GB" = "64 GB"), agree.
type paramsComparator struct{}

func (paramsComparator) Attribute() string { return "params" }
func (paramsComparator) Levels() []string  { return []string{Agree, Conflict, Missing} }

func (paramsComparator) Compare(a, b *Item, _ *Env) Outcome {
	var shared, conflicts []string
	for _, k := range sortedKeys(a.params) {
		vb, ok := b.params[k]
		if !ok {
			continue
		}
		va := a.params[k]
		same := va == vb || strings.ReplaceAll(va, " ", "") == strings.ReplaceAll(vb, " ", "")
		if !same && len(a.paramQ[k]) > 0 && len(b.paramQ[k]) > 0 {
			_, agree, _ := compareQuantities(a.paramQ[k], b.paramQ[k])
			same = agree
		}
		if same {
			shared = append(shared, k)
		} else {
			conflicts = append(conflicts, fmt.Sprintf("%s: %s vs %s", k, va, vb))
		}
	}
	av, bv := paramsShown(a), paramsShown(b)
	switch {
	case len(conflicts) > 0:
		return Outcome{Level: Conflict, A: av, B: bv, Evidence: strings.Join(conflicts, "; ")}
	case len(shared) > 0:
		return Outcome{Level: Agree, A: av, B: bv, Evidence: "agree on " + strings.Join(shared, ", ")}
	}
	return missing(av, bv)
}

func paramsShown(it *Item) string {
	var parts []string
	for _, k := range sortedKeys(it.params) {
		parts = append(parts, k+"="+it.params[k])
	}
	return strings.Join(parts, ", ")
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return sortedStrings(keys)
}

// packReadable reports whether the record states a pack count or has the
// text (title or packaging) that would state one: only then does silence
// mean a single.
func (it *Item) packReadable() bool {
	return it.pack > 0 || it.Rec.Title != "" || it.Rec.Packaging != ""
}
