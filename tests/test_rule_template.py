"""template-placeholder (MED102): unfilled template text, bylines and front matter."""
from __future__ import annotations

import pytest

from conftest import quote_of

RULE = ["template-placeholder"]


def _quotes(lint, text, fmt="markdown"):
    return [quote_of(text, f) for f in lint(text, fmt=fmt, select=RULE)]


@pytest.mark.parametrize("line, quote", [
    ("[insert dose table for children here]", "[insert dose table for children here]"),
    ("See the chart (insert link) for details.", "(insert link)"),
    ("TODO: add a section on missed doses", "TODO: add a section on missed doses"),
    ("Start at XX mg and increase weekly.", "XX mg"),
    ("The loading dose is xx mg/kg.", "xx mg"),
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "Lorem ipsum dolor sit amet, consectetur adipiscing elit."),
    ("Reviewed for accuracy by [Reviewer Name].", "[Reviewer Name]"),
    ("It lowers blood sugar [citation needed].", "[citation needed]"),
    ("Author: {{ author_name }}", "{{ author_name }}"),
    ("Children's dosing table: TBD", "TBD"),
    ("Ask [Doctor's Name] about it.", "[Doctor's Name]"),
    ("[Name of Drug] lowers blood pressure.", "[Name of Drug]"),
    ("INSERT CHART HERE", "INSERT CHART HERE"),
    ("Updated June 2026 | Author:", "Author:"),
])
def test_placeholders_in_prose(lint, line, quote):
    text = f"# Lisinopril guide\n\n{line}\n"
    assert _quotes(lint, text) == [quote]


@pytest.mark.parametrize("line", [
    "People with XX chromosomes were included.",
    "Make a todo list of your medicines and a tbd note.",
    "Doses are listed in the table [1].",
    "We [the pharmacists] checked every dose.",
    "Stir the powder into water (add a little juice if you like).",
    "The XL tablet is taken once a day.",
])
def test_ordinary_text_is_not_flagged(lint, line):
    assert _quotes(lint, f"# Lisinopril guide\n\n{line}\n") == []


def test_todo_note_spans_its_line_but_a_word_tbd_only_itself(lint):
    text = "# Lisinopril\n\nTODO check the renal dosing. Then publish.\n\nThe review date is TBD for now.\n"
    assert _quotes(lint, text) == ["TODO check the renal dosing.", "TBD"]


def test_placeholder_link_targets_are_left_to_placeholder_link(lint):
    text = "# Lisinopril\n\nRead [the label](TBD) and [the leaflet](insert link).\n"
    assert _quotes(lint, text) == []


def test_empty_byline_followed_by_a_label_or_the_repeated_title(lint):
    text = "# Lisinopril: Doses and Side Effects\n\nWritten by:\n\nLast reviewed: 2026-06-01\n\nLisinopril is an ACE inhibitor.\n"
    assert _quotes(lint, text) == ["Written by:"]
    repeated = "# Lisinopril: Doses and Side Effects\n\nwritten by\n\nLisinopril: Doses and Side Effects\n\nBody text here.\n"
    assert _quotes(lint, repeated) == ["written by"]


def test_byline_followed_by_a_name_is_fine(lint):
    text = "Lisinopril guide\n\nTomas Berg\n\nwritten by\n\nTomas Berg\n\nLisinopril is an ACE inhibitor.\n"
    assert _quotes(lint, text, "text") == []


def test_inline_empty_byline_before_a_separator(lint):
    text = "<h1>Lisinopril</h1>\n<p>Written by: | Updated June 2026</p>\n"
    assert _quotes(lint, text, "html") == ["Written by:"]


def test_front_matter_values(lint):
    text = ('---\ntitle: "Lisinopril basics"\nauthor: "[Author Name]"\nreviewer: ""\n---\n\n'
            "# Lisinopril basics\n\nLisinopril lowers blood pressure.\n")
    findings = lint(text, select=RULE)
    quotes = [quote_of(text, f) for f in findings]
    assert "[Author Name]" in quotes
    assert any(q.startswith("reviewer") for q in quotes)
    assert len(findings) == 2


def test_html_template_variable(lint):
    text = '<h1>Lisinopril</h1>\n<p class="meta">Updated 2026-05-02 | Author: {{ writer.name }}</p>\n'
    assert _quotes(lint, text, "html") == ["{{ writer.name }}"]


@pytest.mark.parametrize("line, quote", [
    ("Titrate to X mg by week three.", "X mg"),
    ("The launch date for the pediatric syrup is TK.", "TK"),
    ("Replace <<CLINIC NAME>> before sending.", "<<CLINIC NAME>>"),
    ("Ask <PHARMACIST NAME> for a refill.", "<PHARMACIST NAME>"),
    ("Swallow the capsule whole [REF].", "[REF]"),
    ("Call [phone number] for refills.", "[phone number]"),
    ("[describe the injection steps]", "[describe the injection steps]"),
    ("Signature of prescriber: ______", "______"),
])
def test_more_slot_shapes(lint, line, quote):
    assert _quotes(lint, f"# Budesonide inhaler\n\n{line}\n") == [quote]
    assert _quotes(lint, f"Budesonide inhaler\n\n{line}\n", "text") == [quote]


@pytest.mark.parametrize("line", [
    "Thymidine kinase (TK) is an enzyme, and TK levels were measured.",
    "The patient said it [the inhaler] made her hoarse [sic].",
    "Use the <b>blue</b> inhaler first.",
    "An X-ray is not needed before the first dose.",
])
def test_more_ordinary_text(lint, line):
    assert _quotes(lint, f"# Budesonide inhaler\n\n{line}\n") == []


def test_empty_byline_followed_by_the_date_line(lint):
    html = ('<h1>Budesonide inhaler</h1>\n<p class="byline">By </p>\n'
            '<p class="date">Posted March 2, 2026 &middot; 4&nbsp;min read</p>\n<p>Rinse after use.</p>\n')
    assert _quotes(lint, html, "html") == ["By"]


@pytest.mark.parametrize("line, quote", [
    ("Insert citation here.", "Insert citation here."),
    ("The trial results are shown in Figure X.", "Figure X"),
    ("Call XXX-XXX-XXXX for refills.", "XXX-XXX-XXXX"),
    ("Valid until MM/DD/YYYY.", "MM/DD/YYYY"),
    ("Budesonide is a steroid [Source: ].", "[Source: ]"),
    ("Tags: [keyword 2]", "[keyword 2]"),
    ("Call [Your clinic's phone number] to book.", "[Your clinic's phone number]"),
])
def test_editor_instructions_and_format_slots(lint, line, quote):
    assert _quotes(lint, f"# Budesonide inhaler\n\n{line}\n") == [quote]


@pytest.mark.parametrize("line", [
    "Insert the needle here.",
    "Then add a link to your notes so you remember.",
    "Bring a photo ID. Your X-ray results are ready.",
    "[The pharmacist] told me [sic] to wait.",
])
def test_ordinary_instructions_are_not_editor_notes(lint, line):
    assert _quotes(lint, f"# Budesonide inhaler\n\n{line}\n") == []


@pytest.mark.parametrize("following", ["From the Research", "Key takeaways", "Tizanidine is a muscle relaxant."])
def test_empty_byline_followed_by_a_heading_or_a_sentence(lint, following):
    text = f"Tizanidine for spasticity\n\nMedically reviewed by:\n\n{following}\n\nTizanidine relaxes muscle tone in adults.\n"
    assert _quotes(lint, text, "text") == ["Medically reviewed by:"]


@pytest.mark.parametrize("name", ["Dr. Ines de la Vega, MD", "K. L. Mbeki", "Oren Talbot, consultant pharmacist",
                                  "the CarePath editorial team", "pharmabot"])
def test_byline_whose_name_stands_on_the_next_line(lint, name):
    text = f"Tizanidine for spasticity\n\nMedically reviewed by:\n\n{name}\n\nTizanidine relaxes muscle tone in adults.\n"
    assert _quotes(lint, text, "text") == []
