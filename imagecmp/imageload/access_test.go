package imageload

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image/color"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestAccessFiles: a service reads local images only inside its folders,
// and a refusal reads the same whether the file exists or not.
func TestAccessFiles(t *testing.T) {
	root := t.TempDir()
	ok := filepath.Join(root, "ok.png")
	os.WriteFile(ok, encodePNG(t, product(80, 80, red, gold, 30)), 0o644)
	os.Mkdir(filepath.Join(root, "sub"), 0o755)
	os.Symlink("/etc/passwd", filepath.Join(root, "link.png"))
	fifo := filepath.Join(root, "fifo.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	l := NewLoader("", 2)
	l.Access = Access{Dirs: []string{root}}
	tests := []struct {
		ref, want, why string
	}{
		{ok, "", "inside the folder"},
		{filepath.Join(root, "sub", "..", "ok.png"), "", ".. that stays inside"},
		{"/etc/passwd", "refused: outside the folders", "outside: refused"},
		{"/etc/no-such-file", "refused: outside the folders", "outside and missing: the same answer, no oracle"},
		{filepath.Join(root, "..", "x.png"), "refused: outside the folders", ".. that leaves"},
		{filepath.Join(root, "link.png"), "refused: outside the folders", "a link that leaves"},
		{filepath.Join(root, "sub"), "refused: not a regular file", "a directory"},
		{fifo, "refused: not a regular file", "a FIFO, which would block"},
		{filepath.Join(root, "missing.png"), "no such file", "inside and missing: said"},
	}
	for _, tt := range tests {
		start := time.Now()
		_, err := l.Fingerprint(context.Background(), tt.ref)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v (%s)", tt.ref, err, tt.why)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want %q (%s)", tt.ref, err, tt.want, tt.why)
		}
		if time.Since(start) > 2*time.Second {
			t.Errorf("%s took %s", tt.ref, time.Since(start))
		}
	}
	none := NewLoader("", 1) // the zero Access
	if _, err := none.Fingerprint(context.Background(), ok); !errors.Is(err, ErrRefused) {
		t.Errorf("zero Access read a local file: %v", err)
	}
}

// TestAccessAddresses: without Private, internal addresses are refused at
// connection time (after DNS, on every redirect); public ones pass.
func TestAccessAddresses(t *testing.T) {
	a := Access{}
	tests := []struct {
		addr string
		want string
	}{
		{"127.0.0.1:80", "loopback"},
		{"[::1]:443", "loopback"},
		{"10.1.2.3:80", "private"},
		{"192.168.0.10:80", "private"},
		{"172.16.5.5:80", "private"},
		{"[fd00::1]:80", "private"},
		{"169.254.169.254:80", "link-local"},
		{"[fe80::1]:80", "link-local"},
		{"0.0.0.0:80", "unspecified"},
		{"100.64.1.1:80", "carrier-grade NAT"},
		{"[::ffff:127.0.0.1]:80", "loopback"},
		{"93.184.216.34:80", ""},
		{"[2606:4700::1111]:443", ""},
	}
	for _, tt := range tests {
		err := a.control("tcp", tt.addr, nil)
		if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.addr, err, tt.want)
		}
		if err := (Access{Private: true}).control("tcp", tt.addr, nil); err != nil {
			t.Errorf("%s with Private: %v", tt.addr, err)
		}
	}

	// End to end: a loopback server, a redirect to it, a switch that turns
	// fetching off.
	var hits int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		if r.URL.Path == "/hop" {
			http.Redirect(w, r, "/ok.png", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write(encodePNG(t, product(80, 80, red, gold, 30)))
	}))
	defer srv.Close()
	l := NewLoader("", 2)
	for _, path := range []string{"/ok.png", "/hop"} {
		if _, err := l.Fingerprint(context.Background(), srv.URL+path); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("%s: %v, want refused as loopback", path, err)
		}
	}
	if hits != 0 {
		t.Errorf("the loopback server was reached %d times", hits)
	}
	l.Access = Access{NoFetch: true, Private: true}
	if _, err := l.Fingerprint(context.Background(), srv.URL+"/ok.png"); !errors.Is(err, ErrRefused) || hits != 0 {
		t.Errorf("NoFetch: %v, %d hits", err, hits)
	}
	l.Access = Access{Private: true}
	if _, err := l.Fingerprint(context.Background(), srv.URL+"/hop"); err != nil || hits != 2 {
		t.Errorf("Private allows it: %v, %d hits", err, hits)
	}
}

// TestDecodedSizeLimit: a small PNG whose header says 7000x7000 pixels of
// 16-bit RGBA (392 MB decoded) is refused from the header.
func TestDecodedSizeLimit(t *testing.T) {
	png := pngHeader(7000, 7000, 16, 6)
	_, err := Decode(bytes.NewReader(png), DefaultLimits())
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "decodes to 373 MB") {
		t.Errorf("deep PNG: %v, want refused as too large decoded", err)
	}
	// The same size in 8-bit gray (49 MB) passes the header check.
	if _, err := checkHeader(pngHeader(7000, 7000, 8, 0), DefaultLimits()); err != nil {
		t.Errorf("8-bit gray 7000x7000: %v", err)
	}
	if got := bytesPerPixel(color.NRGBA64Model); got != 8 {
		t.Errorf("NRGBA64: %d bytes a pixel", got)
	}
}

// pngHeader is a PNG signature and IHDR chunk (no pixel data): enough for
// image.DecodeConfig.
func pngHeader(w, h uint32, depth, colorType byte) []byte {
	var b bytes.Buffer
	b.Write([]byte("\x89PNG\r\n\x1a\n"))
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = depth, colorType
	chunk := append([]byte("IHDR"), ihdr...)
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// TestDecodeMemoryBound: a decode waits for memory that decodes in flight
// hold, and gives up with its context, instead of adding to them.
func TestDecodeMemoryBound(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "ok.png")
	os.WriteFile(p, encodePNG(t, product(80, 80, red, gold, 30)), 0o644)
	l := NewLoader("", 2)
	l.Access = Access{Dirs: []string{root}}
	l.decoding.Acquire(context.Background(), DecodeMemory) // others hold it all
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := l.Fingerprint(ctx, p); err == nil || !strings.Contains(err.Error(), "waiting to decode") {
		t.Errorf("with no decode memory free: %v, want a wait that ends with the context", err)
	}
	l.decoding.Release(DecodeMemory)
	if _, err := l.Fingerprint(context.Background(), p); err != nil {
		t.Errorf("once released: %v", err)
	}
}
