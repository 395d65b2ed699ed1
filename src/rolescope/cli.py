"""The `rolescope` command. Headless commands never import the terminal UI:
`rolescope.tui` is imported only by the command that opens the wizard."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolescope import __version__
from rolescope.errors import RolescopeError

if TYPE_CHECKING:  # the commands import what they need when they run
    from rolescope.catalog import Catalog
    from rolescope.recommend import Recommendation
    from rolescope.spec import RoleSpec

COMMANDS = ("new", "recommend", "classify", "export", "presets")

DESCRIPTION = """\
Scope a machine-learning hire from the real work of its first six months.

  rolescope [SPEC.toml]                 open the wizard (empty, or on that spec)
  rolescope --preset NAME               open the wizard on a new role from a preset
  rolescope new --preset NAME [-o FILE] write a starting spec from a preset
  rolescope recommend SPEC.toml [--json]
  rolescope classify [TEXT ...] [--json]  (or one task per line on stdin)
  rolescope export SPEC.toml ... [--out DIR] [--force]
  rolescope presets [--json]

Run `rolescope COMMAND --help` for a command's options.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the command, then exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _presets_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--presets",
        metavar="DIR",
        action="append",
        default=[],
        help="an extra presets folder (repeatable); extends the built-in and per-user presets",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rolescope", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"rolescope {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    new = sub.add_parser("new", help="write a starting spec from a preset")
    new.add_argument("--preset", required=True, metavar="NAME", help="a preset name (see: rolescope presets)")
    new.add_argument("-o", "--output", metavar="FILE", help="where to write the spec (default: standard output)")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _presets_option(new)

    rec = sub.add_parser("recommend", help="print the recommendation for a spec")
    rec.add_argument("spec", metavar="SPEC.toml")
    rec.add_argument("--json", action="store_true", help="one JSON object")
    rec.add_argument("--split-out", metavar="DIR", help="on a split verdict, write the two roles' specs into DIR")
    rec.add_argument("--force", action="store_true", help="with --split-out, overwrite existing files")
    _presets_option(rec)

    cls = sub.add_parser("classify", help="classify task lines")
    cls.add_argument("text", nargs="*", metavar="TEXT", help="task lines (default: one per line on stdin)")
    cls.add_argument("--json", action="store_true", help="a JSON list, one object per line in input order")
    _presets_option(cls)

    exp = sub.add_parser("export", help="write the spec and job description for each spec")
    exp.add_argument("specs", nargs="+", metavar="SPEC.toml")
    exp.add_argument("--out", metavar="DIR", default=".", help="output folder (default: the current one)")
    exp.add_argument("--force", action="store_true", help="overwrite existing files")
    _presets_option(exp)

    pre = sub.add_parser("presets", help="list the example roles")
    pre.add_argument("--json", action="store_true", help="a JSON list of objects")
    _presets_option(pre)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if (argv and argv[0] in COMMANDS) or any(flag in argv[:1] for flag in ("-h", "--help", "--version")):
            args = build_parser().parse_args(argv)
            return HANDLERS[args.command](args)
        return _wizard(argv)
    except RolescopeError as error:
        _print_problems(error.lines)
        return 2
    except KeyboardInterrupt:
        print("rolescope: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (| head); nothing left to say.
        sys.stderr.close()
        return 0


def _print_problems(lines: list[str]) -> None:
    """Problems to stderr, one per line; a file name or key with control characters
    in it is shown, not obeyed by the terminal."""
    from rolescope.markdown import visible_controls

    for line in lines:
        print(visible_controls(line), file=sys.stderr)


def _catalog(args: argparse.Namespace) -> Catalog:
    from rolescope.catalog import load_catalog

    return load_catalog(tuple(args.presets))


def safe_path(path: Path) -> str:
    from rolescope.markdown import visible_controls

    return visible_controls(str(path))


def _dump_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _refuse_overwrite(path: Path, force: bool) -> None:
    from rolescope.fileio import target_exists

    if target_exists(path) and not force:
        raise RolescopeError(f"{path}: already exists; pass --force to overwrite it")
    if path.is_dir():
        raise RolescopeError(f"{path}: is a directory")


def cmd_new(args: argparse.Namespace) -> int:
    from rolescope.specio import dump_spec, read_spec, write_spec

    catalog = _catalog(args)
    if args.preset not in catalog.roles:
        close = difflib.get_close_matches(args.preset, list(catalog.roles), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise RolescopeError(f"rolescope new: unknown preset '{args.preset}'{hint}; `rolescope presets` lists them")
    spec = read_spec(catalog.roles[args.preset])
    if not args.output:
        sys.stdout.write(dump_spec(spec))
        return 0
    target = Path(args.output)
    _refuse_overwrite(target, args.force)
    try:
        write_spec(spec, target, replace=args.force)
    except FileExistsError:  # made by someone else since the check: still not overwritten
        _refuse_overwrite(target, args.force)
        raise
    print(f"wrote {safe_path(target)}", file=sys.stderr)
    return 0


def cmd_recommend(args: argparse.Namespace) -> int:
    from rolescope.recommend import recommend
    from rolescope.specio import read_spec

    catalog = _catalog(args)
    spec = read_spec(args.spec)
    recommendation = recommend(spec, catalog)
    if args.split_out:
        _write_split(spec, recommendation, Path(args.split_out), args.force, args.spec)
    if args.json:
        _dump_json(recommendation.to_json())
    else:
        import shutil

        from rolescope.termtext import render_recommendation, wants_colour

        # Wrap to the terminal; piped output keeps one line per item for grep and diff.
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        sys.stdout.write(
            render_recommendation(args.spec, spec, recommendation, catalog, wants_colour(sys.stdout), width)
        )
    return 0


def _write_split(spec: RoleSpec, recommendation: Recommendation, out_dir: Path, force: bool, source: str) -> None:
    from rolescope.recommend import split_specs
    from rolescope.slug import slugify
    from rolescope.specio import write_spec

    if not recommendation.split:
        raise RolescopeError(
            f"{source}: the verdict is '{recommendation.hire}', not a split: there is nothing to split"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    specs = split_specs(spec, recommendation)
    targets = [out_dir / f"{slugify(part.company.name, part.role.title or '')}.toml" for part in specs]
    for target in targets:
        _refuse_overwrite(target, force)
    for part, target in zip(specs, targets):
        write_spec(part, target)
        print(f"wrote {safe_path(target)}", file=sys.stderr)


def cmd_classify(args: argparse.Namespace) -> int:
    from rolescope.classify import classify_text

    lines = list(args.text)
    if not lines:
        if sys.stdin is None or sys.stdin.isatty():
            raise RolescopeError("rolescope classify: give task lines as arguments, or one per line on standard input")
        lines = [line.rstrip("\r\n") for line in sys.stdin]
    lines = [line for line in lines if line.strip()]
    if not lines:
        raise RolescopeError("rolescope classify: no task lines to classify")
    catalog = _catalog(args)
    results = [classify_text(line, catalog) for line in lines]
    if args.json:
        _dump_json([result.to_json() for result in results])
    else:
        from rolescope.termtext import render_classification, wants_colour

        colour = wants_colour(sys.stdout)
        for result in results:
            print(render_classification(result, colour))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from rolescope.export import export_specs, sigterm_interrupts
    from rolescope.termtext import end_progress, progress

    catalog = _catalog(args)
    show_progress = len(args.specs) >= 5 and sys.stderr.isatty()
    waited: set[Path] = set()

    def waiting(folder: Path) -> None:
        if folder not in waited:
            waited.add(folder)
            if show_progress:
                end_progress(sys.stderr)  # a line of its own, not over the progress line
            print(f"rolescope export: waiting for another export into {safe_path(folder)}", file=sys.stderr)

    with sigterm_interrupts():
        report = export_specs(
            [Path(path) for path in args.specs],
            Path(args.out),
            catalog,
            force=args.force,
            on_progress=(lambda done, total, path: progress(sys.stderr, done, total, str(path)))
            if show_progress
            else None,
            on_wait=waiting,
        )
    if show_progress:
        end_progress(sys.stderr)
    from rolescope.termtext import safe

    for result in report.written:
        print(safe(f"{result.source}: wrote {result.spec_path} and {result.jd_path}"))
    for result in report.failed:
        _print_problems(result.problems)
    if report.interrupted is not None:
        print(
            f"rolescope export: interrupted: {len(report.written)} written, {len(report.failed)} failed, "
            f"{len(report.not_done)} not exported",
            file=sys.stderr,
        )
    elif report.failed:
        print(
            f"rolescope export: {len(report.written)} written, {len(report.failed)} failed",
            file=sys.stderr,
        )
    return report.exit_code


def cmd_presets(args: argparse.Namespace) -> int:
    from rolescope.catalog import BUILTIN_DIR
    from rolescope.specio import read_spec

    catalog = _catalog(args)
    rows: list[dict[str, Any]] = []
    for name, path in sorted(catalog.roles.items()):
        spec = read_spec(path)
        rows.append(
            {
                "name": name,
                "description": spec.description or "",
                "company": spec.company.name,
                "stage": spec.company.stage,
                "tasks": len(spec.tasks),
                "weeks": spec.total_weeks,
                "source": "built-in" if path.parent.parent == BUILTIN_DIR else str(path.parent.parent),
                "path": str(path),
            }
        )
    if args.json:
        _dump_json(rows)
        return 0
    from rolescope.termtext import Style, safe, wants_colour

    style = Style(wants_colour(sys.stdout))
    width = max(len(row["name"]) for row in rows) if rows else 0
    for row in rows:
        print(f"{style(row['name'].ljust(width), 'bold')}  {row['stage']:<11}  {safe(row['description'])}")
    print(style("\nStart from one: rolescope new --preset NAME -o my-role.toml", "dim"))
    return 0


def _wizard(argv: list[str]) -> int:
    parser = _Parser(prog="rolescope", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "spec", nargs="?", metavar="SPEC.toml", help="a spec to open (or to create, if it does not exist)"
    )
    parser.add_argument(
        "--preset", metavar="NAME", help="start a new, unsaved role from a preset (see: rolescope presets)"
    )
    _presets_option(parser)
    args = parser.parse_args(argv)
    if args.preset:
        catalog = _catalog(args)
        if args.preset not in catalog.roles:
            close = difflib.get_close_matches(args.preset, list(catalog.roles), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise RolescopeError(f"rolescope: unknown preset '{args.preset}'{hint}; `rolescope presets` lists them")
        if args.spec:
            raise RolescopeError("rolescope: give a spec to open or --preset, not both")
    if args.spec and args.spec not in COMMANDS and not Path(args.spec).exists() and not args.spec.endswith(".toml"):
        close = difflib.get_close_matches(args.spec, COMMANDS, n=1)
        if close:
            raise RolescopeError(f"rolescope: unknown command '{args.spec}' (did you mean '{close[0]}'?)")
    from rolescope.tui import run_wizard  # the only place the terminal UI is imported

    return run_wizard(args.spec, tuple(args.presets), preset=args.preset)


HANDLERS = {
    "new": cmd_new,
    "recommend": cmd_recommend,
    "classify": cmd_classify,
    "export": cmd_export,
    "presets": cmd_presets,
}
