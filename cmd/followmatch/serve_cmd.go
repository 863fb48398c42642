package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/index"
	"github.com/followmatch/followmatch/match"
	"github.com/followmatch/followmatch/server"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	dir := fs.String("index", defaultIndex, "listing index `dir`")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` (port 0 picks a free one)")
	create := fs.Bool("create", false, "create an empty index when --index holds none")
	policyFile := fs.String("policy", "", "marketplace policy `file` (JSON or YAML)")
	sellerFile := fs.String("seller", "", "default seller `file` (JSON or YAML); a request may name another")
	configFile := fs.String("config", "", "scoring config `file` (JSON or YAML)")
	opts := server.DefaultOptions()
	fs.Int64Var(&opts.MaxBody, "max-body", opts.MaxBody, "largest request body in `bytes`")
	fs.IntVar(&opts.MaxBatch, "max-batch", opts.MaxBatch, "most `offers` per match request")
	fs.DurationVar(&opts.Timeout, "timeout", opts.Timeout, "longest a request may take")
	tokenFile := fs.String("token-file", "", "`file` holding the bearer token requests must carry (required off loopback)")
	readTimeout := fs.Duration("read-timeout", 15*time.Second, "longest a client may take to send a request, body included")
	idleTimeout := fs.Duration("idle-timeout", 60*time.Second, "how long an idle keep-alive connection stays open")
	var imageDirs stringList
	fs.Var(&imageDirs, "image-dir", "let requests name image files inside `dir` (none by default; repeatable)")
	privateImages := fs.Bool("allow-private-images", false, "fetch image URLs on loopback, private and link-local addresses (refused by default)")
	noFetch := fs.Bool("no-image-fetch", false, "fetch no image URL at all")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("serve: --token-file: %w", err)
		}
		opts.Token = strings.TrimSpace(string(b))
		if len(opts.Token) < 16 {
			return fmt.Errorf("serve: --token-file %s: the token has %d characters; use 16 or more (e.g. `openssl rand -hex 32`)", *tokenFile, len(opts.Token))
		}
	}
	if opts.Token == "" && !loopback(*addr) {
		return usagef("--addr %s is not a loopback address: anyone who reaches it could change listings. Give --token-file FILE, or bind to 127.0.0.1", *addr)
	}
	if !index.Exists(*dir) && !*create {
		return fmt.Errorf("serve: %s holds no followmatch index (build one with `followmatch index`, or pass --create to start empty)", *dir)
	}
	cfg, policy, seller, err := loadRules(*configFile, *policyFile, *sellerFile)
	if err != nil {
		return err
	}
	eo := followmatch.Options{Config: cfg, Policy: policy, Seller: seller,
		ImageAccess:  imageload.Access{Dirs: imageDirs, Private: *privateImages, NoFetch: *noFetch},
		ImageFetches: 16,
		// A slow or unreadable image is neutral evidence: it may take a
		// share of the request's time, never all of it.
		ImageBudget: match.ImageBudget{Timeout: min(opts.Timeout/2, 5*time.Second), Max: 8},
	}
	eng, err := followmatch.Open(ctx, *dir, eo)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if eng.Interrupted() {
		fmt.Fprintf(stderr, "warning: index %s: the last update stopped before it finished; it holds the batches committed until then (run the same `followmatch index` again to complete it)\n", *dir)
	}
	if cfg.Calibration != nil {
		// An offer's decision must not hang on which batch it came in.
		fmt.Fprintf(stderr, "serve: %s has a calibration; the service decides at its thresholds as written (calibrate a catalog's run with `followmatch match`)\n", *configFile)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		eng.Close()
		return fmt.Errorf("serve: listen %s: %w", *addr, err)
	}
	n, _ := eng.Count()
	srv := &http.Server{
		Handler:           server.New(eng, opts).Handler(),
		ReadHeaderTimeout: min(10*time.Second, *readTimeout),
		ReadTimeout:       *readTimeout, // a trickled body is cut
		WriteTimeout:      *readTimeout + opts.Timeout + 5*time.Second,
		IdleTimeout:       *idleTimeout,
	}
	fmt.Fprintf(stderr, "serve: %d listings from %s on http://%s\n", n, *dir, ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		// SIGTERM or SIGINT: stop accepting, let requests in flight finish,
		// then close the index so every update is on disk.
		fmt.Fprintln(stderr, "serve: shutting down")
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err = srv.Shutdown(sctx)
		cancel()
	}
	if cerr := eng.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if err == nil {
		fmt.Fprintln(stderr, "serve: stopped; index closed")
	}
	return err
}

// loopback reports whether a listen address binds to loopback only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
