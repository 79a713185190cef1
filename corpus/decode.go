package corpus

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	asmutf8 "github.com/segmentio/asm/utf8"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Document.Encoding and accepted (except
// EncodingUTF8BOM) by Options.Encoding and Decode.
const (
	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom" // UTF-8 that began with a byte-order mark
	EncodingGB18030 = "gb18030"
	EncodingGBK     = "gbk" // only when forced; detection reports gb18030
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
)

// Encodings lists the values Options.Encoding accepts; "" detects.
var Encodings = []string{"", EncodingUTF8, EncodingGB18030, EncodingGBK, EncodingUTF16LE, EncodingUTF16BE}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// utf8Evidence is how many multi-byte UTF-8 sequences a valid prefix must
// hold before a later bad byte is read as a damaged UTF-8 file rather than
// as a sign of GB18030. Chinese GB18030 text almost never has even one.
const utf8Evidence = 3

// signatures are the leading bytes of well-known binary formats that are
// sometimes saved with a .txt name.
var signatures = []struct {
	magic  string
	reason string
}{
	{"%PDF-", "a PDF file, not text"},
	{"PK\x03\x04", "a ZIP archive (such as .docx or .xlsx), not text"},
	{"\x89PNG\r\n\x1a\n", "a PNG image, not text"},
	{"\xFF\xD8\xFF", "a JPEG image, not text"},
	{"GIF87a", "a GIF image, not text"},
	{"GIF89a", "a GIF image, not text"},
	{"\x1F\x8B", "a gzip file, not text"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an OLE2 file (such as .doc or .xls), not text"},
	{"{\\rtf", "an RTF document, not plain text"},
}

// Decode turns the raw bytes of a report into Unicode text. With force ""
// it detects the encoding:
//
//   - a UTF-8 byte-order mark: the rest is UTF-8, encoding "utf-8-bom";
//   - a UTF-16 byte-order mark: UTF-16 of that byte order, "utf-16le" or
//     "utf-16be";
//   - valid UTF-8: "utf-8";
//   - bytes that decode as GB18030 without a single invalid sequence
//     (checked by encoding the result again and comparing): "gb18030".
//
// A file that starts as valid UTF-8 with several multi-byte characters and
// then has a bad byte is reported as damaged UTF-8, not decoded as
// GB18030 (which would accept many such byte runs as mojibake). Characters
// of GB18030's user-defined areas are rejected: x/text does not decode
// them.
//
// A forced encoding ("utf-8", "gb18030", "gbk", "utf-16le", "utf-16be";
// case and "-"/"_" are ignored, "gb2312" means "gbk") is used as is, but
// bytes that do not fit it are an error, never mojibake. Either way a
// leading byte-order mark is dropped and nothing else is changed.
//
// Errors are *FileError values without a path, of kind ErrEmpty,
// ErrBinary (known binary formats, NUL and other control bytes),
// ErrTruncated or ErrEncoding; Load adds the file name.
func Decode(b []byte, force string) (text, enc string, err error) {
	return decode(b, force, false)
}

// decode is Decode. With owned set, b is given to it: the caller never
// writes b again, so that a UTF-8 text can be b itself instead of a copy
// (see textOf).
func decode(b []byte, force string, owned bool) (text, enc string, err error) {
	if len(b) == 0 {
		return "", "", decodeErr(ErrEmpty, "empty file")
	}
	for _, s := range signatures {
		if bytes.HasPrefix(b, []byte(s.magic)) {
			return "", "", decodeErr(ErrBinary, s.reason)
		}
	}
	name, err := canonicalEncoding(force)
	if err != nil {
		return "", "", err
	}
	switch name {
	case "":
		text, enc, err = detect(b, owned)
	case EncodingUTF8:
		text, enc, err = forceUTF8(b, owned)
	case EncodingGB18030, EncodingGBK:
		text, enc, err = forceGB(b, name)
	case EncodingUTF16LE, EncodingUTF16BE:
		text, enc, err = forceUTF16(b, name)
	}
	if err != nil {
		return "", "", err
	}
	if text == "" {
		return "", "", decodeErr(ErrEmpty, "empty file (only a byte-order mark)")
	}
	return text, enc, nil
}

// nameSeparators are dropped from encoding names: utf-8, utf_8 and utf8
// are one.
var nameSeparators = strings.NewReplacer("-", "", "_", "")

// canonicalEncoding maps a user-given encoding name to one of Encodings.
func canonicalEncoding(name string) (string, error) {
	key := nameSeparators.Replace(strings.ToLower(strings.TrimSpace(name)))
	switch key {
	case "", "auto":
		return "", nil
	case "utf8":
		return EncodingUTF8, nil
	case "gb18030":
		return EncodingGB18030, nil
	case "gbk", "gb2312", "cp936":
		return EncodingGBK, nil
	case "utf16le":
		return EncodingUTF16LE, nil
	case "utf16be":
		return EncodingUTF16BE, nil
	}
	return "", decodeErr(ErrEncoding, fmt.Sprintf("unknown encoding %q (want one of utf-8, gb18030, gbk, utf-16le, utf-16be)", name))
}

// detect implements Decode without a forced encoding.
func detect(b []byte, owned bool) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		text, err := decodeUTF8(b, len(bomUTF8), owned)
		return text, EncodingUTF8BOM, err
	case bytes.HasPrefix(b, bomUTF16LE):
		text, err := decodeUTF16(b, len(bomUTF16LE), EncodingUTF16LE)
		return text, EncodingUTF16LE, err
	case bytes.HasPrefix(b, bomUTF16BE):
		text, err := decodeUTF16(b, len(bomUTF16BE), EncodingUTF16BE)
		return text, EncodingUTF16BE, err
	}
	if plainUTF8(b) {
		// most files, told in one pass; the others take the steps below
		return dropBOM(textOf(b, owned)), EncodingUTF8, nil
	}
	if bytes.IndexByte(b, 0) >= 0 {
		// NUL bytes: UTF-16 without a byte-order mark, if one byte
		// order reads as Chinese text
		if text, enc, ok := utf16NoBOM(b); ok {
			return text, enc, nil
		}
	}
	if err := checkControlBytes(b, 0); err != nil {
		if hint := utf16Hint(b); hint != "" {
			fe := err.(*FileError)
			fe.Reason = strings.TrimSuffix(fe.Reason, ")") + "; " + hint + ")"
		}
		return "", "", err
	}
	if validUTF8(b) {
		return dropBOM(textOf(b, owned)), EncodingUTF8, nil
	}
	bad, multi := utf8Prefix(b)
	if multi >= utf8Evidence {
		// A UTF-8 file with a bad byte: GB18030 would only make mojibake.
		return "", "", badUTF8(b, bad, "not valid UTF-8, UTF-16 or GB18030")
	}
	text, gbBad := decodeGB(b, simplifiedchinese.GB18030)
	if gbBad < 0 {
		if !looksChinese(text) {
			return "", "", notChinese(b)
		}
		return dropBOM(text), EncodingGB18030, nil
	}
	if gbTruncated(b, gbBad, simplifiedchinese.GB18030) {
		return "", "", truncatedErr("GB18030", gbBad)
	}
	if multi > 0 {
		return "", "", badUTF8(b, bad, "not valid UTF-8, UTF-16 or GB18030")
	}
	if prefix, _ := decodeGB(b[:gbBad], simplifiedchinese.GB18030); (utf8.RuneCountInString(prefix) == len(prefix) || !looksChinese(prefix)) && likelyEncoding(b) != "" {
		// no Chinese before the bad byte, and another encoding fits
		return "", "", notChinese(b)
	}
	return "", "", decodeErr(ErrEncoding, fmt.Sprintf("not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset %d)", gbBad))
}

func forceUTF8(b []byte, owned bool) (string, string, error) {
	if bytes.HasPrefix(b, bomUTF8) {
		text, err := decodeUTF8(b, len(bomUTF8), owned)
		return text, EncodingUTF8BOM, err
	}
	if err := foreignBOM(b, EncodingUTF8); err != nil {
		return "", "", err
	}
	text, err := decodeUTF8(b, 0, owned)
	return text, EncodingUTF8, err
}

func forceGB(b []byte, name string) (string, string, error) {
	if err := foreignBOM(b, name); err != nil {
		return "", "", err
	}
	if err := checkControlBytes(b, 0); err != nil {
		return "", "", err
	}
	if bad, multi := utf8Prefix(b); bad == len(b) && multi > 0 {
		return "", "", decodeErr(ErrEncoding, fmt.Sprintf("--encoding %s does not fit: the file is valid UTF-8 with non-ASCII text", name))
	}
	enc, label := encoding.Encoding(simplifiedchinese.GB18030), "GB18030"
	if name == EncodingGBK {
		enc, label = simplifiedchinese.GBK, "GBK"
	}
	text, bad := decodeGB(b, enc)
	if bad < 0 {
		return dropBOM(text), name, nil
	}
	if gbTruncated(b, bad, enc) {
		return "", "", truncatedErr(label, bad)
	}
	return "", "", decodeErr(ErrEncoding, fmt.Sprintf("not valid %s (first bad byte at offset %d)", label, bad))
}

func forceUTF16(b []byte, name string) (string, string, error) {
	own, other := bomUTF16LE, bomUTF16BE
	if name == EncodingUTF16BE {
		own, other = other, own
	}
	switch {
	case bytes.HasPrefix(b, own):
		text, err := decodeUTF16(b, len(own), name)
		return text, name, err
	case bytes.HasPrefix(b, other), bytes.HasPrefix(b, bomUTF8):
		return "", "", foreignBOM(b, name)
	}
	if utf8.Valid(b) {
		return "", "", decodeErr(ErrEncoding, fmt.Sprintf("--encoding %s does not fit: the file is valid UTF-8 and has no byte-order mark", name))
	}
	text, err := decodeUTF16(b, 0, name)
	return text, name, err
}

// foreignBOM reports an error when b starts with a byte-order mark of an
// encoding other than the forced one.
func foreignBOM(b []byte, forced string) error {
	var has string
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		has = "UTF-8"
	case bytes.HasPrefix(b, bomUTF16LE):
		has = "UTF-16LE"
	case bytes.HasPrefix(b, bomUTF16BE):
		has = "UTF-16BE"
	default:
		return nil
	}
	if (has == "UTF-8" && forced == EncodingUTF8) ||
		(has == "UTF-16LE" && forced == EncodingUTF16LE) ||
		(has == "UTF-16BE" && forced == EncodingUTF16BE) {
		return nil
	}
	return decodeErr(ErrEncoding, fmt.Sprintf("--encoding %s does not fit: the file starts with a %s byte-order mark", forced, has))
}

// decodeUTF8 checks b[start:] as UTF-8 text and returns it as a string
// (b's own bytes when owned: see textOf). Offsets in errors count from the
// start of b.
func decodeUTF8(b []byte, start int, owned bool) (string, error) {
	body := b[start:]
	if err := checkControlBytes(body, start); err != nil {
		return "", err
	}
	bad, _ := utf8Prefix(body)
	if bad < len(body) {
		return "", badUTF8(b, start+bad, "not valid UTF-8")
	}
	if start > 0 {
		return textOf(body, owned), nil // the BOM is already skipped: one is dropped, never two
	}
	return dropBOM(textOf(body, owned)), nil
}

// textOf returns b as a string. When owned (b is never written again:
// Load's buffer of a file read), the string is b's bytes themselves, which
// saves copying the whole text; otherwise it is a copy.
func textOf(b []byte, owned bool) string {
	if owned && len(b) > 0 {
		return unsafe.String(&b[0], len(b))
	}
	return string(b)
}

// utf8Prefix returns the length of the longest valid UTF-8 prefix of b and
// how many multi-byte sequences it holds.
func utf8Prefix(b []byte) (valid, multi int) {
	if validUTF8(b) {
		// the first byte of a multi-byte sequence is 0xC2-0xF4, the
		// others 0x80-0xBF: count the bytes 11xxxxxx, eight at a time
		i := 0
		for ; i+8 <= len(b); i += 8 {
			x := binary.LittleEndian.Uint64(b[i:])
			multi += bits.OnesCount64(x & (x << 1) & 0x8080808080808080)
		}
		for _, c := range b[i:] {
			if c >= 0xC0 {
				multi++
			}
		}
		return len(b), multi
	}
	for valid < len(b) {
		c := b[valid]
		if c < utf8.RuneSelf {
			valid++
			continue
		}
		r, size := utf8.DecodeRune(b[valid:])
		if r == utf8.RuneError && size == 1 {
			return valid, multi
		}
		valid += size
		multi++
	}
	return valid, multi
}

// validUTF8 is utf8.Valid(b), by github.com/segmentio/asm/utf8, which
// checks 32 bytes at a time with AVX2 where the CPU has it (else it is
// the standard library's): 11-13 GB/s on a bundled report where
// utf8.Valid ran at 0.9 GB/s (BenchmarkValidUTF8, 2-core host).
func validUTF8(b []byte) bool { return asmutf8.Valid(b) }

// plainUTF8 reports whether b is valid UTF-8 without a byte that
// checkControlBytes rejects (NUL among them): what detect tells of most
// files at once, before it looks for the cause in any other.
func plainUTF8(b []byte) bool { return checkControlBytes(b, 0) == nil && validUTF8(b) }

// badUTF8 explains the invalid UTF-8 byte at offset bad: a file cut inside
// its last character is truncated, anything else is a bad byte.
func badUTF8(b []byte, bad int, what string) error {
	if tail := b[bad:]; len(tail) < utf8.UTFMax && !utf8.FullRune(tail) {
		return truncatedErr("UTF-8", bad)
	}
	return decodeErr(ErrEncoding, fmt.Sprintf("%s (first bad byte at offset %d)", what, bad))
}

// decodeUTF16 decodes b[start:] as UTF-16 of the named byte order and
// checks it: an odd length or a final lone high surrogate is a truncated
// file, any other lone surrogate a bad sequence, and NUL or control
// characters binary content.
func decodeUTF16(b []byte, start int, name string) (string, error) {
	order, label := unicode.LittleEndian, "UTF-16LE"
	if name == EncodingUTF16BE {
		order, label = unicode.BigEndian, "UTF-16BE"
	}
	body := b[start:]
	if len(body)%2 == 1 {
		return "", truncatedErr(label, len(b)-1)
	}
	enc := unicode.UTF16(order, unicode.IgnoreBOM)
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return "", decodeErr(ErrEncoding, fmt.Sprintf("not valid %s: %v", label, err))
	}
	if back, err := enc.NewEncoder().Bytes(out); err != nil || !bytes.Equal(back, body) {
		bad := firstDiff(back, body) &^ 1
		if u := unit16(body[bad:], order); bad == len(body)-2 && u >= 0xD800 && u < 0xDC00 {
			// A high surrogate whose low half was cut off.
			return "", truncatedErr(label, start+bad)
		}
		return "", decodeErr(ErrEncoding, fmt.Sprintf("not valid %s (bad sequence at offset %d)", label, start+bad))
	}
	text := string(out)
	units := 0
	for _, r := range text {
		if isBinaryControl(r) {
			return "", binaryErr(r, start+2*units)
		}
		units += utf16.RuneLen(r)
	}
	if start > 0 {
		return text, nil // the BOM is already skipped: one is dropped, never two
	}
	return dropBOM(text), nil
}

// utf16Hint suggests forcing UTF-16 when b looks like UTF-16 text saved
// without a byte-order mark: most bytes at even or at odd offsets of its
// start are NUL, as with ASCII characters in UTF-16.
func utf16Hint(b []byte) string {
	n := min(len(b), 256) &^ 1
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	switch {
	case n >= 8 && odd*4 >= n && even == 0:
		return "UTF-16 without a byte-order mark? try --encoding utf-16le"
	case n >= 8 && even*4 >= n && odd == 0:
		return "UTF-16 without a byte-order mark? try --encoding utf-16be"
	}
	return ""
}

// unit16 reads one UTF-16 code unit from the first two bytes of b.
func unit16(b []byte, order unicode.Endianness) uint16 {
	if order == unicode.BigEndian {
		return uint16(b[0])<<8 | uint16(b[1])
	}
	return uint16(b[1])<<8 | uint16(b[0])
}

// decodeGB decodes b with a GB encoding and returns the text and -1, or, if
// any sequence is invalid, the offset of the first bad byte. Validity is
// checked by encoding the text again: only valid input comes back
// byte-identical.
func decodeGB(b []byte, enc encoding.Encoding) (string, int) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", 0
	}
	// Characters the encoding lacks (U+FFFD in GBK) become its replacement
	// byte, which differs from the input there.
	back, err := encoding.ReplaceUnsupported(enc.NewEncoder()).Bytes(out)
	if err == nil && bytes.Equal(back, b) {
		return string(out), -1
	}
	return "", firstDiff(back, b)
}

// gbTruncated reports whether the bad bytes starting at offset bad are the
// incomplete start of a character cut off by the end of the file: they are
// fewer than four and some completion makes them valid.
func gbTruncated(b []byte, bad int, enc encoding.Encoding) bool {
	tail := b[bad:]
	if len(tail) >= 4 {
		return false
	}
	for _, more := range [][]byte{{0x40}, {0xA1}, {0x30, 0x81, 0x30}, {0x81, 0x30}, {0x30}} {
		if len(tail)+len(more) != 2 && len(tail)+len(more) != 4 {
			continue
		}
		if _, bad := decodeGB(append(bytes.Clone(tail), more...), enc); bad < 0 {
			return true
		}
	}
	return false
}

// firstDiff returns the first index where a and b differ.
func firstDiff(a, b []byte) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// checkControlBytes rejects NUL and the C0 control bytes other than tab,
// line feed, vertical tab, form feed and carriage return. In UTF-8 and
// GB18030 such bytes never occur inside a multi-byte character, so a raw
// byte scan is exact. base is added to reported offsets.
//
// It reads 32 bytes at a time as four words and looks at them a word at
// a time (checkControlWords) only when one of their bytes is below 0x20
// (a line feed, mostly).
func checkControlBytes(b []byte, base int) error {
	i := 0
	for ; i+32 <= len(b); i += 32 {
		w := b[i : i+32 : i+32]
		x0 := binary.LittleEndian.Uint64(w[0:])
		x1 := binary.LittleEndian.Uint64(w[8:])
		x2 := binary.LittleEndian.Uint64(w[16:])
		x3 := binary.LittleEndian.Uint64(w[24:])
		if (below20(x0)|below20(x1)|below20(x2)|below20(x3))&0x8080808080808080 == 0 {
			continue
		}
		if err := checkControlWords(w, base+i); err != nil {
			return err
		}
	}
	return checkControlWords(b[i:], base+i)
}

// below20 sets bit 7 of some byte of x when one of its bytes is below
// 0x20 (the borrow trick: a byte below n=0x20 sets its bit 7; a borrow
// may set the bit of a higher byte too, never when no byte is below).
func below20(x uint64) uint64 { return (x - 0x2020202020202020) &^ x }

// checkControlWords is checkControlBytes eight bytes at a time, looking at
// them one by one only when one of them is below 0x20.
func checkControlWords(b []byte, base int) error {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if below20(binary.LittleEndian.Uint64(b[i:]))&0x8080808080808080 == 0 {
			continue
		}
		if err := checkControlBytesSlow(b[i:i+8], base+i); err != nil {
			return err
		}
	}
	return checkControlBytesSlow(b[i:], base+i)
}

// checkControlBytesSlow is checkControlBytes a byte at a time.
func checkControlBytesSlow(b []byte, base int) error {
	for i, c := range b {
		if c < 0x20 && isBinaryControl(rune(c)) {
			return binaryErr(rune(c), base+i)
		}
	}
	return nil
}

// isBinaryControl reports whether r is a control character that does not
// occur in text files.
func isBinaryControl(r rune) bool {
	if r >= 0x20 {
		return false
	}
	switch r {
	case '\t', '\n', '\v', '\f', '\r':
		return false
	}
	return true
}

func binaryErr(r rune, offset int) error {
	if r == 0 {
		return decodeErr(ErrBinary, fmt.Sprintf("binary content (NUL byte at offset %d)", offset))
	}
	return decodeErr(ErrBinary, fmt.Sprintf("binary content (control byte 0x%02X at offset %d)", r, offset))
}

func truncatedErr(label string, offset int) error {
	return decodeErr(ErrTruncated, fmt.Sprintf("truncated: the file ends inside a multi-byte %s character (at offset %d)", label, offset))
}

func decodeErr(kind error, reason string) error {
	return &FileError{Reason: reason, Kind: kind}
}

// dropBOM removes one leading U+FEFF.
func dropBOM(s string) string {
	return strings.TrimPrefix(s, "\uFEFF")
}
