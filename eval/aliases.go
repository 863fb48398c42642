package eval

import (
	"slices"
	"sort"

	"github.com/followmatch/followmatch/match"
)

// Learned is one thing a self-supervised fit read from linked pairs: a
// supplier's word or name (From) that stands for a listing's (To), seen in
// Pairs matching pairs.
type Learned struct {
	From, To string
	Pairs    int
}

// learned keeps the (from, to) pairs of seen that keep accepts, as a map
// from each From to its sorted Tos, and the list most seen first.
func learned(seen map[[2]string]int, keep func(from string, n int) bool) (map[string][]string, []Learned) {
	m := map[string][]string{}
	var list []Learned
	for k, n := range seen {
		if !keep(k[0], n) {
			continue
		}
		m[k[0]] = append(m[k[0]], k[1])
		list = append(list, Learned{From: k[0], To: k[1], Pairs: n})
	}
	for k := range m {
		slices.Sort(m[k])
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Pairs != b.Pairs {
			return a.Pairs > b.Pairs
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	return m, list
}

// LearnBrandAliases reads from the matching pairs the vendor names that
// stand for another brand: pairs whose brand comparison disagrees (another
// brand, or a title that omits it) though the records are one item. A
// vendor and a brand (brand keys) seen together in minPairs pairs or more
// become an alias (Config.BrandAliases).
func (e *Evaluator) LearnBrandAliases(pairs []Pair, minPairs int) (map[string][]string, []Learned) {
	var brand match.Attribute
	for _, a := range match.Attributes() {
		if a.Name == "brand" {
			brand = a
		}
	}
	seen := map[[2]string]int{}
	for _, p := range pairs {
		a, b := e.a[p.A], e.b[p.B]
		if !p.Match || a == nil || b == nil || a.BrandKey() == "" || b.BrandKey() == "" || a.BrandKey() == b.BrandKey() {
			continue
		}
		switch brand.Compare(a, b, &match.Env{}).Level {
		case match.Conflict, match.NotInTitle, match.LeadsOther:
			seen[[2]string{a.BrandKey(), b.BrandKey()}]++
		}
	}
	return learned(seen, func(_ string, n int) bool { return n >= minPairs })
}

// LearnDepartments reads from the matching pairs which listing category
// roots a supplier's own departments (a category of one level that no
// level of the listing's path names) stand for: a department linked to a
// root in minPairs pairs or more, and to any in minDepartment or more, is
// learned (Config.Departments).
func (e *Evaluator) LearnDepartments(pairs []Pair, minPairs, minDepartment int) (map[string][]string, []Learned) {
	seen := map[[2]string]int{}
	support := map[string]int{}
	for _, p := range pairs {
		a, b := e.a[p.A], e.b[p.B]
		if !p.Match || a == nil || b == nil {
			continue
		}
		dept, path := a.CategoryPath(), b.CategoryPath()
		if len(dept) != 1 || len(path) < 2 || slices.Contains(path, dept[0]) {
			continue
		}
		seen[[2]string{dept[0], path[0]}]++
		support[dept[0]]++
	}
	return learned(seen, func(d string, n int) bool { return n >= minPairs && support[d] >= minDepartment })
}

// LearnAbbreviations reads from the matching pairs the supplier's own
// short words: a word of the offer's title that no listing title has,
// whose letters, in order and from the first, spell exactly one word of
// the listing's title that the offer's lacks ("hdphn" in "headphones",
// match.Shortens). A short word seen standing for one word in minPairs
// pairs or more (a word of two letters, in five or more: "ne" may be
// anything), and for no other word as often, is learned
// (Config.Abbreviations).
func (e *Evaluator) LearnAbbreviations(pairs []Pair, minPairs int) (map[string]string, []Learned) {
	listingWords := map[string]bool{}
	for _, it := range e.b {
		for _, k := range it.TitleKeys() {
			listingWords[k] = true
		}
	}
	seen := map[[2]string]int{}
	for _, p := range pairs {
		a, b := e.a[p.A], e.b[p.B]
		if !p.Match || a == nil || b == nil {
			continue
		}
		have := map[string]bool{}
		for _, k := range a.TitleKeys() {
			have[k] = true
		}
		for _, short := range a.TitleKeys() {
			if listingWords[short] || len(short) < 2 || !letters(short) {
				continue
			}
			long := ""
			for _, w := range b.TitleKeys() {
				if have[w] || len(w) <= len(short) || !match.Shortens(short, w) {
					continue
				}
				if long != "" {
					long = "" // two words fit: no evidence
					break
				}
				long = w
			}
			if long != "" {
				seen[[2]string{short, long}]++
			}
		}
	}
	// A short word stands for the word it was seen for most, when no other
	// ties it.
	most, tied := map[string]int{}, map[string]bool{}
	for k, n := range seen {
		switch {
		case n > most[k[0]]:
			most[k[0]], tied[k[0]] = n, false
		case n == most[k[0]]:
			tied[k[0]] = true
		}
	}
	m, list := learned(seen, func(short string, n int) bool {
		return n == most[short] && !tied[short] && n >= minPairs && (len(short) >= 3 || n >= 5)
	})
	words := make(map[string]string, len(m))
	for short, longs := range m {
		words[short] = longs[0]
	}
	return words, list
}

// letters reports whether w is letters a-z only.
func letters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
