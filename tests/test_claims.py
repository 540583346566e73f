"""Efficacy-claim detection (medlint.analysis.claims): treatment subject + efficacy
predicate + condition object, with negation/hedging scope and benefit lists."""
from __future__ import annotations

import pytest

from medlint.analysis.claims import find_claims

from nlp_docs import make_document, paragraphs


def claim_texts(*texts: str) -> list[str]:
    return [c.text for c in find_claims(paragraphs(*texts))]


@pytest.mark.parametrize("sentence", [
    "Naproxen eases period pain within an hour.",
    "Montelukast may reduce the number of asthma attacks.",
    "Regular stretching has been shown to relieve lower back pain.",
    "Statins lower cholesterol and cut the risk of a heart attack.",
    "Zinc lozenges shorten the length of a cold.",
    "Fexofenadine offers quick relief from hay fever.",
    "Colchicine is highly effective at treating gout flares.",
    "Sumatriptan works better than paracetamol for migraine.",
    "Ashwagandha is a natural remedy for stress.",
    "Alternating ice and heat eases a stiff back and muscle pain.",
    "A five-day course clears most ear infections.",
    "Most patients taking omeprazole feel better within a week.",
    "Lamotrigine, which stabilises mood, is taken once a day.",
    "Buspirone is a medicine that relieves anxiety.",
    "Benefits of acupuncture include less back pain and better sleep.",
    "Ibuprofen works quickly to relieve a toothache.",
    "Bupropion does not cause weight gain and may even help you quit smoking.",
    "Many patients report feeling calmer within weeks of starting buspirone.",
    "Combining naltrexone with counselling produces better results than either alone.",
    "Taking aspirin at night prevents more heart attacks than taking it in the morning.",
    "A three-day course of fluconazole wipes out thrush.",
    "Ramipril is a proven way to prevent kidney damage.",
    "Zopiclone keeps you asleep until morning.",
    "Cortisone injections into the knee cure arthritis pain.",
])
def test_claims_are_found(sentence):
    assert claim_texts(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    # negated or limiting
    "Melatonin does not cure insomnia.",
    "There is no evidence that homeopathic drops relieve allergies.",
    "Ranitidine is not a first-line treatment for ulcers.",
    "Quetiapine is not as effective as sertraline for anxiety.",
    "Valerian has not been shown to improve sleep.",
    "Levothyroxine does not replace a healthy diet for weight loss.",
    # use, approval, mechanism
    "Doxepin is used to treat insomnia in older adults.",
    "Lisinopril is approved for high blood pressure and heart failure.",
    "Famotidine works by reducing the acid your stomach makes.",
    "Pregabalin binds to calcium channels in nerve cells, which reduces the release of glutamate.",
    # administration advice, consulting, conditions, questions
    "Taking naproxen with a meal reduces stomach upset.",
    "Take the capsule at bedtime to prevent daytime drowsiness.",
    "Tapering slowly reduces withdrawal symptoms.",
    "Ask your pharmacist whether an antihistamine could help with your hay fever.",
    "If the cream does not soothe your eczema within two weeks, see a GP.",
    "Can montelukast help with hay fever?",
    # no treatment subject, or no condition object
    "Reading the label can help you avoid mistakes.",
    "Your doctor may lower your dose if you feel dizzy.",
    "Nurses can help you use your inhaler correctly.",
    "Bupropion can lower the seizure threshold.",
    "Amlodipine can lower blood pressure too much in older adults.",
    "Side effects of statins can reduce your quality of life.",
    "Alcohol reduces the effectiveness of some antibiotics.",
    "Several other medicines that treat depression are available.",
    "Sertraline is used to help manage symptoms of depression.",
    "Doctors may prescribe pregabalin to help control seizures.",
    "Your doctor can help you decide whether sertraline is right for you.",
    "Giving the syrup with a snack can reduce tummy upset.",
    "People taking lamotrigine should keep a record of their seizures.",
])
def test_non_claims(sentence):
    assert claim_texts(sentence) == []


def test_hedged_claims_are_claims_and_marked():
    (hedged,) = find_claims(paragraphs("Some research suggests pregabalin may be effective for anxiety."))
    (plain,) = find_claims(paragraphs("Pregabalin is effective for nerve pain."))
    assert hedged.hedged and not plain.hedged


def test_cues_name_the_predicates():
    (claim,) = find_claims(paragraphs("Cetirizine relieves sneezing and calms itchy eyes."))
    assert claim.cues == ("relieves", "calms")


def test_a_pronoun_refers_back_to_a_recent_treatment():
    assert claim_texts("Loratadine is sold over the counter.", "It clears a runny nose.") == ["It clears a runny nose."]
    assert claim_texts("The weather turned cold.", "It clears a runny nose.") == []


def test_a_pronoun_does_not_reach_far_back():
    texts = ["Loratadine is sold over the counter."] + ["The shop was busy."] * 5 + ["It clears a runny nose."]
    assert claim_texts(*texts) == []


def test_an_impersonal_it_is_not_the_drug():
    assert claim_texts("Naproxen is cheap.", "It helps to keep a diary of your migraines.") == []


def test_only_the_claim_sentence_is_the_span():
    doc = paragraphs("Cetirizine is an antihistamine. It relieves hives quickly. Take one tablet a day.")
    (claim,) = find_claims(doc)
    assert doc.prose[claim.start:claim.end] == "It relieves hives quickly."


def test_cited_claims_are_still_claims():
    assert claim_texts("Naproxen eases period pain [2].") == ["Naproxen eases period pain [2]."]


def test_benefit_list_is_one_claim_from_lead_in_to_last_item():
    doc = make_document([
        ("paragraph", "Magnesium is widely sold. The potential benefits of magnesium include:"),
        ("list_item", "Fewer migraine attacks"),
        ("list_item", "Easing muscle cramps at night"),
        ("list_item", "Better sleep"),
        ("paragraph", "Ask a pharmacist before you buy it."),
    ])
    (claim,) = find_claims(doc)
    assert doc.prose[claim.start:claim.end].startswith("The potential benefits of magnesium include:")
    assert doc.prose[claim.start:claim.end].endswith("Better sleep")
    assert claim.hedged and claim.cues == ("benefits list",)


def test_list_with_a_neutral_lead_in_is_not_a_claim():
    doc = make_document([
        ("paragraph", "Things to remember when taking warfarin include:"),
        ("list_item", "Checking for signs of bleeding"),
        ("list_item", "Having regular INR blood tests"),
    ])
    assert find_claims(doc) == []


def test_plain_text_bullets_after_a_lead_in():
    doc = paragraphs("Benefits of ginger for travellers include:", "- Less motion sickness", "- Calmer stomach")
    (claim,) = find_claims(doc)
    assert doc.prose[claim.start:claim.end].endswith("- Calmer stomach")


def test_reference_and_related_sections_are_skipped():
    doc = make_document([
        ("heading", "References", 2),
        ("list_item", "Smith J. Naproxen relieves period pain in young women. BMJ. 2019."),
        ("heading", "Related questions", 2),
        ("paragraph", "Ibuprofen reduces swelling after a sprain"),
    ])
    assert find_claims(doc) == []


def test_lead_in_naming_what_a_treatment_can_do():
    doc = make_document([
        ("paragraph", "Here is what melatonin can do for you:"),
        ("list_item", "Shorten jet lag"),
        ("list_item", "Help you fall asleep"),
    ])
    assert len(find_claims(doc)) == 1


def test_a_list_of_pros_and_cons_is_not_a_benefit_claim():
    doc = make_document([
        ("paragraph", "The benefits and risks of codeine include:"),
        ("list_item", "Relief from a dry cough"),
        ("list_item", "Constipation and drowsiness"),
    ])
    assert find_claims(doc) == []


def test_items_and_cells_that_open_with_the_verb_take_the_subject_from_above():
    doc = make_document([
        ("heading", "Why people take turmeric", 2),
        ("list_item", "Eases joint pain"),
        ("table_cell", "Naproxen", 0, 1),
        ("table_cell", "Relieves period pain", 0, 1),
        ("heading", "Side effects of naproxen", 2),
        ("list_item", "Reduces appetite"),
    ])
    assert [c.text for c in find_claims(doc)] == ["Eases joint pain", "Relieves period pain"]
