package ordered

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestMap(t *testing.T) {
	in := make(chan int)
	go func() {
		defer close(in)
		for i := range 200 {
			in <- i
		}
	}()
	var got []int
	err := Map(context.Background(), in, 4, func(_ context.Context, v int) int {
		if v%7 == 0 {
			time.Sleep(time.Millisecond) // some finish late
		}
		return v * v
	}, func(v int) error { got = append(got, v); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 200 {
		t.Fatalf("%d results, want 200", len(got))
	}
	for i, v := range got {
		if v != i*i {
			t.Fatalf("result %d = %d, want %d: out of input order", i, v, i*i)
		}
	}
}

func TestMapStops(t *testing.T) {
	boom := errors.New("boom")
	in := make(chan int) // never closed: Map must not wait for it
	go func() {
		for i := 0; ; i++ {
			select {
			case in <- i:
			case <-time.After(time.Second):
				return
			}
		}
	}()
	err := Map(context.Background(), in, 2, func(_ context.Context, v int) int { return v }, func(v int) error {
		if v == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Map = %v, want the emit error", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Map(ctx, make(chan int), 2, func(_ context.Context, v int) int { return v }, func(int) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("Map on a cancelled context = %v, want context.Canceled", err)
	}
}
