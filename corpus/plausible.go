package corpus

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
)

// commonHan are the 600 most frequent Chinese characters of government
// work reports (90% of their characters), most frequent first, with the
// full-width punctuation they use. Made from the reports of ../shared
// (corpus, corpus-extra, corpus-national: 76 files, 1.3 million
// characters) by counting U+4E00–U+9FFF.
const commonHan = "的和业国发一展大建工加进民人中产要政化经年全力设实生新作在有制会地改增是主行济高动重社不强我保农资持推体成能务合以家提区革定各理了为方平面个上基等开企对度市现们用好长分法出同义坚施本五入量城技到治部机公项学点创多育水代步造完性续关系品支文利事这三质快科府深结善共教十级规管目服村就决策活于外万场计安投稳划来金调时放积更收过应总效自极领优构取得费立心亿术下内通元群整标程四向统域期防二特导种比必商百升继促护位之第解源任环正际战众争前题权融营扩省可问所财党办消与九做落口健路都严范运型础乡把益小些信两格转准明使广当境集物件也医式表态交县员求精障后着形流电条需达职监今数风协打价局须批控族干联及供军其险间切意央确将引别从界色而势低相备原并还门世居研变线节减努八反道镇速团少他由税去贸率预台六果认情专先子指命处院抓略依起适难老养组困思试海接模值助食综想较易千根美挥措培责才突斗已次贯断劳议固排真东七兴配网复充观贫然验单近类神粮维北彻降紧西者最阶校卫执均房逐住河互因报康示核织清算励料破习具采超证识督况很约究林土律带园显层针委山受补则日额常筹气队给视但疗据华案告污让负按港查围举无置审鼓绿存够论非传奋字里京参國首灾手扶志富普历天移帮巩素再除承列史车注序良又铁占布攻包户样游边贷智段周空许旅药照头货聚只走债足南竞身说该且染装届双失知退拓惠功材见吨搞链象息越右每始宏如压直担底扎澳司购振款病至例衡张胜限币绩销评银派" + "，。、；：？！“”‘’（）《》—…"

var commonSet = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range commonHan {
		m[r] = true
	}
	return m
}()

// minCommonShare is the share of common characters among the non-ASCII
// characters of a text below which it is not taken for Chinese. Reports
// have 0.76 to 0.85 of them without the punctuation; the GB18030 reading
// of Korean EUC-KR text 0.19, of Japanese Shift-JIS 0.0, EUC-JP 0.07, of
// French Latin-1 0.0.
const minCommonShare = 0.4

// looksChinese reports whether text reads as Chinese: enough of its
// non-ASCII characters are common Chinese characters or punctuation. A
// text without non-ASCII characters passes.
func looksChinese(text string) bool {
	n, common := 0, 0
	for _, r := range text {
		if r < 0x80 {
			continue
		}
		n++
		if commonSet[r] {
			common++
		}
	}
	return n == 0 || float64(common) >= minCommonShare*float64(n)
}

// likelyEncoding names the encoding b is most likely in, among the ones
// gwr does not read, for the message that refuses it; "" if none fits.
func likelyEncoding(b []byte) string {
	type guess struct {
		name string
		enc  encoding.Encoding
		fits func(r rune) bool
	}
	kana := func(r rune) bool { return r >= 0x3040 && r <= 0x30FF }
	hangul := func(r rune) bool {
		return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
	}
	for _, g := range []guess{
		{"Shift-JIS (Japanese)", japanese.ShiftJIS, kana},
		{"EUC-JP (Japanese)", japanese.EUCJP, kana},
		{"EUC-KR (Korean)", korean.EUCKR, hangul},
	} {
		out, err := g.enc.NewDecoder().Bytes(b)
		if err != nil || strings.ContainsRune(string(out), unicode.ReplacementChar) {
			continue
		}
		n, fit := 0, 0
		for _, r := range string(out) {
			if r >= 0x80 {
				n++
				if g.fits(r) {
					fit++
				}
			}
		}
		if n > 0 && fit*4 >= n {
			return g.name
		}
	}
	// single high bytes between ASCII letters: a Western code page
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err == nil {
		n, letters := 0, 0
		for _, r := range string(out) {
			if r >= 0x80 {
				n++
				if unicode.IsLetter(r) && r < 0x250 {
					letters++
				}
			}
		}
		if n > 0 && letters*2 >= n {
			return "Latin-1 or Windows-1252 (a Western European language)"
		}
	}
	return ""
}

// notChinese is the error for bytes that GB18030 reads, but not as
// Chinese text.
func notChinese(b []byte) error {
	reason := "not Chinese text in UTF-8, UTF-16 or GB18030 (read as GB18030 it is mojibake)"
	if enc := likelyEncoding(b); enc != "" {
		reason = fmt.Sprintf("looks like %s, not Chinese text in UTF-8, UTF-16 or GB18030", enc)
	}
	return decodeErr(ErrEncoding, reason+"; gwr reads Chinese reports only (force a reading with --encoding)")
}

// utf16NoBOM reads b as UTF-16 without a byte-order mark when one byte
// order gives Chinese text (decodeUTF16's checks: an even length, no
// unpaired surrogate, no NUL or control character; then enough common
// characters), and reports which.
func utf16NoBOM(b []byte) (string, string, bool) {
	if len(b) < 4 {
		return "", "", false
	}
	for _, enc := range []string{EncodingUTF16LE, EncodingUTF16BE} {
		text, err := decodeUTF16(b, 0, enc)
		if err != nil || strings.ContainsRune(text, unicode.ReplacementChar) {
			continue
		}
		han := 0
		for _, r := range text {
			if r >= 0x4E00 && r <= 0x9FFF {
				han++
			}
		}
		if han*4 >= len(b)/2 && looksChinese(text) {
			return text, enc, true
		}
	}
	return "", "", false
}
