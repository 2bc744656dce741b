"""Take the fetched PDFs of bench_questions.py's sets out of local git copies of their repositories.

Usage: python benchmarks/take_fetched.py MIRRORS OUT [--role tuning|unseen]

MIRRORS holds one git copy per repository, as `owner+name/repo` (the layout the team's fetch
tool writes: a bare copy, or a checkout with its `.git` inside); OUT is a folder outside the project. Each PDF is written as OUT/<file name> with
`git show COMMIT:PATH`, then checked against the sha256 its questions were written against. Give
OUT to bench_questions.py as a --docs folder. Nothing is copied into the project. A repository
that is not in MIRRORS is named, with the commit and path to take, and skipped.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from bench_questions import SETS, sha256_of


def fetched_pdfs(role: str | None) -> dict[str, tuple[str, str]]:
    """File name → (sha256, repository@commit:path) of every fetched PDF of the sets (of one role when given)."""
    return {q.pdf: (q.sha256, q.fetched) for q in SETS if q.fetched and (role is None or q.role == role)}


def take(mirrors: Path, out: Path, name: str, sha256: str, source: str) -> str:
    """Write one PDF into out; a one-line report."""
    repository, _, rest = source.partition("@")
    commit, _, path = rest.partition(":")
    git_dir = mirrors / repository.replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():  # some snapshots arrive as a checkout, not a bare copy
        git_dir = git_dir / ".git"
    if not git_dir.is_dir():
        return f"missing  {name}: fetch {repository}, then take {commit}:{path}"
    shown = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True)
    if shown.returncode != 0:
        return f"failed   {name}: {shown.stderr.decode(errors='replace').strip()}"
    target = out / name
    target.write_bytes(shown.stdout)
    state = "ok" if sha256_of(target) == sha256 else "SHA256 DIFFERS"
    return f"{state:8} {name}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mirrors", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--role", choices=["tuning", "unseen"])
    args = parser.parse_args(argv)
    if not args.mirrors.is_dir():
        sys.exit(f"take_fetched: no folder {args.mirrors}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (sha256, source) in sorted(fetched_pdfs(args.role).items()):
        print(take(args.mirrors, args.out, name, sha256, source))


if __name__ == "__main__":
    main()
