"""`rolescope import`: an existing posting (Markdown, plain text or HTML) read into a
draft spec.

The posting is parsed as the linter parses it (`postparse`); its duty and outcome
lines are classified by the same classifier as tasks. Each line that names work
becomes a task with its archetype left to the classifier (the evidence shows in
`recommend`); a line too vague to classify is not guessed at but listed, with its
line number, for the lead to rewrite. Weeks come from the text where it gives them
("(6 weeks)", or the "by week 14" of a description rolescope drafted); otherwise
the weeks left of the six months are spread evenly and the task is marked
`estimated = true`. Company, title, location and pay are taken where found; the
stage from the posting's words (`presets/import.toml`).

Lines rolescope itself writes from its presets (an archetype's standard
responsibilities) say nothing about this role's work, so they are recognised and
not counted twice: a description rolescope exported reads back to its own tasks.
They do say whose work it is: an outcome says what is achieved ("p99 under 80 ms"),
which reads as operations whoever builds it, so in a description whose duties are
all standard responsibilities each published outcome of the lead's own is set to
the archetype those responsibilities open with (`archetype = ...`, for the lead
to change), and the description gives back the verdict it was written for.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rolescope.catalog import Catalog
from rolescope.classify import classify_text
from rolescope.edits import set_title
from rolescope.errors import RolescopeError
from rolescope.htmlposting import HtmlPosting, html_to_posting, looks_like_html, title_parts
from rolescope.limits import MAX_TASKS, MAX_TEXT_CHARS
from rolescope.numbers import exact_sum, format_number
from rolescope.paytext import PayText, find_pay
from rolescope.postparse import Line, parse_posting
from rolescope.spec import STAGES, Company, Pay, Role, RoleSpec, Task
from rolescope.textmatch import COUNT, TermIndex, is_count, matches_any, tokenize, words

_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
# *Acme · Berlin* and _Acme_; not a snake_case_name, 2*3*4 or an escaped \*.
_ITALIC = re.compile(
    r"(?<![\w*\\])\*(?![\s*])(.+?)(?<![\s*\\])\*(?![\w*])|(?<![\w_\\])_(?![\s_])(.+?)(?<![\s_\\])_(?![\w_])"
)
_HEADER_SPLIT = re.compile(r"\s+(?:—|–|-|\||·|•)\s+")
# The parts of a line of facts ("Location: London | Salary: £70–85k", "📍 Pune · 💼 Full-time");
# not a dash, which a range or a name holds ("£70,000 - £85,000").
_SEGMENTS = re.compile(r"\s+(?:\||·|•)\s+")
# A fact under a label of any name ("Clearance: Active TS/SCI"): never the company's name.
_LABELLED = re.compile(r"^[^:]{1,30}:\s")
_TITLE_AT = re.compile(r"^(?P<title>.+?)\s+(?:at|@)\s+(?P<company>[A-Z][\w&.' -]{1,60})$")
_VAGUE = "too vague to classify: it names nothing built, run or decided"
_NO_DUTY = "an outcome that matches no duty: set it as the outcome of the task it measures"
_DUTY_SECTIONS = ("owns",)
_OUTCOME_SECTIONS = ("outcomes",)
_NOT_DUTIES = ("must_have", "nice_to_have", "interview", "pay", "support", "mission", "benefits")
# A word that more duty lines than this hold is this posting's common word ("model" in
# a long list): it ties no outcome to one duty, and each outcome is compared with a
# bounded number of duties, so a long posting costs in proportion to its length.
_HELD_BY_AT_MOST = 12
# Words too common to say two lines are about the same work.
_COMMON = {
    "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "with", "by", "our", "your", "every", "each",
    "from", "at", "as", "is", "are", "be", "it", "its", "that", "this", "we", "you", "all", "new", "own",
}  # fmt: skip


@dataclass(frozen=True)
class Unplaced:
    """A duty or outcome line the importer did not turn into a task, and why."""

    line: int  # 1-based, in the file as the lead has it
    text: str
    reason: str


@dataclass(frozen=True)
class Imported:
    spec: RoleSpec
    unplaced: tuple[Unplaced, ...]
    notes: tuple[str, ...]  # what the lead should check: guesses, things left out
    posting_title: str | None
    task_lines: tuple[int, ...]  # for each task, the line it came from


@dataclass
class _Candidate:
    line: int
    text: str
    outcome: str | None = None
    weeks: float | None = None  # from the text
    end_week: float | None = None  # "by week N" in a description rolescope drafted
    archetype: str | None = None  # set by the importer, not left to the classifier


def posting_format(name: str, text: str) -> str:
    """md, txt or html: by the file's extension, else by what the text looks like."""
    lowered = name.lower()
    if lowered.endswith((".html", ".htm")):
        return "html"
    if lowered.endswith(".txt"):
        return "txt"
    if lowered.endswith((".md", ".markdown")):
        return "md"
    return "html" if looks_like_html(text) else "md"


POSTING_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


def is_posting_path(name: str) -> bool:
    """A posting rather than a spec, by its extension (what the wizard imports on opening)."""
    return name.lower().endswith(POSTING_SUFFIXES)


def posting_text(data: bytes, name: str) -> str:
    """A posting's bytes as text, never binary: UTF-8 (a byte-order mark dropped);
    UTF-16 with its byte-order mark (Notepad's "Unicode"); else Windows-1252, as
    Word and older Windows tools save a posting ("smart quotes" 0x93/0x94, a dash
    0x96, "é" 0xe9), one character a byte, so every column stays where it is."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise RolescopeError(f"{name}: is not UTF-16 text, though it starts as if it were") from None
    if b"\x00" in data:
        raise RolescopeError(f"{name}: is a binary file, not a posting")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            line = data[: error.start].count(b"\n") + 1
            raise RolescopeError(
                f"{name}:{line}: is neither UTF-8 nor Windows-1252 text (byte 0x{data[error.start]:02x})"
            ) from None


def import_posting_file(path: Path, catalog: Catalog) -> Imported:
    """Read and import a posting file; RolescopeError names the file and the line."""
    from rolescope.textfiles import read_file_bytes

    text = posting_text(read_file_bytes(path, what="posting"), str(path))
    return import_posting(text, catalog, fmt=posting_format(path.name, text), source=str(path))


def _plain(text: str) -> str:
    """A line's text as the lead reads it: Markdown escapes and entities undone."""
    text = _ITALIC.sub(lambda found: found.group(1) or found.group(2), text)  # before escapes are undone
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _BOLD.sub(r"\1", text)
    return " ".join(html.unescape(text).split()).strip()


def import_posting(text: str, catalog: Catalog, *, fmt: str = "md", source: str = "<posting>") -> Imported:
    """Read a posting into a draft spec, or raise RolescopeError naming the file when
    it holds no line of work rolescope can place."""
    line_of = _identity
    converted = None
    if fmt == "html":
        converted = html_to_posting(text)
        text, line_of = converted.text, converted.source_line
    posting = parse_posting(text, catalog.lint, markdown=fmt != "txt")
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    notes: list[str] = []
    header = _header(posting.lines, raw, catalog, converted)
    title, company, location = header
    labelled = _labelled(posting.lines, raw, catalog)
    company = labelled.get("company") or company
    location = labelled.get("location") or location
    if title and not company:
        at = _TITLE_AT.match(title)
        if at:
            title, company = at.group("title").strip(), at.group("company").strip()
    named_in_prose = False
    if not company:
        company = _named_in_prose(posting.lines, raw)
        named_in_prose = bool(company)
    pay, pay_note = _pay_in_spec(_pay(labelled.get("pay") or "", "\n".join(raw)))
    # A value a spec cannot hold is not taken (the spec must load back).
    company = company if len(company) <= MAX_TEXT_CHARS else ""
    location = location if len(location) <= MAX_TEXT_CHARS else ""

    candidates, outcome_count, skipped_standard, owner = _candidates(posting.lines, raw, catalog)
    unplaced: list[Unplaced] = []

    placed: list[_Candidate] = []
    vague: set[int] = set()  # ids of outcome lines the classifier cannot place on their own
    outcome_ids = {id(candidate) for candidate in candidates[:outcome_count]}
    for candidate in candidates:
        if len(candidate.text) > MAX_TEXT_CHARS:
            unplaced.append(
                Unplaced(line_of(candidate.line), candidate.text[:80] + "…", "longer than a task line can be")
            )
            continue
        if candidate.archetype is None and classify_text(candidate.text, catalog).vague:
            if id(candidate) not in outcome_ids:
                unplaced.append(Unplaced(line_of(candidate.line), candidate.text, _VAGUE))
                continue
            vague.add(id(candidate))  # it may still measure a duty
        placed.append(candidate)
    placed, unmatched = _merge_outcomes(placed, outcome_ids, vague, catalog)
    for outcome in unmatched:
        reason = _VAGUE if id(outcome) in vague else _NO_DUTY
        unplaced.append(Unplaced(line_of(outcome.line), outcome.text, reason))
    if not placed:
        found_lines = len(candidates) + skipped_standard
        what = (
            f"none of its {found_lines} duty and outcome lines names work rolescope can classify"
            if found_lines
            else "no duty or outcome lines found (a list under a heading such as “What you will do”)"
        )
        raise RolescopeError(f"{source}: {what}, so there is nothing to import")

    if len(placed) > MAX_TASKS:
        raise RolescopeError(
            f"{source}: {len(placed):,} duty lines is over the limit of {MAX_TASKS:,} tasks for one spec"
        )
    horizon, said = _horizon(posting.lines, raw, catalog)
    tasks = _tasks(placed, catalog, horizon)
    if said:
        notes.append(
            f"The posting plans the duties over {_count(horizon, 'week')} (“{said}”), "
            f"not {catalog.thresholds.weeks.available:g}: check the weeks."
        )
    stage, cue = _stage(posting.lines, raw, catalog)
    if cue:
        notes.append(f"The stage is read as {stage} from “{cue}”: check company.stage.")
    else:
        notes.append(
            f"Nothing in the posting says how far its ML has come (a live model, an ML team, several products), "
            f"so the stage {stage} is a guess: check company.stage."
        )
    notes.append(
        "The posting is not read for who is on the ML team today: team.current is left empty, which the team "
        "advice reads as no ML team; set it."
    )
    if pay_note:
        notes.append(pay_note)
    if not company:
        company = "Unnamed company"
        notes.append("No company name found: company.name is “Unnamed company”, set it.")
    elif named_in_prose:
        notes.append(f"The company's name is read from how the posting speaks of it (“{company}”): check company.name.")
    estimated = [number for number, task in enumerate(tasks, start=1) if task.estimated]
    if estimated:
        notes.append(
            f"The posting gives no duration for {_count(len(estimated), 'task')}: their weeks are estimates "
            f"(estimated = true), spread over {'the six months' if not said else f'those {horizon} weeks'}; "
            "set the real ones."
        )
    if skipped_standard:
        notes.append(
            f"{_count(skipped_standard, 'line')} of rolescope's standard responsibilities "
            "describe the archetype, not this role's work: not imported as tasks."
        )
    owned = sum(candidate.archetype is not None for candidate in placed)
    if owner and owned:
        notes.append(
            f"{_count(owned, 'outcome')} read as the {owner}'s work that the standard responsibilities "
            f'describe (archetype = "{owner}"): an outcome says what is achieved, not who builds it; '
            "change any that is another's."
        )
    skills = {key: _skills(posting.lines, raw, key) for key in ("must_have", "nice_to_have")}
    mission = _mission(posting.lines, raw, catalog)
    spec = RoleSpec(
        description=f"Imported from {source}" + (f": “{title}”" if title else ""),
        company=Company.model_validate({"name": company, "stage": stage}),
        role=Role(
            mission=mission,
            location=location or None,
            must_have=skills["must_have"],
            nice_to_have=skills["nice_to_have"],
            pay=pay,
        ),
        tasks=tasks,
    )
    spec = _with_title(spec, title, notes, catalog)
    return Imported(
        spec,
        tuple(sorted(unplaced, key=lambda item: item.line)),
        tuple(notes),
        title or None,
        tuple(line_of(candidate.line) for candidate in placed),
    )


def _candidates(lines: list[Line], raw: list[str], catalog: Catalog) -> tuple[list[_Candidate], int, int, str | None]:
    """The outcome lines, then the duty lines, read as candidate tasks; how many of them
    are outcomes; how many duty lines were rolescope's standard responsibilities; and,
    when every duty line was one, the archetype they open with (whose role it is)."""
    standard = _standard_lines(catalog)
    duties = [line for line in lines if line.section in _DUTY_SECTIONS and line.kind in ("item", "text")]
    outcomes = [line for line in lines if line.section in _OUTCOME_SECTIONS and line.kind in ("item", "text")]
    if not duties and not outcomes:
        duties = [line for line in lines if line.kind == "item" and line.section not in _NOT_DUTIES]
    skipped_standard = 0
    owners: list[str] = []
    candidates: list[_Candidate] = []
    drafted = drafted_pattern(catalog)
    for line in outcomes:
        content = _plain(_content(line, raw))
        if not content or _label(content, catalog):
            continue
        found = drafted.fullmatch(content)
        if found:
            candidates.append(_Candidate(line.number, found.group("task"), end_week=float(found.group("week"))))
            continue
        task_text, weeks = _duration(content, catalog)
        measurable = _measurable(task_text, catalog)
        candidates.append(_Candidate(line.number, task_text, outcome=task_text if measurable else None, weeks=weeks))
    outcome_count = len(candidates)
    for line in duties:
        content = _plain(_content(line, raw))
        if not content or _label(content, catalog):
            continue
        owner = standard.get(_key(content))
        if owner is not None:
            skipped_standard += 1
            owners.append(owner)
            continue
        task_text, weeks = _duration(content, catalog)
        candidates.append(_Candidate(line.number, task_text, weeks=weeks))
    owner = owners[0] if owners and len(candidates) == outcome_count else None
    if owner is not None:
        for candidate in candidates:
            if candidate.end_week is None:  # a drafted outcome is the task itself: the classifier reads it
                candidate.archetype = owner
    return candidates, outcome_count, skipped_standard, owner


def _with_title(spec: RoleSpec, title: str, notes: list[str], catalog: Catalog) -> RoleSpec:
    """The posting's title goes into the draft only when it says the job the work
    is: a contradicting title is left out, so the recommended one is used."""
    from rolescope.lint_spec import title_contradiction
    from rolescope.recommend import recommend

    if not title or len(title) > MAX_TEXT_CHARS:
        return spec
    from rolescope.lint import wording_findings

    wording = [finding for finding in wording_findings(title, catalog) if finding.at_least("warning")]
    why = wording[0].message if wording else title_contradiction(title, recommend(spec, catalog), catalog)
    if why:
        notes.append(f"The posting's title is not kept: {why.rstrip('.')}.")
        return spec
    return set_title(spec, title)


def _identity(line: int) -> int:
    return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _content(line: Line, raw: list[str]) -> str:
    """The line's own text after its bullet or #, from the file (not blanked)."""
    return raw[line.number - 1][line.start :].strip()


def _key(text: str) -> str:
    return " ".join(words(text))


def _standard_lines(catalog: Catalog) -> dict[str, str]:
    """Each standard responsibility's words, and the archetype whose it is."""
    return {_key(line): archetype for archetype, info in catalog.archetypes.items() for line in info.owns}


def drafted_pattern(catalog: Catalog) -> re.Pattern[str]:
    """The outcome rolescope drafts for a task with no outcome of its own, read back."""
    template = re.escape(catalog.jd.outcomes.drafted)
    template = template.replace(re.escape("{task}"), r"(?P<task>.+?)").replace(
        re.escape("{week}"), r"(?P<week>\d+(?:\.\d+)?)"
    )
    return re.compile(template)


_DURATIONS: dict[int, tuple[object, tuple[re.Pattern[str], ...]]] = {}


def _duration_patterns(catalog: Catalog) -> tuple[re.Pattern[str], ...]:
    """The ways a duration is written on a line, compiled once per catalog."""
    settings = catalog.importing.durations
    cached = _DURATIONS.get(id(settings))
    if cached is None or cached[0] is not settings:
        units = "|".join(
            re.escape(word) for word in sorted(settings.week_words + settings.month_words, key=len, reverse=True)
        )
        amount = rf"(?:about\s+|~\s*|approx\.?\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>{units})\b"
        patterns = (
            rf"\s*[\(\[]\s*{amount}\s*[\)\]]\s*$",  # "... (6 weeks)"
            rf"\s+(?:—|–|-)\s+{amount}\s*\.?$",  # "... — 6 weeks"
            rf"^\s*[\(\[]?\s*{amount}\s*[\)\]]?\s*(?::|—|–|-)\s+",  # "6 weeks: ..."
        )
        cached = _DURATIONS[id(settings)] = (settings, tuple(re.compile(pattern, re.I) for pattern in patterns))
    return cached[1]


def _duration(text: str, catalog: Catalog) -> tuple[str, float | None]:
    """A duration written on the line ("(6 weeks)", "— 4 weeks", "2 months:"), and the
    line without it."""
    settings = catalog.importing.durations
    for pattern in _duration_patterns(catalog):
        found = pattern.search(text)
        if found:
            number = float(found.group("n"))
            unit = found.group("unit").lower()
            weeks = number * settings.weeks_per_month if unit in settings.month_words else number
            rest = (text[: found.start()] + " " + text[found.end() :]).strip(" .;,—–-")
            if rest and 0 < weeks <= 52:
                return rest, round(weeks, 2)
    return text, None


def _measurable(text: str, catalog: Catalog) -> bool:
    """An outcome a lead can check: a number, or the linter's measurable words."""
    if re.search(r"\d", text):
        return True
    rule = catalog.lint.rules.get("unmeasurable-outcome")
    return bool(rule and matches_any(rule.phrases, words(text)))


def _content_words(text: str) -> set[str]:
    """The words that say what a line is about (two lines sharing them are about the same work)."""
    return {word for word in words(text) if word not in _COMMON}


def _merge_outcomes(
    placed: list[_Candidate], outcome_ids: set[int], vague: set[int], catalog: Catalog
) -> tuple[list[_Candidate], list[_Candidate]]:
    """Duties are the work and outcomes measure it: each outcome becomes the outcome
    of the duty it shares the most words with (two at least, or three across kinds
    of work; the first such duty of equals). Without duty lines (a description
    rolescope drafted lists its tasks as outcomes) the outcomes that name work are
    the tasks. Returns the tasks, and the outcomes left over."""
    duties = [candidate for candidate in placed if id(candidate) not in outcome_ids]
    outcomes = [candidate for candidate in placed if id(candidate) in outcome_ids]
    if not duties:
        return [o for o in outcomes if id(o) not in vague], [o for o in outcomes if id(o) in vague]
    kinds = {id(candidate): classify_text(candidate.text, catalog).kind for candidate in placed}
    holders: dict[str, list[int]] = {}  # word -> the duties (by index) that hold it
    for index, duty in enumerate(duties):
        for word in _content_words(duty.text):
            holders.setdefault(word, []).append(index)
    unmatched = []
    for outcome in outcomes:
        shared: Counter[int] = Counter()
        for word in _content_words(outcome.text):
            held_by = holders.get(word, [])
            if len(held_by) <= _HELD_BY_AT_MOST:
                shared.update(held_by)
        best, best_score = None, 0
        for index in sorted(shared):
            duty = duties[index]
            if duty.outcome is not None:
                continue
            needed = 2 if kinds[id(duty)] == kinds[id(outcome)] else 3
            if shared[index] >= needed and shared[index] > best_score:
                best, best_score = duty, shared[index]
        if best is None:
            unmatched.append(outcome)
            continue
        best.outcome = outcome.text
        if best.weeks is None:
            best.weeks = outcome.weeks
    return duties, unmatched


def _horizon(lines: list[Line], raw: list[str], catalog: Catalog) -> tuple[int, str]:
    """The weeks the duties are planned over, and the words that said it: a duty
    heading, or a line just above the duties, that says "first 3 months" (less than
    the six months); else the six months and ""."""
    available = int(catalog.thresholds.weeks.available)
    settings = catalog.importing.durations
    units = [*settings.week_words, *settings.month_words, *settings.day_words]
    number = "|".join([r"\d+", *map(re.escape, settings.number_words)])
    pattern = re.compile(
        rf"\b(?:{'|'.join(map(re.escape, settings.horizon_words))})\s+(?P<n>{number})\s+"
        rf"(?P<unit>{'|'.join(map(re.escape, sorted(units, key=len, reverse=True)))})\b",
        re.I,
    )
    for index, line in enumerate(lines):
        # A heading of the duties, or one no section knows ("Your first 90 days"); a line of text only among the duties.
        in_duties = line.section in _DUTY_SECTIONS
        heading = line.kind == "heading" and (in_duties or line.section is None)
        if not (heading or (line.kind == "text" and in_duties)):
            continue
        if line.kind == "text" and any(other.kind == "item" for other in lines[max(0, index - 3) : index]):
            continue  # text among the duties, not above them
        found = pattern.search(_plain(raw[line.number - 1]))
        if not found:
            continue
        written, unit = found.group("n").lower(), found.group("unit").lower()
        words_to_numbers = {word.lower(): value for word, value in settings.number_words.items()}
        amount = int(written) if written.isdigit() else words_to_numbers[written]
        if unit in settings.month_words:
            weeks = amount * settings.weeks_per_month
        elif unit in settings.day_words:
            weeks = amount / 7
        else:
            weeks = float(amount)
        if 1 <= round(weeks) < available:
            return round(weeks), found.group()
    return available, ""


def _tasks(placed: list[_Candidate], catalog: Catalog, available: float) -> list[Task]:
    """Weeks from the text where it gives them; the rest of the weeks `available`
    (the six months, unless the posting says less) spread evenly (whole weeks,
    summing to what is left) and marked as estimates."""
    previous_end = 0.0
    weeks: list[float | None] = []
    for candidate in placed:
        if candidate.end_week is not None and candidate.end_week > previous_end:
            weeks.append(candidate.end_week - previous_end)
            previous_end = candidate.end_week
        else:
            weeks.append(candidate.weeks)
    given = exact_sum(value for value in weeks if value is not None)
    missing = [index for index, value in enumerate(weeks) if value is None]
    left = int(max(available - given, 0))
    share, extra = divmod(left, len(missing)) if missing else (0, 0)
    tasks = []
    order = 0  # how many estimated tasks came before this one
    for index, candidate in enumerate(placed):
        value = weeks[index]
        estimated = value is None
        if value is None:
            value = float(max(1, share + (1 if order < extra else 0)))
            order += 1
        tasks.append(
            Task.model_validate(
                {
                    "text": candidate.text,
                    "weeks": min(value, 52.0),
                    "outcome": candidate.outcome,
                    "archetype": candidate.archetype,
                    "estimated": True if estimated else None,
                }
            )
        )
    return tasks


def _header(
    lines: list[Line], raw: list[str], catalog: Catalog, page: HtmlPosting | None = None
) -> tuple[str, str, str]:
    """(title, company, location) from the top of the posting: the first line is the
    title; a short line right after it names the company, perhaps with a place
    ("**Acme** — Berlin", "Acme, Toronto, Ontario").

    In HTML the top is the posting's <h1>, whatever comes before it; without one the
    title is the page's <title> less the site's name. The company is the name the page
    gives itself (a schema.org JobPosting's hiringOrganization, og:site_name, the
    <title>'s suffix) when it has one, since the line under a careers page's title is
    as often "Berlin" or "Full-time"; that line's own spelling and place are kept when
    it names the same company."""
    start = page.h1_line if page is not None and page.h1_line else 1
    # Not a title's underline ("=====" under it), which is no line of its own.
    top = [line for line in lines if line.number >= start and line.text.strip() and line.kind != "rule"][:2]
    title = company = location = ""
    if top:
        title = _plain(raw[top[0].number - 1].lstrip("# ").strip())
    if top and top[0].kind == "heading" and top[0].section is not None and len(words(title)) <= 3:
        title, top = "", []  # the posting opens with a section ("Responsibilities"), not a title
    if len(top) > 1:
        second = top[1]
        text = raw[second.number - 1].strip()
        underlined = second.number < len(raw) and re.fullmatch(r"\s*(=+|-+)\s*", raw[second.number] or "x")
        facts = [(key, part) for key, part in _facts(_plain(text), catalog) if part.strip()]
        if text.startswith("#") or underlined or second.kind == "item":
            pass  # a heading or an item: not a line about the company
        elif any(key or _LABELLED.match(part) for key, part in facts):
            # A line of labelled facts: the company only where one is named or left unlabelled.
            company = next((_value(part, catalog) for key, part in facts if key == "company"), "")
            location = next((_value(part, catalog) for key, part in facts if key == "location"), "")
            workplace = tuple(catalog.importing.labels.workplace)
            company = company or next(
                (p for key, p in facts if key is None and ":" not in p and not p.lower().startswith(workplace)), ""
            )
        elif len(words(text)) <= 10:
            parts = _HEADER_SPLIT.split(_plain(text), maxsplit=1)
            company = re.sub(r"^(?:at|@)\s+", "", parts[0].strip(), flags=re.I)  # "at Acme" under the title
            location = parts[1].strip() if len(parts) > 1 else ""
            if not location:
                company, location = _company_and_place(company, catalog)
    if page is not None:
        named = page.organization or page.site_name
        page_title, in_title = title_parts(page.page_title, page.h1, named)
        if not page.h1 and page_title:
            if title.casefold() != page_title.casefold():
                company = location = ""  # the first line was not the title, so the one under it is not its company
            title = page_title
        named = named or in_title
        same = company and (
            company.casefold().startswith(named.casefold()) or named.casefold().startswith(company.casefold())
        )
        if named and not same:
            company, location = named, ""
    return title, company, location


# How a posting names its company in its own prose: "Kiranakart is a B2B ordering app",
# "At Acme Health, we build …"; a name is one to four capitalised words.
_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})"
_NAMED_IN_PROSE = (
    re.compile(rf"^{_NAME} (?:is|are) (?:a|an|the|one of)\b"),
    re.compile(
        rf"^{_NAME} (?:builds|helps|makes|provides|supports|develops|powers|serves|connects|runs|operates|designs"
        r"|delivers|creates|enables|is building|has built) "
    ),
    re.compile(rf"^At {_NAME}, (?:we|our)\b"),
)
_NOT_NAMES = {"We", "Our", "This", "The", "You", "Your", "It", "They", "Here", "There", "As", "In", "If"}


def _named_in_prose(lines: list[Line], raw: list[str]) -> str:
    """The company's name as the first paragraphs of the posting use it, or "": only
    where the posting speaks of itself (no section, an "About us"), never in duties."""
    texts = (
        _plain(raw[line.number - 1])
        for line in lines
        if line.kind == "text" and line.section in (None, "mission", "support")
    )
    # Sentences, not labelled facts ("Clearance: Active TS/SCI required").
    paragraphs = [text for text in texts if len(words(text)) >= 6 and not _LABELLED.match(text)][:4]
    for text in paragraphs:
        for pattern in _NAMED_IN_PROSE:
            found = pattern.match(text)
            if found and found.group("name").split()[0] not in _NOT_NAMES:
                return found.group("name")
    return ""


def _company_and_place(text: str, catalog: Catalog) -> tuple[str, str]:
    """ "Corvid Voice Labs, Toronto, Ontario" is a company and a place; "Acme, Inc." a company."""
    name, comma, rest = text.partition(",")
    suffix = "".join(re.findall(r"\w+", rest.split(",")[0].lower()))
    if not comma or not rest.strip() or suffix in catalog.importing.labels.company_suffixes:
        return text, ""
    return name.strip(), rest.strip()


def _marked(text: str, catalog: Catalog) -> tuple[str, str] | None:
    """(what it is, the value) of a value with a mark before it ("📍 Berlin")."""
    stripped = text.strip()
    if not stripped or stripped[0].isascii():
        return None  # a mark is a symbol ("📍"); most lines open with a word
    for mark, key in sorted(catalog.importing.labels.marks.items(), key=lambda item: -len(item[0])):
        if stripped.startswith(mark):
            return key, stripped[len(mark) :].strip()
    return None


def _value(text: str, catalog: Catalog) -> str:
    """The value of a marked ("📍 Berlin") or labelled ("Location: Berlin") part."""
    marked = _marked(text, catalog)
    return marked[1] if marked else text.partition(":")[2].strip()


def _label(text: str, catalog: Catalog) -> str | None:
    """Which of company, location and pay a "Label: value" or marked ("📍 Berlin")
    part gives, if any; "other" for a value marked as something else ("💼 Full-time")."""
    marked = _marked(text, catalog)
    if marked is not None:
        return marked[0]
    label, colon, value = text.partition(":")
    if not colon or not value.strip():
        return None
    name = label.strip().lower()
    labels = catalog.importing.labels
    return next((key for key in ("company", "location", "pay") if name in getattr(labels, key)), None)


def _facts(text: str, catalog: Catalog) -> list[tuple[str | None, str]]:
    """The parts of a line, each with what its label or mark says it is (`_label`): a line
    may hold several facts ("Location: London | Team: Risk | Salary: £70–85k")."""
    return [(_label(part, catalog), part) for part in _SEGMENTS.split(text)]


def _labelled(lines: list[Line], raw: list[str], catalog: Catalog) -> dict[str, str]:
    """Lines such as "Location: Remote (EU)" or "Salary: ...", anywhere; and under a
    pay heading, a line with no label that is where the work is, not the pay."""
    labels = catalog.importing.labels
    found: dict[str, str] = {}
    heading = ""
    for line in lines:
        if line.kind == "heading":
            heading = _plain(raw[line.number - 1]).lstrip("# ").lower()
        if line.kind not in ("item", "text", "heading"):
            continue
        text = _plain(_content(line, raw) if line.kind == "item" else raw[line.number - 1])
        facts = _facts(text, catalog)
        for key, part in facts:
            if key in ("company", "location", "pay"):
                found.setdefault(key, _value(part, catalog))
        if (
            not any(key for key, _ in facts)
            and line.section == "pay"
            and line.kind != "heading"
            and "location" not in found
            and text
        ):
            names_place = any(re.search(rf"\b{re.escape(label)}\b", heading) for label in labels.location)
            at_work = text.lower().startswith(tuple(labels.workplace))
            if (names_place or at_work) and _pay("", text) is None:
                found["location"] = text
    return found


def _pay(labelled: str, text: str) -> PayText | None:
    """The pay range the posting gives (read as the linter reads it): a labelled pay
    line's, read on its whole line ("Day rate: £550–650" is per day), else the first
    in the text."""
    if labelled:
        line = next((line for line in text.split("\n") if labelled in line), labelled)
        found = find_pay(line)
        if found is not None:
            return found
    return find_pay(text)


# A working day and week, to say what a day or week rate is an hour.
_HOURS = {"day": 8, "week": 40}


def _pay_in_spec(found: PayText | None) -> tuple[Pay | None, str | None]:
    """The range as role.pay, and a note when it cannot be one: role.pay is per year,
    month or hour, and a day or week rate called yearly would be a wrong figure, so it
    is left out and the note gives it, with what it is an hour at a stated working
    day or week, for the lead to decide."""
    if found is None:
        return None, None
    low, high = format_number(found.low), format_number(found.high)
    if found.period in _HOURS:
        hours = _HOURS[found.period]
        per_hour = f"{format_number(round(found.low / hours, 2))}–{format_number(round(found.high / hours, 2))}"
        return None, (
            f"The posting pays {found.currency} {low}–{high} per {found.period} (“{found.text}”), and role.pay "
            f"is per year, month or hour: it is left out rather than read as a yearly figure. At {hours} hours a "
            f"{found.period} that is {found.currency} {per_hour} per hour; set role.pay if that is what you mean."
        )
    try:
        pay = Pay.model_validate(
            {"min": found.low, "max": found.high, "currency": found.currency, "period": found.period}
        )
    except ValueError:
        return None, None
    return pay, None


_STAGE_CUES: dict[int, tuple[object, TermIndex[tuple[int, int, bool]]]] = {}
# The order in which stages' cues win: a cue that there is no ML yet ("our first ML
# hire") is the posting speaking of its ML; then the most advanced stage.
_STAGE_ORDER = (STAGES[0], *reversed(STAGES[1:]))
# Sections that speak of the candidate or the process, not of the company's ML:
# "2+ years of services in production" is the candidate's past.
_NOT_THE_COMPANY = ("must_have", "nice_to_have", "interview", "benefits")


def _stage_cues(catalog: Catalog) -> TermIndex[tuple[int, int, bool]]:
    """Every stage's cues in one index; the payload orders them (`_STAGE_ORDER`, then
    the cue's place in its list, then whether it opens on a count). A cue's `#count`
    meets a number written in words too ("two data scientists", "a team of fourteen")."""
    settings = catalog.importing
    cached = _STAGE_CUES.get(id(settings))
    if cached is None or cached[0] is not settings:
        numbers = sorted(settings.durations.number_words)
        entries = []
        for rank, stage in enumerate(_STAGE_ORDER):
            for place, cue in enumerate(settings.stages.get(stage, [])):
                parts = cue.split()
                spelled = [" ".join(number if part == COUNT else part for part in parts) for number in numbers]
                # A term cannot open on a count: "14 data scientists" is met as "data scientists"
                # after a count, checked by `_stage` (a term opening on any word would be
                # tried at every word of the posting).
                opens_on_count = parts[:1] == [COUNT]
                written = " ".join(parts[1:]) if opens_on_count else cue
                entries.append((written, (rank, place, opens_on_count)))
                entries += [(variant, (rank, place, False)) for variant in (spelled if COUNT in parts else [])]
        cached = _STAGE_CUES[id(settings)] = (settings, TermIndex(entries))
    return cached[1]


def _stage(lines: list[Line], raw: list[str], catalog: Catalog) -> tuple[str, str | None]:
    """The stage the posting's words say, and the words that said it: a cue that there
    is no ML yet, else the most advanced stage a cue of which the posting holds (its
    list's first found); else pre-product, with no words. Read in what the posting says
    of the company: not in the title, the requirements, the interview, the benefits or
    the list of the hire's duties and outcomes."""
    index = _stage_cues(catalog)
    title = next((line.number for line in lines if line.text.strip()), 0)
    best: tuple[tuple[int, int], str] | None = None
    for line in lines:
        if line.number == title or line.section in _NOT_THE_COMPANY or line.kind not in ("text", "item"):
            continue
        if line.kind == "item" and line.section in ("owns", "outcomes"):
            continue  # the hire's own work, not what the company has (and most of a long posting)
        tokens = tokenize(_plain(raw[line.number - 1]))
        for term, (rank, place, after_count), start in index.scan(tokens):
            if after_count and not (start and is_count(tokens.stems[start - 1])):
                continue
            if best is None or (rank, place) < best[0]:
                best = (rank, place), tokens.phrase(start - after_count, start + len(term))
    if best is None:
        return STAGES[0], None
    return _STAGE_ORDER[best[0][0]], best[1]


def _skills(lines: list[Line], raw: list[str], key: str) -> list[str]:
    items = [_plain(_content(line, raw)) for line in lines if line.section == key and line.kind == "item"]
    return [item for item in items if item and len(item) <= MAX_TEXT_CHARS]


def _mission(lines: list[Line], raw: list[str], catalog: Catalog) -> str | None:
    """The mission, only from a section headed as one and only when it is one plain
    sentence a description could publish (no hype): an "About us" is not a mission."""
    from rolescope.lint import wording_findings

    for line in lines:
        if line.section == "mission" and line.kind in ("text", "item"):
            heading = next(
                (
                    _plain(raw[other.number - 1]).lstrip("# ").lower()
                    for other in reversed(lines[: line.number - 1])
                    if other.kind == "heading"
                ),
                "",
            )
            if "mission" not in heading:
                return None
            text = _plain(_content(line, raw))
            if text and len(text) <= MAX_TEXT_CHARS and not wording_findings(text, catalog):
                return text
            return None
    return None
