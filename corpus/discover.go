package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// StdinPath is the path that stands for standard input; its ID is StdinID.
const (
	StdinPath = "-"
	StdinID   = "stdin"
)

// Extensions lists the file name extensions Discover collects when it
// walks a directory (compared without regard to case): the document
// formats and zip archives. Files named on the command line are taken
// whatever their extension. The walk also collects .doc and .wps files,
// which Load refuses with an error saying to save them as .docx.
var Extensions = []string{".txt", ".htm", ".html", ".docx", ".pdf", ".zip"}

// Input is one document to read: a file, a member of a zip archive, or
// standard input.
type Input struct {
	Path   string // as given or found by the walk; StdinPath for standard input; the archive for a member
	ID     string // unique among the inputs of one Discover call
	Member string // the member's name (decoded to Unicode) in the zip archive at Path; "" for a file
	// Renamed is the ID Discover gave the input when a later step gave it
	// another (batch.Output.UniqueIDs: report-2 for a report.txt whose
	// doc_id the output directory holds); "" otherwise. A manifest row
	// for Renamed applies when ID has none.
	Renamed string
	// Size is an archive member's uncompressed size (0 for a file, whose
	// size is on the disk).
	Size int64
	// Err is set for an input that could not be looked at (a directory
	// that cannot be listed, a file that cannot be stat'ed, an archive
	// that cannot be read or is too large, a member that is an archive):
	// Load returns it, so that it costs this input alone.
	Err error
}

// Discover turns command-line arguments into the list of inputs.
//
// A file is taken as given; a directory is walked recursively for files
// whose extension is in Extensions, skipping hidden files and directories
// (names starting with ".") and, as the go tool does, directories named
// "testdata" (test fixtures kept beside a corpus, like corpus/testdata),
// and its files are listed sorted by path.
// A zip archive (.zip, named or found) stands for its document members
// (.txt, .htm, .html, .docx, .pdf), in archive order, each an Input with
// Member set; their names are decoded from UTF-8 or, without the zip
// UTF-8 flag, GB18030. An archive that cannot be read, holds too much
// (DefaultMaxArchiveBytes, MaxArchiveMembers) or no document is one Input
// whose Load fails naming it, as is a member that is an archive itself:
// the other inputs are not affected.
// Arguments keep their order; a file reached twice is listed once. "-" is
// standard input, with ID "stdin". A path that does not exist is an error
// naming it, as are an empty argument list and arguments that yield no
// input at all (directories without report files).
//
// An ID is the file (or member) name without its directory and its last
// extension. When two inputs have
// the same name, the first (in the order above) keeps the plain ID and each
// later one gets the first free suffix "-2", "-3", … ("report",
// "report-2"); plain IDs of other inputs are never taken by a suffixed one.
// The result depends only on the arguments and the file tree.
func Discover(args []string) ([]Input, error) {
	if len(args) == 0 {
		return nil, &FileError{Reason: "no inputs given", Kind: ErrNotFound}
	}
	var paths []string
	seen := map[string]bool{}
	failed := map[string]error{}
	add := func(p string) {
		key := p
		if p != StdinPath {
			key = filepath.Clean(p)
		}
		if !seen[key] {
			seen[key] = true
			paths = append(paths, p)
		}
	}
	for _, arg := range args {
		if arg == StdinPath {
			add(arg)
			continue
		}
		if arg == "" {
			return nil, &FileError{Reason: "empty path argument", Kind: ErrNotFound}
		}
		info, err := os.Stat(arg)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, statErr(arg, err)
		}
		if err != nil {
			failed[filepath.Clean(arg)] = statErr(arg, err)
			add(arg)
			continue
		}
		if !info.IsDir() {
			add(arg)
			continue
		}
		for _, p := range walk(arg, failed) {
			add(p)
		}
	}
	if len(paths) == 0 {
		return nil, &FileError{Path: strings.Join(args, ", "), Reason: "no .txt, .htm, .html, .docx, .pdf or .zip files found", Kind: ErrNotFound}
	}
	var inputs []Input
	for _, p := range paths {
		if p != StdinPath {
			if err := failed[filepath.Clean(p)]; err != nil {
				inputs = append(inputs, Input{Path: p, Err: err})
				continue
			}
		}
		if p == StdinPath || !isArchive(p) {
			inputs = append(inputs, Input{Path: p})
			continue
		}
		members, err := archiveMembers(p)
		if err != nil {
			inputs = append(inputs, Input{Path: p, Err: err})
			continue
		}
		inputs = append(inputs, members...)
	}
	assignIDs(inputs)
	return inputs, nil
}

// walk lists the input files under dir, sorted by path. A directory that
// cannot be read is listed too, with its error in failed: the walk goes on
// past it. dir itself may be a link to a directory (links to directories
// inside it are not followed).
func walk(dir string, failed map[string]error) []string {
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		dir += string(filepath.Separator) // WalkDir goes through a link given as DIR/
	}
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			found = append(found, p)
			failed[filepath.Clean(p)] = &FileError{Path: p, Reason: "cannot be read, its files are left out: " + reason(err), Kind: ErrNotFound, Err: err}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p != dir && (strings.HasPrefix(d.Name(), ".") || d.IsDir() && d.Name() == "testdata") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !hasInputExt(p) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Follow links to files; skip links to directories (WalkDir
			// does not follow them either, which keeps the walk finite).
			info, err := os.Stat(p)
			if err != nil {
				// a dangling link is one bad input: Load reports it, as an
				// errors row, and the other files are processed
				found = append(found, p)
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		found = append(found, p)
		return nil
	})
	sort.Strings(found)
	return found
}

// reason is the message of err without the path an *fs.PathError adds.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

func hasInputExt(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return unreadable[ext] != ""
}

func statErr(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &FileError{Path: path, Reason: "no such file or directory", Kind: ErrNotFound, Err: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FileError{Path: path, Reason: err.Error(), Kind: ErrNotFound, Err: err}
}

// baseID is the name of the input without its directory and its last
// extension: of the member for an archive member, else of the file.
func baseID(in Input) string {
	if in.Path == StdinPath {
		return StdinID
	}
	name := filepath.Base(in.Path)
	if in.Member != "" {
		name = path.Base(strings.ReplaceAll(in.Member, `\`, "/"))
	}
	if id := strings.TrimSuffix(name, path.Ext(name)); id != "" {
		return id
	}
	return name
}

// assignIDs gives each input a unique ID; see Discover.
func assignIDs(inputs []Input) {
	taken := map[string]bool{}
	for _, in := range inputs {
		taken[baseID(in)] = true
	}
	used := map[string]bool{}
	for i, in := range inputs {
		id := baseID(in)
		if used[id] {
			for n := 2; ; n++ {
				c := id + "-" + strconv.Itoa(n)
				if !taken[c] && !used[c] {
					id = c
					break
				}
			}
		}
		used[id] = true
		inputs[i].ID = id
	}
}
