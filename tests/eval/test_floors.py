"""Extraction quality as a test: every gold set scored through a real server, each figure held to its floor.

``eval/run.py --check`` ingests each set of ``eval/sets.json`` into a fresh store, serves it and runs the
shared scorer; a change that makes extraction worse on any set fails here, with the figures that fell.
"""

import subprocess
import sys

import pytest

from testkit import ROOT

SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def test_every_gold_set_scores_at_least_its_floors():
    if not SCORER.exists():
        pytest.fail(f"the shared scorer {SCORER} is missing: the gold sets cannot be scored")
    run = subprocess.run([sys.executable, str(ROOT / "eval" / "run.py"), "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"{run.stdout}\n{run.stderr}"
