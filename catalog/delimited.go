package catalog

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// maxField bounds one CSV/TSV field, as maxLine bounds a JSON Lines record.
const maxField = 16 << 20

// maxQuotedLines bounds the physical lines one quoted field may span: a
// quote opened by mistake ("Best" Sony...) must not swallow the rest of the
// file.
const maxQuotedLines = 100

// errQuote marks a row whose quoting is broken; the reader goes on at the
// next line.
var errQuote = errors.New("quoting")

// delimReader reads CSV or TSV records: RFC 4180 quoting (a field that
// starts with a quote runs to the closing quote, "" inside it is one quote,
// it may span lines), a quote elsewhere in a field is plain text (10"
// screens), blank lines are skipped. Unlike encoding/csv's lazy mode, a
// quoting mistake costs its own row only: a quoted field followed by text is
// an error for its row, and a quote never closed (within maxQuotedLines or
// before the end of the file) is an error for the row it opened, after
// which reading resumes on the next line. It reads line by line, without
// recursion, in memory bounded by maxField.
type delimReader struct {
	br    *bufio.Reader
	comma byte
	lines int // physical lines read so far
	// pending holds lines read ahead for a quoted field that never closed:
	// they are read again as rows.
	pending []pendingLine
}

type pendingLine struct {
	text []byte
}

// Lines returns the physical lines read so far.
func (d *delimReader) Lines() int { return d.lines }

// line returns the next physical line (see readLine); err is io.EOF after
// the last line.
func (d *delimReader) line() ([]byte, error) {
	if len(d.pending) > 0 {
		p := d.pending[0]
		d.pending = d.pending[1:]
		d.lines++
		return p.text, nil
	}
	ln, err := readLine(d.br, maxField)
	if err == nil {
		d.lines++
	}
	return asUTF8(ln), err
}

// readLine reads one line without its line ending, however long: past
// limit it keeps reading but keeps only limit+1 bytes, so that a caller
// sees the line is too long. err is io.EOF (or the read error) only when
// no line is left; a last line without a newline comes with nil.
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	var buf []byte
	read := false
	for {
		chunk, isPrefix, err := br.ReadLine()
		if err != nil {
			if read {
				return buf, nil
			}
			return nil, err
		}
		read = true
		if room := limit + 1 - len(buf); room > 0 {
			buf = append(buf, chunk[:min(len(chunk), room)]...)
		}
		if !isPrefix {
			return buf, nil
		}
	}
}

// record reads the next record: its fields, the line it starts on, and a
// row error when its quoting or size is broken (fields then holds those
// read before the problem). err is io.EOF after the last record.
func (d *delimReader) record() (fields []string, start int, rowErr, err error) {
	for {
		ln, err := d.line()
		if err != nil {
			return nil, 0, nil, err
		}
		if len(bytes.TrimSpace(ln)) == 0 {
			continue // a blank line
		}
		start = d.lines
		if len(ln) > maxField {
			return nil, start, fmt.Errorf("line longer than %d bytes", maxField), nil
		}
		fields, rowErr = d.parse(ln, start)
		return fields, start, rowErr, nil
	}
}

// parse splits one record that starts with line ln (line number start),
// reading further lines while a quoted field is open.
func (d *delimReader) parse(ln []byte, start int) ([]string, error) {
	var fields []string
	i := 0
	for {
		if i < len(ln) && ln[i] == '"' {
			val, next, rest, err := d.quoted(ln, i+1, start, len(fields)+1)
			if err != nil {
				return fields, err
			}
			fields = append(fields, val)
			ln, i = rest, next
		} else {
			j := bytes.IndexByte(ln[i:], d.comma)
			if j < 0 {
				fields = append(fields, string(ln[i:]))
				return fields, nil
			}
			fields = append(fields, string(ln[i:i+j]))
			i += j
		}
		// ln[i] is the delimiter, or i is the end of the record.
		if i >= len(ln) {
			return fields, nil
		}
		i++
		if i == len(ln) {
			return append(fields, ""), nil // a trailing empty field
		}
	}
}

// quoted reads a quoted field whose text starts at ln[from]. It returns the
// value, the index just past the closing quote in rest (the record's text,
// grown by the lines the field spans), or the quoting error.
func (d *delimReader) quoted(ln []byte, from, start, n int) (string, int, []byte, error) {
	var val []byte
	i := from
	var spanned []pendingLine // lines read for this field, for a runaway quote
	for {
		j := bytes.IndexByte(ln[i:], '"')
		if j < 0 {
			// The field goes on past the line end.
			val = append(val, ln[i:]...)
			if len(spanned) == maxQuotedLines || len(val) > maxField {
				d.unread(spanned)
				return "", 0, nil, fmt.Errorf("%w: the quote opening field %d is not closed within %d lines", errQuote, n, maxQuotedLines)
			}
			next, err := d.line()
			if err != nil {
				d.unread(spanned)
				return "", 0, nil, fmt.Errorf("%w: the quote opening field %d is never closed", errQuote, n)
			}
			spanned = append(spanned, pendingLine{text: next})
			val = append(val, '\n')
			ln, i = next, 0
			continue
		}
		val = append(val, ln[i:i+j]...)
		i += j + 1 // past the quote
		switch {
		case i < len(ln) && ln[i] == '"':
			val = append(val, '"') // "" is one quote
			i++
		case i == len(ln) || ln[i] == d.comma:
			return string(val), i, ln, nil
		default:
			// Text after the closing quote: "Best" Sony headphones. The rest
			// of this line belongs to the row; the row is refused.
			return "", 0, nil, fmt.Errorf(`%w: field %d starts with a quote but has text after its closing quote (write "" for a quote inside quotes, or no quotes around the field)`, errQuote, n)
		}
	}
}

// unread gives back the lines a runaway quoted field read, so that they are
// read again as rows.
func (d *delimReader) unread(lines []pendingLine) {
	if len(lines) == 0 {
		return
	}
	d.lines -= len(lines)
	d.pending = append(append([]pendingLine(nil), lines...), d.pending...)
}

// newDelimReader reads from r in its encoding, with the separator its
// header uses (def unless another is used more; sniff.go), and returns what
// it chose that the user should hear.
func newDelimReader(r io.Reader, def byte) (*delimReader, []string) {
	br, notes := openEncoded(r)
	notes = append(notes, legacyNote(br)...)
	comma, n := sniffSeparator(br, def)
	return &delimReader{br: br, comma: comma}, append(notes, n...)
}
