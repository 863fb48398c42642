package imageload

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/followmatch/followmatch/imagecmp"
)

// Loader reads images from local files or http(s) URLs and fingerprints
// them: URL fetches are bounded in number at once, time out, retry with
// backoff on server errors, and are cached on disk by URL, so a second run
// fetches nothing. A Loader is safe for concurrent use; build one with
// NewLoader.
type Loader struct {
	Limits Limits
	Client *http.Client
	// Retries is how many times a 5xx answer or a failed connection is
	// retried, with Backoff doubling between tries.
	Retries int
	Backoff time.Duration
	// CacheDir holds fetched fingerprints by URL; empty disables the cache.
	CacheDir string
	sem      chan struct{}
}

// NewLoader returns a Loader with DefaultLimits, a 20-second timeout per
// fetch, 2 retries from 250 ms, at most parallel fetches at once, and the
// given cache directory ("" for none).
func NewLoader(cacheDir string, parallel int) *Loader {
	if parallel < 1 {
		parallel = 1
	}
	return &Loader{
		Limits:   DefaultLimits(),
		Client:   &http.Client{Timeout: 20 * time.Second},
		Retries:  2,
		Backoff:  250 * time.Millisecond,
		CacheDir: cacheDir,
		sem:      make(chan struct{}, parallel),
	}
}

// DefaultCacheDir is the user's cache directory for image fingerprints, or
// "" when there is none.
func DefaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "followmatch", "images")
}

// IsURL reports whether ref names an http(s) resource rather than a file.
func IsURL(ref string) bool {
	l := strings.ToLower(ref)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Fingerprint reads the image at ref (a file path or an http(s) URL) and
// fingerprints it. Errors name ref.
func (l *Loader) Fingerprint(ctx context.Context, ref string) (imagecmp.Fingerprint, error) {
	if IsURL(ref) {
		return l.fromURL(ctx, ref)
	}
	f, err := os.Open(ref)
	if err != nil {
		return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", ref, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > l.Limits.MaxBytes {
		return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w: %d bytes is over %d", ref, ErrTooLarge, st.Size(), l.Limits.MaxBytes)
	}
	fp, err := FromReader(f, l.Limits)
	if err != nil {
		return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", ref, err)
	}
	return fp, nil
}

// cacheVersion changes when fingerprints computed before would differ.
const cacheVersion = "2"

type cached struct {
	Version     string               `json:"version"`
	URL         string               `json:"url"`
	Fingerprint imagecmp.Fingerprint `json:"fingerprint"`
}

func (l *Loader) cachePath(url string) string {
	sum := sha256.Sum256([]byte(url))
	h := hex.EncodeToString(sum[:])
	return filepath.Join(l.CacheDir, h[:2], h+".json")
}

func (l *Loader) fromCache(url string) (imagecmp.Fingerprint, bool) {
	if l.CacheDir == "" {
		return imagecmp.Fingerprint{}, false
	}
	b, err := os.ReadFile(l.cachePath(url))
	if err != nil {
		return imagecmp.Fingerprint{}, false
	}
	var c cached
	if json.Unmarshal(b, &c) != nil || c.Version != cacheVersion || c.URL != url {
		return imagecmp.Fingerprint{}, false
	}
	return c.Fingerprint, true
}

// toCache stores a fingerprint; a failure to write only costs a refetch.
func (l *Loader) toCache(url string, fp imagecmp.Fingerprint) {
	if l.CacheDir == "" {
		return
	}
	p := l.cachePath(url)
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	b, _ := json.Marshal(cached{Version: cacheVersion, URL: url, Fingerprint: fp})
	tmp := p + ".tmp" + fmt.Sprint(time.Now().UnixNano())
	if os.WriteFile(tmp, b, 0o644) == nil {
		os.Rename(tmp, p)
	}
}

func (l *Loader) fromURL(ctx context.Context, url string) (imagecmp.Fingerprint, error) {
	if fp, ok := l.fromCache(url); ok {
		return fp, nil
	}
	select {
	case l.sem <- struct{}{}:
		defer func() { <-l.sem }()
	case <-ctx.Done():
		return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", url, ctx.Err())
	}
	wait := l.Backoff
	for try := 0; ; try++ {
		fp, retry, err := l.fetch(ctx, url)
		if err == nil {
			l.toCache(url, fp)
			return fp, nil
		}
		if !retry || try >= l.Retries {
			if try > 0 {
				return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w (after %d tries)", url, err, try+1)
			}
			return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", url, err)
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", url, ctx.Err())
		}
		wait *= 2
	}
}

// fetch makes one attempt; retry says whether the failure is worth another
// (a 5xx answer or a failed connection).
func (l *Loader) fetch(ctx context.Context, url string) (fp imagecmp.Fingerprint, retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return imagecmp.Fingerprint{}, false, err
	}
	resp, err := l.Client.Do(req)
	if err != nil {
		return imagecmp.Fingerprint{}, ctx.Err() == nil, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 500:
		return imagecmp.Fingerprint{}, true, fmt.Errorf("HTTP %s", resp.Status)
	case resp.StatusCode != http.StatusOK:
		return imagecmp.Fingerprint{}, false, fmt.Errorf("HTTP %s", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt, _, _ := mime.ParseMediaType(ct)
		if !strings.HasPrefix(mt, "image/") && mt != "application/octet-stream" {
			return imagecmp.Fingerprint{}, false, fmt.Errorf("content type %q is not an image", mt)
		}
	}
	if resp.ContentLength > l.Limits.MaxBytes {
		return imagecmp.Fingerprint{}, false, fmt.Errorf("%w: %d bytes is over %d", ErrTooLarge, resp.ContentLength, l.Limits.MaxBytes)
	}
	fp, err = FromReader(resp.Body, l.Limits)
	return fp, false, err
}
