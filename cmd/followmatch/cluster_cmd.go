package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"strings"
	"time"

	"github.com/followmatch/followmatch/cluster"
	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/match"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// natsFlags are how the cluster commands reach NATS.
type natsFlags struct {
	url, creds, nkey, user, passwordFile, tokenFile, ca, cert, key string
}

func (n *natsFlags) register(fs *flag.FlagSet, what string) {
	fs.StringVar(&n.url, "nats", "", what+": the NATS server `url` (nats://host:4222)")
	fs.StringVar(&n.creds, "nats-creds", "", "NATS credentials `file` (.creds: JWT and nkey seed)")
	fs.StringVar(&n.nkey, "nats-nkey", "", "NATS nkey seed `file`")
	fs.StringVar(&n.user, "nats-user", "", "NATS `user` (with --nats-password-file)")
	fs.StringVar(&n.passwordFile, "nats-password-file", "", "`file` holding the NATS user's password")
	fs.StringVar(&n.tokenFile, "nats-token-file", "", "`file` holding a NATS token")
	fs.StringVar(&n.ca, "nats-ca", "", "PEM `file` of the authority that signed the NATS server's certificate (TLS)")
	fs.StringVar(&n.cert, "nats-cert", "", "client certificate `file` (PEM), when the server asks for one")
	fs.StringVar(&n.key, "nats-key", "", "client key `file` (PEM)")
}

// connect dials NATS and opens JetStream; the connection must be closed.
func (n *natsFlags) connect(name string) (*nats.Conn, jetstream.JetStream, error) {
	o := cluster.Options{URL: n.url, Credentials: n.creds, NKey: n.nkey, User: n.user, CA: n.ca, Cert: n.cert, Key: n.key, Name: name}
	for _, f := range []struct {
		file string
		dst  *string
		flag string
	}{{n.passwordFile, &o.Password, "--nats-password-file"}, {n.tokenFile, &o.Token, "--nats-token-file"}} {
		if f.file == "" {
			continue
		}
		b, err := os.ReadFile(f.file)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f.flag, err)
		}
		*f.dst = strings.TrimSpace(string(b))
	}
	nc, err := cluster.Connect(o)
	if err != nil {
		return nil, nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("cluster: jetstream: %w", err)
	}
	return nc, js, nil
}

func runPublishIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("publish-index", flag.ContinueOnError)
	dir := fs.String("index", defaultIndex, "listing index `dir` to publish (not being written)")
	var n natsFlags
	n.register(fs, "required")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if n.url == "" {
		return usagef("publish-index needs --nats URL")
	}
	nc, js, err := n.connect("followmatch publish-index")
	if err != nil {
		return err
	}
	defer nc.Close()
	start := time.Now()
	version, err := cluster.Publish(ctx, js, *dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "publish-index: %s published in %s; workers switch to it at their next batch\n", *dir, time.Since(start).Round(time.Millisecond))
	fmt.Fprintln(stdout, version)
	return nil
}

func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	var n natsFlags
	n.register(fs, "required")
	parallel := fs.Int("workers", 2, "offers of a batch matched at once (about the cores)")
	cache := fs.String("cache", "", "`dir` for the index snapshot (default a new temporary folder, removed at exit)")
	ackWait := fs.Duration("ack-wait", 0, "how long a batch may go without a sign of life before another worker gets it (default: the pool's, 30s when new)")
	name := fs.String("name", "", "the worker's `name` in logs and results (default host:pid)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if n.url == "" {
		return usagef("worker needs --nats URL")
	}
	if *name == "" {
		host, _ := os.Hostname()
		*name = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if *cache == "" {
		d, err := os.MkdirTemp("", "followmatch-worker-")
		if err != nil {
			return fmt.Errorf("worker: %w", err)
		}
		defer os.RemoveAll(d)
		*cache = d
	}
	nc, js, err := n.connect("followmatch worker " + *name)
	if err != nil {
		return err
	}
	defer nc.Close()
	lg := log.New(stderr, "worker "+*name+": ", log.LstdFlags)
	lg.Printf("joined %s", n.url)
	w := &cluster.Worker{JS: js, Cache: *cache, Parallel: *parallel, Name: *name, AckWait: *ackWait, Logf: lg.Printf}
	err = w.Run(ctx)
	lg.Printf("stopped")
	return err
}

// coordinate returns the stream that matches on the pool: the run's
// settings from the flags, offers' local pictures fingerprinted here
// (workers cannot read them). The run is named in out+".nats-run", so that
// --resume finds it; done closes the connection and, once the run is
// complete, removes the name.
func coordinate(ctx context.Context, n *natsFlags, f *matchFlags, out string, resume bool, skip, batchSize, inflight int) (stream func(context.Context, <-chan match.Job, func(match.Result) error) error, done func(complete bool), err error) {
	cfg, policy, seller, err := loadRules(f.config, f.policy, f.seller)
	if err != nil {
		return nil, nil, err
	}
	run := nuid.Next()
	runFile := ""
	if out != "" {
		runFile = out + ".nats-run"
		if resume {
			b, err := os.ReadFile(runFile)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return nil, nil, fmt.Errorf("match --nats --resume: %s names no run (it is written when a run starts and removed when it ends)", runFile)
			case err != nil:
				return nil, nil, err
			}
			run = strings.TrimSpace(string(b))
		} else if err := os.WriteFile(runFile, []byte(run+"\n"), 0o644); err != nil {
			return nil, nil, fmt.Errorf("match --nats: %w", err)
		}
	}
	nc, js, err := n.connect("followmatch match " + run)
	if err != nil {
		return nil, nil, err
	}
	images := imageload.NewLoader(imageload.DefaultCacheDir(), 4)
	images.Access = imageAccess([]string{f.offers}, f.imageRoots)
	c := &cluster.Coordinator{JS: js, Run: run, Skip: skip, InFlight: inflight,
		Settings: cluster.Settings{Config: cfg, Policy: policy, Seller: seller, BatchSize: batchSize},
		Prepare: func(r *match.Record) *match.Record {
			for _, ref := range r.Images {
				if !strings.HasPrefix(ref, "http://") && !strings.HasPrefix(ref, "https://") {
					return match.Fingerprint(ctx, images, r, match.ImageBudget{})
				}
			}
			return r
		}}
	done = func(complete bool) {
		nc.Close()
		if complete && runFile != "" {
			os.Remove(runFile)
		}
	}
	return c.MatchStream, done, nil
}
