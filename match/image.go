package match

import (
	"fmt"
	"strings"

	"github.com/followmatch/followmatch/imagecmp"
)

// ColorConflict is the image level of a same-shaped photo in another color.
const ColorConflict Level = "color_conflict"

// imageAttribute compares the best pair of image fingerprints (computed
// from Record.Images before scoring: listings at index time, offers by the
// Matcher). The same photo is evidence for; a different photo is only weak
// evidence against (sellers shoot their own photos); the same shot in
// another color backs a color conflict.
func imageAttribute() Attribute {
	return Attribute{
		Name: "image",
		Levels: []LevelSpec{
			{Level: Same, Weight: 2.5, Why: "the same photo: sellers who join a listing reuse its picture"},
			{Level: Similar, Weight: 0.5, Why: "near the threshold: a re-shot or edited photo"},
			{Level: Different, Weight: -0.5, Why: "sellers shoot their own photos: barely against"},
			{Level: ColorConflict, Weight: -2, Backs: colorName, Why: "the same shot in another color: a color variant, part of a color conflict when there is one"},
			{Level: Missing},
		},
		compare: compareImages,
	}
}

func compareImages(a, b *Item, env *Env) Outcome {
	na, nb := len(a.Rec.Fingerprints), len(b.Rec.Fingerprints)
	show := func(n int) string {
		if n == 0 {
			return ""
		}
		return fmt.Sprintf("%d image(s)", n)
	}
	if na == 0 || nb == 0 {
		o := missing(show(na), show(nb))
		if errs := append(append([]string(nil), a.Rec.ImageErrors...), b.Rec.ImageErrors...); len(errs) > 0 {
			o.Evidence = strings.Join(errs, "; ")
		}
		return o
	}
	th := imagecmp.DefaultThresholds()
	if env != nil && env.Image != (imagecmp.Thresholds{}) {
		th = env.Image
	}
	var best imagecmp.Comparison
	first := true
	for _, x := range a.Rec.Fingerprints {
		for _, y := range b.Rec.Fingerprints {
			c := imagecmp.Compare(x, y, th)
			if first || better(c, best) {
				best, first = c, false
			}
		}
	}
	ev := fmt.Sprintf("phash distance %d, color distance %.1f, similarity %.2f", best.HashDistance, best.ColorDistance, best.Similarity)
	o := Outcome{A: show(na), B: show(nb), Evidence: ev}
	switch {
	case best.Verdict == imagecmp.Same:
		o.Level = Same
	case best.ColorConflict:
		o.Level = ColorConflict
	case best.HashDistance <= 2*th.MaxHashDistance && best.ColorDistance <= th.MaxColorDistance:
		o.Level = Similar
	default:
		o.Level = Different
	}
	return o
}

// better orders image comparisons: a same verdict first, then similarity,
// then the distances (so the choice does not depend on argument order).
func better(c, than imagecmp.Comparison) bool {
	if (c.Verdict == imagecmp.Same) != (than.Verdict == imagecmp.Same) {
		return c.Verdict == imagecmp.Same
	}
	if c.Similarity != than.Similarity {
		return c.Similarity > than.Similarity
	}
	if c.HashDistance != than.HashDistance {
		return c.HashDistance < than.HashDistance
	}
	return c.ColorDistance < than.ColorDistance
}
