// Package imageload reads product images from files and http(s) URLs,
// decodes them within limits, normalizes them (EXIF orientation, near-white
// border trimmed, padded to a white square) and fingerprints them
// (imagecmp.Fingerprint). It is the I/O half of image evidence; comparison
// lives in package imagecmp.
package imageload

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif"  // GIF decoder
	_ "image/jpeg" // JPEG decoder
	_ "image/png"  // PNG decoder
	"io"
	"math"

	"github.com/corona10/goimagehash"
	"github.com/disintegration/imaging"
	"github.com/followmatch/followmatch/imagecmp"
	_ "golang.org/x/image/webp" // WebP decoder
)

// workSide is the side images are reduced to before trimming and hashing;
// both hashes resize far below it (64 and 9 pixels), so detail above it is
// never used.
const workSide = 256

// Limits bound what an image may cost to read.
type Limits struct {
	// MaxBytes is the largest encoded image accepted.
	MaxBytes int64
	// MaxPixels is the largest width*height decoded; larger images are
	// refused from their header alone (decompression bombs).
	MaxPixels int64
	// MaxDecoded is the largest decoded size in bytes (pixels times the
	// bytes a pixel takes in its color model: a 16-bit RGBA PNG takes 8):
	// a small file of many deep pixels is refused from its header.
	MaxDecoded int64
}

// DefaultLimits accept images up to 32 MiB, 50 megapixels and 256 MiB
// decoded.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 32 << 20, MaxPixels: 50_000_000, MaxDecoded: 256 << 20}
}

// ErrTooLarge reports an image over the Limits.
var ErrTooLarge = errors.New("image too large")

// Decode reads one image from r within the limits, checking its header
// (format, dimensions, decoded size) before decoding, and applies its EXIF
// orientation.
func Decode(r io.Reader, lim Limits) (image.Image, error) {
	data, err := readLimited(r, lim)
	if err != nil {
		return nil, err
	}
	if _, err := checkHeader(data, lim); err != nil {
		return nil, err
	}
	return decodeData(data)
}

// readLimited reads an encoded image of at most lim.MaxBytes.
func readLimited(r io.Reader, lim Limits) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, lim.MaxBytes)
	}
	return data, nil
}

// checkHeader reads an encoded image's header and returns the bytes its
// decoded pixels will take, refusing what is over the limits.
func checkHeader(data []byte, lim Limits) (int64, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, fmt.Errorf("not a supported image (JPEG, PNG, GIF, WebP): %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, fmt.Errorf("%s image has no pixels (%dx%d)", format, cfg.Width, cfg.Height)
	}
	px := int64(cfg.Width) * int64(cfg.Height)
	if px > lim.MaxPixels {
		return 0, fmt.Errorf("%w: %dx%d %s is over %d pixels", ErrTooLarge, cfg.Width, cfg.Height, format, lim.MaxPixels)
	}
	decoded := px * bytesPerPixel(cfg.ColorModel)
	if lim.MaxDecoded > 0 && decoded > lim.MaxDecoded {
		return 0, fmt.Errorf("%w: %dx%d %s decodes to %d MB, over %d MB", ErrTooLarge, cfg.Width, cfg.Height, format, decoded>>20, lim.MaxDecoded>>20)
	}
	return decoded, nil
}

// bytesPerPixel is what a pixel of a color model takes once decoded.
func bytesPerPixel(m color.Model) int64 {
	switch m {
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	case color.Gray16Model:
		return 2
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.YCbCrModel:
		return 3 // 4:4:4 at worst
	case color.CMYKModel, color.RGBAModel, color.NRGBAModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}

// decodeData decodes an image whose header was checked.
func decodeData(data []byte) (image.Image, error) {
	img, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return img, nil
}

// Normalize reduces img to at most workSide pixels a side, trims a
// near-white border and pads the rest to a white square, so that the same
// product photo framed differently normalizes alike.
func Normalize(img image.Image) *image.NRGBA {
	b := img.Bounds()
	var small *image.NRGBA
	switch y, ok := img.(*image.YCbCr); {
	case ok && (b.Dx() >= 2*workSide || b.Dy() >= 2*workSide):
		// Average blocks straight from the JPEG planes, then finish with
		// the same box filter as every other image.
		f := (max(b.Dx(), b.Dy()) + workSide - 1) / workSide
		small = shrinkYCbCr(y, f)
	case b.Dx() > workSide || b.Dy() > workSide:
		small = imaging.Fit(img, workSide, workSide, imaging.Box)
	default:
		small = imaging.Clone(img)
	}
	trimmed := trimWhite(small)
	return padSquare(trimmed)
}

// FromImage fingerprints an already decoded image.
func FromImage(img image.Image) (imagecmp.Fingerprint, error) {
	sq := Normalize(img)
	ph, err := goimagehash.PerceptionHash(sq)
	if err != nil {
		return imagecmp.Fingerprint{}, fmt.Errorf("phash: %w", err)
	}
	dh, err := goimagehash.DifferenceHash(sq)
	if err != nil {
		return imagecmp.Fingerprint{}, fmt.Errorf("dhash: %w", err)
	}
	return imagecmp.Fingerprint{PHash: ph.GetHash(), DHash: dh.GetHash(), Color: colorSignature(sq)}, nil
}

// FromReader decodes one image from r within the limits and fingerprints it.
func FromReader(r io.Reader, lim Limits) (imagecmp.Fingerprint, error) {
	img, err := Decode(r, lim)
	if err != nil {
		return imagecmp.Fingerprint{}, err
	}
	return FromImage(img)
}

// shrinkYCbCr reduces a decoded JPEG by an integer factor, averaging each
// f x f block of luma straight from the Y plane (with the block's chroma
// sample): as good as a box filter for hashing, and far cheaper than
// converting every pixel to RGB first.
func shrinkYCbCr(src *image.YCbCr, f int) *image.NRGBA {
	b := src.Bounds()
	w, h := b.Dx()/f, b.Dy()/f
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	// Large blocks are sampled on a grid of every step-th pixel: the mean
	// of a quarter of them is as good for hashing, at a quarter the cost.
	step := 1
	if f >= 4 {
		step = 2
	}
	n := ((f + step - 1) / step) * ((f + step - 1) / step)
	for oy := 0; oy < h; oy++ {
		y0 := b.Min.Y + oy*f
		for ox := 0; ox < w; ox++ {
			x0 := b.Min.X + ox*f
			sy := 0
			for y := y0; y < y0+f; y += step {
				row := src.Y[src.YOffset(x0, y):]
				for x := 0; x < f; x += step {
					sy += int(row[x])
				}
			}
			// Chroma is subsampled anyway: the block's center sample will do.
			ci := src.COffset(x0+f/2, y0+f/2)
			r, g, bl := color.YCbCrToRGB(uint8(sy/n), src.Cb[ci], src.Cr[ci])
			i := dst.PixOffset(ox, oy)
			dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = r, g, bl, 255
		}
	}
	return dst
}

// nearWhite reports whether a pixel belongs to a white background.
func nearWhite(r, g, b, a uint8) bool {
	const min = 245
	return a < 16 || (r >= min && g >= min && b >= min)
}

// trimWhite crops the near-white border: it keeps the box that holds all
// but trimShare of the non-white pixels on each side, so stray specks, JPEG
// noise and a small watermark in a corner do not move the frame, while an
// object touching a corner is kept.
func trimWhite(img *image.NRGBA) *image.NRGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if w == 0 || h == 0 {
		return img
	}
	colInk := make([]int, w)
	rowInk := make([]int, h)
	total := 0
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+w*4]
		for x := 0; x < w; x++ {
			p := row[x*4 : x*4+4]
			if !nearWhite(p[0], p[1], p[2], p[3]) {
				colInk[x]++
				rowInk[y]++
				total++
			}
		}
	}
	if total == 0 { // all white: keep as is
		return img
	}
	cut := int(float64(total) * trimShare)
	lo := func(ink []int) int {
		sum := 0
		for i, n := range ink {
			sum += n
			if sum > cut {
				return i
			}
		}
		return len(ink) - 1
	}
	hi := func(ink []int) int {
		sum := 0
		for i := len(ink) - 1; i >= 0; i-- {
			sum += ink[i]
			if sum > cut {
				return i
			}
		}
		return 0
	}
	left, right, top, bottom := lo(colInk), hi(colInk), lo(rowInk), hi(rowInk)
	if right < left || bottom < top {
		return img
	}
	return imaging.Crop(img, image.Rect(left, top, right+1, bottom+1))
}

// trimShare is the share of non-white pixels that border trimming may cut
// on each side.
const trimShare = 0.02

// padSquare centers img on a white square canvas.
func padSquare(img *image.NRGBA) *image.NRGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	side := max(w, h)
	if w == h {
		return img
	}
	canvas := imaging.New(side, side, image.White.C)
	return imaging.Paste(canvas, img, image.Pt((side-w)/2, (side-h)/2))
}

// colorSignature averages the image over a imagecmp.GridSize x imagecmp.GridSize grid in
// CIELAB (a perceptual mean: a white background does not wash a colored
// pack out) and quantizes each cell to three bytes.
func colorSignature(img *image.NRGBA) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var sum [imagecmp.GridSize * imagecmp.GridSize][3]float64
	var n [imagecmp.GridSize * imagecmp.GridSize]float64
	for y := 0; y < h; y++ {
		cy := y * imagecmp.GridSize / h
		for x := 0; x < w; x++ {
			cx := x * imagecmp.GridSize / w
			i := y*img.Stride + x*4
			p := img.Pix[i : i+4]
			r, g, b := p[0], p[1], p[2]
			if p[3] < 16 { // transparent counts as white background
				r, g, b = 255, 255, 255
			}
			L, A, B := linearToLab(srgbLinear[r], srgbLinear[g], srgbLinear[b])
			c := cy*imagecmp.GridSize + cx
			sum[c][0] += L
			sum[c][1] += A
			sum[c][2] += B
			n[c]++
		}
	}
	sig := make([]byte, 0, imagecmp.GridSize*imagecmp.GridSize*3)
	for c := range sum {
		if n[c] == 0 {
			sig = append(sig, 255, 128, 128)
			continue
		}
		L, A, B := sum[c][0]/n[c], sum[c][1]/n[c], sum[c][2]/n[c]
		sig = append(sig, quant(L*2.55), quant(A+128), quant(B+128))
	}
	return sig
}

// srgbLinear maps an 8-bit sRGB component to linear light.
var srgbLinear = func() (t [256]float64) {
	for i := range t {
		v := float64(i) / 255
		if v <= 0.04045 {
			t[i] = v / 12.92
		} else {
			t[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return t
}()

func quant(v float64) byte {
	return byte(math.Round(math.Max(0, math.Min(255, v))))
}

// linearToLab converts linear RGB to CIELAB (D65).
func linearToLab(rl, gl, bl float64) (L, A, B float64) {
	x := (0.4124*rl + 0.3576*gl + 0.1805*bl) / 0.95047
	y := 0.2126*rl + 0.7152*gl + 0.0722*bl
	z := (0.0193*rl + 0.1192*gl + 0.9505*bl) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}
