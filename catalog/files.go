package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/followmatch/followmatch/match"
	"go.yaml.in/yaml/v3"
)

// readDataFile reads a JSON or YAML file (by extension) and returns it as
// JSON, so that one strict JSON decoder checks every key.
func readDataFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			return nil, fmt.Errorf("not valid YAML: %w", err)
		}
		if v == nil {
			return []byte("{}"), nil
		}
		return json.Marshal(v)
	case ".json":
		return data, nil
	}
	return nil, fmt.Errorf("unknown file type %q (want .json, .yaml or .yml)", filepath.Ext(path))
}

func decodeStrict(data []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one value")
	}
	return nil
}

// LoadPolicy reads a policy file (JSON or YAML); unknown keys are an error.
func LoadPolicy(path string) (match.Policy, error) {
	var p match.Policy
	data, err := readDataFile(path)
	if err == nil {
		err = decodeStrict(data, &p)
	}
	if err == nil {
		err = p.Validate()
	}
	if err != nil {
		return match.Policy{}, fmt.Errorf("policy %s: %w", path, err)
	}
	return p, nil
}

// LoadSeller reads a seller file (JSON or YAML); unknown keys are an error.
func LoadSeller(path string) (match.Seller, error) {
	var s match.Seller
	data, err := readDataFile(path)
	if err == nil {
		err = decodeStrict(data, &s)
	}
	if err != nil {
		return match.Seller{}, fmt.Errorf("seller %s: %w", path, err)
	}
	return s, nil
}

// LoadConfig reads a scoring config (JSON or YAML) over the defaults.
func LoadConfig(path string) (*match.Config, error) {
	data, err := readDataFile(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	cfg, err := match.DecodeConfig(io.Reader(bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}
