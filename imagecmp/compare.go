package imagecmp

import (
	"fmt"
	"math"
	"math/bits"
)

// Verdict values of a Comparison.
const (
	Same      = "same"
	Different = "different"
)

// Thresholds decide when two fingerprints show the same photo. They are data:
// a config file may override them.
type Thresholds struct {
	// MaxHashDistance is the largest pHash Hamming distance (of 64 bits)
	// still judged the same photo.
	MaxHashDistance int `json:"max_hash_distance"`
	// MaxColorDistance is the largest mean CIELAB distance (delta E 76)
	// between the color signatures still judged the same photo.
	MaxColorDistance float64 `json:"max_color_distance"`
}

// DefaultThresholds are the thresholds used when a config names none.
func DefaultThresholds() Thresholds {
	return Thresholds{MaxHashDistance: 14, MaxColorDistance: 6}
}

// Validate reports thresholds that cannot be meant.
func (t Thresholds) Validate() error {
	if t.MaxHashDistance < 0 || t.MaxHashDistance > 64 {
		return fmt.Errorf("max_hash_distance %d is not in 0..64", t.MaxHashDistance)
	}
	if t.MaxColorDistance < 0 || math.IsNaN(t.MaxColorDistance) {
		return fmt.Errorf("max_color_distance %v is negative", t.MaxColorDistance)
	}
	return nil
}

// Comparison is the evidence two fingerprints give.
type Comparison struct {
	HashDistance  int     `json:"phash_distance"`
	DHashDistance int     `json:"dhash_distance"`
	ColorDistance float64 `json:"color_distance"`
	// Similarity is in [0,1]: 1 for identical fingerprints.
	Similarity float64 `json:"similarity"`
	// ColorConflict is set when the shapes agree but the colors do not: a
	// color variant of the same product shot.
	ColorConflict bool   `json:"color_conflict"`
	Verdict       string `json:"verdict"`
}

// Compare compares two fingerprints under the thresholds.
func Compare(a, b Fingerprint, t Thresholds) Comparison {
	c := Comparison{
		HashDistance:  bits.OnesCount64(a.PHash ^ b.PHash),
		DHashDistance: bits.OnesCount64(a.DHash ^ b.DHash),
		ColorDistance: ColorDistance(a.Color, b.Color),
	}
	hashSim := 1 - float64(c.HashDistance)/32
	colorSim := 1 - c.ColorDistance/50
	c.Similarity = math.Round(clamp01(math.Min(hashSim, colorSim))*1000) / 1000
	shapeSame := c.HashDistance <= t.MaxHashDistance
	colorSame := c.ColorDistance <= t.MaxColorDistance
	c.ColorConflict = shapeSame && !colorSame
	if shapeSame && colorSame {
		c.Verdict = Same
	} else {
		c.Verdict = Different
	}
	return c
}

// ColorDistance is the mean CIELAB distance (delta E 76) between two color
// signatures, over the cells where either image has content (not the white
// background), so a small product on a big white canvas is not diluted.
// Signatures of different lengths are maximally distant (100).
func ColorDistance(a, b []byte) float64 {
	if len(a) != len(b) || len(a)%3 != 0 {
		return 100
	}
	var sum float64
	n := 0
	for i := 0; i < len(a); i += 3 {
		if background(a[i:i+3]) && background(b[i:i+3]) {
			continue
		}
		// Lightness counts for little: a brighter photo of the same pack
		// shifts it, while color variants differ in hue and chroma.
		dl := lightnessWeight * (float64(a[i]) - float64(b[i])) / 2.55
		da := float64(a[i+1]) - float64(b[i+1])
		db := float64(a[i+2]) - float64(b[i+2])
		sum += math.Sqrt(dl*dl + da*da + db*db)
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// lightnessWeight scales the CIELAB lightness difference in ColorDistance.
const lightnessWeight = 0.3

// background reports whether a quantized Lab cell is near white.
func background(c []byte) bool {
	L := float64(c[0]) / 2.55
	da, db := float64(c[1])-128, float64(c[2])-128
	return L >= 95 && math.Hypot(da, db) < 4
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }
