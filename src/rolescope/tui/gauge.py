"""The split gauge: engineering against research, on every step."""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

from rich.text import Text
from textual.widget import Widget

from rolescope.markdown import visible_controls
from rolescope.numbers import format_number
from rolescope.recommend import Recommendation, pct
from rolescope.report import build_headline
from rolescope.termtext import gauge_cells

# How each kind of headline is styled; the words always say it too (NO_COLOR).
HEADLINE_STYLE = {
    "verdict": "gauge--verdict",
    "split": "gauge--split",
    "no-signal": "gauge--warning",
    "data-engineering": "gauge--split",
}


class SplitGauge(Widget):
    """Three lines: the bar with both percentages and the 80/20 marks; the
    three-way breakdown and weeks; the verdict in words."""

    DEFAULT_CSS = """
    SplitGauge {
        height: 3;
        padding: 0 1;
        background: $boost;
    }
    SplitGauge > .gauge--engineering { color: $primary; }
    SplitGauge > .gauge--research { color: $secondary; }
    SplitGauge > .gauge--mark { color: $foreground; text-style: bold; }
    SplitGauge > .gauge--label { color: $foreground; text-style: bold; }
    SplitGauge > .gauge--muted { color: $foreground-muted; }
    SplitGauge > .gauge--verdict { color: $success; text-style: bold; }
    SplitGauge > .gauge--split { color: $warning; text-style: bold; }
    SplitGauge > .gauge--warning { color: $warning; }
    """

    COMPONENT_CLASSES = {
        "gauge--engineering",
        "gauge--research",
        "gauge--mark",
        "gauge--label",
        "gauge--muted",
        "gauge--verdict",
        "gauge--split",
        "gauge--warning",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.recommendation: Recommendation | None = None
        self.total_weeks = 0.0
        self.available = 26.0

    def show(self, recommendation: Recommendation | None, total_weeks: float, available: float) -> None:
        self.recommendation = recommendation
        self.total_weeks = total_weeks
        self.available = available
        self.refresh()

    def _style(self, name: str):
        return self.get_component_rich_style(name, partial=True)

    def render(self) -> Text:
        width = max(self.size.width, 40)
        r = self.recommendation
        muted, label = self._style("gauge--muted"), self._style("gauge--label")
        if r is None:
            line = Text("Engineering vs research: add the first task on step 2 to see the split.", style=muted)
            return Text("\n").join([line, Text(""), Text("")])
        # "engineering  88% " and " 12% research" take 30 cells.
        bar_width = max(width - 31, 10)
        filled, marks = gauge_cells(r.engineering_share, bar_width)
        mark, engineering_style, research_style = (
            self._style(name) for name in ("gauge--mark", "gauge--engineering", "gauge--research")
        )
        cells = [
            ("┃" if index < filled else "│", mark)
            if index in marks
            else ("█", engineering_style)
            if index < filled
            else ("░", research_style)
            for index in range(bar_width)
        ]
        # One span per run of a style, not one per cell: the gauge redraws on every keystroke.
        bar = Text.assemble(
            *(("".join(char for char, _ in run), style) for style, run in groupby(cells, itemgetter(1)))
        )
        top = Text.assemble(
            ("engineering ", label),
            (f"{pct(r.engineering_share):>4} ", label),
            bar,
            (f" {pct(r.research_share):>4}", label),
            (" research", label),
        )
        over = self.total_weeks > self.available
        headline = build_headline(r)
        middle = Text()
        middle.append(
            f"researcher {pct(r.shares['researcher'])} · developer {pct(r.shares['developer'])} · "
            f"operator {pct(r.shares['operator'])}",
            muted,
        )
        if headline.unclassified:
            # Vague tasks stand apart from the shares they are left out of; the weeks
            # planned give way first when the line is short.
            middle.append("   ", muted)
            middle.append(headline.unclassified, self._style("gauge--warning"))
        planned = f"{format_number(self.total_weeks)} of {format_number(self.available)} weeks"
        if middle.cell_len + 3 + len(planned) <= width:
            middle.append("   ", muted)
            middle.append(planned, self._style("gauge--warning") if over else muted)
        bottom = Text()
        bottom.append(headline.verdict, self._style(HEADLINE_STYLE[headline.kind]))
        if headline.strength:
            bottom.append(f" ({headline.strength})", muted)
        if headline.title:
            bottom.append(" → ", muted)
            bottom.append(visible_controls(headline.title), label)
        if headline.advice:
            bottom.append(": ", muted)
            bottom.append(headline.advice, label)
        # Each line is cut to the width with an ellipsis, never wrapped: the gauge
        # keeps its three lines at any size.
        lines = []
        for line in (top, middle, bottom):
            line.truncate(width, overflow="ellipsis")
            lines.append(line)
        return Text("\n").join(lines)
