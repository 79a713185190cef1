package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/gwrfacts/gwr/corpus/region"
	"io"
	"math"
	"os"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is 0: 50 MB.
const DefaultMaxBytes int64 = 50 << 20

// Options control Load.
type Options struct {
	// Encoding forces the encoding: "" detects, else one of "utf-8",
	// "gb18030", "gbk", "utf-16le", "utf-16be" (see Decode).
	Encoding string
	// MaxBytes is the largest file accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Manifest overrides inferred metadata by document ID.
	Manifest Manifest
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

// Document is one decoded input with its metadata.
type Document struct {
	ID, Path string
	Member   string // for an archive member, its name in the archive at Path; "" otherwise
	Format   string // FormatText, FormatHTML, FormatDOCX or FormatPDF
	Text     string // the text the input was read as: see Load
	SHA256   string // hex SHA-256 of the raw bytes (of the member, for an archive member)
	Encoding string // "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be" ("gbk" only when forced); "" for docx and pdf
	HTML     bool   // the text looks like an HTML page; Text is still the page as is
	Meta     Meta
}

// Load reads one input (standard input for "-", a member of a zip archive
// when in.Member is set), checks its size, turns it into text, infers its
// metadata from the text and the name and applies opt.Manifest's entry for
// in.ID over it. Errors are *FileError values naming the file (the archive
// and the member for a member).
//
// The text depends on the format, told by the name's extension: a .docx
// file is read by DocxText and a .pdf file by PDFText; anything else
// (.txt, .htm, .html, other names given on the command line, standard
// input) is decoded by Decode, nothing changed but a leading BOM. Spans
// are offsets into this text.
func Load(in Input, opt Options) (*Document, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	if in.Path != StdinPath {
		name := in.Path
		if in.Member != "" {
			name = in.Member
		}
		if why := unreadableFormat(name); why != "" {
			return nil, inputErr(decodeErr(ErrFormat, why), in)
		}
	}
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	name := in.Path
	var (
		raw []byte
		err error
	)
	if in.Member != "" {
		name = in.Member
		raw, err = readMember(in.Path, in.Member, limit)
	} else {
		raw, err = readLimited(in.Path, limit, opt.Stdin)
	}
	if err != nil {
		return nil, err
	}
	format := formatOf(name)
	if in.Path == StdinPath || format == "" {
		format = FormatText
	}
	var text, enc string
	switch format {
	case FormatDOCX:
		text, err = DocxText(raw, limit)
	case FormatPDF:
		text, err = pdfText(in, raw)
	default:
		text, enc, err = decode(raw, opt.Encoding, true) // raw is only hashed after this
	}
	if err != nil {
		return nil, inputErr(err, in)
	}
	if strings.TrimSpace(text) == "" {
		// a report of blanks is as empty as no bytes: say so rather than
		// list it as a document without facts
		reason := "empty file (only white space)"
		if format == FormatDOCX || format == FormatPDF {
			reason = "no text in the document"
		}
		return nil, inputErr(decodeErr(ErrEmpty, reason), in)
	}
	sum := sha256.Sum256(raw)
	doc := &Document{
		ID:       in.ID,
		Path:     in.Path,
		Member:   in.Member,
		Format:   format,
		Text:     text,
		SHA256:   hex.EncodeToString(sum[:]),
		Encoding: enc,
		HTML:     looksHTML(text),
	}
	doc.Meta = inferMetaNamed(name, text, doc.HTML)
	if doc.HTML && format == FormatText {
		doc.Format = FormatHTML
	}
	key := in.ID
	if _, ok := opt.Manifest[key]; !ok && in.Renamed != "" {
		key = in.Renamed // the manifest names the file by the ID it was found with
	}
	doc.Meta = opt.Manifest.Apply(key, doc.Meta)
	return doc, nil
}

// inputErr names the input in err, a *FileError without a path: the file,
// and for an archive member the member too.
func inputErr(err error, in Input) error {
	var fe *FileError
	if !errors.As(err, &fe) || fe.Path != "" {
		return err
	}
	c := *fe
	c.Path = in.Path
	if in.Member != "" {
		c.Reason = "member " + SafeName(in.Member) + ": " + c.Reason
	}
	return &c
}

// readLimited reads the file at path (standard input for "-"), refusing
// more than limit bytes. Only regular files are opened: a named pipe, a
// socket or a device (which could block a read forever or never end) is an
// error naming what it is, checked before the open, which would itself
// block on a pipe without a writer.
func readLimited(path string, limit int64, stdin io.Reader) ([]byte, error) {
	var r io.Reader
	size := int64(-1) // a regular file's size when opened; -1 for stdin
	if path == StdinPath {
		r = stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		info, err := os.Stat(path)
		if err != nil {
			return nil, statErr(path, err)
		}
		if err := regular(path, info); err != nil {
			return nil, err
		}
		if info.Size() > limit {
			return nil, tooLarge(path, info.Size(), limit)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, statErr(path, err)
		}
		defer f.Close()
		if info, err = f.Stat(); err != nil {
			return nil, statErr(path, err)
		}
		if err := regular(path, info); err != nil {
			return nil, err // replaced between the two looks
		}
		r = f
		size = info.Size()
	}
	// read at most limit+1 bytes (without overflowing at the largest
	// int64) to tell a file of exactly limit bytes from a larger one
	raw, err := readAll(io.LimitReader(r, min(limit, math.MaxInt64-1)+1), size)
	if err != nil {
		return nil, &FileError{Path: path, Reason: "read: " + err.Error(), Err: err}
	}
	if int64(len(raw)) > limit {
		return nil, &FileError{Path: path, Reason: fmt.Sprintf("file is more than %d bytes, over the --max-bytes limit of %d", limit, limit), Kind: ErrTooLarge}
	}
	return raw, nil
}

// readAll is io.ReadAll with room for size bytes from the start (a file's
// size as Stat gave it; -1 when unknown), so that a file is read into one
// buffer instead of one that doubles from 512 bytes. One byte more is kept
// free for the read that finds the end.
func readAll(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, max(512, min(size+1, 1<<30)))
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append grow it
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// regular returns an error naming what path is when it is not a regular
// file.
func regular(path string, info os.FileInfo) error {
	m := info.Mode()
	what := ""
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		what = "is a directory"
	case m&os.ModeNamedPipe != 0:
		what = "is a named pipe (FIFO), not a file: not read"
	case m&os.ModeSocket != 0:
		what = "is a socket, not a file: not read"
	case m&os.ModeDevice != 0:
		what = "is a device, not a file: not read"
	default:
		what = "is not a regular file: not read"
	}
	return &FileError{Path: path, Reason: what, Kind: ErrNotFound}
}

func tooLarge(path string, size, limit int64) error {
	return &FileError{Path: path, Reason: fmt.Sprintf("file is %d bytes, over the --max-bytes limit of %d", size, limit), Kind: ErrTooLarge}
}

// Row returns the document's row of the documents table, with facts as
// its fact count and chars as its Chars, the code points of Text (which
// the extractor counts as it cleans the text: extract.Layout.Chars).
// Year is null when the plan year is unknown; RegionCode is the GB/T 2260
// code of the region at its level (region.Table.Resolve), null when it
// cannot be told.
func (d *Document) Row(facts, chars int) schema.Document {
	row := schema.Document{
		DocID:    d.ID,
		Path:     d.Path,
		Format:   d.Format,
		Member:   d.Member,
		SHA256:   d.SHA256,
		Encoding: d.Encoding,
		Region:   d.Meta.Region,
		Level:    d.Meta.Level,
		DocType:  d.Meta.DocType,
		Chars:    int32(chars),
		Facts:    int32(facts),
	}
	if d.Meta.Year != 0 {
		y := int32(d.Meta.Year)
		row.Year = &y
	}
	if code := region.Default().Resolve(d.Meta.Region, d.Meta.Level, d.Text); code != "" {
		row.RegionCode = &code
	}
	return row
}
