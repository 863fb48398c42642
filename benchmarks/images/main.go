// Command images measures image evidence on real product photos: the
// Grocery Store Dataset's iconic pack shots (and the ABO samples). Every
// iconic image is transformed the ways a seller's copy differs (JPEG
// re-encode at quality 60, resize to 50% and 200%, a 5% crop, 40 px white
// padding, a small text watermark, brightness +10%) and must be judged the
// same photo; every pair of different products must be judged different,
// look-alike groups (coarse classes) reported one by one; the natural
// in-store photos of each product are scored against its iconic image for
// information. It writes the images section of benchmarks/RESULTS.md.
//
//	go run ./benchmarks/images -data ../shared/data/images
package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"github.com/followmatch/followmatch/benchmarks/internal/results"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/disintegration/imaging"
	"github.com/followmatch/followmatch/imagecmp"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

var beginMark, endMark = results.Markers("images")

type photo struct {
	file, fine, coarse, kind string
}

type transform struct {
	name string
	fn   func(image.Image) (image.Image, error)
}

var transforms = []transform{
	{"jpeg q60", func(img image.Image) (image.Image, error) { return reencode(img, 60) }},
	{"resize 50%", func(img image.Image) (image.Image, error) {
		b := img.Bounds()
		return imaging.Resize(img, b.Dx()/2, b.Dy()/2, imaging.Lanczos), nil
	}},
	{"resize 200%", func(img image.Image) (image.Image, error) {
		b := img.Bounds()
		return imaging.Resize(img, b.Dx()*2, b.Dy()*2, imaging.Lanczos), nil
	}},
	{"crop 5%", func(img image.Image) (image.Image, error) {
		// Keep the central 95% of each side.
		b := img.Bounds()
		dx, dy := b.Dx()*25/1000, b.Dy()*25/1000
		return imaging.Crop(img, image.Rect(b.Min.X+dx, b.Min.Y+dy, b.Max.X-dx, b.Max.Y-dy)), nil
	}},
	{"pad 40px", func(img image.Image) (image.Image, error) {
		b := img.Bounds()
		return imaging.Paste(imaging.New(b.Dx()+80, b.Dy()+80, color.White), img, image.Pt(40, 40)), nil
	}},
	{"watermark", func(img image.Image) (image.Image, error) { return watermark(img, "(c) myshop"), nil }},
	{"brightness +10%", func(img image.Image) (image.Image, error) { return imaging.AdjustBrightness(img, 10), nil }},
}

func reencode(img image.Image, q int) (image.Image, error) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		return nil, err
	}
	return jpeg.Decode(&b)
}

// watermark writes small gray text in the lower right corner.
func watermark(img image.Image, text string) image.Image {
	out := imaging.Clone(img)
	b := out.Bounds()
	d := &font.Drawer{Dst: out, Src: image.NewUniform(color.NRGBA{120, 120, 120, 255}), Face: basicfont.Face7x13}
	w := d.MeasureString(text).Ceil()
	d.Dot = fixed.P(b.Max.X-w-4, b.Max.Y-6)
	d.DrawString(text)
	var _ draw.Image = out
	return out
}

func main() {
	data := flag.String("data", "", "folder holding grocery-store-dataset/ (and abo-samples/)")
	results := flag.String("results", "benchmarks/RESULTS.md", "results `file` whose images section is rewritten")
	flag.Parse()
	if *data == "" {
		fmt.Fprintln(os.Stderr, "images: -data is required")
		os.Exit(2)
	}
	if err := run(*data, *results); err != nil {
		fmt.Fprintln(os.Stderr, "images:", err)
		os.Exit(1)
	}
}

func readLabels(path string) ([]photo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []photo
	for _, r := range rows[1:] {
		out = append(out, photo{file: r[0], kind: r[1], fine: r[2], coarse: r[4]})
	}
	return out, nil
}

func fingerprintFile(path string) (imagecmp.Fingerprint, image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return imagecmp.Fingerprint{}, nil, err
	}
	defer f.Close()
	img, err := imageload.Decode(f, imageload.DefaultLimits())
	if err != nil {
		return imagecmp.Fingerprint{}, nil, fmt.Errorf("%s: %w", path, err)
	}
	fp, err := imageload.FromImage(img)
	return fp, img, err
}

type pairStat struct {
	hash  int
	color float64
}

func run(data, resultsPath string) error {
	root := filepath.Join(data, "grocery-store-dataset")
	photos, err := readLabels(filepath.Join(root, "labels.csv"))
	if err != nil {
		return err
	}
	th := imagecmp.DefaultThresholds()
	type iconic struct {
		photo
		fp imagecmp.Fingerprint
	}
	var icons []iconic
	naturals := map[string][]imagecmp.Fingerprint{}
	var sameStats = map[string][]pairStat{}
	start := time.Now()
	for _, p := range photos {
		fp, img, err := fingerprintFile(filepath.Join(root, p.file))
		if err != nil {
			return err
		}
		if p.kind == "natural" {
			naturals[p.fine] = append(naturals[p.fine], fp)
			continue
		}
		icons = append(icons, iconic{p, fp})
		for _, t := range transforms {
			timg, err := t.fn(img)
			if err != nil {
				return err
			}
			tfp, err := imageload.FromImage(timg)
			if err != nil {
				return err
			}
			c := imagecmp.Compare(fp, tfp, th)
			sameStats[t.name] = append(sameStats[t.name], pairStat{c.HashDistance, c.ColorDistance})
		}
	}
	// Different products: every pair of iconic images.
	var diffAll []pairStat
	groups := map[string][]pairStat{}
	var hardest []string
	for i := range icons {
		for j := i + 1; j < len(icons); j++ {
			c := imagecmp.Compare(icons[i].fp, icons[j].fp, th)
			s := pairStat{c.HashDistance, c.ColorDistance}
			diffAll = append(diffAll, s)
			if icons[i].coarse == icons[j].coarse {
				groups[icons[i].coarse] = append(groups[icons[i].coarse], s)
			}
			if c.Verdict == imagecmp.Same {
				hardest = append(hardest, fmt.Sprintf("%s vs %s (phash %d, color %.1f)", icons[i].fine, icons[j].fine, c.HashDistance, c.ColorDistance))
			}
		}
	}
	// Natural photos against their product's iconic image.
	var natural []pairStat
	for _, ic := range icons {
		for _, n := range naturals[ic.fine] {
			c := imagecmp.Compare(ic.fp, n, th)
			natural = append(natural, pairStat{c.HashDistance, c.ColorDistance})
		}
	}
	abo := aboSummary(filepath.Join(data, "abo-samples"), th)
	speed, err := speedSummary(root, photos)
	if err != nil {
		return err
	}
	abo += "\n" + speed
	section := render(th, sameStats, diffAll, groups, natural, hardest, abo, len(icons), time.Since(start), data)
	fmt.Fprint(os.Stderr, section)
	return results.WriteSection(resultsPath, "images", section)
}

func same(s pairStat, th imagecmp.Thresholds) bool {
	return s.hash <= th.MaxHashDistance && s.color <= th.MaxColorDistance
}

func rate(stats []pairStat, th imagecmp.Thresholds, wantSame bool) float64 {
	if len(stats) == 0 {
		return 0
	}
	n := 0
	for _, s := range stats {
		if same(s, th) == wantSame {
			n++
		}
	}
	return 100 * float64(n) / float64(len(stats))
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func dist(stats []pairStat) (hashMed, hashMax, colorMed, colorMax float64) {
	var h, c []float64
	for _, s := range stats {
		h = append(h, float64(s.hash))
		c = append(c, s.color)
		hashMax = max(hashMax, float64(s.hash))
		colorMax = max(colorMax, s.color)
	}
	return median(h), hashMax, median(c), colorMax
}

func render(th imagecmp.Thresholds, sameStats map[string][]pairStat, diffAll []pairStat, groups map[string][]pairStat,
	natural []pairStat, hardest []string, abo string, icons int, took time.Duration, data string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## Image evidence\n\nMade by `make images DATA=%s` on %s: %d iconic grocery pack shots (Grocery Store Dataset),\n",
		beginMark, data, time.Now().UTC().Format("2006-01-02"), icons)
	fmt.Fprintf(&b, "default thresholds: pHash distance <= %d and color distance <= %.1f for `same`. Every fingerprint is taken after\n", th.MaxHashDistance, th.MaxColorDistance)
	b.WriteString("normalization (EXIF orientation, near-white border trim, pad to square). Distances: median / max.\n\n")
	b.WriteString("| the same photo, transformed | judged same | pHash distance | color distance |\n|---|---|---|---|\n")
	var allSame []pairStat
	for _, t := range transforms {
		s := sameStats[t.name]
		allSame = append(allSame, s...)
		hm, hx, cm, cx := dist(s)
		fmt.Fprintf(&b, "| %s | %.1f%% | %.0f / %.0f | %.1f / %.1f |\n", t.name, rate(s, th, true), hm, hx, cm, cx)
	}
	hm, hx, cm, cx := dist(allSame)
	fmt.Fprintf(&b, "| **all %d copies** | **%.1f%%** | %.0f / %.0f | %.1f / %.1f |\n\n", len(allSame), rate(allSame, th, true), hm, hx, cm, cx)
	b.WriteString("| different products | pairs | judged different | pHash distance | color distance |\n|---|---|---|---|---|\n")
	hm, hx, cm, cx = dist(diffAll)
	fmt.Fprintf(&b, "| **all pairs** | %d | **%.1f%%** | %.0f / %.0f | %.1f / %.1f |\n", len(diffAll), rate(diffAll, th, false), hm, hx, cm, cx)
	var pooled []pairStat
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
		pooled = append(pooled, groups[g]...)
	}
	sort.Slice(names, func(i, j int) bool {
		return len(groups[names[i]]) > len(groups[names[j]]) || len(groups[names[i]]) == len(groups[names[j]]) && names[i] < names[j]
	})
	hm, hx, cm, cx = dist(pooled)
	fmt.Fprintf(&b, "| **inside look-alike groups, pooled** | %d | **%.1f%%** | %.0f / %.0f | %.1f / %.1f |\n", len(pooled), rate(pooled, th, false), hm, hx, cm, cx)
	for _, g := range names {
		hm, hx, cm, cx = dist(groups[g])
		fmt.Fprintf(&b, "| group %s | %d | %.1f%% | %.0f / %.0f | %.1f / %.1f |\n", g, len(groups[g]), rate(groups[g], th, false), hm, hx, cm, cx)
	}
	hm, hx, cm, cx = dist(natural)
	fmt.Fprintf(&b, "\nNatural in-store photos against their product's iconic image (a different photo of the same product): %d pairs,\n", len(natural))
	fmt.Fprintf(&b, "%.1f%% judged `different` (as they should: they are not the same photo), pHash %.0f / %.0f, color %.1f / %.1f.\n", rate(natural, th, false), hm, hx, cm, cx)
	if len(hardest) > 0 {
		fmt.Fprintf(&b, "\nDifferent products judged the same photo (%d): %s.\n", len(hardest), strings.Join(hardest, "; "))
	}
	b.WriteString("\nThreshold sweep (same-photo copies judged same / different products judged different / look-alike pairs judged different):\n\n")
	b.WriteString("| pHash <= \\ color <= | 3 | 4.5 | 6 | 8 | 10 | 14 |\n|---|---|---|---|---|---|---|\n")
	for _, h := range []int{6, 8, 10, 12, 14} {
		fmt.Fprintf(&b, "| %d |", h)
		for _, c := range []float64{3, 4.5, 6, 8, 10, 14} {
			t := imagecmp.Thresholds{MaxHashDistance: h, MaxColorDistance: c}
			fmt.Fprintf(&b, " %.1f / %.1f / %.1f |", rate(allSame, t, true), rate(diffAll, t, false), rate(pooled, t, false))
		}
		b.WriteString("\n")
	}
	if abo != "" {
		b.WriteString("\n" + abo)
	}
	fmt.Fprintf(&b, "\n(%d fingerprints and comparisons in %s.)\n%s\n", icons*(len(transforms)+1), took.Round(time.Millisecond), endMark)
	return b.String()
}

// aboSummary scores the ABO sample photos of each listing against each
// other (different photos of one product) and against the other listings.
func aboSummary(dir string, th imagecmp.Thresholds) string {
	f, err := os.Open(filepath.Join(dir, "labels.csv"))
	if err != nil {
		return ""
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		return ""
	}
	type item struct {
		id string
		fp imagecmp.Fingerprint
	}
	var items []item
	for _, r := range rows[1:] {
		fp, _, err := fingerprintFile(filepath.Join(dir, r[0]))
		if err != nil {
			return fmt.Sprintf("ABO samples: %v\n", err)
		}
		items = append(items, item{r[1], fp})
	}
	var sameProduct, other []pairStat
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			c := imagecmp.Compare(items[i].fp, items[j].fp, th)
			s := pairStat{c.HashDistance, c.ColorDistance}
			if items[i].id == items[j].id {
				sameProduct = append(sameProduct, s)
			} else {
				other = append(other, s)
			}
		}
	}
	hm, _, cm, _ := dist(sameProduct)
	om, _, ocm, _ := dist(other)
	return fmt.Sprintf("ABO samples (%d full-size catalogue images, very different aspect ratios): other photos of the same product %.0f%% judged different "+
		"(median pHash %.0f, color %.1f); photos of different products %.0f%% judged different (median pHash %.0f, color %.1f).\n",
		len(items), rate(sameProduct, th, false), hm, cm, rate(other, th, false), om, ocm)
}

// speedSummary times fingerprinting a 1000x1000 JPEG against decoding it
// alone, interleaved, and fingerprinting every photo with one worker and
// with every core, as index builds do.
func speedSummary(root string, photos []photo) (string, error) {
	f, err := os.Open(filepath.Join(root, photos[0].file))
	if err != nil {
		return "", err
	}
	img, err := imageload.Decode(f, imageload.DefaultLimits())
	f.Close()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, imaging.Resize(img, 1000, 1000, imaging.Lanczos), &jpeg.Options{Quality: 85}); err != nil {
		return "", err
	}
	data := buf.Bytes()
	var dec, fp []float64
	for i := 0; i < 41; i++ {
		t := time.Now()
		if _, err := imageload.Decode(bytes.NewReader(data), imageload.DefaultLimits()); err != nil {
			return "", err
		}
		dec = append(dec, float64(time.Since(t).Microseconds())/1000)
		t = time.Now()
		if _, err := imageload.FromReader(bytes.NewReader(data), imageload.DefaultLimits()); err != nil {
			return "", err
		}
		fp = append(fp, float64(time.Since(t).Microseconds())/1000)
	}
	md, mf := median(dec), median(fp)
	rates := map[int]float64{}
	cores := runtime.GOMAXPROCS(0)
	for _, workers := range []int{1, cores} {
		l := imageload.NewLoader("", workers)
		l.Access = imageload.Access{AnyFile: true}
		start := time.Now()
		var wg sync.WaitGroup
		next := make(chan string)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range next {
					l.Fingerprint(context.Background(), p)
				}
			}()
		}
		for _, p := range photos {
			next <- filepath.Join(root, p.file)
		}
		close(next)
		wg.Wait()
		rates[workers] = float64(len(photos)) / time.Since(start).Seconds()
	}
	return fmt.Sprintf("Speed (median of 41 interleaved runs, 1000x1000 JPEG): decode alone %.1f ms, decode + fingerprint %.1f ms: **%.2fx**. "+
		"Fingerprinting the %d grocery photos from files: %.0f/s with 1 worker, %.0f/s with %d (index builds run one worker per core); "+
		"`go test -bench 'Decode|Fingerprint' ./imagecmp` measures the same side by side.\n", md, mf, mf/md, len(photos), rates[1], rates[cores], cores), nil
}
