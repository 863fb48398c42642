package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
)

func TestZZFN(t *testing.T) {
	vs, _ := match.LoadVocabularies()
	sets, err := LoadAll([]string{"../../shared/data/em-extra"})
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range sets {
		if ds.Name != "wdc-products-seen-medium" {
			continue
		}
		e := NewEvaluator(ds, vs)
		pairs, _ := ds.Split("valid")
		cfg := match.DefaultConfig()
		outs := e.Compare(pairs, cfg)
		scores := Weigh(pairs, outs, cfg)
		n := 0
		for i, p := range pairs {
			if !p.Match || match.Probability(scores[i].Total) >= cfg.MatchThreshold {
				continue
			}
			n++
			if n > 30 {
				break
			}
			var neg []string
			for _, o := range outs[i] {
				w := cfg.Weights[o.Attribute][o.Level]
				if w < 0 || (o.Level == match.Conflict) {
					neg = append(neg, fmt.Sprintf("%s=%s(%.1f) %s", o.Attribute, o.Level, w, o.Evidence))
				}
			}
			t.Logf("p=%.2f | %s || %s\n      %s", match.Probability(scores[i].Total), e.a[p.A].Rec.Title, e.b[p.B].Rec.Title, strings.Join(neg, "; "))
		}
	}
}
