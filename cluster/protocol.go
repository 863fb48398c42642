package cluster

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"

	"github.com/followmatch/followmatch/match"
)

// Settings travel with a run, so that every worker decides the same way.
type Settings struct {
	Config *match.Config
	Policy match.Policy
	Seller match.Seller
	// BatchSize is how many offers one work message holds.
	BatchSize int
}

// settingsJSON is Settings on the wire: the config as its own file form.
type settingsJSON struct {
	Config    json.RawMessage `json:"config"`
	Policy    match.Policy    `json:"policy"`
	Seller    match.Seller    `json:"seller"`
	BatchSize int             `json:"batch_size"`
}

// encode writes the settings as gzipped JSON: a config may carry a
// labeled set's known products (hundreds of kilobytes of titles), and a
// run's settings are one key-value message, which NATS caps at 1 MB by
// default.
func (s Settings) encode() ([]byte, error) {
	cfg := s.Config
	if cfg == nil {
		cfg = match.DefaultConfig()
	}
	var b bytes.Buffer
	if err := cfg.Encode(&b); err != nil {
		return nil, err
	}
	js, err := json.Marshal(settingsJSON{Config: b.Bytes(), Policy: s.Policy, Seller: s.Seller, BatchSize: s.BatchSize})
	if err != nil {
		return nil, err
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	if _, err := zw.Write(js); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

// decodeSettings reads settings as encode writes them (or as plain JSON,
// as coordinators before gzip wrote them).
func decodeSettings(data []byte) (Settings, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return Settings{}, fmt.Errorf("run settings: %w", err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			return Settings{}, fmt.Errorf("run settings: %w", err)
		}
	}
	var w settingsJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return Settings{}, fmt.Errorf("run settings: %w", err)
	}
	cfg, err := match.DecodeConfig(bytes.NewReader(w.Config))
	if err != nil {
		return Settings{}, fmt.Errorf("run settings: config: %w", err)
	}
	return Settings{Config: cfg, Policy: w.Policy, Seller: w.Seller, BatchSize: w.BatchSize}, nil
}

// batch is one work message: offers from row First on, in input order.
type batch struct {
	Run   string `json:"run"`
	First int    `json:"first"`
	Jobs  []job  `json:"jobs"`
}

// job is one row: an offer, or why the row could not be read.
type job struct {
	Offer *match.Record `json:"offer,omitempty"`
	Err   string        `json:"error,omitempty"`
	ID    string        `json:"id,omitempty"`
}

// resultBatch is one results message: the results of the batch of the
// same run and first row, and the index version that decided them.
type resultBatch struct {
	Run     string         `json:"run"`
	First   int            `json:"first"`
	Version string         `json:"version"`
	Worker  string         `json:"worker"`
	Results []match.Result `json:"results"`
}

// msgID names a batch for JetStream's duplicate detection.
func msgID(run string, first int) string { return fmt.Sprintf("%s.%d", run, first) }
