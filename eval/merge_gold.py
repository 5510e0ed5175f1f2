"""Merge the per-page annotations of ``eval/own/parts/*.json`` into the two gold files of the set.

    python eval/merge_gold.py

``gold-by-doc.json`` keeps every page's annotation as written; ``gold.json`` is the merged form the
scorer (``../shared/eval/score.py``) reads: every name once with all its aliases, phases with their
accepted notations, and ``exhaustive`` set, since each page is annotated in full.
"""

import json
from pathlib import Path

OWN = Path(__file__).resolve().parent / "own"
ABOUT = ("Real public pages about Norwegian public-sector digitalisation (e-health, and beyond it: Digdir, "
         "Skatteetaten, NAV, Statens vegvesen, KS; Bokmål and Nynorsk), each the opening part of the page as plain "
         "text with its source URL on the first line, annotated by hand before any rule was written for them. "
         "Exhaustive: every initiative, organisation and phase statement is listed; doubtful ones under *_optional.")


def merged(pages: list[dict]) -> dict:
    """Return the scorer's form of the annotations of ``pages``."""
    aliases: dict[str, set[str]] = {}
    for page in pages:
        for name, more in page.get("aliases", {}).items():
            aliases.setdefault(name, set()).update(more)

    def entities(key: str) -> list[dict]:
        names = sorted({name for page in pages for name in page[key]})
        return [{"name": n, "aliases": sorted(aliases.get(n, set()) - {n})} for n in names]

    def optional(key: str) -> list[str]:
        return sorted({name for page in pages for name in page.get(key, [])})

    def phases(key: str) -> list[dict]:
        return [{"initiative": p["initiative"], "phase": p.get("acceptable_phases") or p["phase"],
                 "evidence": p["evidence"], "doc": page["doc"]} for page in pages for p in page.get(key, [])]

    return {
        "about": ABOUT,
        "exhaustive": True,
        "initiatives": entities("initiatives"),
        "actors": entities("actors"),
        "dependencies": [{"prerequisite": d["prerequisite"], "dependent": d["dependent"], "evidence": d["evidence"],
                          "doc": page["doc"]} for page in pages for d in page["dependencies"]],
        "dependencies_borderline": [{"prerequisite": d["prerequisite"], "dependent": d["dependent"]}
                                    for page in pages for d in page.get("dependencies_borderline", [])],
        "phases": phases("phases"),
        "phases_optional": phases("phases_optional"),
        "initiatives_optional": optional("initiatives_optional"),
        "actors_optional": optional("actors_optional"),
    }


def main() -> None:
    pages = sorted((page for part in sorted((OWN / "parts").glob("*.json"))
                    for page in json.loads(part.read_text(encoding="utf-8"))), key=lambda page: page["doc"])
    missing = [page["doc"] for page in pages if not (OWN / "docs" / page["doc"]).exists()]
    if missing:
        raise SystemExit(f"annotated pages without their text: {', '.join(missing)}")
    (OWN / "gold-by-doc.json").write_text(json.dumps(pages, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (OWN / "gold.json").write_text(json.dumps(merged(pages), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(pages)} pages merged into {OWN / 'gold.json'}")


if __name__ == "__main__":
    main()
