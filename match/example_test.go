package match_test

import (
	"context"
	"fmt"

	"github.com/followmatch/followmatch/match"
)

// listSource is the smallest CandidateSource: every listing is a candidate.
type listSource []*match.Item

func (s listSource) Candidates(context.Context, *match.Item, int) ([]*match.Item, error) {
	return s, nil
}

// Example decides one offer against two listings without an index: a tool
// with its own retrieval plugs it in as the CandidateSource.
func Example() {
	vs, err := match.LoadVocabularies()
	if err != nil {
		panic(err)
	}
	listings := listSource{
		match.Prepare(&match.Record{ID: "B01", Brand: "Anker", Title: "Anker PowerCore 10000 Portable Charger", Model: "A1263"}, vs),
		match.Prepare(&match.Record{ID: "B02", Brand: "Anker", Title: "Anker PowerCore 10000 Portable Charger, 2-Pack", Model: "A1263"}, vs),
	}
	m := &match.Matcher{
		Scorer: match.NewScorer(match.DefaultConfig(), nil),
		Source: listings,
		Rules:  match.NewRules(match.Policy{MinStock: 10}, match.Seller{}, vs),
		Vocab:  vs,
	}
	stock := 4
	r := m.Match(context.Background(), &match.Record{ID: "SKU-1", Brand: "Anker", Title: "Anker PowerCore 10000 (A1263)", Stock: &stock})
	fmt.Println(r.Decision, r.ListingID, r.Reasons)
	// Output: blocked B01 [insufficient_stock]
}

// ExampleAttributes lists the evidence the match core weighs: each
// attribute's levels, from agreement to disagreement, and which veto.
func ExampleAttributes() {
	for _, a := range match.Attributes()[:3] {
		var levels []string
		for _, l := range a.Levels {
			s := string(l.Level)
			if l.Veto {
				s += "(veto)"
			}
			levels = append(levels, s)
		}
		fmt.Println(a.Name, levels)
	}
	// Output:
	// gtin [exact conflict invalid missing]
	// brand [exact alias in_title close owner not_in_title leads_apart leads_other(veto) conflict(veto) missing]
	// title [exact t90 t80 t70 t60 t50 t40 t30 t20 different missing]
}

// ExampleMatcher_Trace follows one offer through the match path: the
// candidates ranked best first, each with its total, then the decision.
func ExampleMatcher_Trace() {
	vs, err := match.LoadVocabularies()
	if err != nil {
		panic(err)
	}
	m := &match.Matcher{
		Scorer: match.NewScorer(match.DefaultConfig(), nil),
		Source: listSource{
			match.Prepare(&match.Record{ID: "B01", Brand: "Sony", Title: "Sony WH-1000XM4 Wireless Headphones, Black", Model: "WH-1000XM4"}, vs),
			match.Prepare(&match.Record{ID: "B02", Brand: "Sony", Title: "Sony WH-1000XM5 Wireless Headphones, Black", Model: "WH-1000XM5"}, vs),
		},
		Rules: match.NewRules(match.Policy{}, match.Seller{}, vs),
		Vocab: vs,
	}
	t, err := m.Trace(context.Background(), &match.Record{ID: "SKU-9", Brand: "SONY", Title: "SONY WH1000XM4 WRLSS HDPHN BLK"}, "")
	if err != nil {
		panic(err)
	}
	for _, s := range t.Scored {
		fmt.Printf("%s total %+.1f vetoes %v\n", s.Listing.Rec.ID, s.Total, s.Vetoes)
	}
	fmt.Println(t.Result.Decision, t.Result.ListingID)
	// Output:
	// B01 total +13.5 vetoes []
	// B02 total -4.5 vetoes [model]
	// eligible B01
}
