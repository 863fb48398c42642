package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/match"
)

const defaultIndex = "followmatch.idx"

// matchFlags are the flags shared by match and explain.
type matchFlags struct {
	offers, index, listings  string
	policy, seller, config   string
	mapping, listingsMapping string
	sheet                    string
	imageRoots               stringList
	workers                  int
	calibrateOn              bool // --calibrate (calibrate)
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// imageAccess is what a command line run may read: image files inside the
// folders of the files it reads (and --image-root folders), URLs anywhere,
// the user's own network included.
func imageAccess(files []string, roots []string) imageload.Access {
	a := imageload.Access{Private: true, Dirs: append([]string(nil), roots...)}
	for _, f := range files {
		if f != "" {
			a.Dirs = append(a.Dirs, filepath.Dir(f))
		}
	}
	return a
}

func (f *matchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.offers, "offers", "", "offers `file` (.jsonl, .csv, .tsv, .xlsx)")
	fs.StringVar(&f.index, "index", defaultIndex, "listing index `dir`")
	fs.StringVar(&f.listings, "listings", "", "listings `file`: builds the index first when it does not exist, else updates it")
	fs.StringVar(&f.policy, "policy", "", "marketplace policy `file` (JSON or YAML)")
	fs.StringVar(&f.seller, "seller", "", "seller `file` (JSON or YAML)")
	fs.StringVar(&f.config, "config", "", "scoring config `file` (JSON or YAML), as written by tune")
	fs.StringVar(&f.mapping, "map", "", "rename offer columns: `src=dst,...` (e.g. \"Product Name=title\")")
	fs.StringVar(&f.listingsMapping, "listings-map", "", "rename listing columns (for --listings): `src=dst,...`")
	fs.StringVar(&f.sheet, "sheet", "", "the `sheet` of an XLSX offers file to read (default the first)")
	fs.Var(&f.imageRoots, "image-root", "also read image files inside `dir` (images are read inside the offers and listings files' folders; repeatable)")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel `workers`")
	fs.BoolVar(&f.calibrateOn, "calibrate", true, calibrateUsage)
}

// openEngine opens (or first builds) the index read-only, as an Engine
// with the config, policy and seller the flags name: the same wiring as
// `serve` and the Go API. The engine must be closed.
func (f *matchFlags) openEngine(ctx context.Context, stderr io.Writer) (*followmatch.Engine, error) {
	cfg, policy, seller, err := loadRules(f.config, f.policy, f.seller)
	if err != nil {
		return nil, err
	}
	if f.listings != "" {
		lm, err := catalog.ParseMap(f.listingsMapping)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		if _, err := buildIndex(ctx, f.listings, f.index, catalog.Options{Map: lm}, imageAccess([]string{f.listings}, f.imageRoots), f.workers, stderr); err != nil {
			return nil, err
		}
	}
	e, err := followmatch.Open(ctx, f.index, followmatch.Options{Config: cfg, Policy: policy, Seller: seller, ReadOnly: true,
		ImageAccess: imageAccess([]string{f.offers}, f.imageRoots)})
	if err != nil {
		return nil, err
	}
	if e.Interrupted() {
		fmt.Fprintf(stderr, "warning: index %s: the last update stopped before it finished; it holds the batches committed until then (run the same `followmatch index` again to complete it)\n", f.index)
	}
	return e, nil
}

// calibrationSample is how many offers, spread over the file, a run's
// calibration scores: enough for a few dozen anchors where one offer in a
// hundred shares a code with a listing, at a second or two of matching.
const calibrationSample = 2000

// calibrateUsage is the --calibrate flag's help, one for every command that
// decides offers of a file.
const calibrateUsage = "with a config that has a calibration (a pooled fit's), first move its thresholds by the anchors among a sample of the offers (each offer's best listing where the two share a code or GTIN), as match does; false: decide at the config's thresholds"

// calibrate returns e calibrated on a sample of the offers file
// (Engine.Calibrated; the same file gives the same sample, so match,
// explain and review move alike) and says what moved, under the command's
// name; e itself when --calibrate is false or its config has no
// calibration.
func (f *matchFlags) calibrate(ctx context.Context, e *followmatch.Engine, cmd string, stderr io.Writer) (*followmatch.Engine, error) {
	if !f.calibrateOn || e.Config().Calibration == nil {
		return e, nil
	}
	offerMap, err := catalog.ParseMap(f.mapping)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	start := time.Now()
	offers, n, err := catalog.Sample(ctx, f.offers, catalog.Options{Map: offerMap, Sheet: f.sheet}, calibrationSample)
	if err != nil {
		return nil, fmt.Errorf("calibrate: %w", err)
	}
	c, shift, err := e.Calibrated(ctx, offers)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "%s: calibration on %d of %d offers (%s): %s\n", cmd, len(offers), n, time.Since(start).Round(time.Millisecond), shift)
	return c, nil
}

// loadRules reads the config, policy and seller files that are named; an
// empty name keeps the default (the built-in config, no rules, no
// authorizations).
func loadRules(configFile, policyFile, sellerFile string) (*match.Config, match.Policy, match.Seller, error) {
	cfg := match.DefaultConfig()
	var policy match.Policy
	var seller match.Seller
	var err error
	if configFile != "" {
		if cfg, err = catalog.LoadConfig(configFile); err != nil {
			return nil, policy, seller, err
		}
	}
	if policyFile != "" {
		if policy, err = catalog.LoadPolicy(policyFile); err != nil {
			return nil, policy, seller, err
		}
	}
	if sellerFile != "" {
		if seller, err = catalog.LoadSeller(sellerFile); err != nil {
			return nil, policy, seller, err
		}
	}
	return cfg, policy, seller, nil
}
