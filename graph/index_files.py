"""Where the index keeps its files, and the snapshot of the index saved there, so that a restart on an unchanged
store loads it instead of reading the whole store again.

The snapshot file holds a header and a pickle of the snapshot: the header names the file's format and a digest
of the code of the classes it holds (a file written by other code is not read), and the SHA-256 of the pickle,
checked before a byte of it is unpickled, so a corrupt or half-written file is rebuilt, never trusted. A file is
written whole under a temporary name, then renamed: a reader sees the old file or the new one.

>>> index_folder("/data/store", None)
PosixPath('/data/store.index')
>>> index_folder("http://localhost:7878/query", None) is None
True
"""

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

MAGIC = b"veikart-index\n"
SNAPSHOT_FILE = "snapshot.pickle"
PICKLED_CODE = ("index.py", "records.py", "walks.py")  # the modules whose classes a snapshot holds
DIGEST = hashlib.sha256().digest_size
CHUNK = 1 << 20


def index_folder(location: str | None, cache: Path | None) -> Path | None:
    """Return the folder of the index files of the store at ``location``: beside an embedded store, in a folder
    of ``cache`` named by the endpoint for a remote one (None: no files), none for a store in memory."""
    if location is None:
        return None
    if location.startswith(("http://", "https://")):
        return cache / hashlib.sha256(location.encode("utf-8")).hexdigest()[:24] if cache is not None else None
    path = Path(location)
    return path.with_name(path.name + ".index")


def _code_key() -> bytes:
    """Return the digest of what decides how a snapshot unpickles: the Python version and the code of its classes."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for name in PICKLED_CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.digest()


class _Hashing:
    """A file to write to that hashes what passes through it."""

    def __init__(self, out: BinaryIO):
        self.out, self.digest = out, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.out.write(data)


def save(snapshot: object, folder: Path) -> None:
    """Write ``snapshot`` to its file in ``folder``, atomically; the pickle is streamed, never held whole."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=SNAPSHOT_FILE + ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + _code_key() + bytes(DIGEST))
            hashing = _Hashing(out)
            pickle.dump(snapshot, hashing, protocol=pickle.HIGHEST_PROTOCOL)
            out.seek(len(MAGIC) + DIGEST)
            out.write(hashing.digest.digest())
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, folder / SNAPSHOT_FILE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(folder: Path) -> object | None:
    """Return the snapshot saved in ``folder``; None when there is none, or it is corrupt, cut short or written
    by other code."""
    try:
        with (folder / SNAPSHOT_FILE).open("rb") as file:
            if file.read(len(MAGIC)) != MAGIC or file.read(DIGEST) != _code_key():
                return None
            expected, digest = file.read(DIGEST), hashlib.sha256()
            while chunk := file.read(CHUNK):
                digest.update(chunk)
            if digest.digest() != expected:
                return None
            file.seek(len(MAGIC) + 2 * DIGEST)
            return _unpickled(file)
    except OSError:
        return None


def _unpickled(file: BinaryIO) -> object | None:
    collecting = gc.isenabled()
    gc.disable()  # millions of objects, none in a cycle: the collector would walk them again and again
    try:
        snapshot: object = pickle.load(file)
        return snapshot
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    finally:
        if collecting:
            gc.enable()
