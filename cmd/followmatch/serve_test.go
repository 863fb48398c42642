package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeBinary builds the real binary, serves an empty index on a
// loopback port, upserts listings, matches offers, and stops it with
// SIGTERM: it exits 0 and the listings are on disk after.
func TestServeBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "followmatch")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	idx := filepath.Join(dir, "served.idx")
	if out, err := exec.Command(bin, "serve", "--index", idx, "--addr", "127.0.0.1:0").CombinedOutput(); err == nil || !strings.Contains(string(out), "holds no followmatch index") {
		t.Errorf("serve on a missing index must refuse to start: %v %s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--index", idx, "--addr", "127.0.0.1:0", "--create")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stderr)
	var base string
	for lines.Scan() {
		if m := regexp.MustCompile(`on (http://\S+)`).FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatal("the server never said where it listens")
	}
	rest := make(chan string, 1)
	go func() { b, _ := io.ReadAll(stderrReader{lines}); rest <- string(b) }()

	call := func(method, path, body string) (int, string) {
		return served{base: base}.call(t, method, path, body, nil)
	}
	for id, l := range map[string]string{
		"B01": `{"brand": "Anker", "title": "Anker PowerCore 10000 Portable Charger", "model": "A1263", "gtin": "848061072549"}`,
		"B02": `{"brand": "Anker", "title": "Anker PowerCore 10000 Portable Charger, 2-Pack", "model": "A1263", "pack_count": 2}`,
	} {
		if code, body := call("PUT", "/v1/listings/"+id, l); code != 201 {
			t.Fatalf("PUT %s: %d %s", id, code, body)
		}
	}
	code, body := call("POST", "/v1/match", `[{"id": "S1", "brand": "Anker", "title": "Anker PowerCore 10000", "gtin": "0848061072549", "stock": 40},
		{"id": "S2", "brand": "Anker", "title": "Anker PowerCore 10000 twin pack", "model": "A1263", "stock": 40}]`)
	if code != 200 || !strings.Contains(body, `"offer_id":"S1","decision":"eligible","listing_id":"B01"`) || !strings.Contains(body, `"offer_id":"S2","decision":"eligible","listing_id":"B02"`) {
		t.Fatalf("match: %d %s", code, body)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// The log is read to its end (the process exits and closes it) before
	// Wait, which closes the pipe: reading after it could lose the last
	// lines.
	var log string
	select {
	case log = <-rest:
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve exit after SIGTERM: %v", err)
	}
	if !strings.Contains(log, "index closed") {
		t.Errorf("no clean shutdown in the log: %s", log)
	}
	// The updates are on disk: the index opens cleanly with both listings.
	code, _, stderr2 := cli(t, "match", "--index", idx, "--offers", writeOffer(t, dir), "--format", "csv")
	if code != 0 || strings.Contains(stderr2, "stopped before it finished") {
		t.Errorf("after shutdown: exit %d %s", code, stderr2)
	}
}

type stderrReader struct{ s *bufio.Scanner }

func (r stderrReader) Read(p []byte) (int, error) {
	if !r.s.Scan() {
		return 0, io.EOF
	}
	return copy(p, r.s.Text()+"\n"), nil
}

func writeOffer(t *testing.T, dir string) string {
	p := filepath.Join(dir, "o.jsonl")
	os.WriteFile(p, []byte(`{"id": "S1", "brand": "Anker", "title": "Anker PowerCore 10000", "gtin": "0848061072549"}`+"\n"), 0o644)
	return p
}
