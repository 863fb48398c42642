package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/followmatch/followmatch/match"
)

// fieldNames are the SPEC's record fields.
var fieldNames = []string{"id", "gtin", "brand", "title", "model", "color", "size", "material",
	"packaging", "pack_count", "origin", "category", "params", "images", "description", "restricted", "stock"}

const paramPrefix = "param:"

// fieldName is the record field a column or key names: case-insensitive,
// after the --map renames.
func fieldName(k string, renames map[string]string) string {
	name := strings.ToLower(strings.TrimSpace(k))
	if to, ok := renames[name]; ok {
		return to
	}
	return name
}

func knownField(name string) bool {
	return slices.Contains(fieldNames, name) || (strings.HasPrefix(name, paramPrefix) && len(name) > len(paramPrefix))
}

// toRecord converts one row's fields into a record. On error it returns the
// offending field's name and whatever record it had read (for its id).
func toRecord(fields map[string]any, renames map[string]string) (*match.Record, string, error) {
	rec := &match.Record{}
	// Rename first so that mapped and unmapped columns meet under one name;
	// the id goes first so errors can carry it.
	norm := make(map[string]any, len(fields))
	var order []string
	for k, v := range fields {
		name := fieldName(k, renames)
		if !knownField(name) {
			continue // unknown fields are kept out of matching
		}
		if prev, dup := norm[name]; dup && !isEmpty(prev) {
			if isEmpty(v) {
				continue
			}
			return rec, name, fmt.Errorf("given twice (column %q and another)", k)
		}
		if _, dup := norm[name]; !dup {
			order = append(order, name)
		}
		norm[name] = v
	}
	slices.Sort(order)
	id, err := asString(norm["id"])
	if err != nil {
		return rec, "id", err
	}
	rec.ID = strings.TrimSpace(id)
	if rec.ID == "" {
		return rec, "id", errors.New("missing (every record needs an id)")
	}
	for _, name := range order {
		v := norm[name]
		if isEmpty(v) {
			continue
		}
		if err := setField(rec, name, v); err != nil {
			return rec, name, err
		}
	}
	return rec, "", nil
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	}
	return false
}

func setField(rec *match.Record, name string, v any) error {
	var err error
	str := func(dst *string) { *dst, err = asString(v); *dst = strings.TrimSpace(*dst) }
	switch name {
	case "id":
	case "gtin":
		rec.GTINs, err = asList(v)
		rec.GTINs = splitGTINs(rec.GTINs)
	case "brand":
		str(&rec.Brand)
	case "title":
		str(&rec.Title)
	case "model":
		str(&rec.Model)
	case "color":
		str(&rec.Color)
	case "size":
		str(&rec.Size)
	case "material":
		str(&rec.Material)
	case "packaging":
		var s string
		str(&s)
		rec.Packaging = joinText(s, rec.Packaging) // pack_count text may be there
	case "origin":
		str(&rec.Origin)
	case "category":
		str(&rec.Category)
	case "description":
		str(&rec.Description)
	case "pack_count":
		var n int
		n, err = asInt(v)
		if err != nil {
			// A supplier's pack column: "6/CS", "12 ct", "EA".
			if s, serr := asString(v); serr == nil {
				if m := packText(s); m > 0 {
					n, err = m, nil
					rec.Packaging = joinText(rec.Packaging, strings.TrimSpace(s))
				} else {
					err = fmt.Errorf("%w, nor a pack (\"6/CS\", \"12 ct\", \"Pack of 6\", \"EA\")", err)
				}
			}
		}
		if err == nil && n < 1 {
			err = fmt.Errorf("%d is not a positive count", n)
		}
		rec.PackCount = n
	case "stock":
		if s, serr := asString(v); serr == nil {
			switch stockWord(s) {
			case stockUnknown:
				return nil // "N/A", "-", "In stock": no count, as when empty
			case stockNone:
				rec.Stock = new(int) // "Out of stock": none
				return nil
			}
		}
		var n int
		n, err = asInt(v)
		if err == nil && n < 0 {
			err = fmt.Errorf("%d is negative", n)
		}
		rec.Stock = &n
	case "restricted":
		rec.Restricted, err = asBool(v)
	case "images":
		rec.Images, err = asList(v)
	case "params":
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("want an object of name -> value, got %s", describe(v))
		}
		for k, pv := range obj {
			s, perr := asString(pv)
			if perr != nil {
				return fmt.Errorf("%s: %w", k, perr)
			}
			setParam(rec, k, s)
		}
	default: // param:NAME
		var s string
		s, err = asString(v)
		setParam(rec, strings.TrimPrefix(name, paramPrefix), s)
	}
	return err
}

func setParam(rec *match.Record, name, value string) {
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if name == "" || value == "" {
		return
	}
	if rec.Params == nil {
		rec.Params = map[string]string{}
	}
	rec.Params[name] = value
}

func describe(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	}
	return fmt.Sprintf("%T", v)
}

func asString(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	case bool:
		return strconv.FormatBool(x), nil
	}
	return "", fmt.Errorf("want a string, got %s", describe(v))
}

// asList reads a list: a JSON array of strings, or a string separated by
// "|".
// splitGTINs splits GTIN cells that hold several with another separator
// than "|" ("044700000427 / 044700000428", "a; b", "a, b"); a comma is
// split on only between two numbers of eight digits or more, not as a
// decimal mark ("7,5E+11", "750123456789,0").
func splitGTINs(cells []string) []string {
	var out []string
	for _, c := range cells {
		parts := strings.FieldsFunc(c, func(r rune) bool { return r == '/' || r == ';' })
		var split []string
		for _, p := range parts {
			if byComma := strings.Split(p, ","); len(byComma) > 1 && allLong(byComma) {
				split = append(split, byComma...)
			} else {
				split = append(split, p)
			}
		}
		for _, p := range split {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// allLong reports whether every part holds eight digits or more.
func allLong(parts []string) bool {
	for _, p := range parts {
		n := 0
		for _, r := range p {
			if r >= '0' && r <= '9' {
				n++
			}
		}
		if n < 8 {
			return false
		}
	}
	return true
}

func asList(v any) ([]string, error) {
	var out []string
	switch x := v.(type) {
	case []any:
		for i, e := range x {
			s, err := asString(e)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i+1, err)
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	s, err := asString(v)
	if err != nil {
		return nil, fmt.Errorf("want a string or a list, got %s", describe(v))
	}
	for _, part := range strings.Split(s, "|") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out, nil
}

// joinText joins two texts of one field with "; ", either may be empty.
func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// packText reads a pack column's text: a count of units ("12 ct", "24
// pcs"), "EA" / "each" (one unit), or a pack the packaging vocabulary reads
// ("6/CS", "Pack of 6"); 0 otherwise.
func packText(s string) int {
	low := strings.ToLower(strings.Trim(strings.TrimSpace(s), "."))
	if low == "ea" || low == "each" {
		return 1
	}
	if m := unitCountRE.FindStringSubmatch(low); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			return n
		}
	}
	return match.PackCountIn(s)
}

// unitCountRE is a pack column's count of units: "12 ct", "24pcs", "6 ea".
var unitCountRE = regexp.MustCompile(`^([0-9]{1,5})\s*(?:ct|cnt|count|pc|pcs|pieces|units?|ea|each)$`)

// What a stock cell in words says.
const (
	stockCount   = iota // a number, or words the count parser judges
	stockUnknown        // no count: "N/A", "-", "TBD", "In stock"
	stockNone           // none: "Out of stock", "Sold out"
)

// stockWord reads a stock cell written in words: an availability column
// says "In stock" or "Out of stock" as often as it gives a count.
func stockWord(s string) int {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "n/a", "na", "n.a.", "-", "--", "?", "tbd", "tba", "unknown", "null",
		"in stock", "instock", "available", "yes", "y", "limited", "low stock":
		return stockUnknown
	case "out of stock", "outofstock", "oos", "sold out", "unavailable", "no", "n", "none", "discontinued":
		return stockNone
	}
	return stockCount
}

// thousandsRE is an integer written with thousands separators ("1,200",
// "12 345").
var thousandsRE = regexp.MustCompile(`^[0-9]{1,3}(?:[,\x{00A0}\x{202F} ][0-9]{3})+$`)

func asInt(v any) (int, error) {
	s, err := asString(v)
	if err != nil {
		return 0, fmt.Errorf("want an integer, got %s", describe(v))
	}
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, nil
	}
	if thousandsRE.MatchString(s) {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
		if n, err := strconv.Atoi(digits); err == nil {
			return n, nil
		}
	}
	// Spreadsheets write integers as "12.0".
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return int(f), nil
	}
	return 0, fmt.Errorf("%q is not an integer", s)
}

func asBool(v any) (bool, error) {
	if b, ok := v.(bool); ok {
		return b, nil
	}
	s, err := asString(v)
	if err != nil {
		return false, fmt.Errorf("want true or false, got %s", describe(v))
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "1":
		return true, nil
	case "false", "no", "n", "0":
		return false, nil
	}
	return false, fmt.Errorf("%q is not true or false", s)
}

// FieldError is a record field that could not be read.
type FieldError struct {
	Field string // empty when the record as a whole is wrong
	Err   error
}

func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Err.Error()
	}
	return fmt.Sprintf("field %s: %v", e.Field, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

// FromFields converts one record given as named fields (a JSON object
// decoded with UseNumber, or any map of field name to value) with the same
// rules as the file readers; an error is a *FieldError.
func FromFields(fields map[string]any, renames map[string]string) (*match.Record, error) {
	rec, field, err := toRecord(fields, renames)
	if err != nil {
		return nil, &FieldError{Field: field, Err: err}
	}
	return rec, nil
}
