"""``python -m medlint``: the same as the ``medlint`` command."""
from __future__ import annotations

import sys

from medlint.cli import main

if __name__ == "__main__":
    sys.exit(main())
