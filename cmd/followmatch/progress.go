package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress is a progress display on a terminal, or nothing.
type progress interface {
	// Update reports rows done and the bytes of the input read so far.
	Update(rows int, read int64)
	Finish()
}

type noProgress struct{}

func (noProgress) Update(int, int64) {}
func (noProgress) Finish()           {}

// barProgress draws a bar over the input file's bytes, with rows, rows/s
// and the time left; without a known size, a counter with rows/s.
type barProgress struct {
	bar   *progressbar.ProgressBar
	what  string
	start time.Time
	last  time.Time
	sized bool
}

// newProgress shows progress on stderr when stderr is a terminal. size is
// the input's size in bytes (0 when unknown).
func newProgress(stderr io.Writer, what string, size int64) progress {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return noProgress{}
	}
	total := size
	if total <= 0 {
		total = -1
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionSetPredictTime(size > 0),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	return &barProgress{bar: bar, what: what, start: time.Now(), sized: size > 0}
}

func (p *barProgress) Update(rows int, read int64) {
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	rate := float64(rows) / max(now.Sub(p.start).Seconds(), 1e-9)
	p.bar.Describe(fmt.Sprintf("%s: %d rows, %.0f rows/s", p.what, rows, rate))
	if p.sized {
		p.bar.Set64(read)
	} else {
		p.bar.Set64(int64(rows))
	}
}

func (p *barProgress) Finish() { p.bar.Finish() }

// warner prints the first warnings and counts the rest, so a file full of
// bad rows does not flood the terminal.
type warner struct {
	w     io.Writer
	shown atomic.Int64
	limit int64
}

func newWarner(w io.Writer) *warner { return &warner{w: w, limit: 20} }

func (w *warner) printf(format string, args ...any) {
	if n := w.shown.Add(1); n <= w.limit {
		fmt.Fprintf(w.w, "warning: "+format+"\n", args...)
	}
}

func (w *warner) flush() {
	if n := w.shown.Load(); n > w.limit {
		fmt.Fprintf(w.w, "warning: ... and %d more\n", n-w.limit)
	}
}
