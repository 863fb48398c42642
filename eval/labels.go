package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/followmatch/followmatch/match"
)

// LabelWeight is how many free pairs a person's label counts as in a fit.
const LabelWeight = 10

// ReadLabels reads a person's labels: CSV with the header
// offer_id,listing_id,label (1 = the same item, 0 = different). A bad row
// is an error naming the file, row and field.
func ReadLabels(path string) ([]Pair, error) {
	pairs, err := readPairs(path, "offer_id", "listing_id", "row")
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	return pairs, nil
}

// readPairs reads labeled pairs from a CSV file whose header names the
// first record's id column a, the second's b, and "label" (1 or 0), in any
// order. A bad row is an error naming the file, the row (by unit: "row",
// "line") and the field.
func readPairs(path, a, b, unit string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.ToLower(h))] = i
	}
	for _, c := range []string{a, b, "label"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: no %s column (want %s,%s,label)", path, c, a, b)
		}
	}
	var pairs []Pair
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return pairs, nil
		}
		row, _ := r.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s %s %d: %w", path, unit, row, err)
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		p := Pair{A: get(a), B: get(b)}
		for _, f := range [][2]string{{a, p.A}, {b, p.B}} {
			if f[1] == "" {
				return nil, fmt.Errorf("%s %s %d, field %s: missing", path, unit, row, f[0])
			}
		}
		switch l := get("label"); l {
		case "1":
			p.Match = true
		case "0":
		default:
			return nil, fmt.Errorf("%s %s %d, field label: %q is not 1 or 0", path, unit, row, l)
		}
		pairs = append(pairs, p)
	}
}

// AddLabels puts a person's labels into the train split, each counted
// LabelWeight times, in place of any pair of the same offer and listing
// the dataset held; offers and listings supply records the dataset lacks
// (nil: none). It returns how many labels it used, and the labels whose
// offer or listing is unknown.
func (ds *Dataset) AddLabels(labels []Pair, offers, listings func(id string) *match.Record) (used int, unknown []Pair) {
	if ds.splits == nil {
		ds.splits = map[string][]Pair{}
		for _, s := range []string{"train", "valid", "test"} {
			p, err := ds.Split(s)
			if err != nil {
				p = []Pair{}
			}
			ds.splits[s] = p
		}
	}
	labeled := map[[2]string]bool{}
	for _, l := range labels {
		if ds.A[l.A] == nil && offers != nil {
			if r := offers(l.A); r != nil {
				ds.A[l.A] = r
			}
		}
		if ds.B[l.B] == nil && listings != nil {
			if r := listings(l.B); r != nil {
				ds.B[l.B] = r
				ds.BOrder = append(ds.BOrder, l.B)
			}
		}
		if ds.A[l.A] == nil || ds.B[l.B] == nil {
			unknown = append(unknown, l)
			continue
		}
		labeled[[2]string{l.A, l.B}] = true
	}
	for s, pairs := range ds.splits {
		kept := pairs[:0:0]
		for _, p := range pairs {
			if !labeled[[2]string{p.A, p.B}] {
				kept = append(kept, p)
			}
		}
		ds.splits[s] = kept
	}
	for _, l := range labels {
		if !labeled[[2]string{l.A, l.B}] {
			continue
		}
		used++
		for range LabelWeight {
			ds.splits["train"] = append(ds.splits["train"], l)
		}
	}
	return used, unknown
}
