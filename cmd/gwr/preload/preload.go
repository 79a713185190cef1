package preload

import (
	"os"

	"github.com/gwrfacts/gwr/cmd/gwr/hugepages"
	"github.com/gwrfacts/gwr/extract/segment"
)

func init() {
	if wants(os.Args[1:]) {
		segment.Preload()
	}
}

// wants reports whether the command of args (the program's arguments
// after its name) loads the dictionaries.
func wants(args []string) bool { return len(args) > 0 && hugepages.Commands[args[0]] }
