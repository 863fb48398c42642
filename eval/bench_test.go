package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// dataDir is where the labeled-pair datasets are: $FOLLOWMATCH_EM (or
// $FOLLOWMATCH_EM_EXTRA), or the shared data next to the repository.
func dataDir(env, name string) string {
	if d := os.Getenv(env); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "data", name)
}

// benchSets loads the datasets the pair benchmark scores, skipping those
// absent: Abt-Buy, Walmart-Amazon, WDC Products (medium, each test set).
func benchSets(b *testing.B) []*Dataset {
	var out []*Dataset
	for _, name := range []string{"abt-buy", "walmart-amazon"} {
		if ds, err := Load(filepath.Join(dataDir("FOLLOWMATCH_EM", "em"), name), nil); err == nil {
			out = append(out, ds)
		}
	}
	if dir := filepath.Join(dataDir("FOLLOWMATCH_EM_EXTRA", "em-extra"), "wdc-products"); IsWDC(dir) {
		for _, test := range WDCTests {
			if ds, err := LoadWDC(dir, test.Name, "medium"); err == nil {
				out = append(out, ds)
			}
		}
	}
	if len(out) == 0 {
		b.Skip("no labeled-pair dataset here (set FOLLOWMATCH_EM)")
	}
	return out
}

// BenchmarkScorePairs scores the test pairs of each dataset on one core
// (comparisons and weights, records prepared beforehand), under the default
// config and under the config tune fitted on it (benchmarks/configs, with
// its learned title words): the rate RESULTS.md reports as scored pairs/s.
func BenchmarkScorePairs(b *testing.B) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		b.Fatal(err)
	}
	for _, ds := range benchSets(b) {
		e := NewEvaluator(ds, vs)
		pairs, err := ds.Split("test")
		if err != nil {
			b.Fatal(err)
		}
		configs := map[string]*match.Config{"default": match.DefaultConfig()}
		if f, err := os.Open(filepath.Join("..", "benchmarks", "configs", ds.Name+".json")); err == nil {
			cfg, err := match.DecodeConfig(f)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			configs["tuned"] = cfg
		}
		for _, name := range []string{"default", "tuned"} {
			cfg, ok := configs[name]
			if !ok {
				continue
			}
			b.Run(ds.Name+"/"+name, func(b *testing.B) {
				s := match.NewScorer(cfg, e.IDF)
				for i := 0; b.Loop(); i++ {
					p := pairs[i%len(pairs)]
					s.Score(e.a[p.A], e.b[p.B])
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
			})
		}
	}
}
