package index

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Candidates tied at the K-th place are chosen by listing id, so that every
// build of one catalog gives the same ones (topK.settle). Reading the ids
// of the tied listings (about fifty per offer at a million listings) took a
// seventh of a bulk run: each is a random read in the stored records. After
// a bulk build has merged the index into one segment, Compact writes the
// order of that segment's listings by id to ranksFile, and ties among its
// listings are settled by that order, which reads nothing. Listings of any
// other segment (added later, or after a merge) are settled by their ids.

// ranksFile holds the id order of one segment's listings.
const ranksFile = "followmatch.ranks"

// ranksMagic opens ranksFile.
var ranksMagic = []byte("FMRANKS1")

// idRanks is the position of each listing of one segment in the order of
// their ids, by document number.
type idRanks struct {
	segment uint64 // the segment's id in the index
	rank    []uint32
}

// covers reports whether r orders segment seg. Listings deleted from the
// segment since keep their places (they are never hits).
func (r *idRanks) covers(seg *scorch.SegmentSnapshot) bool {
	return r != nil && seg.Id() == r.segment && seg.Segment().Count() == uint64(len(r.rank))
}

// writeRanks writes ranksFile for the index's only segment; with several
// segments it removes the file.
func (ix *Index) writeRanks() error {
	path := filepath.Join(ix.dir, ranksFile)
	snap, err := ix.snapshot()
	if err != nil {
		return err
	}
	defer snap.DecRef()
	segs := snap.Segments()
	if len(segs) != 1 || segs[0].Segment().Count() > 1<<32-1 {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("index: %w", err)
		}
		return nil
	}
	seg := segs[0]
	n := int(seg.Segment().Count()) // deleted listings included: numbers stay
	ids := make([][]byte, n)
	s := &searcher{segs: segs, ranked: -1}
	for i := range n {
		id, err := s.docID(hit{seg: 0, num: uint64(i)})
		if err != nil {
			return err
		}
		ids[i] = bytes.Clone(id)
	}
	order := make([]uint32, n)
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return bytes.Compare(ids[a], ids[b]) })
	buf := make([]byte, 0, len(ranksMagic)+16+4*n+4)
	buf = append(buf, ranksMagic...)
	buf = binary.LittleEndian.AppendUint64(buf, seg.Id())
	buf = binary.LittleEndian.AppendUint64(buf, uint64(n))
	rank := make([]uint32, n)
	for r, doc := range order {
		rank[doc] = uint32(r)
	}
	for _, r := range rank {
		buf = binary.LittleEndian.AppendUint32(buf, r)
	}
	buf = binary.LittleEndian.AppendUint32(buf, crc32.ChecksumIEEE(buf))
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf, 0o644); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	ix.ranks.Store(nil) // read it again
	return nil
}

// ranksLoad reads ranksFile once.
type ranksLoad struct {
	once  sync.Once
	ranks *idRanks
}

// idRanks returns the index's ranks, read from ranksFile once; nil when
// there are none or the file does not read back (ties are then settled by
// id, as without it).
func (ix *Index) idRanks() *idRanks {
	o := ix.ranks.Load()
	if o == nil {
		ix.ranks.CompareAndSwap(nil, &ranksLoad{})
		o = ix.ranks.Load()
	}
	o.once.Do(func() { o.ranks = readRanks(filepath.Join(ix.dir, ranksFile)) })
	return o.ranks
}

func readRanks(path string) *idRanks {
	b, err := os.ReadFile(path)
	if err != nil || len(b) < len(ranksMagic)+20 || !bytes.HasPrefix(b, ranksMagic) {
		return nil
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil
	}
	p := body[len(ranksMagic):]
	r := &idRanks{segment: binary.LittleEndian.Uint64(p)}
	n := binary.LittleEndian.Uint64(p[8:])
	p = p[16:]
	if uint64(len(p)) != 4*n {
		return nil
	}
	r.rank = make([]uint32, n)
	for i := range r.rank {
		r.rank[i] = binary.LittleEndian.Uint32(p[4*i:])
	}
	return r
}
