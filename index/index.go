// Package index keeps the listing catalog in a Bleve index on disk: the
// normalized retrieval fields (GTINs, model codes, brand, color, category,
// title tokens) plus each listing's record and image fingerprints, stored for
// scoring. It retrieves the top-K candidate listings of an offer and
// satisfies match.CandidateSource and match.ListingGetter.
package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/followmatch/followmatch/match"
)

// Field names in the Bleve documents.
const (
	fGTIN     = "gtin"
	fCodes    = "codes"
	fBrand    = "brand"
	fColor    = "color"
	fCategory = "category"
	fTitle    = "title"
	fRecord   = "rec"
)

// formatKey marks a directory as a followmatch index of this format.
var formatKey = []byte("followmatch.format")

const formatVersion = "1"

// tokensAnalyzer splits on whitespace only: titles are normalized by
// match.Tokens before indexing and querying, so index terms are exactly the
// tokens the title comparison sees.
const tokensAnalyzer = "followmatch_tokens"

// Index is an open listing index. Reads are safe for concurrent use.
type Index struct {
	dir      string
	bi       bleve.Index
	vocab    *match.Vocabularies
	readOnly bool

	statsOnce sync.Once
	docs      uint64
	df        sync.Map // title key -> uint64 document frequency
}

func newMapping() (mapping.IndexMapping, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer(tokensAnalyzer, map[string]any{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = keyword.Name
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false

	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	title := bleve.NewTextFieldMapping()
	title.Analyzer = tokensAnalyzer
	title.Store = false
	title.IncludeInAll = false
	title.IncludeTermVectors = false
	title.DocValues = false
	rec := bleve.NewTextFieldMapping()
	rec.Index = false
	rec.Store = true
	rec.IncludeInAll = false
	rec.IncludeTermVectors = false
	rec.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fGTIN, fCodes, fBrand, fColor, fCategory} {
		doc.AddFieldMappingsAt(f, kw())
	}
	doc.AddFieldMappingsAt(fTitle, title)
	doc.AddFieldMappingsAt(fRecord, rec)
	m.DefaultMapping = doc
	return m, nil
}

// Exists reports whether dir holds an index.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	return err == nil
}

// Create makes a new, empty index in dir, which must not exist yet.
func Create(dir string, vs *match.Vocabularies) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	bi, err := bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	if err := bi.SetInternal(formatKey, []byte(formatVersion)); err != nil {
		bi.Close()
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	return &Index{dir: dir, bi: bi, vocab: vs}, nil
}

// Open opens an existing index; readOnly opens it for matching only, so
// several processes may read it at once.
func Open(dir string, vs *match.Vocabularies, readOnly bool) (*Index, error) {
	if !Exists(dir) {
		return nil, fmt.Errorf("index: open %s: no followmatch index there (build one with `followmatch index --listings FILE --index %s`)", dir, dir)
	}
	var cfg map[string]any
	if readOnly {
		cfg = map[string]any{"read_only": true}
	}
	bi, err := bleve.OpenUsing(dir, cfg)
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w (the index may be damaged: rebuild it)", dir, err)
	}
	v, err := bi.GetInternal(formatKey)
	if err != nil || string(v) != formatVersion {
		bi.Close()
		return nil, fmt.Errorf("index: open %s: not a followmatch index of format %s (found %q): rebuild it", dir, formatVersion, v)
	}
	return &Index{dir: dir, bi: bi, vocab: vs, readOnly: readOnly}, nil
}

// Close closes the index.
func (ix *Index) Close() error {
	if err := ix.bi.Close(); err != nil {
		return fmt.Errorf("index: close %s: %w", ix.dir, err)
	}
	return nil
}

// Count returns the number of listings in the index.
func (ix *Index) Count() (uint64, error) { return ix.bi.DocCount() }

// document is what Bleve indexes for one listing.
func document(it *match.Item) (map[string]any, error) {
	rec, err := json.Marshal(it.Rec)
	if err != nil {
		return nil, err
	}
	gtins := make([]string, len(it.GTINs()))
	for i, g := range it.GTINs() {
		gtins[i] = string(g)
	}
	doc := map[string]any{
		fGTIN:   gtins,
		fCodes:  it.Codes(),
		fBrand:  it.BrandKey(),
		fColor:  it.ColorKey(),
		fTitle:  strings.Join(it.TitleKeys(), " "),
		fRecord: string(rec),
	}
	if c := it.Category(); len(c) > 0 {
		doc[fCategory] = strings.Join(c, " > ")
	}
	return doc, nil
}

// Writer adds listings to an index in batches.
type Writer struct {
	ix    *Index
	batch *bleve.Batch
	size  int
	n     int
}

// NewWriter returns a writer that commits every batchSize listings.
func (ix *Index) NewWriter(batchSize int) (*Writer, error) {
	if ix.readOnly {
		return nil, fmt.Errorf("index: %s is open read-only", ix.dir)
	}
	if batchSize < 1 {
		batchSize = 1000
	}
	return &Writer{ix: ix, batch: ix.bi.NewBatch(), size: batchSize}, nil
}

// Put adds or replaces one listing.
func (w *Writer) Put(rec *match.Record) error {
	doc, err := document(match.Prepare(rec, w.ix.vocab))
	if err != nil {
		return fmt.Errorf("index: listing %s: %w", rec.ID, err)
	}
	if err := w.batch.Index(rec.ID, doc); err != nil {
		return fmt.Errorf("index: listing %s: %w", rec.ID, err)
	}
	w.n++
	if w.batch.Size() >= w.size {
		return w.Flush()
	}
	return nil
}

// Delete removes a listing.
func (w *Writer) Delete(id string) error {
	w.batch.Delete(id)
	if w.batch.Size() >= w.size {
		return w.Flush()
	}
	return nil
}

// Flush commits the pending batch.
func (w *Writer) Flush() error {
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.ix.bi.Batch(w.batch); err != nil {
		return fmt.Errorf("index: commit batch to %s: %w", w.ix.dir, err)
	}
	w.batch.Reset()
	return nil
}

// Listing returns one listing by id, or match.ErrNotFound.
func (ix *Index) Listing(ctx context.Context, id string) (*match.Item, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{fRecord}
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: get %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, match.ErrNotFound
	}
	return ix.item(res.Hits[0].ID, res.Hits[0].Fields)
}

func (ix *Index) item(id string, fields map[string]any) (*match.Item, error) {
	s, ok := fields[fRecord].(string)
	if !ok {
		return nil, fmt.Errorf("index: listing %s has no stored record", id)
	}
	var rec match.Record
	if err := json.Unmarshal([]byte(s), &rec); err != nil {
		return nil, fmt.Errorf("index: listing %s: stored record: %w", id, err)
	}
	return match.Prepare(&rec, ix.vocab), nil
}

// docCount returns the number of listings, read once.
func (ix *Index) docCount() uint64 {
	ix.statsOnce.Do(func() {
		ix.docs, _ = ix.bi.DocCount()
	})
	return ix.docs
}

// DF returns how many listings have the title key tok. Counts are read
// from the index once per key and cached.
func (ix *Index) DF(tok string) uint64 {
	if v, ok := ix.df.Load(tok); ok {
		return v.(uint64)
	}
	n, err := ix.termCount(fTitle, tok)
	if err != nil {
		return 0
	}
	ix.df.Store(tok, n)
	return n
}

func (ix *Index) termCount(field, term string) (uint64, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// IDF returns the inverse document frequency of a title key among the
// indexed listings: log((N+1)/(df+1)) + 1, so an unseen key weighs most and
// a key in every title weighs 1.
func (ix *Index) IDF(tok string) float64 {
	return math.Log(float64(ix.docCount()+1)/float64(ix.DF(tok)+1)) + 1
}

// maxTitleTerms bounds the title terms of a candidate query: the rarest
// ones carry the signal, the common ones only cost posting-list walks.
const maxTitleTerms = 10

// maxGTINShare bounds the listings returned for one shared GTIN.
const maxGTINShare = 100

// Candidates returns the top k listings for the offer by a disjunction of
// GTIN terms (boosted most), model code terms, the brand and the rarest title
// tokens, plus every listing sharing one of the offer's GTINs.
func (ix *Index) Candidates(ctx context.Context, offer *match.Item, k int) ([]*match.Item, error) {
	var clauses []query.Query
	var gtinClauses []query.Query
	for _, g := range offer.GTINs() {
		q := bleve.NewTermQuery(string(g))
		q.SetField(fGTIN)
		q.SetBoost(10)
		gtinClauses = append(gtinClauses, q)
	}
	clauses = append(clauses, gtinClauses...)
	for _, c := range offer.Codes() {
		q := bleve.NewTermQuery(c)
		q.SetField(fCodes)
		q.SetBoost(5)
		clauses = append(clauses, q)
	}
	if b := offer.BrandKey(); b != "" {
		q := bleve.NewTermQuery(b)
		q.SetField(fBrand)
		q.SetBoost(2)
		clauses = append(clauses, q)
	}
	for _, t := range ix.rareTokens(offer.TitleKeys()) {
		q := bleve.NewTermQuery(t)
		q.SetField(fTitle)
		clauses = append(clauses, q)
	}
	if len(clauses) == 0 {
		return nil, nil
	}
	seen := map[string]bool{}
	var out []*match.Item
	add := func(q query.Query, size int) error {
		req := bleve.NewSearchRequestOptions(q, size, 0, false)
		req.Fields = []string{fRecord}
		// Ties in score break by id, so the top K does not depend on how
		// segments happened to merge.
		req.SortBy([]string{"-_score", "_id"})
		res, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("index: candidates for %s: %w", offer.Rec.ID, err)
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				continue
			}
			seen[h.ID] = true
			it, err := ix.item(h.ID, h.Fields)
			if err != nil {
				return err
			}
			out = append(out, it)
		}
		return nil
	}
	if err := add(bleve.NewDisjunctionQuery(clauses...), k); err != nil {
		return nil, err
	}
	if len(gtinClauses) > 0 {
		if err := add(bleve.NewDisjunctionQuery(gtinClauses...), maxGTINShare); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rareTokens returns up to maxTitleTerms distinct tokens that occur in the
// index, rarest first.
func (ix *Index) rareTokens(toks []string) []string {
	type keyDF struct {
		key string
		df  uint64
	}
	var keys []keyDF
	for _, t := range toks { // title keys are distinct already
		if df := ix.DF(t); df > 0 {
			keys = append(keys, keyDF{t, df})
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].df < keys[j].df })
	out := make([]string, 0, min(len(keys), maxTitleTerms))
	for _, k := range keys {
		out = append(out, k.key)
	}
	if len(out) > maxTitleTerms {
		out = out[:maxTitleTerms]
	}
	return out
}
