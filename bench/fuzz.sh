#!/usr/bin/env bash
# fuzz.sh DURATION: run every fuzz target of the module for DURATION each
# (a go test -fuzztime value: 20s, 10m, 1000x), one after another.
#
#   bash bench/fuzz.sh 12s     # make fuzz, part of make test
#   bash bench/fuzz.sh 10m     # make fuzz-long
#
# Targets are found, not listed: every "func FuzzX(f *testing.F)" in a
# _test.go file of a package. Seed corpora live in each package's
# testdata/fuzz/FuzzX/; a crash the fuzzer finds is written there too, and
# from then on `go test` runs it as a regression test: minimize it, keep it
# under a descriptive name and fix the code.
#
# Go 1.26's fuzz coordinator can fail a target that found nothing with a
# bare "context deadline exceeded" at the end of -fuzztime when the machine
# is loaded (go.dev/issue/75804, fixed in Go 1.27). Such a run, with no
# failing input written, is reported "ok (deadline race)"; any finding
# still fails.
#
# Each new input that widens coverage is minimized for at most
# FUZZMINIMIZE (default 2s; go test's default is 60s). With go test's
# default, a 20 s run of FuzzClean spent all but its first three seconds
# minimizing the first inputs it found: 1,204-6,511 executions, the
# progress line at "0/sec"; with 2s, 184,441 executions and 38 new inputs
# (go test -run '^$' -fuzz '^FuzzClean$' -fuzztime 20s -fuzzminimizetime
# 2s ./normalize). A failing input is minimized within the same bound.
#
# GO (default go), FUZZMINIMIZE and FUZZFLAGS (extra go test flags, e.g.
# -parallel=1) are read from the environment. The exit status is 1 if any target failed;
# the summary at the end lists each target's result.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ]; then
	echo "usage: bash bench/fuzz.sh DURATION   (e.g. 20s, 10m)" >&2
	exit 2
fi
duration=$1
GO=${GO:-go}
FUZZMINIMIZE=${FUZZMINIMIZE:-2s}
FUZZFLAGS=${FUZZFLAGS:-}

# "pkgdir target" lines, sorted: the same order every run.
targets=$(grep -rE --include='*_test.go' -o '^func Fuzz[A-Za-z0-9_]+\(' . \
	| grep -v -e '^\./\.' -e '/testdata/' \
	| sed -E 's#^\./(.*)/[^/]+_test\.go:func (Fuzz[A-Za-z0-9_]+)\($#\1 \2#' \
	| sort -u)
if [ -z "$targets" ]; then
	echo "fuzz.sh: no fuzz targets found" >&2
	exit 1
fi

# crashers DIR TARGET: how many inputs the fuzzer has written for TARGET.
crashers() {
	find "$1/testdata/fuzz/$2" -type f 2>/dev/null | wc -l
}

# deadline_race LOG DIR TARGET BEFORE: true when a failed run is Go 1.26's
# fuzz coordinator race at the end of -fuzztime (go.dev/issue/75804, fixed
# in Go 1.27): the run's only error is a bare "context deadline exceeded",
# no failing input was written, and no file was added to the target's
# corpus. A real finding (a panic, a failed check, a hang the fuzzer
# reports) writes an input and still fails.
deadline_race() {
	grep -q '^    context deadline exceeded$' "$1" &&
		! grep -q -e 'Failing input written' -e '^panic:' -e 'fuzzing process hung' "$1" &&
		[ "$(crashers "$2" "$3")" -eq "$4" ]
}

status=0
summary=""
while read -r dir target; do
	echo "=== $target (./$dir) for $duration"
	start=$(date +%s)
	log=$(mktemp)
	before=$(crashers "$dir" "$target")
	# shellcheck disable=SC2086
	$GO test -run '^$' -fuzz "^${target}\$" -fuzztime "$duration" -fuzzminimizetime "$FUZZMINIMIZE" $FUZZFLAGS "./$dir" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	secs=$(( $(date +%s) - start ))
	# the last progress line: "fuzz: elapsed: 10m0s, execs: 123 (205/sec), new interesting: 4 (total: 40)"
	last=$(grep -E '^fuzz: elapsed: .*execs:' "$log" | tail -n 1 | sed -E 's/^fuzz: //; s/ \([0-9]+\/sec\)//')
	if [ "$rc" -eq 0 ]; then
		result="ok"
	elif deadline_race "$log" "$dir" "$target" "$before"; then
		result="ok (deadline race)"
	else
		result="FAIL (exit $rc)"
		status=1
	fi
	rm -f "$log"
	summary+=$(printf '%-16s %-12s %-14s %4ss  %s' "$target" "./$dir" "$result" "$secs" "$last")$'\n'
done <<< "$targets"

echo
echo "=== fuzz summary ($duration per target)"
printf '%s' "$summary"
exit $status
