package match

import (
	"fmt"
)

// Reason codes of a decision (see the SPEC).
const (
	ReasonBrandAuthorization = "brand_authorization_required"
	ReasonCategoryApproval   = "category_approval_required"
	ReasonIPRisk             = "ip_risk_brand"
	ReasonListingRestricted  = "listing_restricted"
	ReasonInsufficientStock  = "insufficient_stock"
	ReasonInvalidGTIN        = "invalid_gtin"
	ReasonAmbiguous          = "ambiguous"
	// ReasonConflictingEvidence: a shared GTIN against a stated, parsed
	// conflict (the file says 128 GB, the GTIN's listing 64 GB).
	ReasonConflictingEvidence = "conflicting_evidence"
)

// Policy is what the marketplace enforces.
type Policy struct {
	RestrictedBrands []string `json:"restricted_brands" yaml:"restricted_brands"`
	IPRiskBrands     []string `json:"ip_risk_brands" yaml:"ip_risk_brands"`
	GatedCategories  []string `json:"gated_categories" yaml:"gated_categories"`
	MinStock         int      `json:"min_stock" yaml:"min_stock"`
}

// Seller is what one seller holds.
type Seller struct {
	AuthorizedBrands   []string `json:"authorized_brands" yaml:"authorized_brands"`
	ApprovedCategories []string `json:"approved_categories" yaml:"approved_categories"`
}

// Validate reports a policy that cannot be meant.
func (p Policy) Validate() error {
	if p.MinStock < 0 {
		return fmt.Errorf("min_stock %d is negative", p.MinStock)
	}
	for _, c := range p.GatedCategories {
		if len(categoryPath(c)) == 0 {
			return fmt.Errorf("gated_categories: %q is empty", c)
		}
	}
	return nil
}

// Rules are a policy and a seller compiled for checking: brand names and
// category paths normalized once.
type Rules struct {
	vs         *Vocabularies
	restricted map[string]bool
	ipRisk     map[string]bool
	authorized map[string]bool
	gated      [][]string
	approved   [][]string
	minStock   int
}

// NewRules compiles a policy and a seller.
func NewRules(p Policy, s Seller, vs *Vocabularies) *Rules {
	r := &Rules{
		vs:         vs,
		restricted: brandSet(p.RestrictedBrands, vs),
		ipRisk:     brandSet(p.IPRiskBrands, vs),
		gated:      paths(p.GatedCategories),
		minStock:   p.MinStock,
	}
	return r.WithSeller(s)
}

// WithSeller returns rules for the same policy and another seller.
func (r *Rules) WithSeller(s Seller) *Rules {
	c := *r
	c.authorized = brandSet(s.AuthorizedBrands, r.vs)
	c.approved = paths(s.ApprovedCategories)
	return &c
}

// brandSet is the canonical keys of brand names.
func brandSet(names []string, vs *Vocabularies) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[vs.canonicalBrand(vs.BrandKey(n))] = true
	}
	return m
}

// paths is the normalized, non-empty category paths of cats.
func paths(cats []string) [][]string {
	var out [][]string
	for _, c := range cats {
		if p := categoryPath(c); len(p) > 0 {
			out = append(out, p)
		}
	}
	return out
}

func hasPrefix(path, prefix []string) bool {
	if len(prefix) > len(path) {
		return false
	}
	for i := range prefix {
		if path[i] != prefix[i] {
			return false
		}
	}
	return true
}

// Check returns every rule the seller fails by joining listing with offer,
// in the SPEC's order. The brand is the listing's (the offer's when the
// listing names none); the category is the listing's likewise.
func (r *Rules) Check(offer, listing *Item) []string {
	reasons := []string{}
	brand := listing.brand.canonical
	if brand == "" {
		brand = offer.brand.canonical
	}
	cat := listing.category
	if len(cat) == 0 {
		cat = offer.category
	}
	authorized := r.authorized[brand]
	if r.restricted[brand] && !authorized {
		reasons = append(reasons, ReasonBrandAuthorization)
	}
	for _, g := range r.gated {
		if !hasPrefix(cat, g) {
			continue
		}
		approved := false
		for _, a := range r.approved {
			if hasPrefix(cat, a) || hasPrefix(g, a) {
				approved = true
				break
			}
		}
		if !approved {
			reasons = append(reasons, ReasonCategoryApproval)
		}
		break
	}
	// A brand's own authorization answers its IP risk.
	if r.ipRisk[brand] && !authorized {
		reasons = append(reasons, ReasonIPRisk)
	}
	if listing.Rec.Restricted {
		reasons = append(reasons, ReasonListingRestricted)
	}
	if s := offer.Rec.Stock; s != nil && *s < r.minStock {
		reasons = append(reasons, ReasonInsufficientStock)
	}
	if len(offer.gtin.invalid) > 0 {
		reasons = append(reasons, ReasonInvalidGTIN)
	}
	return reasons
}
