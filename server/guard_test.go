package server

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// request sends one request with the given headers.
func request(t *testing.T, method, url, body string, header map[string]string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no redirects followed
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// TestGuards: the bearer token, the JSON content type, one JSON value per
// body, and the mux's redirect for unclean paths.
func TestGuards(t *testing.T) {
	opts := DefaultOptions()
	opts.Token = "s3cret-token-of-some-length"
	srv := newTestServer(t, opts)
	u := srv.URL
	json := map[string]string{"Content-Type": "application/json"}
	auth := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + opts.Token}
	tests := []struct {
		name, method, path, body string
		header                   map[string]string
		code                     int
		want                     string
	}{
		{"no token", "POST", "/v1/match", `{"id":"o","title":"x"}`, json, 401, "bearer token"},
		{"wrong token", "POST", "/v1/match", `{"id":"o","title":"x"}`, map[string]string{"Content-Type": "application/json", "Authorization": "Bearer nope"}, 401, "bearer token"},
		{"token", "POST", "/v1/match", `{"id":"o","title":"x"}`, auth, 200, `"decision":"no_match"`},
		{"delete needs the token", "DELETE", "/v1/listings/x", "", nil, 401, "bearer token"},
		{"metrics need the token", "GET", "/metrics", "", nil, 401, "bearer token"},
		{"health is open", "GET", "/healthz", "", nil, 200, `"status":"ok"`},
		{"openapi is open", "GET", "/openapi.json", "", nil, 200, `"openapi"`},
		{"form post", "POST", "/v1/match", `{"id":"o"}`, map[string]string{"Content-Type": "text/plain", "Authorization": "Bearer " + opts.Token}, 415, "want application/json"},
		{"no content type", "PUT", "/v1/listings/x", `{"title":"x"}`, map[string]string{"Authorization": "Bearer " + opts.Token}, 415, "want application/json"},
		{"json with charset", "PUT", "/v1/listings/x", `{"title":"x"}`, map[string]string{"Content-Type": "application/json; charset=utf-8", "Authorization": "Bearer " + opts.Token}, 201, `"id":"x"`},
		{"trailing garbage", "PUT", "/v1/listings/y", `{"title":"x"} {"title":"y"}`, auth, 400, "more than one JSON value"},
	}
	for _, tt := range tests {
		code, _, body := request(t, tt.method, u+tt.path, tt.body, tt.header)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %s; want %d with %q", tt.name, code, body, tt.code, tt.want)
		}
	}
	// A path with ".." is redirected to its clean form, with a Location.
	code, h, body := request(t, "GET", u+"/v1/listings/../healthz", "", nil)
	if code/100 != 3 || h.Get("Location") != "/v1/healthz" || !strings.Contains(body, `"error"`) {
		t.Errorf("unclean path: %d Location %q %s; want a redirect with its Location", code, h.Get("Location"), body)
	}
}
