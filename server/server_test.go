package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/match"
	"github.com/google/go-cmp/cmp"
)

func newTestServer(t *testing.T, opts Options) *httptest.Server {
	t.Helper()
	eng, err := followmatch.Open(context.Background(), filepath.Join(t.TempDir(), "t.idx"), followmatch.Options{
		Policy: match.Policy{RestrictedBrands: []string{"Sony"}, MinStock: 10}, ImageCacheDir: "-",
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(eng, opts).Handler())
	t.Cleanup(func() { srv.Close(); eng.Close() })
	return srv
}

func do(t *testing.T, method, url, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const xm4 = `{"gtin": ["027242920187"], "brand": "Sony", "title": "Sony WH-1000XM4 Wireless Headphones, Black", "model": "WH-1000XM4", "color": "Black"}`

func TestHandlers(t *testing.T) {
	srv := newTestServer(t, Options{MaxBody: 4096, MaxBatch: 3, Timeout: DefaultOptions().Timeout})
	u := srv.URL
	offer := `{"id": "SKU-1", "brand": "SONY", "title": "Sony WH1000XM4 headphones black", "model": "WH-1000XM4", "stock": 50}`
	tests := []struct {
		name, method, path, body string
		code                     int
		want                     string
		reason                   string
	}{
		{"health", "GET", "/healthz", "", 200, `"listings":0`, "an empty index serves"},
		{"put new", "PUT", "/v1/listings/B01", xm4, 201, `"id":"B01"`, "a new listing"},
		{"put again", "PUT", "/v1/listings/B01", xm4, 200, `"id":"B01"`, "a replaced listing"},
		{"get", "GET", "/v1/listings/B01", "", 200, `"model":"WH-1000XM4"`, "the stored record"},
		{"get missing", "GET", "/v1/listings/NOPE", "", 404, `"error":"no listing \"NOPE\""`, "an unknown id"},
		{"match one", "POST", "/v1/match", offer, 200, `"decision":"blocked","listing_id":"B01"`, "the update is visible; Sony is restricted"},
		{"match as seller", "POST", "/v1/match", `{"offer": ` + offer + `, "seller": {"authorized_brands": ["Sony"]}}`, 200, `"decision":"eligible"`, "a request's seller"},
		{"match array", "POST", "/v1/match", `[` + offer + `, {"id": "SKU-2", "title": "Weber grill"}]`, 200, `"offer_id":"SKU-2","decision":"no_match"`, "a batch answers an array"},
		{"not json", "POST", "/v1/match", `{"id": `, 400, `"error":"body is not JSON`, "malformed JSON"},
		{"wrong shape", "POST", "/v1/match", `"SKU-1"`, 400, `"error":"body must be`, "a string is no offer"},
		{"no id", "POST", "/v1/match", `{"title": "x"}`, 422, `field id: missing`, "an offer without id"},
		{"wrong type", "POST", "/v1/match", `{"id": "a", "stock": "lots"}`, 422, `field stock`, "a field of the wrong type"},
		{"bad seller", "POST", "/v1/match", `{"offer": ` + offer + `, "seller": {"brands": []}}`, 422, `seller: json: unknown field`, "unknown seller key"},
		{"batch too big", "POST", "/v1/match", `[{"id":"1"},{"id":"2"},{"id":"3"},{"id":"4"}]`, 413, `at most 3`, "over the batch cap"},
		{"body too big", "POST", "/v1/match", `{"id": "x", "title": "` + strings.Repeat("a", 5000) + `"}`, 413, `over 4096 bytes`, "over the body cap"},
		{"id mismatch", "PUT", "/v1/listings/B02", `{"id": "B03"}`, 422, `differs`, "body id against path id"},
		{"wrong method", "PATCH", "/v1/listings/B01", `{}`, 405, `does not take PATCH`, "no such method"},
		{"no route", "GET", "/v2/nothing", ``, 404, `"error":"no route`, "unknown path"},
		{"delete", "DELETE", "/v1/listings/B01", "", 204, "", "removed"},
		{"delete again", "DELETE", "/v1/listings/B01", "", 404, `no listing`, "already gone"},
		{"match after delete", "POST", "/v1/match", offer, 200, `"decision":"no_match"`, "the delete is visible"},
	}
	for _, tt := range tests {
		code, body := do(t, tt.method, u+tt.path, tt.body)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %s; want %d containing %q (%s)", tt.name, code, body, tt.code, tt.want, tt.reason)
		}
		if code >= 400 {
			var e map[string]string
			if json.Unmarshal([]byte(body), &e) != nil || e["error"] == "" {
				t.Errorf("%s: error body %q is not {\"error\": ...}", tt.name, body)
			}
		}
	}
	code, body := do(t, "GET", u+"/metrics", "")
	for _, want := range []string{`followmatch_http_requests_total{code="201",route="PUT /v1/listings/{id}"} 1`, `followmatch_decisions_total{decision="blocked"} 2`, "followmatch_http_request_duration_seconds_bucket"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// TestOpenAPIMatchesRoutes checks that the document describes exactly the
// routes the server's mux serves, with their methods and summaries.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q is not 3.x", doc.OpenAPI)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if method == "parameters" {
				continue
			}
			var o struct{ Summary string }
			if err := json.Unmarshal(op, &o); err != nil {
				t.Fatal(err)
			}
			documented = append(documented, strings.ToUpper(method)+" "+path+": "+o.Summary)
		}
	}
	s := New(nil, DefaultOptions())
	var routes []string
	for _, rt := range s.routes {
		// The mux must route a request of this method and path to it.
		method, path, _ := strings.Cut(rt.pattern, " ")
		req := httptest.NewRequest(method, strings.ReplaceAll(path, "{id}", "x1"), nil)
		if _, pattern := s.mux.Handler(req); pattern != rt.pattern {
			t.Errorf("%s: the mux routes it to %q", rt.pattern, pattern)
		}
		routes = append(routes, rt.pattern+": "+rt.summary)
	}
	sort.Strings(documented)
	sort.Strings(routes)
	if diff := cmp.Diff(routes, documented); diff != "" {
		t.Errorf("openapi.json and the route table differ (-routes +openapi.json):\n%s", diff)
	}
	srv := newTestServer(t, DefaultOptions())
	code, body := do(t, "GET", srv.URL+"/openapi.json", "")
	if code != 200 || body != string(openapiJSON) {
		t.Errorf("GET /openapi.json: %d", code)
	}
}

// TestConcurrentMatchesAndUpdates runs matches while listings change.
func TestConcurrentMatchesAndUpdates(t *testing.T) {
	srv := newTestServer(t, DefaultOptions())
	do(t, "PUT", srv.URL+"/v1/listings/B01", xm4)
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				if w%2 == 0 {
					code, body := do(t, "PUT", srv.URL+"/v1/listings/X"+string(rune('a'+i)), `{"title": "Acme anvil A`+string(rune('a'+i))+`100", "brand": "Acme"}`)
					if code >= 300 {
						errs <- body
					}
				} else if code, body := do(t, "POST", srv.URL+"/v1/match", `{"id": "o", "title": "Sony WH-1000XM4 Black", "brand": "Sony", "model": "WH-1000XM4"}`); code != 200 || !strings.Contains(body, `"listing_id":"B01"`) {
					errs <- body
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func FuzzDecodeMatchRequest(f *testing.F) {
	f.Add([]byte(`{"id": "a", "title": "x", "gtin": ["036000291452"], "params": {"a": 1}}`))
	f.Add([]byte(`[{"id": "a"}, {"id": "b", "stock": 3}]`))
	f.Add([]byte(`{"offers": [{"id": "a"}], "seller": {"authorized_brands": ["x"]}}`))
	f.Add([]byte(`{"offer": null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := decodeMatchRequest(body, 10)
		if err == nil {
			if len(req.Offers) == 0 || len(req.Offers) > 10 {
				t.Fatalf("accepted %d offers", len(req.Offers))
			}
			for _, o := range req.Offers {
				if o == nil || o.ID == "" {
					t.Fatal("accepted an offer without an id")
				}
			}
			return
		}
		var he *httpError
		if !errors.As(err, &he) || he.status < 400 || he.status > 499 {
			t.Fatalf("error %v is not a 4xx", err)
		}
	})
}

func TestRequestTimeout(t *testing.T) {
	srv := newTestServer(t, Options{MaxBody: 1 << 20, MaxBatch: 10, Timeout: time.Nanosecond})
	code, body := do(t, "POST", srv.URL+"/v1/match", `{"id": "o", "title": "anything"}`)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, `"error":"request took longer than`) {
		t.Errorf("a request over its time: %d %s, want 503 with a JSON error", code, body)
	}
}
