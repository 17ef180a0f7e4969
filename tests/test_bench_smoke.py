"""The benchmark runs end to end on a tiny corpus (correctness only: CI never judges timings)."""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO


def test_bench_smoke_run_prints_every_figure(tmp_path) -> None:
    result = subprocess.run([sys.executable, str(REPO / "bench/run.py"), "--smoke", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    header, _, row = result.stdout.strip().splitlines()[-3:]
    columns = [c.strip() for c in header.strip("|").split("|")]
    values = [v.strip() for v in row.strip("|").split("|")]
    assert len(columns) == len(values) == 18 and "n/a" not in values
    figures = dict(zip(columns, values, strict=True))
    assert figures["pages correct"] == "True"  # every page the edited card feeds shows the edit
    assert int(figures["cards"]) > 10 and float(figures["generator cards/s"]) > 0
