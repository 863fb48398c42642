// Package results rewrites one marked section of benchmarks/RESULTS.md, so
// each benchmark program owns its section and leaves the others alone.
package results

import (
	"os"
	"strings"
)

// Markers returns the begin and end comments of a named section.
func Markers(name string) (begin, end string) {
	return "<!-- " + name + ":begin -->", "<!-- " + name + ":end -->"
}

// WriteSection replaces the section named name in the file at path with
// body (which must start with the begin marker and end with the end
// marker), appends it when the file has none, and creates the file when it
// does not exist.
func WriteSection(path, name, body string) error {
	begin, end := Markers(name)
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	text := string(old)
	body = strings.TrimRight(body, "\n")
	var out string
	i, j := strings.Index(text, begin), strings.Index(text, end)
	switch {
	case i >= 0 && j > i:
		out = text[:i] + body + text[j+len(end):]
	case text == "":
		out = "# followmatch benchmark results\n\n" + body + "\n"
	default:
		out = strings.TrimRight(text, "\n") + "\n\n" + body + "\n"
	}
	return os.WriteFile(path, []byte(out), 0o644)
}
