package review

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

// fixture is a small catalog whose offers land in the queue: two review
// decisions (siblings that differ in color, an offer silent on it) and
// the results of matching them.
func fixture(t *testing.T, retune func(context.Context) (*match.Config, string, error)) (*Server, *httptest.Server, string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	e, err := followmatch.Open(ctx, filepath.Join(dir, "idx"), followmatch.Options{ImageCacheDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	err = e.Upsert(ctx,
		&match.Record{ID: "L-BLK", Brand: "Stanley", Title: "Stanley Quencher H2.0 Tumbler 40 oz Black", Color: "Black", Size: "40 oz"},
		&match.Record{ID: "L-RED", Brand: "Stanley", Title: "Stanley Quencher H2.0 Tumbler 40 oz Red", Color: "Red", Size: "40 oz"},
		&match.Record{ID: "L-LOD", Brand: "Lodge", Title: "Lodge Cast Iron Skillet 10.25 inch", Size: "10.25 in"},
	)
	if err != nil {
		t.Fatal(err)
	}
	offers := map[string]*match.Record{
		"O-1": {ID: "O-1", Brand: "Stanley", Title: "Stanley Quencher H2.0 Tumbler 40oz"},
		"O-2": {ID: "O-2", Brand: "Stanley", Title: "Quencher Tumbler 40 oz by Stanley"},
		"O-3": {ID: "O-3", Brand: "Lodge", Title: "Lodge Cast Iron Skillet 10.25 in", Size: "10.25 in"},
	}
	var results []match.Result
	for _, id := range []string{"O-1", "O-2", "O-3"} {
		results = append(results, e.Match(ctx, offers[id]))
	}
	labels, err := OpenLabels(filepath.Join(dir, "labels.csv"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { labels.Close() })
	s, err := New(Options{Engine: e, Config: match.DefaultConfig(), Results: results, Labels: labels,
		Offer: func(id string) *match.Record { return offers[id] }, Retune: retune, TunedOut: filepath.Join(dir, "tuned.json")})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Queue()) < 2 {
		t.Fatalf("queue %+v from %+v: want the two Stanley offers", s.Queue(), results)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts, labels.Path()
}

func post(t *testing.T, ts *httptest.Server, path string, body any, want int) map[string]any {
	t.Helper()
	b, _ := json.Marshal(body)
	res, err := http.Post(ts.URL+path, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	if res.StatusCode != want {
		t.Fatalf("POST %s %s: status %d (%v), want %d", path, b, res.StatusCode, out, want)
	}
	return out
}

func get(t *testing.T, ts *httptest.Server, path string, v any) {
	t.Helper()
	res, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, res.StatusCode)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

func TestAnswerUndoAndLabels(t *testing.T) {
	s, ts, path := fixture(t, nil)
	q := s.Queue()
	st := post(t, ts, "/api/answer", map[string]any{"index": 0, "answer": "y"}, http.StatusOK)
	if st["current"].(float64) != 1 || st["same"].(float64) != 1 {
		t.Fatalf("after y: %v, want item 1 current and one same", st)
	}
	post(t, ts, "/api/answer", map[string]any{"index": 0, "answer": "n"}, http.StatusConflict)
	post(t, ts, "/api/answer", map[string]any{"index": 1, "answer": "maybe"}, http.StatusBadRequest)
	post(t, ts, "/api/answer", map[string]any{"index": 99, "answer": "y"}, http.StatusNotFound)
	post(t, ts, "/api/answer", map[string]any{"index": 1, "answer": "s"}, http.StatusOK)
	// Undo takes the skip back, then the label: the file is as before.
	post(t, ts, "/api/undo", struct{}{}, http.StatusOK)
	st = post(t, ts, "/api/undo", struct{}{}, http.StatusOK)
	if st["current"].(float64) != 0 || st["labeled"].(float64) != 0 || st["can_undo"].(bool) {
		t.Fatalf("after two undos: %v, want item 0 current, nothing labeled", st)
	}
	post(t, ts, "/api/undo", struct{}{}, http.StatusConflict)
	// Skipped items come back in their place; nothing is written.
	post(t, ts, "/api/answer", map[string]any{"index": 0, "answer": "s"}, http.StatusOK)
	st = post(t, ts, "/api/unskip", struct{}{}, http.StatusOK)
	if st["current"].(float64) != 0 || st["skipped"].(float64) != 0 || st["can_undo"].(bool) {
		t.Fatalf("after unskip: %v, want item 0 current again, no skip, nothing to undo", st)
	}
	post(t, ts, "/api/answer", map[string]any{"index": 0, "answer": "n"}, http.StatusOK)
	pairs, err := eval.ReadLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 1 || pairs[0].A != q[0].Offer || pairs[0].B != q[0].Listing || pairs[0].Match {
		t.Fatalf("labels file %v, want the one answer: %s,%s,0", pairs, q[0].Offer, q[0].Listing)
	}
	// A write that is no JSON is refused (another site's form cannot post).
	res, err := http.Post(ts.URL+"/api/answer", "application/x-www-form-urlencoded", strings.NewReader("index=1&answer=y"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("form post: status %d, want 415", res.StatusCode)
	}
}

func TestCardShowsEvidence(t *testing.T) {
	s, ts, _ := fixture(t, nil)
	var c Card
	get(t, ts, "/api/card/0", &c)
	it := s.Queue()[0]
	if c.Offer.ID != it.Offer || c.Listing.ID != it.Listing || c.Listing.Title == "" {
		t.Fatalf("card %+v: want offer %s beside listing %s with its title", c, it.Offer, it.Listing)
	}
	kinds := map[string]string{}
	for _, b := range c.Bars {
		kinds[b.Attribute] = b.Kind
	}
	tests := []struct{ attribute, kind, reason string }{
		{"brand", "agree", "both say Stanley"},
		{"gtin", "missing", "neither has a GTIN"},
	}
	for _, tt := range tests {
		if kinds[tt.attribute] != tt.kind {
			t.Errorf("bar %s: %q, want %q (%s)", tt.attribute, kinds[tt.attribute], tt.kind, tt.reason)
		}
	}
	if len(c.Alternatives) == 0 {
		t.Errorf("card of %s lists no runner-up; want the other Stanley color", it.Offer)
	}
	res, err := http.Get(ts.URL + "/api/card/7")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("card past the queue: status %d, want 404", res.StatusCode)
	}
}

func TestRetuneReportsChanges(t *testing.T) {
	// A re-tune whose config refuses every match: the queue's eligible and
	// review decisions turn into no_match, and the config is written.
	strict := match.DefaultConfig()
	strict.Prior = -60
	_, ts, _ := fixture(t, func(context.Context) (*match.Config, string, error) { return strict, "fitted on 0 labels", nil })
	var r Retuned
	b := post(t, ts, "/api/tune", struct{}{}, http.StatusOK)
	raw, _ := json.Marshal(b)
	json.Unmarshal(raw, &r)
	if r.Report != "fitted on 0 labels" || len(r.Changed) == 0 {
		t.Fatalf("retune %+v: want the report and changed decisions", r)
	}
	for _, c := range r.Changed {
		if c.After != match.NoMatch {
			t.Errorf("%s: %s -> %s, want no_match under a prior of -60", c.Offer, c.Before, c.After)
		}
	}
	if _, err := os.Stat(r.Config); err != nil {
		t.Errorf("the re-tuned config was not written: %v", err)
	}
	_, ts, _ = fixture(t, nil)
	post(t, ts, "/api/tune", struct{}{}, http.StatusNotFound)
}
