"""`rolescope` and `python -m rolescope`: the way in to every command.

`--version` is answered here, before the command line module and its imports
load, so asking for the version costs hardly more than starting Python.

Every other command starts with the cycle collector off: starting up (the
imports, the presets) builds objects that live until the command ends, so the
collector's passes over them are wasted work. A command that goes on to work
through many inputs turns it back on once started (`cli.collect_garbage`).

A headless command then ends the process as soon as its output is flushed,
when nothing is left to run at exit: tearing the interpreter down (every module
and object freed one by one) cost nearly a tenth of `recommend`'s time, to free
memory the system takes back at once anyway."""

import sys  # nothing else: not even __future__ or typing, which are modules to import


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


def run() -> None:
    """The console script: `main`, then the end of the process."""
    code = main()
    import atexit
    import os

    threading = sys.modules.get("threading")
    # Only when nothing would run at a normal exit: no exit callback, no other
    # thread, and never the terminal UI (it restores the terminal on its own way out).
    if (
        atexit._ncallbacks() == 0
        and (threading is None or threading.active_count() == 1)
        and "rolescope.tui" not in sys.modules
    ):
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):  # reported by the interpreter's own exit, as before
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
