package match

import "slices"

// materialAttribute compares materials through the material vocabulary
// (vocab/materials.json): the material field, else the one material the
// title names.
func materialAttribute() Attribute {
	return Attribute{
		Name:    "material",
		variant: true,
		Levels: []LevelSpec{
			{Level: Exact, Weight: 1, Why: "the same material text"},
			{Level: Synonym, Weight: 1, Why: "another name of the same material (\"stainless\" / \"stainless steel\")"},
			{Level: Family, Weight: -0.5, Why: "the same family (oak, wood) may be a sibling variant"},
			{Level: Conflict, Weight: -4, Veto: true, Why: "another material is another sellable item"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			it.material = vs.materials.read(it.Rec.Material, withoutFree(it.text.tokens)).shows(it.Rec.Material)
		},
		encode: func(e *encoder, it *Item) { e.vocabValue(&it.material) },
		decode: func(d *decoder, it *Item, vs *Vocabularies) {
			it.material = d.vocabValue(vs.materials).shows(it.Rec.Material)
		},
		compare: func(a, b *Item, _ *Env) Outcome {
			return compareVocab(&a.material, &b.material, a.material.text, b.material.text)
		},
	}
}

// withoutFree returns title tokens without what a title says an item is
// free of ("Latex-Free", "BPA Free"): a material it is not made of. toks
// itself when it says none.
func withoutFree(toks []string) []string {
	i := slices.Index(toks, "free")
	if i < 0 {
		return toks
	}
	out := make([]string, 0, len(toks))
	for j, t := range toks {
		if t == "free" || j+1 < len(toks) && toks[j+1] == "free" {
			continue
		}
		out = append(out, t)
	}
	return out
}
