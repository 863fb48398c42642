// Command cluster measures bulk matching on NATS JetStream workers against
// a local run on the same index: a generated catalog (benchmarks/gen), one
// worker process with 2 matchers and two with 1 each, against `match` on
// this machine with 2; and the pool's own cost per batch, measured with
// rows that need no matching. It rewrites the cluster section of
// RESULTS.md.
//
//	go build -o bin/followmatch ./cmd/followmatch && go build -o bin/gen ./benchmarks/gen
//	go run ./benchmarks/cluster -listings 1000000 -offers 20000
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/followmatch/followmatch/benchmarks/internal/fsize"
	"github.com/followmatch/followmatch/benchmarks/internal/results"
	"github.com/followmatch/followmatch/cluster"
	"github.com/followmatch/followmatch/match"
	"github.com/nats-io/nats.go/jetstream"
)

func main() {
	listings := flag.Int("listings", 1000000, "catalog size")
	offers := flag.Int("offers", 20000, "offers matched per run")
	out := flag.String("out", "build/cluster", "work `dir`")
	bin := flag.String("bin", "bin", "`dir` holding followmatch and gen")
	batch := flag.Int("batch", 200, "offers per batch")
	rounds := flag.Int("rounds", 2, "runs of each setup (the median is reported)")
	reuse := flag.Bool("reuse", false, "use the catalog and index already in -out")
	resultsPath := flag.String("results", "benchmarks/RESULTS.md", "results `file` (\"\" for none)")
	flag.Parse()
	if err := run(*listings, *offers, *batch, *rounds, *out, *bin, *resultsPath, *reuse); err != nil {
		fmt.Fprintln(os.Stderr, "cluster:", err)
		os.Exit(1)
	}
}

func run(n, offers, batch, rounds int, out, bin, resultsPath string, reuse bool) error {
	dir := filepath.Join(out, fmt.Sprintf("n%d", n))
	idx := filepath.Join(dir, "idx")
	fm := filepath.Join(bin, "followmatch")
	if !reuse {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := cmd(filepath.Join(bin, "gen"), "-listings", fmt.Sprint(n), "-offers", fmt.Sprint(offers), "-out", dir); err != nil {
			return err
		}
		os.RemoveAll(idx)
		if err := cmd(fm, "index", "--listings", filepath.Join(dir, "listings.jsonl"), "--index", idx); err != nil {
			return err
		}
	}
	offersFile := filepath.Join(dir, "offers.jsonl")
	rows, err := countLines(offersFile)
	if err != nil {
		return err
	}
	warmFile := filepath.Join(dir, "warm.jsonl")
	if err := head(offersFile, warmFile, 2); err != nil {
		return err
	}

	url, stop, server, err := startNATS(bin, filepath.Join(out, "js"))
	if err != nil {
		return err
	}
	defer stop()
	start := time.Now()
	if err := cmd(fm, "publish-index", "--index", idx, "--nats", url); err != nil {
		return err
	}
	publish := time.Since(start)

	type setup struct {
		name    string
		workers []string // --workers of each worker process; none: local
	}
	setups := []setup{{"local `match --workers 2`", nil}, {"1 worker process (--workers 2)", []string{"2"}}, {"2 worker processes (--workers 1 each)", []string{"1", "1"}}}
	rates := make([][]float64, len(setups))
	var load time.Duration
	for r := range rounds {
		for i, s := range setups {
			args := []string{"match", "--offers", offersFile, "--out", filepath.Join(dir, "results.jsonl")}
			var procs []*exec.Cmd
			if s.workers == nil {
				args = append(args, "--index", idx, "--workers", "2")
			} else {
				for k, w := range s.workers {
					p := exec.Command(fm, "worker", "--nats", url, "--workers", w, "--name", fmt.Sprintf("bench-%d", k))
					p.Stdout, p.Stderr = io.Discard, io.Discard
					if err := p.Start(); err != nil {
						return err
					}
					procs = append(procs, p)
				}
				// Warm-up: each worker downloads and opens the snapshot at
				// its first batch; that is timed apart (two rows, one
				// batch each: with two workers, each gets one, mostly).
				t := time.Now()
				if err := cmd(fm, "match", "--nats", url, "--offers", warmFile, "--out", filepath.Join(dir, "warm-results.jsonl"), "--batch-size", "1", "--in-flight", "1"); err != nil {
					return err
				}
				if r == 0 && i == 1 {
					load = time.Since(t)
				}
				args = append(args, "--nats", url, "--batch-size", fmt.Sprint(batch))
			}
			t := time.Now()
			err := cmd(fm, args...)
			el := time.Since(t)
			for _, p := range procs {
				p.Process.Kill()
				p.Wait()
			}
			if err != nil {
				return err
			}
			rates[i] = append(rates[i], float64(rows)/el.Seconds())
			fmt.Fprintf(os.Stderr, "%s: %.0f offers/s\n", s.name, rates[i][len(rates[i])-1])
		}
	}
	perBatch, perRow, err := transport(url, batch)
	if err != nil {
		return err
	}

	var b strings.Builder
	begin, end := results.Markers("cluster")
	fmt.Fprintf(&b, "%s\n## Bulk matching on NATS JetStream workers\n\n", begin)
	fmt.Fprintf(&b, "Made by `go run ./benchmarks/cluster -listings %d -offers %d` on %s (2 cores, %s). One generated catalog of\n"+
		"%d listings (benchmarks/gen), %d offers, batches of %d; the NATS server, the coordinator and the workers share the\n"+
		"machine's 2 cores, so the local run is the ceiling and the ratio is the pool's overhead. Median of %d runs each.\n\n",
		n, offers, time.Now().UTC().Format("2006-01-02"), server, n, rows, batch, rounds)
	b.WriteString("| setup | offers/s | against local |\n|---|---|---|\n")
	med := make([]float64, len(setups))
	for i, s := range setups {
		med[i] = median(rates[i])
		fmt.Fprintf(&b, "| %s | %.0f | %.2f |\n", s.name, med[i], med[i]/med[0])
	}
	fmt.Fprintf(&b, "\nThe index snapshot: published (tar.gz of %s, uploaded to the object store) in %s; a worker's first batch,\n"+
		"which downloads and opens it, took %s. The pool's own cost, measured with rows that need no matching (error rows:\n"+
		"queued, delivered, answered, acknowledged and written in order; one coordinator, one worker): %.2f ms per batch of 1\n"+
		"row, %.1f µs per row in batches of %d.\n\n",
		mb(fsize.Dir(idx)), publish.Round(100*time.Millisecond), load.Round(100*time.Millisecond), perBatch*1000, perRow*1e6, batch)
	ceiling := 1 / perRow
	perWorker := med[1] // one 2-core worker's share, measured here
	fmt.Fprintf(&b, "What limits a bigger pool: matching scales with the workers (each decides its batches alone, from its own copy of\n"+
		"the index), but one run goes through one coordinator and one stream. At %.1f µs per row its read, queue, receive and\n"+
		"ordered write path carries about %.0f rows/s (measured with server, coordinator and worker sharing 2 cores: an upper\n"+
		"bound of the cost), while one 2-core worker matched %.0f offers/s here: about %.0f such workers saturate one\n"+
		"coordinator. So 10 workers run at their own speed; at 100 the coordinator and the stream are the limit, and a\n"+
		"bigger run is split into several runs (one coordinator each, over parts of the file). Per batch, %.2f ms of fixed\n"+
		"cost (publish, deliver, ack, answer) is amortized over its rows: at %d rows it is %.1f µs a row, well under the\n"+
		"matching itself (about %.0f µs a row on one core at this catalog size).\n\n%s\n",
		perRow*1e6, ceiling, perWorker, ceiling/perWorker, perBatch*1000, batch, perBatch*1e6/float64(batch), 2e6/med[0], end)
	fmt.Print(b.String())
	if resultsPath == "" {
		return nil
	}
	return results.WriteSection(resultsPath, "cluster", b.String())
}

// transport times the pool on rows that need no matching: batches of one
// row (the cost per batch) and of size rows (the cost per row).
func transport(url string, size int) (perBatch, perRow float64, err error) {
	ctx := context.Background()
	nc, err := cluster.Connect(cluster.Options{URL: url})
	if err != nil {
		return 0, 0, err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return 0, 0, err
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cache, err := os.MkdirTemp("", "cluster-bench-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(cache)
	w := &cluster.Worker{JS: js, Cache: cache, Parallel: 1, Name: "transport"}
	go w.Run(wctx)
	time1 := func(rows, bs int, run string) (time.Duration, error) {
		jobs := make(chan match.Job, rows)
		for i := range rows {
			jobs <- match.Job{Err: fmt.Errorf("row %d: no offer", i), ID: fmt.Sprint(i)}
		}
		close(jobs)
		c := &cluster.Coordinator{JS: js, Run: run, Settings: cluster.Settings{BatchSize: bs}, InFlight: 64}
		t := time.Now()
		err := c.MatchStream(ctx, jobs, func(match.Result) error { return nil })
		return time.Since(t), err
	}
	if _, err := time1(10, 1, fmt.Sprintf("warm%d", time.Now().UnixNano())); err != nil {
		return 0, 0, err
	}
	el, err := time1(2000, 1, fmt.Sprintf("b1-%d", time.Now().UnixNano()))
	if err != nil {
		return 0, 0, err
	}
	perBatch = el.Seconds() / 2000
	el, err = time1(100*size, size, fmt.Sprintf("bN-%d", time.Now().UnixNano()))
	if err != nil {
		return 0, 0, err
	}
	return perBatch, el.Seconds() / float64(100*size), nil
}

// startNATS starts Debian's nats-server, or the embedded one built from
// internal/natsd, on a free loopback port.
func startNATS(bin, store string) (url string, stop func(), name string, err error) {
	os.RemoveAll(store)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, "", err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var p *exec.Cmd
	if path, err := exec.LookPath("nats-server"); err == nil {
		v, _ := exec.Command(path, "--version").Output()
		name = "Debian's " + strings.TrimSpace(string(v))
		p = exec.Command(path, "-js", "-a", "127.0.0.1", "-p", fmt.Sprint(port), "-sd", store)
	} else {
		natsd := filepath.Join(bin, "natsd")
		if err := cmd("go", "build", "-o", natsd, "./internal/natsd"); err != nil {
			return "", nil, "", err
		}
		name = "the embedded nats-server (internal/natsd)"
		p = exec.Command(natsd, "-port", fmt.Sprint(port), "-store", store)
	}
	if err := p.Start(); err != nil {
		return "", nil, "", err
	}
	stop = func() { p.Process.Kill(); p.Wait(); os.RemoveAll(store) }
	for range 100 {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return fmt.Sprintf("nats://127.0.0.1:%d", port), stop, name, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	return "", nil, "", fmt.Errorf("nats server on port %d not up", port)
}

func cmd(name string, args ...string) error {
	c := exec.Command(name, args...)
	var stderr strings.Builder
	c.Stdout, c.Stderr = io.Discard, &stderr
	if err := c.Run(); err != nil {
		return fmt.Errorf("%s %v: %w\n%s", name, args, err, stderr.String())
	}
	return nil
}

// head copies the first n lines of src to dst.
func head(src, dst string, n int) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	lines := strings.SplitAfter(string(b), "\n")
	return os.WriteFile(dst, []byte(strings.Join(lines[:min(n, len(lines))], "")), 0o644)
}

func countLines(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strings.Count(string(b), "\n"), nil
}

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/1e6) }

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
