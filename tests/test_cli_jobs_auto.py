"""Worker-count policy shared by `check` and `evaluate`."""
from __future__ import annotations

import os

from medlint.orchestrator import AUTO_JOBS_MIN_FILES, worker_count


def test_explicit_jobs_win():
    assert worker_count(3, 1) == 3
    assert worker_count(1, 500) == 1


def test_zero_means_one_per_cpu():
    assert worker_count(0, 1) == (os.cpu_count() or 1)


def test_unset_is_serial_for_few_files_and_parallel_for_many():
    assert worker_count(None, AUTO_JOBS_MIN_FILES - 1) == 1
    assert worker_count(None, AUTO_JOBS_MIN_FILES) == (os.cpu_count() or 1)
