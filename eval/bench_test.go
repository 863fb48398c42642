package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// emDir is where the labeled-pair datasets are: $FOLLOWMATCH_EM, or the
// shared data next to the repository.
func emDir() string {
	if d := os.Getenv("FOLLOWMATCH_EM"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "data", "em")
}

// BenchmarkScorePairs scores the test pairs of each dataset with the
// default config on one core (comparisons and weights, records prepared
// beforehand): the rate RESULTS.md reports as scored pairs/s.
func BenchmarkScorePairs(b *testing.B) {
	for _, name := range []string{"abt-buy", "walmart-amazon"} {
		b.Run(name, func(b *testing.B) {
			ds, err := Load(filepath.Join(emDir(), name), nil)
			if err != nil {
				b.Skipf("dataset %s not available: %v", name, err)
			}
			vs, err := match.LoadVocabularies()
			if err != nil {
				b.Fatal(err)
			}
			e := NewEvaluator(ds, vs)
			pairs, err := ds.Split("test")
			if err != nil {
				b.Fatal(err)
			}
			cfg := match.DefaultConfig()
			if f := os.Getenv("XCFG"); f != "" {
				fh, err := os.Open(filepath.Join(f, name+".json"))
				if err != nil {
					b.Fatal(err)
				}
				cfg, err = match.DecodeConfig(fh)
				if err != nil {
					b.Fatal(err)
				}
			}
			s := match.NewScorer(cfg, e.IDF)
			for i := 0; b.Loop(); i++ {
				p := pairs[i%len(pairs)]
				s.Score(e.a[p.A], e.b[p.B])
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
		})
	}
}
