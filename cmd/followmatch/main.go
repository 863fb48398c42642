// Command followmatch matches a supplier's offers to existing marketplace
// listings and decides, for each offer, whether the seller may follow-sell
// the listing. See `followmatch help`.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

const usage = `followmatch: match supplier offers to marketplace listings and decide follow-sell eligibility.

Usage: followmatch COMMAND [flags]

Commands:
  index           build or update the listing index from a listings file
  match           decide every offer of an offers file
  explain         show the evidence behind one offer's decision
  compare-images  compare two images (files or URLs)
  eval            precision, recall and F1 on a labeled-pair dataset
  tune            fit weights and thresholds on a labeled-pair dataset
  review          a local web page to check decisions and record labels
  serve           the same decisions over HTTP/JSON
  worker          join a pool of NATS JetStream workers (match --nats sends them offers)
  publish-index   upload an index snapshot for the workers, as a new version

Run 'followmatch COMMAND -h' for a command's flags.
`

// usageError marks a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

type command struct {
	name string
	run  func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"index", runIndex},
	{"match", runMatch},
	{"explain", runExplain},
	{"compare-images", runCompareImages},
	{"eval", runEval},
	{"tune", runTune},
	{"review", runReview},
	{"serve", runServe},
	{"worker", runWorker},
	{"publish-index", runPublishIndex},
}

func main() {
	tuneGC(os.Args[1:])
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// tuneGC trades memory for throughput unless the environment says
// otherwise: matching allocates many short-lived objects, and at the default
// GOGC the collector takes a third of the CPU. A soft heap limit keeps
// matching well under a gigabyte; an index build (Bleve builds and merges
// segments in memory) gets 1 GiB, which its heap reaches at a million
// listings (at 512 MiB the collector ran twice as often: 15k instead of
// 16-18k listings/s).
func tuneGC(args []string) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit := int64(512 << 20)
		if len(args) > 0 && args[0] == "index" {
			limit = 1 << 30
		}
		debug.SetMemoryLimit(limit)
	}
}

// run executes one command line and returns the exit status: 0 on success,
// 2 on a usage error, 1 on any other failure.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var ue usageError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "followmatch %s: %v\nRun 'followmatch %s -h' for usage.\n", c.name, err, c.name)
			return 2
		default:
			fmt.Fprintf(stderr, "followmatch %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "followmatch: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// parseFlags parses a command's flags; a bad flag or a stray argument is a
// usage error.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}
