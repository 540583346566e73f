"""The one table of every rule. Add a rule: write its module, add one line here."""
from __future__ import annotations

import importlib

# code -> "module:Class". Modules are imported only when a rule is instantiated or documented.
RULES: dict[str, str] = {
    "MED001": "medlint.rules.meta.unknown_suppression:UnknownSuppression",
    "MED002": "medlint.rules.meta.useless_suppression:UselessSuppression",
    "MED101": "medlint.rules.links.placeholder_link:PlaceholderLink",
    "MED102": "medlint.rules.links.template_placeholder:TemplatePlaceholder",
    "MED201": "medlint.rules.claims.unsupported_efficacy_claim:UnsupportedEfficacyClaim",
    "MED202": "medlint.rules.claims.vague_attribution:VagueAttribution",
    "MED203": "medlint.rules.claims.absolute_claim:AbsoluteClaim",
    "MED301": "medlint.rules.dosing.dose_without_citation:DoseWithoutCitation",
    "MED302": "medlint.rules.dosing.error_prone_notation:ErrorProneNotation",
    "MED303": "medlint.rules.dosing.missing_taper_warning:MissingTaperWarning",
    "MED401": "medlint.rules.drugs.drug_name_misspelling:DrugNameMisspelling",
    "MED402": "medlint.rules.drugs.brand_without_generic:BrandWithoutGeneric",
    "MED501": "medlint.rules.hygiene.stale_review_date:StaleReviewDate",
    "MED502": "medlint.rules.hygiene.missing_disclaimer:MissingDisclaimer",
    "MED503": "medlint.rules.hygiene.duplicate_content:DuplicateContent",
}


def load(code: str):
    module, _, cls = RULES[code].partition(":")
    return getattr(importlib.import_module(module), cls)


def all_rule_classes() -> list:
    return [load(code) for code in sorted(RULES)]
