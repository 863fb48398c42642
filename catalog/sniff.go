package catalog

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Spreadsheet exports come in more encodings and separators than RFC 4180
// names. A delimited file is read as:
//   - UTF-16 when it starts with a UTF-16 byte order mark (Excel's "Unicode
//     Text"), transcoded to UTF-8;
//   - UTF-8 otherwise, with a UTF-8 byte order mark skipped; and any line
//     that is not valid UTF-8 is read as Windows-1252 (the legacy encoding
//     of Excel's CSV on Western systems: "Nestlé" saved as one byte 0xE9),
//     since replacing its bytes would change brands and titles;
//   - separated by the separator its header row uses most, of comma,
//     semicolon and tab (Excel writes semicolons where the comma is the
//     decimal mark), the extension's own on a tie.
// Each choice other than the plain one is told to the user as a note.

// sniffBytes is how much of a file the encoding and separator are judged on.
const sniffBytes = 1 << 20

// openEncoded returns a reader of r's text as UTF-8 (see above) and a note
// when r is UTF-16.
func openEncoded(r io.Reader) (*bufio.Reader, []string) {
	br := bufio.NewReaderSize(r, 256<<10)
	b, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 256<<10), []string{"read as UTF-16 (it starts with a UTF-16 byte order mark)"}
	case bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	}
	return br, nil
}

// legacyNote returns a note when the first sniffBytes of br hold a line
// that is not valid UTF-8 (those lines are read as Windows-1252).
func legacyNote(br *bufio.Reader) []string {
	b, _ := br.Peek(sniffBytes)
	if len(b) == sniffBytes {
		// A rune cut at the end of the sample is not an error.
		if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
			b = b[:i]
		}
	}
	for n := 1; len(b) > 0; n++ {
		line, rest, _ := bytes.Cut(b, []byte{'\n'})
		if !utf8.Valid(line) {
			return []string{fmt.Sprintf("line %d (and maybe others) is not UTF-8: such lines are read as Windows-1252 (save the file as UTF-8 to be sure of accented letters)", n)}
		}
		b = rest
	}
	return nil
}

// asUTF8 returns line as UTF-8: itself when valid, else read as
// Windows-1252.
func asUTF8(line []byte) []byte {
	if utf8.Valid(line) {
		return line
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(line)
	if err != nil {
		return line // not reached: every byte is a Windows-1252 character
	}
	return out
}

// separators are the field separators a header row may use.
var separators = []byte{',', ';', '\t'}

// sniffLines is how many lines the separator is judged on: a title block
// above the header ("ACME price list, December") must not decide it.
const sniffLines = maxPreamble + 1

// sniffSeparator returns the separator of the first sniffLines lines of br
// (outside quotes): the one used most on the line that uses separators
// most (the header, or a row, not a title above them), def on a tie or
// when none is used, and a note when it is not def.
func sniffSeparator(br *bufio.Reader, def byte) (byte, []string) {
	b, _ := br.Peek(64 << 10)
	var best [256]int // the counts on the busiest line so far
	bestLine, line := 0, 1
	var counts [256]int
	quoted := false
	busiest := func(c *[256]int) int { return max(c[','], c[';'], c['\t']) }
scan:
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			if busiest(&counts) > busiest(&best) {
				best, bestLine = counts, line
			}
			counts = [256]int{}
			if line++; line > sniffLines {
				break scan
			}
		case bytes.IndexByte(separators, c) >= 0:
			counts[c]++
		}
	}
	if busiest(&counts) > busiest(&best) {
		best, bestLine = counts, line
	}
	sep := def
	for _, c := range separators {
		if best[c] > best[sep] {
			sep = c
		}
	}
	if sep == def {
		return def, nil
	}
	return sep, []string{fmt.Sprintf("read as %s-separated: line %d has %d %s and %d %s", sepName(sep), bestLine, best[sep], sepPlural(sep), best[def], sepPlural(def))}
}

func sepName(c byte) string {
	switch c {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

func sepPlural(c byte) string {
	switch c {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	}
	return "commas"
}
