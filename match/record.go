package match

import "github.com/followmatch/followmatch/imagecmp"

// Record is one catalog row: an existing marketplace listing or a supplier's
// offer. Field meanings follow the SPEC's record table.
type Record struct {
	ID          string            `json:"id"`
	GTINs       []string          `json:"gtin,omitempty"`
	Brand       string            `json:"brand,omitempty"`
	Title       string            `json:"title,omitempty"`
	Model       string            `json:"model,omitempty"`
	Color       string            `json:"color,omitempty"`
	Size        string            `json:"size,omitempty"`
	Material    string            `json:"material,omitempty"`
	Packaging   string            `json:"packaging,omitempty"`
	PackCount   int               `json:"pack_count,omitempty"` // 0: not stated
	Origin      string            `json:"origin,omitempty"`
	Category    string            `json:"category,omitempty"`
	Params      map[string]string `json:"params,omitempty"`
	Images      []string          `json:"images,omitempty"`
	Description string            `json:"description,omitempty"`
	// Restricted marks a listing that needs marketplace approval to sell.
	Restricted bool `json:"restricted,omitempty"`
	// Stock is the units an offer's seller can supply; nil when unknown.
	Stock *int `json:"stock,omitempty"`
	// Fingerprints holds the fingerprints of Images that could be read,
	// computed once (for listings, at index time).
	Fingerprints []imagecmp.Fingerprint `json:"fingerprints,omitempty"`
	// ImageErrors says why images could not be fingerprinted.
	ImageErrors []string `json:"image_errors,omitempty"`
}
