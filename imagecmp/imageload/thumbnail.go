package imageload

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/jpeg"
	"io"
	"os"

	"github.com/disintegration/imaging"
)

// Thumbnail decodes one image from r within lim and returns it fitted in a
// size x size box, as a JPEG data: URI (for a page that must hold its own
// pictures).
func Thumbnail(r io.Reader, lim Limits, size int) (string, error) {
	img, err := Decode(r, lim)
	if err != nil {
		return "", err
	}
	small := imaging.Fit(img, size, size, imaging.Lanczos)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, small, &jpeg.Options{Quality: 75}); err != nil {
		return "", fmt.Errorf("imageload: thumbnail: %w", err)
	}
	return "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(b.Bytes()), nil
}

// Thumbnail reads the local image file ref names, if the Access allows it,
// and returns its thumbnail (see Thumbnail).
func (a Access) Thumbnail(ref string, lim Limits, size int) (string, error) {
	path, err := a.Resolve(ref)
	if err != nil {
		return "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("imageload: thumbnail: %w", err)
	}
	defer f.Close()
	return Thumbnail(f, lim, size)
}
