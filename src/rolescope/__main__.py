"""`rolescope` and `python -m rolescope`: the way in to every command.

`--version` is answered here, before the command line module and its imports
load, so asking for the version costs hardly more than starting Python.

Every other command starts with the cycle collector off: starting up (the
imports, the presets) builds objects that live until the command ends, so the
collector's passes over them are wasted work, about a tenth of a short command's
time. A command that goes on to work through many inputs turns it back on once
started (`cli.collect_garbage`)."""

import sys  # nothing else: not even __future__, which is a module to import


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        from rolescope import __version__

        sys.stdout.write(f"rolescope {__version__}\n")
        return 0
    import gc

    gc.disable()
    try:
        from rolescope.cli import main as run

        return run(argv)
    finally:
        gc.enable()


if __name__ == "__main__":
    raise SystemExit(main())
