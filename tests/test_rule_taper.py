"""MED303 missing-taper-warning and the taper-advice sentence detector."""
from __future__ import annotations

import pytest

from conftest import quote_of
from medlint.rules.dosing.taper_advice import is_taper_advice

RULE = ["missing-taper-warning"]


def drugs_flagged(lint, text, fmt="markdown"):
    return [quote_of(text, f) for f in lint(text, fmt, select=RULE)]


@pytest.mark.parametrize("sentence", [
    "Do not stop taking venlafaxine suddenly.",
    "Never quit baclofen cold turkey.",
    "Stopping it abruptly can trigger seizures.",
    "Your doctor will taper the dose over a month.",
    "Follow the tapering schedule your doctor gives you.",
    "The dose should be lowered slowly before you stop.",
    "Reduce the dosage gradually under supervision.",
    "Dose reduction should be gradual.",
    "Wean off the medicine over several weeks.",
    "Avoid rapid dose reduction.",
    "A single dose can be stopped without tapering.",   # stopping addressed: no taper needed
    "Your doctor may suggest halving the dose for a week before stopping.",
    "Don't quit it all of a sudden.",
])
def test_taper_advice(sentence):
    assert is_taper_advice(sentence)


@pytest.mark.parametrize("sentence", [
    "Withdrawal symptoms such as sweating and nausea can occur.",
    "The converted amount is then reduced to allow for incomplete cross-tolerance.",
    "The dose can be gradually increased every week.",
    "Should I taper off venlafaxine?",
    "Stop taking it and call your doctor immediately if you get a rash.",
    "Pain slowly decreases over a few days.",
    "Talk to your doctor before changing your treatment.",
    "Cut the dose in half if you feel drowsy.",
])
def test_not_taper_advice(sentence):
    assert not is_taper_advice(sentence)


def test_main_subject_with_dose_and_no_advice_is_flagged_on_first_mention(lint):
    text = ("# Venlafaxine for depression\n\n"
            "Venlafaxine is an SNRI. Adults usually start with 75 mg a day.\n")
    findings = lint(text, select=RULE)
    assert [quote_of(text, f) for f in findings] == ["Venlafaxine"]
    assert findings[0].start == text.index("Venlafaxine")
    assert findings[0].message.startswith("'venlafaxine' (SNRI antidepressant) is discussed as a treatment")
    assert "labels recommend a gradual reduction" in findings[0].message


def test_a_bare_withdrawal_mention_is_not_a_warning(lint):
    text = ("# Tapentadol for pain\n\nThe usual dose is 50 mg every 4 to 6 hours.\n\n"
            "Withdrawal symptoms can appear after regular use.\n")
    assert drugs_flagged(lint, text) == ["Tapentadol"]


@pytest.mark.parametrize("warning", [
    "Do not stop taking tapentadol suddenly.",                   # names the drug
    "Opioids should never be stopped abruptly.",                 # names the class
    "Do not stop taking this medicine suddenly.",                # names neither: main subject
    "Nucynta must be tapered when it is discontinued.",          # names a brand of it
])
def test_a_warning_covers_the_drug(lint, warning):
    text = f"# Tapentadol for pain\n\nThe usual dose is 50 mg every 4 to 6 hours. {warning}\n"
    assert drugs_flagged(lint, text) == []


def test_a_class_warning_covers_only_its_class(lint):
    text = ("# Night-time medicines\n\nSome adults take 1 mg of lorazepam and 25 mg of atenolol.\n\n"
            "Benzodiazepines should never be stopped suddenly.\n")
    assert drugs_flagged(lint, text) == ["atenolol"]


def test_a_dosed_drug_that_is_not_the_subject_is_checked(lint):
    text = ("# Managing migraine\n\nTriptans treat attacks. Some people take propranolol 40 mg twice "
            "daily to prevent them.\n")
    assert drugs_flagged(lint, text) == ["propranolol"]


def test_passing_mentions_are_not_checked(lint):
    text = ("# Metformin basics\n\nMetformin is usually started at 500 mg with dinner. Tell your "
            "doctor if you also take prednisone or quetiapine.\n\n"
            "## Related questions\n\nWhat is the usual dose of sertraline, 50 mg?\n")
    assert drugs_flagged(lint, text) == []


def test_local_products_are_not_systemic(lint):
    text = ("# Hydrocortisone cream for eczema\n\n"
            "Apply hydrocortisone cream 1% thinly twice a day; a 30 g tube lasts weeks.\n")
    assert drugs_flagged(lint, text) == []


def test_most_mentioned_drug_is_the_subject(lint):
    text = ("Living with epilepsy\n\nLamotrigine helps many people. Lamotrigine can cause a rash. "
            "Ask before combining lamotrigine with other medicines.\n")
    assert drugs_flagged(lint, text, "text") == ["Lamotrigine"]


def test_one_finding_per_drug_and_brand(lint):
    text = ("# Klonopin (clonazepam)\n\nClonazepam is often started at 0.25 mg twice daily. "
            "Klonopin wafers dissolve in the mouth.\n")
    assert drugs_flagged(lint, text) == ["Klonopin"]


def test_drugs_outside_the_classes(lint):
    text = "# Amoxicillin for ear infections\n\nChildren often take 40 mg/kg a day of amoxicillin.\n"
    assert drugs_flagged(lint, text) == []


@pytest.mark.parametrize("sentence", [
    "If you stop taking it too quickly, you may feel dizzy.",
    "Abrupt cessation is not recommended after long-term use.",
])
def test_conditional_and_recommendation_warnings(sentence):
    assert is_taper_advice(sentence)


def test_stopping_for_a_side_effect_is_not_taper_advice():
    assert not is_taper_advice("Stop taking it immediately and get help if you have a serious allergic reaction.")


def test_front_matter_title_names_the_subject(lint):
    text = ("---\ntitle: Guanfacine for ADHD\n---\n\nIt is a once-daily tablet. Tell your doctor about "
            "guanfacine if you faint.\n")
    assert drugs_flagged(lint, text) == ["guanfacine"]


def test_gradual_over_a_spelled_out_period():
    assert is_taper_advice("If you decide to stop, your neurologist will lower the amount over two to four weeks.")


@pytest.mark.parametrize("sentence", [
    "Your psychiatrist will step down the dose over about a month.",
    "A step-down schedule is usually agreed with the clinic.",
    "Beta-blockers should be tapered, not stopped overnight.",
    "Don't go cold turkey after months of daily use.",
    "Halve the amount for a week, then stop.",
    "Strong painkillers like this should be reduced slowly.",
    "It should be reduced gradually once the flare settles.",
    "Your care team may titrate it down over a few weeks.",
])
def test_more_taper_wordings(sentence):
    assert is_taper_advice(sentence)


@pytest.mark.parametrize("sentence", [
    "Bruising from the injection usually tapers off within a week.",
    "Side effects tend to taper off as your body adjusts to the medicine.",
    "Hold the tapered end of the nozzle against the skin.",
    "Most babies are weaned gradually from breast milk.",
    "The itching faded slowly after stopping the cream.",
    "Headaches from caffeine withdrawal ease gradually.",
    "Try to stop snacking gradually in the evening.",
])
def test_taper_words_in_other_senses_are_not_advice(sentence):
    assert not is_taper_advice(sentence)


def test_a_dose_that_names_no_drug_belongs_to_the_previous_sentence_subject(lint):
    text = ("# Sleep problems\n\nMost people manage with sleep hygiene alone. Sleep hygiene is enough for many.\n\n"
            "Mirtazapine is sometimes used at night. A typical dose is 7.5 mg at bedtime.\n")
    assert drugs_flagged(lint, text) == ["Mirtazapine"]


def test_a_dose_list_under_a_drug_heading_belongs_to_that_drug(lint):
    text = ("# Angina treatment options\n\nSeveral medicines help.\n\n## Nadolol\n\n"
            "- Starting dose: 40 mg once daily\n- Usual range: 80 to 240 mg once daily\n")
    assert drugs_flagged(lint, text) == ["Nadolol"]


def test_a_following_dose_is_not_pinned_on_a_drug_named_in_an_aside(lint):
    text = ("# Blood pressure tablets\n\nRamipril is often first choice.\n\n"
            "People who cough with it, unlike those taking atenolol or nifedipine, may switch. "
            "The usual dose is 10 mg.\n")
    assert drugs_flagged(lint, text) == []


@pytest.mark.parametrize("warning, flagged", [
    ("\u03b2-blockers should never be stopped abruptly.", []),
    ("Calcium channel blockers can be stopped at any time, but not the others.", ["bisoprolol"]),
    ("Heart medicines of this kind are fine to stop.", ["bisoprolol"]),
])
def test_beta_spelled_with_a_greek_letter_names_the_class_and_other_blockers_do_not(lint, warning, flagged):
    text = f"# Heart rhythm\n\nSome people take bisoprolol 2.5 mg once daily. {warning}\n"
    assert drugs_flagged(lint, text) == flagged


@pytest.mark.parametrize("drug, warning", [
    ("zopiclone 7.5 mg at night", "Sleeping tablets should be reduced gradually after nightly use."),
    ("carbamazepine 200 mg twice a day", "Epilepsy medicines must never be stopped suddenly."),
    ("tizanidine 2 mg at night", "Muscle relaxants like this should be tapered."),
    ("promazine 25 mg at night", "Major tranquillisers should not be stopped abruptly."),
    ("rilmenidine 1 mg once daily", "Centrally acting antihypertensives should be withdrawn gradually."),
])
def test_class_words_cover_their_members(lint, drug, warning):
    text = f"# Medicines\n\nSome people take {drug}. {warning}\n"
    assert drugs_flagged(lint, text) == []
    assert drugs_flagged(lint, f"# Medicines\n\nSome people take {drug}.\n") != []


def test_a_dose_in_a_table_column_belongs_to_the_drug_heading_that_column(lint):
    text = ("# Sleep medicines compared\n\nThe table lists usual adult doses.\n\n"
            "| Use | Zaleplon | Melatonin |\n|---|---|---|\n| Falling asleep | 10 mg at bedtime | 2 mg at bedtime |\n")
    assert drugs_flagged(lint, text) == ["Zaleplon"]
    html = ("<h1>Sleep medicines</h1><table><tr><th>Use</th><th>Melatonin</th><th>Zaleplon</th></tr>"
            "<tr><td>Falling asleep</td><td>2 mg at bedtime</td><td>no dose given</td></tr></table>")
    assert drugs_flagged(lint, html, "html") == []


@pytest.mark.parametrize("sentence, advice", [
    ("Your prescriber may reduce the dose by a quarter every two weeks.", True),
    ("The dose is lowered in small decrements under supervision.", True),
    ("Cut the dose by 10% every 4 to 6 weeks until you stop.", True),
    ("Increase the dose by 25 mg every week.", False),
    ("Check your blood pressure every few days.", False),
])
def test_a_lowering_schedule_is_advice(sentence, advice):
    assert is_taper_advice(sentence) is advice


@pytest.mark.parametrize("sentence, advice", [
    ("If you get a rash, stop taking it at once and call your doctor.", False),
    ("If you get blisters, stop it straight away.", False),
    ("Never stop it overnight after months of use.", True),
    ("Do not come off it in one go.", True),
    ("Lower the dose a little at a time.", True),
])
def test_sudden_and_gradual_word_lists(sentence, advice):
    assert is_taper_advice(sentence) is advice


def test_the_advice_vocabulary_is_shipped_data():
    from medlint import resources
    import yaml

    lists = yaml.safe_load(resources.read_ruleset_text("taper_classes.yaml"))["advice"]
    assert {"gradual", "sudden", "symptoms", "other_weaning"} <= set(lists)
    assert "cold turkey" in lists["sudden"] and "little by little" in lists["gradual"]
