package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
)

func TestResultWriters(t *testing.T) {
	results := []match.Result{
		{OfferID: "S1", Decision: match.Blocked, ListingID: "B1", Probability: 0.987, Reasons: []string{"ip_risk_brand", "insufficient_stock"}},
		{OfferID: "S2", Decision: match.NoMatch, Reasons: []string{}, Nearest: &match.Nearest{ListingID: "B9", Mismatches: []string{"pack_count"}}},
		match.ErrorResult("S3", os.ErrNotExist),
	}
	tests := []struct {
		format string
		want   string
	}{
		{"jsonl", `{"offer_id":"S1","decision":"blocked","listing_id":"B1","probability":0.987,"reasons":["ip_risk_brand","insufficient_stock"]}
{"offer_id":"S2","decision":"no_match","probability":0,"reasons":[],"nearest":{"listing_id":"B9","mismatches":["pack_count"],"probability":0}}
{"offer_id":"S3","decision":"error","probability":0,"reasons":[],"error":"file does not exist"}
`},
		{"csv", `offer_id,decision,listing_id,probability,reasons
S1,blocked,B1,0.987,ip_risk_brand|insufficient_stock
S2,no_match,,0,
S3,error,,0,file does not exist
`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		w, err := NewResultWriter(&b, tt.format)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.format, b.String(), tt.want)
		}
	}
	if _, err := NewResultWriter(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestLoadPolicyAndSeller(t *testing.T) {
	dir := t.TempDir()
	put := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		return p
	}
	p, err := LoadPolicy(put("p.yaml", "restricted_brands: [Nike]\nip_risk_brands: [Apple]\ngated_categories: [\"Beauty > Fragrance\"]\nmin_stock: 10\n"))
	if err != nil || p.MinStock != 10 || p.RestrictedBrands[0] != "Nike" || p.GatedCategories[0] != "Beauty > Fragrance" {
		t.Errorf("policy: %+v, %v", p, err)
	}
	s, err := LoadSeller(put("s.json", `{"authorized_brands":["LEGO"],"approved_categories":["Grocery"]}`))
	if err != nil || s.AuthorizedBrands[0] != "LEGO" {
		t.Errorf("seller: %+v, %v", s, err)
	}
	for path, want := range map[string]string{
		put("typo.yaml", "restricted_brand: [Nike]\n"): "unknown field",
		put("neg.json", `{"min_stock": -1}`):           "negative",
		put("type.json", `{"min_stock": "ten"}`):       "cannot unmarshal",
		put("p.toml", "x=1"):                           "unknown file type",
		put("bad.yaml", "restricted_brands: [Nike\n"):  "not valid YAML",
		filepath.Join(dir, "missing.yaml"):             "no such file",
	} {
		if _, err := LoadPolicy(path); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
			t.Errorf("LoadPolicy(%s) = %v, want an error naming the file and containing %q", path, err, want)
		}
	}
	if _, err := LoadConfig(put("c.yaml", "match_threshold: 0.9\nweights:\n  gtin:\n    exact: 14\n")); err != nil {
		t.Errorf("YAML config: %v", err)
	}
	if _, err := LoadConfig(put("c2.json", `{"treshold": 1}`)); err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("config with a typo: %v", err)
	}
}

func TestWhy(t *testing.T) {
	cs := []match.Comparison{
		{Attribute: "gtin", Level: match.Missing}, {Attribute: "title", Level: "t80", Weight: 4},
		{Attribute: "size", Level: match.Exact, Weight: 2}, {Attribute: "brand", Level: match.Exact, Weight: 2},
		{Attribute: "numbers", Level: match.Conflict, Weight: -4},
	}
	tests := []struct {
		r      match.Result
		want   string
		reason string
	}{
		{match.Result{Decision: match.Eligible, ListingID: "L1", Comparisons: cs}, "for: title t80 +4.0, size exact +2.0; against: numbers conflict -4.0", "an eligible row says what carried it and what stood against it"},
		{match.Result{Decision: match.Review, ListingID: "L1", Comparisons: cs}, "probably, not surely: for: title t80 +4.0, size exact +2.0; against: numbers conflict -4.0", "a review without a reason code says it is in the band"},
		{match.Result{Decision: match.Review, ListingID: "L1", Reasons: []string{"ambiguous"}, Comparisons: cs}, "ambiguous", "reason codes come first"},
		{match.Result{Decision: match.Review, ListingID: "L1", Note: "the offer names no brand: confirm it is OtterBox's", Comparisons: cs}, "the offer names no brand: confirm it is OtterBox's", "a review's note says what to check, over the evidence"},
		{match.Result{Decision: match.NoMatch}, "", "nothing came close"},
	}
	for _, tt := range tests {
		if got := Why(tt.r); got != tt.want {
			t.Errorf("Why(%s) = %q, want %q (%s)", tt.r.Decision, got, tt.want, tt.reason)
		}
	}
}
