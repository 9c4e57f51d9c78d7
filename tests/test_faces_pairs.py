"""Two runs of the workshop page side by side with their options' paired difference
(:mod:`sim.faces.pairs`): fast, without a browser (tests/test_dashboard_e2e.py chooses them on
the page)."""

from __future__ import annotations

import math

import pytest

from sim.analysis.paired import paired_interval

pytest.importorskip("panel")

from sim.faces.history import History  # noqa: E402
from sim.faces.pairs import pair_html, pair_rows, unshared  # noqa: E402
from tests.faces_history import two_runs  # noqa: E402


def test_two_runs_on_the_same_traffic_give_their_options_paired_difference():
    """B − A is the paired difference of the two options, replication by replication, with
    its 95 % interval: not the difference of their differences from the baseline, nor a
    difference of means with an unpaired interval."""
    a, b = two_runs().entries
    assert unshared(a, b) == ""
    for row in pair_rows(a, b):
        m = row["metric"]
        want = paired_interval([r[m] for r in b.full["option"]],
                               [r[m] for r in a.full["option"]])
        assert row["difference"][0] == pytest.approx(want[0], rel=1e-12)
        assert row["difference"][1] == pytest.approx(want[1], rel=1e-12)
        assert row["baseline"] == next(r for r in a.rows if r["metric"] == m)["option"]
    page = pair_html(a, b)
    assert 'data-paired="yes"' in page and "run 2 − run 1 (paired)" in page


def test_two_runs_on_other_seeds_are_not_paired_and_the_page_says_why():
    a, b = two_runs(seeds=(1, 2)).entries
    assert unshared(a, b) == "seed: 1 against 2"
    assert all(math.isnan(r["difference"][0]) for r in pair_rows(a, b))
    page = pair_html(a, b)
    assert 'data-paired="no"' in page and "(paired)" not in page
    assert "on the same simulated traffic (seed: 1 against 2)" in page
    zh = pair_html(a, b, "zh")
    assert "随机数种子：1 对 2" in zh and "无配对差值" in zh


def test_two_runs_whose_baselines_have_other_levers_are_not_paired_and_the_page_names_them():
    """With options switched on the levers set the baseline too: B − A would mix the levers'
    effect into the options' (same seed, replications and days notwithstanding)."""
    a, b = two_runs(levers=({"staff_scale": 1.5}, {})).entries
    why = "Staff (x scenario) in the baseline: 1.5 against the scenario's value"
    assert unshared(a, b) == why
    assert all(math.isnan(r["difference"][0]) for r in pair_rows(a, b))
    page = pair_html(a, b)
    assert 'data-paired="no"' in page and "(paired)" not in page and f"({why})" in page
    zh = pair_html(a, b, "zh")
    assert "基准方案的人员（情景值的倍数）：1.5 对 情景自身的取值" in zh and "无配对差值" in zh
    a, b = two_runs(levers=({"staff_scale": 1.5, "ai_clear": 0.5},
                            {"staff_scale": 2.0, "ai_clear": 0.5})).entries
    assert unshared(a, b) == "Staff (x scenario) in the baseline: 1.5 against 2"


def test_levers_with_no_option_are_the_option_and_leave_the_baseline_shared():
    """With nothing switched on the levers are the option and the baseline is the scenario
    as it is: two lever settings compare paired, as two options do."""
    a, b = two_runs(levers=({"staff_scale": 1.5}, {"staff_scale": 2.0}),
                    options=((), ())).entries
    assert unshared(a, b) == ""
    assert 'data-paired="yes"' in pair_html(a, b)
    a, b = two_runs(levers=({"staff_scale": 1.5}, {"staff_scale": 1.5}),
                    options=((), ("o1",))).entries
    assert unshared(a, b) == ("Staff (x scenario) in the baseline: the scenario's value "
                              "against 1.5")


def test_the_choice_of_two_runs_shows_once_there_are_two():
    history = History()
    assert not history.pairs.view.visible
    two = two_runs()
    assert two.pairs.view.visible
    assert (two.pairs.first.value, two.pairs.second.value) == (1, 2)
    assert 'class="bs-pair"' in two.pairs.pane.object
    two.pairs.second.value = 1
    assert "Choose two different runs." in two.pairs.pane.object
