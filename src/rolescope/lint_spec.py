"""`rolescope lint POSTING --spec SPEC.toml`: the posting compared with the work the
spec plans. Wording rules can only guess at the work from the posting's own duties;
with the spec the linter knows it, so it can say which requirements no task needs,
which of the spec's outcomes the posting leaves out, and whether the title says
the job the recommendation says.

The rules are data (`presets/lint.toml`, kinds `spec-*`); this module holds one
check per kind. A spec whose verdict is a split is compared as the role the posting
is for (the one whose outcomes it states most).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rolescope.catalog import Catalog, LintRule
from rolescope.classify import classify_text
from rolescope.document import JobDocument
from rolescope.export import RoleExport, roles_to_publish
from rolescope.findings import Finding
from rolescope.importer import drafted_pattern
from rolescope.lint import REQUIREMENT_SECTIONS, SPEC_KINDS, Check, LintContext, LintResult, lint_document, lint_posting
from rolescope.postparse import Posting, parse_posting
from rolescope.recommend import Recommendation, recommend
from rolescope.spec import RoleSpec
from rolescope.textmatch import matches_any, words
from rolescope.wording import join_words, with_article

_COMMON = {
    "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "with", "by", "it", "its", "from", "then",
    "own", "is", "are", "be", "at", "as", "our", "your", "that", "this",
}  # fmt: skip
_TITLE_TAIL = re.compile(r"\s*(?:,|—|–|\s-\s|\(|\||:).*$")


@dataclass(frozen=True)
class SpecRole:
    """The spec as the posting should publish it: one role (a split's half, when the
    verdict is a split), its recommendation, and the outcomes its description states."""

    spec: RoleSpec
    recommendation: Recommendation
    outcomes: tuple[tuple[str, int | None], ...]  # (text, task number in the spec)


def _content_words(text: str) -> set[str]:
    return {word for word in words(text) if word not in _COMMON}


def stated(outcome: str, posting_lines: list[str], ratio: float) -> bool:
    """Whether some line of the posting holds at least `ratio` of the outcome's words."""
    wanted = _content_words(outcome)
    if not wanted:
        return True
    return any(len(wanted & _content_words(line)) / len(wanted) >= ratio for line in posting_lines)


def _role_for(posting: Posting, spec: RoleSpec, catalog: Catalog) -> SpecRole:
    recommendation = recommend(spec, catalog)
    roles: list[RoleExport] = roles_to_publish(spec, recommendation, catalog)
    texts = [line.content for line in posting.lines if line.kind in ("item", "text")]

    drafted = drafted_pattern(catalog)

    def outcomes(role: RoleExport) -> tuple[tuple[str, int | None], ...]:
        """The outcomes the description states; one it drafted from a task is the task's work."""
        section = role.document.section("outcomes")
        if section is None:
            return ()
        found = []
        for item in section.items:
            match = drafted.fullmatch(item.text) if item.drafted else None
            found.append((match.group("task") if match else item.text, item.source.task))
        return tuple(found)

    def score(role: RoleExport) -> float:
        found = outcomes(role)
        return sum(stated(text, texts, 0.6) for text, _ in found) / max(1, len(found))

    best = max(roles, key=score) if len(roles) > 1 else roles[0]
    return SpecRole(best.spec, best.recommendation, outcomes(best))


def title_kind(title: str, rule: LintRule) -> str | None:
    """research, engineering, or None when the title says both or neither."""
    tokens = words(title)
    research = bool(matches_any(rule.terms.get("research", []), tokens))
    engineering = bool(matches_any(rule.terms.get("engineering", []), tokens))
    if research == engineering:
        return None
    return "research" if research else "engineering"


def is_bare_title(title: str, rule: LintRule) -> bool:
    core = _TITLE_TAIL.sub("", title)
    tokens = words(core)
    for level in rule.terms.get("level", []):
        level_words = words(level)
        if tokens[: len(level_words)] == level_words:
            tokens = tokens[len(level_words) :]
    return " ".join(tokens) in {" ".join(words(phrase)) for phrase in rule.phrases}


def title_contradiction(title: str, recommendation: Recommendation, catalog: Catalog) -> str | None:
    """Why a posting's title contradicts the recommendation, or None."""
    rule = next((r for r in catalog.lint.rules.values() if r.kind == "spec-title"), None)
    if rule is None or not title.strip():
        return None
    if recommendation.split:
        titles = join_words([role.title for role in recommendation.split])
        return f"“{title}” is one title, but the work is two roles: {titles}"
    if is_bare_title(title, rule):
        return (
            f"“{title}” covers many different jobs and draws applicants for all of them; "
            f"the work here is for {with_article(recommendation.recommended_title)}"
        )
    kind = title_kind(title, rule)
    wanted = "research" if recommendation.hire == "phd" else "engineering"
    if kind is not None and kind != wanted:
        return (
            f"“{title}” names {with_article(kind)} job, but the spec's work is mostly {wanted}: "
            f"the recommendation is {with_article(recommendation.recommended_title)}"
        )
    return None


def _posting_title(ctx: LintContext) -> tuple[str, int] | None:
    first = next((line for line in ctx.posting.lines if line.text.strip()), None)
    if first is None:
        return None
    text = first.text.strip().lstrip("#").strip().strip("*").strip()
    return text, first.number


def _checks(role: SpecRole, catalog: Catalog) -> dict[str, Check]:
    r = role.recommendation
    weeks = r.weeks

    def credentials(ctx: LintContext, key: str, rule: LintRule) -> Iterator[Finding]:
        if r.hire != "engineer":
            return
        why = (
            "some tasks need depth in ML systems, which production experience shows"
            if r.phd_tasks
            else (
                "no task trains your own models from scratch, tackles a novel problem, builds core ML infrastructure "
                "or evaluates research"
            )
        )
        terms = catalog.jd.credentials.terms + rule.phrases
        seen: set[int] = set()
        for line in ctx.posting.lines:
            if line.kind not in ("item", "text") or line.number in seen:
                continue
            found = matches_any(terms, words(line.content))
            if found:
                seen.add(line.number)
                yield ctx.finding(
                    key,
                    rule,
                    f"“{line.content}”: {rule.message} ({round(r.engineering_share * 100)}% of the spec's "
                    f"classified weeks are engineering; {why})",
                    line=line.number,
                )

    def skills(ctx: LintContext, key: str, rule: LintRule) -> Iterator[Finding]:
        credentials = catalog.jd.credentials.terms
        for line in ctx.posting.in_sections(*REQUIREMENT_SECTIONS):
            if matches_any(credentials, words(line.content)):
                continue  # a credential is judged by what the tasks need (credentials-not-needed)
            result = classify_text(line.content, catalog)
            if result.vague or result.unsure or weeks.get(result.archetype, 0) > 0:
                continue
            evidence = ", ".join(e.text for e in result.evidence[:3])
            yield ctx.finding(
                key,
                rule,
                f"“{line.content}” is {result.archetype} work ({evidence}), and no task in the spec is: {rule.message}",
                line=line.number,
            )

    def outcomes(ctx: LintContext, key: str, rule: LintRule) -> Iterator[Finding]:
        texts = [line.content for line in ctx.posting.lines if line.kind in ("item", "text")]
        ratio = rule.ratio or 0.6
        for text, task in role.outcomes:
            if not stated(text, texts, ratio):
                where = f"task {task}'s outcome " if task else ""
                yield Finding(
                    key,
                    rule.severity,
                    f"{where}“{text}”: {rule.message}",
                    task=task,
                    field=f"tasks[{task}].outcome" if task else None,
                )

    def title(ctx: LintContext, key: str, rule: LintRule) -> Iterator[Finding]:
        found = _posting_title(ctx)
        if found is None:
            return
        text, number = found
        why = title_contradiction(text, r, catalog)
        if why:
            yield ctx.finding(key, rule, f"{why}. {rule.message}", line=number)

    return {"spec-credentials": credentials, "spec-skills": skills, "spec-outcomes": outcomes, "spec-title": title}


def lint_against_spec(posting: Posting, spec: RoleSpec, catalog: Catalog, *, file: str | None = None) -> LintResult:
    """Every lint rule, the spec rules included, with the posting compared to `spec`."""
    role = _role_for(posting, spec, catalog)
    return lint_posting(posting, catalog, file=file, spec_checks=_checks(role, catalog))


def lint_document_against_spec(document: JobDocument, spec: RoleSpec, catalog: Catalog) -> list[Finding]:
    """What `rolescope lint --spec` says of a description rolescope decided from `spec`,
    each finding on the spec field or task its line came from (the wizard's
    description step lists them with its own)."""

    def against_spec(text: str) -> LintResult:
        return lint_against_spec(parse_posting(text, catalog.lint, markdown=True), spec, catalog)

    return lint_document(document, catalog, against_spec)


def description_findings(
    document: JobDocument, spec: RoleSpec, recommendation: Recommendation, catalog: Catalog
) -> list[Finding]:
    """What the linter says of `document`, the description decided from `spec`, and
    what `lint --spec` says of what export publishes for it: the wizard's
    description step lists both. A role that is not split publishes `document`
    itself, so one pass of every rule, the spec rules included, says both (the
    step runs this on every keystroke)."""
    if not recommendation.split:
        return lint_document_against_spec(document, spec, catalog)
    return [*lint_document(document, catalog), *published_against_spec(spec, recommendation, catalog)]


def published_against_spec(spec: RoleSpec, recommendation: Recommendation, catalog: Catalog) -> list[Finding]:
    """The spec rules' findings on each description rolescope publishes for `spec` (a
    split verdict's two roles), each on the spec field or task its line came from:
    what `lint --spec` would say of the export, which the wizard lists with the
    description's own findings."""
    spec_rules = {key for key, rule in catalog.lint.rules.items() if rule.kind in SPEC_KINDS}
    found: list[Finding] = []
    for role in roles_to_publish(spec, recommendation, catalog):
        for finding in lint_document_against_spec(role.document, spec, catalog):
            if finding.rule in spec_rules and finding not in found:
                found.append(finding)
    return found
