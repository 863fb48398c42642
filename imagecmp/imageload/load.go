package imageload

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/followmatch/followmatch/imagecmp"
)

// Loader reads images from local files or http(s) URLs and fingerprints
// them: what it may read is its Access; URL fetches are bounded in number
// at once, time out, retry with backoff on server errors (not on time-outs),
// and are cached on disk by URL, so a second run fetches nothing; decodes
// at once are bounded by the memory their pixels take. A Loader is safe for
// concurrent use; build one with NewLoader and set Access before using it.
type Loader struct {
	Limits Limits
	// Access says which files and URLs may be read; its zero value reads
	// no local file and fetches from public addresses only.
	Access Access
	Client *http.Client
	// Retries is how many times a 5xx answer or a failed connection is
	// retried, with Backoff doubling between tries.
	Retries int
	Backoff time.Duration
	// CacheDir holds fetched fingerprints by URL; empty disables the cache.
	CacheDir string
	sem      chan struct{}
	// decoding bounds the bytes of pixels decoded at once (DecodeMemory).
	decoding *semaphore.Weighted
}

// DecodeMemory is the most memory a Loader's decodes in flight may take
// together, in decoded bytes: a burst of large images waits instead of
// running the process out of memory.
const DecodeMemory = 768 << 20

// NewLoader returns a Loader with DefaultLimits, the zero Access, a
// 20-second timeout per fetch, 2 retries from 250 ms, at most parallel
// fetches at once, and the given cache directory ("" for none).
func NewLoader(cacheDir string, parallel int) *Loader {
	if parallel < 1 {
		parallel = 1
	}
	l := &Loader{
		Limits:   DefaultLimits(),
		Retries:  2,
		Backoff:  250 * time.Millisecond,
		CacheDir: cacheDir,
		sem:      make(chan struct{}, parallel),
		decoding: semaphore.NewWeighted(DecodeMemory),
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: func(network, address string, c syscall.RawConn) error {
		return l.Access.control(network, address, c)
	}}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = dialer.DialContext
	tr.Proxy = func(r *http.Request) (*url.URL, error) {
		if !l.Access.Private {
			return nil, nil // a proxy would reach what the dialer refuses
		}
		return http.ProxyFromEnvironment(r)
	}
	l.Client = &http.Client{
		Timeout:   20 * time.Second,
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: redirect to %s", ErrRefused, req.URL.Scheme)
			}
			return nil
		},
	}
	return l
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
// fingerprints it. Errors name ref; a refusal (ErrRefused) says nothing of
// whether the file exists.
func (l *Loader) Fingerprint(ctx context.Context, ref string) (imagecmp.Fingerprint, error) {
	if IsURL(ref) {
		if err := l.Access.checkURL(); err != nil {
			return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", ref, err)
		}
		return l.fromURL(ctx, ref)
	}
	path, err := l.Access.resolveFile(ref)
	if err != nil {
		return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", ref, err)
	}
	f, err := openRegular(path)
	if err != nil {
		return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", ref, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > l.Limits.MaxBytes {
		return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w: %d bytes is over %d", ref, ErrTooLarge, st.Size(), l.Limits.MaxBytes)
	}
	fp, err := l.fingerprint(ctx, f)
	if err != nil {
		return imagecmp.Fingerprint{}, fmt.Errorf("image %s: %w", ref, err)
	}
	return fp, nil
}

// fingerprint reads, checks, decodes and fingerprints one image, waiting
// for decode memory (or ctx) first.
func (l *Loader) fingerprint(ctx context.Context, r io.Reader) (imagecmp.Fingerprint, error) {
	data, err := readLimited(r, l.Limits)
	if err != nil {
		return imagecmp.Fingerprint{}, err
	}
	size, err := checkHeader(data, l.Limits)
	if err != nil {
		return imagecmp.Fingerprint{}, err
	}
	size = min(size, DecodeMemory)
	if err := l.decoding.Acquire(ctx, size); err != nil {
		return imagecmp.Fingerprint{}, fmt.Errorf("waiting to decode: %w", err)
	}
	defer l.decoding.Release(size)
	img, err := decodeData(data)
	if err != nil {
		return imagecmp.Fingerprint{}, err
	}
	return FromImage(img)
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
		// A refused address or a time-out is not worth another try.
		var ne net.Error
		timeout := errors.As(err, &ne) && ne.Timeout()
		return imagecmp.Fingerprint{}, ctx.Err() == nil && !timeout && !errors.Is(err, ErrRefused), err
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
	fp, err = l.fingerprint(ctx, resp.Body)
	return fp, false, err
}
