"""`rolescope lint`: a job posting checked against the rules in `presets/lint.toml`.

Rules are data; this module holds one check per rule *kind* (phrases, gender-coded
words, credentials on engineering work, laundry lists, years, the three
archetypes, vague duties, unmeasurable outcomes, order, structure, pay). Duties are
classified with the same classifier as tasks, and the same thresholds decide
what "mostly engineering" and "spans all three" mean.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rolescope.catalog import Catalog, LintRule
from rolescope.classify import Classification, classify_text
from rolescope.document import JobDocument
from rolescope.findings import RANK, Finding
from rolescope.linescan import LineScanner
from rolescope.paytext import has_pay_range
from rolescope.phrases import Match, PhraseIndex, longest, tokenize
from rolescope.postparse import Line, Posting, parse_posting
from rolescope.rxliterals import may_match, required_literals
from rolescope.values import replace

DUTY_SECTIONS = ("owns",)
REQUIREMENT_SECTIONS = ("must_have", "nice_to_have")
_SCOPE_WORDS = {
    "in", "with", "on", "building", "running", "shipping", "operating", "designing", "developing", "using", "as",
    "leading", "owning", "deploying", "maintaining", "writing", "at", "doing", "working", "of", "across", "for",
}  # fmt: skip
_YEARS = re.compile(
    r"(\b\d{1,2}[ \t]*\+?[ \t]*(?:(?:-|–|to)[ \t]*\d{1,2}[ \t]*\+?[ \t]*)?years?\b(?:[ \t]+of)?"
    r"(?:[ \t]+(?:professional|relevant|industry|hands[ \t-]on|commercial|work))?[ \t]+experience\b)[ \t,:]*([\w-]*)",
    re.I,
)
_DIGIT = re.compile(r"\d")
# What every match of _YEARS and of a years-since rule's pattern holds: a number
# right before "year".
_NUMBER_OF_YEARS = re.compile(r"\d\s*\+?\s*year", re.I)


def compile_patterns(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """A rule's regular expressions as one, case ignored (checked at load time)."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.I) if patterns else None


@dataclass
class LintResult:
    findings: list[Finding]
    suppressed: int = 0


class _Compiled:
    """A catalog's rules compiled once (catalogs are cached and immutable)."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.rules = catalog.lint.enabled
        rules = catalog.lint.rules
        self.patterns = {key: compile_patterns(rule.patterns) for key, rule in rules.items()}
        # The words each pattern cannot match without: most postings lack them.
        self.needs = {key: required_literals(pattern) for key, pattern in self.patterns.items() if pattern}
        # Every phrase list of every rule in one index, so a posting's words are read
        # once: each entry says which list it belongs to (its group).
        entries: list[tuple[str, tuple[tuple[str, str], object]]] = []
        for key, rule in rules.items():
            entries += [(phrase, (("phrases", key), None)) for phrase in rule.phrases + rule.add]
            entries += [(phrase, (("unless", key), None)) for phrase in rule.unless]
            entries += [(phrase, (("exceptions", key), None)) for phrase in rule.exceptions]
            entries += [(name, (("frameworks", key), None)) for name in rule.frameworks]
            entries += [(term, (("coded", key), kind)) for kind, terms in rule.terms.items() for term in terms]
        entries += [(term, (("credentials", ""), None)) for term in catalog.jd.credentials.terms]
        entries += [(p, (("places", ""), place)) for place in catalog.lint.jurisdictions for p in place.phrases]
        self.index: PhraseIndex[tuple[tuple[str, str], object]] = PhraseIndex(entries)
        self.lines = LineScanner(self.index)
        self.pay_lines: dict[str, bool] = {}  # line -> whether it holds a pay range
        self.wording: dict[str, tuple[Finding, ...]] = {}  # text -> `wording_findings` of it
        self.since = {
            key: (
                re.compile(
                    r"\b(\d{1,2})\s*\+?\s*years?\b(?:\s+of)?(?:\s+(?:professional|relevant|industry|hands[\s-]on|commercial))?"
                    r"(?:\s+experience)?(?:\s+(?:in|with|of|using|building|on|running))?\s+(?:[\w-]+\s+){0,2}?("
                    + "|".join(_since_pattern(term) for term in sorted(rule.since, key=len, reverse=True))
                    + ")(?![\\w])",
                    re.I,
                ),
                PhraseIndex((term, term) for term in rule.since),
            )
            for key, rule in rules.items()
            if rule.since
        }


def _since_pattern(term: str) -> str:
    words = [re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "") for word in term.split()]
    return r"[\s-]+".join(words)


_COMPILED: dict[int, _Compiled] = {}
_MEMO_LINES = 20_000  # distinct lines remembered per catalog (a bound on memory)


def _compiled(catalog: Catalog) -> _Compiled:
    current = _COMPILED.get(id(catalog))
    if current is None or current.catalog is not catalog:
        current = _COMPILED[id(catalog)] = _Compiled(catalog)
    return current


class _Context:
    def __init__(self, posting: Posting, catalog: Catalog):
        self.posting = posting
        self.catalog = catalog
        self.compiled = _compiled(catalog)
        self._duties: list[tuple[Line, Classification]] | None = None
        self.lowered = posting.text.lower()
        # One pass over the words for every phrase list (each distinct line read
        # once per run); then, per list, the longest match at each place, with the
        # line it is on.
        grouped: dict[tuple[str, str], list[Match[object]]] = {}
        line_of: dict[int, int] = {}  # id of a match -> its line's number
        found = self.compiled.lines.scan_lines(
            [line.text for line in posting.lines], posting.line_starts, len(self.lowered) == len(posting.text)
        )
        for first, last, start, end, phrase, (group, payload), number in found:
            match = Match(first, last, start, end, phrase, payload)
            line_of[id(match)] = number + 1
            grouped.setdefault(group, []).append(match)
        self._pay_range: bool | None = None
        self._years: bool | None = None
        self.groups = {group: longest(matches) for group, matches in grouped.items()}
        self.lines_of = {group: [line_of[id(match)] for match in matches] for group, matches in self.groups.items()}
        self._by_line: dict[tuple[str, str], dict[int, list[Match[Any]]]] = {}

    def mentions_years(self) -> bool:
        """Whether a number of years is named ("5 years", "10+ years"): what the
        years rules look for starts so; most postings name none ("per year" has
        no number right before it), and this one look spares their patterns."""
        if self._years is None:
            self._years = "year" in self.lowered and bool(_NUMBER_OF_YEARS.search(self.posting.text))
        return self._years

    def has_pay_range(self) -> bool:
        if self._pay_range is None:
            # A range never runs across lines (see paytext), so each line is asked
            # on its own, each distinct one once per run: postings share most lines.
            lines = self.compiled.pay_lines
            found = False
            for line in self.posting.lines:
                known = lines.get(line.text)
                if known is None:
                    if len(lines) >= _MEMO_LINES:
                        lines.clear()
                    known = lines[line.text] = has_pay_range(line.text)
                if known:
                    found = True
                    break
            self._pay_range = found
        return self._pay_range

    def scan(self, kind: str, key: str = "") -> list[Match[Any]]:
        return self.groups.get((kind, key), [])

    def scan_line(self, kind: str, key: str, line: Line) -> list[Match[Any]]:
        """Matches of one list within one line of the posting."""
        group = (kind, key)
        by_line = self._by_line.get(group)
        if by_line is None:  # sorted by line once, so asking line by line stays linear
            by_line = self._by_line[group] = {}
            for match, number in zip(self.groups.get(group, []), self.lines_of.get(group, [])):
                by_line.setdefault(number, []).append(match)
        return list(by_line.get(line.number, ()))

    def duties(self) -> list[tuple[Line, Classification]]:
        """The duty lines (what the person will own or do), classified. Without a
        duty section, the outcomes; without either, every item outside the
        requirements, interview and pay."""
        if self._duties is None:
            lines = self.posting.in_sections(*DUTY_SECTIONS) or self.posting.in_sections("outcomes")
            if not lines:
                lines = [
                    line
                    for line in self.posting.lines
                    if line.kind == "item"
                    and line.section not in (*REQUIREMENT_SECTIONS, "interview", "pay", "support", "benefits")
                ]
            self._duties = [(line, classify_text(line.content, self.catalog)) for line in lines]
        return self._duties

    def engineering_share(self) -> float | None:
        clear = [result for _, result in self.duties() if not result.vague]
        if not clear:
            return None
        return sum(result.kind == "engineering" for result in clear) / len(clear)

    def finding(
        self, key: str, rule: LintRule, message: str, offset: int | None = None, line: int | None = None
    ) -> Finding:
        column = None
        if offset is not None:
            line, column = self.posting.where(offset)
        elif line is not None:
            column = self.posting.lines[line - 1].start + 1
        return Finding(key, rule.severity, message, line=line, column=column)


LintContext = _Context  # what a check receives (the spec checks in `lint_spec` too)


def _quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


def _check_phrases(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    spans = [(match.start, match.end) for match in ctx.scan("phrases", key)]
    pattern = ctx.compiled.patterns[key]
    if pattern is not None and may_match(ctx.compiled.needs[key], ctx.posting.text, ctx.lowered):
        spans += [match.span() for match in pattern.finditer(ctx.posting.text)]
    for start, end in sorted(set(spans)):
        line, _ = ctx.posting.where(start)
        if ctx.scan_line("unless", key, ctx.posting.lines[line - 1]):
            continue  # the line says why the work needs it
        yield ctx.finding(key, rule, f"{_quote(ctx.posting.text[start:end])}: {rule.message}", offset=start)


def _check_pay_wording(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    """Vague pay wording ("competitive", "DOE", "up to $X"): said beside a stated
    range ("$85–110 an hour, depending on experience") it hides nothing."""
    if not ctx.has_pay_range():
        yield from _check_phrases(ctx, key, rule)


def _coded_words(ctx: _Context, key: str) -> dict[str, list[Match[str]]]:
    """The gender-coded words found, by kind, leaving out the technical senses."""
    covered = {index for match in ctx.scan("exceptions", key) for index in range(match.first, match.last + 1)}
    found: dict[str, list[Match[str]]] = {kind: [] for kind in ctx.catalog.lint.rules[key].terms}
    text = ctx.posting.text
    for match in ctx.scan("coded", key):
        technical = any(index in covered for index in range(match.first, match.last + 1))
        if not technical and not _is_name(text, match.start):
            found[match.payload].append(match)
    return found


# What ends a sentence (or opens a list item: "1) Lead …"); what only a sentence's inside has.
_SENTENCE_ENDS = ".!?:;)\n"
_INSIDE = ",&/'’"


def _is_name(text: str, start: int) -> bool:
    """Whether the word at `start` is capitalised inside a sentence: a name (the
    Decisioning team, Analytic Partners, an Active clearance), not the posting's
    own wording. A word that opens a line or a sentence, after any bullet, emoji,
    markup or quote, is wording; so is one in capitals throughout (emphasis or a
    heading)."""
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    word = text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    for index in range(start - 1, -1, -1):
        char = text[index]
        if char in _SENTENCE_ENDS:
            return False
        if char.isalnum() or char in _INSIDE:
            return True
    return False


def _check_gender_words(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    for kind, matches in _coded_words(ctx, key).items():
        for match in matches:
            word = ctx.posting.text[match.start : match.end]
            yield ctx.finding(key, rule, f"{_quote(word)} is {kind}-coded. {rule.message}", offset=match.start)


def _check_gender_balance(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    source = next((k for k, r in ctx.catalog.lint.rules.items() if r.kind == "gender-coded"), None)
    if source is None:
        return
    counts = {kind: matches for kind, matches in _coded_words(ctx, source).items()}
    if len(counts) < 2:
        return
    limit, ratio = rule.limit or 5, rule.ratio or 2.0
    for kind, matches in counts.items():
        others = sum(len(other) for name, other in counts.items() if name != kind)
        if len(matches) >= limit and len(matches) >= ratio * max(others, 1):
            words = ", ".join(dict.fromkeys(ctx.posting.text[m.start : m.end].lower() for m in matches))
            balance = "; ".join(f"{len(found)} {name}-coded" for name, found in counts.items())
            yield ctx.finding(key, rule, f"{rule.message} Balance: {balance} ({kind}: {words}).")


def _check_credentials(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    share = ctx.engineering_share()
    if share is None or share < ctx.catalog.thresholds.verdict.decisive_share:
        return
    matches = ctx.scan("phrases", key) + ctx.scan("credentials")
    # One finding per line, the rule's own phrases first: "PhD required" is one
    # finding, not also "PhD"; "Publications at NeurIPS or ICML" is one, not three.
    lines: set[int] = set()
    for match in matches:
        line, _ = ctx.posting.where(match.start)
        if line in lines:
            continue
        lines.add(line)
        if ctx.posting.lines[line - 1].kind != "heading":
            words = ctx.posting.text[match.start : match.end]
            yield ctx.finding(
                key, rule, f"{_quote(words)}: {rule.message} ({round(share * 100)}% of the duties are engineering)",
                offset=match.start,
            )  # fmt: skip


def _check_frameworks(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    limit = rule.limit or 5
    by_line: dict[int, set[str]] = {}
    for match in ctx.scan("frameworks", key):
        number, _ = ctx.posting.where(match.start)
        by_line.setdefault(number, set()).add(match.phrase)
    per_section: dict[str, set[str]] = {}
    for number, names in sorted(by_line.items()):
        section = ctx.posting.lines[number - 1].section
        if len(names) > limit:
            yield ctx.finding(key, rule, f"{len(names)} frameworks in one line: {rule.message}", line=number)
        elif section in REQUIREMENT_SECTIONS:
            per_section.setdefault(section, set()).update(names)
    for section, names in per_section.items():
        if rule.list_limit and len(names) > rule.list_limit:
            yield ctx.finding(
                key,
                rule,
                f"{len(names)} frameworks in one list: {rule.message}",
                line=ctx.posting.headings.get(section),
            )


def _check_list_length(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    if rule.section is None:
        return
    items = [line for line in ctx.posting.lines if line.section == rule.section and line.kind == "item"]
    if rule.limit is not None and len(items) > rule.limit:
        yield ctx.finding(
            key,
            rule,
            f"{len(items)} items: {rule.message}",
            line=ctx.posting.headings.get(rule.section, items[0].number),
        )


def _check_years(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    if not ctx.mentions_years():
        return
    for match in _YEARS.finditer(ctx.posting.text):
        if match.group(2).lower() not in _SCOPE_WORDS:
            yield ctx.finding(key, rule, f"{_quote(match.group(1))}: {rule.message}", offset=match.start())


def _check_years_since(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    if key not in ctx.compiled.since or not ctx.mentions_years():
        return
    pattern, terms = ctx.compiled.since[key]
    this_year = datetime.date.today().year
    for match in pattern.finditer(ctx.posting.text):
        years, technology = int(match.group(1)), match.group(2)
        named = terms.scan(tokenize(technology))
        if not named:
            continue
        term = named[0].payload
        existed = this_year - rule.since[term]
        if years > existed:
            yield ctx.finding(
                key, rule, f"{years} years of {technology} (it appeared in {rule.since[term]}): {rule.message}",
                offset=match.start(),
            )  # fmt: skip


def _check_archetypes(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    clear = [(line, result) for line, result in ctx.duties() if not result.vague]
    if len(clear) < 3:
        return
    floor = ctx.catalog.thresholds.warnings.spans_all_min_share
    counts = {
        archetype: sum(result.archetype == archetype for _, result in clear)
        for archetype in ("researcher", "developer", "operator")
    }
    if all(count / len(clear) >= floor for count in counts.values()):
        spread = ", ".join(f"{archetype} {count}" for archetype, count in counts.items())
        yield ctx.finding(key, rule, f"{rule.message} (duties: {spread})", line=clear[0][0].number)


def _check_vague(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    for line, result in ctx.duties():
        if result.vague and line.section in (*DUTY_SECTIONS, None):
            yield ctx.finding(key, rule, f"{_quote(line.content)}: {rule.message}", line=line.number)


def _check_measurable(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    for line in ctx.posting.in_sections("outcomes"):
        if _DIGIT.search(line.content) or ctx.scan_line("phrases", key, line):
            continue
        yield ctx.finding(key, rule, f"{_quote(line.content)}: {rule.message}", line=line.number)


def _check_order(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    share = ctx.engineering_share()
    if share is not None and share < ctx.catalog.thresholds.verdict.decisive_share:
        return  # research work, or two jobs in one: research credentials first may be right
    lines = ctx.posting.in_sections("must_have") or [line for line in ctx.posting.lines if line.kind == "item"]
    first_credential = first_production = None
    for index, line in enumerate(lines):
        if first_credential is None and ctx.scan_line("credentials", "", line):
            first_credential = index
            continue
        result = classify_text(line.content, ctx.catalog)
        is_production = bool(ctx.scan_line("phrases", key, line)) or (result.kind == "engineering" and not result.vague)
        if first_production is None and is_production:
            first_production = index
    if first_credential is not None and first_production is not None and first_credential < first_production:
        line = lines[first_credential]
        yield ctx.finding(key, rule, f"{_quote(line.content)}: {rule.message}", line=line.number)


def _check_section(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    if rule.section and rule.section not in ctx.posting.headings:
        yield ctx.finding(key, rule, rule.message)


def _jurisdiction(ctx: _Context) -> tuple[str, str, int] | None:
    matches = ctx.scan("places")
    if not matches:
        return None
    return matches[0].payload.name, matches[0].payload.law, matches[0].start


def _check_pay_range(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    required = any(r.kind == "pay-jurisdiction" for r in ctx.compiled.rules.values()) and _jurisdiction(ctx)
    if not ctx.has_pay_range() and not required:
        yield ctx.finding(key, rule, rule.message)


def _check_pay_jurisdiction(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    if ctx.has_pay_range():
        return
    place = _jurisdiction(ctx)
    if place:
        name, law, offset = place
        yield ctx.finding(
            key, rule, f"{rule.message}: {name} ({law}); give the minimum and maximum for the role", offset=offset
        )


def _check_suppressions(ctx: _Context, key: str, rule: LintRule) -> Iterator[Finding]:
    for note in ctx.posting.suppressions:
        if note.rule not in ctx.catalog.lint.rules or not note.reason:
            what = (
                f"unknown rule '{note.rule}'"
                if note.rule and note.rule not in ctx.catalog.lint.rules
                else "no reason given"
            )
            yield ctx.finding(key, rule, f"{what}: {rule.message}", line=note.line)


CHECKS: dict[str, Callable[[_Context, str, LintRule], Iterator[Finding]]] = {
    "phrases": _check_phrases,
    "pay-wording": _check_pay_wording,
    "gender-coded": _check_gender_words,
    "gender-balance": _check_gender_balance,
    "credentials": _check_credentials,
    "frameworks": _check_frameworks,
    "list-length": _check_list_length,
    "years": _check_years,
    "years-since": _check_years_since,
    "archetypes": _check_archetypes,
    "vague-duty": _check_vague,
    "measurable": _check_measurable,
    "order": _check_order,
    "section": _check_section,
    "pay-range": _check_pay_range,
    "pay-jurisdiction": _check_pay_jurisdiction,
    "suppression": _check_suppressions,
}


# Rules that compare a posting with its spec (`lint --spec`): `rolescope.lint_spec`
# holds their checks; without a spec they have nothing to compare and stay quiet.
SPEC_KINDS = ("spec-credentials", "spec-skills", "spec-outcomes", "spec-title")
Check = Callable[[_Context, str, LintRule], Iterator[Finding]]


def lint_posting(
    posting: Posting, catalog: Catalog, *, file: str | None = None, spec_checks: dict[str, Check] | None = None
) -> LintResult:
    ctx = _Context(posting, catalog)
    findings: list[Finding] = []
    for key, rule in ctx.compiled.rules.items():
        if rule.kind in SPEC_KINDS:
            if spec_checks and rule.kind in spec_checks:
                findings.extend(spec_checks[rule.kind](ctx, key, rule))
            continue
        findings.extend(CHECKS[rule.kind](ctx, key, rule))
    # An ignore comment silences one finding of the rule it names, on its line
    # (or a finding about the whole document), and only with a reason.
    kept, suppressed = [], 0
    notes = [note for note in posting.suppressions if note.rule in catalog.lint.rules and note.reason]
    for finding in sorted(findings, key=_order):
        note = next(
            (n for n in notes if n.rule == finding.rule and (n.target == finding.line or finding.line is None)), None
        )
        if note is not None:
            notes.remove(note)
            suppressed += 1
            continue
        kept.append(finding.in_file(file) if file is not None else finding)
    return LintResult(kept, suppressed)


def _order(finding: Finding) -> tuple[int, int, str]:
    return (finding.line or 0, finding.column or 0, finding.rule)


def lint_text(text: str, catalog: Catalog, fmt: str = "md", *, file: str | None = None) -> LintResult:
    """Lint a posting held in memory: Markdown ("md") or plain text ("txt")."""
    return lint_posting(parse_posting(text, catalog.lint, markdown=fmt == "md"), catalog, file=file)


def lint_document(
    document: JobDocument, catalog: Catalog, lint: Callable[[str], LintResult] | None = None
) -> list[Finding]:
    """Lint a description rolescope decided, as its Markdown reads: each finding on an
    item's line names the spec field and task the item came from, so the lead (and
    the wizard) can go straight to what to change. `lint` lints the Markdown
    (the wording rules unless given)."""
    from rolescope.jd import markdown_lines

    lines = markdown_lines(document)
    text = "\n".join(line for line, _ in lines).rstrip("\n") + "\n"
    located = []
    result = lint(text) if lint is not None else lint_text(text, catalog, "md")
    warned = {finding.field for finding in document.findings if finding.field}
    for finding in result.findings:
        rule = catalog.lint.rules.get(finding.rule)
        if rule is not None and rule.same_as in warned:
            continue
        item = lines[finding.line - 1][1] if finding.line is not None and finding.line <= len(lines) else None
        if item is not None:
            field = item.source.field if not item.source.field.startswith("presets:") else None
            finding = replace(finding, task=item.source.task, field=field or item.source.field)
        located.append(finding)
    return located


def wording_findings(text: str, catalog: Catalog) -> list[Finding]:
    """The wording rules (phrases and impossible years) on one line of text, as the
    description's decisions use them: a task that fails them is not published."""
    compiled = _compiled(catalog)
    known = compiled.wording.get(text)
    if known is None:
        posting = parse_posting(text.replace("\n", " "), catalog.lint, markdown=False)
        ctx = _Context(posting, catalog)
        found: list[Finding] = []
        for key, rule in ctx.compiled.rules.items():
            if rule.kind in ("phrases", "years-since") and key != "pay-not-a-range":
                found.extend(CHECKS[rule.kind](ctx, key, rule))
        if len(compiled.wording) >= _MEMO_LINES:
            compiled.wording.clear()
        # Remembered by the text (a batch drafts the same task lines again and
        # again), unless a finding depends on today's date.
        if not any(CHECKS[compiled.rules[f.rule].kind] is _check_years_since for f in found):
            compiled.wording[text] = tuple(found)
        return found
    return list(known)


def at_least(findings: list[Finding], severity: str) -> list[Finding]:
    return [finding for finding in findings if RANK[finding.severity] >= RANK[severity]]
