package eval

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// writeDataset makes a small labeled dataset: n products, each with an
// offer (tableA) and a listing (tableB) that share brand, model and title;
// matching pairs join an offer to its own listing, non-matching pairs to the
// next product's.
func writeDataset(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	brands := []string{"Acme", "Globex", "Initech", "Umbrella", "Hooli"}
	nouns := []string{"kettle", "blender", "toaster", "juicer", "mixer", "grinder", "scale", "fryer"}
	var a, b strings.Builder
	a.WriteString("id,name,manufacturer,mpn\n")
	b.WriteString("id,name,manufacturer,mpn\n")
	for i := 0; i < n; i++ {
		brand, noun := brands[i%len(brands)], nouns[(i/len(brands))%len(nouns)]
		model := fmt.Sprintf("%c%c-%d%d", 'A'+i%26, 'K'+i%7, 100+i, i%10)
		fmt.Fprintf(&a, "a%d,%s %s %s deluxe,%s,%s\n", i, brand, noun, model, brand, model)
		fmt.Fprintf(&b, "b%d,%s %s (%s),%s,%s\n", i, brand, noun, model, strings.ToUpper(brand), model)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tableA.csv", a.String())
	write("tableB.csv", b.String())
	write("map.txt", "name=title,manufacturer=brand,mpn=model\n")
	split := func(from, to int) string {
		var s strings.Builder
		s.WriteString("ltable_id,rtable_id,label\n")
		for i := from; i < to; i++ {
			fmt.Fprintf(&s, "a%d,b%d,1\n", i, i)
			fmt.Fprintf(&s, "a%d,b%d,0\n", i, (i+1)%n)
			fmt.Fprintf(&s, "a%d,b%d,0\n", i, (i+7)%n)
		}
		return s.String()
	}
	write("train.csv", split(0, n/2))
	write("valid.csv", split(n/2, 3*n/4))
	write("test.csv", split(3*n/4, n))
	return dir
}

func load(t *testing.T, dir string) *Evaluator {
	t.Helper()
	m, err := ReadMap(dir)
	if err != nil {
		t.Fatal(err)
	}
	renames := map[string]string{}
	for _, kv := range strings.Split(m, ",") {
		k, v, _ := strings.Cut(kv, "=")
		renames[k] = v
	}
	ds, err := Load(dir, renames)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	return NewEvaluator(ds, vs)
}

func TestPerfectSeparatorScoresF1One(t *testing.T) {
	ev := load(t, writeDataset(t, 80))
	test, err := ev.DS.Split("test")
	if err != nil {
		t.Fatal(err)
	}
	r := ev.Evaluate("test", test, match.DefaultConfig())
	if r.F1 != 1 || r.TP != 20 || r.FP != 0 || r.FN != 0 || r.TN != 40 {
		t.Errorf("a model code that separates perfectly: %+v, want F1 = 1 (tp 20, tn 40)", r)
	}
}

func TestEstimatesAreCountedFrequencies(t *testing.T) {
	// Two attributes' levels over five pairs, counted by hand.
	pairs := []Pair{{Match: true}, {Match: true}, {Match: false}, {Match: false}, {Match: false}}
	outs := [][]match.Outcome{
		{{Attribute: "gtin", Level: match.Exact}},
		{{Attribute: "gtin", Level: match.Exact}},
		{{Attribute: "gtin", Level: match.Exact}},
		{{Attribute: "gtin", Level: match.Conflict}},
		{{Attribute: "gtin", Level: match.Missing}},
	}
	est, prior := EstimateWeights(pairs, outs)
	L := float64(len(match.Attributes()[0].Levels)) // gtin's levels
	want := map[match.Level][2]float64{
		// level: m = (matches at level + 1) / (2 + L), u = (non-matches + 1) / (3 + L)
		match.Exact:    {3 / (2 + L), 2 / (3 + L)},
		match.Conflict: {1 / (2 + L), 2 / (3 + L)},
		match.Invalid:  {1 / (2 + L), 1 / (3 + L)},
		match.Missing:  {1 / (2 + L), 2 / (3 + L)},
	}
	for _, e := range est {
		if e.Attribute != "gtin" {
			continue
		}
		w := want[e.Level]
		if math.Abs(e.M-w[0]) > 1e-12 || math.Abs(e.U-w[1]) > 1e-12 {
			t.Errorf("gtin %s: m %v u %v, want %v %v", e.Level, e.M, e.U, w[0], w[1])
		}
		wantW := math.Log2(w[0] / w[1])
		if e.Level == match.Missing {
			wantW = 0
		}
		if math.Abs(e.Weight-wantW) > 1e-12 || math.IsInf(e.Weight, 0) {
			t.Errorf("gtin %s: weight %v, want %v (finite even when unseen)", e.Level, e.Weight, wantW)
		}
	}
	if math.Abs(prior-math.Log2(3.0/4.0)) > 1e-12 {
		t.Errorf("prior %v, want log2((2+1)/(3+1))", prior)
	}
}

func TestTuneWritesAUsableConfig(t *testing.T) {
	ev := load(t, writeDataset(t, 80))
	train, _ := ev.DS.Split("train")
	valid, _ := ev.DS.Split("valid")
	test, _ := ev.DS.Split("test")
	cfg, rep := ev.Tune(train, valid, match.DefaultConfig())
	if err := cfg.Validate(); err != nil {
		t.Fatalf("tuned config does not validate: %v", err)
	}
	if rep.ValidAfter.F1 < rep.ValidBefore.F1 || rep.ValidAfter.F1 != 1 {
		t.Errorf("valid F1 before %v after %v: tuning a separable set should reach 1", rep.ValidBefore.F1, rep.ValidAfter.F1)
	}
	if w := cfg.Weights["model"][match.Exact]; w <= 0 {
		t.Errorf("model exact weight %v: a level seen only in matches must weigh for a match", w)
	}
	if r := ev.Evaluate("test", test, cfg); r.F1 != 1 {
		t.Errorf("tuned config on test: %+v", r)
	}
	// The config survives the file round trip that match and eval use.
	var b strings.Builder
	cfg.Encode(&b)
	if _, err := match.DecodeConfig(strings.NewReader(b.String())); err != nil {
		t.Errorf("tuned config does not load back: %v", err)
	}
}

func TestCatalogMode(t *testing.T) {
	dir := writeDataset(t, 80)
	ev := load(t, dir)
	test, _ := ev.DS.Split("test")
	truth, err := ev.DS.Truth("train", "valid", "test")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ev.Catalog(context.Background(), "test", test, truth, match.DefaultConfig(), "", 2)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Offers != 20 || rep.Positives != 20 || rep.RecallAtK != 1 || rep.F1 != 1 {
		t.Errorf("catalog mode on a separable set: %+v, want 20 offers, recall@K 1, F1 1", rep)
	}
}

func TestBestThreshold(t *testing.T) {
	scores := []Scored{
		{Total: 9, Match: true}, {Total: 7, Match: true}, {Total: 5, Match: false},
		{Total: 3, Match: true}, {Total: 1, Match: false}, {Total: 8, Match: true, Vetoed: true},
	}
	th, c := BestThreshold(scores)
	// Cutting at 6 gives tp 2, fp 0, fn 2 (F1 0.667); at 2: tp 3, fp 1, fn 1 (F1 0.75).
	if th != 2 || c.TP != 3 || c.FP != 1 || c.FN != 1 {
		t.Errorf("BestThreshold = %v %+v, want 2 (between 3 and 1) with tp 3 fp 1 fn 1", th, c)
	}
	if got := CountAt(scores, 2); got != c {
		t.Errorf("CountAt(2) = %+v, want %+v", got, c)
	}
	if rt := RecallThreshold(scores, 0.5); rt != 7 {
		t.Errorf("RecallThreshold(0.5) = %v, want 7: two of four matches", rt)
	}
}

func TestSmoothBestThreshold(t *testing.T) {
	// Four matches: three far above everything (10, 9, 8) and one at 3.05
	// between non-matches at 3.15 and 2.95. Cutting just below 3.05 tops F1
	// (tp 4, fp 1: 0.889) on a tenth of a bit; anywhere between 3.15 and 8
	// gives 0.857 (tp 3, fn 1) over five bits.
	spiky := []Scored{
		{Total: 10, Match: true}, {Total: 9, Match: true}, {Total: 8, Match: true},
		{Total: 3.15}, {Total: 3.05, Match: true}, {Total: 2.95}, {Total: 2.85},
	}
	tests := []struct {
		name         string
		scores       []Scored
		width        float64
		wantLo, want float64 // the threshold wanted in [wantLo, want]
		wantF        float64
		reason       string
	}{
		{"spike against a broad top", spiky, 0.5, 3.15, 8, 6.0 / 7, "averaged over a bit, the spike at 3.0 falls below the five-bit top"},
		{"no width is the peak", spiky, 0, 2.95, 3.05, 8.0 / 9, "with nothing to average, the highest F1 wins"},
		{"every pair vetoed", []Scored{{Total: 5, Match: true, Vetoed: true}}, 0.5, 0, 0, 0, "no total to cut between"},
		{"no pairs", nil, 0.5, 0, 0, 0, "no total to cut between"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			th, f := SmoothBestThreshold(tc.scores, tc.width)
			if th < tc.wantLo || th > tc.want || math.Abs(f-tc.wantF) > 1e-9 {
				t.Errorf("SmoothBestThreshold = %v (F1 %v), want a threshold in [%v, %v] with F1 %v: %s", th, f, tc.wantLo, tc.want, tc.wantF, tc.reason)
			}
		})
	}
	if th, _ := BestThreshold(spiky); th > 3.1 {
		t.Errorf("BestThreshold = %v, want the spike's (3.0): the case shows the difference", th)
	}
}

func TestSplitErrors(t *testing.T) {
	dir := writeDataset(t, 10)
	ev := load(t, dir)
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte("ltable_id,rtable_id,label\na1,b1,yes\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "ghost.csv"), []byte("ltable_id,rtable_id,label\na1,b999,1\n"), 0o644)
	for split, want := range map[string]string{"bad": "line 2, field label", "ghost": `rtable_id "b999" is not in tableB`, "nope": "no such file"} {
		if _, err := ev.DS.Split(split); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Split(%s) = %v, want %q", split, err, want)
		}
	}
}

// TestTunePooledWeighsDatasetsAlike: a pooled fit over a big and a small
// dataset counts the small one's pairs as often as the big one's, and
// separates both.
func TestTunePooledWeighsDatasetsAlike(t *testing.T) {
	big, small := load(t, writeDataset(t, 160)), load(t, writeDataset(t, 40))
	set := func(ev *Evaluator) TuneSet {
		train, _ := ev.DS.Split("train")
		valid, _ := ev.DS.Split("valid")
		return TuneSet{E: ev, Train: train, Valid: valid}
	}
	sb, ss := set(big), set(small)
	cfg, rep := TunePooled([]TuneSet{sb, ss}, match.DefaultConfig(), false)
	if err := cfg.Validate(); err != nil {
		t.Fatalf("pooled config does not validate: %v", err)
	}
	if w := cfg.Weights["rank"][match.AheadBoth]; w != 0 || rep.StandingAhead != 0 {
		t.Errorf("pooled config weighs being ahead on both sides %v (report %v): a default for unseen catalogs must not", w, rep.StandingAhead)
	}
	if want := len(sb.Train) + 4*len(ss.Train); rep.Train != want {
		t.Errorf("pooled train pairs %d, want %d: the small set repeats to the big one's size", rep.Train, want)
	}
	for _, ev := range []*Evaluator{big, small} {
		test, _ := ev.DS.Split("test")
		if r := ev.Evaluate("test", test, cfg); r.F1 != 1 {
			t.Errorf("%s: pooled config test F1 %v, want 1 on a separable set", ev.DS.Name, r.F1)
		}
	}
}

// TestAblate: an evaluator without the model comparison cannot lean on the
// codes that separate the generated products.
func TestAblate(t *testing.T) {
	ev := load(t, writeDataset(t, 80))
	test, _ := ev.DS.Split("test")
	outs := ev.Compare(test, match.DefaultConfig())
	ev.Ablate("model")
	ablated := ev.Compare(test, match.DefaultConfig())
	for i := range outs {
		for j, o := range ablated[i] {
			if o.Attribute == "model" && o.Level != match.Missing {
				t.Fatalf("pair %d: model compared as %s after Ablate", i, o.Level)
			}
			if o.Attribute != "model" && o.Level != outs[i][j].Level {
				t.Fatalf("pair %d: %s changed from %s to %s: Ablate touched another attribute", i, o.Attribute, outs[i][j].Level, o.Level)
			}
		}
	}
}

// TestTuneLearnsWords: when only a word tells matches from non-matches
// (an upgrade edition against the full product), tune learns its weight.
func TestTuneLearnsWords(t *testing.T) {
	var a, b strings.Builder
	a.WriteString("id,name\n")
	b.WriteString("id,name\n")
	lines := []string{"ltable_id,rtable_id,label"}
	brands := []string{"Adobe", "Corel", "Nero", "Roxio", "Intuit", "Avid"}
	for i := 0; i < 120; i++ {
		name := fmt.Sprintf("%s Studio %d", brands[i%len(brands)], 100+i)
		fmt.Fprintf(&a, "a%d,%s\n", i, name)
		fmt.Fprintf(&b, "b%d,%s\nu%d,%s upgrade\n", i, name, i, name)
		lines = append(lines, fmt.Sprintf("a%d,b%d,1", i, i), fmt.Sprintf("a%d,u%d,0", i, i))
	}
	ev := load(t, writeTitleDataset(t, a.String(), b.String(), lines, 60, 90))
	// "upgrade" is the one word outside the other title: containment would
	// tell these pairs apart as well; the words must do it alone here.
	ev.Ablate("containment")
	train, _ := ev.DS.Split("train")
	valid, _ := ev.DS.Split("valid")
	test, _ := ev.DS.Split("test")
	cfg, rep := ev.Tune(train, valid, match.DefaultConfig())
	if rep.Words == 0 || cfg.Words["upgrade"].One >= 0 {
		t.Fatalf("tune learned %d words, upgrade %+v: want a negative weight for upgrade in one title only", rep.Words, cfg.Words["upgrade"])
	}
	if r := ev.Evaluate("test", test, cfg); r.F1 != 1 {
		t.Errorf("test F1 %v with the learned word, want 1", r.F1)
	}
}

// TestTuneWeighsStanding: when how alike a pair looks depends on the
// product (some offers' titles say more than others), no threshold on the
// pair alone separates matches from siblings, but each offer's match is
// ahead of its sibling: tune gives the standing a scale, and test F1 rises.
func TestTuneWeighsStanding(t *testing.T) {
	var a, b strings.Builder
	a.WriteString("id,name\n")
	b.WriteString("id,name\n")
	lines := []string{"ltable_id,rtable_id,label"}
	for i := 0; i < 160; i++ {
		w := make([]string, 6)
		for k := range w {
			w[k] = fmt.Sprintf("w%dx%c", i, 'a'+k)
		}
		match, sibling := strings.Join(w, " "), strings.Join(w[:5], " ")+fmt.Sprintf(" z%d", i)
		if i%2 == 1 { // a terse product: its match shares four words, its sibling two
			match = strings.Join(w[:4], " ") + fmt.Sprintf(" y%d q%d", i, i)
			sibling = strings.Join(w[:2], " ") + fmt.Sprintf(" y%d r%d s%d", i, i, i)
		}
		fmt.Fprintf(&a, "a%d,%s\n", i, strings.Join(w, " "))
		fmt.Fprintf(&b, "m%d,%s\ns%d,%s\n", i, match, i, sibling)
		lines = append(lines, fmt.Sprintf("a%d,m%d,1", i, i), fmt.Sprintf("a%d,s%d,0", i, i))
	}
	ev := load(t, writeTitleDataset(t, a.String(), b.String(), lines, 80, 120))
	train, _ := ev.DS.Split("train")
	valid, _ := ev.DS.Split("valid")
	test, _ := ev.DS.Split("test")
	cfg, rep := ev.Tune(train, valid, match.DefaultConfig())
	if rep.StandingScale == 0 {
		t.Fatalf("tune left the standing silent (valid F1 %.3f)", rep.ValidAfter.F1)
	}
	with := ev.Evaluate("test", test, cfg)
	without := cloneConfig(cfg)
	without.Weights["rank"] = match.StandingWeights(0)
	if alone := ev.Evaluate("test", test, without); with.BestF1 <= alone.BestF1 {
		t.Errorf("test F1 at the best threshold %.3f with the standing, %.3f without: want higher with it", with.BestF1, alone.BestF1)
	}
}

// TestStandKeepsSetsApart: pairs of two datasets whose ids coincide are not
// each other's rivals.
func TestStandKeepsSetsApart(t *testing.T) {
	cfg := match.DefaultConfig()
	outs := [][]match.Outcome{{{Attribute: "rank"}}, {{Attribute: "rank"}}}
	pairs := []Pair{{A: "1", B: "x"}, {A: "1", B: "y"}}
	stand(pairs, outs, cfg, []int{0, 1})
	for i, o := range outs {
		if o[0].Level != match.Missing {
			t.Errorf("pair %d of its own set stands %s (%s), want missing: no rival in its set", i, o[0].Level, o[0].Evidence)
		}
	}
	stand(pairs, outs, cfg, nil)
	if outs[0][0].Level != match.Tied {
		t.Errorf("two pairs of one offer with equal totals: %s, want tied", outs[0][0].Level)
	}
}

// writeTitleDataset writes a dataset of titles only: tables a and b (CSV
// with id,name), and lines (a header, then two pairs a product) split by
// product into train (before validFrom), valid (to testFrom) and test.
func writeTitleDataset(t *testing.T, a, b string, lines []string, validFrom, testFrom int) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tableA.csv", a)
	write("tableB.csv", b)
	write("map.txt", "name=title\n")
	split := func(from, to int) string {
		return strings.Join(append(lines[:1:1], lines[1+2*from:1+2*to]...), "\n") + "\n"
	}
	write("train.csv", split(0, validFrom))
	write("valid.csv", split(validFrom, testFrom))
	write("test.csv", split(testFrom, (len(lines)-1)/2))
	return dir
}
