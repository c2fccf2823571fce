#!/usr/bin/env python3
"""Turns a JMH JSON result file (-rf json) into the Markdown tables of RESULTS.md.

Usage: python3 backon-benchmarks/scripts/results_table.py results.json

Per benchmark class, one row per method: ns/op, the 99.9 % error, B/op (from -prof gc), the
overhead over the baseline (direct call or unadvised bean, same thread count), the ratio to the
baseline and the ratio to Backon's method in the same group (peer time / Backon time, so > 1 means
Backon is faster). Methods are grouped by what follows the library name: backon1Thread,
resilience4j1Thread and failsafe1Thread form the group "1Thread". A benchmark with JMH parameters
(@Param) gets one table per combination of values, e.g. "BootActuatorBenchmark (tracing=otel)".
"""
import json
import re
import sys

LIBRARIES = ["direct", "unadvised", "backon", "resilience4j", "failsafe", "springCore",
             "springRetry"]
BASELINES = ("direct", "unadvised")


def split(method):
    for lib in sorted(LIBRARIES, key=len, reverse=True):
        if method.startswith(lib):
            return lib, method[len(lib):]
    return method, ""


def fmt(value, digits=2):
    if value is None:
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.{digits}f}"


def main(path):
    runs = json.load(open(path))
    classes = {}
    for run in runs:
        cls, method = run["benchmark"].rsplit(".", 1)
        cls = cls.rsplit(".", 1)[1]
        params = run.get("params") or {}
        if params:
            cls += " (" + ", ".join(f"{key}={params[key]}" for key in sorted(params)) + ")"
        primary = run["primaryMetric"]
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        classes.setdefault(cls, []).append({
            "method": method,
            "threads": run["threads"],
            "score": primary["score"],
            "error": primary["scoreError"],
            "bytes": alloc["score"] if alloc else None,
        })
    for cls in sorted(classes):
        rows = classes[cls]
        by_group = {}
        for row in rows:
            lib, group = split(row["method"])
            row["lib"], row["group"] = lib, group
            by_group.setdefault(group, {})[lib] = row

        def baseline(group):
            for candidate in (group, group.replace("Retry", ""), ""):
                libs = by_group.get(candidate, {})
                for name in BASELINES:
                    if name in libs:
                        return libs[name]
            return None

        def backon(group):
            return by_group.get(group, {}).get("backon")

        print(f"### {cls}\n")
        print("| Method | Threads | ns/op | ± (99.9 %) | B/op | overhead (ns) | × baseline "
              "| × Backon |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        order = {lib: i for i, lib in enumerate(LIBRARIES)}
        for row in sorted(rows, key=lambda r: (r["group"].replace("Retry", "~"),
                                               order.get(r["lib"], 99), r["method"])):
            base = baseline(row["group"])
            ref = backon(row["group"])
            overhead = row["score"] - base["score"] if base and base is not row else None
            times_base = row["score"] / base["score"] if base and base is not row else None
            times_backon = (row["score"] / ref["score"]
                            if ref and ref is not row and row["lib"] not in BASELINES else None)
            bytes_ = row["bytes"]
            bytes_text = "–" if bytes_ is None else ("≈ 0" if bytes_ < 0.5 else f"{bytes_:,.0f}")
            print(f"| {row['method']} | {row['threads']} | {fmt(row['score'])} "
                  f"| {fmt(row['error'])} | {bytes_text} | {fmt(overhead)} "
                  f"| {fmt(times_base, 1)} | {fmt(times_backon)} |")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
