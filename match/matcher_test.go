package match

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/followmatch/followmatch/imagecmp"
)

// fakeImages fingerprints "ok*" references and fails on the rest.
type fakeImages struct{ calls int }

func (f *fakeImages) Fingerprint(_ context.Context, ref string) (imagecmp.Fingerprint, error) {
	f.calls++
	if len(ref) >= 2 && ref[:2] == "ok" {
		return imagecmp.Fingerprint{PHash: uint64(len(ref))}, nil
	}
	return imagecmp.Fingerprint{}, errors.New("image " + ref + ": unreadable")
}

// TestFingerprint: the one image step of listings (index, Engine.Upsert)
// and offers (Matcher): images read into fingerprints, unreadable ones
// named, a record that carries fingerprints kept as it is, the caller's
// record never modified.
func TestFingerprint(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name       string
		rec        Record
		wantFP     int
		wantErrs   []string
		wantCalls  int
		wantSameIn bool
	}{
		{"reads images", Record{ID: "a", Images: []string{"ok1", "bad.jpg", "ok22"}}, 2, []string{"image bad.jpg: unreadable"}, 3, false},
		{"keeps fingerprints it has", Record{ID: "b", Images: []string{"ok1"}, Fingerprints: []imagecmp.Fingerprint{{PHash: 9}}}, 1, nil, 0, true},
		{"no images", Record{ID: "c"}, 0, nil, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fi := &fakeImages{}
			in := tt.rec
			before := slices.Clone(in.Fingerprints)
			out := Fingerprint(ctx, fi, &in)
			if len(out.Fingerprints) != tt.wantFP || !slices.Equal(out.ImageErrors, tt.wantErrs) || fi.calls != tt.wantCalls {
				t.Errorf("Fingerprint = %d fingerprints, errors %v, %d reads; want %d, %v, %d", len(out.Fingerprints), out.ImageErrors, fi.calls, tt.wantFP, tt.wantErrs, tt.wantCalls)
			}
			if (out == &in) != tt.wantSameIn {
				t.Errorf("returned the input record: %v, want %v", out == &in, tt.wantSameIn)
			}
			if !slices.EqualFunc(in.Fingerprints, before, func(a, b imagecmp.Fingerprint) bool { return a.PHash == b.PHash }) || in.ImageErrors != nil && tt.rec.ImageErrors == nil {
				t.Errorf("the caller's record was modified: %+v", in)
			}
		})
	}
	if out := Fingerprint(ctx, nil, &Record{Images: []string{"ok"}}); len(out.Fingerprints) != 0 {
		t.Errorf("a nil Fingerprinter read images: %+v", out)
	}
}
