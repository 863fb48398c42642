// Package match is the core of followmatch: it decides whether an offer is
// the very same sellable item as a listing, how sure it is and why, and
// whether the seller may join the listing. It does no file or network I/O
// and knows nothing of Bleve: candidates come from a CandidateSource, offer
// images from a Fingerprinter, both small interfaces other packages satisfy.
// Read this first; each piece named here is one file.
//
// # Records, features, attributes
//
// A Record is one catalog row (record.go). Prepare turns it into an Item:
// every attribute's feature read once, so that scoring an offer against
// twenty candidates parses nothing twice (item.go). Two features are shared:
// the title text, its tokens and keys (title.go), and the codes, the model
// field and the code-like tokens of the title (codes.go), which the model
// comparison, the title weighting and retrieval all use. Every other
// feature belongs to one Attribute and knows where it came from (Source): a
// color read from the title shows as "black (title)".
//
// An Attribute is one unit of evidence, in the spirit of Splink's
// comparisons (attribute.go): how its feature is read, how two features
// compare, and the ordered levels a comparison can land in, from the
// strongest agreement to the strongest disagreement, Missing last. Each
// level declares its default weight and why, whether it vetoes, and which
// other attribute's veto it backs, whether it identifies the item (a shared
// GTIN) and which review reason it sends a pair to. The attributes are
// gtin.go, brand.go, title.go, model.go, color.go, size.go, material.go,
// pack.go, origin.go, category.go, params.go, image.go, condition.go,
// compat.go, version.go, numbers.go, measures.go, age.go, producttype.go, line.go,
// rare.go, containment.go, words.go, rank.go and known.go; the
// general word lists they read (colors, materials, countries, conditions,
// versions, product types, spec prefixes, brand aliases and owners, title
// abbreviations, German words and British spellings) are data in vocab/. The words attribute is the one whose
// weight is not a level's: it sums the title words' weights tune learned
// (Config.Words). The rank attribute is not compared pair by pair:
// a pair's standing, how far its total lies behind the best other
// candidate of its offer (and, in a batch of labeled pairs, of its
// listing), is set once every candidate is scored (Scorer.Stand,
// Standings); a listing well behind another of the same offer is a
// sibling. The known attribute is set the same way, after it: an offer and
// a listing each like a record of one product a person's labels name, or
// of two (Scorer.Know, KnownOutcome; Config.Known).
// Changing how color is judged means reading color.go (and vocab.go's
// shared comparison of vocabulary terms); adding a piece of evidence means
// a new file with a new Attribute, a field for its feature in Item, and an
// entry in the attributes table.
//
// # Weights add up
//
// The model is Fellegi-Sunter's. For an attribute, a level's weight is
// log2(m/u): how much more often two records of the same item land in it
// (m) than two records of different items (u). Weights are in bits; the
// prior is the log-odds that a candidate is the item before any evidence.
// The Scorer adds the prior and every comparison's weight into a total, and
// the total's probability is 2^total / (1 + 2^total) (score.go). Missing
// weighs 0: a value one side lacks is no evidence. The weights, vetoes and
// thresholds are data (Config, config.go): DefaultConfig takes what the
// attributes declare, `followmatch tune` counts m and u on labeled pairs,
// and a config file overrides them; every level needs a weight.
//
// # Vetoes
//
// Some disagreements are not evidence but facts: a 2-pack is not the
// single, a red one is not the black one. A level that vetoes (by default
// the conflict level of brand, model, color, size, material, pack count,
// origin, params, compatibility and version) makes the pair different
// sellable items whatever the rest says: its probability is 0. A level
// that identifies the item (a shared GTIN) overrules soft conflicts (a
// vendor name, an abbreviation, a value read from a title); a conflict
// both records state and the comparison read with confidence stands, and
// sends the pair to a person (conflicting_evidence). What the pair would score without its
// vetoed attributes is kept as its closeness, so that a no_match can name
// the nearest listing and what differs. A level may back another
// attribute's veto: the same photo in another color is part of a color
// conflict, not a second one.
//
// # The decision
//
// Decide (decide.go) ranks the candidates by probability (ties by total,
// then raw similarity, then listing id, so that every run gives the same
// order) and takes the best one not vetoed. At the match threshold it is the
// same item: eligible, or blocked by the marketplace rules (rules.go: brand
// authorization, IP-risk brands, gated categories, restricted listings,
// stock, invalid GTINs). Between the review and the match threshold, or
// when a second listing comes within the ambiguity margin, a person should
// look: review. Below, no_match, naming the nearest vetoed listing that came
// close. Matcher.Trace (matcher.go) is the one path: prepare the offer
// (fingerprinting its images), retrieve candidates, score each, decide.
// Match returns its result, Explain its waterfall, and evaluation reads the
// whole trace.
//
// # A worked example
//
// The demo's offer SUP-1008, "Anker PowerCore 10000 Portable Charger
// 10000mAh, 2-Pack", model A1263, black, against listing B0ANKPC101, "Anker
// PowerCore 10000 Portable Charger, 10000mAh Power Bank", model A1263,
// black, under the default config:
//
//	prior                           -4.00
//	gtin        missing     +0.00   -4.00  (the offer has none)
//	brand       exact       +2.00   -2.00
//	title       t80         +4.00   +2.00  (similarity 0.80)
//	model       exact       +7.00   +9.00  (code a1263)
//	color       exact       +1.50  +10.50
//	size        equivalent  +2.00  +12.50  (10000mah, read from both titles)
//	pack_count  conflict    -8.00   +4.50  veto: 2 vs 1 per item
//	(material, origin, category, params, image: missing, 0)
//
// The evidence says the same product line (+4.50 bits, 0.958), but the
// offer is a 2-pack and the listing a single: the pack count vetoes, the
// probability is 0, and the decision is no_match with nearest B0ANKPC101,
// "differs in pack_count": apart from that mismatch the pair scores +12.50
// bits (its closeness, 0.9998), far above the nearest threshold. A single
// pack of the same charger would be eligible, unless a rule blocks it.
// `followmatch explain` prints this table for any offer; `explain --json`
// gives it as data.
package match
