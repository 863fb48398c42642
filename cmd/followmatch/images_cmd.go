package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/followmatch/followmatch/imagecmp"
	"github.com/followmatch/followmatch/imagecmp/imageload"
)

func runCompareImages(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("compare-images", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object")
	hashMax := fs.Int("max-hash-distance", imagecmp.DefaultThresholds().MaxHashDistance, "largest pHash `distance` judged the same photo")
	colorMax := fs.Float64("max-color-distance", imagecmp.DefaultThresholds().MaxColorDistance, "largest color signature `distance` judged the same photo")
	fs.SetOutput(stderr)
	// Flags may come before or after the two images.
	var refs []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if err == flag.ErrHelp {
				return err
			}
			return usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		refs = append(refs, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(refs) != 2 {
		return usagef("want two images (files or URLs), got %d", len(refs))
	}
	th := imagecmp.Thresholds{MaxHashDistance: *hashMax, MaxColorDistance: *colorMax}
	if err := th.Validate(); err != nil {
		return usageError{err.Error()}
	}
	l := imageload.NewLoader(imageload.DefaultCacheDir(), 4)
	l.Access = imageload.Access{AnyFile: true, Private: true} // the user's own arguments
	a, err := l.Fingerprint(ctx, refs[0])
	if err != nil {
		return err
	}
	b, err := l.Fingerprint(ctx, refs[1])
	if err != nil {
		return err
	}
	c := imagecmp.Compare(a, b, th)
	if *asJSON {
		return json.NewEncoder(stdout).Encode(struct {
			A string `json:"a"`
			B string `json:"b"`
			imagecmp.Comparison
		}{refs[0], refs[1], c})
	}
	fmt.Fprintf(stdout, "a:               %s\nb:               %s\nphash distance:  %d / 64 (same at <= %d)\ndhash distance:  %d / 64\ncolor distance:  %.1f (same at <= %.1f)\nsimilarity:      %.3f\nverdict:         %s\n",
		refs[0], refs[1], c.HashDistance, th.MaxHashDistance, c.DHashDistance, c.ColorDistance, th.MaxColorDistance, c.Similarity, c.Verdict)
	if c.ColorConflict {
		fmt.Fprintln(stdout, "note:            same shape, different colors (a color variant?)")
	}
	return nil
}
