"""How drug names are tokenized and keyed, identically at build time and at lookup time.

A name's key is its lower-case alphanumeric tokens joined by single spaces, so "Toprol-XL",
"TOPROL XL" and "toprol xl" share the key ``"toprol xl"`` and a sentence is matched token by
token against the same keys.
"""
from __future__ import annotations

import re

TOKEN = re.compile(r"[A-Za-z0-9]+")

# Release/formulation suffixes written after a brand ("Xanax XR", "Toprol-XL", "Ambien CR").
RELEASE_SUFFIXES = frozenset({
    "xr", "xl", "er", "sr", "cr", "la", "odt", "cd", "dr", "xt", "ir", "hfa", "sa", "xrt", "ec",
    "xdt", "mr", "pr",
})


def norm(text: str) -> str:
    """The lookup key of a name: lower-case alphanumeric tokens joined by one space."""
    return " ".join(TOKEN.findall(text.lower()))
