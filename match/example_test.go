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
