package match

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
			it.material = vs.materials.read(it.Rec.Material, it.text.tokens).shows(it.Rec.Material)
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
