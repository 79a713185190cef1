package corpus

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of input problems. A *FileError wraps one of them, so callers can
// test the kind with errors.Is while printing the detailed message.
var (
	// ErrNotFound: a path given to Discover does not exist.
	ErrNotFound = errors.New("no such file or directory")
	// ErrEmpty: the file has no bytes, or only white space.
	ErrEmpty = errors.New("empty file")
	// ErrTooLarge: the file is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("file too large")
	// ErrBinary: the file is not text (a PDF, an image, an archive, or text
	// with NUL or other control bytes).
	ErrBinary = errors.New("binary content")
	// ErrEncoding: the bytes are not valid in any supported encoding, or not
	// valid in the forced one.
	ErrEncoding = errors.New("bad encoding")
	// ErrTruncated: the file ends inside a multi-byte sequence.
	ErrTruncated = errors.New("truncated")
	// ErrArchive: a zip archive cannot be read, holds no document, or a
	// member is an archive itself.
	ErrArchive = errors.New("bad archive")
	// ErrFormat: a Word or PDF file is damaged or not what its name says.
	ErrFormat = errors.New("bad document format")
	// ErrNoText: a PDF without a text layer (a scan).
	ErrNoText = errors.New("no text layer")
	// ErrManifest: a manifest file is malformed.
	ErrManifest = errors.New("bad manifest")
)

// FileError reports a problem with one input file. Its message has the
// form "corpus: PATH: REASON" ("corpus: REASON" when Path is empty, as in
// errors from Decode, which does not know the file).
type FileError struct {
	Path   string // the file, "-" for standard input; "" if unknown
	Reason string // what is wrong, for people
	Kind   error  // one of the Err* values above
	Err    error  // the underlying error, if any (for example from os)
}

// Error returns "corpus: PATH: REASON".
func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString("corpus: ")
	if e.Path != "" {
		b.WriteString(displayPath(e.Path))
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns the kind and the underlying error, so that errors.Is
// matches both.
func (e *FileError) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// withPath returns err with its path set to path when err is a *FileError
// without one; other errors are returned unchanged.
func withPath(err error, path string) error {
	var fe *FileError
	if errors.As(err, &fe) && fe.Path == "" {
		c := *fe
		c.Path = path
		return &c
	}
	return err
}

// displayPath names standard input "<stdin>" in messages.
func displayPath(path string) string {
	if path == StdinPath {
		return "<stdin>"
	}
	return SafeName(path)
}

// SafeName returns name as it may be shown on a terminal: as it is when it
// holds only printable characters and valid UTF-8, else Go-quoted
// ("a\x1b[2Jb.txt", "two\nlines.txt"), so that a file name cannot move
// the cursor, clear the screen or forge a line of output.
func SafeName(name string) string {
	if !utf8.ValidString(name) {
		return strconv.Quote(name)
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r) {
			return strconv.Quote(name)
		}
	}
	return name
}
