package corpus

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Limits of zip archives, checked before anything is decompressed. A
// member's size is also limited by Options.MaxBytes when it is read, and
// archive/zip refuses a member that inflates to more than its declared
// size, so a zip bomb is an error naming the archive, never a run out of
// memory.
const (
	// DefaultMaxArchiveBytes is the most the document members of one
	// archive may hold, uncompressed, in total: 1 GiB.
	DefaultMaxArchiveBytes int64 = 1 << 30
	// MaxArchiveMembers is the most document members one archive may hold.
	MaxArchiveMembers = 10000
)

// maxArchiveBytes is DefaultMaxArchiveBytes, lowered by tests.
var maxArchiveBytes = DefaultMaxArchiveBytes

// archiveMembers lists the document members of the zip archive at p, in
// archive order, with their names decoded (see memberName). Members that
// are directories, hidden (a path element starting with ".", __MACOSX/)
// or of no input format are skipped, as a directory walk skips them. A
// member that is itself an archive, or a .doc or .wps file, is returned
// with an error: archives are read one level deep, and those formats not
// at all. The archive as a whole fails (an error naming
// it) when it cannot be opened, when its members total more than
// DefaultMaxArchiveBytes uncompressed or number more than
// MaxArchiveMembers, or when it holds no document at all.
func archiveMembers(p string) ([]Input, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, &FileError{Path: p, Reason: "not a readable zip archive: " + zipReason(err), Kind: ErrArchive, Err: err}
	}
	defer zr.Close()
	var (
		found []Input
		total uint64
	)
	for _, f := range zr.File {
		name := memberName(f)
		if f.FileInfo().IsDir() || hiddenMember(name) {
			continue
		}
		format, why := formatOf(name), unreadableFormat(name)
		if format == "" && why == "" && !isArchive(name) {
			continue
		}
		in := Input{Path: p, Member: name, Size: int64(min(f.UncompressedSize64, 1<<62))}
		switch {
		case why != "":
			in.Err = &FileError{Path: p, Reason: fmt.Sprintf("member %s: %s", SafeName(name), why), Kind: ErrFormat}
		case format == "":
			in.Err = &FileError{Path: p, Reason: fmt.Sprintf("member %s: an archive inside an archive is not read (archives are read one level deep); extract it first", SafeName(name)), Kind: ErrArchive}
		}
		found = append(found, in)
		total += f.UncompressedSize64
		if len(found) > MaxArchiveMembers {
			return nil, &FileError{Path: p, Reason: fmt.Sprintf("more than %d document members (a zip bomb?)", MaxArchiveMembers), Kind: ErrTooLarge}
		}
		if total > uint64(maxArchiveBytes) {
			return nil, &FileError{Path: p, Reason: fmt.Sprintf("its document members hold more than %d bytes uncompressed, over the limit per archive (a zip bomb?)", maxArchiveBytes), Kind: ErrTooLarge}
		}
	}
	if len(found) == 0 {
		return nil, &FileError{Path: p, Reason: "the archive holds no .txt, .htm, .html, .docx or .pdf member", Kind: ErrArchive}
	}
	return found, nil
}

// readMember reads the member name of the zip archive at p, refusing more
// than limit bytes (by the declared size before decompressing, and by what
// decompression yields).
func readMember(p, name string, limit int64) ([]byte, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, &FileError{Path: p, Reason: "not a readable zip archive: " + zipReason(err), Kind: ErrArchive, Err: err}
	}
	defer zr.Close()
	for _, f := range zr.File {
		if memberName(f) == name && !f.FileInfo().IsDir() {
			return readZipFile(f, limit, func(reason string, kind, err error) error {
				return &FileError{Path: p, Reason: "member " + SafeName(name) + ": " + reason, Kind: kind, Err: err}
			})
		}
	}
	return nil, &FileError{Path: p, Reason: "no member " + SafeName(name) + " in the archive", Kind: ErrNotFound}
}

// readZipFile reads one file of a zip archive, at most limit bytes; fail
// makes the error.
func readZipFile(f *zip.File, limit int64, fail func(reason string, kind, err error) error) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fail(fmt.Sprintf("%d bytes uncompressed, over the limit of %d (--max-bytes)", f.UncompressedSize64, limit), ErrTooLarge, nil)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail("cannot be read: "+zipReason(err), ErrArchive, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fail("cannot be read: "+zipReason(err), ErrArchive, err)
	}
	if int64(len(b)) > limit {
		return nil, fail(fmt.Sprintf("more than %d bytes uncompressed (--max-bytes)", limit), ErrTooLarge, nil)
	}
	return b, nil
}

func zipReason(err error) string {
	switch {
	case errors.Is(err, zip.ErrFormat):
		return "not a valid zip file"
	case errors.Is(err, zip.ErrChecksum):
		return "checksum error (the archive is damaged)"
	case errors.Is(err, zip.ErrAlgorithm):
		return "unsupported compression method"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the archive is truncated or a member is larger than declared"
	}
	return err.Error()
}

// memberName is the name of a zip member as Unicode. A name flagged as
// UTF-8 (general purpose bit 11), or that is valid UTF-8 anyway (as many
// tools write it without the flag), is taken as is; any other name is
// GB18030 (GBK) bytes, as archives made on Chinese Windows have them.
// Bytes that are neither keep their UTF-8 replacement.
func memberName(f *zip.File) string {
	raw := f.Name
	if f.Flags&0x800 != 0 || utf8.ValidString(raw) {
		return raw
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().String(raw); err == nil && utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) {
		return s
	}
	return strings.ToValidUTF8(raw, "\uFFFD")
}

// hiddenMember reports whether a member is hidden (a path element starts
// with ".") or macOS resource fork metadata (__MACOSX/).
func hiddenMember(name string) bool {
	for _, el := range strings.Split(name, "/") {
		if strings.HasPrefix(el, ".") || el == "__MACOSX" {
			return true
		}
	}
	return false
}
