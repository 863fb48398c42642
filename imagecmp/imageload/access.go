package imageload

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Access says which images a Loader may read. The zero value is the safe
// one for a service: no local file, URLs only to public addresses.
type Access struct {
	// Dirs are the folders local image files may be read from, after ".."
	// and symbolic links are resolved. None: no local file is read.
	Dirs []string
	// AnyFile reads local files anywhere (a command line run on the
	// user's own files); Dirs is then ignored.
	AnyFile bool
	// NoFetch refuses every URL.
	NoFetch bool
	// Private allows URLs that resolve to loopback, private, link-local,
	// carrier-grade NAT or other internal addresses. The address is checked
	// after DNS resolution, on every connection (redirects included).
	Private bool
}

// ErrRefused reports an image reference the Access does not allow.
var ErrRefused = errors.New("refused")

// Resolve returns the real path of a local image file the Access allows
// to be read, or why not.
func (a Access) Resolve(ref string) (string, error) { return a.resolveFile(ref) }

// resolveFile returns the real path of a local image the Access allows.
// A refusal does not depend on whether the file exists, so that it tells
// nothing about files outside the allowed folders.
func (a Access) resolveFile(ref string) (string, error) {
	if a.AnyFile {
		return ref, nil
	}
	abs, err := filepath.Abs(ref)
	if err != nil || len(a.Dirs) == 0 {
		return "", fmt.Errorf("%w: local image files are not read here", ErrRefused)
	}
	var roots []string
	for _, d := range a.Dirs {
		if da, err := filepath.Abs(d); err == nil {
			roots = append(roots, da)
			if real, err := filepath.EvalSymlinks(da); err == nil && real != da {
				roots = append(roots, real)
			}
		}
	}
	if !within(abs, roots) {
		return "", fmt.Errorf("%w: outside the folders images are read from", ErrRefused)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", err
	}
	if !within(real, roots) {
		return "", fmt.Errorf("%w: outside the folders images are read from", ErrRefused)
	}
	return real, nil
}

// within reports whether path is inside one of the folders.
func within(path string, dirs []string) bool {
	for _, d := range dirs {
		rel, err := filepath.Rel(d, path)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return true
		}
	}
	return false
}

// checkURL refuses a URL the Access does not allow before any connection.
func (a Access) checkURL() error {
	if a.NoFetch {
		return fmt.Errorf("%w: image URLs are not fetched here", ErrRefused)
	}
	return nil
}

// control is the dialer's check of every address connected to, after DNS
// resolution and on every redirect.
func (a Access) control(_, address string, _ syscall.RawConn) error {
	if a.Private {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: address %s", ErrRefused, address)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: address %s", ErrRefused, address)
	}
	if kind := internal(ip.Unmap()); kind != "" {
		return fmt.Errorf("%w: %s is a %s address", ErrRefused, ip, kind)
	}
	return nil
}

// cgnat is the carrier-grade NAT range, internal to a provider's network.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// internal names the kind of an address that is not on the public
// internet, or returns "".
func internal(ip netip.Addr) string {
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	case cgnat.Contains(ip):
		return "carrier-grade NAT"
	}
	return ""
}

// openRegular opens a file for reading only if it is a regular file: a
// FIFO or a device would block or never end, a directory is no image.
func openRegular(path string) (*os.File, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%w: not a regular file", ErrRefused)
	}
	return f, nil
}
