"""Copy the web client's browser libraries from npm's ``web/node_modules`` into the Python package.

The files each npm package ships are listed under "vendor" in ``web/package.json``; they go to
``api/web/vendor/{name}/`` (git-ignored, package data of the wheel) with ``LICENSES.txt``: the licence
of the library and of every npm package it depends on, since its bundle carries their code. ``make web``
runs this after ``npm ci``; the package build (``setup.py``) runs it too, so ``pip install .`` of a
checkout where npm has run gives a server whose pages work without the checkout.
"""

import json
import shutil
from pathlib import Path

WEB = Path(__file__).resolve().parent
TARGET = WEB.parent / "api" / "web" / "vendor"
LICENCE_FILES = ("LICENSE", "LICENCE", "COPYING")


def vendor(*, required: bool = True) -> None:
    """Copy the libraries into the package. Without ``web/node_modules`` (a build from a source archive that
    carries the copies) check that they are there; when they are not, fail if ``required``."""
    shipped: dict[str, list[str]] = json.loads((WEB / "package.json").read_text(encoding="utf-8"))["vendor"]
    if not all((WEB / "node_modules" / package).is_dir() for package in shipped):
        copies = [f"{_folder(package)}/{name}" for package, files in shipped.items()
                  for name in [*(Path(file).name for file in files), "LICENSES.txt"]]
        missing = [name for name in copies if not (TARGET / name).is_file()]
        if missing and required:
            raise SystemExit(f"the web client's libraries are missing ({', '.join(missing)}): "
                             "run `npm ci --prefix web` (or `make web`) before building the package")
        return
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    shutil.rmtree(TARGET, ignore_errors=True)
    for package, files in shipped.items():
        folder = TARGET / _folder(package)
        folder.mkdir(parents=True)
        for file in files:
            shutil.copyfile(WEB / "node_modules" / package / file, folder / Path(file).name)
        (folder / "LICENSES.txt").write_text(licences(lock, f"node_modules/{package}"), encoding="utf-8")


def licences(lock: dict[str, dict], root: str) -> str:
    """Return the licence texts of the npm package at ``root`` and of every package it depends on."""
    texts, seen, queue = [], set(), [root]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        entry = lock[path]
        texts.append(_licence(path, entry))
        for dependency in {**entry.get("dependencies", {}), **entry.get("optionalDependencies", {})}:
            found = _resolve(lock, path, dependency)
            if found is not None:
                queue.append(found)
    return "\n\n".join(texts) + "\n"


def _licence(path: str, entry: dict) -> str:
    name = path.rsplit("node_modules/", 1)[-1]
    files = sorted(f for f in (WEB / path).iterdir() if f.name.upper().startswith(LICENCE_FILES))
    body = "\n".join(f.read_text(encoding="utf-8", errors="replace").strip() for f in files) or \
        "(the npm package has no licence file; its package.json names the licence above)"
    rule = "=" * 78
    return f"{rule}\n{name} {entry.get('version', '')}: {entry.get('license', 'no licence stated')}\n{rule}\n{body}"


def _resolve(lock: dict[str, dict], path: str, dependency: str) -> str | None:
    """Find ``dependency`` as Node does from the package at ``path``: its own node_modules, then outwards."""
    base = path
    while True:
        candidate = f"{base}/node_modules/{dependency}"
        if candidate in lock:
            return candidate
        if "/node_modules/" not in base:
            return f"node_modules/{dependency}" if f"node_modules/{dependency}" in lock else None
        base = base.rsplit("/node_modules/", 1)[0]


def _folder(package: str) -> str:
    return package.rsplit("/", 1)[-1]  # "@zazuko/yasgui" is served at /vendor/yasgui/


if __name__ == "__main__":
    vendor()
    print(f"copied the web client's libraries into {TARGET}")
