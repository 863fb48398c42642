package main

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// shots is where the browser tests write the README's screenshots
// (`make screenshots`); empty writes none.
var shots = flag.String("shots", "", "write the README's screenshots (PNG) into `dir`")

// console collects what a page reported as errors: uncaught exceptions,
// console.error calls and the browser's own error entries (a refused
// script, a failed load).
type console struct {
	mu     sync.Mutex
	errors []string
}

// Errors returns the errors reported so far.
func (c *console) Errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.errors...)
}

// newBrowser starts headless Chromium (Debian's chromium, which .ci/run
// installs) for one test, or skips the test without it. A browser that
// fails to start (a loaded machine, a small /dev/shm) is tried again, up
// to three times. The context ends with the test.
func newBrowser(t *testing.T) (context.Context, *console) {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("no chromium on this machine")
	}
	var err error
	for range 3 {
		opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
			chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000))
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(actx)
		ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
		stop := func() { cancelTime(); cancel(); cancelAlloc() }
		if err = chromedp.Do(ctx); err != nil {
			stop()
			continue
		}
		c := &console{}
		messages := chromedp.Console(ctx)
		go func() {
			for m, err := range messages {
				if err != nil {
					return
				}
				if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
					c.mu.Lock()
					c.errors = append(c.errors, m.String())
					c.mu.Unlock()
				}
			}
		}()
		t.Cleanup(stop)
		return ctx, c
	}
	t.Fatalf("chromium %s does not start: %v", path, err)
	return nil, nil
}

// screenshot writes the page as the README shows it, when -shots is set.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if *shots == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(*shots, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
