"""MED201 unsupported-efficacy-claim: uncited efficacy claims, in every format."""
from __future__ import annotations

from conftest import quote_of

RULE = ["unsupported-efficacy-claim"]


def flagged(lint, text, fmt="markdown"):
    return [quote_of(text, f) for f in lint(text, fmt=fmt, select=RULE)]


def test_uncited_claim_is_flagged_on_its_sentence(lint):
    text = "# Naproxen\n\nNaproxen is an NSAID. Naproxen eases period pain within an hour. Take it with food.\n"
    assert flagged(lint, text) == ["Naproxen eases period pain within an hour."]


def test_claims_with_a_citation_are_not_flagged(lint):
    text = (
        "Naproxen eases period pain [1].\n\n"
        "Montelukast reduces asthma attacks in children (Knorr et al., 2001).\n\n"
        "Zinc shortens colds, according to [a Cochrane review](https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD001364.pub5/full).\n"
    )
    assert flagged(lint, text) == []


def test_a_citation_at_the_end_of_a_paragraph_does_not_cover_earlier_sentences(lint):
    text = "Ginger settles nausea in pregnancy. It is sold as tea or capsules [2].\n"
    assert flagged(lint, text) == ["Ginger settles nausea in pregnancy."]


def test_hedged_claim_message_mentions_hedging(lint):
    text = "Some studies suggest that peppermint oil may ease the pain of irritable bowel syndrome.\n"
    (finding,) = lint(text, select=RULE)
    assert "hedg" in finding.message.lower()
    (plain,) = lint("Peppermint oil eases the pain of irritable bowel syndrome.\n", select=RULE)
    assert "hedg" not in plain.message.lower()


def test_benefit_list_is_one_finding_from_lead_in_to_last_item(lint):
    text = (
        "## Why people take turmeric\n\n"
        "The benefits of turmeric include:\n\n"
        "- Less joint pain in osteoarthritis\n"
        "- Lower inflammation\n"
        "- Relief from indigestion\n\n"
        "Turmeric can stain clothes.\n"
    )
    (quote,) = flagged(lint, text)
    assert quote.startswith("The benefits of turmeric include:")
    assert quote.endswith("Relief from indigestion")


def test_benefit_list_with_a_cited_lead_in_is_not_flagged(lint):
    text = (
        "The benefits of turmeric include [3]:\n\n"
        "- Less joint pain in osteoarthritis\n"
        "- Lower inflammation\n"
    )
    assert flagged(lint, text) == []


def test_non_claims_are_not_flagged(lint):
    text = (
        "Cetirizine is not a first-line treatment for chronic hives, and it does not help with insect stings.\n\n"
        "Cetirizine works by blocking histamine receptors.\n\n"
        "Cetirizine is approved for hay fever and is used to treat hives.\n\n"
        "Taking it at bedtime reduces daytime drowsiness.\n\n"
        "## Can cetirizine help with eczema?\n\n"
        "Talk to your pharmacist about whether cetirizine could help your itching.\n"
    )
    assert flagged(lint, text) == []


def test_html_claim_maps_to_source_offsets(lint):
    text = ("<html><body><h1>Omeprazole</h1>"
            "<p>Omeprazole <em>quickly</em> heals stomach ulcers.</p>"
            "<p>It is taken before breakfast.</p></body></html>")
    assert flagged(lint, text, fmt="html") == ["Omeprazole <em>quickly</em> heals stomach ulcers."]


def test_plain_text_claim(lint):
    text = "Loratadine guide\n\nLoratadine relieves sneezing and itchy eyes.\nIt is taken once a day.\n"
    assert flagged(lint, text, fmt="text") == ["Loratadine relieves sneezing and itchy eyes."]


def test_references_section_is_not_linted_for_claims(lint):
    text = (
        "Naproxen is an NSAID.\n\n"
        "## References\n\n"
        "1. Marjoribanks J. Naproxen relieves primary dysmenorrhoea. Cochrane Database Syst Rev. 2015.\n"
    )
    assert flagged(lint, text) == []


def test_a_numbered_listicle_heading_is_flagged_on_the_heading(lint):
    text = ("# 5 Reasons to Try Turmeric\n\nTurmeric is a spice.\n\n## 2. Soothes arthritis pain\n\n"
            "Add it to curries.\n")
    assert flagged(lint, text) == ["2. Soothes arthritis pain"]


def test_an_html_outcome_list_is_one_finding_from_lead_in_to_last_item(lint):
    text = ("<p>Adults who take a daily fibre supplement often notice:</p>"
            "<ul><li>less bloating</li><li>fewer hard stools</li></ul>")
    assert flagged(lint, text, fmt="html") == [
        "Adults who take a daily fibre supplement often notice:</p><ul><li>less bloating</li><li>fewer hard stools"]


def test_an_outcome_list_without_a_treatment_is_not_flagged(lint):
    # who smokes is no treatment: the items are harms, not benefits
    text = "People who smoke for years often notice:\n\n- a morning cough\n- shortness of breath\n"
    assert flagged(lint, text) == []


def test_a_citation_inside_the_sentence_covers_its_later_clauses(lint):
    text = "<p>Heat wraps may ease back pain<sup>3</sup>, and a TENS unit can ease muscle spasm.</p>"
    assert flagged(lint, text, fmt="html") == []
