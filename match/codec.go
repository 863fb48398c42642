package match

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"

	"github.com/followmatch/followmatch/imagecmp"
)

// A prepared item's features can be written down and read back
// (AppendFeatures, DecodeFeatures), so that an index prepares each listing
// once, when it is built, instead of on every candidate fetch: reading the
// features back costs a tenth of preparing them. Each attribute writes and
// reads its own feature (Attribute.encode and decode, in its file); the
// shared title text and codes are written first.
//
// Features depend on the code and vocabularies that prepared them: a reader
// must only decode what the same build with the same vocabularies wrote
// (the index checks Vocabularies.Fingerprint and the binary's identity).

// featuresVersion opens every encoding; DecodeFeatures refuses another.
const featuresVersion = 11

// encoder appends a feature encoding to b.
type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *encoder) float(v float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }
func (e *encoder) str(s string)    { e.uint(uint64(len(s))); e.b = append(e.b, s...) }

// count writes a collection's length as n+1, or 0 for a nil one: a nil
// slice or map and an empty one differ (decoder.count reads it).
func (e *encoder) count(n int, isNil bool) {
	if isNil {
		e.uint(0)
	} else {
		e.uint(uint64(n) + 1)
	}
}

// strs writes a slice of strings.
func (e *encoder) strs(ss []string) {
	e.count(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

// strMap writes a map of strings in key order.
func (e *encoder) strMap(m map[string]string) {
	e.count(len(m), m == nil)
	for _, k := range sortedKeys(m) {
		e.str(k)
		e.str(m[k])
	}
}

// strsMap writes a map of string lists in key order.
func (e *encoder) strsMap(m map[string][]string) {
	e.count(len(m), m == nil)
	for _, k := range sortedKeys(m) {
		e.str(k)
		e.strs(m[k])
	}
}

// bools writes a list of flags.
func (e *encoder) bools(bs []bool) {
	e.count(len(bs), bs == nil)
	for _, b := range bs {
		e.bool(b)
	}
}

// set writes a set in key order.
func (e *encoder) set(m map[string]bool) {
	e.count(len(m), m == nil)
	for _, k := range sortedKeys(m) {
		e.str(k)
		e.bool(m[k])
	}
}

func (e *encoder) quantities(qs []quantity) {
	e.count(len(qs), qs == nil)
	for _, q := range qs {
		e.str(string(q.Dim))
		e.float(q.Value)
		e.bool(q.Ounce)
		e.float(q.Low)
		e.str(q.Text)
	}
}

// terms writes vocabulary terms by name and family; a term the reader's
// vocabulary has is read back as that term.
func (e *encoder) terms(ts []*term) {
	e.count(len(ts), ts == nil)
	for _, t := range ts {
		e.term(t)
	}
}

func (e *encoder) term(t *term) {
	if t == nil {
		e.bool(false)
		return
	}
	e.bool(true)
	e.str(t.Name)
	e.str(t.Family)
}

// errFeatures reports an encoding that ends early or says more than it
// holds: a damaged index.
var errFeatures = errors.New("damaged feature encoding")

// decoder reads an encoding. Strings are read as slices of s, the whole
// encoding as the caller copied it once (out of an index's stored field),
// so that reading them allocates nothing. The first
// error sticks: every later read returns zero values.
type decoder struct {
	s   string
	off int
	err error
	// slab backs the string slices read, a few allocations for all of
	// them instead of one each.
	slab []string
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errFeatures
	}
	d.off = len(d.s)
}

func (d *decoder) uint() uint64 {
	var v uint64
	var shift uint
	for i := 0; ; i++ {
		if d.off >= len(d.s) || i == binary.MaxVarintLen64 {
			d.fail()
			return 0
		}
		c := d.s[d.off]
		d.off++
		if c < 0x80 {
			return v | uint64(c)<<shift
		}
		v |= uint64(c&0x7f) << shift
		shift += 7
	}
}

func (d *decoder) int() int {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return int(v)
}

func (d *decoder) bool() bool {
	if d.off >= len(d.s) || d.s[d.off] > 1 {
		d.fail()
		return false
	}
	d.off++
	return d.s[d.off-1] == 1
}

func (d *decoder) float() float64 {
	if len(d.s)-d.off < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(d.s[d.off:]), 8))
	d.off += 8
	return math.Float64frombits(v)
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.s)-d.off) {
		d.fail()
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

// count reads a length written as n+1 (0 for nil), each element taking at
// least min bytes: a count the rest of the encoding cannot hold is damage,
// never an allocation.
func (d *decoder) count(min int) (n int, isNil bool) {
	c := d.uint()
	if c == 0 {
		return 0, true
	}
	if c-1 > uint64((len(d.s)-d.off)/min) {
		d.fail()
		return 0, true
	}
	return int(c - 1), false
}

func (d *decoder) strs() []string {
	n, isNil := d.count(1)
	if isNil {
		return nil
	}
	if n == 0 {
		return []string{}
	}
	if cap(d.slab)-len(d.slab) < n {
		d.slab = make([]string, 0, max(n, 64))
	}
	// Capped at its length: an append to it copies, never writes over the
	// next slice in the slab.
	out := d.slab[len(d.slab) : len(d.slab)+n : len(d.slab)+n]
	d.slab = d.slab[:len(d.slab)+n]
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) strMap() map[string]string {
	n, isNil := d.count(2)
	if isNil {
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		k := d.str()
		m[k] = d.str()
	}
	return m
}

func (d *decoder) strsMap() map[string][]string {
	n, isNil := d.count(2)
	if isNil {
		return nil
	}
	m := make(map[string][]string, n)
	for range n {
		k := d.str()
		m[k] = d.strs()
	}
	return m
}

func (d *decoder) bools() []bool {
	n, isNil := d.count(1)
	if isNil {
		return nil
	}
	out := make([]bool, n)
	for i := range out {
		out[i] = d.bool()
	}
	return out
}

func (d *decoder) set() map[string]bool {
	n, isNil := d.count(2)
	if isNil {
		return nil
	}
	m := make(map[string]bool, n)
	for range n {
		k := d.str()
		m[k] = d.bool()
	}
	return m
}

func (d *decoder) quantities() []quantity {
	n, isNil := d.count(19)
	if isNil {
		return nil
	}
	out := make([]quantity, n)
	for i := range out {
		out[i] = quantity{Dim: dimension(d.str()), Value: d.float(), Ounce: d.bool(), Low: d.float(), Text: d.str()}
	}
	return out
}

func (d *decoder) terms(v *vocabulary) []*term {
	n, isNil := d.count(1)
	if isNil {
		return nil
	}
	out := make([]*term, n)
	for i := range out {
		if out[i] = d.term(v); out[i] == nil {
			// A list holds terms, never a missing one: the data is
			// damaged (a nil term would be read as a name later).
			d.fail()
			return nil
		}
	}
	return out
}

// term reads a term back as the vocabulary's own when it has one of that
// name and family (terms are compared by pointer in places), else as a
// term of its own (a condition a field names that no vocabulary has).
func (d *decoder) term(v *vocabulary) *term {
	if !d.bool() {
		return nil
	}
	name, family := d.str(), d.str()
	if t := v.names[name]; t != nil && t.Family == family {
		return t
	}
	return &term{Name: name, Family: family}
}

// AppendFeatures appends the encoding of it's features (not its record) to
// dst.
func AppendFeatures(dst []byte, it *Item) []byte {
	e := &encoder{b: dst}
	e.uint(featuresVersion)
	e.strs(it.text.tokens)
	e.strs(it.text.keys)
	c := &it.codes
	e.str(c.model)
	e.str(c.shown)
	e.strs(c.codes)
	e.set(c.all)
	e.bools(c.pieceAt)
	e.str(c.compactText)
	for _, a := range attributes {
		if a.encode != nil {
			a.encode(e, it)
		}
	}
	return e.b
}

// DecodeFeatures returns the item of record r whose features data holds
// (written by AppendFeatures with the same vocabularies vs). The item's
// strings are slices of data.
func DecodeFeatures(r *Record, data string, vs *Vocabularies) (*Item, error) {
	d := &decoder{s: data}
	if v := d.uint(); v != featuresVersion {
		return nil, fmt.Errorf("match: features of %s: version %d, not %d", r.ID, v, featuresVersion)
	}
	it := &Item{Rec: r}
	it.text.tokens = d.strs()
	it.text.keys = d.strs()
	it.text.idx = newKeyIndex(it.text.keys)
	it.text.lead = leadOf(it.text.tokens)
	c := &it.codes
	c.model, c.shown = d.str(), d.str()
	c.codes = d.strs()
	c.all, c.pieceAt = d.set(), d.bools()
	if c.pieceAt != nil && len(c.pieceAt) != len(it.text.keys) {
		d.fail() // a flag per title key
	}
	c.compactText = d.str()
	for _, a := range attributes {
		if a.decode != nil {
			a.decode(d, it, vs)
		}
	}
	if d.err == nil && d.off != len(d.s) {
		d.err = fmt.Errorf("%w: %d bytes left over", errFeatures, len(d.s)-d.off)
	}
	if d.err != nil {
		return nil, fmt.Errorf("match: features of %s: %w", r.ID, d.err)
	}
	return it, nil
}

func (e *encoder) vocabValue(v *vocabValue) {
	e.str(v.field)
	e.terms(v.terms)
	e.uint(uint64(v.from))
}

func (d *decoder) vocabValue(voc *vocabulary) vocabValue {
	return vocabValue{field: d.str(), terms: d.terms(voc), from: d.source()}
}

func (d *decoder) source() Source {
	s := d.uint()
	if s > uint64(FromPackaging) {
		d.fail()
		return NoSource
	}
	return Source(s)
}

// recordVersion opens every record encoding (AppendRecord).
const recordVersion = 1

// AppendRecord appends a compact encoding of r to dst: how an index stores
// a listing's record, read back by DecodeRecord at a fraction of the cost
// of JSON.
func AppendRecord(dst []byte, r *Record) []byte {
	e := &encoder{b: dst}
	e.uint(recordVersion)
	e.str(r.ID)
	e.strs(r.GTINs)
	e.str(r.Brand)
	e.str(r.Title)
	e.str(r.Model)
	e.str(r.Color)
	e.str(r.Size)
	e.str(r.Material)
	e.str(r.Packaging)
	e.int(r.PackCount)
	e.str(r.Origin)
	e.str(r.Category)
	e.strMap(r.Params)
	e.strs(r.Images)
	e.str(r.Description)
	e.bool(r.Restricted)
	e.bool(r.Stock != nil)
	if r.Stock != nil {
		e.int(*r.Stock)
	}
	e.count(len(r.Fingerprints), r.Fingerprints == nil)
	for _, f := range r.Fingerprints {
		e.uint(f.PHash)
		e.uint(f.DHash)
		e.bool(f.Color != nil)
		e.str(string(f.Color))
	}
	e.strs(r.ImageErrors)
	return e.b
}

// DecodeRecord reads a record written by AppendRecord. The record's
// strings are slices of data.
func DecodeRecord(data string) (*Record, error) {
	d := &decoder{s: data}
	if v := d.uint(); v != recordVersion {
		return nil, fmt.Errorf("match: record encoding version %d, not %d", v, recordVersion)
	}
	r := &Record{ID: d.str(), GTINs: d.strs(), Brand: d.str(), Title: d.str(), Model: d.str(), Color: d.str(),
		Size: d.str(), Material: d.str(), Packaging: d.str(), PackCount: d.int(), Origin: d.str(),
		Category: d.str(), Params: d.strMap(), Images: d.strs(), Description: d.str(), Restricted: d.bool()}
	if d.bool() {
		stock := d.int()
		r.Stock = &stock
	}
	if n, isNil := d.count(3); !isNil {
		r.Fingerprints = make([]imagecmp.Fingerprint, n)
		for i := range r.Fingerprints {
			f := &r.Fingerprints[i]
			f.PHash, f.DHash = d.uint(), d.uint()
			if d.bool() {
				f.Color = []byte(d.str())
			} else if d.str() != "" {
				d.fail()
			}
		}
	}
	r.ImageErrors = d.strs()
	if d.err == nil && d.off != len(d.s) {
		d.err = fmt.Errorf("%w: %d bytes left over", errFeatures, len(d.s)-d.off)
	}
	if d.err != nil {
		return nil, fmt.Errorf("match: record: %w", d.err)
	}
	return r, nil
}
