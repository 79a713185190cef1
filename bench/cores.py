#!/usr/bin/env python3
"""bench/cores.py: run a command and print the cores it used in each 50 ms.

    python3 bench/cores.py ./gwr extract -quiet -j 2 -o /tmp/o bench/data/50mb

Prints "seconds:cores" pairs, one per slice, read from the user and
system ticks of /proc/PID/stat (Linux; 100 ticks a second, so a slice
reads 1.8 or 2.2 where the truth is 2.0), then, on stderr, the
core-seconds the run left idle on JOBS cores (default 2): JOBS times its
time less the CPU time it used, up to the last sample. It shows where a
run waits on one thread (the dictionaries' load, the start-up), not what
it costs.
"""
import os
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    jobs = int(os.environ.get("JOBS", "2"))
    hz = os.sysconf("SC_CLK_TCK")
    p = subprocess.Popen(sys.argv[1:])
    start = last = time.monotonic()
    prev, slices = 0, []
    while p.poll() is None:
        try:
            with open(f"/proc/{p.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            break
        ticks = int(fields[11]) + int(fields[12])
        now = time.monotonic()
        if now > last:
            slices.append((now - start, (ticks - prev) / hz / (now - last)))
        prev, last = ticks, now
        time.sleep(0.05)
    p.wait()
    print(" ".join(f"{t:.2f}:{u:.1f}" for t, u in slices))
    idle = jobs * (last - start) - prev / hz
    print(f"idle {idle:.2f} core-seconds of {jobs} cores over {last - start:.2f} s", file=sys.stderr)
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()
