"""An editing session on one spec: what the wizard drives, with no terminal in it.

It holds the spec being edited (always a valid, possibly half-written spec),
remembers what is on disk so it can tell unsaved changes and files changed
behind its back, keeps an undo history, and writes a draft on every change so a
killed process loses at most the last keystroke.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from rolescope.catalog import Catalog
from rolescope.errors import RolescopeError, SpecError
from rolescope.export import export_paths, write_export
from rolescope.fileio import TargetsExist, atomic_write_text
from rolescope.history import History
from rolescope.jd import render_jd
from rolescope.recommend import Recommendation, recommend
from rolescope.slug import slugify
from rolescope.spec import RoleSpec, completeness_problems
from rolescope.specio import dump_spec, parse_spec, read_spec, read_text_file, write_spec
from rolescope.split import write_split_specs


class ConflictError(RolescopeError):
    """The file changed on disk since it was opened or last saved."""


class ExistsError(RolescopeError):
    """A write would overwrite files; `paths` lists them."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        super().__init__([f"{path}: already exists" for path in paths])


def drafts_dir() -> Path:
    explicit = os.environ.get("ROLESCOPE_DRAFTS")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "rolescope" / "drafts"


@dataclass(frozen=True)
class Draft:
    spec: RoleSpec
    saved_at: float
    source: str | None


def absolute(path: str | Path) -> Path:
    """An absolute path as the lead wrote it: `..` folded, symbolic links kept."""
    return Path(os.path.abspath(Path(path).expanduser()))


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _fingerprint(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Session:
    def __init__(self, catalog: Catalog, spec: RoleSpec | None = None, path: Path | None = None):
        self.catalog = catalog
        self.spec = spec if spec is not None else RoleSpec()
        self.path = absolute(path) if path else None
        self.saved_spec: RoleSpec | None = spec if path else None
        self.disk_fingerprint = _fingerprint(self.path) if self.path else None
        self.history = History()
        self._recommendation: tuple[RoleSpec, Recommendation | None] | None = None

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, catalog: Catalog) -> Session:
        """A session on a spec file; SpecError (the command line's lines) if it is bad."""
        return cls(catalog, read_spec(path), Path(path))

    # ------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        if self.saved_spec is None:
            return self.spec != RoleSpec()
        return self.spec != self.saved_spec

    @property
    def recommendation(self) -> Recommendation | None:
        """The recommendation for the current spec (None until there is a task)."""
        if self._recommendation is None or self._recommendation[0] is not self.spec:
            result = recommend(self.spec, self.catalog) if self.spec.tasks else None
            self._recommendation = (self.spec, result)
        return self._recommendation[1]

    def update(self, spec: RoleSpec, group: str | None = None) -> None:
        """One edit. Edits in the same `group` in a row (the keystrokes of one
        field) undo together; an edit without a group is an undo step of its own."""
        if spec == self.spec:
            return
        self.history.record(self.spec, group)
        self.spec = spec
        self.write_draft()

    def undo(self) -> bool:
        previous = self.history.undo(self.spec)
        if previous is None:
            return False
        self.spec = previous
        self.write_draft()
        return True

    def redo(self) -> bool:
        following = self.history.redo(self.spec)
        if following is None:
            return False
        self.spec = following
        self.write_draft()
        return True

    def problems(self) -> list[str]:
        return [f"{field}: {message}" for field, message in completeness_problems(self.spec)]

    # ------------------------------------------------------------ saving

    def suggested_path(self) -> Path:
        if self.path:
            return self.path
        title = self.recommendation.title if self.recommendation else ""
        return Path.cwd() / f"{slugify(self.spec.company.name, title)}.toml"

    def changed_on_disk(self) -> bool:
        if not self.path or not self.path.exists():
            return False
        return _fingerprint(self.path) != self.disk_fingerprint

    def save(self, path: str | Path | None = None, *, force: bool = False) -> Path:
        """Write the spec. Refuses an incomplete spec, a file that changed on disk
        since it was read, and (for a new path) an existing file, unless forced."""
        problems = self.problems()
        if problems:
            raise SpecError([f"cannot save yet: {problem}" for problem in problems])
        target = absolute(path) if path else self.suggested_path()
        if not force:
            if target == self.path and self.changed_on_disk():
                raise ConflictError(f"{target}: changed on disk since it was opened")
            if target != self.path and target.exists():
                raise ExistsError([target])
        target.parent.mkdir(parents=True, exist_ok=True)
        write_spec(self.spec, target)
        self.discard_draft()
        self.path = target
        self.saved_spec = self.spec
        self.disk_fingerprint = _fingerprint(target)
        return target

    def export_targets(self, out_dir: str | Path) -> tuple[Path, Path]:
        if self.recommendation is None:
            raise SpecError("cannot export yet: add at least one task")
        return export_paths(self.spec, self.recommendation, absolute(out_dir))

    def export_conflicts(self, out_dir: str | Path) -> list[Path]:
        """Export targets that exist with other contents. A file that already says
        exactly this (the spec saved under the same name, an export repeated) is
        not a conflict."""
        spec_path, jd_path = self.export_targets(out_dir)
        recommendation = self.recommendation
        assert recommendation is not None  # export_targets refuses a spec without one
        wanted = {spec_path: dump_spec(self.spec), jd_path: render_jd(self.spec, recommendation, self.catalog)}
        return [path for path, text in wanted.items() if path.exists() and _read_bytes(path) != text.encode("utf-8")]

    def export(self, out_dir: str | Path, *, force: bool = False) -> tuple[Path, Path]:
        problems = self.problems()
        if problems:
            raise SpecError([f"cannot export yet: {problem}" for problem in problems])
        spec_path, jd_path = self.export_targets(out_dir)
        existing = self.export_conflicts(out_dir)
        if existing and not force:
            raise ExistsError(existing)
        spec_path.parent.mkdir(parents=True, exist_ok=True)
        recommendation = self.recommendation
        assert recommendation is not None  # export_targets refuses a spec without one
        write_export(self.spec, recommendation, self.catalog, spec_path, jd_path)
        return spec_path, jd_path

    def save_split(self, out_dir: str | Path, *, force: bool = False) -> list[Path]:
        """On a split verdict, write the two roles' specs into `out_dir`: the same
        core function as `recommend --split-out`."""
        if self.recommendation is None or not self.recommendation.split:
            raise SpecError("the verdict is not a split")
        out = absolute(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        try:
            return write_split_specs(self.spec, self.recommendation, self.catalog, out, replace=force)
        except TargetsExist as error:
            raise ExistsError(list(error.paths)) from None

    # ------------------------------------------------------------ drafts

    def _draft_key(self) -> str:
        if self.path is None:
            return "untitled"
        return hashlib.sha256(str(self.path).encode("utf-8")).hexdigest()[:20]

    def draft_paths(self) -> tuple[Path, Path]:
        key = self._draft_key()
        folder = drafts_dir()
        return folder / f"{key}.toml", folder / f"{key}.json"

    def write_draft(self) -> None:
        """Keep the spec as typed. Cheap enough for every keystroke (no fsync:
        the kernel keeps it if the process is killed); a failure is not fatal."""
        spec_file, meta_file = self.draft_paths()
        try:
            spec_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(spec_file, dump_spec(self.spec), durable=False)
            meta = {"source": str(self.path) if self.path else None, "saved_at": time.time()}
            atomic_write_text(meta_file, json.dumps(meta), durable=False)
        except OSError:
            pass

    def find_draft(self) -> Draft | None:
        """A draft left by an earlier run that differs from what is on disk."""
        spec_file, meta_file = self.draft_paths()
        if not spec_file.exists():
            return None
        try:
            spec = parse_spec(read_text_file(spec_file, what="draft"), str(spec_file), complete=False)
            meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        except (RolescopeError, OSError, ValueError):
            return None
        if spec == self.spec:
            return None
        return Draft(spec, float(meta.get("saved_at") or spec_file.stat().st_mtime), meta.get("source"))

    def restore_draft(self, draft: Draft) -> None:
        self.update(draft.spec)

    def set_aside_draft(self) -> Path | None:
        """Keep an earlier run's draft under its own name, so this session's drafts
        do not overwrite it; returns where it went."""
        spec_file, meta_file = self.draft_paths()
        if not spec_file.exists():
            return None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = spec_file.with_name(f"{spec_file.stem}-kept-{stamp}.toml")
        try:
            spec_file.rename(kept)
            if meta_file.exists():
                meta_file.rename(kept.with_suffix(".json"))
        except OSError:
            return None
        return kept

    def discard_draft(self) -> None:
        for file in self.draft_paths():
            try:
                file.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass
