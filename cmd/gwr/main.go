// Command gwr extracts numeric facts from Chinese government work reports.
//
// Usage:
//
//	gwr <command> [flags] [arguments]
//
// Run "gwr help" for the list of commands and "gwr help <command>" (or
// "gwr <command> --help") for the flags of one. Without arguments gwr prints
// the list on stderr and exits with status 2, as for any usage error.
//
// Messages on stderr never name the internal package an error came from:
// run writes them through plainMessages (see message.go).
package main

import (
	"fmt"
	"io"
	"os"
	"sort"

	// started again with huge pages for the segmenter, before the Go
	// runtime starts, when the command segments
	_ "github.com/gwrfacts/gwr/cmd/gwr/hugepages"
	// the dictionaries' load started while the packages after the
	// segmenter initialize, when the command segments
	_ "github.com/gwrfacts/gwr/cmd/gwr/preload"
)

// command is one sub-command of gwr. run receives the arguments after the
// command name and returns the process exit status.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands is filled by the files of this package, one file per command,
// each registering itself in an init function.
var commands = map[string]command{}

func register(name string, c command) {
	if _, dup := commands[name]; dup {
		panic("gwr: command registered twice: " + name)
	}
	commands[name] = c
}

func main() {
	limitTestFDs()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	stderr = plainMessages(stderr)
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 && args[0] == "help" {
			if _, ok := commands[args[1]]; !ok {
				fmt.Fprintf(stderr, "gwr help: unknown command %q (run \"gwr help\")\n", args[1])
				return 2
			}
			// Every command prints its usage and flags on stdout for --help.
			return commands[args[1]].run([]string{"--help"}, stdout, stderr)
		}
		usage(stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gwr: unknown command %q (run \"gwr help\")\n", args[0])
		return 2
	}
	return c.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "gwr extracts numeric facts from Chinese government work reports.")
	fmt.Fprintln(w, "\nUsage: gwr <command> [flags] [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"gwr help <command>\" (or \"gwr <command> --help\") for the flags of one command.")
}
