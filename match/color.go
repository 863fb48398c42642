package match

// colorName names the color attribute.
const colorName = "color"

// Color levels of their own.
const (
	// StatedFamily: both records' color fields name colors of one family.
	StatedFamily Level = "stated_family"
	// DescriptionConflict: another color, one side's read from its
	// description (a title and color field that name none).
	DescriptionConflict Level = "description_conflict"
)

// colorAttribute compares colors through the color vocabulary
// (vocab/colors.json): the color field, else the one color the title names,
// else the one color the description names.
func colorAttribute() Attribute {
	return Attribute{
		Name:    colorName,
		variant: true,
		Levels: []LevelSpec{
			{Level: Exact, Weight: 1.5, Why: "the same color text: most variants of a product differ in color"},
			{Level: Synonym, Weight: 1, Why: "another name of the same color (\"charcoal\" / \"graphite\")"},
			{Level: Family, Weight: -2, Why: "the same family (navy, blue; maroon, red): a sibling variant more often than another name of one color"},
			{Level: StatedFamily, Weight: -5, Veto: true, Why: "two color fields name different colors of one family (\"Maroon\" / \"Red\"): stated colors that differ are two variants, even where one model code covers the line's colors"},
			{Level: Conflict, Weight: -5, Veto: true, Why: "another color is another sellable item"},
			{Level: DescriptionConflict, Weight: -2.5, Why: "another color, one read from a description: a shop's description may name the colors a line comes in, or another item's; a level of its own so that a fit can weigh it apart (web shops' descriptions: a tenth to a quarter of such pairs are one item, against a fiftieth where titles name both)"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			// A brand's words name no color ("Green Mountain", "Black+Decker"):
			// the brand the title leads with, or a leading color before a
			// word no vocabulary reads ("RED HEART SUPER SAVER ... WHITE"
			// by COATS & CLARK).
			toks := it.text.tokens
			if end := brandEnd(it, vs); end > 0 && len(it.brand.words) > 0 {
				toks = toks[end:]
			} else if len(toks) > 2 && isColor(vs, toks[0]) && isWord(toks[1]) && len(toks[1]) >= 3 && !vs.namesNoBrand(toks[1]) {
				toks = toks[1:]
			}
			it.color = vs.colors.read(it.Rec.Color, toks)
			if it.color.field == "" && len(it.color.terms) == 0 && it.Rec.Description != "" {
				// A description that names one color speaks for a title
				// that names none.
				if d := vs.colors.read("", it.descTokens()); len(d.terms) > 0 {
					d.from = FromDescription
					it.color = d
				}
			}
			it.color = it.color.shows(it.Rec.Color)
		},
		encode: func(e *encoder, it *Item) { e.vocabValue(&it.color) },
		decode: func(d *decoder, it *Item, vs *Vocabularies) { it.color = d.vocabValue(vs.colors).shows(it.Rec.Color) },
		compare: func(a, b *Item, _ *Env) Outcome {
			o := compareVocab(&a.color, &b.color, a.color.text, b.color.text)
			if o.Level == Family && a.color.from == FromField && b.color.from == FromField {
				// Not Stated: a shade's other name is no confident
				// conflict, and a shared GTIN overrules it.
				o.Level = StatedFamily
			}
			if o.Level == Conflict && (a.color.from == FromDescription || b.color.from == FromDescription) {
				o.Level = DescriptionConflict
			}
			return o
		},
	}
}
