"""missing-taper-warning: a drug named only as the comparator of a title question ("Is X
better than Y for ...?") is not a main subject unless the body discusses it too."""
from __future__ import annotations

from test_rule_taper import drugs_flagged


def test_a_comparator_only_in_the_title_is_not_a_subject(lint):
    text = ("# Is propranolol better than carvedilol for tremor?\n\n"
            "Propranolol calms essential tremor in many people. Take 40 mg twice daily.\n")
    assert drugs_flagged(lint, text) == ["propranolol"]


def test_a_comparator_the_body_discusses_is_a_subject(lint):
    text = ("# Is propranolol better than carvedilol for tremor?\n\n"
            "Propranolol calms essential tremor in many people. Take 40 mg twice daily.\n\n"
            "Carvedilol is taken for heart failure too.\n")
    assert sorted(drugs_flagged(lint, text)) == ["carvedilol", "propranolol"]
