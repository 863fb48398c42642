package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestDamagedIndexRefused: bytes changed inside a segment, or in its
// footer, make Open refuse the index with "index damaged: rebuild it"
// instead of panicking at open or in the middle of a run.
func TestDamagedIndexRefused(t *testing.T) {
	tests := []struct {
		name   string
		damage func(data []byte)
	}{
		{"middle", func(d []byte) {
			for i := len(d) / 3; i < len(d)/3+16; i++ {
				d[i] ^= 0x5a
			}
		}},
		{"footer", func(d []byte) {
			for i := len(d) - 40; i < len(d); i++ {
				d[i] = 0xff
			}
		}},
		{"one bit", func(d []byte) { d[len(d)/2] ^= 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, vs := build(t)
			segs, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
			if len(segs) == 0 {
				t.Fatal("no segment files")
			}
			for _, p := range segs {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				tt.damage(data)
				os.WriteFile(p, data, 0o644)
			}
			for _, ro := range []bool{true, false} {
				ix, err := Open(dir, vs, ro)
				if err == nil {
					ix.Close()
				}
				if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "rebuild it") {
					t.Errorf("read-only %v: %v, want index damaged: rebuild it", ro, err)
				}
			}
		})
	}
	// An undamaged index opens.
	dir, vs := build(t)
	ix, err := Open(dir, vs, true)
	if err != nil {
		t.Fatalf("a sound index: %v", err)
	}
	ix.Close()
}

// TestOtherFormatRefused: an index written by another followmatch version
// is refused with what to do about it, not read with features this version
// would misread.
func TestOtherFormatRefused(t *testing.T) {
	dir, vs := build(t)
	bi, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := bi.SetInternal(formatKey, []byte("6")); err != nil {
		t.Fatal(err)
	}
	bi.Close()
	_, err = Open(dir, vs, true)
	if err == nil {
		t.Fatal("an index of format 6 opened")
	}
	for _, want := range []string{`index format "6"`, "remove " + dir, "index all the listings again"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %s", err, want)
		}
	}
}
