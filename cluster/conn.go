// Package cluster spreads a bulk run over workers on NATS JetStream: the
// listing index travels as a versioned snapshot in an object store, offers
// go out in batches on a work-queue stream (durable consumer, explicit
// acks, redelivery), results come back on a stream the coordinator reads
// in order. A worker that dies mid-batch loses nothing: its batch is
// delivered to another after the ack wait.
package cluster

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of the JetStream assets the cluster uses.
const (
	WorkStream    = "FM_WORK"    // work queue: one message per batch of offers
	ResultsStream = "FM_RESULTS" // one message per batch of results
	IndexBucket   = "FM_INDEX"   // object store: index snapshots by version
	MetaBucket    = "FM_META"    // key-value: the current version, each run's settings
	workSubject   = "fm.work."   // + run id
	resultSubject = "fm.results."
	workConsumer  = "workers"
	currentKey    = "index.current"
)

// Options say how to reach the NATS server.
type Options struct {
	// URL is the server's address (nats://host:4222; several, comma
	// separated).
	URL string
	// Credentials is a .creds file (JWT and nkey seed); NKey a file holding
	// an nkey seed; User and Password, or Token, the simpler schemes.
	Credentials, NKey string
	User, Password    string
	Token             string
	// CA is a PEM file of the authority that signed the server's
	// certificate (TLS); Cert and Key a client certificate, when the
	// server asks for one.
	CA, Cert, Key string
	// Name names the connection in the server's monitoring.
	Name string
}

// Connect dials the server with the options' authentication and TLS.
func Connect(o Options) (*nats.Conn, error) {
	opts := []nats.Option{nats.Name(o.Name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second)}
	if o.Credentials != "" {
		opts = append(opts, nats.UserCredentials(o.Credentials))
	}
	if o.NKey != "" {
		opt, err := nats.NkeyOptionFromSeed(o.NKey)
		if err != nil {
			return nil, fmt.Errorf("cluster: nkey %s: %w", o.NKey, err)
		}
		opts = append(opts, opt)
	}
	if o.User != "" {
		opts = append(opts, nats.UserInfo(o.User, o.Password))
	}
	if o.Token != "" {
		opts = append(opts, nats.Token(o.Token))
	}
	if o.CA != "" {
		opts = append(opts, nats.RootCAs(o.CA))
	}
	if o.Cert != "" || o.Key != "" {
		opts = append(opts, nats.ClientCert(o.Cert, o.Key))
	}
	nc, err := nats.Connect(o.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("cluster: connect %s: %w", o.URL, err)
	}
	return nc, nil
}

// Sizing of a pool.
const (
	// AckWait is how long a worker may hold a batch without a sign of life
	// before it is delivered to another (workers signal progress while
	// they match, so a slow batch is not redelivered).
	AckWait = 30 * time.Second
	// MaxDeliver is how many times a batch is delivered before it is
	// given up; the coordinator then reports its rows as errors.
	MaxDeliver = 5
	// dedupWindow is how long a republished batch (a coordinator resumed)
	// is recognized as one already queued.
	dedupWindow = 2 * time.Hour
)

// setup creates (or finds) the streams, buckets and the work consumer. A
// worker sets the consumer's ack wait (ackWait > 0); others leave an
// existing consumer as it is.
func setup(ctx context.Context, js jetstream.JetStream, ackWait time.Duration) error {
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: WorkStream, Subjects: []string{workSubject + ">"}, Retention: jetstream.WorkQueuePolicy,
		Storage: jetstream.FileStorage, Duplicates: dedupWindow,
	}); err != nil {
		return fmt.Errorf("cluster: stream %s: %w", WorkStream, err)
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: ResultsStream, Subjects: []string{resultSubject + ">"}, Retention: jetstream.LimitsPolicy,
		Storage: jetstream.FileStorage, Duplicates: dedupWindow, MaxAge: 7 * 24 * time.Hour,
	}); err != nil {
		return fmt.Errorf("cluster: stream %s: %w", ResultsStream, err)
	}
	_, err := js.Consumer(ctx, WorkStream, workConsumer)
	if ackWait > 0 || errors.Is(err, jetstream.ErrConsumerNotFound) {
		if ackWait <= 0 {
			ackWait = AckWait
		}
		_, err = js.CreateOrUpdateConsumer(ctx, WorkStream, jetstream.ConsumerConfig{
			Durable: workConsumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: ackWait, MaxDeliver: MaxDeliver,
		})
	}
	if err != nil {
		return fmt.Errorf("cluster: consumer %s: %w", workConsumer, err)
	}
	if _, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: MetaBucket}); err != nil {
		return fmt.Errorf("cluster: bucket %s: %w", MetaBucket, err)
	}
	if _, err := js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: IndexBucket}); err != nil {
		return fmt.Errorf("cluster: bucket %s: %w", IndexBucket, err)
	}
	return nil
}

// current returns the index version workers are to use.
func current(ctx context.Context, kv jetstream.KeyValue) (string, error) {
	e, err := kv.Get(ctx, currentKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return "", errors.New("cluster: no index published yet (run `followmatch publish-index --index DIR --nats URL`)")
	}
	if err != nil {
		return "", fmt.Errorf("cluster: current index version: %w", err)
	}
	return string(e.Value()), nil
}
