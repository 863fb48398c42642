package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/followmatch/followmatch/match"
)

var listings = []match.Record{
	{ID: "XM4", GTINs: []string{"027242920187"}, Brand: "Sony", Title: "Sony WH-1000XM4 Wireless Headphones, Black", Model: "WH-1000XM4/B"},
	{ID: "XM5", GTINs: []string{"027242954366"}, Brand: "Sony", Title: "Sony WH-1000XM5 Wireless Headphones, Black", Model: "WH-1000XM5/B"},
	{ID: "W1", GTINs: []string{"632656500025"}, Brand: "FIJI Water", Title: "FIJI Natural Artesian Water 500 mL"},
	{ID: "W24", GTINs: []string{"632656500025"}, Brand: "FIJI Water", Title: "FIJI Natural Artesian Water 500 mL, Pack of 24", PackCount: 24},
	{ID: "PC", Brand: "Anker", Title: "Anker PowerCore 10000 Portable Charger", Model: "A1263"},
	{ID: "SK", Brand: "Lodge", Title: "Lodge 10.25 Inch Cast Iron Skillet", Model: "L8SK3"},
	{ID: "GN2", Brand: "Garmin", Title: "Garmin Auto Nav 010-00576-00"},
	{ID: "GN", Brand: "Garmin", Title: "Garmin Auto Nav 010-00715-20"},
}

func build(t *testing.T) (string, *match.Vocabularies) {
	t.Helper()
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "test.idx")
	ix, err := Create(dir, vs)
	if err != nil {
		t.Fatal(err)
	}
	w, err := ix.NewWriter(2)
	if err != nil {
		t.Fatal(err)
	}
	for i := range listings {
		r := listings[i]
		if err := w.Put(&r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, vs
}

func ids(items []*match.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Rec.ID)
	}
	return out
}

func TestCandidates(t *testing.T) {
	dir, vs := build(t)
	ix, err := Open(dir, vs, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != uint64(len(listings)) {
		t.Fatalf("count = %d, want %d", n, len(listings))
	}
	tests := []struct {
		offer  match.Record
		k      int
		first  string
		all    []string
		reason string
	}{
		{match.Record{ID: "o", GTINs: []string{"0027242920187"}}, 1, "XM4", nil, "a GTIN alone finds its listing (EAN-13 form of the UPC)"},
		{match.Record{ID: "o", Title: "Sony WH1000XM5 headphones"}, 1, "XM5", nil, "a model code in the title"},
		{match.Record{ID: "o", Title: "portable charger powercore"}, 1, "PC", nil, "rare title words"},
		{match.Record{ID: "o", GTINs: []string{"632656500025"}}, 1, "", []string{"W1", "W24"}, "every listing sharing the GTIN, beyond K"},
		{match.Record{ID: "o", Title: "garmin nuvi gps 0100071520"}, 1, "GN", nil, "a part number written without its hyphens"},
	}
	for _, tt := range tests {
		got, err := ix.Candidates(context.Background(), match.Prepare(&tt.offer, vs), tt.k)
		if err != nil {
			t.Fatal(err)
		}
		g := ids(got)
		if tt.first != "" && (len(g) == 0 || g[0] != tt.first) {
			t.Errorf("Candidates(%+v) = %v, want %s first (%s)", tt.offer, g, tt.first, tt.reason)
		}
		for _, want := range tt.all {
			if !strings.Contains(strings.Join(g, ","), want) {
				t.Errorf("Candidates(%+v) = %v, want %s among them (%s)", tt.offer, g, want, tt.reason)
			}
		}
	}
	l, err := ix.Listing(context.Background(), "SK")
	if err != nil || l.Rec.Model != "L8SK3" {
		t.Errorf("Listing(SK) = %+v, %v", l, err)
	}
	if _, err := ix.Listing(context.Background(), "nope"); !errors.Is(err, match.ErrNotFound) {
		t.Errorf("Listing(nope) = %v, want ErrNotFound", err)
	}
	if ix.IDF("sony") >= ix.IDF("skillet") {
		t.Errorf("IDF(sony)=%v should be below IDF(skillet)=%v: sony is in more titles", ix.IDF("sony"), ix.IDF("skillet"))
	}
	if _, err := ix.NewWriter(10); err == nil {
		t.Error("a read-only index accepted a writer")
	}
}

func TestUpdate(t *testing.T) {
	dir, vs := build(t)
	ix, err := Open(dir, vs, false)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := ix.NewWriter(10)
	w.Put(&match.Record{ID: "SK", Brand: "Lodge", Title: "Lodge 12 Inch Cast Iron Skillet", Model: "L10SK3"})
	w.Delete("PC")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = Open(dir, vs, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if l, err := ix.Listing(context.Background(), "SK"); err != nil || l.Rec.Model != "L10SK3" {
		t.Errorf("upserted listing = %+v, %v", l, err)
	}
	if _, err := ix.Listing(context.Background(), "PC"); !errors.Is(err, match.ErrNotFound) {
		t.Errorf("deleted listing still there: %v", err)
	}
	if n, _ := ix.Count(); n != uint64(len(listings)-1) {
		t.Errorf("count after update = %d", n)
	}
	got, err := ix.Candidates(context.Background(), match.Prepare(&match.Record{ID: "o", Title: "Anker PowerCore portable charger A1263, Lodge cast iron skillet"}, vs), 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range got {
		if c.Rec.ID == "PC" {
			t.Errorf("candidates hold the deleted listing PC")
		}
		if c.Rec.ID == "SK" && c.Rec.Model != "L10SK3" {
			t.Errorf("candidates hold the replaced version of SK (model %s)", c.Rec.Model)
		}
	}
	if !slices.Contains(ids(got), "SK") {
		t.Errorf("candidates %v miss the updated SK", ids(got))
	}
}

func TestOpenRefuses(t *testing.T) {
	vs, _ := match.LoadVocabularies()
	empty := t.TempDir()
	if _, err := Open(empty, vs, true); err == nil || !strings.Contains(err.Error(), "no followmatch index") {
		t.Errorf("Open(empty dir) = %v", err)
	}
	dir, _ := build(t)
	if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), []byte("{garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, vs, true); err == nil || !strings.Contains(err.Error(), "rebuild") {
		t.Errorf("Open(corrupt) = %v, want a message saying to rebuild", err)
	}
}

func TestInterruptedWriteIsReported(t *testing.T) {
	dir, vs := build(t)
	ix, err := Open(dir, vs, false)
	if err != nil {
		t.Fatal(err)
	}
	if ix.Interrupted() {
		t.Fatal("a cleanly built index reports an interrupted write")
	}
	w, _ := ix.NewWriter(10)
	w.Put(&match.Record{ID: "NEW", Title: "Acme anvil A100"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	ix.bi.Close() // the process dies: no clean Close
	ix, err = Open(dir, vs, true)
	if err != nil {
		t.Fatalf("an index whose writer died must still open: %v", err)
	}
	if !ix.Interrupted() {
		t.Error("the interrupted write is not reported")
	}
	if _, err := ix.Listing(context.Background(), "NEW"); err != nil {
		t.Errorf("a committed batch is lost: %v", err)
	}
	ix.Close()

	// One small update and a clean close keep the mark: the index is still
	// missing what the stopped build did not write.
	ix, err = Open(dir, vs, false)
	if err != nil {
		t.Fatal(err)
	}
	w, _ = ix.NewWriter(10)
	w.Put(&match.Record{ID: "PUT", Title: "one update"})
	w.Flush()
	ix.Close()
	if ix, _ = Open(dir, vs, true); !ix.Interrupted() {
		t.Error("a small update on an interrupted index cleared the mark")
	}
	ix.Close()
	// A completed update clears it.
	ix, _ = Open(dir, vs, false)
	w, _ = ix.NewWriter(10)
	w.Put(&match.Record{ID: "ALL", Title: "the whole catalog again"})
	w.Flush()
	ix.Completed()
	ix.Close()
	if ix, _ = Open(dir, vs, true); ix.Interrupted() {
		t.Error("a completed update left the mark")
	}
	ix.Close()
}

// TestPutAllBulk loads many listings the way `followmatch index` does:
// several workers, background commits, a compaction at the end.
func TestPutAllBulk(t *testing.T) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "bulk.idx")
	ix, err := Create(dir, vs)
	if err != nil {
		t.Fatal(err)
	}
	w, err := ix.NewWriter(50)
	if err != nil {
		t.Fatal(err)
	}
	const n = 1000
	recs := make(chan *match.Record)
	go func() {
		defer close(recs)
		for i := range n {
			recs <- &match.Record{ID: fmt.Sprintf("L%04d", i), Brand: "Zenfy", Title: fmt.Sprintf("Zenfy Skillet %d inch model ZS%04d", i%30, i)}
		}
		// A row repeated later in the file: the later one wins.
		recs <- &match.Record{ID: "L0007", Brand: "Zenfy", Title: "Zenfy Kettle, revised"}
	}()
	got, err := w.PutAll(context.Background(), recs, nil, 3, nil)
	if err != nil || got != n+1 {
		t.Fatalf("PutAll = %d, %v; want %d rows written", got, err, n+1)
	}
	if err := w.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	zaps, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if len(zaps) != 1 {
		t.Errorf("after Compact the index has %d segment files, want 1 (replaced files removed)", len(zaps))
	}
	ix, err = Open(dir, vs, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if c, _ := ix.Count(); c != n {
		t.Errorf("Count = %d, want %d", c, n)
	}
	it, err := ix.Listing(context.Background(), "L0007")
	if err != nil || it.Rec.Title != "Zenfy Kettle, revised" {
		t.Errorf("L0007 = %v, %v; want the row given last", it, err)
	}
	cands, err := ix.Candidates(context.Background(), match.Prepare(&match.Record{ID: "o", Title: "Zenfy skillet ZS0123"}, vs), 5)
	if err != nil || len(cands) == 0 || cands[0].Rec.ID != "L0123" {
		t.Errorf("candidates for ZS0123 = %v, %v; want L0123 first", ids(cands), err)
	}
}

// TestCandidatesByWords: an offer whose code the listing does not carry
// still finds it by the brand's words, ahead of the code's siblings.
func TestCandidatesByWords(t *testing.T) {
	vs, _ := match.LoadVocabularies()
	ix, err := Create(filepath.Join(t.TempDir(), "w.idx"), vs)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w, _ := ix.NewWriter(100)
	put := func(r match.Record) {
		if err := w.Put(&r); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= 40; i++ {
		for _, lb := range []int{20, 40} {
			put(match.Record{ID: fmt.Sprintf("H%d-%d", i, lb), Brand: "Halmarro", Title: fmt.Sprintf("Halmarro, Max %d, Cat Litter, %d lb", i, lb)})
		}
		put(match.Record{ID: fmt.Sprintf("T%d", i), Brand: "Halmarro", Title: fmt.Sprintf("Halmarro, Max %d, Travel Mug, 20 oz, TM-30%02d", i, i)})
	}
	for i, other := range []string{"Zenfy", "Lobritek", "Solpax"} {
		put(match.Record{ID: fmt.Sprintf("O%d", i), Brand: other, Title: other + " Garden Hose 50 ft GH-3059"})
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	offer := match.Prepare(&match.Record{ID: "o", Brand: "Halmarro Inc.", Title: "Halmarro Max 14 Cat CL-3059 Litter 40 lb"}, vs)
	got, err := ix.Candidates(context.Background(), offer, 5)
	if err != nil {
		t.Fatal(err)
	}
	if g := ids(got); !slices.Contains(g, "H14-40") {
		t.Errorf("Candidates = %v, want H14-40 (Max 14, 40 lb) among the top 5", g)
	}
}

// TestOpenInUse: while a writer holds the index, another open fails within
// a few seconds, naming the writer's pid, instead of hanging.
func TestOpenInUse(t *testing.T) {
	dir, vs := build(t)
	w, err := Open(dir, vs, false)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Open(dir, vs, true)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("read-only open beside a writer: %v; want ErrInUse naming pid %d", err, os.Getpid())
	}
	if el := time.Since(start); el > 3*lockWait {
		t.Errorf("took %s to give up", el)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir, vs, true)
	if err != nil {
		t.Fatalf("after the writer closed: %v", err)
	}
	r.Close()
}
