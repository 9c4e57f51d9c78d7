"""``bordersim org`` shows a running-in week by week (:mod:`sim.report.org_weeks`): the loss
each observed week and the goods' wait on the organisation, so that the dip and the recovery
show, not only their mean over the run; without a running-in the table is not printed."""

from __future__ import annotations

import pytest

from sim.cli import main
from sim.model.org.running_in import RunningIn
from sim.report.org_weeks import loss_by_week

SHORT = ["--structures", "dumbbell", "--days", "8", "--set", "warmup_days=0.5",
         "--set", "drain_days=0.5"]
RUNNING_IN = ["--set", "organisation.advantages.transition_loss=0.8",
              "--set", "organisation.advantages.transition_days=7",
              "--set", 'organisation.advantages.transition_from="observation"']


def test_a_linear_loss_averages_half_over_its_week_and_none_after():
    r = RunningIn(0.5, 24.0, 24.0 + 7 * 24.0, True)
    weeks = loss_by_week(r, 1.0, 3)
    assert weeks[1] == pytest.approx(0.25) and weeks[2] == weeks[3] == 0.0


def _table(out: str) -> list[list[str]]:
    rows = out.split("by observed week:", 1)[1].splitlines()[2:]
    return [r.split() for r in rows if r.split() and r.split()[0].isdigit()]


def test_the_dip_shows_in_the_first_week_and_is_gone_in_the_second(capsys):
    assert main(["org", "guangdong-spindle", *SHORT, *RUNNING_IN]) == 0
    rows = _table(capsys.readouterr().out)
    assert [r[0] for r in rows] == ["1", "2"]
    (_, d1, loss1), (_, d2, loss2) = rows
    assert (loss1, loss2) == ("80%", "0%")
    assert float(d1) > 1.5 * float(d2)  # (the dip, and the recovery once the loss is over)


def test_no_running_in_no_table(capsys):
    assert main(["org", "guangdong-spindle", "--days", "0.3", "--set", "warmup_days=0",
                 "--set", "drain_days=0"]) == 0
    assert "by observed week" not in capsys.readouterr().out


def test_holds_are_by_observed_week_of_arrival_the_unheld_and_warm_up_left_out():
    import pandas as pd

    from sim.report.org_weeks import hold_by_week

    log = pd.DataFrame({
        "cohort": [False, True, True, True, True],
        "arrived": [10.0, 7 * 24 + 1.0, 7 * 24 + 2.0, 14 * 24 + 1.0, 14 * 24 + 3.0],
        "own_organisation": [50.0, 2.0, 4.0, 6.0, 0.0],
    })
    assert hold_by_week(log, 7.0) == {1: 3.0, 2: 6.0}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_help_says_the_weekly_table_and_what_turns_it_on(lang, capsys, monkeypatch):
    """``bordersim org --help`` names the weekly table by its title's words (the command
    prints it only when a structure runs in), and the settings that make one run in."""
    from sim.report.org_weeks import lines

    monkeypatch.setenv("COLUMNS", "300")  # (one line per paragraph: no word split)
    title = lines({}, {}, lang)[0].split("：" if lang == "zh" else ":")[0]
    with pytest.raises(SystemExit):
        main(["org", "--help", "--lang", lang])
    said = " ".join(capsys.readouterr().out.split())
    assert title in said and "transition_loss" in said and "transition_days" in said, said
