"""The drug lexicon and the word lists around it.

* :mod:`medlint.lexicon.store` - the prebuilt FDA-derived name list (``medlint/data``), loaded once;
* :mod:`medlint.lexicon.taper` - classes that must not be stopped abruptly (``rulesets``);
* :mod:`medlint.lexicon.words` - ordinary English and medical vocabulary;
* :mod:`medlint.lexicon.suggest` - spelling suggestions for misspelled drug names.

Nothing is loaded at import time.
"""
