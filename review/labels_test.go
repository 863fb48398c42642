package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/followmatch/followmatch/eval"
)

func TestLabelsAppendUndoReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "labels.csv")
	l, err := OpenLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add("SKU-1", "L1", true); err != nil {
		t.Fatal(err)
	}
	size, err := l.Add(`SKU,"2"`, "L2", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Undo(`SKU,"2"`, "L2", size); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add(`SKU,"2"`, "L3", true); err != nil {
		t.Fatal(err)
	}
	l.Close()
	// What tune reads is what was answered, the undone label gone, the
	// quoted id intact.
	pairs, err := eval.ReadLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.Pair{{A: "SKU-1", B: "L1", Match: true}, {A: `SKU,"2"`, B: "L3", Match: true}}
	if len(pairs) != len(want) {
		t.Fatalf("labels %v, want %v", pairs, want)
	}
	for i := range want {
		if pairs[i].A != want[i].A || pairs[i].B != want[i].B || pairs[i].Match != want[i].Match {
			t.Errorf("label %d: %+v, want %+v", i, pairs[i], want[i])
		}
	}
	// Reopened, the labels count as given.
	l, err = OpenLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if same, ok := l.Label("SKU-1", "L1"); !ok || !same {
		t.Errorf("reopened: SKU-1/L1 = %v, %v; want labeled same", same, ok)
	}
	if _, ok := l.Label(`SKU,"2"`, "L2"); ok {
		t.Error("reopened: the undone label counts")
	}
}

func TestLabelsEndsAnOpenLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "labels.csv")
	// A person's editor saved the file without its last newline.
	if err := os.WriteFile(path, []byte("offer_id,listing_id,label\nA,L1,1"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := OpenLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Add("B", "L2", false); err != nil {
		t.Fatal(err)
	}
	l.Close()
	pairs, err := eval.ReadLabels(path)
	if err != nil || len(pairs) != 2 || pairs[1].A != "B" {
		t.Fatalf("labels %v, %v; want A and B on rows of their own", pairs, err)
	}
}

func TestLabelsBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "labels.csv")
	if err := os.WriteFile(path, []byte("offer_id,listing_id,label\nA,L1,maybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenLabels(path); err == nil {
		t.Fatal("a labels file with a label of \"maybe\" opens")
	}
}
