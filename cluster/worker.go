package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/match"
	"github.com/nats-io/nats.go/jetstream"
)

// Worker matches batches from the work queue with the current index
// version and publishes their results.
type Worker struct {
	JS jetstream.JetStream
	// Cache is the folder the index snapshot is kept in (one version at a
	// time).
	Cache string
	// Parallel is how many offers of a batch are matched at once.
	Parallel int
	// Name names the worker in the results it publishes.
	Name string
	// ImageCacheDir is passed to the engine (see followmatch.Options).
	ImageCacheDir string
	// AckWait is how long a batch may go without a sign of life before it
	// is delivered to another worker (0: the pool's, AckWait when new).
	AckWait time.Duration
	// Logf receives what the worker does (nil: nothing).
	Logf func(format string, args ...any)

	version string
	base    *followmatch.Engine
	dir     string
	runs    map[string]*followmatch.Engine // engines of the runs seen, on base
}

// Run pulls and matches batches until ctx ends. A batch it could not
// finish (ctx ended, the process died) is not acknowledged: JetStream
// delivers it again, to this worker or another, after AckWait.
func (w *Worker) Run(ctx context.Context) error {
	if err := setup(ctx, w.JS, w.AckWait); err != nil {
		return err
	}
	defer w.close()
	kv, err := w.JS.KeyValue(ctx, MetaBucket)
	if err != nil {
		return fmt.Errorf("cluster: bucket %s: %w", MetaBucket, err)
	}
	obs, err := w.JS.ObjectStore(ctx, IndexBucket)
	if err != nil {
		return fmt.Errorf("cluster: bucket %s: %w", IndexBucket, err)
	}
	cons, err := w.JS.Consumer(ctx, WorkStream, workConsumer)
	if err != nil {
		return fmt.Errorf("cluster: consumer %s: %w", workConsumer, err)
	}
	for ctx.Err() == nil {
		msgs, err := cons.Fetch(1, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			w.logf("fetch: %v", err)
			time.Sleep(time.Second)
			continue
		}
		for msg := range msgs.Messages() {
			if err := w.handle(ctx, kv, obs, msg); err != nil {
				if ctx.Err() != nil {
					// Stopped mid-batch: hand it back at once rather than
					// after the ack wait.
					msg.Nak()
					return nil
				}
				// Not acknowledged: the batch goes to another worker (or
				// this one) after a pause, up to MaxDeliver times.
				w.logf("batch %s: %v", msg.Subject(), err)
				msg.NakWithDelay(5 * time.Second)
			}
		}
	}
	return nil
}

// handle matches one batch and publishes its results, then acknowledges
// it.
func (w *Worker) handle(ctx context.Context, kv jetstream.KeyValue, obs jetstream.ObjectStore, msg jetstream.Msg) error {
	var b batch
	if err := json.Unmarshal(msg.Data(), &b); err != nil {
		msg.Term() // never readable: do not deliver it again
		return fmt.Errorf("not a batch: %w", err)
	}
	// The index version is checked between batches only: a batch is
	// decided by one version.
	version, err := current(ctx, kv)
	if err != nil {
		return err
	}
	if version != w.version {
		if err := w.swap(ctx, obs, version); err != nil {
			return err
		}
	}
	e, err := w.engine(ctx, kv, b.Run)
	if err != nil {
		return err
	}
	// Signs of life while matching: a long batch is not redelivered.
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		every := AckWait / 3
		if w.AckWait > 0 {
			every = w.AckWait / 3
		}
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				msg.InProgress()
			case <-done:
				return
			}
		}
	}()
	jobs := make(chan match.Job, len(b.Jobs))
	for _, j := range b.Jobs {
		if j.Err != "" {
			jobs <- match.Job{Err: errors.New(j.Err), ID: j.ID}
		} else {
			jobs <- match.Job{Offer: j.Offer}
		}
	}
	close(jobs)
	out := resultBatch{Run: b.Run, First: b.First, Version: version, Worker: w.Name, Results: make([]match.Result, 0, len(b.Jobs))}
	err = e.MatchStream(ctx, jobs, max(1, w.Parallel), func(r match.Result) error {
		r.IndexVersion = version
		out.Results = append(out.Results, r)
		return nil
	})
	close(done)
	wg.Wait()
	if err != nil {
		return err
	}
	data, err := json.Marshal(out)
	if err != nil {
		return err
	}
	if _, err := w.JS.Publish(ctx, resultSubject+b.Run, data, jetstream.WithMsgID(msgID(b.Run, b.First))); err != nil {
		return fmt.Errorf("publish results: %w", err)
	}
	if err := msg.DoubleAck(ctx); err != nil {
		// The results are out; a redelivery is dropped as a duplicate.
		w.logf("batch %d of run %s: ack: %v", b.First, b.Run, err)
	}
	return nil
}

// swap opens version (downloading it first), closes the one before and
// removes its copy.
func (w *Worker) swap(ctx context.Context, obs jetstream.ObjectStore, version string) error {
	start := time.Now()
	dir, err := fetch(ctx, obs, w.Cache, version)
	if err != nil {
		return err
	}
	e, err := followmatch.Open(ctx, dir, followmatch.Options{ReadOnly: true, ImageCacheDir: w.ImageCacheDir})
	if err != nil {
		return fmt.Errorf("cluster: open index %s: %w", version, err)
	}
	old, oldDir := w.base, w.dir
	w.base, w.dir, w.version, w.runs = e, dir, version, map[string]*followmatch.Engine{}
	if old != nil {
		old.Close()
		os.RemoveAll(oldDir)
	}
	n, _ := e.Count()
	w.logf("index %s: %d listings (%s)", version, n, time.Since(start).Round(time.Millisecond))
	return nil
}

// engine returns the engine that decides run's offers: the run's config,
// policy and seller over the current index.
func (w *Worker) engine(ctx context.Context, kv jetstream.KeyValue, run string) (*followmatch.Engine, error) {
	if e, ok := w.runs[run]; ok {
		return e, nil
	}
	entry, err := kv.Get(ctx, runKey(run))
	if err != nil {
		return nil, fmt.Errorf("run %s: settings: %w", run, err)
	}
	s, err := decodeSettings(entry.Value())
	if err != nil {
		return nil, fmt.Errorf("run %s: %w", run, err)
	}
	if len(w.runs) >= maxRuns {
		// A worker lives through many runs: keep the engines of the
		// recent ones only.
		clear(w.runs)
	}
	e, err := w.base.WithConfig(s.Config)
	if err != nil {
		return nil, fmt.Errorf("run %s: %w", run, err)
	}
	if e, err = e.WithRules(s.Policy, s.Seller); err != nil {
		return nil, fmt.Errorf("run %s: %w", run, err)
	}
	w.runs[run] = e
	return e, nil
}

func (w *Worker) close() {
	if w.base != nil {
		w.base.Close()
	}
}

func (w *Worker) logf(format string, args ...any) {
	if w.Logf != nil {
		w.Logf(format, args...)
	}
}

// maxRuns bounds the run engines a worker keeps.
const maxRuns = 64

// runKey is the key of a run's settings in MetaBucket.
func runKey(run string) string { return "run." + run }

// CacheDir is the default snapshot folder of a worker.
func CacheDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "followmatch", "snapshots")
	}
	return filepath.Join(os.TempDir(), "followmatch-snapshots")
}
