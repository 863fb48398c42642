package match

import "fmt"

// Levels of the soft comparison: the Monge-Elkan similarity in bands.
const (
	Soft95  Level = "soft95"
	Soft85  Level = "soft85"
	Soft70  Level = "soft70"
	Soft50  Level = "soft50"
	SoftLow Level = "soft_low"
)

// softBands are the lowest similarity of each soft level, strongest first.
var softBands = []struct {
	level Level
	min   float64
}{{Soft95, 0.95}, {Soft85, 0.85}, {Soft70, 0.7}, {Soft50, 0.5}, {SoftLow, 0}}

// softAttribute is soft token similarity: Monge-Elkan over the edit
// similarity of words, each word of a title matched to its most similar
// word of the other ("chocolat" to "chocolate", "wht" to "white"), averaged,
// the two directions averaged. Unlike the title comparison, which counts a
// word as had or not, it gives a misspelled or cut-short word part credit.
func softAttribute() Attribute {
	why := "0 until tune fits it: the title comparison carries most of what it says"
	return Attribute{
		Name: "soft",
		Levels: []LevelSpec{
			{Level: Soft95, Weight: 0, Why: why}, {Level: Soft85, Weight: 0, Why: why},
			{Level: Soft70, Weight: 0, Why: why}, {Level: Soft50, Weight: 0, Why: why},
			{Level: SoftLow, Weight: 0, Why: why},
			{Level: Missing},
		},
		compare: compareSoft,
	}
}

func compareSoft(a, b *Item, _ *Env) Outcome {
	if len(a.text.keys) == 0 || len(b.text.keys) == 0 {
		return missing("", "")
	}
	sim := (mongeElkan(&a.text, &b.text) + mongeElkan(&b.text, &a.text)) / 2
	o := Outcome{Evidence: fmt.Sprintf("monge-elkan %.2f", sim)}
	for _, l := range softBands {
		if sim >= l.min {
			o.Level = l.level
			break
		}
	}
	return o
}

// mongeElkan is the mean over x's keys of the edit similarity of the most
// similar key of y (1 for a key y has). Keys that differ in length by more
// than half are not compared: their similarity is under 0.5 anyway.
func mongeElkan(x, y *titleText) float64 {
	sum := 0.0
	for _, k := range x.keys {
		if y.set[k] {
			sum++
			continue
		}
		best := 0.0
		for _, u := range y.keys {
			if 2*len(u) < len(k) || 2*len(k) < len(u) {
				continue
			}
			if s := Similarity(k, u); s > best {
				best = s
			}
		}
		sum += best
	}
	return sum / float64(len(x.keys))
}
