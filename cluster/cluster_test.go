package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/internal/natstest"
	"github.com/followmatch/followmatch/match"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func connect(t *testing.T, url string) jetstream.JetStream {
	t.Helper()
	nc, err := Connect(Options{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// catalog is a small index of listings in families of siblings, and
// offers of them, of their siblings not listed, and of nothing.
func catalog(t *testing.T, listings int) (string, []*match.Record) {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "idx")
	e, err := followmatch.Open(ctx, dir, followmatch.Options{ImageCacheDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	brands := []string{"Anker", "Stanley", "Lodge", "Philips", "Bose"}
	colors := []string{"Black", "Red", "Blue"}
	var ls []*match.Record
	for i := range listings {
		b := brands[i%len(brands)]
		ls = append(ls, &match.Record{ID: fmt.Sprintf("L%03d", i), Brand: b, Color: colors[i%3],
			Title: fmt.Sprintf("%s Series %d Model %c%d %s", b, i/15, 'A'+rune(i%7), 100+i, colors[i%3]),
			Model: fmt.Sprintf("%c%d", 'A'+rune(i%7), 100+i)})
	}
	if err := e.Upsert(ctx, ls...); err != nil {
		t.Fatal(err)
	}
	e.Close()
	var offers []*match.Record
	for i := range listings + 10 {
		b := brands[i%len(brands)]
		offers = append(offers, &match.Record{ID: fmt.Sprintf("O%03d", i), Brand: b,
			Title: fmt.Sprintf("%s Model %c%d Series %d", b, 'A'+rune(i%7), 100+i, i/15), Color: colors[(i/2)%3]})
	}
	return dir, offers
}

func local(t *testing.T, dir string, offers []*match.Record) []match.Result {
	t.Helper()
	e, err := followmatch.Open(context.Background(), dir, followmatch.Options{ReadOnly: true, ImageCacheDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	var out []match.Result
	if err := e.MatchStream(context.Background(), feed(offers), 2, func(r match.Result) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func feed(offers []*match.Record) <-chan match.Job {
	ch := make(chan match.Job, len(offers)+1)
	for _, o := range offers {
		ch <- match.Job{Offer: o}
	}
	ch <- match.Job{Err: fmt.Errorf("offers.csv row 99, field id: missing"), ID: ""}
	close(ch)
	return ch
}

// workers runs n workers until the test ends.
func workers(t *testing.T, js jetstream.JetStream, n int, ackWait time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range n {
		w := &Worker{JS: js, Cache: t.TempDir(), Parallel: 2, Name: fmt.Sprintf("w%d", i), ImageCacheDir: "-", AckWait: ackWait}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.Run(ctx); err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
		}()
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
}

// same compares two runs' results, row by row, without the index version.
func same(t *testing.T, got, want []match.Result) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	for i := range want {
		g := got[i]
		g.IndexVersion = ""
		a, _ := json.Marshal(g)
		b, _ := json.Marshal(want[i])
		if string(a) != string(b) {
			t.Fatalf("row %d:\n got %s\nwant %s", i, a, b)
		}
	}
}

func TestClusterMatchesAsLocal(t *testing.T) {
	url := natstest.Start(t, nil)
	js := connect(t, url)
	dir, offers := catalog(t, 60)
	want := local(t, dir, offers)
	version, err := Publish(context.Background(), js, dir)
	if err != nil {
		t.Fatal(err)
	}
	workers(t, js, 2, 0)
	c := &Coordinator{JS: js, Run: "r1", Settings: Settings{Config: match.DefaultConfig(), BatchSize: 7}, InFlight: 3, Patience: time.Minute}
	var got []match.Result
	if err := c.MatchStream(context.Background(), feed(offers), func(r match.Result) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	same(t, got, want)
	for i, r := range got {
		if r.IndexVersion != version {
			t.Fatalf("row %d decided by index %q, want %q", i, r.IndexVersion, version)
		}
	}
}

// TestWorkerDiesMidBatch: a worker takes a batch and dies before it
// answers; the batch goes to another worker after the ack wait, and the
// run's rows come out once each.
func TestWorkerDiesMidBatch(t *testing.T) {
	url := natstest.Start(t, nil)
	js := connect(t, url)
	dir, offers := catalog(t, 30)
	want := local(t, dir, offers)
	if _, err := Publish(context.Background(), js, dir); err != nil {
		t.Fatal(err)
	}
	if err := setup(context.Background(), js, 2*time.Second); err != nil {
		t.Fatal(err)
	}
	// The dying worker: it takes the first batch queued and never acks.
	nc2, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	js2, _ := jetstream.New(nc2)
	cons, err := js2.Consumer(context.Background(), WorkStream, workConsumer)
	if err != nil {
		t.Fatal(err)
	}
	taken := make(chan string, 1)
	go func() {
		msgs, err := cons.Fetch(1, jetstream.FetchMaxWait(20*time.Second))
		if err != nil {
			taken <- ""
			return
		}
		for m := range msgs.Messages() {
			taken <- m.Subject()
			nc2.Close() // dies holding it
			return
		}
		taken <- ""
	}()
	c := &Coordinator{JS: js, Run: "r2", Settings: Settings{Config: match.DefaultConfig(), BatchSize: 5}, Patience: time.Minute}
	var got []match.Result
	done := make(chan error, 1)
	go func() {
		done <- c.MatchStream(context.Background(), feed(offers), func(r match.Result) error { got = append(got, r); return nil })
	}()
	if s := <-taken; s == "" {
		t.Fatal("the dying worker took no batch")
	}
	workers(t, js, 1, 2*time.Second)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	same(t, got, want)
}

// TestCoordinatorResumes: a coordinator stops after some rows; a new one
// with the same run name and the rows written so far emits the rest, each
// once, using the results JetStream kept.
func TestCoordinatorResumes(t *testing.T) {
	url := natstest.Start(t, nil)
	js := connect(t, url)
	dir, offers := catalog(t, 40)
	want := local(t, dir, offers)
	if _, err := Publish(context.Background(), js, dir); err != nil {
		t.Fatal(err)
	}
	workers(t, js, 2, 0)
	settings := Settings{Config: match.DefaultConfig(), BatchSize: 6}
	var got []match.Result
	stop := fmt.Errorf("coordinator stopped")
	c := &Coordinator{JS: js, Run: "r3", Settings: settings, InFlight: 1, Patience: time.Minute}
	err := c.MatchStream(context.Background(), feed(offers), func(r match.Result) error {
		if len(got) == 17 { // mid-batch: 17 rows written
			return stop
		}
		got = append(got, r)
		return nil
	})
	if err != stop {
		t.Fatalf("first coordinator: %v, want it stopped", err)
	}
	// In flight 1: the batches answered before (more than 1) must go out
	// without waiting on the queue.
	c = &Coordinator{JS: js, Run: "r3", Settings: settings, Skip: len(got), InFlight: 1, Patience: 20 * time.Second}
	if err := c.MatchStream(context.Background(), feed(offers), func(r match.Result) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	same(t, got, want)
}

// TestNewVersionAtBatchBoundary: an index published mid-run is picked up
// by the workers between batches, and the results say which version
// decided each row.
func TestNewVersionAtBatchBoundary(t *testing.T) {
	url := natstest.Start(t, nil)
	js := connect(t, url)
	dir, offers := catalog(t, 40)
	v1, err := Publish(context.Background(), js, dir)
	if err != nil {
		t.Fatal(err)
	}
	workers(t, js, 1, 0)
	c := &Coordinator{JS: js, Run: "r4", Settings: Settings{Config: match.DefaultConfig(), BatchSize: 5}, InFlight: 1, Patience: time.Minute}
	var got []match.Result
	var v2 string
	err = c.MatchStream(context.Background(), feed(offers), func(r match.Result) error {
		got = append(got, r)
		if len(got) == 10 {
			// Listing updates between runs are a new version: here,
			// mid-run.
			e, err := followmatch.Open(context.Background(), dir, followmatch.Options{ImageCacheDir: "-"})
			if err != nil {
				return err
			}
			err = e.Upsert(context.Background(), &match.Record{ID: "L-NEW", Brand: "Lodge", Title: "Lodge Dutch Oven 5 qt"})
			e.Close()
			if err != nil {
				return err
			}
			if v2, err = Publish(context.Background(), js, dir); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if v1 == v2 {
		t.Fatalf("two publishes gave one version %s", v1)
	}
	seen := map[string]int{}
	for i, r := range got {
		seen[r.IndexVersion]++
		if i > 0 && i%5 != 0 && r.IndexVersion != got[i-1].IndexVersion {
			t.Errorf("row %d: version changed mid-batch (%s -> %s)", i, got[i-1].IndexVersion, r.IndexVersion)
		}
	}
	if seen[v1] == 0 || seen[v2] == 0 || got[len(got)-1].IndexVersion != v2 {
		t.Errorf("versions by rows %v: want %s first, then %s to the end", seen, v1, v2)
	}
}

// TestWrongCredentialRefused: a server with users refuses a worker with a
// wrong password.
func TestWrongCredentialRefused(t *testing.T) {
	url := natstest.Start(t, func(o *server.Options) { o.Username, o.Password = "worker", "s3cret-s3cret" })
	if _, err := Connect(Options{URL: url, User: "worker", Password: "wrong"}); err == nil {
		t.Fatal("a wrong password connects")
	}
	nc, err := Connect(Options{URL: url, User: "worker", Password: "s3cret-s3cret"})
	if err != nil {
		t.Fatalf("the right password: %v", err)
	}
	nc.Close()
}

// TestResumeRequeuesGivenUpBatches: batches JetStream gave up on (here
// terminated, as after MaxDeliver failed deliveries) are queued again by a
// resumed coordinator, though their first attempt is within the duplicate
// window.
func TestResumeRequeuesGivenUpBatches(t *testing.T) {
	url := natstest.Start(t, nil)
	js := connect(t, url)
	dir, offers := catalog(t, 20)
	want := local(t, dir, offers)
	ctx := context.Background()
	if _, err := Publish(ctx, js, dir); err != nil {
		t.Fatal(err)
	}
	settings := Settings{Config: match.DefaultConfig(), BatchSize: 10}
	c := &Coordinator{JS: js, Run: "r5", Settings: settings, Patience: time.Second}
	if err := c.MatchStream(ctx, feed(offers), func(match.Result) error { return nil }); err == nil {
		t.Fatal("a run without workers ended without error")
	}
	cons, err := js.Consumer(ctx, WorkStream, workConsumer)
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := cons.Fetch(10, jetstream.FetchMaxWait(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	given := 0
	for m := range msgs.Messages() {
		m.Term()
		given++
	}
	if given == 0 {
		t.Fatal("no batch was queued")
	}
	workers(t, js, 1, 0)
	var got []match.Result
	c = &Coordinator{JS: js, Run: "r5", Settings: settings, Patience: 30 * time.Second}
	if err := c.MatchStream(ctx, feed(offers), func(r match.Result) error { got = append(got, r); return nil }); err != nil {
		t.Fatalf("resumed after %d batches were given up: %v", given, err)
	}
	same(t, got, want)
}

// TestSettingsCarryKnownProducts: a config with a labeled set's known
// products (here 12,000 records, over 1 MB even as compact JSON) travels as a run's
// settings within NATS's default 1 MB message, and arrives whole; settings
// written as plain JSON still read.
func TestSettingsCarryKnownProducts(t *testing.T) {
	cfg := match.DefaultConfig()
	cfg.Weights["known"] = map[match.Level]float64{match.SameProduct: 4, match.OtherProducts: -4}
	for i := range 4000 {
		var p match.KnownProduct
		for j := range 3 {
			p = append(p, match.Record{ID: fmt.Sprintf("r%d-%d", i, j), Brand: "Seagate", Title: fmt.Sprintf("Seagate IronWolf Pro %dTB NAS hard drive ST%04dNE00%d, 7200 rpm, shop %d", i%20+1, i, j, j)})
		}
		cfg.Known = append(cfg.Known, p)
	}
	s := Settings{Config: cfg, BatchSize: 50}
	data, err := s.encode()
	if err != nil {
		t.Fatal(err)
	}
	if len(data) >= 1<<20 {
		t.Errorf("settings are %d bytes: over NATS's default 1 MB message", len(data))
	}
	if plain, _ := json.Marshal(cfg); len(plain) < 1<<20 {
		t.Fatalf("the config is %d bytes as JSON: the test needs one over 1 MB", len(plain))
	}
	got, err := decodeSettings(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Config.Known) != 4000 || got.Config.Known[3999][2].Title != cfg.Known[3999][2].Title || got.BatchSize != 50 {
		t.Errorf("decoded %d products, batch size %d: want 4000 and the last record's title", len(got.Config.Known), got.BatchSize)
	}
	plain, err := json.Marshal(settingsJSON{Config: json.RawMessage(`{"prior": -3}`), BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	if old, err := decodeSettings(plain); err != nil || old.Config.Prior != -3 || old.BatchSize != 7 {
		t.Errorf("plain JSON settings: %+v, %v", old, err)
	}
}
