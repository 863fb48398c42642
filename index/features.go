package index

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/followmatch/followmatch/match"
)

// fFeatures holds a listing's prepared features (match.AppendFeatures),
// stored when it is indexed, after the identity of their writer
// (featureWriter): a candidate fetched from the index is then read back
// instead of prepared again, which was a third of a bulk run's time at a
// million listings. The features are only read by the writer: the same
// build with the same vocabularies. Any other (a newer followmatch, an
// index built before features were stored) prepares the stored record, as
// before, and decides the same.
const fFeatures = "feat"

// executableID is a hash of the running program's file: the code and the
// embedded vocabularies that prepare listings. "" when it cannot be read
// (features are then neither written nor read).
var executableID = sync.OnceValue(func() string {
	path, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:12])
})

// featureWriter returns the identity stored before an index's features:
// the program and its vocabularies; "" when the program is unknown.
func (ix *Index) featureWriter() string {
	ix.writerOnce.Do(func() { ix.writer = featureWriter(ix.vocab) })
	return ix.writer
}

func featureWriter(vs *match.Vocabularies) string {
	exe := executableID()
	if exe == "" {
		return ""
	}
	return exe + "/" + vs.Fingerprint() + "\x00"
}

// appendFeatures appends the stored features of it to dst: the writer's
// identity, then the features. It returns dst when the writer is unknown.
func (ix *Index) appendFeatures(dst []byte, it *match.Item) []byte {
	w := ix.featureWriter()
	if w == "" {
		return dst
	}
	return match.AppendFeatures(append(dst, w...), it)
}

// readFeatures returns the listing rec whose stored features are feat when
// this program wrote them, and nil (prepare the record instead) when
// another did or there are none.
func (ix *Index) readFeatures(rec *match.Record, feat string) (*match.Item, error) {
	w := ix.featureWriter()
	if w == "" || !strings.HasPrefix(feat, w) {
		return nil, nil
	}
	it, err := match.DecodeFeatures(rec, feat[len(w):], ix.vocab)
	if err != nil {
		return nil, fmt.Errorf("index: %w: rebuild it", err)
	}
	return it, nil
}
