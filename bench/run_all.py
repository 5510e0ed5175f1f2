"""Run every benchmark, check the targets, write bench/results.json and append a dated section to
bench/RESULTS.md. Each ingest size runs in its own process, so its peak memory is its own.

    .venv/bin/python bench/run_all.py      # or: make bench
    .venv/bin/python bench/run_all.py --index graphs.json   # only the search and restart keys, from a
                                                            # graph_bench.py --sizes 10000 1000000 run
"""

import argparse
import datetime
import json
import operator
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from testkit.processes import run_json  # noqa: E402

TARGETS = {  # key: (comparison, bound)
    "deps_over_bfs_1e5": ("<=", 2), "deps_over_bfs_1e6": ("<=", 2),
    "rdflib_over_veikart_1e5": (">=", 20), "raw_oxigraph_over_veikart_1e5": (">=", 1),
    "rest_over_inproc_1e5": ("<=", 2.5), "rest_scaling_16_over_1": (">=", 1.6),
    "ingest_over_floor": (">=", 0.5), "ingest_scaling_1000_over_100": ("<=", 12), "reingest_fraction": ("<=", 0.05),
    "serve_rss_mb_1e6": ("<=", 2048), "ingest_rss_mb_1000": ("<=", 1024),
    "long_doc_16x_over_2x": ("<=", 10), "long_doc_rss_mb_16x": ("<=", 1024),
    "cli_query_count_s": ("<=", 1), "ingest_jobs2_over_1": (">=", 1.6),
    "load_p99_over_p50": ("<=", 5), "load_failed_requests": ("<=", 0), "load_turned_away_fraction": ("<", 0.01),
    "search_1e6_over_1e4": ("<=", 3), "restart_over_build_1e6": ("<=", 0.1),
}
REPORTED = ("search_ms_1e6",)  # figures written beside the targets, with no bound


def ratios(ingest: dict, graphs: dict, large: str, long_docs: dict, cli: dict, jobs: dict, load: dict) -> dict:
    def walk_ratio(size: str) -> float:
        s = graphs["sizes"][size]
        return max(s[kind]["veikart"]["median_ms"] / s[kind]["bfs"]["median_ms"]
                   for kind in ("prerequisites", "dependents"))

    mid = graphs["sizes"]["100000"]
    rest = graphs["rest"]["embedded"]
    workers = graphs["rest"]["remote_2_workers"]  # several processes need a store they can share
    return {
        "deps_over_bfs_1e5": walk_ratio("100000"),
        "deps_over_bfs_1e6": walk_ratio(large),
        "rdflib_over_veikart_1e5":
            mid["prerequisites"]["rdflib"]["median_ms"] / mid["prerequisites"]["veikart"]["median_ms"],
        "raw_oxigraph_over_veikart_1e5":
            mid["prerequisites"]["oxigraph_disk"]["median_ms"] / mid["prerequisites"]["veikart"]["median_ms"],
        "rest_over_inproc_1e5": rest["1"]["median_ms"] / mid["rest_inproc"]["median_ms"],
        "rest_scaling_16_over_1": workers["16"]["requests_per_s"] / workers["1"]["requests_per_s"],
        "ingest_over_floor": ingest["100"]["ingest_over_floor"],
        "ingest_scaling_1000_over_100": ingest["1000"]["seconds"] / ingest["100"]["seconds"],
        "reingest_fraction": ingest["1000"]["reingest_fraction"],
        "ingest_rss_mb_1000": ingest["1000"]["peak_rss_mb"],
        "long_doc_16x_over_2x": long_docs["16"]["seconds"] / long_docs["2"]["seconds"],
        "long_doc_rss_mb_16x": long_docs["16"]["peak_rss_mb"],
        "cli_query_count_s": cli["median_s"],
        "ingest_jobs2_over_1": jobs["jobs2_over_1"],
        "load_p99_over_p50": load["p99_over_p50"],
        "load_failed_requests": load["errors"],
        "load_turned_away_fraction": load["turned_away_fraction"],
        **index_figures(graphs, large),
    }


def index_figures(graphs: dict, large: str) -> dict:
    """Return the figures of the search and the restart: the graph sizes 10^4 and ``large`` are all they need."""
    big = graphs["sizes"][large]
    return {"search_1e6_over_1e4": big["search"]["median_ms"] / graphs["sizes"]["10000"]["search"]["median_ms"],
            "restart_over_build_1e6": big["index_restart_s"] / big["index_build_s"],
            "search_ms_1e6": big["search"]["median_ms"], "serve_rss_mb_1e6": big["index_rss_mb"]}


COMPARE = {"<=": operator.le, "<": operator.lt, ">=": operator.ge}


def verdicts(figures: dict) -> dict:
    return {key: "PASS" if COMPARE[op](figures[key], bound) else "FAIL"
            for key, (op, bound) in TARGETS.items() if key in figures}


def record_index(graphs_file: Path) -> None:
    """Write the figures of the search and the restart from a run of graph_bench.py (sizes 10^4 and 10^6, an
    hour at 10^6) into results.json beside the others, and a section into RESULTS.md."""
    graphs = json.loads(graphs_file.read_text(encoding="utf-8"))
    figures = index_figures(graphs, "1000000")
    verdict = verdicts(figures)
    results = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
    results.update({k: round(v, 3) for k, v in figures.items()})
    results["verdicts"].update(verdict)
    results["index_graphs"] = graphs
    (HERE / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    lines = [f"\n## Search and restart — {datetime.date.today().isoformat()}\n",
             f"Command: `.venv/bin/python bench/graph_bench.py --sizes 10000 1000000 --json {graphs_file.name}`, then "
             f"`.venv/bin/python bench/run_all.py --index {graphs_file.name}`.\n", "| key | figure | bound | verdict |",
             "|---|---|---|---|"]
    lines += [f"| `{k}` | {round(v, 3)} | {' '.join(map(str, TARGETS[k])) if k in TARGETS else 'reported'} | "
              f"{verdict.get(k, '')} |" for k, v in figures.items()]
    with (HERE / "RESULTS.md").open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def report(figures: dict, verdict: dict, ingest: dict, graphs: dict, command: str) -> str:
    today = datetime.date.today().isoformat()
    lines = [f"\n## `make bench` — {today}\n", f"Command: `{command}`. Machine: {platform.machine()}, "
             f"Python {platform.python_version()}, {platform.system()}.\n", "| target | figure | bound | verdict |",
             "|---|---|---|---|"]
    lines += [f"| `{k}` | {round(figures[k], 3)} | {TARGETS[k][0]} {TARGETS[k][1]} | {verdict[k]} |" for k in TARGETS]
    lines += [f"| `{k}` | {round(figures[k], 3)} | reported | |" for k in REPORTED]
    lines += ["", "Ingest (documents, seconds, docs/s, sentences/s, KB/s, bare spaCy s, peak RSS MB):", ""]
    lines += [f"- {k}: {r['documents']} docs, {r['seconds']} s, {r['documents_per_s']} docs/s, "
              f"{r['sentences_per_s']} sentences/s, {r['kb_per_s']} KB/s, spaCy {r['spacy_seconds']} s, "
              f"{r['peak_rss_mb']} MB" for k, r in ingest.items()]
    lines += ["", "Dependency walks, median ms (p99) and rows, by graph size:", ""]
    for size, s in graphs["sizes"].items():
        for kind in ("prerequisites", "dependents"):
            cells = ", ".join(f"{name} {m['median_ms']} ({m['p99_ms']})" for name, m in s[kind].items())
            lines.append(f"- {size} initiatives, {kind} ({s[kind]['bfs']['rows']} rows): {cells}")
        lines.append(f"- {size} initiatives: related {s['related']['median_ms']} ms, search {s['search']['median_ms']} "
                     f"ms, route in process {s['rest_inproc']['median_ms']} ms; load {s['load_s']} s, index "
                     f"{s['index_build_s']} s, restart {s['index_restart_s']} s, {s['quads']} quads")
    lines += ["", "REST, transitive prerequisites over the 10^5 graph (requests/s, median ms, p99 ms, errors):", ""]
    for backend, runs in graphs["rest"].items():
        for clients, r in runs.items():
            lines.append(f"- {backend}, {clients} client(s): {r['requests_per_s']}/s, {r['median_ms']} ms, "
                         f"{r['p99_ms']} ms, {r['errors']} errors")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, metavar="GRAPHS_JSON",
                        help="only record the search and restart figures of this graph_bench.py output")
    args = parser.parse_args()
    if args.index:
        record_index(args.index)
        return
    graph_sizes = ["10000", "100000", "1000000"]
    ingest = {}
    for size in (10, 100, 1000):
        rows = run_json(HERE / "ingest_bench.py", "--sizes", str(size))
        ingest[str(size)] = rows[-1]  # type: ignore[index]
    long_docs = {str(n): run_json(HERE / "long_doc_bench.py", "--repeat", str(n)) for n in (2, 16)}
    graphs = run_json(HERE / "graph_bench.py", "--sizes", *graph_sizes)
    cli = run_json(HERE / "cli_bench.py")
    jobs = run_json(HERE / "jobs_bench.py")
    load = run_json(HERE / "load_bench.py", "--clients", "32", "--seconds", "60")
    figures = ratios(ingest, graphs, graph_sizes[-1], long_docs, cli, jobs, load)  # type: ignore[arg-type]
    verdict = verdicts(figures)
    for key in TARGETS:
        print(f"{key:32} {figures[key]:10.3f}   {TARGETS[key][0]} {TARGETS[key][1]:<6} {verdict[key]}")
    (HERE / "results.json").write_text(json.dumps({**{k: round(v, 3) for k, v in figures.items()},
                                                   "verdicts": verdict, "ingest": ingest, "graphs": graphs,
                                                   "long_documents": long_docs, "cli": cli, "jobs": jobs,
                                                   "load": load},
                                                  indent=1) + "\n", encoding="utf-8")
    command = "make bench"
    with (HERE / "RESULTS.md").open("a", encoding="utf-8") as results:
        results.write(report(figures, verdict, ingest, graphs, command))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
