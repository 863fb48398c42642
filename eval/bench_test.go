package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// benchSets loads the datasets the pair benchmark scores: those under
// $FOLLOWMATCH_EM and $FOLLOWMATCH_EM_EXTRA, or the shared data next to the
// repository (Abt-Buy, Walmart-Amazon, WDC Products medium); it skips the
// benchmark when there are none.
func benchSets(b *testing.B) []*Dataset {
	var dirs []string
	for _, d := range []struct{ env, name string }{{"FOLLOWMATCH_EM", "em"}, {"FOLLOWMATCH_EM_EXTRA", "em-extra"}} {
		dir := os.Getenv(d.env)
		if dir == "" {
			dir = filepath.Join("..", "..", "shared", "data", d.name)
		}
		if _, err := os.Stat(dir); err == nil {
			dirs = append(dirs, dir)
		}
	}
	sets, err := LoadAll(dirs)
	if err != nil {
		b.Fatal(err)
	}
	if len(sets) == 0 {
		b.Skip("no labeled-pair dataset here (set FOLLOWMATCH_EM)")
	}
	return sets
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

// BenchmarkPrepare prepares each dataset's listings (tableB) on one core:
// what a bulk run pays for every candidate listing it decodes from the
// index (a third of the matching time at 1M listings).
func BenchmarkPrepare(b *testing.B) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		b.Fatal(err)
	}
	for _, ds := range benchSets(b) {
		recs := make([]*match.Record, 0, len(ds.BOrder))
		for _, id := range ds.BOrder {
			recs = append(recs, ds.B[id])
		}
		if len(recs) == 0 {
			continue
		}
		b.Run(ds.Name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				match.Prepare(recs[i%len(recs)], vs)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkDecodeFeatures reads back the stored features of each dataset's
// listings (tableB) on one core: what a bulk run pays for a candidate
// listing instead of preparing it (BenchmarkPrepare), when the index was
// built by the same program.
func BenchmarkDecodeFeatures(b *testing.B) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		b.Fatal(err)
	}
	for _, ds := range benchSets(b) {
		var recs []*match.Record
		var feats []string
		for _, id := range ds.BOrder {
			recs = append(recs, ds.B[id])
			feats = append(feats, string(match.AppendFeatures(nil, match.Prepare(ds.B[id], vs))))
		}
		if len(recs) == 0 {
			continue
		}
		b.Run(ds.Name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				j := i % len(recs)
				if _, err := match.DecodeFeatures(recs[j], feats[j], vs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
