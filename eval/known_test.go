package eval

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestKnownProducts: labeled matches join records into products (through
// a record matched twice), a record on both sides of a corpus is one
// record, and two tables' records that share an id but not their text stay
// two products.
func TestKnownProducts(t *testing.T) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	r := func(id, title string) *match.Record { return &match.Record{ID: id, Title: title} }
	ds := &Dataset{Name: "t",
		A: map[string]*match.Record{"a1": r("a1", "Acme Anvil 5kg"), "a2": r("a2", "Acme Anvil 10kg"), "x": r("x", "Acme anvil five kilo"), "c": r("c", "Foo Bar")},
		B: map[string]*match.Record{"b1": r("b1", "ACME anvil 5 kg"), "b2": r("b2", "Acme anvil 10 kg"), "x": r("x", "Acme anvil five kilo"), "c": r("c", "Other Thing")},
	}
	ds.BOrder = []string{"b1", "b2", "x", "c"}
	e := NewEvaluator(ds, vs)
	pairs := []Pair{
		{A: "a1", B: "b1", Match: true},
		{A: "a1", B: "b2"},
		{A: "x", B: "b1", Match: true},
		{A: "a2", B: "x"},
		{A: "a2", B: "b2", Match: true},
		{A: "c", B: "c"},
	}
	var got [][]string
	for _, p := range e.KnownProducts(pairs) {
		var ids []string
		for _, rec := range p {
			ids = append(ids, rec.ID+" "+rec.Title)
		}
		got = append(got, ids)
	}
	want := [][]string{
		{"a1 Acme Anvil 5kg", "b1 ACME anvil 5 kg", "x Acme anvil five kilo"},
		{"b2 Acme anvil 10 kg", "a2 Acme Anvil 10kg"}, // b2 is met first (a1, b2)
		{"c Foo Bar"},
		{"c Other Thing"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("products:\n got %q\nwant %q\n(x is labeled the same as b1, and is one record on both sides; the two c are two records)", got, want)
	}
}

// TestTuneKeepsKnownProducts: each product is written two ways that share
// no word (two shops, two languages), and the train pairs say which
// wordings are one product. Valid and test pairs are new records of the
// same products: alone, a match and a sibling look alike (no shared word);
// placed among the train pairs' products, they do not. Tune keeps the
// products, and test F1 reaches 1.
func TestTuneKeepsKnownProducts(t *testing.T) {
	const n = 40
	var a, b strings.Builder
	a.WriteString("id,name\n")
	b.WriteString("id,name\n")
	lines := []string{"ltable_id,rtable_id,label"}
	for split := range 3 {
		for i := range n {
			slot, next := split*n+i, split*n+(i+1)%n
			fmt.Fprintf(&a, "a%d,Zorb w%dx w%dy w%dz\n", slot, i, i, i)
			fmt.Fprintf(&b, "b%d,Zorb v%dq v%dr v%ds\n", slot, i, i, i)
			lines = append(lines, fmt.Sprintf("a%d,b%d,1", slot, slot), fmt.Sprintf("a%d,b%d,0", slot, next))
		}
	}
	ev := load(t, writeTitleDataset(t, a.String(), b.String(), lines, n, 2*n))
	train, _ := ev.DS.Split("train")
	valid, _ := ev.DS.Split("valid")
	test, _ := ev.DS.Split("test")
	cfg, rep := ev.Tune(train, valid, match.DefaultConfig())
	if rep.KnownProducts != n || len(cfg.Known) != n || (rep.KnownSame <= 0 && rep.KnownApart >= 0) {
		t.Fatalf("tune kept %d known products (config %d, %+.1f / %+.1f bits), want %d and a weight", rep.KnownProducts, len(cfg.Known), rep.KnownSame, rep.KnownApart, n)
	}
	if r := ev.Evaluate("test", test, cfg); r.F1 != 1 {
		t.Errorf("test F1 %.3f with the known products, want 1", r.F1)
	}
	without := cloneConfig(cfg)
	without.Known = nil
	if r := ev.Evaluate("test", test, without); r.F1 == 1 {
		t.Errorf("test F1 1 without the known products: the test does not need them")
	}
}
