package eval

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/match"
)

// TestCatalogModeIsMatch: catalog mode counts exactly what the shipped
// match path decides. Every test offer is matched again with Engine.Match
// on the same index and scored the way Catalog scores; the counts agree.
// On the public Abt-Buy set when ../shared/data is present (the real
// mistakes and unlabeled pairs), and on a generated set always.
func TestCatalogModeIsMatch(t *testing.T) {
	dirs := []string{writeDataset(t, 80)}
	if d := filepath.Join("..", "..", "shared", "data", "em", "abt-buy"); exists(d) {
		dirs = append(dirs, d)
	} else {
		t.Log("../shared/data/em/abt-buy is absent: checking the generated set only")
	}
	for _, dir := range dirs {
		ev := load(t, dir)
		test, err := ev.DS.Split("test")
		if err != nil {
			t.Fatal(err)
		}
		truth, err := ev.DS.Truth("train", "valid", "test")
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		idx := filepath.Join(t.TempDir(), "listings.idx")
		cfg := match.DefaultConfig()
		rep, err := ev.Catalog(ctx, "test", test, truth, cfg, idx, 2)
		if err != nil {
			t.Fatal(err)
		}
		eng, err := followmatch.Open(ctx, idx, followmatch.Options{Config: cfg, ReadOnly: true, ImageCacheDir: "-"})
		if err != nil {
			t.Fatal(err)
		}
		var want Counts
		positives := map[string][]string{}
		var offers []string
		for _, p := range test {
			if !slices.Contains(offers, p.A) {
				offers = append(offers, p.A)
			}
			if p.Match {
				positives[p.A] = append(positives[p.A], p.B)
			}
		}
		for _, a := range offers {
			r := eng.Match(ctx, ev.DS.A[a])
			hit := false
			if r.Decision == match.Eligible || r.Decision == match.Blocked {
				switch {
				case slices.Contains(positives[a], r.ListingID):
					want.TP++
					hit = true
				case truth[Pair{A: a, B: r.ListingID, Match: true}]:
				default:
					want.FP++
				}
			}
			want.FN += len(positives[a])
			if hit {
				want.FN--
			}
		}
		eng.Close()
		if rep.TP != want.TP || rep.FP != want.FP || rep.FN != want.FN {
			t.Errorf("%s: catalog mode counted tp %d fp %d fn %d; Engine.Match decides tp %d fp %d fn %d",
				filepath.Base(dir), rep.TP, rep.FP, rep.FN, want.TP, want.FP, want.FN)
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
