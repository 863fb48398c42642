package catalog

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSample(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,title,pack_count\n")
	for i := range 50 {
		fmt.Fprintf(&b, "O%d,item %d,1\n", i, i)
		if i%10 == 0 {
			fmt.Fprintf(&b, "B%d,bad pack,two\n", i) // a row error: passed over
		}
	}
	p := write(t, "offers.csv", b.String())
	ids := func(n int) ([]string, int) {
		t.Helper()
		recs, seen, err := Sample(context.Background(), p, Options{}, n)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			out = append(out, r.ID)
		}
		return out, seen
	}
	all, seen := ids(100)
	if len(all) != 50 || seen != 50 || all[0] != "O0" || all[49] != "O49" {
		t.Fatalf("n above the file's records: want its 50 records in order (row errors passed over), got %d of %d: %v", len(all), seen, all)
	}
	some, seen := ids(10)
	if len(some) != 10 || seen != 50 {
		t.Fatalf("want 10 of 50 records, got %d of %d", len(some), seen)
	}
	if late := slices.IndexFunc(some, func(id string) bool { return id >= "O3" && len(id) == 3 }); late < 0 {
		t.Errorf("sample %v: nothing from the file's second half; a sample is spread over the whole file", some)
	}
	again, _ := ids(10)
	if !slices.Equal(some, again) {
		t.Errorf("the same file sampled twice: %v, then %v; want the same sample", some, again)
	}
	if _, _, err := Sample(context.Background(), p+".missing", Options{}, 10); err == nil || !strings.Contains(err.Error(), "offers.csv.missing") {
		t.Errorf("a missing file: error %v, want one naming it", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Sample(ctx, p, Options{}, 10); err == nil {
		t.Error("a cancelled context: want an error")
	}
}
