package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/followmatch/followmatch/match"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// Coordinator sends a run's offers to the workers in batches and emits
// their results in input order, each row exactly once.
type Coordinator struct {
	JS jetstream.JetStream
	// Run names the run; a resumed run keeps its name, so that the results
	// JetStream still holds for it are used and its batches still queued
	// are not queued twice.
	Run      string
	Settings Settings
	// InFlight bounds the batches queued and not yet answered (default
	// 64): the offers file is read no faster than the workers match.
	InFlight int
	// Skip is how many rows the output holds already (a resumed run):
	// their results are not emitted again.
	Skip int
	// Prepare readies an offer before it is sent (the command line
	// fingerprints local image files there, which workers cannot read);
	// nil sends offers as read.
	Prepare func(*match.Record) *match.Record
	// Patience is how long the coordinator waits for the next results
	// before it gives up (default 10 minutes): no worker is running, or a
	// batch failed MaxDeliver times.
	Patience time.Duration
}

// MatchStream reads jobs (one per row, in input order), matches them on the
// workers and calls emit with each result in input order, from row Skip
// on. It returns when every row is emitted, or with the first error of
// emit, ctx or JetStream.
func (c *Coordinator) MatchStream(ctx context.Context, jobs <-chan match.Job, emit func(match.Result) error) error {
	if c.Settings.BatchSize <= 0 {
		c.Settings.BatchSize = 100
	}
	inflight := c.InFlight
	if inflight <= 0 {
		inflight = 64
	}
	patience := c.Patience
	if patience <= 0 {
		patience = 10 * time.Minute
	}
	if err := setup(ctx, c.JS, 0); err != nil {
		return err
	}
	kv, err := c.JS.KeyValue(ctx, MetaBucket)
	if err != nil {
		return fmt.Errorf("cluster: bucket %s: %w", MetaBucket, err)
	}
	if _, err := current(ctx, kv); err != nil {
		return err
	}
	settings, err := c.Settings.encode()
	if err != nil {
		return fmt.Errorf("cluster: run settings: %w", err)
	}
	if _, err := kv.Put(ctx, runKey(c.Run), settings); err != nil {
		return fmt.Errorf("cluster: run settings: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Every result batch of the run, those of an earlier attempt first (an
	// ephemeral consumer with one filter subject: nats-server 2.9, as
	// Debian ships it, knows no more).
	cons, err := c.JS.CreateConsumer(ctx, ResultsStream, jetstream.ConsumerConfig{
		FilterSubject: resultSubject + c.Run, DeliverPolicy: jetstream.DeliverAllPolicy,
		AckPolicy: jetstream.AckNonePolicy, InactiveThreshold: time.Minute,
	})
	if err != nil {
		return fmt.Errorf("cluster: results of run %s: %w", c.Run, err)
	}
	info, err := cons.Info(ctx)
	if err != nil {
		return fmt.Errorf("cluster: results of run %s: %w", c.Run, err)
	}
	stored := int(info.NumPending) // answered before (a resumed run)
	got := make(chan resultBatch, inflight)
	readErr := make(chan error, 1)
	go func() {
		it, err := cons.Messages()
		if err != nil {
			readErr <- err
			return
		}
		defer it.Stop()
		for {
			m, err := it.Next()
			if err != nil {
				readErr <- err
				return
			}
			var rb resultBatch
			if err := json.Unmarshal(m.Data(), &rb); err != nil {
				readErr <- fmt.Errorf("results message %s: %w", m.Subject(), err)
				return
			}
			select {
			case got <- rb:
			case <-ctx.Done():
				return
			}
		}
	}()

	size := c.Settings.BatchSize
	attempt := nuid.Next()           // names this attempt's work messages
	pending := map[int]resultBatch{} // arrived, not yet emitted, by first row
	var sizes []int                  // rows of each batch sent or skipped, by index
	next := 0                        // the next batch to emit
	emitted := 0                     // rows emitted or skipped
	last := time.Now()
	// drain emits the batches that are next in order.
	drain := func() error {
		for next < len(sizes) {
			rb, ok := pending[next*size]
			if !ok {
				if (next+1)*size <= c.Skip {
					next++ // written before: not sent, not awaited
					emitted += size
					continue
				}
				return nil
			}
			delete(pending, next*size)
			if len(rb.Results) != sizes[next] {
				return fmt.Errorf("cluster: batch at row %d came back with %d results for %d offers", rb.First, len(rb.Results), sizes[next])
			}
			for i, r := range rb.Results {
				if rb.First+i < c.Skip {
					continue
				}
				if err := emit(r); err != nil {
					return err
				}
			}
			emitted += len(rb.Results)
			next++
		}
		return nil
	}
	// receive waits for one results batch (or gives up after patience).
	receive := func() error {
		select {
		case rb := <-got:
			last = time.Now()
			if rb.First%size != 0 || rb.First/size < next {
				return nil // a duplicate of one emitted already
			}
			if _, dup := pending[rb.First]; !dup {
				pending[rb.First] = rb
			}
			return drain()
		case err := <-readErr:
			return fmt.Errorf("cluster: reading results: %w", err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Until(last.Add(patience))):
			return fmt.Errorf("cluster: no results for %s (batch at row %d of run %s not answered): are workers running (`followmatch worker --nats URL`)? `match --resume` goes on later", patience, next*size, c.Run)
		}
	}
	send := func(b batch) error {
		// Batches answered to an earlier attempt go out as their turn
		// comes, not through the queue.
		if err := drain(); err != nil {
			return err
		}
		if _, answered := pending[b.First]; answered || (b.First/size+1)*size <= c.Skip {
			return nil // written before, or answered to an earlier attempt
		}
		for len(sizes)-next > inflight {
			if err := receive(); err != nil {
				return err
			}
		}
		if c.Prepare != nil {
			for i := range b.Jobs {
				if b.Jobs[i].Offer != nil {
					b.Jobs[i].Offer = c.Prepare(b.Jobs[i].Offer)
				}
			}
		}
		data, err := json.Marshal(b)
		if err != nil {
			return fmt.Errorf("cluster: batch at row %d: %w", b.First, err)
		}
		// The message id is this attempt's: a batch re-queued by a resumed
		// coordinator is queued again even when JetStream still knows the
		// first attempt's (given up after MaxDeliver, or still queued: then
		// it is matched twice and its second answer dropped).
		if _, err := c.JS.Publish(ctx, workSubject+c.Run, data, jetstream.WithMsgID(msgID(c.Run, b.First)+"."+attempt)); err != nil {
			return fmt.Errorf("cluster: queue batch at row %d: %w", b.First, err)
		}
		return nil
	}

	// The results an earlier attempt got: its answered batches are not
	// queued again.
	for range stored {
		if err := receive(); err != nil {
			return err
		}
	}
	cur := batch{Run: c.Run}
	row := 0
	for j := range jobs {
		jb := job{Offer: j.Offer}
		if j.Err != nil {
			jb = job{Err: j.Err.Error(), ID: j.ID}
		}
		cur.Jobs = append(cur.Jobs, jb)
		row++
		if len(cur.Jobs) == size {
			sizes = append(sizes, size)
			if err := send(cur); err != nil {
				return err
			}
			cur = batch{Run: c.Run, First: row}
		}
		// Results that are in go out while the file is read.
		for len(got) > 0 {
			if err := receive(); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(cur.Jobs) > 0 {
		sizes = append(sizes, len(cur.Jobs))
		if err := send(cur); err != nil {
			return err
		}
	}
	if err := drain(); err != nil {
		return err
	}
	for next < len(sizes) {
		if err := receive(); err != nil {
			return err
		}
	}
	if emitted < c.Skip {
		return fmt.Errorf("cluster: the output holds %d rows, the offers file %d: not the output of this offers file", c.Skip, emitted)
	}
	return nil
}
