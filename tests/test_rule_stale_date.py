"""stale-review-date (MED501): old review labels, undated labels, front matter and options."""
from __future__ import annotations

import pytest

from conftest import quote_of

RULE = ["stale-review-date"]


def _quotes(lint, text, fmt="markdown", **kwargs):
    return [quote_of(text, f) for f in lint(text, fmt=fmt, select=RULE, **kwargs)]


@pytest.mark.parametrize("label", [
    "Last updated: June 3, 2023",
    "Last updated: March 2025",
    "Last updated: 08/14/2024",
    "Medically reviewed by Dr. J. Okoro on February 2, 2025",
    "Page last reviewed: 10 May 2024",
    "Updated Apr. 2025",
    "Last reviewed: 2023",
])
def test_stale_labels_are_flagged_on_label_and_date(lint, label):
    text = f"Losartan for blood pressure\n\n{label}\n\nLosartan is an angiotensin receptor blocker.\n"
    findings = lint(text, fmt="text", select=RULE)
    assert [quote_of(text, f) for f in findings] == [label]
    assert "months old" in findings[0].message


@pytest.mark.parametrize("label", [
    "Last reviewed: 2026-02-10",
    "Updated October 2, 2026",
    "Medically reviewed by Priya Raman, PharmD, on 3 September 2026",
    "Last updated: December 2025",
])
def test_recent_labels_are_fine(lint, label):
    assert _quotes(lint, f"Losartan\n\n{label}\n\nLosartan is an ARB.\n", "text") == []


@pytest.mark.parametrize("line", [
    "(c) 2019 Heart Health Library. All rights reserved.",
    "In 2013 the FDA warned about this combination.",
    "A study published in 1998 found a benefit.",
    "Updated guidelines published in March 2019 recommend it.",
    "Your doctor reviewed the results on March 3, 2019.",
])
def test_years_in_prose_are_not_review_dates(lint, line):
    assert _quotes(lint, f"Losartan\n\nLast updated: October 2026\n\n{line}\n", "text") == []


def test_byline_after_separator_and_in_html(lint):
    html = ('<h1>Losartan</h1>\n<p class="byline">By Staff Writer | Last updated: 08/14/2024</p>\n'
            '<p>Written by A. Lind, PharmD. Medically reviewed by S. Achebe, MD, on <time datetime="2026-07-09">'
            'July 9, 2026</time>.</p>\n')
    assert _quotes(lint, html, "html") == ["Last updated: 08/14/2024"]


def test_front_matter_review_key(lint):
    text = "---\ntitle: Losartan\nreviewed: 2024-03-02\n---\n\n# Losartan\n\nLosartan is an ARB.\n"
    assert _quotes(lint, text) == ["reviewed: 2024-03-02"]
    fresh = "---\nlast_updated: 2026-08-14\n---\n\n# Losartan\n\nLosartan is an ARB.\n"
    assert _quotes(lint, fresh) == []


def test_label_without_a_date_is_flagged_only_when_no_dated_label_exists(lint):
    text = "Losartan\n\nReviewed by: Medical Content Team\n\nLosartan is an ARB.\n"
    findings = lint(text, fmt="text", select=RULE)
    assert [quote_of(text, f) for f in findings] == ["Reviewed by: Medical Content Team"]
    assert "no date" in findings[0].message
    dated = "Losartan\n\nReviewed by: Medical Content Team\n\nLast updated: October 2026\n\nLosartan is an ARB.\n"
    assert _quotes(lint, dated, "text") == []


def test_max_review_age_and_date_order_options(lint):
    text = "Losartan\n\nLast updated: 10/04/2026\n\nLosartan is an ARB.\n"
    assert _quotes(lint, text, "text") == []  # 4 October 2026
    assert _quotes(lint, text, "text", rule_options={"stale-review-date": {"date-order": "dmy"}}) == []  # 10 April 2026
    six = {"stale-review-date": {"max-review-age": 6, "date-order": "dmy"}}
    assert _quotes(lint, text, "text", rule_options=six) == ["Last updated: 10/04/2026"]
    assert _quotes(lint, text, "text", rule_options={"stale-review-date": {"max-review-age": 6}}) == []
    assert _quotes(lint, text, "text", today="2028-01-01") == ["Last updated: 10/04/2026"]
    assert _quotes(lint, text, "text", today="2027-05-01", options={"date-order": "dmy"}) == ["Last updated: 10/04/2026"]


def test_date_on_the_line_after_its_label(lint):
    text = "Losartan\n\nLast updated:\n\nMay 3, 2023\n\nLosartan is an ARB.\n"
    findings = lint(text, fmt="text", select=RULE)
    assert [quote_of(text, f) for f in findings] == ["Last updated:\n\nMay 3, 2023"]
    assert "months old" in findings[0].message


def test_date_in_the_next_byline_segment(lint):
    html = '<h1>Losartan</h1>\n<p class="byline">Medically reviewed by Dr. T. Berg, nephrologist | March 2024</p>\n'
    assert _quotes(lint, html, "html") == ["Medically reviewed by Dr. T. Berg, nephrologist | March 2024"]
    fresh = html.replace("March 2024", "October 2026")
    assert _quotes(lint, fresh, "html") == []


def test_a_byline_chain_with_one_date_gives_one_finding(lint):
    text = ("<h1>Losartan</h1>\n<p>Medically reviewed by <a href=\"/r/ana\">Ana Ruiz, MD</a> &mdash; Written by "
            "Sam Cole &mdash; Updated on <time datetime=\"2024-03-02\">March 2, 2024</time></p>\n<p>Losartan is an ARB.</p>\n")
    quotes = _quotes(lint, text, "html")
    assert len(quotes) == 1 and quotes[0].startswith("Updated on") and quotes[0].endswith("March 2, 2024")


@pytest.mark.parametrize("label", [
    "Last revision: July 2024",
    "Last update: 2 May 2024",
    "This article was last updated on the 4th of March, 2024",
    "Last medically reviewed on March 3, 2024",
])
def test_more_label_wordings(lint, label):
    text = f"Edoxaban and your kidneys\n\n{label}\n\nEdoxaban is an anticoagulant.\n"
    assert _quotes(lint, text, "text") == [label]


def test_label_words_inside_running_prose_are_not_labels(lint):
    text = ("Edoxaban and your kidneys\n\nThe last update to the label came in 2021, and we last reviewed "
            "the trial data in 2020.\n\nEdoxaban is an anticoagulant.\n")
    assert _quotes(lint, text, "text") == []


@pytest.mark.parametrize("key", ["dateModified", "last_modified_at", "medically_reviewed_on", "Last Reviewed"])
def test_other_front_matter_spellings_with_a_date(lint, key):
    text = f"---\ntitle: Edoxaban\n{key}: 2024-01-05\n---\n\n# Edoxaban\n\nEdoxaban is an anticoagulant.\n"
    assert _quotes(lint, text) == [f"{key}: 2024-01-05"]


def test_front_matter_keys_that_are_not_review_dates(lint):
    text = ("---\nnext_review: 2024-01-01\nreviewed_by: Dr. Ana Ruiz\nreview_status: \"\"\nupdated: 2026-10-01\n---\n\n"
            "# Edoxaban\n\nEdoxaban is an anticoagulant.\n")
    assert _quotes(lint, text) == []


def test_a_weekday_before_the_date(lint):
    text = "Edoxaban\n\nUpdated: Tuesday, 5 September 2023\n\nEdoxaban is an anticoagulant.\n"
    assert _quotes(lint, text, "text") == ["Updated: Tuesday, 5 September 2023"]


@pytest.mark.parametrize("label", [
    "Last reviewed: N/A",
    "Page last updated: TBD",
    "Medically reviewed: pending",
    "Last reviewed: —",
    "Last updated: [review date]",
    "Last updated: DD/MM/YYYY",
    "Last reviewed: not yet.",
])
def test_a_label_whose_value_says_there_is_no_date_is_undated(lint, label):
    text = f"Ramipril tablets\n\n{label}\n\nRamipril is an ACE inhibitor.\n"
    findings = lint(text, fmt="text", select=RULE)
    assert [quote_of(text, f).rstrip(".") for f in findings] == [label.rstrip(".")]
    assert "no date" in findings[0].message


@pytest.mark.parametrize("label", [
    "Last updated: none of the ramipril doses changed this year.",
    "Last updated: 2 weeks ago",
])
def test_a_label_followed_by_words_that_only_start_like_a_slot_is_not_undated(lint, label):
    assert _quotes(lint, f"Ramipril tablets\n\n{label}\n\nRamipril is an ACE inhibitor.\n", "text") == []
