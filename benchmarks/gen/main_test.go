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
