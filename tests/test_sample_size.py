"""``sweep --lhs N`` and ``--sobol N`` are bounded: an N over :data:`MAX_SAMPLE` (a typo's
extra digits) is one usage error before anything is sampled or written, not an exhausted
memory; the library functions refuse it too."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim.experiment.sweep as sweep_mod
from sim.cli import main
from sim.experiment.sensitivity import saltelli_unit
from sim.experiment.sweep import MAX_SAMPLE, lhs

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture
def nothing_sampled(monkeypatch):
    """Sampling fails the test: the bound is checked before any sample is drawn."""

    def boom(*args, **kwargs):
        raise AssertionError("sampled")

    monkeypatch.setattr(sweep_mod, "lhs", boom)
    monkeypatch.setattr("sim.experiment.sensitivity.sobol_design", boom)


@pytest.mark.parametrize(("mode", "what"), [("lhs", "points"), ("sobol", "base points")])
def test_a_sample_over_the_maximum_is_a_usage_error_before_anything(
    tmp_path, capsys, nothing_sampled, mode, what
):
    out = tmp_path / "o"
    n = 99_999_999_999
    code = main(["sweep", str(SMALL), f"--{mode}", str(n), "--range", "days=1:2",
                 "--reps", "1", "--out", str(out)])  # fmt: skip
    assert code == 2
    assert capsys.readouterr().err == (
        f"error: --{mode} {n}: at most {MAX_SAMPLE:,} {what}; give a smaller N\n"
    )
    assert not out.exists()


def test_the_maximum_itself_is_allowed_and_one_more_is_not(tmp_path, capsys, nothing_sampled):
    out = tmp_path / "o"
    argv = ["sweep", str(SMALL), "--range", "days=1:2", "--reps", "1", "--out", str(out)]
    assert main([*argv, "--lhs", str(MAX_SAMPLE + 1)]) == 2
    assert "at most 10,000 points" in capsys.readouterr().err
    with pytest.raises(AssertionError, match="sampled"):  # (N = MAX_SAMPLE goes on to sample)
        main([*argv, "--lhs", str(MAX_SAMPLE)])


def test_the_library_refuses_a_sample_over_the_maximum():
    with pytest.raises(ValueError, match="1 to 10,000"):
        lhs({"days": (1.0, 2.0)}, MAX_SAMPLE + 1)
    with pytest.raises(ValueError, match="1 to 10,000"):
        saltelli_unit(2, MAX_SAMPLE + 1)
    assert len(lhs({"days": (1.0, 2.0)}, 3)) == 3
