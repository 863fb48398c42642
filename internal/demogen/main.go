// Command demogen draws the product images of the demo catalog in
// testdata/demo: simple, distinct pack shots on white, and the supplier's
// copies of some of them (re-encoded, resized, padded, or recolored as a
// color variant). The output is deterministic, so the committed images can
// be checked against a fresh run.
//
// Usage: go run ./internal/demogen -out testdata/demo/images
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"github.com/disintegration/imaging"
)

const side = 400

// shape is what a product looks like.
type shape int

const (
	headphones shape = iota
	bottle
	box
	can
	shoe
	skillet
	cable
	mouse
	card
	speaker
	tumbler
)

// product is one listing photo.
type product struct {
	file         string
	shape        shape
	body, accent color.NRGBA
	seed         int // places the label stripes, so look-alikes differ
}

// variant is a supplier's copy of a listing photo.
type variant struct {
	file, from string
	// one of: "jpeg" (re-encode at quality 70), "half" (resize to 50%),
	// "pad" (40 px white border), "recolor" (body painted another color)
	op    string
	color color.NRGBA
}

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{r, g, b, 255} }

var (
	black  = rgb(30, 30, 32)
	silver = rgb(190, 192, 198)
	white  = rgb(245, 245, 245)
	red    = rgb(200, 30, 40)
	blue   = rgb(30, 80, 190)
	navy   = rgb(25, 35, 90)
	teal   = rgb(20, 150, 150)
	gray   = rgb(80, 82, 88)
	cream  = rgb(235, 222, 190)
	gold   = rgb(210, 170, 60)
	green  = rgb(40, 140, 60)
	brown  = rgb(110, 70, 40)
	yellow = rgb(240, 200, 30)
	orange = rgb(235, 120, 30)
	pacifc = rgb(110, 190, 220)
)

var products = []product{
	{"sony-xm4-black.png", headphones, black, gray, 1},
	{"sony-xm4-silver.png", headphones, silver, gold, 1},
	{"sony-xm5-black.png", headphones, black, silver, 2},
	{"airpods-pro-2.png", card, white, silver, 3},
	{"anker-pc10000.png", card, black, blue, 4},
	{"anker-pc20000.png", card, black, blue, 5},
	{"logitech-mx3s.png", mouse, gray, black, 6},
	{"samsung-evo-128.png", card, white, red, 7},
	{"samsung-evo-256.png", card, white, red, 8},
	{"jbl-flip6-blue.png", speaker, blue, orange, 9},
	{"jbl-flip6-red.png", speaker, red, orange, 9},
	{"duracell-aa-24.png", box, black, orange, 10},
	{"peets-dickason-1lb.png", box, brown, gold, 11},
	{"fiji-500ml.png", bottle, pacifc, white, 12},
	{"fiji-500ml-24.png", box, pacifc, white, 13},
	{"evian-500ml.png", bottle, white, red, 14},
	{"chanel-no5-100.png", bottle, cream, black, 15},
	{"lego-10696.png", box, blue, yellow, 16},
	{"nike-af1-white.png", shoe, white, silver, 17},
	{"hanes-tee-black.png", box, black, red, 18},
	{"lodge-skillet.png", skillet, black, gray, 19},
	{"hydroflask-32-pacific.png", tumbler, pacifc, black, 20},
	{"hydroflask-32-black.png", tumbler, black, gray, 20},
	{"oxo-spinner.png", can, white, black, 21},
	{"stanley-quencher-cream.png", tumbler, cream, silver, 22},
	{"brita-filters-6.png", box, blue, white, 23},
	{"anker-usbc-cable.png", cable, black, gray, 24},
	{"crayola-24.png", box, yellow, green, 25},
	{"bose-qc45.png", headphones, black, navy, 26},
	{"yeti-rambler-20.png", tumbler, silver, black, 27},
	{"kitchenaid-mixer-red.png", can, red, silver, 28},
}

var variants = []variant{
	{file: "offer-sony-xm4-black.jpg", from: "sony-xm4-black.png", op: "jpeg"},
	{file: "offer-sony-xm4-silver.png", from: "sony-xm4-silver.png", op: "half"},
	{file: "offer-sony-xm4-navy.png", from: "sony-xm4-black.png", op: "recolor", color: navy},
	{file: "offer-jbl-flip6-red.png", from: "jbl-flip6-red.png", op: "pad"},
	{file: "offer-jbl-flip6-teal.png", from: "jbl-flip6-red.png", op: "recolor", color: teal},
	{file: "offer-voltlink-cable.jpg", from: "anker-usbc-cable.png", op: "jpeg"},
	{file: "offer-lodge-skillet.jpg", from: "lodge-skillet.png", op: "jpeg"},
	{file: "offer-hydroflask-pacific.png", from: "hydroflask-32-pacific.png", op: "pad"},
	{file: "offer-fiji-500ml.jpg", from: "fiji-500ml.png", op: "jpeg"},
	{file: "offer-crayola-24.png", from: "crayola-24.png", op: "half"},
	{file: "offer-nike-af1.jpg", from: "nike-af1-white.png", op: "jpeg"},
	{file: "offer-stanley-quencher.png", from: "stanley-quencher-cream.png", op: "pad"},
}

func main() {
	out := flag.String("out", "testdata/demo/images", "output `dir`")
	flag.Parse()
	if err := generate(*out); err != nil {
		fmt.Fprintln(os.Stderr, "demogen:", err)
		os.Exit(1)
	}
}

// generate writes every product and variant image into dir.
func generate(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	drawn := map[string]*image.NRGBA{}
	for _, p := range products {
		img := draw(p)
		drawn[p.file] = img
		if err := write(filepath.Join(dir, p.file), img); err != nil {
			return err
		}
	}
	for _, v := range variants {
		src, ok := drawn[v.from]
		if !ok {
			return fmt.Errorf("variant %s: no product image %s", v.file, v.from)
		}
		var img *image.NRGBA
		switch v.op {
		case "jpeg":
			img = src
		case "half":
			img = imaging.Resize(src, side/2, side/2, imaging.Lanczos)
		case "pad":
			img = imaging.Paste(imaging.New(side+80, side+80, color.White), src, image.Pt(40, 40))
		case "recolor":
			img = recolor(src, v.color)
		default:
			return fmt.Errorf("variant %s: unknown op %q", v.file, v.op)
		}
		if err := write(filepath.Join(dir, v.file), img); err != nil {
			return err
		}
	}
	return nil
}

func write(path string, img image.Image) error {
	var buf bytes.Buffer
	var err error
	if filepath.Ext(path) == ".jpg" {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 70})
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// canvas is a white image with fill helpers.
type canvas struct{ *image.NRGBA }

func (c canvas) fill(in func(x, y float64) bool, col color.NRGBA) {
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			if in(float64(x)+0.5, float64(y)+0.5) {
				c.SetNRGBA(x, y, col)
			}
		}
	}
}

func (c canvas) rect(x0, y0, x1, y1 float64, col color.NRGBA) {
	c.fill(func(x, y float64) bool { return x >= x0 && x < x1 && y >= y0 && y < y1 }, col)
}

func (c canvas) ellipse(cx, cy, rx, ry float64, col color.NRGBA) {
	c.fill(func(x, y float64) bool {
		dx, dy := (x-cx)/rx, (y-cy)/ry
		return dx*dx+dy*dy <= 1
	}, col)
}

func (c canvas) ring(cx, cy, r, width float64, upper bool, col color.NRGBA) {
	c.fill(func(x, y float64) bool {
		d := math.Hypot(x-cx, y-cy)
		return d <= r && d >= r-width && (!upper || y <= cy)
	}, col)
}

// draw renders a product: its shape in the body color, and label stripes in
// the accent color placed by the seed.
func draw(p product) *image.NRGBA {
	c := canvas{imaging.New(side, side, color.White)}
	b, a := p.body, p.accent
	switch p.shape {
	case headphones:
		c.ring(200, 200, 140, 22, true, b)
		c.ellipse(75, 230, 45, 70, b)
		c.ellipse(325, 230, 45, 70, b)
		c.ellipse(75, 230, 20, 35, a)
		c.ellipse(325, 230, 20, 35, a)
	case bottle:
		c.rect(165, 40, 235, 110, b)
		c.rect(125, 110, 275, 370, b)
		c.rect(125, 200, 275, 260, a)
	case box:
		c.rect(80, 60, 320, 350, b)
		c.rect(80, 150, 320, 190, a)
	case can:
		c.ellipse(200, 90, 100, 30, b)
		c.rect(100, 90, 300, 330, b)
		c.ellipse(200, 330, 100, 30, b)
		c.rect(100, 180, 300, 210, a)
	case shoe:
		c.fill(func(x, y float64) bool {
			return y > 200 && y < 300 && x > 50 && x < 350 && y > 300-(x-50)*0.6
		}, b)
		c.rect(50, 290, 350, 315, a)
	case skillet:
		c.ellipse(170, 200, 130, 130, b)
		c.rect(290, 185, 390, 215, b)
		c.ellipse(170, 200, 100, 100, a)
	case cable:
		c.ring(200, 220, 120, 14, false, b)
		c.rect(70, 60, 110, 130, a)
		c.rect(290, 60, 330, 130, a)
	case mouse:
		c.ellipse(200, 210, 110, 160, b)
		c.rect(195, 60, 205, 170, a)
	case card:
		c.rect(100, 80, 300, 330, b)
		c.rect(100, 80, 170, 120, a)
	case speaker:
		c.rect(60, 140, 340, 270, b)
		c.ellipse(60, 205, 30, 65, a)
		c.ellipse(340, 205, 30, 65, a)
	case tumbler:
		c.fill(func(x, y float64) bool {
			w := 100 - (y-60)*0.12
			return y > 60 && y < 360 && math.Abs(x-200) < w
		}, b)
		c.rect(90, 40, 310, 70, a)
	}
	// Label stripes: their count and places come from the seed.
	n := 1 + p.seed%3
	for i := 0; i < n; i++ {
		y := 120 + float64((p.seed*37+i*53)%160)
		x := 140 + float64((p.seed*23+i*31)%60)
		c.rect(x, y, x+60, y+12, a)
	}
	return c.NRGBA
}

// recolor paints every pixel near the image's dominant non-white color with
// col: the same product shot in another color.
func recolor(src *image.NRGBA, col color.NRGBA) *image.NRGBA {
	counts := map[color.NRGBA]int{}
	var dominant color.NRGBA
	for i := 0; i < len(src.Pix); i += 4 {
		p := color.NRGBA{src.Pix[i], src.Pix[i+1], src.Pix[i+2], src.Pix[i+3]}
		if p.R > 240 && p.G > 240 && p.B > 240 {
			continue
		}
		counts[p]++
		if counts[p] > counts[dominant] {
			dominant = p
		}
	}
	out := imaging.Clone(src)
	for i := 0; i < len(out.Pix); i += 4 {
		if out.Pix[i] == dominant.R && out.Pix[i+1] == dominant.G && out.Pix[i+2] == dominant.B {
			out.Pix[i], out.Pix[i+1], out.Pix[i+2] = col.R, col.G, col.B
		}
	}
	return out
}
