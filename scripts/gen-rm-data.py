#!/usr/bin/env python3
"""Generates repeated-measures CSV files for the speed measurements in docs/benchmarks.md (the data is not committed).

  scripts/gen-rm-data.py OUT.csv SUBJECTS [GROUPS] [--long]

Wide (default): id, [group,] t0, t3, t12, t18, every subject complete; 1,000,000 subjects without groups is 31 MB.
--long: id, group, time, y, one row per subject and wave (0, 3, 12, 18), with dropout: 10 % leave after each wave.
Values have two decimals (a subject effect, a time trend per group and noise). Seeded: the same call, the same file.
"""
import random
import sys


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    long_format = "--long" in sys.argv
    out, n = args[0], int(args[1])
    groups = int(args[2]) if len(args) > 2 else 0
    rng = random.Random(13)
    waves = (0, 3, 12, 18)
    trend = (0.0, 0.4, 0.9, 1.1)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        if long_format:
            f.write("id,group,time,y\n")
        else:
            f.write("id," + ("group," if groups else "") + "t0,t3,t12,t18\n")
        for i in range(1, n + 1):
            g = rng.randint(1, groups) if groups else 0
            s = rng.gauss(0, 1.5)
            vals = [20 + s + trend[j] * (1 + 0.3 * g) + rng.gauss(0, 1) for j in range(4)]
            if long_format:
                for j, w in enumerate(waves):
                    if j > 0 and rng.random() < 0.1:
                        break
                    f.write("%d,%d,%d,%.2f\n" % (i, g, w, vals[j]))
            else:
                f.write(str(i) + "," + (str(g) + "," if groups else "") + ",".join("%.2f" % v for v in vals) + "\n")


if __name__ == "__main__":
    main()
