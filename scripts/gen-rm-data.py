#!/usr/bin/env python3
"""Generates wide repeated-measures CSV files for the speed measurements in docs/benchmarks.md (not committed data).

  scripts/gen-rm-data.py OUT.csv SUBJECTS [GROUPS]

Columns: id, [group,] t0, t3, t12, t18 — values with two decimals (a subject effect, a time trend and noise),
1,000,000 subjects without groups is about 31 MB. Seeded, so the same call gives the same file.
"""
import random
import sys


def main() -> None:
    out, n = sys.argv[1], int(sys.argv[2])
    groups = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rng = random.Random(13)
    trend = (0.0, 0.4, 0.9, 1.1)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("id," + ("group," if groups else "") + "t0,t3,t12,t18\n")
        for i in range(1, n + 1):
            g = rng.randint(1, groups) if groups else 0
            s = rng.gauss(0, 1.5)
            vals = [20 + s + trend[j] * (1 + 0.3 * g) + rng.gauss(0, 1) for j in range(4)]
            f.write(str(i) + "," + (str(g) + "," if groups else "") + ",".join("%.2f" % v for v in vals) + "\n")


if __name__ == "__main__":
    main()
