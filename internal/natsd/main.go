// Command natsd runs a NATS server with JetStream from the nats-server
// module, for `make cluster-demo` on a machine without Debian's
// nats-server. It serves until interrupted.
//
//	go run ./internal/natsd -addr 127.0.0.1 -port 4222 -store /tmp/js
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

func main() {
	addr := flag.String("addr", "127.0.0.1", "listen `address`")
	port := flag.Int("port", 4222, "client `port`")
	store := flag.String("store", "", "JetStream storage `dir` (default a temporary folder)")
	flag.Parse()
	if *store == "" {
		d, err := os.MkdirTemp("", "natsd-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "natsd:", err)
			os.Exit(1)
		}
		defer os.RemoveAll(d)
		*store = d
	}
	s, err := server.NewServer(&server.Options{Host: *addr, Port: *port, JetStream: true, StoreDir: *store})
	if err != nil {
		fmt.Fprintln(os.Stderr, "natsd:", err)
		os.Exit(1)
	}
	s.ConfigureLogger()
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		fmt.Fprintln(os.Stderr, "natsd: not ready after 10s")
		os.Exit(1)
	}
	s.WaitForShutdown()
}
