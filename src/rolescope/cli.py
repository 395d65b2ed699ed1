"""The `rolescope` command. Headless commands never import the terminal UI:
`rolescope.tui` is imported only by the command that opens the wizard."""

from __future__ import annotations

import argparse
import difflib
import errno
import gc
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

from rolescope import __version__
from rolescope.errors import RolescopeError

if TYPE_CHECKING:  # the commands import what they need when they run
    from collections.abc import Callable

    from rolescope.catalog import Catalog
    from rolescope.recommend import Recommendation
    from rolescope.spec import RoleSpec

COMMANDS = ("new", "recommend", "classify", "export", "lint", "import", "presets")

DESCRIPTION = """\
Scope a machine-learning hire from the real work of its first six months.

  rolescope [SPEC.toml]                 open the wizard (empty, or on that spec)
  rolescope --preset NAME               open the wizard on a new role from a preset
  rolescope new --preset NAME [-o FILE] write a starting spec from a preset
  rolescope recommend SPEC.toml [--json]
  rolescope classify [TEXT ...] [--json]  (or one task per line on stdin)
  rolescope export SPEC.toml ... [--out DIR] [--force] [--format md,txt,html] [--as-one] [--jobs N]
  rolescope lint FILE ... [--json | --sarif] [--min-severity LEVEL] [--spec SPEC.toml]   (- reads stdin)
  rolescope import POSTING [-o SPEC.toml] [--force] [--json]   (Markdown, text or HTML; - reads stdin)
  rolescope presets [--json]

Run `rolescope COMMAND --help` for a command's options.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the command, then exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


if TYPE_CHECKING:
    _Commands = argparse._SubParsersAction[_Parser]


def _presets_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--presets",
        metavar="DIR",
        action="append",
        default=[],
        help="an extra presets folder (repeatable); extends the built-in and per-user presets",
    )


def _formats(value: str) -> tuple[str, ...]:
    from rolescope.export import FORMATS

    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"'{value}': formats are a comma-separated list of: {', '.join(FORMATS)}")
    return chosen


def _jobs(value: str) -> int:
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}': the number of processes is a whole number, 1 or more")
    return int(value)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; given `command`, only that command's options are defined
    (each costs its share of a start-up, and a command's own never need the others)."""
    parser = _Parser(prog="rolescope", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"rolescope {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS if command is None else (command,):
        _DEFINE[name](sub)
    return parser


def _define_new(sub: _Commands) -> None:
    new = sub.add_parser("new", help="write a starting spec from a preset")
    new.add_argument("--preset", required=True, metavar="NAME", help="a preset name (see: rolescope presets)")
    new.add_argument("-o", "--output", metavar="FILE", help="where to write the spec (default: standard output)")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _presets_option(new)


def _define_recommend(sub: _Commands) -> None:
    rec = sub.add_parser("recommend", help="print the recommendation for a spec")
    rec.add_argument("spec", metavar="SPEC.toml")
    rec.add_argument("--json", action="store_true", help="one JSON object")
    rec.add_argument("--split-out", metavar="DIR", help="on a split verdict, write the two roles' specs into DIR")
    rec.add_argument("--force", action="store_true", help="with --split-out, overwrite existing files")
    _presets_option(rec)


def _define_classify(sub: _Commands) -> None:
    cls = sub.add_parser("classify", help="classify task lines")
    cls.add_argument("text", nargs="*", metavar="TEXT", help="task lines (default: one per line on stdin)")
    cls.add_argument("--json", action="store_true", help="a JSON list, one object per line in input order")
    _presets_option(cls)


def _define_export(sub: _Commands) -> None:
    exp = sub.add_parser("export", help="write the spec and job description for each spec")
    exp.add_argument("specs", nargs="+", metavar="SPEC.toml")
    exp.add_argument("--out", metavar="DIR", default=".", help="output folder (default: the current one)")
    exp.add_argument("--force", action="store_true", help="overwrite existing files")
    exp.add_argument(
        "--format",
        metavar="md,txt,html",
        default="md",
        type=_formats,
        help="description formats, comma-separated (default: md); txt for job boards, html for applicant-tracking systems",
    )
    exp.add_argument(
        "--as-one",
        action="store_true",
        help="publish a split verdict as one combined posting (reported as a finding) instead of its two roles",
    )
    exp.add_argument(
        "--jobs",
        metavar="N",
        type=_jobs,
        default=None,
        help="processes that read and decide the specs of a large batch (default: one per core; 1: this process alone)",
    )
    _presets_option(exp)


def _define_lint(sub: _Commands) -> None:
    lnt = sub.add_parser(
        "lint",
        help="check job descriptions (Markdown, plain text or HTML) against the lint rules",
        epilog="Exit codes: 0 no finding at warning or above; 1 findings at warning or above, or some files "
        "could not be read; 2 no file could be read. --min-severity also sets which findings count.",
    )
    lnt.add_argument("files", nargs="+", metavar="FILE", help="postings to check; - reads standard input")
    shape = lnt.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="a JSON list, one object per finding")
    shape.add_argument("--sarif", action="store_true", help="SARIF 2.1.0, for code-scanning views")
    lnt.add_argument(
        "--min-severity",
        metavar="LEVEL",
        choices=("info", "warning", "error"),
        default="info",
        help="report findings at this level or above: info (default), warning or error",
    )
    lnt.add_argument(
        "--spec",
        metavar="SPEC.toml",
        help="also compare each posting with this spec: requirements no task needs, outcomes left out, the title",
    )
    _presets_option(lnt)


def _define_import(sub: _Commands) -> None:
    imp = sub.add_parser("import", help="turn an existing job posting into a draft spec and print its recommendation")
    imp.add_argument(
        "posting", metavar="POSTING", help="a posting in Markdown, plain text or HTML; - reads standard input"
    )
    imp.add_argument(
        "-o",
        "--output",
        metavar="SPEC.toml",
        help="where to write the draft spec (default: standard output, with the recommendation on standard error)",
    )
    imp.add_argument("--force", action="store_true", help="overwrite SPEC.toml if it exists")
    imp.add_argument(
        "--json", action="store_true", help="one JSON object: the spec, the recommendation and what was not placed"
    )
    _presets_option(imp)


def _define_presets(sub: _Commands) -> None:
    pre = sub.add_parser("presets", help="list the example roles")
    pre.add_argument("--json", action="store_true", help="a JSON list of objects")
    _presets_option(pre)


_DEFINE: dict[str, Callable[[_Commands], None]] = {
    "new": _define_new,
    "recommend": _define_recommend,
    "classify": _define_classify,
    "export": _define_export,
    "lint": _define_lint,
    "import": _define_import,
    "presets": _define_presets,
}


class OutputError(Exception):
    """Standard output cannot be written (closed, or the disk behind it is full)."""

    def __init__(self, error: OSError):
        self.error = error
        super().__init__(str(error))


class _GuardedOutput:
    """Standard output, with a failed write told apart from every other OSError:
    it becomes OutputError (a closed pipe stays BrokenPipeError)."""

    def __init__(self, stream: TextIO | None):
        self.stream = stream

    def _call(self, name: str, *args: Any) -> Any:
        if self.stream is None:
            raise OutputError(OSError(errno.EBADF, "standard output is closed"))
        try:
            return getattr(self.stream, name)(*args)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error) from None

    def write(self, text: str) -> int:
        return int(self._call("write", text))

    def flush(self) -> None:
        self._call("flush")

    def isatty(self) -> bool:
        return self.stream is not None and self.stream.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _silence_stdout(stream: TextIO | None) -> None:
    """Point standard output at /dev/null, so the interpreter's last flush of what is
    still buffered cannot fail again ("Exception ignored ... BrokenPipeError")."""
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError, AttributeError):
        return
    if fd < 0:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    real_stdout = sys.stdout
    sys.stdout = cast(TextIO, _GuardedOutput(real_stdout))
    try:
        try:
            code = _run(argv)
        except SystemExit as done:  # argparse: --help, --version, a usage error (already on stderr)
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
        sys.stdout.flush()  # inside the guard: a full disk or closed pipe is reported, not lost
        return code
    except RolescopeError as error:
        _print_problems(error.lines)
        return 2
    except KeyboardInterrupt:
        print("rolescope: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (| head): end quietly, as a command killed by SIGPIPE would.
        _silence_stdout(real_stdout)
        return 141
    except OutputError as failure:
        _silence_stdout(real_stdout)
        reason = failure.error.strerror or str(failure.error)
        print(f"rolescope: cannot write to standard output: {reason}", file=sys.stderr)
        return 1
    finally:
        sys.stdout = real_stdout


def _run(argv: list[str]) -> int:
    if (argv and argv[0] in COMMANDS) or any(flag in argv[:1] for flag in ("-h", "--help", "--version")):
        args = build_parser(argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
        return int(HANDLERS[args.command](args))
    _refuse_mistyped_command(argv)
    return _wizard(argv)


def _refuse_mistyped_command(argv: list[str]) -> None:
    """`rolescope expor spec.toml --out dir` is a typo for a command, not a spec to
    open: say so before the wizard's own options are parsed."""
    first = argv[0] if argv else ""
    if not first or first.startswith("-") or first.endswith(".toml") or Path(first).exists():
        return
    close = difflib.get_close_matches(first, COMMANDS, n=1)
    if close:
        raise RolescopeError(f"rolescope: unknown command '{first}' (did you mean '{close[0]}'?)")


def _print_problems(lines: list[str]) -> None:
    """Problems to stderr, one line each: a file name or key with control characters
    or newlines in it is shown, not obeyed by the terminal, and cannot forge a line."""
    from rolescope.markdown import one_line

    if sys.stderr is None:
        return
    for line in lines:
        print(one_line(line), file=sys.stderr)


def collect_garbage() -> None:
    """The cycle collector back on, for a command that works through many inputs
    (the console script starts with it off: see `rolescope.__main__`). What start-up
    built stays out of its passes: it lives until the command ends."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _catalog(args: argparse.Namespace) -> Catalog:
    from rolescope.catalog import load_catalog

    return load_catalog(tuple(args.presets))


def safe_path(path: Path | str) -> str:
    from rolescope.markdown import one_line

    return one_line(str(path))


# DEL and the C1 controls (U+0080 to U+009F): JSON allows them raw, but a terminal
# obeys some of them (U+009B is a one-character escape sequence), so they are escaped.
_JSON_C1 = re.compile("[\x7f-\x9f]")


def _dump_json(data: object) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    sys.stdout.write(_JSON_C1.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n")


def _refuse_overwrite(path: Path, force: bool) -> None:
    from rolescope.fileio import target_exists

    if target_exists(path) and not force:
        raise RolescopeError(f"{path}: already exists; pass --force to overwrite it")
    if path.is_dir():
        raise RolescopeError(f"{path}: is a directory")


def cmd_new(args: argparse.Namespace) -> int:
    from rolescope.specio import dump_spec, read_spec

    catalog = _catalog(args)
    if args.preset not in catalog.roles:
        close = difflib.get_close_matches(args.preset, list(catalog.roles), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise RolescopeError(f"rolescope new: unknown preset '{args.preset}'{hint}; `rolescope presets` lists them")
    spec = read_spec(catalog.roles[args.preset])
    if not args.output:
        sys.stdout.write(dump_spec(spec))
        return 0
    _write_new_spec(spec, Path(args.output), args.force)
    return 0


def _write_new_spec(spec: RoleSpec, target: Path, force: bool) -> None:
    """A spec to a file the lead named: never over anything there without --force."""
    from rolescope.specio import write_spec

    _refuse_overwrite(target, force)
    _make_folder(target.parent)
    try:
        write_spec(spec, target, replace=force)
    except FileExistsError:  # made by someone else since the check: still not overwritten
        _refuse_overwrite(target, force)
        raise
    except OSError as error:
        raise RolescopeError(f"{target}: cannot write it: {error.strerror or error}") from None
    print(f"wrote {safe_path(target)}", file=sys.stderr)


def _make_folder(folder: Path) -> None:
    """An output folder is created when missing, as --out and --split-out always have;
    one that cannot be (a file in the way, no permission) is bad usage."""
    if folder.exists() and not folder.is_dir():
        raise RolescopeError(f"{folder}: is not a folder, so nothing can be written into it")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RolescopeError(f"{folder}: cannot create the folder: {error.strerror or error}") from None


def cmd_recommend(args: argparse.Namespace) -> int:
    from rolescope.recommend import recommend
    from rolescope.specio import read_spec

    catalog = _catalog(args)
    spec = read_spec(args.spec)
    recommendation = recommend(spec, catalog)
    if args.split_out:
        _write_split(spec, recommendation, catalog, Path(args.split_out), args.force, args.spec)
    if args.json:
        from rolescope.report import build_report

        _dump_json(recommendation.to_json() | build_report(spec, recommendation, catalog).to_json())
    else:
        import shutil

        from rolescope.termtext import render_recommendation, wants_colour

        # Wrap to the terminal; piped output keeps one line per item for grep and diff.
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        sys.stdout.write(
            render_recommendation(args.spec, spec, recommendation, catalog, wants_colour(sys.stdout), width)
        )
    return 0


def _write_split(
    spec: RoleSpec, recommendation: Recommendation, catalog: Catalog, out_dir: Path, force: bool, source: str
) -> None:
    from rolescope.fileio import TargetsExist
    from rolescope.split import write_split_specs

    if not recommendation.split:
        raise RolescopeError(
            f"{source}: the verdict is '{recommendation.hire}', not a split: there is nothing to split"
        )
    _make_folder(out_dir)
    try:
        targets = write_split_specs(spec, recommendation, catalog, out_dir, replace=force)
    except TargetsExist as error:
        raise RolescopeError(
            [f"{path}: already exists; pass --force to overwrite it" for path in error.paths]
        ) from None
    except IsADirectoryError as error:
        raise RolescopeError(f"{error.filename}: is a directory") from None
    except OSError as error:
        raise RolescopeError(f"{out_dir}: cannot write into it: {error.strerror or error}") from None
    for target in targets:
        print(f"wrote {safe_path(target)}", file=sys.stderr)


def cmd_classify(args: argparse.Namespace) -> int:
    from rolescope.classify import classify_text
    from rolescope.limits import MAX_TEXT_CHARS

    lines = [(f"argument {number}", line) for number, line in enumerate(args.text, start=1)]
    if not lines:
        if sys.stdin is None or sys.stdin.isatty():
            raise RolescopeError("rolescope classify: give task lines as arguments, or one per line on standard input")
        lines = [(f"<stdin>:{number}", line) for number, line in enumerate(_read_stdin_lines(), start=1)]
    too_long = [
        f"{where}: {len(line):,} characters is over the limit of {MAX_TEXT_CHARS:,} for one task line"
        for where, line in lines
        if len(line) > MAX_TEXT_CHARS
    ]
    if too_long:
        raise RolescopeError(too_long)
    texts = [line for _, line in lines if line.strip()]
    if not texts:
        raise RolescopeError("rolescope classify: no task lines to classify")
    catalog = _catalog(args)
    results = [classify_text(line, catalog) for line in texts]
    if args.json:
        _dump_json([result.to_json() for result in results])
    else:
        from rolescope.termtext import render_classification, wants_colour

        colour = wants_colour(sys.stdout)
        for result in results:
            print(render_classification(result, colour))
    return 0


def _read_stdin_lines() -> list[str]:
    """classify's standard input: UTF-8 text of at most MAX_FILE_BYTES, or one clear
    line. Bytes that are not UTF-8 are refused, as in a spec file, rather than
    passed on into the JSON."""
    from rolescope.limits import MAX_FILE_BYTES

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream (tests, embedding): already decoded
        text = sys.stdin.read(MAX_FILE_BYTES + 1)
        data = text.encode("utf-8", "surrogateescape")
    else:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise RolescopeError(f"<stdin>: is over the {MAX_FILE_BYTES:,}-byte limit for classify's input")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RolescopeError(
            f"<stdin>:{line}: is not UTF-8 text (byte 0x{data[error.start]:02x}); convert it first, "
            "for example with iconv -f latin1 -t utf-8"
        ) from None
    return [line.rstrip("\r") for line in text.removeprefix("\ufeff").split("\n")]


def cmd_export(args: argparse.Namespace) -> int:
    from rolescope.export import export_specs, sigterm_interrupts
    from rolescope.exportpool import available_cores
    from rolescope.termtext import end_progress, progress, wants_colour

    out = Path(args.out)
    _make_folder(out)
    catalog = _catalog(args)
    collect_garbage()
    # Progress redraws one line with escape codes: only on a terminal that takes them
    # (not TERM=dumb, not NO_COLOR), like colour.
    show_progress = len(args.specs) >= 5 and wants_colour(sys.stderr)
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
            out,
            catalog,
            force=args.force,
            formats=args.format,
            as_one=args.as_one,
            on_progress=(lambda done, total, path: progress(sys.stderr, done, total, str(path)))
            if show_progress
            else None,
            on_wait=waiting,
            jobs=args.jobs or available_cores(),
        )
    if show_progress:
        end_progress(sys.stderr)
    from rolescope.wording import join_words

    for result in report.written:
        if result.split:
            print(safe_path(f"{result.source}: two roles, as the verdict says: {join_words(result.titles)}"))
        for paths in result.roles:
            print(safe_path(f"{result.source}: wrote {join_words([str(path) for path in paths])}"))
    for result in report.results:
        # Every finding, one line each naming the spec (and the task or field).
        _print_problems([_finding_line(result.source, finding) for finding in result.findings])
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


def _finding_line(source: Path, finding: Any) -> str:
    where = f"{finding.field}: " if finding.field else ""
    return f"{source}: {where}{finding.severity}: {finding.message} [{finding.rule}]"


def cmd_lint(args: argparse.Namespace) -> int:
    from rolescope.findings import Finding
    from rolescope.lint import lint_text
    from rolescope.lintout import text_line, to_json, to_sarif

    catalog = _catalog(args)
    collect_garbage()
    spec = None
    if args.spec:
        from rolescope.specio import read_spec

        spec = read_spec(args.spec)  # a bad spec is bad usage: nothing is linted against a guess
    findings: list[Finding] = []
    problems: list[str] = []
    read = 0
    for name in args.files:
        try:
            text = _read_posting(name)
            if not text.strip():
                raise RolescopeError(f"{name}: is empty; there is no posting to lint")
        except RolescopeError as error:
            problems.extend(error.lines)
            continue
        read += 1
        from rolescope.importer import posting_format

        fmt = posting_format(name, text)
        file = "-" if name == "-" else name
        where = None
        if fmt == "html":  # read as the Markdown it holds; findings name the HTML's own lines
            from rolescope.htmlposting import html_to_posting

            converted = html_to_posting(text)
            text, fmt, where = converted.text, "md", converted.source_line
        if spec is not None:
            from rolescope.lint_spec import lint_against_spec
            from rolescope.postparse import parse_posting

            posting = parse_posting(text, catalog.lint, markdown=fmt == "md")
            result = lint_against_spec(posting, spec, catalog, file=file)
        else:
            result = lint_text(text, catalog, fmt, file=file)
        if where is not None:
            from rolescope.values import replace

            result.findings = [
                replace(f, line=where(f.line, f.column), column=None) if f.line is not None else f
                for f in result.findings
            ]
        findings += [finding for finding in result.findings if finding.at_least(args.min_severity)]
    _print_problems(problems)
    if args.sarif:
        _dump_json(to_sarif(findings, catalog.lint))
    elif args.json:
        _dump_json(to_json(findings))
    else:
        for finding in findings:
            print(text_line(finding))
    if not read:
        return 2
    if problems or any(finding.at_least("warning") for finding in findings):
        return 1
    return 0


def _read_posting(name: str) -> str:
    """A posting's text (see `posting_text`) from a file within the size limit, or standard input for -."""
    from rolescope.importer import posting_text
    from rolescope.limits import MAX_FILE_BYTES
    from rolescope.textfiles import read_file_bytes

    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if sys.stdin is None:
            raise RolescopeError("-: standard input is closed")
        data = stream.read(MAX_FILE_BYTES + 1) if stream is not None else sys.stdin.read(MAX_FILE_BYTES + 1).encode()
        if len(data) > MAX_FILE_BYTES:
            raise RolescopeError(f"-: is over the {MAX_FILE_BYTES:,}-byte limit for a posting")
    else:
        data = read_file_bytes(Path(name), what="posting")
    return posting_text(data, name)


def cmd_import(args: argparse.Namespace) -> int:
    from rolescope.importer import import_posting, posting_format
    from rolescope.recommend import recommend
    from rolescope.specio import dump_spec, spec_to_data

    catalog = _catalog(args)
    collect_garbage()
    name = args.posting
    if name == "-" and (sys.stdin is None or sys.stdin.isatty()):
        raise RolescopeError("rolescope import: - reads the posting from standard input, but none was given")
    text = _read_posting(name)
    source = "<stdin>" if name == "-" else name
    imported = import_posting(text, catalog, fmt=posting_format(name, text), source=source)
    spec = imported.spec
    recommendation = recommend(spec, catalog)
    if args.output:
        _write_new_spec(spec, Path(args.output), args.force)
    if args.json:
        from rolescope.report import build_report

        _dump_json(
            {
                "spec": spec_to_data(spec),
                "recommendation": recommendation.to_json() | build_report(spec, recommendation, catalog).to_json(),
                "task_lines": list(imported.task_lines),
                "unplaced": [
                    {"line": item.line, "text": item.text, "reason": item.reason} for item in imported.unplaced
                ],
                "notes": list(imported.notes),
                "posting_title": imported.posting_title,
            }
        )
        return 0
    import shutil

    from rolescope.termtext import render_import, render_recommendation, wants_colour

    # Without -o the spec is the output (rolescope import jd.md > role.toml), and
    # what a person reads goes to standard error.
    stream = sys.stdout if args.output else sys.stderr
    if not args.output:
        sys.stdout.write(dump_spec(spec))
    colour = wants_colour(stream)
    width = shutil.get_terminal_size().columns if stream.isatty() else None
    label = args.output or source
    stream.write(render_recommendation(label, spec, recommendation, catalog, colour, width))
    stream.write(render_import(source, imported, colour, width))
    return 0


def cmd_presets(args: argparse.Namespace) -> int:
    from rolescope.catalog import BUILTIN_DIR
    from rolescope.specio import read_spec

    catalog = _catalog(args)
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for name, path in sorted(catalog.roles.items()):
        try:
            spec = read_spec(path)
        except RolescopeError as error:  # one broken preset is reported; the others are still listed
            problems.extend(error.lines)
            continue
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
    _print_problems(problems)
    if args.json:
        _dump_json(rows)
        return 1 if problems else 0
    from rolescope.termtext import Style, safe, wants_colour

    style = Style(wants_colour(sys.stdout))
    width = max(len(row["name"]) for row in rows) if rows else 0
    for row in rows:
        print(f"{style(row['name'].ljust(width), 'bold')}  {row['stage']:<11}  {safe(row['description'])}")
    print(style("\nStart from one: rolescope new --preset NAME -o my-role.toml", "dim"))
    return 1 if problems else 0


def _wizard(argv: list[str]) -> int:
    parser = _Parser(prog="rolescope", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "spec",
        nargs="?",
        metavar="SPEC.toml",
        help="a spec to open (or to create, if it does not exist); a posting (.md, .txt, .html) opens as a draft",
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
    imported = None
    if args.spec and not Path(args.spec).is_dir():
        from rolescope.importer import import_posting_file, is_posting_path

        if is_posting_path(args.spec):
            # A posting opens as a new, unsaved role drafted from it (as `rolescope import`).
            imported = import_posting_file(Path(args.spec), _catalog(args)).spec
    _check_wizard_can_run()
    collect_garbage()
    from rolescope.tui import run_wizard  # the only place the terminal UI is imported

    if imported is not None:
        return run_wizard(None, tuple(args.presets), imported=imported)
    return run_wizard(args.spec, tuple(args.presets), preset=args.preset)


def _check_wizard_can_run() -> None:
    """The wizard needs a terminal on both ends and a home for its drafts; say so
    before the terminal UI is even imported."""
    from rolescope.drafts import drafts_dir

    streams = (sys.stdin, sys.stdout)
    if any(stream is None or not stream.isatty() for stream in streams):
        raise RolescopeError(
            "rolescope: the wizard needs a terminal (standard input and output); "
            "without one use the headless commands, such as: rolescope recommend SPEC.toml"
        )
    try:
        drafts_dir()
    except RuntimeError:
        raise RolescopeError(
            "rolescope: the wizard keeps drafts in your home folder, but none is known: set HOME or ROLESCOPE_DRAFTS"
        ) from None


HANDLERS = {
    "new": cmd_new,
    "recommend": cmd_recommend,
    "classify": cmd_classify,
    "export": cmd_export,
    "lint": cmd_lint,
    "import": cmd_import,
    "presets": cmd_presets,
}
