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


# --- mechanisms added for held-out drafts (tests/drafts_claims); every sentence is new ---

@pytest.mark.parametrize("sentence", [
    # "so much" / "so well" is a degree adverb inside the object, not "so" = therefore
    "Feverfew helped me so much with my cluster headaches.",
    # a base verb after "and" shares the modal before it
    "Melatonin can reset a shifted body clock and ease the fog of jet lag.",
    "Honey has been shown to calm a night-time cough and improve sleep.",
    # "it's as effective as": a contracted copula and degree words before the adjective
    "Arnica gel is sold in most pharmacies. It's as effective as ibuprofen gel for sore knees.",
    # multiword treatments the drug lexicon does not list
    "St John's wort lifted my low mood within a month.",
    "Tai chi cuts the number of falls in frail older people.",
    # adjective + noun makes a condition ("an enlarged prostate", "swollen ankles")
    "Saw palmetto may help with an enlarged prostate.",
    "Compression stockings reduce swollen ankles on long flights.",
    # gold standard, does wonders / more for, makes X more bearable, better than placebo
    "Cognitive behavioural therapy is the gold standard for treating insomnia.",
    "Peppermint oil does wonders for bloating.",
    "Swimming did more for my back pain than any painkiller.",
    "Weekly massage makes fibromyalgia pain more bearable.",
    "Ginger relieved morning sickness faster than a placebo.",
    # a subject compared with a treatment is put forward as one
    "Salt water gargles work better than lozenges for a sore throat.",
    # relief needs no condition word when a treatment gives it
    "Combining paracetamol with ibuprofen gives better relief than either alone.",
    "Omeprazole brings fast relief.",
])
def test_more_claims_are_found(sentence):
    found = claim_texts(*[p.strip() + ("" if p.strip().endswith(".") else ".") for p in sentence.split(". ") if p])
    assert found and found[-1].rstrip(".") in sentence


@pytest.mark.parametrize("sentence", [
    # a lowering verb on a function, not a condition: a harm or a mechanism
    "Finasteride can lower libido in some men.",
    "Topiramate reduces appetite and can slow thinking.",
    "Antihistamines may reduce concentration.",
    # a condition adjective on a cell or receptor: mechanism
    "Lamotrigine calms overactive nerve cells in the brain.",
    # administration advice with a compound side effect
    "Taking iron tablets after a meal prevents an upset stomach.",
    "Building up the dose slowly helps reduce dizziness.",
    # negated lists of verbs
    "This tea is not intended to treat, cure or prevent any disease.",
    # a comparison with a treatment that is negated or limiting
    "Nothing works better than rest for a pulled muscle.",
])
def test_more_non_claims(sentence):
    assert claim_texts(sentence) == []


def test_a_lowering_verb_on_a_function_with_a_trouble_noun_is_a_claim():
    assert claim_texts("Valerian reduces sleep problems in older adults.") != []


def test_a_listicle_heading_takes_its_subject_from_the_title():
    doc = make_document([
        ("heading", "6 Benefits of Green Tea", 1),
        ("paragraph", "Green tea is drunk all over the world."),
        ("heading", "3. Lowers LDL cholesterol", 2),
        ("paragraph", "Drink it without milk."),
        ("heading", "4. Tastes mild", 2),
    ])
    assert [c.text for c in find_claims(doc)] == ["3. Lowers LDL cholesterol"]


def test_a_heading_under_a_risks_title_is_not_a_claim():
    doc = make_document([
        ("heading", "Risks and side effects of green tea extract", 1),
        ("paragraph", "Green tea extract is sold as a capsule."),
        ("heading", "Lowers iron absorption and reduces appetite", 2),
    ])
    assert find_claims(doc) == []


def test_an_outcome_lead_in_with_a_population_and_a_treatment_is_a_benefit_list():
    doc = make_document([
        ("paragraph", "Patients who keep up physiotherapy for six weeks often report:"),
        ("list_item", "less knee pain on stairs"),
        ("list_item", "fewer flare-ups"),
    ])
    (claim,) = find_claims(doc)
    assert claim.cues == ("benefits list",) and claim.text.endswith("fewer flare-ups")


def test_an_outcome_lead_in_about_warning_signs_is_not_a_benefit_list():
    doc = make_document([
        ("paragraph", "Warning signs that patients on lithium may notice:"),
        ("list_item", "shaking hands"),
        ("list_item", "diarrhoea and vomiting"),
    ])
    assert find_claims(doc) == []


def test_gating_phrases_by_their_first_words_changes_nothing():
    # the first-word gate is a shortcut: with every phrase tried everywhere the claims are the same
    import dataclasses
    from pathlib import Path

    from medlint.analysis import claim_lexicon
    from medlint import formats, nlp
    from medlint.document import LintedDocument
    from medlint.source import read_source

    lex = claim_lexicon.load()
    full = dataclasses.replace(lex, phrase_requires={k: frozenset() for k in lex.phrase_requires},
                               prefilter=lex.prefilter.union(*lex.phrase_keywords.values()))
    drafts = sorted(p for p in (Path(__file__).parent / "drafts_claims").iterdir() if p.suffix in (".md", ".html", ".txt"))
    assert len(drafts) >= 8

    def claims_of(path):
        source = read_source(str(path))
        parsed = formats.parse(source)
        return [(c.start, c.end, c.cues) for c in find_claims(LintedDocument(source, parsed, nlp.make_doc(parsed.prose)))]

    gated = [claims_of(p) for p in drafts]
    claim_lexicon.load.cache_clear()
    try:
        import unittest.mock
        with unittest.mock.patch.object(claim_lexicon, "load", lambda: full):
            ungated = [claims_of(p) for p in drafts]
    finally:
        claim_lexicon.load.cache_clear()
    assert sum(map(len, gated)) > 30 and gated == ungated


def test_an_outcome_lead_in_before_harms_to_report_is_not_a_benefit_list():
    doc = make_document([
        ("paragraph", "Patients taking warfarin should report:"),
        ("list_item", "unusual bleeding or bruising"),
        ("list_item", "dark urine"),
    ])
    assert find_claims(doc) == []


@pytest.mark.parametrize("sentence", [
    "Calamine lotion takes the sting out of nettle rash.",
    "A warm bath took the edge off my period cramps.",
    "Aspirin is still the best option for people with a stented artery.",
    "Valerian quiets a racing heart before exams.",
])
def test_idioms_and_conditions_known_by_their_owners(sentence):
    assert claim_texts(sentence) == [sentence]


def test_a_reference_entry_without_a_references_heading_is_not_a_claim():
    doc = make_document([
        ("paragraph", "Chamomile is a popular tea."),
        ("list_item", "Amsterdam JD, et al. Chamomile reduces anxiety symptoms in adults. J Clin Psychopharmacol. 2009."),
        ("list_item", "1. Zick SM, Wright BD, Sen A. Chamomile improves sleep in insomnia. BMC Complement Altern Med. 2011."),
    ])
    assert find_claims(doc) == []


def test_a_coined_product_name_in_the_title_counts_as_a_treatment():
    doc = make_document([
        ("heading", "SnoozeRight Melatonin Gummies", 1),
        ("paragraph", "Made in small batches."),
        ("paragraph", "Honestly, SnoozeRight stopped my night waking within a week."),
    ])
    assert [c.text for c in find_claims(doc)] == ["Honestly, SnoozeRight stopped my night waking within a week."]
    plain = make_document([
        ("heading", "Our bedtime routine", 1),
        ("paragraph", "Honestly, SnoozeRight stopped my night waking within a week."),
    ])
    assert find_claims(plain) == []
