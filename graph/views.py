"""Read-only views of the embedded store for query workers in other processes.

RocksDB lets another process open a store read-only, but not while its owner writes: compaction
deletes the files such a reader is about to open. So once it has query workers, the owner publishes
a checkpoint after each write (hard links to the immutable table files, made in milliseconds) in a
folder beside the store, and points ``CURRENT`` at it; workers open the checkpoint ``CURRENT`` names. A checkpoint
stays for ``KEEP_SECONDS`` after a newer one replaced it, longer than any query may run.
"""

import os
import shutil
import time
import uuid
from pathlib import Path

import pyoxigraph as ox

KEEP_SECONDS = 120.0


def views_folder(store_path: str | Path) -> Path:
    """Return the folder of the views of the store at ``store_path``: beside it, never inside."""
    path = Path(store_path)
    return path.with_name(path.name + ".views")


def publish(store: ox.Store, store_path: str | Path) -> None:
    """Publish a view of ``store`` as it is now, and remove views nobody can still be reading."""
    folder = views_folder(store_path)
    folder.mkdir(exist_ok=True)
    name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    store.backup(str(folder / name))
    pointer = folder / f"CURRENT.{name}"
    pointer.write_text(name, encoding="utf-8")
    os.replace(pointer, folder / "CURRENT")  # readers see the old view or the new one, never half
    _sweep(folder, keep=name)


def current(store_path: str | Path) -> Path:
    """Return the folder of the latest published view of the store at ``store_path``."""
    folder = views_folder(store_path)
    return folder / (folder / "CURRENT").read_text(encoding="utf-8").strip()


def _sweep(folder: Path, keep: str) -> None:
    deadline = time.time() - KEEP_SECONDS
    for view in folder.iterdir():
        if view.is_dir() and view.name != keep and view.stat().st_mtime < deadline:
            shutil.rmtree(view, ignore_errors=True)
