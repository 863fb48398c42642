package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFamiliesAreDistinct: in a generated catalog no two product lines share
// a name within a brand or a model code, so that a bigger catalog is not
// harder only because the generator repeats itself.
func TestFamiliesAreDistinct(t *testing.T) {
	dir := t.TempDir()
	if err := run(30000, 10, dir, 3, false); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "listings.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	owner := map[string]string{} // name -> first listing id of its family block
	codeOf := map[string]string{}
	last := map[string]int{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		var l struct {
			ID, Title, Model string
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		parts := strings.Split(l.Title, ", ")
		name := strings.Join(parts[:3], ", ")
		// A family's listings are written together: a name seen again far
		// from its family is another family with the same name.
		if prev, ok := last[name]; ok && line-prev > 60 {
			t.Fatalf("%s: name %q used by an earlier family too (%s)", l.ID, name, owner[name])
		}
		if _, ok := owner[name]; !ok {
			owner[name] = l.ID
		}
		last[name] = line
		if l.Model != "" {
			base := strings.TrimRight(l.Model, "ABCDEFGHIJKLMNOP")
			if o, ok := codeOf[base]; ok && o != name {
				t.Fatalf("%s: code %s names %q and %q", l.ID, base, o, name)
			}
			codeOf[base] = name
		}
	}
	if line != 30000 {
		t.Fatalf("%d listings written, want 30000", line)
	}
}

// TestUnlistedSize: an unlisted size offer names a size of its type that the
// family does not list, spelled as the type spells sizes.
func TestUnlistedSize(t *testing.T) {
	tests := []struct {
		sizes, listed []string
		want, reason  string
	}{
		{[]string{"16 oz", "24 oz", "32 oz"}, []string{"24 oz"}, "16 oz", "the first size the family lacks"},
		{[]string{"16 oz", "24 oz"}, []string{"16 oz", "24 oz"}, "48 oz", "every size listed: twice the largest"},
		{[]string{"S", "M", "L", "XL"}, []string{"S", "M", "L", "XL"}, "XXL", "letter sizes go one up"},
		{[]string{"8", "9", "10"}, []string{"8", "9", "10"}, "11", "shoe sizes go one up"},
		{[]string{"Small", "Medium", "Large"}, []string{"Small", "Medium", "Large"}, "X-Large", "named sizes go one up"},
		{[]string{"5000mAh"}, []string{"5000mAh"}, "10000mAh", "a unit joined to the number stays joined"},
	}
	for _, tt := range tests {
		if got := unlistedSize(tt.sizes, tt.listed); got != tt.want {
			t.Errorf("unlistedSize(%v, %v) = %q, want %q (%s)", tt.sizes, tt.listed, got, tt.want, tt.reason)
		}
	}
}
