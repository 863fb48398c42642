package match

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/followmatch/followmatch/imagecmp"
)

// codecRecords are records whose features exercise every attribute: the
// listings of the repository's supplier fixtures and a few made to reach
// what those lack.
func codecRecords(t testing.TB) []*Record {
	t.Helper()
	stock := 5
	recs := []*Record{
		{ID: "empty"},
		{ID: "params", Title: "Bosch 18V Drill", Params: map[string]string{"Voltage": "18 V", "Weight": "1.5 kg", "Condition": "Refurbished", "": "x", "Note": ""}},
		{ID: "odd-condition", Title: "Lamp", Params: map[string]string{"condition": "Shelf worn"}},
		{ID: "gtins", Title: "Cable", GTINs: []string{"0 12345 67890 5", "8.71234E+12", "123", " ", "012345678905"}},
		{ID: "desc", Title: "Classic Tee", Description: "A soft tee in navy blue. Refurbished. Model AB-1234 fits all."},
		{ID: "compat", Title: "Spigen Rugged Armor Case for iPhone 15 Pro Max, Matte Black", Brand: "Spigen"},
		{ID: "fields", Title: "Dove Beauty Bar 4 oz 6 pack", Brand: "UNILEVER", Color: "WHT/BLK", Size: "10.5M", Material: "cotton blend",
			Packaging: "case of 12", Origin: "Made in Italy", Category: "Beauty > Bath > Soap", Model: "DV-4OZ-6", Stock: &stock},
		{ID: "version", Title: "Adobe Photoshop CS4 Upgrade Mac 2008 Pro Max Gen 2 Sport 34 II Unlocked 16GB"},
	}
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			if len(bytes.TrimSpace(sc.Bytes())) == 0 {
				continue
			}
			var r Record
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				continue // the demo's broken row, there for the reader's tests
			}
			recs = append(recs, &r)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if len(recs) < 100 {
		t.Fatalf("only %d records to test the codec on", len(recs))
	}
	return recs
}

// TestFeaturesRoundTrip: features read back are the features prepared,
// field for field, and encode to the same bytes again.
func TestFeaturesRoundTrip(t *testing.T) {
	vs := testVocab(t)
	for _, r := range codecRecords(t) {
		want := Prepare(r, vs)
		data := AppendFeatures(nil, want)
		got, err := DecodeFeatures(r, string(data), vs)
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded features differ from prepared ones:\n got %+v\nwant %+v", r.ID, got, want)
		}
		if again := AppendFeatures(nil, got); !bytes.Equal(again, data) {
			t.Errorf("%s: the decoded item encodes differently", r.ID)
		}
	}
}

// TestFeaturesComparisons: a decoded listing compares with an offer exactly
// as the prepared one does, vocabulary terms included.
func TestFeaturesComparisons(t *testing.T) {
	vs := testVocab(t)
	recs := codecRecords(t)
	s := NewScorer(DefaultConfig(), nil)
	for i, r := range recs {
		offer := Prepare(recs[(i*7+3)%len(recs)], vs)
		prepared := Prepare(r, vs)
		decoded, err := DecodeFeatures(r, string(AppendFeatures(nil, prepared)), vs)
		if err != nil {
			t.Fatal(err)
		}
		a, b := s.Score(offer, prepared), s.Score(offer, decoded)
		if a.Total != b.Total || !reflect.DeepEqual(a.Comparisons, b.Comparisons) {
			t.Errorf("%s against %s: decoded listing scores %v, prepared %v", offer.Rec.ID, r.ID, b.Total, a.Total)
		}
	}
}

// TestAttributesEncodeWhatTheyPrepare: an attribute that reads a feature
// writes it down and reads it back, so that a new one cannot be forgotten.
func TestAttributesEncodeWhatTheyPrepare(t *testing.T) {
	for _, a := range attributes {
		if (a.prepare != nil) != (a.encode != nil) || (a.encode != nil) != (a.decode != nil) {
			t.Errorf("attribute %s: prepare %v, encode %v, decode %v: want all or none", a.Name, a.prepare != nil, a.encode != nil, a.decode != nil)
		}
	}
}

// TestDecodeFeaturesDamaged: a cut or altered encoding is an error naming
// the listing, never a panic or a wrong item.
func TestDecodeFeaturesDamaged(t *testing.T) {
	vs := testVocab(t)
	r := codecRecords(t)[6]
	data := AppendFeatures(nil, Prepare(r, vs))
	for n := 0; n < len(data); n++ {
		if _, err := DecodeFeatures(r, string(data[:n]), vs); err == nil {
			t.Errorf("cut at %d of %d bytes: no error", n, len(data))
		}
	}
	if _, err := DecodeFeatures(r, string(data)+"\x00", vs); err == nil {
		t.Error("a byte left over: no error")
	}
	other := bytes.Clone(data)
	other[0] = featuresVersion + 1
	if _, err := DecodeFeatures(r, string(other), vs); err == nil {
		t.Error("another version: no error")
	}
}

func FuzzDecodeFeatures(f *testing.F) {
	vs, err := LoadVocabularies()
	if err != nil {
		f.Fatal(err)
	}
	for _, r := range codecRecords(f)[:10] {
		f.Add(AppendFeatures(nil, Prepare(r, vs)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Record{ID: "fuzz"}
		it, err := DecodeFeatures(r, string(data), vs)
		if err != nil {
			return
		}
		again, err := DecodeFeatures(r, string(AppendFeatures(nil, it)), vs)
		if err != nil {
			t.Fatalf("re-encoded features do not decode: %v", err)
		}
		if !reflect.DeepEqual(again, it) {
			t.Fatalf("re-encoded features decode to another item")
		}
	})
}

// filledRecord returns a record with every field set, found by reflection:
// a field added to Record and forgotten by the codec fails the round trip.
func filledRecord(t testing.TB) *Record {
	t.Helper()
	r := &Record{}
	v := reflect.ValueOf(r).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("v-" + v.Type().Field(i).Name)
		case reflect.Int:
			f.SetInt(int64(7 + i))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Pointer:
			n := reflect.New(f.Type().Elem())
			n.Elem().SetInt(-3)
			f.Set(n)
		case reflect.Map:
			f.Set(reflect.ValueOf(map[string]string{"Color": "Red", "": "", "Size": "XL"}))
		case reflect.Slice:
			s := reflect.MakeSlice(f.Type(), 2, 2)
			for j := range 2 {
				switch e := s.Index(j); e.Kind() {
				case reflect.String:
					e.SetString(fmt.Sprintf("%s-%d", v.Type().Field(i).Name, j))
				case reflect.Struct:
					e.Set(reflect.ValueOf(imagecmp.Fingerprint{PHash: 1<<63 + uint64(j), DHash: uint64(j), Color: []byte{byte(j), 0, 255}}))
				default:
					t.Fatalf("Record.%s: slice of %v not filled by the test", v.Type().Field(i).Name, e.Kind())
				}
			}
			f.Set(s)
		default:
			t.Fatalf("Record.%s: kind %v not filled by the test", v.Type().Field(i).Name, f.Kind())
		}
	}
	return r
}

// TestRecordRoundTrip: a record read back is the record written, every
// field, for records with every field set, none, and the fixtures'.
func TestRecordRoundTrip(t *testing.T) {
	recs := append([]*Record{filledRecord(t), {}, {ID: "empty-lists", GTINs: []string{}, Images: []string{}, Params: map[string]string{},
		Fingerprints: []imagecmp.Fingerprint{{Color: []byte{}}, {}}}}, codecRecords(t)...)
	for _, want := range recs {
		got, err := DecodeRecord(string(AppendRecord(nil, want)))
		if err != nil {
			t.Fatalf("%s: %v", want.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("record read back differs:\n got %+v\nwant %+v", got, want)
		}
	}
	data := AppendRecord(nil, filledRecord(t))
	for n := 0; n < len(data); n++ {
		if _, err := DecodeRecord(string(data[:n])); err == nil {
			t.Errorf("cut at %d of %d bytes: no error", n, len(data))
		}
	}
}

func FuzzDecodeRecord(f *testing.F) {
	f.Add(AppendRecord(nil, filledRecord(f)))
	f.Add(AppendRecord(nil, &Record{ID: "a", Title: "b"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeRecord(string(data))
		if err != nil {
			return
		}
		again, err := DecodeRecord(string(AppendRecord(nil, r)))
		if err != nil || !reflect.DeepEqual(again, r) {
			t.Fatalf("re-encoded record reads back as %+v, %v; want %+v", again, err, r)
		}
	})
}
