// Package eval measures and tunes followmatch on labeled pairs: the layout
// of the public entity-matching benchmarks (tableA.csv = offers, tableB.csv
// = listings, train/valid/test.csv with ltable_id, rtable_id, label). It
// judges sameness only: policy and seller rules play no part.
package eval

import (
	"encoding/csv"
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
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: split %s: %w", name, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("eval: %s: header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	ia, okA := col["ltable_id"]
	ib, okB := col["rtable_id"]
	il, okL := col["label"]
	if !okA || !okB || !okL {
		return nil, fmt.Errorf("eval: %s: want columns ltable_id, rtable_id, label; got %v", path, header)
	}
	var pairs []Pair
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return pairs, nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("eval: %s line %d: %w", path, line, err)
		}
		p := Pair{A: strings.TrimSpace(rec[ia]), B: strings.TrimSpace(rec[ib])}
		switch strings.TrimSpace(rec[il]) {
		case "1":
			p.Match = true
		case "0":
		default:
			return nil, fmt.Errorf("eval: %s line %d, field label: %q is not 0 or 1", path, line, rec[il])
		}
		if ds.A[p.A] == nil {
			return nil, fmt.Errorf("eval: %s line %d: ltable_id %q is not in tableA", path, line, p.A)
		}
		if ds.B[p.B] == nil {
			return nil, fmt.Errorf("eval: %s line %d: rtable_id %q is not in tableB", path, line, p.B)
		}
		pairs = append(pairs, p)
	}
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
