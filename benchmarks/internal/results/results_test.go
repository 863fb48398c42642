package results

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteSection(t *testing.T) {
	p := filepath.Join(t.TempDir(), "R.md")
	steps := []struct {
		name, body, want, reason string
	}{
		{"a", "<!-- a:begin -->\nA1\n<!-- a:end -->", "# followmatch benchmark results\n\n<!-- a:begin -->\nA1\n<!-- a:end -->\n", "a new file"},
		{"b", "<!-- b:begin -->\nB1\n<!-- b:end -->\n", "# followmatch benchmark results\n\n<!-- a:begin -->\nA1\n<!-- a:end -->\n\n<!-- b:begin -->\nB1\n<!-- b:end -->\n", "a second section is appended"},
		{"a", "<!-- a:begin -->\nA2\n<!-- a:end -->", "# followmatch benchmark results\n\n<!-- a:begin -->\nA2\n<!-- a:end -->\n\n<!-- b:begin -->\nB1\n<!-- b:end -->\n", "a section is replaced in place"},
	}
	for _, s := range steps {
		if err := WriteSection(p, s.name, s.body); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		if string(got) != s.want {
			t.Errorf("%s: got\n%q\nwant\n%q", s.reason, got, s.want)
		}
	}
}
