package imagecmp

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"
)

// Loader reads images from local files or http(s) URLs and fingerprints
// them. Its zero value is not usable; use NewLoader.
type Loader struct {
	Limits Limits
	Client *http.Client
}

// NewLoader returns a Loader with DefaultLimits and a 20-second HTTP timeout.
func NewLoader() *Loader {
	return &Loader{Limits: DefaultLimits(), Client: &http.Client{Timeout: 20 * time.Second}}
}

// IsURL reports whether ref names an http(s) resource rather than a file.
func IsURL(ref string) bool {
	l := strings.ToLower(ref)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Fingerprint reads the image at ref (a file path or an http(s) URL) and
// fingerprints it. Errors name ref.
func (l *Loader) Fingerprint(ctx context.Context, ref string) (Fingerprint, error) {
	if IsURL(ref) {
		return l.fromURL(ctx, ref)
	}
	f, err := os.Open(ref)
	if err != nil {
		return Fingerprint{}, fmt.Errorf("image %s: %w", ref, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > l.Limits.MaxBytes {
		return Fingerprint{}, fmt.Errorf("image %s: %w: %d bytes is over %d", ref, ErrTooLarge, st.Size(), l.Limits.MaxBytes)
	}
	fp, err := FromReader(f, l.Limits)
	if err != nil {
		return Fingerprint{}, fmt.Errorf("image %s: %w", ref, err)
	}
	return fp, nil
}

func (l *Loader) fromURL(ctx context.Context, url string) (Fingerprint, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Fingerprint{}, fmt.Errorf("image %s: %w", url, err)
	}
	resp, err := l.Client.Do(req)
	if err != nil {
		return Fingerprint{}, fmt.Errorf("image %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Fingerprint{}, fmt.Errorf("image %s: HTTP %s", url, resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt, _, _ := mime.ParseMediaType(ct)
		if !strings.HasPrefix(mt, "image/") && mt != "application/octet-stream" {
			return Fingerprint{}, fmt.Errorf("image %s: content type %q is not an image", url, mt)
		}
	}
	if resp.ContentLength > l.Limits.MaxBytes {
		return Fingerprint{}, fmt.Errorf("image %s: %w: %d bytes is over %d", url, ErrTooLarge, resp.ContentLength, l.Limits.MaxBytes)
	}
	fp, err := FromReader(resp.Body, l.Limits)
	if err != nil {
		return Fingerprint{}, fmt.Errorf("image %s: %w", url, err)
	}
	return fp, nil
}
