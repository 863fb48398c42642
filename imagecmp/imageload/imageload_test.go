package imageload

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/disintegration/imaging"
	"github.com/followmatch/followmatch/imagecmp"
)

// product draws a simple pack shot: a colored body with a band on white.
func product(w, h int, body, band color.Color, bandY int) *image.NRGBA {
	img := imaging.New(w, h, color.White)
	for y := h / 5; y < h*4/5; y++ {
		for x := w / 4; x < w*3/4; x++ {
			c := body
			if y >= bandY && y < bandY+h/10 {
				c = band
			}
			img.Set(x, y, c)
		}
	}
	return img
}

// checker draws a checkerboard of col on white: nothing like a pack shot.
func checker(w, h int, col color.Color) *image.NRGBA {
	img := imaging.New(w, h, color.White)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if (x/40+y/40)%2 == 0 {
				img.Set(x, y, col)
			}
		}
	}
	return img
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fingerprint(t testing.TB, data []byte) imagecmp.Fingerprint {
	t.Helper()
	fp, err := FromReader(bytes.NewReader(data), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

var (
	red   = color.NRGBA{200, 30, 40, 255}
	green = color.NRGBA{40, 140, 60, 255}
	navy  = color.NRGBA{25, 35, 90, 255}
	gold  = color.NRGBA{210, 170, 60, 255}
)

func TestVerdicts(t *testing.T) {
	base := product(400, 400, red, gold, 180)
	fp := fingerprint(t, encodePNG(t, base))
	tests := []struct {
		name          string
		img           []byte
		want          string
		colorConflict bool
		reason        string
	}{
		{"jpeg q60", encodeJPEG(t, base, 60), imagecmp.Same, false, "a re-encode is the same photo"},
		{"half size", encodePNG(t, imaging.Resize(base, 200, 200, imaging.Lanczos)), imagecmp.Same, false, "a resize is the same photo"},
		{"double size", encodePNG(t, imaging.Resize(base, 800, 800, imaging.Lanczos)), imagecmp.Same, false, "an upscale is the same photo"},
		{"white padding", encodePNG(t, imaging.Paste(imaging.New(480, 480, color.White), base, image.Pt(40, 40))), imagecmp.Same, false, "the border is trimmed"},
		{"green variant", encodePNG(t, product(400, 400, green, gold, 180)), imagecmp.Different, true, "same shape, another color"},
		{"other product", encodePNG(t, checker(300, 400, navy)), imagecmp.Different, false, "another shape and color"},
	}
	for _, tt := range tests {
		c := imagecmp.Compare(fp, fingerprint(t, tt.img), imagecmp.DefaultThresholds())
		if c.Verdict != tt.want || c.ColorConflict != tt.colorConflict {
			t.Errorf("%s: %+v, want %s color conflict %v (%s)", tt.name, c, tt.want, tt.colorConflict, tt.reason)
		}
	}
}

func TestCompareProperties(t *testing.T) {
	fps := []imagecmp.Fingerprint{
		fingerprint(t, encodePNG(t, product(400, 400, red, gold, 180))),
		fingerprint(t, encodePNG(t, product(300, 500, green, gold, 100))),
		fingerprint(t, encodePNG(t, product(64, 64, navy, red, 10))),
		{},
	}
	for i, a := range fps {
		for j, b := range fps {
			c, r := imagecmp.Compare(a, b, imagecmp.DefaultThresholds()), imagecmp.Compare(b, a, imagecmp.DefaultThresholds())
			if c != r {
				t.Errorf("imagecmp.Compare(%d,%d) = %+v, reverse %+v: not symmetric", i, j, c, r)
			}
			if c.Similarity < 0 || c.Similarity > 1 {
				t.Errorf("imagecmp.Compare(%d,%d) similarity %v not in [0,1]", i, j, c.Similarity)
			}
			if i == j && (c.Similarity != 1 || c.Verdict != imagecmp.Same) {
				t.Errorf("imagecmp.Compare(%d,%d) of identical fingerprints = %+v, want similarity 1, same", i, j, c)
			}
		}
	}
}

func TestDecodeRefuses(t *testing.T) {
	// A GIF whose header claims 65535 x 65535 pixels: refused from the
	// header, before any decoding.
	var g bytes.Buffer
	if err := gif.Encode(&g, product(8, 8, red, gold, 2), nil); err != nil {
		t.Fatal(err)
	}
	bomb := g.Bytes()
	bomb[6], bomb[7], bomb[8], bomb[9] = 0xff, 0xff, 0xff, 0xff
	jpg := encodeJPEG(t, product(200, 200, red, gold, 80), 80)
	tests := []struct {
		name    string
		data    []byte
		lim     Limits
		wantErr string
		tooBig  bool
	}{
		{"decompression bomb", bomb, DefaultLimits(), "65535x65535", true},
		{"over the byte cap", jpg, Limits{MaxBytes: 100, MaxPixels: 1e9}, "more than 100 bytes", true},
		{"truncated", jpg[:len(jpg)/2], DefaultLimits(), "decode", false},
		{"not an image", []byte("<html>404 not found</html>"), DefaultLimits(), "not a supported image", false},
		{"empty", nil, DefaultLimits(), "not a supported image", false},
	}
	for _, tt := range tests {
		_, err := FromReader(bytes.NewReader(tt.data), tt.lim)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) || errors.Is(err, ErrTooLarge) != tt.tooBig {
			t.Errorf("%s: err = %v, want one containing %q (too large: %v)", tt.name, err, tt.wantErr, tt.tooBig)
		}
	}
}

func TestLoaderFiles(t *testing.T) {
	img := encodePNG(t, product(200, 200, red, gold, 80))
	dir := t.TempDir()
	path := filepath.Join(dir, "p.png")
	if err := os.WriteFile(path, img, 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader("", 2)
	l.Access = Access{AnyFile: true}
	if _, err := l.Fingerprint(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.png")
	if _, err := l.Fingerprint(context.Background(), missing); err == nil || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}

// imageServer serves the cases a catalog's image URLs bring.
type imageServer struct {
	img, jpg, bomb      []byte
	mu                  sync.Mutex
	hits                map[string]int
	inFlight, maxAtOnce int
}

// hitCount returns how many requests path had.
func (s *imageServer) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *imageServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	n := s.hits[r.URL.Path]
	s.inFlight++
	s.maxAtOnce = max(s.maxAtOnce, s.inFlight)
	s.mu.Unlock()
	defer func() { s.mu.Lock(); s.inFlight--; s.mu.Unlock() }()
	switch {
	case r.URL.Path == "/ok.png" || strings.HasPrefix(r.URL.Path, "/many/"):
		if strings.HasPrefix(r.URL.Path, "/many/") {
			time.Sleep(20 * time.Millisecond)
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write(s.img)
	case r.URL.Path == "/slow.png":
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	case r.URL.Path == "/flaky.png" && n <= 2, r.URL.Path == "/down.png":
		http.Error(w, "overloaded", http.StatusInternalServerError)
	case r.URL.Path == "/flaky.png":
		w.Header().Set("Content-Type", "image/png")
		w.Write(s.img)
	case r.URL.Path == "/page.png":
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html>not here</html>"))
	case r.URL.Path == "/truncated.jpg":
		w.Header().Set("Content-Type", "image/jpeg")
		w.Header().Set("Content-Length", fmt.Sprint(len(s.jpg)))
		w.Write(s.jpg[:len(s.jpg)/3])
	case r.URL.Path == "/bomb.gif":
		w.Header().Set("Content-Type", "image/gif")
		w.Write(s.bomb)
	default:
		http.NotFound(w, r)
	}
}

func TestLoaderURLs(t *testing.T) {
	var g bytes.Buffer
	gif.Encode(&g, product(8, 8, red, gold, 2), nil)
	bomb := g.Bytes()
	bomb[6], bomb[7], bomb[8], bomb[9] = 0xff, 0xff, 0xff, 0xff
	s := &imageServer{img: encodePNG(t, product(200, 200, red, gold, 80)), jpg: encodeJPEG(t, product(300, 300, red, gold, 80), 80), bomb: bomb, hits: map[string]int{}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	l := NewLoader(t.TempDir(), 2)
	l.Access = Access{Private: true} // the test server is on loopback
	l.Client.Timeout = 300 * time.Millisecond
	l.Backoff = 5 * time.Millisecond
	ctx := context.Background()

	tests := []struct {
		path, wantErr string
		tooLarge      bool
		hits          int
		reason        string
	}{
		{"/ok.png", "", false, 1, "an image"},
		{"/flaky.png", "", false, 3, "two 500s, then the image: retried with backoff"},
		{"/down.png", "500", false, 3, "always 500: gives up after the retries"},
		{"/gone.png", "404", false, 1, "not found: no retry"},
		{"/page.png", "not an image", false, 1, "an HTML page"},
		{"/truncated.jpg", "unexpected EOF", false, 1, "the body stops early"},
		{"/bomb.gif", "65535x65535", true, 1, "refused from the header"},
		{"/slow.png", "Timeout", false, 1, "times out, once: a time-out is not retried"},
	}
	for _, tt := range tests {
		url := srv.URL + tt.path
		_, err := l.Fingerprint(ctx, url)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v (%s)", tt.path, err, tt.reason)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), url)):
			t.Errorf("%s: %v, want an error naming the URL and %q (%s)", tt.path, err, tt.wantErr, tt.reason)
		case errors.Is(err, ErrTooLarge) != tt.tooLarge:
			t.Errorf("%s: %v, too large %v (%s)", tt.path, err, tt.tooLarge, tt.reason)
		}
		if got := s.hitCount(tt.path); got != tt.hits {
			t.Errorf("%s: %d requests, want %d (%s)", tt.path, got, tt.hits, tt.reason)
		}
	}

	// A second run fetches nothing: fingerprints come from the disk cache,
	// and a fresh Loader on the same directory finds them too.
	l2 := NewLoader(l.CacheDir, 2)
	l2.Access = l.Access
	for _, p := range []string{"/ok.png", "/flaky.png"} {
		if _, err := l2.Fingerprint(ctx, srv.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	if s.hitCount("/ok.png") != 1 || s.hitCount("/flaky.png") != 3 {
		t.Errorf("cached URLs were fetched again: /ok.png %d, /flaky.png %d times", s.hitCount("/ok.png"), s.hitCount("/flaky.png"))
	}

	// At most 2 fetches at once. The timed-out /slow.png request may still
	// hold its handler until the server sees the client gone: wait for it,
	// so that it is not counted with these.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		s.mu.Lock()
		idle := s.inFlight == 0
		s.mu.Unlock()
		if idle {
			break
		}
	}
	s.mu.Lock()
	s.maxAtOnce = 0
	s.mu.Unlock()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.Fingerprint(ctx, fmt.Sprintf("%s/many/%d.png", srv.URL, i))
		}()
	}
	wg.Wait()
	if s.maxAtOnce > 2 {
		t.Errorf("%d fetches at once, want at most 2", s.maxAtOnce)
	}
}

func FuzzFromReader(f *testing.F) {
	f.Add(encodePNG(f, product(16, 16, red, gold, 4)))
	f.Add(encodeJPEG(f, product(16, 16, red, gold, 4), 50))
	f.Add([]byte("GIF89a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fp, err := FromReader(bytes.NewReader(data), Limits{MaxBytes: 1 << 20, MaxPixels: 1 << 20})
		if err == nil && len(fp.Color) != imagecmp.GridSize*imagecmp.GridSize*3 {
			t.Fatalf("color signature has %d bytes", len(fp.Color))
		}
	})
}

// BenchmarkDecode and BenchmarkFingerprint run side by side: the cost of
// fingerprinting a 1000x1000 JPEG against decoding it alone.
func BenchmarkDecode(b *testing.B) {
	data := encodeJPEG(b, imaging.Resize(product(400, 400, red, gold, 180), 1000, 1000, imaging.Linear), 85)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data), DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFingerprint(b *testing.B) {
	data := encodeJPEG(b, imaging.Resize(product(400, 400, red, gold, 180), 1000, 1000, imaging.Linear), 85)
	b.ResetTimer()
	for b.Loop() {
		if _, err := FromReader(bytes.NewReader(data), DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}
