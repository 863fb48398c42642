package imagecmp

import (
	"math/rand/v2"
	"testing"
)

// fp is a fingerprint with the given pHash and a uniform color signature.
func fp(phash uint64, l, a, b byte) Fingerprint {
	c := make([]byte, 0, GridSize*GridSize*3)
	for range GridSize * GridSize {
		c = append(c, l, a, b)
	}
	return Fingerprint{PHash: phash, DHash: phash, Color: c}
}

func TestCompareVerdicts(t *testing.T) {
	red, green := fp(0xF0F0, 140, 200, 180), fp(0xF0F0, 140, 60, 190)
	tests := []struct {
		name          string
		a, b          Fingerprint
		verdict       string
		colorConflict bool
		why           string
	}{
		{"identical", red, red, Same, false, "the same fingerprint is the same photo"},
		{"a few bits", red, fp(0xF0F1, 140, 200, 180), Same, false, "one pHash bit is within the threshold"},
		{"recolored", red, green, Different, true, "same shape in another color is a color variant"},
		{"unrelated", red, fp(^uint64(0xF0F0), 140, 60, 190), Different, false, "every bit differs"},
		{"bad signature", red, Fingerprint{PHash: 0xF0F0, Color: []byte{1, 2}}, Different, true, "a signature of another length is maximally distant in color"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(tt.a, tt.b, DefaultThresholds())
			if c.Verdict != tt.verdict || c.ColorConflict != tt.colorConflict {
				t.Errorf("Compare = %+v, want verdict %s, color conflict %v (%s)", c, tt.verdict, tt.colorConflict, tt.why)
			}
		})
	}
}

// TestCompareProperties: symmetric, similarity in [0,1], 1 on identical
// input, on random fingerprints.
func TestCompareProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	rnd := func() Fingerprint {
		c := make([]byte, GridSize*GridSize*3)
		for i := range c {
			c[i] = byte(r.IntN(256))
		}
		return Fingerprint{PHash: r.Uint64(), DHash: r.Uint64(), Color: c}
	}
	for range 500 {
		a, b := rnd(), rnd()
		if r.IntN(4) == 0 {
			b.PHash = a.PHash ^ 1<<r.IntN(64)
		}
		ab, ba := Compare(a, b, DefaultThresholds()), Compare(b, a, DefaultThresholds())
		if ab != ba {
			t.Fatalf("Compare not symmetric: %+v vs %+v", ab, ba)
		}
		if ab.Similarity < 0 || ab.Similarity > 1 {
			t.Fatalf("similarity %v not in [0,1]", ab.Similarity)
		}
		if aa := Compare(a, a, DefaultThresholds()); aa.Similarity != 1 || aa.Verdict != Same {
			t.Fatalf("Compare(a, a) = %+v, want similarity 1, same", aa)
		}
	}
}
