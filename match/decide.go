package match

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Result is the decision for one offer, as `match` writes it.
type Result struct {
	OfferID      string        `json:"offer_id"`
	Decision     Decision      `json:"decision"`
	ListingID    string        `json:"listing_id,omitempty"`
	Probability  float64       `json:"probability"`
	Reasons      []string      `json:"reasons"`
	Comparisons  []Comparison  `json:"comparisons,omitempty"`
	Alternatives []Alternative `json:"alternatives,omitempty"`
	Nearest      *Nearest      `json:"nearest,omitempty"`
	Error        string        `json:"error,omitempty"`
	// Note says what a person should check in a review that no reason
	// code names (the offer states no brand; the stated part numbers
	// differ by letters; it reads as an unlisted variant of a vetoed
	// candidate); empty otherwise.
	Note string `json:"note,omitempty"`
	// IndexVersion names the index snapshot that decided the offer when
	// the run was spread over workers (match --nats); empty otherwise.
	IndexVersion string `json:"index_version,omitempty"`
}

// Alternative is another candidate listing and its probability; Mismatches
// names the attributes that veto it.
type Alternative struct {
	ListingID   string   `json:"listing_id"`
	Probability float64  `json:"probability"`
	Mismatches  []string `json:"mismatches,omitempty"`
}

// Nearest names the listing that came close to a no_match offer and the
// consistency attributes in which it differs.
type Nearest struct {
	ListingID   string   `json:"listing_id"`
	Mismatches  []string `json:"mismatches"`
	Probability float64  `json:"probability"`
}

// maxAlternatives bounds the alternatives listed per result.
const maxAlternatives = 3

// ErrorResult is the result of an offer that could not be read or scored.
func ErrorResult(offerID string, err error) Result {
	return Result{OfferID: offerID, Decision: Error, Reasons: []string{}, Error: err.Error()}
}

// Decide turns the scored candidates of one offer into a decision: the best
// candidate not vetoed decides against the thresholds; a same item is checked
// against the rules; a vetoed candidate that came close is reported as
// nearest of a no_match. It leaves scored as it is.
func Decide(offer *Item, scored []Scored, cfg *Config, rules *Rules) Result {
	return decideRanked(offer, Rank(scored), cfg, rules)
}

// decideRanked decides on candidates already in Rank's order.
func decideRanked(offer *Item, scored []Scored, cfg *Config, rules *Rules) Result {
	res := Result{OfferID: offer.Rec.ID, Reasons: []string{}}
	var best *Scored
	for i := range scored {
		if len(scored[i].Vetoes) == 0 {
			best = &scored[i]
			break
		}
	}
	var near *Scored
	if best == nil || best.Probability < cfg.ReviewThreshold {
		near = nearest(scored, cfg)
	}
	for i := range scored {
		if s := &scored[i]; s == best || s == near || len(res.Alternatives) == maxAlternatives {
			continue
		}
		res.Alternatives = append(res.Alternatives, Alternative{
			ListingID: scored[i].Listing.Rec.ID, Probability: round3(scored[i].Probability), Mismatches: scored[i].Vetoes,
		})
	}
	if best == nil || best.Probability < cfg.ReviewThreshold {
		res.Decision = NoMatch
		if best != nil {
			res.Probability = round3(best.Probability)
		}
		if near != nil {
			res.Nearest = &Nearest{ListingID: near.Listing.Rec.ID, Mismatches: near.Vetoes, Probability: round3(near.Closeness)}
			res.Comparisons = near.Comparisons
		} else if best != nil {
			res.Comparisons = best.Comparisons
		}
		return res
	}
	res.ListingID = best.Listing.Rec.ID
	res.Probability = round3(best.Probability)
	res.Comparisons = best.Comparisons
	ambiguous := false
	for i := range scored {
		o := &scored[i]
		// Two listings equally good (within the margin): which to join is
		// the seller's call. Each on its own evidence: a sibling's standing
		// behind the best does not tell which of two variants the offer
		// is, when the offer does not state the variant.
		if o != best && len(o.Vetoes) == 0 && Probability(o.own()) >= cfg.ReviewThreshold &&
			(best.own()-o.own() <= cfg.AmbiguityMargin || unstatedVariant(best, o, cfg) != "") &&
			!namesOnly(offer, best, o) {
			ambiguous = true
		}
	}
	switch {
	case len(best.Reviews) > 0 && best.Probability >= cfg.ReviewThreshold:
		res.Decision = Review
		res.Reasons = append(res.Reasons, best.Reviews...)
	case len(best.Conflicting) > 0:
		res.Decision = Review
		res.Reasons = append(res.Reasons, ReasonConflictingEvidence)
	case ambiguous:
		res.Decision = Review
		res.Reasons = append(res.Reasons, ReasonAmbiguous)
	case best.Probability >= cfg.MatchThreshold:
		if note := reviewNote(offer, best, scored); note != "" {
			res.Decision, res.Note = Review, note
			break
		}
		res.Reasons = rules.Check(offer, best.Listing)
		res.Decision = Eligible
		if len(res.Reasons) > 0 {
			res.Decision = Blocked
		}
	default:
		res.Decision = Review
	}
	return res
}

// reviewNote says why an offer above the match threshold still goes to a
// person, in the words of Result.Note, or "" when nothing does. Asked only
// for such offers, after the reason codes.
func reviewNote(offer *Item, best *Scored, scored []Scored) string {
	if brandUnstated(offer, best) {
		// Every word may agree and still be another maker's item (a
		// knockoff of the line): a person confirms the brand.
		return "the offer names no brand: confirm it is " + best.Listing.Rec.Brand + "'s"
	}
	if x, y, apart := partNumbersApart(offer, best.Listing); apart {
		return fmt.Sprintf("the part numbers differ by letters: %s against %s; another model of the line, or a color or packing letter", x, y)
	}
	if v, word := variantOfVetoed(offer, best, scored); v != nil {
		// The offer reads as another variant of a vetoed candidate's
		// product (the CE calculator in rose gold, where the black CE is
		// listed): best, which lacks a word both share, is a sibling line.
		return fmt.Sprintf("an unlisted variant of %s? the offer shares %q with it, which this listing lacks, and differs from it in %s",
			v.Listing.Rec.ID, word, strings.Join(v.Vetoes, ", "))
	}
	return ""
}

// namesOnly reports whether best's title and the offer's say the same
// words, their brands aside, while o's title says more: the offer names
// best's product, and o is a more specific sibling ("TI-84 Plus Graphing
// Calculator" against "TI-84 Plus CE Color Graphing Calculator, Black"),
// not a second listing as good.
func namesOnly(offer *Item, best, o *Scored) bool {
	return wordsOutside(best.Listing, offer) == 0 && wordsOutside(offer, best.Listing) == 0 &&
		wordsOutside(o.Listing, offer) > 0
}

// wordsOutside counts the title keys of x that y's title lacks, leaving
// out either side's brand words (at most 8 counted).
func wordsOutside(x, y *Item) int {
	var buf [8]string
	brands := append(TitleKeys(x.brand.words), TitleKeys(y.brand.words)...)
	n := 0
	for _, k := range outside(buf[:0], &x.text, &y.text) {
		if !slices.Contains(brands, k) {
			n++
		}
	}
	return n
}

// brandUnstated reports whether the offer names no brand where the
// listing has one: no brand field, the listing's brand nowhere in its
// title, and neither a shared GTIN nor the maker's own part number to name
// the item.
func brandUnstated(offer *Item, best *Scored) bool {
	if offer.brand.key != "" || best.Listing.brand.key == "" {
		return false
	}
	brand, gtin, model := Missing, Missing, Missing
	for _, c := range best.Comparisons {
		switch c.Attribute {
		case "brand":
			brand = c.Level
		case "gtin":
			gtin = c.Level
		case "model":
			model = c.Level
		}
	}
	return brand == NotInTitle && gtin != Exact && !SharesCode(model)
}

// variantOfVetoed returns a vetoed candidate that, apart from its
// mismatch, fits the offer at least as well as best, and shares a word of
// the offer's title that best's title lacks ("TI-84 Plus CE ... Rose Gold":
// the black CE is vetoed on color, the plain TI-84 Plus lacks "CE"): the
// offer is then that product in a variant not listed, and best a sibling.
// A true match agrees with the offer on the vetoed attribute itself, which
// the vetoed candidate cannot, so it stays ahead. It returns the candidate
// and the word, or nil when there is none. (Closeness is a probability:
// its bits come back within rounding.)
func variantOfVetoed(offer *Item, best *Scored, scored []Scored) (*Scored, string) {
	var brand []string
	for i := range scored {
		v := &scored[i]
		if len(v.Vetoes) == 0 || len(v.Conflicting) > 0 || Log2Odds(v.Closeness) < best.own()-1e-6 {
			continue
		}
		if brand == nil {
			brand = TitleKeys(offer.brand.words)
		}
		for i, k := range offer.text.keys {
			// A word, not a piece of a code ("FP" of "FP-52310C", which
			// one listing's title repeats and another's leaves to its model
			// field).
			if isWord(k) && !v.Listing.pieceHash(k, offer.text.idx.hash[i]) && !slices.Contains(brand, k) &&
				titleHas(&v.Listing.text, k) && !titleHas(&best.Listing.text, k) {
				return v, k
			}
		}
	}
	return nil, ""
}

// unstatedVariant names the variant attribute (color, size, pack, material)
// in which the listings of best and o differ while the offer states none,
// when o fits the offer as well as best on every attribute but the title's
// text: "Flex 32 Smart Watch 40mm" fits the gray one and the red one alike,
// whichever title reads closer. "" when there is none.
func unstatedVariant(best, o *Scored, cfg *Config) string {
	if len(best.Comparisons) != len(o.Comparisons) {
		return ""
	}
	unstated := ""
	for i, c := range best.Comparisons {
		oc := o.Comparisons[i]
		a, ok := attributeNamed(c.Attribute)
		if !ok || oc.Attribute != c.Attribute {
			return ""
		}
		if !a.wording && !a.relative && oc.Weight < c.Weight {
			return "" // best fits the offer better on a stated attribute
		}
		if unstated == "" && a.variant && c.Level == Missing && c.Offer == "" &&
			cfg.vetoes(a.Name, a.Compare(best.Listing, o.Listing, &Env{}).Level) {
			unstated = a.Name
		}
	}
	return unstated
}

// attributeNamed returns the attribute of that name.
func attributeNamed(name string) (Attribute, bool) {
	for _, a := range attributes {
		if a.Name == name {
			return a, true
		}
	}
	return Attribute{}, false
}

// nearest returns the vetoed candidate that came closest, if it came at
// least to the nearest threshold apart from its mismatches.
func nearest(scored []Scored, cfg *Config) *Scored {
	var n *Scored
	for i := range scored {
		s := &scored[i]
		if len(s.Vetoes) == 0 || s.Closeness < cfg.NearestThreshold {
			continue
		}
		if n == nil || s.Closeness > n.Closeness {
			n = s
		}
	}
	return n
}

// Rank returns the candidates ordered best first: by probability, then
// total, then raw similarity, then listing id, so that equal scores give the
// same order every run. scored is left as it is.
func Rank(scored []Scored) []Scored {
	s := slices.Clone(scored)
	rankInPlace(s)
	return s
}

// rankInPlace orders s as Rank does, in place.
func rankInPlace(s []Scored) {
	slices.SortStableFunc(s, func(a, b Scored) int {
		if c := cmp.Compare(b.Probability, a.Probability); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Total, a.Total); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Similarity, a.Similarity); c != 0 {
			return c
		}
		return cmp.Compare(a.Listing.Rec.ID, b.Listing.Rec.ID)
	})
}

func round3(p float64) float64 { return math.Round(p*1000) / 1000 }
