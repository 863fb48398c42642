package index

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"

	"github.com/followmatch/followmatch/match"
)

// TestStoredFeatures: a listing read from the index is the listing
// prepared from its record, whether its stored features are read (this
// program wrote them) or not (another program did, or none are stored).
func TestStoredFeatures(t *testing.T) {
	dir, vs := build(t)
	for _, tt := range []struct {
		name     string
		writer   []byte
		readsOwn bool
	}{
		{"written by this program", nil, true},
		{"written by another program", []byte("another build/\x00"), false},
	} {
		ix, err := Open(dir, vs, true)
		if err != nil {
			t.Fatal(err)
		}
		if tt.writer != nil {
			ix.writerOnce.Do(func() {})
			ix.writer = tt.writer
		}
		for i := range listings {
			rec := listings[i]
			got, err := ix.Listing(context.Background(), rec.ID)
			if err != nil {
				t.Fatalf("%s: %s: %v", tt.name, rec.ID, err)
			}
			if want := match.Prepare(&rec, vs); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s read from the index differs from the prepared record", tt.name, rec.ID)
			}
		}
		// The stored features are used only when this program wrote them.
		snap, err := ix.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		s := newSearcher(snap, nil)
		var feat []byte
		if err := s.segs[0].VisitDocument(0, func(field string, _ byte, value []byte, _ []uint64) bool {
			if field == fFeatures {
				feat = append([]byte(nil), value...)
			}
			return true
		}); err != nil {
			t.Fatal(err)
		}
		snap.DecRef()
		it, err := ix.readFeatures(&match.Record{ID: "x"}, feat)
		if err != nil || (it != nil) != tt.readsOwn {
			t.Errorf("%s: stored features read: %v (%v), want %v", tt.name, it != nil, err, tt.readsOwn)
		}
		ix.Close()
	}
}

// TestJSONRecordsStillRead: an index built before records were encoded
// stores them as JSON, without features; its listings read as before.
func TestJSONRecordsStillRead(t *testing.T) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Create(filepath.Join(t.TempDir(), "old.idx"), vs)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rec := listings[0]
	js, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	it := match.Prepare(&rec, vs)
	data := map[string]any{fTitle: strings.Join(it.TitleKeys(), " "), fBrand: it.BrandKey(), fRecord: string(js)}
	doc := document.NewDocument(rec.ID)
	if err := ix.bi.Mapping().MapDocument(doc, data); err != nil {
		t.Fatal(err)
	}
	b := ix.bi.NewBatch()
	if err := b.IndexAdvanced(doc); err != nil {
		t.Fatal(err)
	}
	if err := ix.bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	ix.statsChanged()
	got, err := ix.Listing(context.Background(), rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, it) {
		t.Errorf("listing stored as JSON reads as %+v, want %+v", got.Rec, it.Rec)
	}
	cands, err := ix.Candidates(context.Background(), match.Prepare(&match.Record{ID: "o", Title: rec.Title}, vs), 5)
	if err != nil || len(cands) != 1 || !reflect.DeepEqual(cands[0], it) {
		t.Errorf("candidates %v, %v; want the JSON-stored listing", ids(cands), err)
	}
}
