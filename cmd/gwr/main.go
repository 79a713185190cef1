// Command gwr extracts numeric facts from Chinese government work reports.
//
// Usage:
//
//	gwr <command> [flags] [arguments]
//
// Run "gwr help" for the list of commands and "gwr <command> --help" for the
// flags of one.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
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
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
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
	fmt.Fprintln(w, "\nRun \"gwr <command> --help\" for the flags of one command.")
}
