// Package natstest runs an embedded NATS server with JetStream on loopback
// for tests.
package natstest

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Start runs a server for the test on a free loopback port, its JetStream
// store in a temporary folder, and returns its client URL; opts (when not
// nil) adjusts its options first (users, tokens). The server stops with
// the test.
func Start(t testing.TB, opts func(*server.Options)) string {
	t.Helper()
	o := &server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true}
	if opts != nil {
		opts(o)
	}
	s, err := server.NewServer(o)
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("natstest: server not ready after 10s")
	}
	t.Cleanup(s.Shutdown)
	return s.ClientURL()
}
