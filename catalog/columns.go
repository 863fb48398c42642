package catalog

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

//go:embed columns/synonyms.json
var synonymsJSON []byte

// columnSynonyms maps a lowercased column name to the record field it
// stands for, and its rank among that field's names (columns/synonyms.json).
var columnSynonyms = mustSynonyms(synonymsJSON)

type synonym struct {
	field string
	rank  int
}

// parseSynonyms reads the synonyms file: each key a record field, each name
// given once.
func parseSynonyms(b []byte) (map[string]synonym, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("catalog: columns/synonyms.json: %w", err)
	}
	out := map[string]synonym{}
	for field, v := range raw {
		if strings.HasPrefix(field, "_") {
			continue
		}
		if !knownField(field) {
			return nil, fmt.Errorf("catalog: columns/synonyms.json: %q is not a record field", field)
		}
		var names []string
		if err := json.Unmarshal(v, &names); err != nil {
			return nil, fmt.Errorf("catalog: columns/synonyms.json: %s: %w", field, err)
		}
		for i, n := range names {
			n = synonymKey(n)
			if prev, dup := out[n]; dup || knownField(n) {
				return nil, fmt.Errorf("catalog: columns/synonyms.json: %q is listed for %s and %s (or is a field's own name)", n, prev.field, field)
			}
			out[n] = synonym{field, i}
		}
	}
	return out, nil
}

// synonymKey is a column name as the synonyms are looked up: lowercased,
// "-" and "_" as spaces, spaces collapsed ("Item_Name", "item-name" and
// "Item Name" are one name).
func synonymKey(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, strings.ToLower(s))), " ")
}

func mustSynonyms(b []byte) map[string]synonym {
	s, err := parseSynonyms(b)
	if err != nil {
		panic(err) // the embedded file is checked by a test
	}
	return s
}

// resolveColumns returns the renames a file's header is read with: the
// --map renames, plus, for each field that no column names and --map does
// not give, the column whose name stands for it (columns/synonyms.json;
// "Item #" for id, "UPC" for gtin), and, when no column gives a title, the
// description column as the title (a supplier's "Description" is its item
// title). notes say each column read so.
func resolveColumns(header []string, renames map[string]string) (map[string]string, []string) {
	taken := map[string]bool{} // fields some column gives
	for _, c := range header {
		if f := fieldName(c, renames); knownField(f) {
			taken[f] = true
		}
	}
	type pick struct {
		col  string
		rank int
	}
	best := map[string]pick{} // field -> the column chosen for it
	for _, c := range header {
		k := strings.ToLower(strings.TrimSpace(c))
		if _, mapped := renames[k]; mapped || knownField(k) {
			continue
		}
		s, ok := columnSynonyms[synonymKey(c)]
		if !ok || taken[s.field] {
			continue
		}
		if p, ok := best[s.field]; !ok || s.rank < p.rank {
			best[s.field] = pick{k, s.rank}
		}
	}
	if len(best) == 0 && (taken["title"] || !taken["description"]) {
		return renames, nil
	}
	out := make(map[string]string, len(renames)+len(best))
	for k, v := range renames {
		out[k] = v
	}
	for f, p := range best {
		out[p.col] = f
	}
	var read []string // in the header's order
	for _, c := range header {
		k := strings.ToLower(strings.TrimSpace(c))
		if f, ok := out[k]; ok && best[f].col == k {
			read = append(read, fmt.Sprintf("%q as %s", strings.TrimSpace(c), f))
		}
	}
	var notes []string
	if len(read) > 0 {
		notes = append(notes, fmt.Sprintf("columns read by their names: %s (--map overrides)", strings.Join(read, ", ")))
	}
	if !taken["title"] && best["title"].col == "" {
		for _, c := range header {
			k := strings.ToLower(strings.TrimSpace(c))
			if fieldName(c, out) == "description" {
				out[k] = "title"
				notes = append(notes, fmt.Sprintf("no title column: %q is read as the title (map another column to title to keep it a description)", strings.TrimSpace(c)))
				break
			}
		}
	}
	return out, notes
}
