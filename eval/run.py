"""Score extraction on every gold set: ingest each into a fresh store, serve it, run the scorer.

    python eval/run.py [--check] [--json FILE] [--set NAME ...]

Prints one table; with ``--check`` exits 1 when a figure falls below its set's floor (``eval/sets.json``).
The scorer is the shared one (``../shared/eval/score.py``), which reads only the REST contract.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.processes import serve, stop  # noqa: E402

SETS_FILE = ROOT / "eval" / "sets.json"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
COLUMNS = [  # (heading, path in the scorer's report, a floor is a minimum (True) or a maximum (False))
    ("dep P", "dependencies.precision", True), ("dep R", "dependencies.recall", True),
    ("dep F1", "dependencies.f1", True), ("init R", "initiative_recall", True),
    ("init P", "initiative_precision", True), ("org R", "actor_recall", True), ("org P", "actor_precision", True),
    ("phase R", "phase_recall_strict", True), ("phase P", "phase_precision", True),
    ("phase pairs R", "phase_recall", True),
    ("repeated", "phase_duplicates", False), ("goals R", "goal_recall", True),
]


def figure(report: dict, path: str) -> float | None:
    """Return the number at ``path`` ("dependencies.f1") in a scorer report, or None."""
    value: object = report
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, int | float) else None


def score_set(entry: dict) -> dict:
    """Ingest the set's documents into a fresh store, serve it and return the scorer's report."""
    docs = sorted(str(p) for p in (ROOT / entry["docs"]).glob("*") if p.suffix in {".txt", ".md", ".html", ".pdf"}
                  and p.name != "README.md")
    with tempfile.TemporaryDirectory(prefix="veikart-eval-") as folder:
        store = str(Path(folder) / "store")
        ingest = subprocess.run([sys.executable, "-m", "api.cli", "ingest", "--store", store, *docs], cwd=ROOT,
                                capture_output=True, text=True, check=False)
        if ingest.returncode != 0:
            raise RuntimeError(f"ingesting set {entry['name']} failed: {ingest.stderr}")
        process, url = serve(store)
        try:
            scored = subprocess.run([sys.executable, str(SCORER), "--base", url, "--gold", str(ROOT / entry["gold"]),
                                     "--json"], capture_output=True, text=True, check=False)
        finally:
            stop(process)
    if scored.returncode == 2 or not scored.stdout.strip():
        raise RuntimeError(f"the scorer could not read the server for set {entry['name']}: {scored.stdout}")
    text = scored.stdout
    return json.loads(text[: text.rindex("}") + 1])


def shortfalls(name: str, report: dict, floors: dict[str, float]) -> list[str]:
    """Return a line for each figure of ``report`` on the wrong side of its floor."""
    out = []
    for heading, path, minimum in COLUMNS:
        if path not in floors:
            continue
        value = figure(report, path)
        if value is None or (value < floors[path] if minimum else value > floors[path]):
            out.append(f"{name}: {heading} = {value} against a floor of {floors[path]}")
    return out


def table(results: dict[str, dict]) -> str:
    """Return the figures of every set as a Markdown table."""
    def cell(report: dict, path: str) -> str:
        value = figure(report, path)
        return "–" if value is None else f"{value:.3f}"
    lines = ["| set | " + " | ".join(h for h, _, _ in COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    lines += [f"| {name} | " + " | ".join(cell(report, p) for _, p, _ in COLUMNS) + " |"
              for name, report in results.items()]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure is below its floor")
    parser.add_argument("--json", help="write every report to this file")
    parser.add_argument("--set", action="append", help="score only this set (repeatable)")
    parser.add_argument("--details", action="store_true", help="print what each set missed and invented")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"error: the scorer {SCORER} is missing", file=sys.stderr)
        return 2
    sets = [s for s in json.loads(SETS_FILE.read_text(encoding="utf-8"))["sets"]
            if not args.set or s["name"] in args.set]
    results = {entry["name"]: score_set(entry) for entry in sets}
    print(table(results))
    if args.details:
        for name, report in results.items():
            print(f"\n## {name}")
            for key in ("missed_initiatives", "unknown_initiatives", "missed_actors", "unknown_actors",
                        "unsupported_phases", "missed_phases"):
                if report.get(key):
                    print(f"{key}: {report[key]}")
            for key in ("missed", "unsupported"):
                if report["dependencies"].get(key):
                    print(f"dependencies {key}: {report['dependencies'][key]}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    failed = [line for s in sets for line in shortfalls(s["name"], results[s["name"]], s.get("floors", {}))]
    for line in failed:
        print(f"below the floor: {line}", file=sys.stderr)
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
