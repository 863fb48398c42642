package eval

import (
	"slices"
	"sort"

	"github.com/followmatch/followmatch/match"
)

// AliasCount is a supplier's vendor name seen standing for a listing brand
// in Pairs matching pairs.
type AliasCount struct {
	Vendor, Brand string // brand keys
	Pairs         int
}

// LearnBrandAliases reads from the matching pairs the vendor names that
// stand for another brand: pairs whose brand comparison disagrees (another
// brand, or a title that omits it) though the records are one item. A
// vendor and a brand seen together in minPairs pairs or more become an
// alias (Config.BrandAliases); the counts come most first.
func (e *Evaluator) LearnBrandAliases(pairs []Pair, minPairs int) (map[string][]string, []AliasCount) {
	var brand match.Attribute
	for _, a := range match.Attributes() {
		if a.Name == "brand" {
			brand = a
		}
	}
	seen := map[[2]string]int{}
	for _, p := range pairs {
		if !p.Match {
			continue
		}
		a, b := e.a[p.A], e.b[p.B]
		if a == nil || b == nil || a.BrandKey() == "" || b.BrandKey() == "" || a.BrandKey() == b.BrandKey() {
			continue
		}
		switch brand.Compare(a, b, &match.Env{}).Level {
		case match.Conflict, match.NotInTitle, match.LeadsOther:
			seen[[2]string{a.BrandKey(), b.BrandKey()}]++
		}
	}
	var counts []AliasCount
	aliases := map[string][]string{}
	for k, n := range seen {
		if n < minPairs {
			continue
		}
		counts = append(counts, AliasCount{Vendor: k[0], Brand: k[1], Pairs: n})
		aliases[k[0]] = append(aliases[k[0]], k[1])
	}
	for v := range aliases {
		slices.Sort(aliases[v])
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].Pairs != counts[j].Pairs {
			return counts[i].Pairs > counts[j].Pairs
		}
		if counts[i].Vendor != counts[j].Vendor {
			return counts[i].Vendor < counts[j].Vendor
		}
		return counts[i].Brand < counts[j].Brand
	})
	return aliases, counts
}

// DepartmentCount is a supplier's department seen standing for a listing
// category root in Pairs matching pairs.
type DepartmentCount struct {
	Department, Root string
	Pairs            int
}

// LearnDepartments reads from the matching pairs which listing category
// roots a supplier's own departments (a category of one level that no
// level of the listing's path names) stand for: a department linked to a
// root in minPairs pairs or more, and to any in minDepartment or more, is
// learned (Config.Departments).
func (e *Evaluator) LearnDepartments(pairs []Pair, minPairs, minDepartment int) (map[string][]string, []DepartmentCount) {
	seen := map[[2]string]int{}
	support := map[string]int{}
	for _, p := range pairs {
		if !p.Match {
			continue
		}
		a, b := e.a[p.A], e.b[p.B]
		if a == nil || b == nil {
			continue
		}
		dept, path := a.CategoryPath(), b.CategoryPath()
		if len(dept) != 1 || len(path) < 2 || slices.Contains(path, dept[0]) {
			continue
		}
		seen[[2]string{dept[0], path[0]}]++
		support[dept[0]]++
	}
	var counts []DepartmentCount
	depts := map[string][]string{}
	for k, n := range seen {
		if n < minPairs || support[k[0]] < minDepartment {
			continue
		}
		counts = append(counts, DepartmentCount{Department: k[0], Root: k[1], Pairs: n})
		depts[k[0]] = append(depts[k[0]], k[1])
	}
	for d := range depts {
		slices.Sort(depts[d])
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].Pairs != counts[j].Pairs {
			return counts[i].Pairs > counts[j].Pairs
		}
		if counts[i].Department != counts[j].Department {
			return counts[i].Department < counts[j].Department
		}
		return counts[i].Root < counts[j].Root
	})
	return depts, counts
}

// AbbreviationCount is a short word of offer titles seen standing for a
// listing title word in Pairs matching pairs.
type AbbreviationCount struct {
	Short, Long string
	Pairs       int
}

// LearnAbbreviations reads from the matching pairs the supplier's own
// short words: a word of the offer's title that no listing title has,
// whose letters, in order and from the first, spell exactly one word of
// the listing's title that the offer's lacks ("hdphn" in "headphones"). A
// short word seen standing for one word in minPairs pairs or more (a word
// of two letters, in five or more: "ne" may be anything), and for no other
// word as often, is learned (Config.Abbreviations).
func (e *Evaluator) LearnAbbreviations(pairs []Pair, minPairs int) (map[string]string, []AbbreviationCount) {
	listingWords := map[string]bool{}
	for _, it := range e.b {
		for _, k := range it.TitleKeys() {
			listingWords[k] = true
		}
	}
	seen := map[[2]string]int{}
	for _, p := range pairs {
		if !p.Match {
			continue
		}
		a, b := e.a[p.A], e.b[p.B]
		if a == nil || b == nil {
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
				if have[w] || len(w) <= len(short) || !spells(short, w) {
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
	best := map[string]AbbreviationCount{}
	tied := map[string]bool{}
	for k, n := range seen {
		switch b := best[k[0]]; {
		case n > b.Pairs:
			best[k[0]] = AbbreviationCount{Short: k[0], Long: k[1], Pairs: n}
			tied[k[0]] = false
		case n == b.Pairs:
			tied[k[0]] = true
		}
	}
	words := map[string]string{}
	var counts []AbbreviationCount
	for short, c := range best {
		if c.Pairs < minPairs || tied[short] || len(short) < 3 && c.Pairs < 5 {
			continue
		}
		words[short] = c.Long
		counts = append(counts, c)
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].Pairs != counts[j].Pairs {
			return counts[i].Pairs > counts[j].Pairs
		}
		return counts[i].Short < counts[j].Short
	})
	return words, counts
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

// spells reports whether short is long's letters with some left out, from
// the same first letter.
func spells(short, long string) bool {
	if short[0] != long[0] {
		return false
	}
	i := 0
	for j := 0; j < len(long) && i < len(short); j++ {
		if long[j] == short[i] {
			i++
		}
	}
	return i == len(short)
}
