package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedImagesMatchGenerator redraws every demo image and compares
// it byte for byte with testdata/demo/images: the committed images are what
// the generator draws (run `make images-demo` after changing it).
func TestCommittedImagesMatchGenerator(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("..", "..", "testdata", "demo", "images")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(products)+len(variants) {
		t.Fatalf("generated %d images, want %d", len(entries), len(products)+len(variants))
	}
	for _, e := range entries {
		got, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		committed, err := os.ReadFile(filepath.Join(want, e.Name()))
		if err != nil {
			t.Errorf("%s: not committed: %v", e.Name(), err)
			continue
		}
		if !bytes.Equal(got, committed) {
			t.Errorf("%s: committed image differs from the generator's", e.Name())
		}
	}
}
