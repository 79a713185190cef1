package segment

import (
	"fmt"
	"os"

	"github.com/yanyiwu/gojieba"
)

// newJieba loads the dictionaries at paths (in the order of dictFiles)
// into a new gojieba instance.
//
// cppjieba opens each file itself and, when it cannot, aborts the whole
// process (FATAL "open … failed"): a crash with no error to report, which
// a run out of file descriptors met whenever the goroutines reading the
// inputs and writing the tables held the last ones at the moment it
// opened a dictionary. So each file is opened from Go first, one at a
// time as cppjieba does, which fails with an error naming the file and
// the cause. The last one stays open: its descriptor is then set free for
// cppjieba alone (handOver: on a thread with a file table of its own,
// where no other goroutine can take it), and each of cppjieba's opens,
// one file at a time, finds it free.
func newJieba(paths []string) (*gojieba.Jieba, error) {
	var held *os.File
	for _, p := range paths {
		if held != nil {
			held.Close()
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("segment: cannot load the dictionaries: %w", err)
		}
		held = f
	}
	var j *gojieba.Jieba
	var err error
	handOver(held, func() { j, err = construct(paths) })
	return j, err
}

// construct is gojieba.NewJieba, whose panic (a file that does not exist:
// removed since newJieba opened it) becomes an error.
func construct(paths []string) (j *gojieba.Jieba, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("segment: cannot load the dictionaries: %v", p)
		}
	}()
	loadHook("construct")
	_, end := growArena()
	defer end()
	return gojieba.NewJieba(paths...), nil
}

// loadHook is called at two points of load: "placed" once the
// dictionaries are on disk, "construct" just before cppjieba opens them
// (on the thread that opens them). With GWR_TEST_TAKE_FDS_AT=point (a
// test hook), it takes every free file descriptor there, as the
// goroutines of a run may (takeFDs).
var loadHook = func(point string) {
	if point == takeFDsAt {
		takeFDs()
	}
}

var takeFDsAt = os.Getenv("GWR_TEST_TAKE_FDS_AT")
