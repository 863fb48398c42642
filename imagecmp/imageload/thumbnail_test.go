package imageload

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func TestThumbnail(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	for x := 0; x < 400; x++ {
		for y := 0; y < 200; y++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		data    []byte
		wantErr bool
		reason  string
	}{
		{"wide png", b.Bytes(), false, "fitted in the box, aspect kept"},
		{"not an image", []byte("GIF89a but not really"), true, "a broken file is an error, not a picture"},
	}
	for _, tt := range tests {
		uri, err := Thumbnail(bytes.NewReader(tt.data), DefaultLimits(), 144)
		if (err != nil) != tt.wantErr {
			t.Fatalf("%s: err %v, want error %v (%s)", tt.name, err, tt.wantErr, tt.reason)
		}
		if tt.wantErr {
			continue
		}
		raw, ok := strings.CutPrefix(uri, "data:image/jpeg;base64,")
		if !ok {
			t.Fatalf("%s: %.40q is no JPEG data URI", tt.name, uri)
		}
		data, err := base64.StdEncoding.DecodeString(raw)
		if err != nil {
			t.Fatal(err)
		}
		small, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if got := small.Bounds().Size(); got != (image.Point{144, 72}) {
			t.Errorf("%s: thumbnail %v, want 144x72 (%s)", tt.name, got, tt.reason)
		}
	}
}
