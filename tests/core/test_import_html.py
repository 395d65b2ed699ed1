"""HTML postings as careers pages export them: the page's chrome (cookie banners,
navigation, the site's header and footer, buttons, "similar jobs") is not the
posting, the title is the posting's <h1> (else the page's <title> less the site's
name) and the company the page's own, and every finding names the line of the HTML
file where its words are."""

from __future__ import annotations

import json

import pytest

from rolescope.cli import main
from rolescope.errors import RolescopeError
from rolescope.htmlposting import html_to_posting, title_parts
from rolescope.importer import import_posting

DUTIES = """
    <h2>What you'll do</h2>
    <ul>
      <li>Train and deploy 3D detection models to our on-robot compute using TensorRT</li>
      <li>Build the data pipeline that pulls hard examples from fleet logs into retraining</li>
      <li>Write evaluation suites that run in CI and block regressions before release</li>
    </ul>
"""

CAREERS_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<title>Perception ML Engineer | Careers | Tessellate Robotics</title>
<script>window.dataLayer = [];</script>
<style>.cookie-banner {{ position: fixed }}</style>
</head>
<body>
<div class="cookie-banner" id="cookie-banner">
  <p>We use cookies to improve your experience. <a href="/privacy">Learn more</a></p>
  <button>Accept all</button> <button>Manage preferences</button>
</div>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <nav aria-label="Main"><ul><li><a href="/">Home</a></li><li><a href="/careers">Careers</a></li></ul></nav>
  <p>Request a demo</p>
</header>
<main id="main">
  <div class="breadcrumbs"><a href="/careers">Careers</a> &rsaquo; Perception ML Engineer</div>
  <article class="job-posting">
    <header><h1>Perception ML Engineer</h1><ul class="job-meta"><li>Pittsburgh, PA</li></ul></header>
    <a class="btn btn-primary" href="/apply/4471">Apply now</a>
    {DUTIES}
    <div class="social-share"><p>Share this job</p></div>
  </article>
  <aside class="related-jobs">
    <h2>Similar jobs</h2>
    <ul><li><a href="/careers/4402">Senior Controls Engineer</a></li></ul>
  </aside>
</main>
<div id="onetrust-consent-sdk"><p>Your privacy choices</p></div>
<footer class="site-footer">
  <h4>Company</h4>
  <ul><li><a href="/about">About</a></li></ul>
  <p>Subscribe to our newsletter for the latest updates.</p>
  <form><input type="email"><button>Sign up</button></form>
</footer>
<noscript><p>Please enable JavaScript</p></noscript>
</body>
</html>
"""


def test_a_careers_page_s_chrome_is_not_the_posting():
    text = html_to_posting(CAREERS_PAGE).text
    for chrome in (
        "cookies",
        "Accept all",
        "Skip to content",
        "Home",
        "Request a demo",
        "Careers",
        "Apply now",
        "Share this job",
        "Similar jobs",
        "privacy",
        "newsletter",
        "Sign up",
        "JavaScript",
        "dataLayer",
    ):
        assert chrome not in text
    assert text.startswith("# Perception ML Engineer\n\n- Pittsburgh, PA\n")
    assert "- Build the data pipeline" in text


def test_a_careers_page_imports_with_its_h1_and_the_company_in_its_title(catalog):
    imported = import_posting(CAREERS_PAGE, catalog, fmt="html")
    assert imported.posting_title == "Perception ML Engineer"
    assert imported.spec.company.name == "Tessellate Robotics"
    assert imported.spec.tasks[0].text.startswith("Train and deploy 3D detection")
    assert len(imported.spec.tasks) == 3
    lines = CAREERS_PAGE.splitlines()
    for task, line in zip(imported.spec.tasks, imported.task_lines, strict=True):
        assert "<li>" + task.text in lines[line - 1]


def test_a_banner_or_page_header_holding_the_h1_is_the_posting_s():
    page = f"""<html><body>
<header class="site-header"><div class="hero-banner"><h1>Applied Scientist, Search</h1>
<p>Northwind Retail — Berlin</p></div></header>
<div class="content">{DUTIES}</div>
<footer><p>Imprint</p></footer>
</body></html>"""
    posting = html_to_posting(page)
    assert posting.text.startswith("# Applied Scientist, Search\n\nNorthwind Retail — Berlin\n")
    assert "Imprint" not in posting.text
    assert "- Train and deploy" in posting.text


def test_a_wrapper_whose_class_says_menu_still_holds_the_page():
    page = f"""<html><body class="cookie-consent-pending"><div class="page menu-closed">
<main><h1>ML Platform Engineer</h1>{DUTIES}</main></div></body></html>"""
    assert html_to_posting(page).text.startswith("# ML Platform Engineer\n")


def test_an_article_holding_only_the_title_does_not_hide_the_description():
    page = f"""<html><body><main>
<article class="job-header"><h1>MLOps Engineer</h1></article>
<div class="job-body">{DUTIES}<p>We run 40 models in production for 300 hospitals across Europe.</p></div>
</main></body></html>"""
    text = html_to_posting(page).text
    assert text.startswith("# MLOps Engineer\n")
    assert "- Write evaluation suites" in text


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        ("Perception ML Engineer | Careers | Tessellate Robotics", "Perception ML Engineer", "Tessellate Robotics"),
        ("Tessellate Robotics - Perception ML Engineer", "Perception ML Engineer", "Tessellate Robotics"),
        ("AI Engineer (GenAI) - Versa Assurance", "AI Engineer (GenAI) – Claims Automation", "Versa Assurance"),
        ("Careers – Research scientist, in-car speech", "Research scientist, in-car speech recognition", ""),
        ("Job details | Careers at Acme", "Data Scientist", "Acme"),
        ("Job Application for Data Scientist at Acme AI", "Data Scientist", "Acme AI"),
        ("Data Scientist II", "Data Scientist", ""),
    ],
)
def test_the_company_in_a_page_title_is_the_part_that_is_not_the_h1(title, h1, expected):
    assert title_parts(title, h1) == (h1, expected)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior ML Engineer | Acme Careers", ("Senior ML Engineer", "Acme")),
        ("Senior ML Engineer · Acme", ("Senior ML Engineer", "Acme")),
        ("Careers: Senior ML Engineer", ("Senior ML Engineer", "")),
        ("Research Scientist - Embodied AI", ("Research Scientist - Embodied AI", "")),
        ("Research Scientist - Embodied AI | Jobs at Halcyon", ("Research Scientist - Embodied AI", "Halcyon")),
        ("Careers", ("", "")),
    ],
)
def test_without_an_h1_the_page_title_less_the_site_s_name_is_the_title(title, expected):
    assert title_parts(title) == expected


def test_the_site_s_own_name_marks_it_off_a_title_on_either_side():
    assert title_parts("Acme - Senior ML Engineer", site="Acme") == ("Senior ML Engineer", "Acme")
    assert title_parts("Senior ML Engineer - Acme", site="Acme") == ("Senior ML Engineer", "Acme")


def test_a_place_under_the_title_is_not_the_company_when_the_page_names_itself(catalog):
    page = f"""<html><head><title>Acme - Senior ML Engineer</title><meta property="og:site_name" content="Acme">
</head><body><div class="posting-headline"><h2>Senior ML Engineer</h2><div class="location">Berlin</div></div>
<div class="section">{DUTIES}</div></body></html>"""
    imported = import_posting(page, catalog, fmt="html")
    assert (imported.posting_title, imported.spec.company.name) == ("Senior ML Engineer", "Acme")
    greenhouse = f"""<html><head><title>Job Application for ML Engineer at Acme AI</title></head><body>
<div id="header"><h1 class="app-title">ML Engineer</h1><span class="company-name">at Acme AI</span></div>
<div id="content">{DUTIES}</div></body></html>"""
    imported = import_posting(greenhouse, catalog, fmt="html")
    assert (imported.posting_title, imported.spec.company.name) == ("ML Engineer", "Acme AI")


def test_without_an_h1_the_title_comes_from_the_page_title(catalog):
    page = f"""<html><head><title>Senior ML Engineer | Acme Careers</title></head><body>
<div class="job"><p><a href="/jobs">Back to all jobs</a></p><p>Remote, EU</p>{DUTIES}</div></body></html>"""
    imported = import_posting(page, catalog, fmt="html")
    assert imported.posting_title == "Senior ML Engineer"
    assert imported.spec.company.name == "Acme"


def test_the_company_a_page_declares_is_taken(catalog):
    posting = {"@context": "https://schema.org", "@type": "JobPosting", "hiringOrganization": {"name": "Corvid Labs"}}
    page = f"""<html><head><title>ML Engineer</title>
<meta property="og:site_name" content="Corvid Careers Site">
<script type="application/ld+json">{json.dumps(posting)}</script></head>
<body><main><h1>ML Engineer</h1>{DUTIES}</main></body></html>"""
    assert import_posting(page, catalog, fmt="html").spec.company.name == "Corvid Labs"
    without = page.replace(json.dumps(posting), "{not json")
    assert import_posting(without, catalog, fmt="html").spec.company.name == "Corvid"  # less "Careers Site"


def test_markdown_headers_are_read_as_before(catalog):
    text = "# ML Engineer\n\nAcme — Berlin\n\n## What you'll do\n\n" + "".join(
        f"- {line.strip()[4:-5]}\n" for line in DUTIES.splitlines() if "<li>" in line
    )
    imported = import_posting(text, catalog, fmt="md")
    assert (imported.posting_title, imported.spec.company.name, imported.spec.role.location) == (
        "ML Engineer",
        "Acme",
        "Berlin",
    )


def test_a_page_of_nothing_but_chrome_is_bad_input(tmp_path, capsys, catalog):
    page = tmp_path / "saved.html"
    page.write_text(CAREERS_PAGE.replace(DUTIES, ""), encoding="utf-8")
    with pytest.raises(RolescopeError, match="nothing to import"):
        import_posting(page.read_text(), catalog, fmt="html")
    assert main(["import", str(page)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(page) in err


ATS_EXPORT = """<div class="job-description">
<p><strong>Research Scientist - Embodied AI</strong></p>
<p>Halcyon Dynamics | Palo Alto, CA</p>
<p><strong>WHO WE ARE</strong></p>
<p>
  We are a world-class team.
</p>
<p>Our robots work in 40 warehouses, and we pay
  well; we are the best of the best &amp;
  growing.</p>
<p><strong>WHAT YOU'LL DO</strong></p>
<p>&bull; Develop vision-language-action models for dexterous manipulation<br>
&bull; Run large-scale training jobs on our GPU cluster<br/>
&bull; Design sim-to-real experiments and evaluate policies on hardware<br />
&bull; Be a rockstar who raises the bar</p>
</div>
"""


def _line_of(text: str, words: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if words in line)


def test_each_line_after_a_br_maps_to_its_own_html_line():
    posting = html_to_posting(ATS_EXPORT)
    markdown = posting.text.splitlines()
    for words in ("Develop vision", "Run large-scale", "Design sim-to-real", "rockstar", "world-class"):
        line = next(number for number, text in enumerate(markdown, start=1) if words in text)
        assert posting.source_line(line) == _line_of(ATS_EXPORT, words)


def test_words_inside_a_paragraph_that_spans_lines_map_to_their_own_line():
    posting = html_to_posting(ATS_EXPORT)
    markdown = posting.text.splitlines()
    line = next(number for number, text in enumerate(markdown, start=1) if "Our robots" in text)
    assert posting.source_line(line) == _line_of(ATS_EXPORT, "Our robots")
    column = markdown[line - 1].index("best of the best") + 1
    assert posting.source_line(line, column) == _line_of(ATS_EXPORT, "best of the best")
    assert posting.source_line(line, markdown[line - 1].index("growing") + 1) == _line_of(ATS_EXPORT, "growing")


def test_lint_names_the_html_file_s_lines(tmp_path, capsys):
    page = tmp_path / "posting.html"
    page.write_text(ATS_EXPORT, encoding="utf-8")
    main(["lint", "--json", str(page)])
    found = {(item["rule"], item["line"]) for item in json.loads(capsys.readouterr().out)}
    assert ("empty-label", _line_of(ATS_EXPORT, "rockstar")) in found
    assert ("hype", _line_of(ATS_EXPORT, "world-class")) in found
    # Inside a paragraph that spans lines, the line the words are on.
    assert ("hype", _line_of(ATS_EXPORT, "best of the best")) in found


def test_import_names_the_html_file_s_lines(catalog):
    imported = import_posting(ATS_EXPORT, catalog, fmt="html")
    lines = ATS_EXPORT.splitlines()
    for task, line in zip(imported.spec.tasks, imported.task_lines, strict=True):
        assert task.text in lines[line - 1]
    (rockstar,) = [item for item in imported.unplaced if "rockstar" in item.text]
    assert "rockstar" in lines[rockstar.line - 1]
