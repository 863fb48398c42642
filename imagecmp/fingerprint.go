// Package imagecmp holds image fingerprints and their comparison. It does
// no I/O and decodes no image: fingerprints are computed from pixels by
// package imageload (which also reads files and URLs), and compared here,
// so that the match core can weigh image evidence without linking decoders
// or the network (as package image is apart from image/png).
//
// A Fingerprint is computed once from a normalized image (EXIF orientation
// applied, near-white border trimmed, padded to a white square): a 64-bit
// perceptual hash (DCT pHash), a 64-bit difference hash, and a color signature
// (a 4x4 grid of mean CIELAB colors). Perceptual hashes are grayscale and so
// blind to color variants; the color signature tells a red pack from a green
// one.
package imagecmp

// GridSize is the side of the color signature grid.
const GridSize = 4

// Fingerprint identifies an image's content for comparison.
type Fingerprint struct {
	// PHash is the 64-bit DCT perceptual hash of the normalized image.
	PHash uint64 `json:"phash,string"`
	// DHash is the 64-bit difference (gradient) hash.
	DHash uint64 `json:"dhash,string"`
	// Color is the color signature: GridSize*GridSize cells of quantized
	// CIELAB (L, a, b) means, row by row.
	Color []byte `json:"color"`
}
