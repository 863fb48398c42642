package match

import (
	"encoding/json"
	"testing"
)

// TestEvidenceReproducible: a pair that conflicts on many attributes, and on
// several dimensions and parameters within one, gives the same comparisons
// (levels and evidence strings) every time: maps are walked in a declared
// order wherever the walk shows.
func TestEvidenceReproducible(t *testing.T) {
	vs := testVocab(t)
	offer := Record{ID: "o", Brand: "Acme", Title: "Acme Cold Brew 500 ml 1.2 kg 24 count 12V 60W, Black, Cotton, Pack of 2",
		Model: "CB-2000X", Size: "500 ml 1.2 kg 24 ct 12 V 60 W", Color: "Black", Material: "Cotton", Origin: "China",
		Params: map[string]string{"Capacity": "64 GB", "capacity ": "32 GB", "Voltage": "12 V", "wattage": "60 W", "Speed": "fast"}}
	listing := Record{ID: "l", Brand: "Acme", Title: "Acme Cold Brew 750 ml 2 kg 12 count 24V 90W, Red, Wool",
		Model: "CB-2001X", Size: "750 ml 2 kg 12 ct 24 V 90 W", Color: "Red", Material: "Wool", Origin: "Mexico",
		Params: map[string]string{"capacity": "128 GB", "Voltage": "24 V", "Wattage": "90 W", "speed": "slow"}}
	s := NewScorer(DefaultConfig(), nil)
	var first string
	for i := range 100 {
		sc := s.Score(Prepare(&offer, vs), Prepare(&listing, vs))
		b, err := json.Marshal(sc.Comparisons)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = string(b)
			if len(sc.Vetoes) < 5 {
				t.Fatalf("vetoes %v: the pair must conflict on many attributes to test anything", sc.Vetoes)
			}
			continue
		}
		if string(b) != first {
			t.Fatalf("run %d gave other evidence:\n%s\nfirst:\n%s", i, b, first)
		}
	}
}
