"""An editing session on one spec: what the wizard drives, with no terminal in it.

It holds the spec being edited (always a valid, possibly half-written spec) and
remembers what is on disk so it can tell unsaved changes and files changed behind
its back. The rest is split by job: `history` (undo and redo), `drafts` (this
session's crash draft, owned and locked, and the left-over drafts of dead
sessions) and `writer` (which files a save or export writes, and the one
overwrite policy).
"""

from __future__ import annotations

import os
from pathlib import Path

from rolescope.catalog import Catalog
from rolescope.drafts import Draft, DraftKeeper, fingerprint
from rolescope.errors import SpecError
from rolescope.fileio import TargetsExist
from rolescope.history import History
from rolescope.recommend import Recommendation, recommend
from rolescope.slug import slugify
from rolescope.spec import RoleSpec, completeness_problems
from rolescope.specio import read_spec
from rolescope.split import write_split_specs
from rolescope.writer import (
    ConflictError,
    ExistsError,
    RolePlan,
    export_plan,
    in_the_way,
    spec_plan,
    write_planned,
)

__all__ = ["ConflictError", "Draft", "ExistsError", "Session", "absolute"]


def absolute(path: str | Path) -> Path:
    """An absolute path as the lead wrote it: `..` folded, symbolic links kept."""
    return Path(os.path.abspath(Path(path).expanduser()))


class Session:
    def __init__(
        self,
        catalog: Catalog,
        spec: RoleSpec | None = None,
        path: Path | None = None,
        *,
        drafts: DraftKeeper | None = None,
    ):
        self.catalog = catalog
        self.spec = spec if spec is not None else RoleSpec()
        self.path = absolute(path) if path else None
        # The spec as it is on disk at `path`; None: never read from or saved there.
        self.saved_spec: RoleSpec | None = spec if path else None
        self.disk_fingerprint = fingerprint(self.path)
        self.history = History()
        self.drafts = drafts if drafts is not None else DraftKeeper()
        # Whether each edit writes the draft at once; False: the caller writes it (the
        # wizard does, away from its UI loop).
        self.write_drafts = True
        self._recommendation: tuple[RoleSpec, Recommendation | None] | None = None

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, catalog: Catalog) -> Session:
        """A session on a spec file; SpecError (the command line's lines) if it is bad."""
        return cls(catalog, read_spec(path), Path(path))

    @classmethod
    def new_file(cls, path: str | Path, catalog: Catalog) -> Session:
        """A new, empty spec that saving writes to `path` (after asking, if something is there by then)."""
        session = cls(catalog)
        session.path = absolute(path)
        return session

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
        self._edited()

    def undo(self) -> bool:
        previous = self.history.undo(self.spec)
        if previous is None:
            return False
        self.spec = previous
        self._edited()
        return True

    def redo(self) -> bool:
        following = self.history.redo(self.spec)
        if following is None:
            return False
        self.spec = following
        self._edited()
        return True

    def _edited(self) -> None:
        if self.write_drafts:
            self.write_draft()

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
        return fingerprint(self.path) != self.disk_fingerprint

    def save(self, path: str | Path | None = None, *, force: bool = False, spec: RoleSpec | None = None) -> Path:
        """Write the spec (or `spec`, the session's spec when a save began: edits made
        while it is written stay unsaved). Refuses an incomplete spec, a file that
        changed on disk since it was read, and anything else already at the target
        (a dangling link included), unless forced; see `rolescope.writer` for the policy."""
        spec = spec if spec is not None else self.spec
        problems = [f"{field}: {message}" for field, message in completeness_problems(spec)]
        if problems:
            raise SpecError([f"cannot save yet: {problem}" for problem in problems])
        target = absolute(path) if path else self.suggested_path()
        # The session's own file: it read it (or saved it), and knows whether it changed since.
        own = target == self.path and self.saved_spec is not None
        if own and not force and self.changed_on_disk():
            raise ConflictError(f"{target}: changed on disk since it was opened")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_planned(spec_plan(spec, target), force=force, own={target} if own else ())
        if spec == self.spec:
            self.discard_draft()
        self.path = target
        self.saved_spec = spec
        self.disk_fingerprint = fingerprint(target)
        return target

    def export_targets(self, out_dir: str | Path) -> list[RolePlan]:
        """What an export into `out_dir` writes, role by role (a split verdict's two)."""
        return self._export_plan(out_dir)

    def _export_plan(self, out_dir: str | Path) -> list[RolePlan]:
        if self.recommendation is None:
            raise SpecError("cannot export yet: add at least one task")
        return export_plan(self.spec, self.recommendation, self.catalog, absolute(out_dir))

    def export_conflicts(self, out_dir: str | Path, plan: list[RolePlan] | None = None) -> list[Path]:
        """Export targets that something else is at (of `plan`, if already made for
        `out_dir`). A file that already says exactly this (the spec saved under the
        same name, an export repeated) is not a conflict; a dangling link is."""
        roles = plan if plan is not None else self._export_plan(out_dir)
        return in_the_way([file for role in roles for file in role.files])

    def export(self, out_dir: str | Path, *, force: bool = False, plan: list[RolePlan] | None = None) -> list[RolePlan]:
        """Write what `rolescope export` writes (Markdown): every role's files, all or
        none; `plan` is `export_targets(out_dir)` when already made."""
        if plan is None:
            problems = self.problems()
            if problems:
                raise SpecError([f"cannot export yet: {problem}" for problem in problems])
            plan = self._export_plan(out_dir)
        plan[0].spec_path.parent.mkdir(parents=True, exist_ok=True)
        write_planned([file for role in plan for file in role.files], force=force)
        return plan

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

    def write_draft(self) -> None:
        """Keep the spec as typed in this session's own draft; a failure is reported
        through `drafts.take_news()`, never raised."""
        self.drafts.write(self.spec, self.path, self.disk_fingerprint)

    def find_drafts(self) -> list[Draft]:
        """Drafts of this spec left by sessions that are gone (crashed, killed),
        newest first, that differ from what this session holds."""
        return self.drafts.left_over(self.path, self.spec, fingerprint(self.path))

    def restore_draft(self, draft: Draft) -> None:
        """Take the draft's spec as an edit (undo goes back to the file's). Saving
        replaces the file: the lead was told whether it changed since the draft."""
        self.update(draft.spec)
        self.drafts.delete(draft.name)

    def restore_draft_as_copy(self, draft: Draft) -> Path:
        """Keep both: the draft becomes a new, unsaved spec beside the file, which is
        left as it is; returns where saving will write it."""
        base = Path(draft.source) if draft.source else self.suggested_path()
        target = base.with_name(f"{base.stem}-draft{base.suffix or '.toml'}")
        number = 2
        while os.path.lexists(target):
            target = base.with_name(f"{base.stem}-draft-{number}{base.suffix or '.toml'}")
            number += 1
        self.path = absolute(target)
        self.saved_spec = None
        self.disk_fingerprint = None
        self.update(draft.spec)
        self.drafts.delete(draft.name)
        return self.path

    def discard_found_draft(self, draft: Draft) -> None:
        """The lead threw a left-over draft away."""
        self.drafts.delete(draft.name)

    def keep_found_draft(self, draft: Draft) -> None:
        """Not decided now: the draft stays as it is and is offered next time."""
        self.drafts.release(draft.name)

    def discard_draft(self) -> None:
        """This session's own draft is no longer needed (saved, or thrown away)."""
        self.drafts.discard()

    def close(self) -> None:
        """The session ends: an unsaved draft stays for the next start to offer."""
        self.drafts.close()
