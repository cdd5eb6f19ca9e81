"""Search-as-you-type on the applicant list: one keystroke = ``search.search_page(..., limit=200)``.

    .venv/bin/python bench/bench_search.py [--applicants 200000] [--rounds 5]

Queries (built from the data, deterministic): prefixes of 1–4 letters of the most common first
names and two-word prefixes; NIK, registration number and phone prefixes as a clerk types them;
the empty list's first page in every sort order; a deep page (keyset after ~half the rows); name
prefixes sorted by full name. Target: p99 <= 10 ms. Floor: a bare FTS5 prefix query with LIMIT 50
through sqlite3 on the same file.
"""

from __future__ import annotations

import argparse
import gc
import random
import sqlite3
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET_P99 = 0.010


def build_queries(path: Path, seed: int) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute("SELECT full_name FROM applicant")]
    firsts = Counter(n.split()[0].lower() for n in names)
    common = [w for w, _ in firsts.most_common(12)]
    queries: list[tuple[str, dict]] = []
    prefixes = sorted({w[:k] for w in common for k in range(1, 5) if len(w) >= k})
    queries += [("name prefix", {"text": p}) for p in prefixes]
    multi = [n.split() for n in rng.sample(names, min(len(names), 400)) if len(n.split()) >= 2][:12]
    queries += [("two-word prefix", {"text": f"{w[0].lower()} {w[1][:k].lower()}"}) for w in multi for k in (1, 3)]
    rows = con.execute("SELECT nik, phone, registration_number FROM applicant ORDER BY rowid").fetchall()
    sample = rng.sample(rows, min(len(rows), 6))
    for nik, phone, number in sample:
        queries += [("NIK prefix", {"text": nik[:k]}) for k in (4, 6, 7, 8, 10, 12, 16)]
        national = "0" + phone[3:]
        queries += [("phone prefix", {"text": national[:k]}) for k in (4, 5, 6, 8, len(national))]
        queries += [("registration number prefix", {"text": number[:k]})
                    for k in (len(number) - 2, len(number) - 1, len(number))]
    queries.append(("registration number prefix", {"text": sample[0][2][:14]}))  # "SRG-0001-2026-"
    from app.core.search import SORT_COLUMNS

    for col in SORT_COLUMNS:
        for desc in (True, False):
            queries.append(("empty list, first page", {"text": "", "sort": col, "descending": desc}))
    total = len(rows)
    for col, desc in (("registered_on", True), ("full_name", False), ("status", True)):
        key = con.execute(
            f"SELECT {col}, registration_number FROM applicant ORDER BY {col} {'DESC' if desc else 'ASC'}, "
            f"registration_number {'DESC' if desc else 'ASC'} LIMIT 1 OFFSET ?", (total // 2,)).fetchone()
        queries.append(("deep page (keyset)", {"text": "", "sort": col, "descending": desc, "after": key}))
    queries += [("name prefix, sorted by name", {"text": p, "sort": "full_name", "descending": False})
                for p in prefixes[::2]]
    con.close()
    return queries


def to_after(after, sort):
    if after is None:
        return None
    from datetime import date

    value, number = after
    if sort in ("registered_on", "birth_date"):
        value = date.fromisoformat(value)
    return (value, number)


def floor(path: Path, prefixes: list[str], rounds: int) -> list[float]:
    con = sqlite3.connect(path)
    times = []
    for _ in range(rounds):
        for p in prefixes:
            t = time.perf_counter()
            con.execute("SELECT rowid FROM applicant_fts WHERE applicant_fts MATCH ? LIMIT 50",
                        (f'"{p}"*',)).fetchall()
            times.append(time.perf_counter() - t)
    con.close()
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--slowest", type=int, default=5, help="print this many slowest queries (by median)")
    args = ap.parse_args()

    from app.core import search
    from app.core.actor import Actor
    from app.db import Database

    path = _common.working_copy(_common.demo_database(args.applicants, args.seed))
    queries = build_queries(path, args.seed)
    db = Database.open(f"sqlite:///{path}")
    clerk = Actor("bench", "0000", "counter", "Bench")  # the list is for roles with applicant.list
    for _, q in queries:  # warm-up: page cache and statement caches
        search.search_page(db, q["text"], actor=clerk, sort=q.get("sort", "registered_on"),
                           descending=q.get("descending", True),
                           after=to_after(q.get("after"), q.get("sort", "registered_on")), limit=200)
    # as the GUI does once its start is over (app/views/quick_start.py, freeze_start_up_objects):
    # the objects alive now are left out of the collector's full collections
    gc.collect()
    gc.freeze()
    by_kind: dict[str, list[float]] = {}
    per_query: dict[int, list[float]] = {}
    order = list(range(len(queries)))
    rng = random.Random(args.seed)
    for _ in range(args.rounds):
        rng.shuffle(order)
        for i in order:
            kind, q = queries[i]
            sort = q.get("sort", "registered_on")
            t = time.perf_counter()
            page = search.search_page(db, q["text"], actor=clerk, sort=sort, descending=q.get("descending", True),
                                      after=to_after(q.get("after"), sort), limit=200)
            elapsed = time.perf_counter() - t
            assert len(page.rows) <= 200
            by_kind.setdefault(kind, []).append(elapsed)
            per_query.setdefault(i, []).append(elapsed)
    db.dispose()
    name_prefixes = [q["text"] for k, q in queries if k == "name prefix"]
    floor_times = floor(path, name_prefixes, args.rounds)
    all_times = [t for v in by_kind.values() for t in v]
    s = _common.summary(all_times)
    f50 = statistics.median(floor_times)

    print(f"bench_search: {args.applicants:,} applicants, {len(queries)} queries x {args.rounds} rounds, "
          f"{_common.machine()}")
    print(f"  {'kind':32} {'n':>5} {'p50':>10} {'p99':>10} {'max':>10}")
    for kind, times in by_kind.items():
        k = _common.summary(times)
        print(f"  {kind:32} {k['n']:>5} {_common.ms(k['median']):>10} {_common.ms(k['p99']):>10} "
              f"{_common.ms(k['max']):>10}")
    print(f"  {'ALL':32} {s['n']:>5} {_common.ms(s['median']):>10} {_common.ms(s['p99']):>10} "
          f"{_common.ms(s['max']):>10}")
    slowest = sorted(per_query, key=lambda i: -statistics.median(per_query[i]))[:args.slowest]
    print("  slowest (median / max):")
    for i in slowest:
        q = queries[i][1]
        print(f"    {q['text']!r:24} by {q.get('sort', 'registered_on')}{'' if q.get('descending', True) else ' asc'}"
              f"{' after a key' if q.get('after') else ''}: {_common.ms(statistics.median(per_query[i]))} / "
              f"{_common.ms(max(per_query[i]))}")
    print(f"  floor (bare FTS5 prefix query, LIMIT 50, sqlite3): p50 {_common.ms(f50)}, "
          f"p99 {_common.ms(_common.percentile(floor_times, 99))}")
    print(f"  ratio p50/floor p50: {s['median'] / f50:.0f}x; target p99 <= {_common.ms(TARGET_P99)}: "
          f"{'met' if s['p99'] <= TARGET_P99 else 'MISSED'}")
    _common.record("bench_search", {"applicants": args.applicants, "queries": len(queries),
                                    "rounds": args.rounds, "all": s, "floor_p50": f50,
                                    "by_kind": {k: _common.summary(v) for k, v in by_kind.items()}})
    return 0


if __name__ == "__main__":
    sys.exit(main())
