// Package eval measures and tunes followmatch on labeled pairs: the layout
// of the public entity-matching benchmarks (tableA.csv = offers, tableB.csv
// = listings, train/valid/test.csv with ltable_id, rtable_id, label). It
// judges sameness only: policy and seller rules play no part.
package eval

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/followmatch/followmatch/catalog"
	"github.com/followmatch/followmatch/match"
)

// Pair is one labeled pair: an offer (tableA id), a listing (tableB id) and
// whether they are the same item.
type Pair struct {
	A, B  string
	Match bool
}

// Dataset is a labeled-pair dataset loaded in memory (benchmark tables are
// small; bulk runs stream instead).
type Dataset struct {
	Dir  string
	Name string
	A, B map[string]*match.Record
	// BOrder lists tableB ids in file order, for indexing.
	BOrder []string
	// BadRows are the rows of tableA and tableB that could not be read.
	BadRows []string
	// splits hold the pairs of datasets read whole (LoadWDC); others read
	// their split files on demand.
	splits map[string][]Pair
}

// Load reads tableA.csv and tableB.csv from dir with the column renames.
func Load(dir string, renames map[string]string) (*Dataset, error) {
	ds := &Dataset{Dir: dir, Name: filepath.Base(filepath.Clean(dir)), A: map[string]*match.Record{}, B: map[string]*match.Record{}}
	for _, t := range []struct {
		file  string
		into  map[string]*match.Record
		order *[]string
	}{{"tableA.csv", ds.A, nil}, {"tableB.csv", ds.B, &ds.BOrder}} {
		rd, err := catalog.Open(filepath.Join(dir, t.file), catalog.Options{Map: renames})
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		for {
			row, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rd.Close()
				return nil, fmt.Errorf("eval: %w", err)
			}
			if row.Err != nil {
				ds.BadRows = append(ds.BadRows, row.Err.Error())
				continue
			}
			t.into[row.Record.ID] = row.Record
			if t.order != nil {
				*t.order = append(*t.order, row.Record.ID)
			}
		}
		rd.Close()
	}
	return ds, nil
}

// Split reads one split file (train, valid or test). A pair naming an id
// missing from its table is an error naming the file and line.
func (ds *Dataset) Split(name string) ([]Pair, error) {
	if ds.splits != nil {
		p, ok := ds.splits[name]
		if !ok {
			return nil, fmt.Errorf("eval: %s has no split %s", ds.Name, name)
		}
		return p, nil
	}
	path := filepath.Join(ds.Dir, name+".csv")
	pairs, err := readPairs(path, "ltable_id", "rtable_id", "line")
	if err != nil {
		return nil, fmt.Errorf("eval: split %s: %w", name, err)
	}
	for i, p := range pairs {
		if ds.A[p.A] == nil {
			return nil, fmt.Errorf("eval: %s line %d: ltable_id %q is not in tableA", path, i+2, p.A)
		}
		if ds.B[p.B] == nil {
			return nil, fmt.Errorf("eval: %s line %d: rtable_id %q is not in tableB", path, i+2, p.B)
		}
	}
	return pairs, nil
}

// ReadMap reads a dataset's map.txt (the --map value for its columns), or
// returns "" when there is none.
func ReadMap(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "map.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

// LoadDir loads a dataset in the DeepMatcher layout with the column map of
// its map.txt (none when there is no map.txt).
func LoadDir(dir string) (*Dataset, error) {
	m, err := ReadMap(dir)
	if err != nil {
		return nil, err
	}
	renames, err := catalog.ParseMap(m)
	if err != nil {
		return nil, fmt.Errorf("eval: %s/map.txt: %w", dir, err)
	}
	return Load(dir, renames)
}

// LoadAll reads every labeled-pair dataset under the folders dirs: each
// folder in the DeepMatcher layout (with its map.txt), and the three test
// sets of WDC Products with its medium development set. Other entries are
// skipped.
func LoadAll(dirs []string) ([]*Dataset, error) {
	var out []*Dataset
	for _, data := range dirs {
		entries, err := os.ReadDir(data)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			dir := filepath.Join(data, e.Name())
			switch {
			case !e.IsDir():
				continue
			case IsWDC(dir):
				for _, t := range WDCTests {
					ds, err := LoadWDC(dir, t.Name, "medium")
					if err != nil {
						return nil, fmt.Errorf("%s: %w", dir, err)
					}
					out = append(out, ds)
				}
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, "tableA.csv")); err != nil {
				continue
			}
			ds, err := LoadDir(dir)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", dir, err)
			}
			out = append(out, ds)
		}
	}
	return out, nil
}
