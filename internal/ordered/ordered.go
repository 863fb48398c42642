// Package ordered runs a function over a stream on several goroutines and
// hands the results on in input order, with a bounded number in flight.
package ordered

import (
	"context"
	"sync"
)

// Map calls f on every value received from in, on workers goroutines, and
// passes the results to emit in the order the values arrived. At most
// 4×workers+2 values are in flight, however slow one of them is. It returns
// once in is closed and every result has been emitted, or with the first
// error of emit or of ctx; it stops reading in then, and returns after its
// goroutines have ended.
func Map[In, Out any](ctx context.Context, in <-chan In, workers int, f func(context.Context, In) Out, emit func(Out) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	type slot struct {
		in   In
		out  Out
		done chan struct{}
	}
	work := make(chan *slot, workers)
	order := make(chan *slot, 4*workers)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // feeder: every slot goes to a worker, then in line
		defer wg.Done()
		defer close(work)
		defer close(order)
		for {
			var v In
			var ok bool
			select {
			case <-ctx.Done():
				return
			case v, ok = <-in:
				if !ok {
					return
				}
			}
			s := &slot{in: v, done: make(chan struct{})}
			select {
			case work <- s:
			case <-ctx.Done():
				return
			}
			select {
			case order <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				s.out = f(ctx, s.in)
				close(s.done)
			}
		}()
	}
	finish := func(err error) error {
		cancel()
		wg.Wait()
		return err
	}
	for s := range order {
		select {
		case <-s.done:
		case <-ctx.Done():
			return finish(ctx.Err())
		}
		if err := emit(s.out); err != nil {
			return finish(err)
		}
	}
	return finish(ctx.Err())
}
