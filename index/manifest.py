"""The manifest of an index (model, chunking, sources, file checksums), and the checks made before
an index is read: format version, field types, and every file's size and SHA-256."""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath

from .folder import leftovers, recover_interrupted_build, replaceable
from .layout import CHUNKS, FORMAT_VERSION, LEXICAL, MANIFEST, VECTORS, IndexProblem, rebuild_args

@dataclass(frozen=True)
class Manifest:
    format_version: int
    model: str
    dimension: int
    chunking: dict
    sources: dict  # file name -> sha256 of the file's bytes
    chunk_count: int
    created: str
    files: dict  # index file (relative path) -> {"size": int, "sha256": str}
    corpus: str = ""  # the corpus that was indexed (file or folder), when the builder said it
    vector_index: dict = field(default_factory=dict)  # {"type": "flat"} or {"type": "hnsw", "m": ..., ...}; {} = flat
    build: dict = field(default_factory=dict)  # what the build reused and embedded (see build_index)

    def rebuild_args(self, model: bool = True) -> tuple[str, ...]:
        """`ess-qa index` arguments that rebuild this index: its corpus, and its model unless the default."""
        return rebuild_args(self.corpus, self.model if model else "")



def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def index_files(directory: Path) -> dict:
    files = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            files[path.relative_to(directory).as_posix()] = {"size": path.stat().st_size, "sha256": sha256_file(path)}
    return files


_MANIFEST_TYPES = {
    "format_version": int,
    "model": str,
    "dimension": int,
    "chunking": dict,
    "sources": dict,
    "chunk_count": int,
    "created": str,
    "files": dict,
}
_MAX_MANIFEST_BYTES = 16 * 1024 * 1024


def index_exists(directory: str | Path) -> bool:
    """Whether a complete index (one with its manifest, written last) is at directory."""
    return (Path(directory) / MANIFEST).is_file()


def read_manifest(directory: str | Path) -> Manifest:
    """The manifest of the index at directory, checked; raises IndexProblem with the fix."""
    directory = Path(directory)
    path = directory / MANIFEST
    if not path.is_file() and leftovers(directory, "old"):
        with contextlib.suppress(OSError):  # a previous index moved aside by a killed build goes back
            recover_interrupted_build(directory)
    if not path.is_file():
        if directory.exists() and not replaceable(directory):
            raise IndexProblem(
                f"no index at {directory}: it is a folder of other files (or not a folder); "
                "give --index-dir a folder of its own for the index"
            )
        if directory.is_dir() and any(directory.iterdir()):
            raise IndexProblem(f"incomplete index at {directory}: {MANIFEST} is missing", directory)
        raise IndexProblem(f"no index at {directory}", directory, action="build it")
    damaged = f"damaged index manifest {path}"
    try:
        if path.stat().st_size > _MAX_MANIFEST_BYTES:
            raise IndexProblem(f"{damaged} (too large to be a manifest)", directory)
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:  # JSON and UTF-8 errors are ValueErrors
        raise IndexProblem(f"{damaged} ({exc.__class__.__name__})", directory) from None
    if not isinstance(data, dict):
        raise IndexProblem(f"{damaged} (not a JSON object)", directory)
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexProblem(
            f"index at {directory} has format version {version}, this ess-qa reads version {FORMAT_VERSION}",
            directory,
            rebuild_args(data.get("corpus"), data.get("model")),
        )
    fix = rebuild_args(data.get("corpus"), data.get("model"))
    for name, kind in _MANIFEST_TYPES.items():
        if not isinstance(data.get(name), kind) or isinstance(data.get(name), bool):
            raise IndexProblem(f"{damaged} ('{name}' is missing or not a {kind.__name__})", directory, fix)
    for name, entry in data["files"].items():
        if not (isinstance(entry, dict) and isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str)):
            raise IndexProblem(f"{damaged} (bad entry for {name!r})", directory, fix)
    if not isinstance(data.get("corpus", ""), str):
        raise IndexProblem(f"{damaged} ('corpus' is not a str)", directory)
    for name in ("vector_index", "build"):
        if not isinstance(data.get(name, {}), dict):
            raise IndexProblem(f"{damaged} ('{name}' is not a dict)", directory, fix)
    return Manifest(**{f.name: data[f.name] for f in fields(Manifest) if f.name in data})


def _index_file_path(directory: Path, name: str, fix: tuple[str, ...] = ()) -> Path:
    """The path of an index file named in the manifest; refuses anything outside the index folder."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts or "\\" in name:
        raise IndexProblem(f"damaged index manifest in {directory}: file name {name!r} points outside the index folder", directory, fix)
    path = directory.joinpath(*relative.parts)
    try:
        inside = path.resolve().is_relative_to(directory.resolve())
    except OSError:
        inside = False
    if not inside:
        raise IndexProblem(f"damaged index at {directory}: {name} links outside the index folder", directory, fix)
    return path


def verify_files(directory: Path, manifest: Manifest) -> None:
    """Check every index file is present, inside the folder, with the size and checksum the manifest recorded."""
    directory = Path(directory)
    fix = manifest.rebuild_args()
    names = set(manifest.files)
    for required in (CHUNKS, VECTORS):
        if required not in names:
            raise IndexProblem(f"damaged index manifest in {directory}: {required} is not listed", directory, fix)
    if not any(name.startswith(LEXICAL + "/") for name in names):
        raise IndexProblem(f"damaged index manifest in {directory}: no lexical index is listed", directory, fix)
    for name, expected in manifest.files.items():
        path = _index_file_path(directory, name, fix)
        if not path.is_file():
            raise IndexProblem(f"incomplete index at {directory}: {name} is missing", directory, fix)
        if path.stat().st_size != expected["size"]:
            raise IndexProblem(f"damaged index at {directory}: {name} has {path.stat().st_size} bytes, not {expected['size']}", directory, fix)
        if sha256_file(path) != expected["sha256"]:
            raise IndexProblem(f"damaged index at {directory}: {name} does not match its checksum", directory, fix)

