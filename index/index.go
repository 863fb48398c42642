// Package index keeps the listing catalog in a Bleve index on disk: the
// normalized retrieval fields (GTINs, model codes and their bases, the brand
// key, title keys and brand-qualified title keys) plus each listing's record
// with its image fingerprints, stored for scoring. It retrieves the top-K candidate listings of an offer and
// satisfies match.CandidateSource and match.ListingGetter.
package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
	bolt "go.etcd.io/bbolt"

	"github.com/followmatch/followmatch/match"
)

// Field names in the Bleve documents.
const (
	fGTIN   = "gtin"
	fCodes  = "codes"
	fBrand  = "brand"
	fTitle  = "title"
	fRecord = "rec"
	// fBrandKeys holds brand-qualified title keys ("zenfy_skillet"): their
	// posting lists hold one brand's listings only, so ranking a brand's
	// listings by title costs a few short lists instead of a conjunction
	// over the brand's whole list.
	fBrandKeys = "bkeys"
)

// formatKey marks a directory as a followmatch index of this format.
var formatKey = []byte("followmatch.format")

// writingKey is set while a writer is open, and cleared when it closes
// cleanly: an index that still carries it was written by a process that
// stopped mid-way. Once set by a stopped process it stays, through later
// small updates, until a complete update (Completed) clears it.
var writingKey = []byte("followmatch.writing")

// formatVersion changes when the terms a listing is indexed under do (a
// change in the features alone does not: they are read back only by the
// program that wrote them, features.go): 3
// keys counts as one unit ("20pk" and "20 count") and reads ".7mm" as 0.7 mm;
// 4 reads the marks typed for an apostrophe as one ("Traveler´s"); 5 reads
// German product words and British spellings as their American English
// (vocab/translations.json: "Bohnen" is indexed as "bean", "colour" as
// "color"); 6 reads no model code from a brand written with digits
// ("WD-40") nor from an SAE viscosity grade ("5W-30"); 7 none from a rated
// memory spec ("DDR3L-1600"), numbers or quantities joined by slashes
// ("10/100/1000") nor an aperture with a lens-series letter ("f/2.8L"); 8
// keys hours as one unit ("24HR" and "24 Hour" are one key); 9 and 10 read
// sizes and counts anew; 11 keys a brand written "BRAND by MAKER" as the
// brand's own ("Howard Leight by Honeywell" is "howardleight") and reads no
// model code from a noise reduction rating ("NRR33") nor from dimensions
// ("16x25x1"), and keys gallons, pints and yards as units ("1gal"); 12
// reads no model code from a tire size ("225/65R17", a size); 13 none from
// a screen resolution ("1920x1080") nor from a title written as a slug
// ("bicycle-chain-cn-hg95-super-narrow" is its words), and keys "Party
// Size, 13 oz" as a size word and a quantity ("13oz"), not "sz13", a foot
// mark as feet ("6'6\"" as "6ft 6in") and a word's initial before its
// zero-padded number as the number ("Floater F05" as "floater 05"); 14
// drops a trademark or service mark written after a word ("SUPER™" is
// "super", not "supertm") and spells the plus sign after a short model
// number ("FP4+" is "fp4 plus").
const formatVersion = "14"

// tokensAnalyzer splits on whitespace only: titles go in as their
// match.Item.TitleKeys joined by spaces, so index terms are exactly the keys
// the title comparison sees.
const tokensAnalyzer = "followmatch_tokens"

// Index is an open listing index. Reads are safe for concurrent use.
type Index struct {
	dir string
	bi  bleve.Index
	// interrupted: the last writer stopped without closing (see
	// Interrupted).
	interrupted bool
	writing     bool
	vocab       *match.Vocabularies
	readOnly    bool
	// writer identifies the features this program stores and reads
	// (features.go), found once.
	writerOnce sync.Once
	writer     string
	// ranks holds the id order of the listings of a bulk-built index
	// (ranks.go), read on first use; nil until then and after a rewrite.
	ranks atomic.Pointer[ranksLoad]

	// items caches prepared listings by id (decoding the stored record and
	// preparing it is most of a candidate's cost); cleared when full, and
	// by every write.
	itemsMu sync.Mutex
	items   map[string]*match.Item
	docs    atomic.Uint64
	// rd is a snapshot reader for term counts, kept until a write.
	readerMu sync.RWMutex
	rd       bindex.IndexReader
	dfMu     sync.RWMutex
	// df and dfOld are the document frequencies read so far, in two
	// generations: when df is full it becomes dfOld, and a count found in
	// dfOld moves back to df, so the counts in use survive (a single map
	// emptied when full read every count again after each emptying).
	df, dfOld map[dfKey]uint64
}

// dfKey names a term of a field.
type dfKey struct{ field, term string }

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
		// Retrieval reads posting bitmaps only: no frequencies or norms.
		f.SkipFreqNorm = true
		return f
	}
	title := bleve.NewTextFieldMapping()
	title.SkipFreqNorm = true
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
	for _, f := range []string{fGTIN, fCodes, fBrand, fBrandKeys} {
		doc.AddFieldMappingsAt(f, kw())
	}
	doc.AddFieldMappingsAt(fTitle, title)
	doc.AddFieldMappingsAt(fRecord, rec)
	doc.AddFieldMappingsAt(fFeatures, rec)
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
	ix := &Index{dir: dir, bi: bi, vocab: vs}
	ix.holdPID()
	return ix, nil
}

// lockWait bounds how long Open waits for another process to release the
// index: Bleve's root file takes an exclusive lock for a writer and shared
// locks for readers.
const lockWait = 2 * time.Second

// pidFile, in an index directory, holds the pid of the process that has the
// index open for writing, to name it when another process cannot open it.
const pidFile = "followmatch.pid"

// ErrInUse reports an index another process holds.
var ErrInUse = errors.New("index is in use by another process")

// Open opens an existing index; readOnly opens it for matching only, so
// several processes may read it at once. While another process writes the
// index (serve, index), or reads it while this one would write, Open fails
// after a short wait with ErrInUse, naming the writer's pid when known.
func Open(dir string, vs *match.Vocabularies, readOnly bool) (*Index, error) {
	if !Exists(dir) {
		return nil, fmt.Errorf("index: open %s: no followmatch index there (build one with `followmatch index --listings FILE --index %s`)", dir, dir)
	}
	cfg := map[string]any{"bolt_timeout": lockWait.String()}
	if readOnly {
		cfg["read_only"] = true
	}
	inUse := func(holder string) error {
		return fmt.Errorf("index: open %s: %w (%s); stop it or try again", dir, ErrInUse, holder)
	}
	if err := verifyFiles(dir); err != nil {
		if pid := writerPID(dir); pid > 0 {
			// A segment being written by the process holding the index.
			return nil, inUse(fmt.Sprintf("pid %d, which writes it (serve or index)", pid))
		}
		return nil, fmt.Errorf("index: open %s: %w: rebuild it", dir, err)
	}
	bi, err := openBleve(dir, cfg)
	if errors.Is(err, bolt.ErrTimeout) {
		if pid := writerPID(dir); pid > 0 {
			return nil, inUse(fmt.Sprintf("pid %d, which writes it (serve or index)", pid))
		}
		return nil, inUse("a process reading it (match, explain)")
	}
	if errors.Is(err, fs.ErrPermission) {
		return nil, fmt.Errorf("index: open %s: %w", dir, err)
	}
	if err != nil {
		if !errors.Is(err, ErrDamaged) {
			err = fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return nil, fmt.Errorf("index: open %s: %w: rebuild it", dir, err)
	}
	v, err := bi.GetInternal(formatKey)
	if err != nil || string(v) != formatVersion {
		bi.Close()
		return nil, fmt.Errorf("index: open %s: written by another followmatch version (index format %q, this one reads %q): remove %s and index all the listings again", dir, v, formatVersion, dir)
	}
	ix := &Index{dir: dir, bi: bi, vocab: vs, readOnly: readOnly}
	if w, _ := bi.GetInternal(writingKey); len(w) > 0 {
		ix.interrupted = true
	}
	if !readOnly {
		ix.holdPID()
	}
	return ix, nil
}

// openBleve opens a Bleve index, turning a panic on damaged files (a footer
// whose offsets point outside the file) into an error.
func openBleve(dir string, cfg map[string]any) (bi bleve.Index, err error) {
	defer func() {
		if p := recover(); p != nil {
			bi, err = nil, fmt.Errorf("%w: %v", ErrDamaged, p)
		}
	}()
	return bleve.OpenUsing(dir, cfg)
}

// writerPID returns the pid of a live process holding the index for
// writing, or 0.
func writerPID(dir string) int {
	b, err := os.ReadFile(filepath.Join(dir, pidFile))
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 || !alive(pid) {
		return 0
	}
	return pid
}

// holdPID records this process as the index's writer; a failure only costs
// the pid in another process's message.
func (ix *Index) holdPID() {
	os.WriteFile(filepath.Join(ix.dir, pidFile), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
}

// Interrupted reports whether the last process writing this index stopped
// before closing it: the index holds the listings of the batches it
// committed, and running the same update again completes it (updates are
// upserts).
func (ix *Index) Interrupted() bool { return ix.interrupted }

// Completed records that the writes of this process made the index whole
// again (a full `followmatch index` run over the listings): Close then
// clears the interrupted mark, which small updates on an interrupted index
// leave in place.
func (ix *Index) Completed() { ix.interrupted = false }

// Close closes the index; a writable index records that its writes ended
// cleanly, unless it was interrupted before and nothing completed it.
func (ix *Index) Close() error {
	ix.dropReader()
	if !ix.readOnly && ix.writing && !ix.interrupted {
		if err := ix.bi.DeleteInternal(writingKey); err != nil {
			ix.bi.Close()
			return fmt.Errorf("index: close %s: %w", ix.dir, err)
		}
	}
	if !ix.readOnly {
		os.Remove(filepath.Join(ix.dir, pidFile))
	}
	if err := ix.bi.Close(); err != nil {
		return fmt.Errorf("index: close %s: %w", ix.dir, err)
	}
	return nil
}

// Count returns the number of listings in the index.
func (ix *Index) Count() (uint64, error) { return ix.bi.DocCount() }

// Listing returns one listing by id, or match.ErrNotFound.
func (ix *Index) Listing(ctx context.Context, id string) (*match.Item, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{fRecord, fFeatures}
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: get %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, match.ErrNotFound
	}
	rec, ok := res.Hits[0].Fields[fRecord].(string)
	if !ok {
		return nil, fmt.Errorf("index: listing %s has no stored record", id)
	}
	feat, _ := res.Hits[0].Fields[fFeatures].(string)
	return ix.itemFromRecord(res.Hits[0].ID, rec, feat)
}

// maxCachedDF bounds the document-frequency cache.
const maxCachedDF = 200000

// The prepared-listing cache holds a catalog of up to wholeCatalogItems
// listings whole (it then never misses), and partialCacheItems of a larger
// one. Small on purpose: a prepared listing holds ~10 KB of maps and
// slices, and in a large catalog few candidates come back soon enough for
// a larger cache to pay for the heap the collector then scans (match at
// 1M, 20,000 offers, three alternating runs: 2,000 items 11.0-13.1 s and
// 560-590 MB RSS; 20,000 items 12.2-14.4 s and 810 MB; 100,000 items 34 s).
const (
	wholeCatalogItems = 20000
	partialCacheItems = 2000
)

// cachedItems is the size of the prepared-listing cache for this catalog.
func (ix *Index) cachedItems() int {
	if n := ix.docCount(); n <= wholeCatalogItems {
		return wholeCatalogItems
	}
	return partialCacheItems
}

// itemFromRecord returns the prepared listing id whose stored record is
// rec, from the cache when it is there.
func (ix *Index) itemFromRecord(id, rec, feat string) (*match.Item, error) {
	ix.itemsMu.Lock()
	it, ok := ix.items[id]
	ix.itemsMu.Unlock()
	if ok {
		return it, nil
	}
	it, err := ix.decodeItem(id, rec, feat)
	if err != nil {
		return nil, err
	}
	ix.itemsMu.Lock()
	if limit := ix.cachedItems(); ix.items == nil || len(ix.items) >= limit {
		ix.items = make(map[string]*match.Item, limit)
	}
	ix.items[id] = it
	ix.itemsMu.Unlock()
	return it, nil
}

func (ix *Index) forget(id string) {
	ix.itemsMu.Lock()
	delete(ix.items, id)
	ix.itemsMu.Unlock()
}

// decodeItem reads a listing's stored record, and its stored features when
// this program wrote them (else it prepares the record).
func (ix *Index) decodeItem(id, stored, feat string) (*match.Item, error) {
	if len(stored) == 0 {
		return nil, fmt.Errorf("index: listing %s has no stored record", id)
	}
	rec, err := match.DecodeRecord(stored)
	if err != nil {
		return nil, fmt.Errorf("index: listing %s: stored record: %w: rebuild the index", id, err)
	}
	if it, err := ix.readFeatures(rec, feat); it != nil || err != nil {
		return it, err
	}
	return match.Prepare(rec, ix.vocab), nil
}

// docCount returns the number of listings, read once per change.
func (ix *Index) docCount() uint64 {
	if n := ix.docs.Load(); n > 0 {
		return n
	}
	n, _ := ix.bi.DocCount()
	ix.docs.Store(n)
	return n
}

// statsChanged drops the counts cached for IDF and query planning after a
// write, so the next match sees the catalog as it is.
func (ix *Index) statsChanged() {
	ix.dropReader()
	ix.docs.Store(0)
	// A prepared listing keeps its title weights under the catalog's
	// counts of when it was first compared (match.Item caches them): the
	// cache goes with the counts.
	ix.itemsMu.Lock()
	ix.items = nil
	ix.itemsMu.Unlock()
	ix.dfMu.Lock()
	ix.df, ix.dfOld = nil, nil
	ix.dfMu.Unlock()
}

// DF returns how many listings have the title key tok. Counts are read
// from the index once per key and cached.
func (ix *Index) DF(tok string) uint64 { return ix.fieldDF(fTitle, tok) }

func (ix *Index) fieldDF(field, term string) uint64 {
	key := dfKey{field, term}
	ix.dfMu.RLock()
	n, ok := ix.df[key]
	old := false
	if !ok {
		n, old = ix.dfOld[key]
	}
	ix.dfMu.RUnlock()
	if ok {
		return n
	}
	if !old {
		var err error
		if n, err = ix.termCount(field, term); err != nil {
			return 0
		}
	}
	ix.dfMu.Lock()
	// Bound the cache, so a long run's memory stays flat.
	if ix.df == nil || len(ix.df) >= maxCachedDF/2 {
		ix.df, ix.dfOld = make(map[dfKey]uint64, 1024), ix.df
	}
	ix.df[key] = n
	ix.dfMu.Unlock()
	return n
}

func (ix *Index) termCount(field, term string) (uint64, error) {
	r, err := ix.reader()
	if err != nil {
		return 0, err
	}
	defer ix.readerMu.RUnlock()
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// reader returns the snapshot reader that counts terms, opening it when
// there is none; it holds readerMu for reading until the caller releases it.
func (ix *Index) reader() (bindex.IndexReader, error) {
	ix.readerMu.RLock()
	if ix.rd != nil {
		return ix.rd, nil
	}
	ix.readerMu.RUnlock()
	ix.readerMu.Lock()
	if ix.rd == nil {
		adv, err := ix.bi.Advanced()
		if err == nil {
			ix.rd, err = adv.Reader()
		}
		if err != nil {
			ix.readerMu.Unlock()
			return nil, err
		}
	}
	ix.readerMu.Unlock()
	return ix.reader()
}

// dropReader closes the counting reader so the next count sees the index
// as it is now.
func (ix *Index) dropReader() {
	ix.readerMu.Lock()
	if ix.rd != nil {
		ix.rd.Close()
		ix.rd = nil
	}
	ix.readerMu.Unlock()
}

// IDF returns the inverse document frequency of a title key among the
// indexed listings (match.IDF).
func (ix *Index) IDF(tok string) float64 { return match.IDF(ix.docCount(), ix.DF(tok)) }

// maxTitleTerms bounds the title terms of a candidate query: the rarest
// ones carry the signal, the common ones only cost posting-list walks.
const maxTitleTerms = 6

// maxGTINShare bounds the listings returned for one shared GTIN.
const maxGTINShare = 100

// Candidates returns the top k listings for the offer by a disjunction of
// GTIN terms (boosted most), model code terms, brand-qualified and rare
// title keys, and, when those are too few, the listings of the rarest key
// ranked by the next ones; plus every listing sharing one of the offer's
// GTINs (at most maxGTINShare).
func (ix *Index) Candidates(ctx context.Context, offer *match.Item, k int) ([]*match.Item, error) {
	q := ix.plan(offer)
	if q.clauses() == 0 {
		return nil, nil
	}
	snap, err := ix.snapshot()
	if err != nil {
		return nil, fmt.Errorf("index: candidates for %s: %w", offer.Rec.ID, err)
	}
	defer snap.DecRef()
	s := newSearcher(snap, ix.idRanks())
	hits, err := s.run(ctx, q, k, maxGTINShare)
	if err != nil {
		return nil, fmt.Errorf("index: candidates for %s: %w", offer.Rec.ID, err)
	}
	out := make([]*match.Item, 0, len(hits))
	for _, h := range hits {
		it, err := ix.load(s, h)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

// plan chooses the terms of the offer's candidate query.
func (ix *Index) plan(offer *match.Item) *query {
	n := ix.docCount()
	q := &query{}
	exact := false
	for _, g := range offer.GTINs() {
		if df := ix.fieldDF(fGTIN, string(g)); df > 0 {
			q.terms = append(q.terms, weigh(fGTIN, string(g), df, n, 10))
			exact = true
		}
	}
	codes := offer.CodeTerms()
	// A part number written without its hyphens ("0100071520" for
	// "010-00715-20") is not read as a code, but may be one in the index.
	for _, k := range offer.TitleKeys() {
		if len(k) >= 6 && strings.Trim(k, "0123456789") == "" && !slices.Contains(codes, k) {
			codes = append(codes, k)
		}
	}
	for _, c := range codes {
		if df := ix.fieldDF(fCodes, c); df > 0 {
			q.terms = append(q.terms, weigh(fCodes, c, df, n, 5))
		}
	}
	// Title keys: the rare ones are cheap to walk on their own; with the
	// brand, brand-qualified keys visit only the brand's listings.
	words := offer.WordKeys()
	rare, common := ix.titleTerms(words)
	brand := offer.BrandKey()
	if brand == "" && len(offer.TitleKeys()) > 0 && ix.fieldDF(fBrand, offer.TitleKeys()[0]) > 0 {
		// No brand field: titles usually lead with the brand.
		brand = offer.TitleKeys()[0]
	}
	var bkeys []termDF // brand keys in the index, rarest first
	if brand != "" {
		bkeys = ix.byDF(fBrandKeys, brandKeys(brand, append(termsOf(rare), termsOf(common)...)))
		for i, k := range bkeys {
			if k.df > ix.rareCap() || i == maxTitleTerms {
				break
			}
			q.terms = append(q.terms, weigh(fBrandKeys, k.t, k.df, n, 1.5))
		}
	}
	// Rare title keys on their own reach listings of another (or a
	// misspelled) brand; with brand keys in hand the rarest few suffice.
	if brand != "" && len(rare) > 2 {
		rare = rare[:2]
	}
	for _, t := range rare {
		q.terms = append(q.terms, weigh(fTitle, t.t, t.df, n, 1))
	}
	if !exact {
		// Too few distinctive terms (a big brand's common words): scope by
		// the rarest key and rank within it by the next ones.
		field, keys := fBrandKeys, bkeys
		if len(keys) < 2 {
			field, keys = fTitle, append(append([]termDF(nil), rare...), common...)
			sort.SliceStable(keys, func(i, j int) bool { return keys[i].df < keys[j].df })
		}
		// A second scope, when it is cheap, so that one noisy word (a
		// shuffled "3 ft") cannot shut the listing out.
		for scope := 0; scope < 2 && len(keys) >= 2+scope; scope++ {
			if scope > 0 && keys[scope].df > 4*ix.rareCap() {
				break
			}
			g := group{scope: weigh(field, keys[scope].t, keys[scope].df, n, 1)}
			for i, k := range keys[:min(len(keys), 6)] {
				if i != scope {
					g.rest = append(g.rest, weigh(field, k.t, k.df, n, 1))
				}
			}
			q.groups = append(q.groups, g)
		}
	}
	if q.clauses() == 0 && len(common) > 0 {
		// Nothing rare to go by: the rarest common key, so the offer still
		// gets candidates (and a nearest listing).
		q.terms = append(q.terms, weigh(fTitle, common[0].t, common[0].df, n, 1))
	}
	return q
}

func termsOf(ts []termDF) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.t
	}
	return out
}

// rareCap is the document frequency above which a term is too common to
// walk on its own: 1% of the listings, at least 100 and at most 500, so a
// query's cost stays flat as the catalog grows.
func (ix *Index) rareCap() uint64 {
	return min(max(100, ix.docCount()/100), 500)
}

// termDF is a term and its document frequency.
type termDF struct {
	t  string
	df uint64
}

// byDF returns the terms of field that occur in the index with their
// document frequencies, rarest first.
func (ix *Index) byDF(field string, terms []string) []termDF {
	var all []termDF
	for _, t := range terms {
		if df := ix.fieldDF(field, t); df > 0 {
			all = append(all, termDF{t, df})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].df < all[j].df })
	return all
}

// titleTerms splits the offer's title keys that occur in the index into
// rare ones (at most maxTitleTerms, rarest first, under rareCap) and common
// ones (at most maxTitleTerms, rarest first).
func (ix *Index) titleTerms(toks []string) (rare, common []termDF) {
	limit := ix.rareCap()
	for _, k := range ix.byDF(fTitle, toks) { // title keys are distinct already
		if k.df <= limit && len(rare) < maxTitleTerms {
			rare = append(rare, k)
		} else if len(common) < maxTitleTerms {
			common = append(common, k)
		}
	}
	return rare, common
}

// brandKeys qualifies title keys with the brand.
func brandKeys(brand string, keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if k != brand {
			out = append(out, brand+"_"+k)
		}
	}
	return out
}
