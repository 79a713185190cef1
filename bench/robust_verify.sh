#!/usr/bin/env bash
# bench/robust_verify.sh: checks every "Done when" bullet of issue 16
# (concurrent appends, kill -9, adversarial inputs, encodings, unreadable
# directories, --max-bytes, values, CSV cells, doc_id collisions) against
# a fresh build of gwr, printing PASS or FAIL per check; exit status 0 when
# all pass. Takes a minute or two (twenty runs of gwr, some killed).
#
#   bash bench/robust_verify.sh [WORKDIR]    (default /tmp/gwr-robust-verify)
#   GWR=/path/to/gwr bash bench/robust_verify.sh    (check that binary)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${GWR:-}" ]; then
	bin="$(mktemp -d)"
	trap 'rm -rf "$bin"' EXIT
	chmod 755 "$bin" # run as user nobody too (the unreadable-directory check)
	GWR="$bin/gwr"
	(cd "$root" && go build -trimpath -o "$GWR" ./cmd/gwr)
fi
python3 "$root/bench/robust_verify.py" "$GWR" "$@"
