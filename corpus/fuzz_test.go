package corpus

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// FuzzDecode: Decode never panics, whatever the bytes and the forced
// encoding. It either returns one of the encoding names and valid UTF-8
// text that is not empty, holds no NUL or other binary control character
// and is the file decoded with one leading byte-order mark dropped and
// nothing else changed (SPEC section 2); or a *FileError of one of the
// decoding kinds and no text. The metadata inference then runs on the
// text without panicking. Seeds are in testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	encodings := map[string]bool{EncodingUTF8: true, EncodingUTF8BOM: true, EncodingGB18030: true,
		EncodingGBK: true, EncodingUTF16LE: true, EncodingUTF16BE: true}
	f.Fuzz(func(t *testing.T, b []byte, force string) {
		text, enc, err := Decode(b, force)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("Decode(%+q, %q): error %T %v, want a *FileError", b, force, err, err)
			}
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) && !errors.Is(err, ErrTruncated) {
				t.Fatalf("Decode(%+q, %q): error %v of no decoding kind", b, force, err)
			}
			if text != "" || enc != "" {
				t.Fatalf("Decode(%+q, %q) = %q, %q with error %v", b, force, text, enc, err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Decode(%+q, %q) = %+q, not valid UTF-8", b, force, text)
		}
		if text == "" {
			t.Fatalf("Decode(%+q, %q) = empty text without an error", b, force)
		}
		if want, ok := referenceDecode(b, enc); ok && text != want {
			t.Fatalf("Decode(%+q, %q) = %+q as %s; want %+q (the file decoded, one leading byte-order mark dropped, nothing else changed)", b, force, text, enc, want)
		}
		for i, r := range text {
			if isBinaryControl(r) {
				t.Fatalf("Decode(%+q, %q) = %+q holds control character %U at %d", b, force, text, r, i)
			}
		}
		if !encodings[enc] {
			t.Fatalf("Decode(%+q, %q): encoding %q", b, force, enc)
		}
		if force == "" && enc == EncodingGBK {
			t.Fatalf("Decode(%+q) detected %q; detection reports gb18030", b, enc)
		}
		m := InferMeta(text)
		if m.Year != 0 && (m.Year < 1900 || m.Year > 2200) {
			t.Fatalf("InferMeta(%+q).Year = %d", text, m.Year)
		}
		_ = looksHTML(text)
	})
}

// referenceDecode decodes b as enc independently of Decode, with the
// standard library where it can: the text SPEC section 2 defines. ok is
// false for the GB encodings, which only x/text decodes.
func referenceDecode(b []byte, enc string) (string, bool) {
	switch enc {
	case EncodingUTF8:
		return strings.TrimPrefix(string(b), "\uFEFF"), true
	case EncodingUTF8BOM:
		return string(b[len(bomUTF8):]), true
	case EncodingUTF16LE, EncodingUTF16BE:
		if len(b)%2 != 0 {
			return "", false
		}
		units := make([]uint16, len(b)/2)
		for i := range units {
			if enc == EncodingUTF16LE {
				units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
		if len(units) > 0 && units[0] == 0xFEFF {
			units = units[1:]
		}
		return string(utf16.Decode(units)), true
	}
	return "", false
}
