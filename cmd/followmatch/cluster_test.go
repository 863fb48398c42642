package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/followmatch/followmatch/internal/natstest"
	"github.com/nats-io/nats-server/v2/server"
)

// TestMain lets a test start this package's command as a process of its
// own (re-running the test binary), to kill it with SIGKILL.
func TestMain(m *testing.M) {
	if os.Getenv("FOLLOWMATCH_AS_COMMAND") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// startCommand starts `followmatch args...` as a process; it is killed when the
// test ends.
func startCommand(t *testing.T, log string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "FOLLOWMATCH_AS_COMMAND=1")
	f, err := os.Create(log)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait(); f.Close() })
	return cmd
}

// bigOffers writes the demo's offers n times over, each copy with ids of
// its own, so that a run lasts long enough to be killed mid-way.
func bigOffers(t *testing.T, n int) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(demo, "offers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	var out strings.Builder
	out.WriteString(lines[0])
	for i := range n {
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "SUP-") {
				l = fmt.Sprintf("C%d-%s", i, l)
			}
			out.WriteString(l)
		}
	}
	path := filepath.Join(t.TempDir(), "offers.csv")
	if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// The demo's pictures are named relative to the offers file.
	if err := os.Symlink(mustAbs(t, filepath.Join(demo, "images")), filepath.Join(filepath.Dir(path), "images")); err != nil {
		t.Fatal(err)
	}
	return path
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// lines returns the results of a JSON Lines file without their index
// version, and the versions seen.
func resultLines(t *testing.T, path string) ([]string, map[string]int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	versions := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if v, ok := m["index_version"].(string); ok {
			versions[v]++
		}
		delete(m, "index_version")
		b, _ := json.Marshal(m)
		out = append(out, string(b))
	}
	return out, versions
}

func waitLines(t *testing.T, path string, n int, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && strings.Count(string(b), "\n") >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: fewer than %d lines after %s", path, n, within)
}

// TestClusterKillsLoseNothing: two worker processes and a coordinator
// process; one worker and then the coordinator are killed with SIGKILL
// mid-run; the coordinator resumes; the output equals a local run's, row
// for row, each row once.
func TestClusterKillsLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	url := natstest.Start(t, nil)
	idx := buildDemoIndex(t)
	offers := bigOffers(t, 150) // 7,050 rows
	dir := t.TempDir()
	rules := []string{"--policy", filepath.Join(demo, "policy.yaml"), "--seller", filepath.Join(demo, "seller.json")}
	localOut := filepath.Join(dir, "local.jsonl")
	if code, _, stderr := cli(t, append([]string{"match", "--index", idx, "--offers", offers, "--map", demoMap(t), "--out", localOut}, rules...)...); code != 0 {
		t.Fatalf("local match: exit %d: %s", code, stderr)
	}
	want, _ := resultLines(t, localOut)
	if code, _, stderr := cli(t, "publish-index", "--index", idx, "--nats", url); code != 0 {
		t.Fatalf("publish-index: exit %d: %s", code, stderr)
	}
	w1 := startCommand(t, filepath.Join(dir, "w1.log"), "worker", "--nats", url, "--workers", "1", "--ack-wait", "2s")
	startCommand(t, filepath.Join(dir, "w2.log"), "worker", "--nats", url, "--workers", "1", "--ack-wait", "2s")
	out := filepath.Join(dir, "cluster.jsonl")
	args := append([]string{"match", "--nats", url, "--offers", offers, "--map", demoMap(t), "--out", out, "--batch-size", "20", "--in-flight", "8"}, rules...)
	coord := startCommand(t, filepath.Join(dir, "coord1.log"), args...)
	waitLines(t, out, 300, time.Minute)
	if err := w1.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitLines(t, out, 900, time.Minute)
	if err := coord.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	coord.Wait()
	if b, _ := os.ReadFile(out); strings.Count(string(b), "\n") >= len(want) {
		t.Fatal("the coordinator had written every row before it was killed: the test proves nothing; make the run longer")
	}
	code, _, stderr := cli(t, append(args, "--resume")...)
	if code != 0 {
		t.Fatalf("match --nats --resume: exit %d: %s", code, stderr)
	}
	got, versions := resultLines(t, out)
	if len(got) != len(want) {
		t.Fatalf("%d results after the kills, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("row %d differs from the local run:\n got %s\nwant %s", i+1, got[i], want[i])
		}
	}
	if len(versions) != 1 {
		t.Errorf("index versions %v, want the one published", versions)
	}
	if _, err := os.Stat(out + ".nats-run"); err == nil {
		t.Error("the run's name file stays after the run completed")
	}
}

// TestWorkerWrongCredential: a worker with a wrong password is refused,
// with exit status 1 and the server's answer.
func TestWorkerWrongCredential(t *testing.T) {
	url := natstest.Start(t, func(o *server.Options) { o.Username, o.Password = "pool", "right-password-1" })
	pw := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pw, []byte("wrong-password\n"), 0o600)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out, errOut strings.Builder
	code := run(ctx, []string{"worker", "--nats", url, "--nats-user", "pool", "--nats-password-file", pw}, &out, &errOut)
	if code != 1 || !strings.Contains(strings.ToLower(errOut.String()), "authorization") {
		t.Fatalf("worker with a wrong password: exit %d, %q; want 1 and the refusal", code, errOut.String())
	}
}
