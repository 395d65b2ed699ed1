"""What a save or an export writes, and the one overwrite policy the wizard uses.

A write is planned first (every file and its bytes), then checked, then handed to
`rolescope.fileio`, which publishes it both or neither. The policy:

- Anything at a target counts as there, a dangling symbolic link included
  (`fileio.target_exists`): writing through it would create a file somewhere the
  lead never named.
- A target that already holds exactly the planned bytes is not in the way (the
  spec saved under the export's name, an export repeated).
- The session's own file, which it read and checks for changes by fingerprint, is
  replaced in place; a symbolic link is written through to its file, as editors do.
- Anything else in the way is replaced only when the lead said so (`force`);
  otherwise ExistsError names every such target and nothing is written. Targets
  that are not in the way are only ever created, so a file that appears meanwhile
  is not overwritten either.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from rolescope.catalog import Catalog
from rolescope.errors import RolescopeError
from rolescope.export import role_files, roles_to_publish
from rolescope.fileio import TargetsExist, target_exists, write_files
from rolescope.recommend import Recommendation
from rolescope.spec import RoleSpec
from rolescope.specio import dump_spec


class ConflictError(RolescopeError):
    """The file changed on disk since it was opened or last saved."""


class ExistsError(RolescopeError):
    """A write would overwrite files; `paths` lists them."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        super().__init__([_exists_line(path) for path in paths])


def _exists_line(path: Path) -> str:
    if os.path.islink(path) and not os.path.exists(path):
        return f"{path}: already exists (a link to {os.readlink(path)}, which does not exist)"
    return f"{path}: already exists"


@dataclass(frozen=True)
class Planned:
    """One file a write will put in place."""

    path: Path
    data: bytes


def spec_plan(spec: RoleSpec, target: Path) -> list[Planned]:
    return [Planned(target, dump_spec(spec).encode("utf-8"))]


@dataclass(frozen=True)
class RolePlan:
    """One role's files in an export: its spec, its description, its interview kit."""

    title: str
    files: list[Planned]

    @property
    def spec_path(self) -> Path:
        return self.files[0].path

    @property
    def jd_path(self) -> Path:
        return self.files[1].path


def export_plan(spec: RoleSpec, recommendation: Recommendation, catalog: Catalog, out_dir: Path) -> list[RolePlan]:
    """What `rolescope export` writes for this spec (Markdown), role by role: the two
    roles of a split verdict, else one."""
    roles = roles_to_publish(spec, recommendation, catalog)
    laid_out = role_files(roles, out_dir, ("md",), set())
    return [
        RolePlan(role.document.title, [Planned(path, data) for path, data in files])
        for role, files in zip(roles, laid_out)
    ]


def in_the_way(files: Sequence[Planned], own: Collection[Path] = ()) -> list[Path]:
    """Targets a write would overwrite without being told to: anything there (a
    dangling link included) that is not exactly what is planned, except `own`."""
    return [file.path for file in files if file.path not in own and _occupied(file)]


def _occupied(file: Planned) -> bool:
    if not target_exists(file.path):
        return False
    try:
        return file.path.read_bytes() != file.data
    except OSError:
        return True  # a dangling link, a folder, a file we cannot read: something else is there


def write_planned(files: Sequence[Planned], *, force: bool = False, own: Collection[Path] = ()) -> None:
    """Write `files` both or neither under the policy above; ExistsError when a
    target is in the way and not `force`d; OSError as the system reports it."""
    blocking = in_the_way(files, own)
    if blocking and not force:
        raise ExistsError(blocking)
    replace = force or any(target_exists(file.path) for file in files)
    try:
        write_files([(file.path, file.data) for file in files], replace=replace)
    except TargetsExist as error:  # made by someone else since the check: still not overwritten
        raise ExistsError(error.paths) from None
