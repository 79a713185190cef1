package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadManifest(t *testing.T) {
	want := Manifest{
		"002": {Region: "淄川区", Level: "district", Year: 2023, DocType: "report"},
		"004": {Region: "桓台县", Level: "county"},
		"005": {Year: 2021},
	}
	csvText := "doc_id,region,level,year,doc_type\n" +
		"002,淄川区,district,2023,report\n" +
		"004, 桓台县 ,county,,\n" +
		"005,,,2021\n" // short row: missing doc_type column
	tests := []struct {
		name    string
		content []byte
	}{
		{"m.csv", []byte(csvText)},
		{"bom.csv", []byte("\xEF\xBB\xBF" + csvText)},
		{"gbk.csv", encode(t, simplifiedchinese.GBK, csvText)},
		{"reordered.csv", []byte("note,year,doc_id,level,region,doc_type\n" +
			"x,2023,002,district,淄川区,report\n,,004,county,桓台县,\n\"a, b\",2021,005,,,\n")},
		{"m.tsv", []byte(strings.ReplaceAll(csvText, ",", "\t"))},
		{"m.json", []byte(`[
			{"doc_id": "002", "region": "淄川区", "level": "district", "year": 2023, "doc_type": "report"},
			{"doc_id": "004", "region": "桓台县", "level": "county", "year": null, "extra": 1},
			{"doc_id": "005", "year": "2021"}
		]`)},
		{"m.jsonl", []byte(`{"doc_id":"002","region":"淄川区","level":"district","year":2023,"doc_type":"report"}
{"doc_id":"004","region":"桓台县","level":"county","year":""}

{"doc_id":"005","year":2021}
`)},
		{"sniffed.txt", []byte(`[{"doc_id":"002","region":"淄川区","level":"district","year":2023,"doc_type":"report"},{"doc_id":"004","region":"桓台县","level":"county"},{"doc_id":"005","year":2021}]`)},
	}
	for _, tt := range tests {
		got, err := LoadManifest(writeFile(t, tt.name, tt.content))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, want)
		}
	}
}

func TestLoadManifestErrors(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"nodocid.csv", "id,region\n1,易县\n", "line 1: header has no doc_id column (want doc_id,region,level,year,doc_type)"},
		{"level.csv", "doc_id,level\na,county\nb,town\n", `line 3: unknown level "town" (want one of national, province, city, district, county)`},
		{"type.csv", "doc_id,doc_type\na,speech\n", `line 2: unknown doc_type "speech" (want one of report, news, plan)`},
		{"year.csv", "doc_id,year\na,23\n", `line 2: bad year "23" (want a year such as 2023)`},
		{"dup.csv", "doc_id,year\na,2023\na,2024\n", `line 3: doc_id "a" twice`},
		{"empty-id.csv", "doc_id,year\n,2023\n", "line 2: empty doc_id"},
		{"empty.csv", "", "empty file"},
		{"bad.jsonl", "{\"doc_id\":\"a\"}\n{\"doc_id\":\n", "record 2: unexpected EOF"},
		{"level.json", `[{"doc_id":"a","level":"village"}]`, `record 1: unknown level "village" (want one of national, province, city, district, county)`},
	}
	for _, tt := range tests {
		path := writeFile(t, tt.name, []byte(tt.content))
		_, err := LoadManifest(path)
		if err == nil {
			t.Errorf("%s: got no error, want %q", tt.name, tt.want)
			continue
		}
		if got, want := err.Error(), "corpus: "+path+": "+tt.want; got != want {
			t.Errorf("%s: got %q, want %q", tt.name, got, want)
		}
	}
	if _, err := LoadManifest(filepath.Join(t.TempDir(), "none.csv")); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing manifest: got %v, want ErrNotFound", err)
	}
}

func TestManifestOverridesInference(t *testing.T) {
	// 004 is a county work plan that never names its county.
	man, err := LoadManifest(writeFile(t, "m.csv", []byte("doc_id,region,level,year,doc_type\n004,桓台县,,,\n")))
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Path: "004_865d686ba06770a9.txt", ID: "004"}
	doc, err := Load(in, Options{Manifest: man})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Meta{Region: "桓台县", Level: "county", Year: 2022, DocType: "plan"}); doc.Meta != want {
		t.Errorf("got %+v, want %+v (region from the manifest, the rest inferred)", doc.Meta, want)
	}

	man = Manifest{"004": {Level: "city", Year: 2030, DocType: "report"}}
	doc, err = Load(in, Options{Manifest: man})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Meta{Region: "", Level: "city", Year: 2030, DocType: "report"}); doc.Meta != want {
		t.Errorf("got %+v, want %+v", doc.Meta, want)
	}

	other := Input{Path: in.Path, ID: "other"}
	doc, err = Load(other, Options{Manifest: man})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Meta{Level: "county", Year: 2022, DocType: "plan"}); doc.Meta != want {
		t.Errorf("entry for another ID: got %+v, want the inferred %+v", doc.Meta, want)
	}
}
