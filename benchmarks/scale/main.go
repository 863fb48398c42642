// Command scale measures bulk matching at catalog scale on generated
// catalogs (benchmarks/gen): index build rate and size, match throughput
// and memory of the real binary, candidate recall@K and decision accuracy
// against the ground truth, and the per-offer cost beside a bare Bleve
// candidate query on the same index. It writes the scale section of
// benchmarks/RESULTS.md.
//
//	go run ./benchmarks/scale -sizes 10000,100000,1000000 -offers 20000
package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/followmatch/followmatch/benchmarks/internal/fsize"
	"github.com/followmatch/followmatch/benchmarks/internal/results"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/index"
	"github.com/followmatch/followmatch/match"
)

var beginMark, endMark = results.Markers("scale")

type sizeResult struct {
	listings, offers          int
	buildRate, bytesPerDoc    float64
	buildRSS                  int64
	matchRate                 float64
	matchRSS                  int64
	recall                    float64
	k                         int
	precision, recallDecision float64
	perOffer, bareQuery       time.Duration
	bigOffers                 int
	bigRSS                    int64
	bigRate                   float64
}

func main() {
	sizes := flag.String("sizes", "10000,100000,1000000", "catalog sizes (listings)")
	offers := flag.Int("offers", 20000, "offers matched per size")
	bigOffers := flag.Int("big-offers", 0, "also match this many offers against the largest catalog (memory flat in offer count)")
	out := flag.String("out", "build/scale", "work `dir`")
	bin := flag.String("bin", "bin", "`dir` holding followmatch and gen binaries")
	resultsPath := flag.String("results", "benchmarks/RESULTS.md", "results `file`")
	sample := flag.Int("sample", 2000, "offers sampled for recall@K and the side-by-side query timing")
	reuse := flag.Bool("reuse", false, "match against the catalogs and indexes already in -out (no generation, no build; for tuning retrieval): prints the figures, leaves RESULTS.md alone")
	flag.Parse()
	var res []sizeResult
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fatal(fmt.Errorf("-sizes: %w", err))
		}
		ns = append(ns, n)
	}
	for i, n := range ns {
		big := 0
		if i == len(ns)-1 {
			big = *bigOffers
		}
		r, err := runSize(*bin, *out, n, *offers, big, *sample, *reuse)
		if err != nil {
			fatal(err)
		}
		res = append(res, r)
		fmt.Fprintf(os.Stderr, "%d listings: build %.0f/s, %.0f B/listing; match %.0f offers/s, RSS %d MB; recall@%d %.4f; decisions P %.3f R %.3f\n",
			n, r.buildRate, r.bytesPerDoc, r.matchRate, r.matchRSS>>20, r.k, r.recall, r.precision, r.recallDecision)
	}
	if *reuse {
		fmt.Print(render(res))
		return
	}
	if err := results.WriteSection(*resultsPath, "scale", render(res)); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "scale:", err)
	os.Exit(1)
}

// timed runs a command and returns its wall time and peak RSS.
func timed(name string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	el := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%s %v: %w\n%s", name, args, err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return el, ru.Maxrss * 1024, nil
}

func runSize(bin, out string, n, offers, big, sample int, reuse bool) (sizeResult, error) {
	r := sizeResult{listings: n, offers: offers}
	dir := filepath.Join(out, fmt.Sprintf("n%d", n))
	idx := filepath.Join(dir, "idx")
	if reuse {
		if _, err := os.Stat(idx); err != nil {
			return r, fmt.Errorf("-reuse: %w (run without -reuse first)", err)
		}
	} else {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return r, err
		}
		if _, _, err := timed(filepath.Join(bin, "gen"), "-listings", fmt.Sprint(n), "-offers", fmt.Sprint(max(offers, big)), "-out", dir); err != nil {
			return r, err
		}
		os.RemoveAll(idx)
		el, rss, err := timed(filepath.Join(bin, "followmatch"), "index", "--listings", filepath.Join(dir, "listings.jsonl"), "--index", idx)
		if err != nil {
			return r, err
		}
		r.buildRate, r.buildRSS = float64(n)/el.Seconds(), rss
	}
	r.bytesPerDoc = float64(fsize.Dir(idx)) / float64(n)

	offersFile := filepath.Join(dir, "offers.jsonl")
	if big > offers || reuse {
		if err := head(offersFile, filepath.Join(dir, "offers-small.jsonl"), offers); err != nil {
			return r, err
		}
		offersFile = filepath.Join(dir, "offers-small.jsonl")
	}
	resultsFile := filepath.Join(dir, "results.jsonl")
	el, rss, err := timed(filepath.Join(bin, "followmatch"), "match", "--index", idx, "--offers", offersFile, "--out", resultsFile, "--workers", "2")
	if err != nil {
		return r, err
	}
	r.matchRate, r.matchRSS = float64(offers)/el.Seconds(), rss
	if big > offers {
		el, rss, err = timed(filepath.Join(bin, "followmatch"), "match", "--index", idx, "--offers", filepath.Join(dir, "offers.jsonl"), "--out", filepath.Join(dir, "results-big.jsonl"), "--workers", "2")
		if err != nil {
			return r, err
		}
		// The generator skips offers of duplicate listings: count the rows.
		rows, err := countLines(filepath.Join(dir, "offers.jsonl"))
		if err != nil {
			return r, err
		}
		r.bigOffers, r.bigRSS, r.bigRate = rows, rss, float64(rows)/el.Seconds()
	}
	truth, err := readTruth(filepath.Join(dir, "truth.csv"))
	if err != nil {
		return r, err
	}
	if r.precision, r.recallDecision, err = decisions(resultsFile, truth); err != nil {
		return r, err
	}
	return r, recallAndCost(&r, idx, offersFile, truth, sample)
}

// countLines returns the number of lines in a file.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

func head(src, dst string, n int) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	w := bufio.NewWriter(out)
	for i := 0; i < n && sc.Scan(); i++ {
		w.Write(sc.Bytes())
		w.WriteByte('\n')
	}
	return w.Flush()
}

// readTruth maps offer id -> the listing ids that are the same item (empty
// when none).
func readTruth(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	t := map[string][]string{}
	for _, row := range rows[1:] {
		if row[1] == "" {
			t[row[0]] = nil
		} else {
			t[row[0]] = strings.Split(row[1], "|")
		}
	}
	return t, nil
}

// decisions scores the same-item decisions (eligible or blocked) of a run.
func decisions(path string, truth map[string][]string) (precision, recall float64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var tp, fp, pos int
	for sc.Scan() {
		var r match.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return 0, 0, err
		}
		want := truth[r.OfferID]
		if len(want) > 0 {
			pos++
		}
		if r.Decision == match.Eligible || r.Decision == match.Blocked {
			if contains(want, r.ListingID) {
				tp++
			} else {
				fp++
			}
		}
	}
	return float64(tp) / float64(max(1, tp+fp)), float64(tp) / float64(max(1, pos)), sc.Err()
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// recallAndCost measures candidate recall@K on sampled offers that have a
// listing, and times the full per-offer path (retrieval, scoring, decision)
// beside a bare Bleve query (the title as one match query, top K) on the
// same index, interleaved.
func recallAndCost(r *sizeResult, idx, offers string, truth map[string][]string, sample int) error {
	vs, err := match.LoadVocabularies()
	if err != nil {
		return err
	}
	ix, err := index.Open(idx, vs, true)
	if err != nil {
		return err
	}
	defer ix.Close()
	bi, err := bleve.OpenUsing(idx, map[string]any{"read_only": true})
	if err == nil {
		// Bleve allows one writer; the read-only handle shares the files.
		defer bi.Close()
	}
	cfg := match.DefaultConfig()
	r.k = cfg.Candidates
	m := &match.Matcher{Scorer: match.NewScorer(cfg, ix.IDF), Source: ix, Rules: match.NewRules(match.Policy{}, match.Seller{}, vs), Vocab: vs}
	rd, err := catalog.Open(offers, catalog.Options{})
	if err != nil {
		return err
	}
	defer rd.Close()
	found, pos := 0, 0
	var full, bare []time.Duration
	ctx := context.Background()
	for n := 0; n < sample; {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || row.Err != nil {
			continue
		}
		n++
		it := match.Prepare(row.Record, vs)
		start := time.Now()
		m.Match(ctx, row.Record)
		full = append(full, time.Since(start))
		if bi != nil {
			q := bleve.NewMatchQuery(strings.Join(it.TitleKeys(), " "))
			q.SetField("title")
			start = time.Now()
			if _, err := bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(query.Query(q), cfg.Candidates, 0, false)); err != nil {
				return err
			}
			bare = append(bare, time.Since(start))
		}
		want := truth[row.Record.ID]
		if len(want) == 0 {
			continue
		}
		pos++
		cands, err := ix.Candidates(ctx, it, cfg.Candidates)
		if err != nil {
			return err
		}
		for _, c := range cands {
			if contains(want, c.Rec.ID) {
				found++
				break
			}
		}
	}
	r.recall = float64(found) / float64(max(1, pos))
	r.perOffer, r.bareQuery = medianDur(full), medianDur(bare)
	return nil
}

func medianDur(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func render(res []sizeResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## Bulk matching at scale\n\nMade by `make scale` on %s (2 cores): generated catalogs (`benchmarks/gen`, no images), the real\n", beginMark, time.Now().UTC().Format("2006-01-02"))
	b.WriteString("binary for `index` and `match --workers 2` (wall time, peak RSS), recall@K and the side-by-side query cost in process\n")
	b.WriteString("on sampled offers (medians). Decisions: same-item decisions (eligible/blocked) against the generated truth.\n\n")
	b.WriteString("| listings | build listings/s | index bytes/listing | match offers/s | match RSS | recall@K | decisions P / R | per offer: full path vs bare Bleve query |\n|---|---|---|---|---|---|---|---|\n")
	for _, r := range res {
		fmt.Fprintf(&b, "| %d | %.0f | %.0f | %.0f | %d MB | %.4f (K=%d) | %.3f / %.3f | %s vs %s |\n", r.listings, r.buildRate, r.bytesPerDoc,
			r.matchRate, r.matchRSS>>20, r.recall, r.k, r.precision, r.recallDecision, r.perOffer.Round(time.Microsecond), r.bareQuery.Round(time.Microsecond))
	}
	for _, r := range res {
		if r.bigOffers > 0 {
			fmt.Fprintf(&b, "\nMemory against offer count, %d listings: %d offers peak RSS %d MB; %d offers peak RSS %d MB (%.0f offers/s).\n",
				r.listings, r.offers, r.matchRSS>>20, r.bigOffers, r.bigRSS>>20, r.bigRate)
		}
	}
	b.WriteString(endMark + "\n")
	return b.String()
}
