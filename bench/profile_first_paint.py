"""What runs before the wizard's first frame, by pyinstrument (pip install pyinstrument).

    tmux new-session -d -x 120 -y 40 'python bench/profile_first_paint.py REPORT.txt [SPEC.toml]'
    tmux new-session -d -x 120 -y 40 'python bench/profile_first_paint.py REPORT.txt --bare'

Runs in a real terminal, stops the profiler when Textual reports the first frame
shown (the Ready event), writes the report and exits. Also writes the time to
first frame and the peak memory at that point on the report's last line.
"""

from __future__ import annotations

import resource
import sys
import time

START = time.perf_counter()

from pyinstrument import Profiler  # noqa: E402

profiler = Profiler(interval=0.0005)
profiler.start()


def finish(app: object, report: str) -> None:
    profiler.stop()
    elapsed = time.perf_counter() - START
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open(report, "w", encoding="utf-8") as handle:
        handle.write(profiler.output_text(unicode=True, color=False, show_all=False))
        handle.write(f"\nfirst frame after {elapsed * 1000:.0f} ms; peak memory so far {peak:.1f} MiB\n")
    app.exit()  # type: ignore[attr-defined]


def main() -> None:
    report = sys.argv[1]
    if sys.argv[2:] == ["--bare"]:
        from bare_textual_app import BareApp

        class ProfiledBare(BareApp):
            def on_ready(self) -> None:
                finish(self, report)

        ProfiledBare(3).run()
        return
    from pathlib import Path

    from rolescope.tui import app as wizard

    class ProfiledWizard(wizard.RolescopeApp):
        CSS_PATH = str(Path(wizard.__file__).with_name("wizard.tcss"))

        def on_ready(self) -> None:
            finish(self, report)

    ProfiledWizard(spec_path=sys.argv[2] if len(sys.argv) > 2 else None).run()


if __name__ == "__main__":
    main()
