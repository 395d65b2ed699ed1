"""The interview kit is built from the spec: its stages, its tasks, its roles."""

from __future__ import annotations

from rolescope.cli import main
from rolescope.export import roles_to_publish
from rolescope.interview_kit import build_kit, loop_stages
from rolescope.kit_render import render_kit_html, render_kit_markdown, render_kit_text
from rolescope.recommend import recommend
from rolescope.spec import InterviewStage
from rolescope.specio import parse_spec, read_spec
from tests.conftest import preset_path


def kit_of(name: str, catalog, **interview):
    spec = read_spec(preset_path(name))
    if interview:
        spec = spec.model_copy(update={"interview": spec.interview.model_copy(update=interview)})
    return spec, build_kit(spec, recommend(spec, catalog), catalog)


def stage(kit, kind: str):
    return next(stage for stage in kit.stages if stage.kind == kind)


def test_two_domains_get_different_scenarios_drawn_from_their_operator_tasks(catalog):
    fraud_spec, fraud = kit_of("fraud-model-operator", catalog)
    rag_spec, rag = kit_of("rag-support-search", catalog)
    fraud_scenario, rag_scenario = stage(fraud, "scenario"), stage(rag, "scenario")
    assert fraud_scenario.question != rag_scenario.question
    for spec, scenario in ((fraud_spec, fraud_scenario), (rag_spec, rag_scenario)):
        (number,) = scenario.drawn_from
        task = spec.tasks[number - 1]
        assert recommend(spec, catalog).tasks[number - 1].archetype == "operator"
        assert task.text.rstrip(".") in scenario.question
    # Each task's words choose what went wrong: drift for the drift monitor.
    assert "drift alert" in fraud_scenario.question
    # The design question comes from a developer task of each spec.
    assert stage(fraud, "design").question != stage(rag, "design").question
    (number,) = stage(rag, "design").drawn_from
    assert rag_spec.tasks[number - 1].text in stage(rag, "design").question


def test_scorecard_attributes_point_at_the_specs_own_tasks(catalog):
    spec, kit = kit_of("fraud-model-operator", catalog)
    scenario = stage(kit, "scenario")
    assert scenario.attributes
    for attribute in scenario.attributes:
        (number,) = attribute.tasks
        task = spec.tasks[number - 1]
        assert f"task {number}: {task.outcome or task.text}" in attribute.text
    assert all(stage.strong and stage.weak for stage in kit.stages)


def test_a_research_role_gets_a_research_review_of_its_own_work(catalog):
    spec, kit = kit_of("foundation-model-research", catalog)
    review = stage(kit, "research-review")
    (number,) = review.drawn_from
    assert recommend(spec, catalog).tasks[number - 1].archetype == "researcher"
    assert "paper or ablation" in review.question
    _, engineering = kit_of("rag-support-search", catalog)
    assert "research-review" not in [stage.kind for stage in engineering.stages]


def test_a_split_spec_gets_one_kit_per_role(catalog):
    spec = read_spec(preset_path("two-roles-in-one"))
    r = recommend(spec, catalog)
    roles = roles_to_publish(spec, r, catalog)
    assert len(roles) == 2
    kits = [role.kit for role in roles]
    assert [kit.title for kit in kits] == [f"Interview kit: {role.title}" for role in r.split]
    kinds = [[stage.kind for stage in kit.stages] for kit in kits]
    assert kinds[0] != kinds[1]
    assert "research-review" in kinds[1] and "design" in kinds[0]
    # Attributes name tasks by their number in the spec the lead wrote.
    for kit, role in zip(kits, r.split):
        numbers = {number for stage in kit.stages for attribute in stage.attributes for number in attribute.tasks}
        assert numbers and numbers <= set(role.task_numbers)


def test_a_spec_without_stages_follows_its_archetypes_loop(catalog):
    spec, kit = kit_of("rag-support-search", catalog)
    assert not spec.interview.stages and not kit.own_stages
    loop = catalog.interview.loops[recommend(spec, catalog).hire_archetype]
    assert [(s.kind, s.minutes, s.take_home) for s in kit.stages] == [(s.kind, s.minutes, s.take_home) for s in loop]


def test_the_specs_stages_set_the_order_length_and_take_home(catalog):
    stages = [
        InterviewStage(kind="scenario", minutes=50),
        InterviewStage(kind="exercise", minutes=240, take_home=True, name="Pipeline take-home"),
        InterviewStage(kind="conversation", minutes=25),
    ]
    spec, kit = kit_of("rag-support-search", catalog, stages=stages)
    assert loop_stages(spec, recommend(spec, catalog), catalog) == stages
    assert [(s.name, s.minutes, s.take_home) for s in kit.stages] == [
        ("Broken-production scenario", 50, False),
        ("Pipeline take-home", 240, True),
        ("Production conversation", 25, False),
    ]
    assert kit.minutes == 75
    text = render_kit_markdown(kit)
    assert "## 2. Pipeline take-home (take-home, at most 240 minutes)" in text
    assert "3 stages, 75 minutes of interviews plus a take-home of at most 240 minutes" in text


def test_the_leads_own_prompt_wins_over_one_drawn_from_the_tasks(catalog):
    prompt = "Search answers cite the wrong article since this morning: where do you look first?"
    _, kit = kit_of("fraud-model-operator", catalog, interview_prompt=prompt)
    assert stage(kit, "scenario").question == prompt
    assert stage(kit, "scenario").drawn_from == ()


def test_every_format_shows_the_same_stages_and_escapes_spec_text(catalog):
    source = preset_path("fraud-model-operator").read_text(encoding="utf-8")
    spec = parse_spec(source.replace('name = "Kestrel Pay"', 'name = "<b>Kestrel</b> *Pay*"'))
    kit = build_kit(spec, recommend(spec, catalog), catalog)
    markdown, text, html = render_kit_markdown(kit), render_kit_text(kit), render_kit_html(kit)
    for rendered in (markdown, text, html):
        for number, stage in enumerate(kit.stages, start=1):
            assert f"{number}. {stage.name}" in rendered
    assert "<b>" not in html and "&lt;b&gt;Kestrel&lt;/b&gt;" in html
    assert "<b>Kestrel</b>" not in markdown and "*Pay*" not in markdown
    assert "<b>Kestrel</b> *Pay*" in text


def test_export_writes_each_roles_kit_beside_its_description(tmp_path, capsys):
    code = main(["export", str(preset_path("two-roles-in-one")), "--out", str(tmp_path), "--format", "md,html"])
    assert code == 0, capsys.readouterr().err
    kits = sorted(path.name for path in tmp_path.glob("*.interview.*"))
    assert kits == [
        "fenwick-freight-founding-ai-product-engineer.interview.html",
        "fenwick-freight-founding-ai-product-engineer.interview.md",
        "fenwick-freight-founding-applied-research-scientist.interview.html",
        "fenwick-freight-founding-applied-research-scientist.interview.md",
    ]
    research = (tmp_path / "fenwick-freight-founding-applied-research-scientist.interview.md").read_text("utf-8")
    assert research.startswith("# Interview kit: Founding applied research scientist\n")
    assert "Research review" in research


def test_the_descriptions_interview_section_reads_the_specs_stages(catalog):
    from rolescope.document import build_document

    stages = [
        InterviewStage(kind="scenario", minutes=50),
        InterviewStage(kind="exercise", minutes=240, take_home=True, name="Pipeline take-home"),
    ]
    spec, _ = kit_of("rag-support-search", catalog, stages=stages)
    section = build_document(spec, recommend(spec, catalog), catalog).section("interview")
    assert [(item.label, item.source.field) for item in section.items] == [
        ("Broken-production scenario", "interview.stages[1]"),
        ("Pipeline take-home", "interview.stages[2]"),
    ]
    assert section.items[0].text.endswith("(50 minutes)")
    assert section.items[1].text.endswith("(take-home, at most 240 minutes)")
    # Without stages of its own the loop is the archetype's, and no length is promised.
    plain, _ = kit_of("rag-support-search", catalog)
    items = build_document(plain, recommend(plain, catalog), catalog).section("interview").items
    assert [item.label for item in items] == [
        stage.name for stage in build_kit(plain, recommend(plain, catalog), catalog).stages
    ]
    assert not any("minutes" in item.text for item in items)


def test_a_splits_stages_stay_with_the_larger_role_and_the_other_follows_its_own_loop(catalog):
    from rolescope.split import split_specs

    stages = [InterviewStage(kind="design", minutes=75), InterviewStage(kind="conversation", minutes=20)]
    spec, _ = kit_of("two-roles-in-one", catalog, stages=stages)
    r = recommend(spec, catalog)
    lead, other = split_specs(spec, r, catalog)
    assert lead.interview.stages == stages and other.interview.stages == []
    other_kit = build_kit(other, recommend(other, catalog), catalog)
    assert [stage.kind for stage in other_kit.stages] == [
        stage.kind for stage in catalog.interview.loops[recommend(other, catalog).hire_archetype]
    ]


def test_the_wizards_export_writes_the_kit_beside_the_description(tmp_path, catalog):
    from rolescope.session import Session

    session = Session.open(preset_path("fraud-model-operator"), catalog)
    (role,) = session.export(tmp_path)
    spec_path, jd_path = role.spec_path, role.jd_path
    kit = tmp_path / f"{jd_path.stem}.interview.md"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([spec_path.name, jd_path.name, kit.name])
    assert kit.read_text(encoding="utf-8") == render_kit_markdown(
        build_kit(session.spec, recommend(session.spec, catalog), catalog)
    )
