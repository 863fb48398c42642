package catalog

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestHTMLReport: the report counts decisions and reasons, shows each offer
// beside its listing (or the nearest one) with pictures and the evidence,
// and escapes what the files say.
func TestHTMLReport(t *testing.T) {
	offers := map[string]*match.Record{
		"O1": {ID: "O1", Title: "Sony WH-1000XM4 Black", Images: []string{"o1.jpg"}},
		"O2": {ID: "O2", Title: `<script>alert("x")</script> Kettle`},
	}
	listings := map[string]*match.Record{
		"L1": {ID: "L1", Title: "Sony WH-1000XM4 Wireless Headphones, Black", Images: []string{"https://img.example/l1.jpg"}},
		"L9": {ID: "L9", Title: "Kettle 1.7 L, White"},
	}
	var notes []string
	src := HTMLSources{
		Title:   "offers.csv",
		Offer:   func(id string) *match.Record { return offers[id] },
		Listing: func(id string) *match.Record { return listings[id] },
		Picture: func(ref string) template.URL {
			if strings.HasPrefix(ref, "https://") {
				return template.URL(ref)
			}
			return template.URL("data:image/jpeg;base64,AAAA")
		},
		Notes: func() []string { return notes },
	}
	var b bytes.Buffer
	w := NewHTMLReport(&b, src)
	results := []match.Result{
		{OfferID: "O1", Decision: match.Eligible, ListingID: "L1", Probability: 0.99, Reasons: []string{},
			Comparisons: []match.Comparison{{Attribute: "model", Level: "exact", Weight: 7}, {Attribute: "color", Level: "family", Weight: -2}}},
		{OfferID: "O2", Decision: match.NoMatch, Probability: 0.2, Reasons: []string{},
			Nearest: &match.Nearest{ListingID: "L9", Mismatches: []string{"color"}}},
		{OfferID: "O3", Decision: match.Blocked, ListingID: "L1", Probability: 0.97, Reasons: []string{match.ReasonBrandAuthorization}},
		{OfferID: "row 5", Decision: match.Error, Reasons: []string{}, Error: "offers.csv row 5: no title"},
	}
	for _, r := range results {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	notes = []string{"pictures are embedded for the first 1 images"}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, tt := range []struct {
		want, reason string
	}{
		{`<td class="badge d-eligible">eligible</td><td class="n">1</td><td class="n">25.0%</td>`, "one eligible of four"},
		{`<td>brand_authorization_required</td><td class="n">1</td>`, "the reasons are counted"},
		{`data:image/jpeg;base64,AAAA`, "the offer's local picture is embedded"},
		{`src="https://img.example/l1.jpg"`, "a listing's picture URL is linked"},
		{`nearest L9`, "a no_match shows its nearest listing"},
		{`nearest L9 differs in color`, "and why it is not the item"},
		{`model exact &#43;7.0`, "the evidence for"},
		{`color family -2.0`, "the evidence against"},
		{`&lt;script&gt;`, "titles are escaped"},
		{`offers.csv row 5: no title`, "an error row says why"},
		{`pictures are embedded for the first 1 images`, "the notes are shown"},
		{`<tr data-d="error">`, "error rows are listed, not dropped"},
	} {
		if !strings.Contains(page, tt.want) {
			t.Errorf("report lacks %q (%s)", tt.want, tt.reason)
		}
	}
	if strings.Contains(page, `<script>alert`) {
		t.Error("a title's script tag reached the page unescaped")
	}
	if n := strings.Count(page, "<tr data-d="); n != len(results) {
		t.Errorf("%d offer rows, want %d", n, len(results))
	}
}
