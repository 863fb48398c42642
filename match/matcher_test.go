package match

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

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
			out := Fingerprint(ctx, fi, &in, ImageBudget{})
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
	if out := Fingerprint(ctx, nil, &Record{Images: []string{"ok"}}, ImageBudget{}); len(out.Fingerprints) != 0 {
		t.Errorf("a nil Fingerprinter read images: %+v", out)
	}
}

// slowImages never answers before the context ends.
type slowImages struct{}

func (slowImages) Fingerprint(ctx context.Context, ref string) (imagecmp.Fingerprint, error) {
	<-ctx.Done()
	return imagecmp.Fingerprint{}, errors.New("image " + ref + ": " + ctx.Err().Error())
}

// TestImageBudget: slow images cost at most the budget, and images past
// the count are skipped and said so; the record is still matched.
func TestImageBudget(t *testing.T) {
	rec := &Record{ID: "o", Images: []string{"a", "b", "c"}}
	start := time.Now()
	out := Fingerprint(context.Background(), slowImages{}, rec, ImageBudget{Timeout: 50 * time.Millisecond, Max: 2})
	if el := time.Since(start); el > time.Second {
		t.Errorf("took %s on a 50 ms budget", el)
	}
	if len(out.ImageErrors) != 3 || !strings.Contains(out.ImageErrors[2], "only the first 2 images") {
		t.Errorf("errors %q: want every image named, the third as skipped", out.ImageErrors)
	}
}

// panicSource fails the way a damaged index read does.
type panicSource struct{}

func (panicSource) Candidates(context.Context, *Item, int) ([]*Item, error) {
	panic("runtime error: slice bounds out of range")
}

// TestMatchSurvivesPanic: a panic under one offer is that offer's error
// result; the run goes on.
func TestMatchSurvivesPanic(t *testing.T) {
	vs := testVocab(t)
	m := &Matcher{Scorer: NewScorer(DefaultConfig(), nil), Source: panicSource{}, Rules: NewRules(Policy{}, Seller{}, vs), Vocab: vs}
	r := m.Match(context.Background(), &Record{ID: "o", Title: "x"})
	if r.Decision != Error || r.OfferID != "o" || !strings.Contains(r.Error, "is the index damaged") {
		t.Errorf("result %+v: want an error result for the offer", r)
	}
}
