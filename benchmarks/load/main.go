// Command load measures `followmatch serve` under load on this machine: it
// starts the real binary on a loopback port over an index, sends a bounded
// number of single-offer POST /v1/match requests from a few clients, and
// reports throughput and latency percentiles in the load section of
// benchmarks/RESULTS.md. Traffic goes to 127.0.0.1 only; the run stops
// after -requests or -max-time, whichever comes first.
//
//	go run ./benchmarks/load -index build/scale/n1000000/idx -offers build/scale/n1000000/offers.jsonl
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"github.com/followmatch/followmatch/benchmarks/internal/results"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var beginMark, endMark = results.Markers("load")

func main() {
	bin := flag.String("bin", "bin/followmatch", "followmatch binary")
	idx := flag.String("index", "", "index `dir` to serve")
	offers := flag.String("offers", "", "offers `file` (JSON Lines), one request each")
	requests := flag.Int("requests", 20000, "requests to send")
	clients := flag.Int("clients", 2, "concurrent clients")
	maxTime := flag.Duration("max-time", 5*time.Minute, "stop after this long")
	results := flag.String("results", "benchmarks/RESULTS.md", "results `file`")
	flag.Parse()
	if *idx == "" || *offers == "" {
		fmt.Fprintln(os.Stderr, "load: -index and -offers are required")
		os.Exit(2)
	}
	if err := run(*bin, *idx, *offers, *requests, *clients, *maxTime, *results); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(bin, idx, offersPath string, requests, clients int, maxTime time.Duration, resultsPath string) error {
	bodies, err := readLines(offersPath, requests)
	if err != nil {
		return err
	}
	cmd := exec.Command(bin, "serve", "--index", idx, "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(stderr)
	var base, listings string
	for sc.Scan() {
		if m := regexp.MustCompile(`serve: (\d+) listings .* on (http://\S+)`).FindStringSubmatch(sc.Text()); m != nil {
			listings, base = m[1], m[2]
			break
		}
	}
	if base == "" {
		return fmt.Errorf("the server did not start")
	}
	go io.Copy(io.Discard, stderr)

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 30 * time.Second}
	// Warm up: the first requests load the index files into the page cache.
	for i := 0; i < min(200, len(bodies)); i++ {
		post(client, base, bodies[i])
	}
	var next atomic.Int64
	lat := make([][]time.Duration, clients)
	var failures atomic.Int64
	deadline := time.Now().Add(maxTime)
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				i := int(next.Add(1)) - 1
				if i >= requests {
					return
				}
				t := time.Now()
				if err := post(client, base, bodies[i%len(bodies)]); err != nil {
					failures.Add(1)
				}
				lat[c] = append(lat[c], time.Since(t))
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()

	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	pct := func(p float64) time.Duration { return all[int(p*float64(len(all)-1))] }
	section := fmt.Sprintf("%s\n## HTTP service under load\n\nMade by `make load` on %s: `followmatch serve` over %s listings on 127.0.0.1, %d single-offer\n"+
		"`POST /v1/match` requests from %d clients (keep-alive), after 200 warm-up requests.\n\n"+
		"| requests | failed | throughput | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|\n"+
		"| %d | %d | %.0f req/s | %s | %s | %s | %s |\n%s\n",
		beginMark, time.Now().UTC().Format("2006-01-02"), listings, len(all), clients, len(all), failures.Load(), float64(len(all))/el.Seconds(),
		pct(.5).Round(10*time.Microsecond), pct(.9).Round(10*time.Microsecond), pct(.99).Round(10*time.Microsecond), all[len(all)-1].Round(10*time.Microsecond), endMark)
	fmt.Fprint(os.Stderr, section)
	return results.WriteSection(resultsPath, "load", section)
}

func post(c *http.Client, base string, body []byte) error {
	resp, err := c.Post(base+"/v1/match", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func readLines(path string, n int) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out [][]byte
	for len(out) < n && sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no offers", path)
	}
	return out, sc.Err()
}
