"""placeholder-link (MED101): links that point nowhere real, in markdown, HTML and plain text."""
from __future__ import annotations

import pytest

from conftest import quote_of
from medlint.rules.links.placeholder_link import placeholder_reason

RULE = ["placeholder-link"]


def _quotes(lint, text, fmt="markdown"):
    return [quote_of(text, f) for f in lint(text, fmt=fmt, select=RULE)]


@pytest.mark.parametrize("link", [
    "[the product label](insert link)",
    "[Link 1](#)",
    "[meal plans](TODO)",
    "[the trial](TBD)",
    "[Source Title](http://)",
    "[the study](https://example.com/warfarin-study)",
    "[the study](https://www.example.org/)",
    "[dev copy](http://localhost:8000/warfarin)",
    "[staging](https://cms.staging.local/page)",
    "[test](https://warfarin.test/)",
    "[loopback](http://127.0.0.1/page)",
    "[empty]()",
])
def test_markdown_placeholder_targets_are_flagged_on_the_whole_link(lint, link):
    text = f"# Warfarin\n\nRead {link} before your first dose.\n"
    assert _quotes(lint, text) == [link]


@pytest.mark.parametrize("link", [
    "[the FDA label](https://www.accessdata.fda.gov/scripts/cder/daf/)",
    "[write to us](mailto:pharmacy@clinic-news.org)",
    "[related guide](/guides/apixaban)",
    "[next page](apixaban.html)",
])
def test_real_targets_are_not_flagged(lint, link):
    assert _quotes(lint, f"# Warfarin\n\nSee {link} for more.\n") == []


def test_in_page_anchor_to_an_existing_heading_is_fine_and_a_missing_one_is_flagged(lint):
    text = ("# Warfarin\n\nRead [how to stop](#stopping-warfarin) and [the table](#dose-table).\n\n"
            "## Stopping warfarin\n\nAsk first.\n")
    assert _quotes(lint, text) == ["[the table](#dose-table)"]
    assert _quotes(lint, text.replace("(#dose-table)", "(#top)")) == []


def test_template_slot_text_without_a_real_target_is_flagged(lint):
    text = "# Warfarin\n\nSources: [Source Title](source-title) and [Source Title](https://www.nejm.org/doi/x).\n"
    assert _quotes(lint, text) == ["[Source Title](source-title)"]


def test_html_anchors(lint):
    text = ('<h1>Apixaban</h1>\n<p>Read the <a href="">medication guide</a>, the '
            '<a href="TBD">prescribing information</a>, the <a href="#dosing">dosing section</a> and the '
            '<a href="https://www.cdc.gov/">CDC pages</a>.</p>\n<h2 id="dosing">Dosing</h2>\n<p>Twice a day.</p>\n')
    quotes = _quotes(lint, text, "html")
    assert len(quotes) == 2
    assert "medication guide" in quotes[0] and "prescribing information" in quotes[1]


def test_plain_text_bare_placeholder_url_is_flagged_on_the_url(lint):
    text = ("Apixaban and kidney function\n\nSource: https://example.com/apixaban-renal-study\n"
            "More information: https://www.kidney.org/atoz/content/apixaban\n")
    assert _quotes(lint, text, "text") == ["https://example.com/apixaban-renal-study"]


def test_plain_text_markdown_style_link_lines(lint):
    text = "Apixaban guide\n\nFurther reading\n\n  • Link 1: [Source Title](insert link)\n  • Link 2: [Source Title](insert link)\n"
    findings = lint(text, fmt="text", select=RULE)
    assert [quote_of(text, f) for f in findings] == ["[Source Title](insert link)"] * 2
    assert [f.line for f in findings] == [5, 6]
    assert all(f.severity.value == "error" for f in findings)


@pytest.mark.parametrize("href, flagged", [
    ("", True), ("  ", True), ("#", True), ("insert link", True), ("Insert-Link-Here", True), ("url", True),
    ("xxx", True), ("javascript:void(0)", True), ("http://", True), ("https:///path", True),
    ("https://sub.example.com/a", True), ("https://example.net", True), ("http://localhost", True),
    ("https://site.invalid", True), ("https://docs.example/", True), ("https://yourwebsite.com/post", True),
    ("mailto:", True), ("mailto:someone@example.com", True),
    ("https://www.nhs.uk/medicines/", False), ("mailto:help@nhs.net", False), ("dosage", False),
    ("../warfarin.html", False), ("tel:+441234567890", False), ("https://examples.com/", False),
])
def test_placeholder_reason(href, flagged):
    assert (placeholder_reason(href) is not None) is flagged


@pytest.mark.parametrize("href, flagged", [
    ("https://pubmed.ncbi.nlm.nih.gov/XXXXXXXX/", True), ("https://doi.org/10.xxxx/abcd", True),
    ("https://www.nhs.uk/your-link-here", True), ("https://www.cdc.gov/TODO", True),
    ("https://clinic.org/page?id=XXX", True), ("{{ leaflet_url }}", True), ("${LINK}", True), ("#!", True),
    ("%20", True),
    ("https://www.example-health.org/todo-list-for-visits", False), ("https://www.nhs.uk/conditions/tbd-guide/", False),
    ("https://www.fda.gov/drugs/xxx-tablets", False), ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/", False),
])
def test_placeholder_paths_template_variables_and_script_anchors(href, flagged):
    assert (placeholder_reason(href) is not None) is flagged


def test_html_page_without_any_id_still_has_broken_in_page_links(lint):
    text = '<h1>Dalteparin</h1>\n<p>See the <a href="#dose-chart">dose chart</a> and <a href="#top">top</a>.</p>\n'
    assert _quotes(lint, text, "html") == ['<a href="#dose-chart">dose chart</a>']
    plain = "Dalteparin\n\nSee the [dose chart](#dose-chart) below.\n"
    assert _quotes(lint, plain, "text") == []  # plain text has no ids to check against
