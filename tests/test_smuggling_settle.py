"""Whether smuggling groups had settled when observation began (sim.model.smuggling_settle):
a group that starts far from what it learns, and learns slowly, is still drifting through
the observed days, and the run says so, as it does of a queue that does not settle."""

from __future__ import annotations

import numpy as np
import pytest

from sim import simulate
from sim.model import stability
from tests.test_smuggling import scenario


def settle_warnings(result) -> list[str]:
    return [w for w in result.warnings if w.startswith("smuggling group ring had not settled")]


def _run(tmp_path, warmup: float, learning: float = 0.05):
    """The group starts believing the sea port catches 10 % of its loads, where the small
    scenario's checks catch most frozen loads, and learns by ``learning``."""
    s = scenario(tmp_path, learning=learning, rate=20)
    return simulate(s.model_copy(update={"warmup_days": warmup}), 2)


def test_a_group_still_learning_when_observation_begins_is_warned_of(tmp_path):
    found = settle_warnings(_run(tmp_path, warmup=1.0))
    assert len(found) == 1, found
    message = found[0]
    assert "its belief about sea, 0.10 at the start" in message, message
    # (in Python's words: sim.simulate gives the field's change, not --set)
    assert "lengthen the warm-up" in message and "would do: warmup_days=" in message
    # it makes the run's figures not steady-state, as a queue that does not settle does
    assert stability.unsettled(found)


def test_the_suggested_warm_up_settles_it(tmp_path):
    message = settle_warnings(_run(tmp_path, warmup=1.0))[0]
    days = float(message.split("would do: warmup_days=")[1].rstrip(")"))
    assert 1.0 < days <= 365
    assert settle_warnings(_run(tmp_path, warmup=days)) == []


def test_a_group_that_never_learns_is_as_steady_at_the_start_as_later(tmp_path):
    assert settle_warnings(_run(tmp_path, warmup=1.0, learning=0.0)) == []


def test_the_smuggling_table_has_what_each_group_believed_and_its_choice_probabilities(tmp_path):
    """Per day, group and option: the mean perceived detection and choice probability over
    the day's opportunities; the probabilities of a group's options add up to 1 each day,
    and the beliefs move from the start towards what the group learns."""
    frame = _run(tmp_path, warmup=1.0).smuggling
    by_day = frame.groupby(["day", "group"])["probability"].sum()
    assert np.allclose(by_day, 1.0)
    assert frame.loc[frame["route"] == "not_smuggled", "perceived"].isna().all()
    sea = frame[frame["route"] == "sea"].sort_values("day")["perceived"].to_numpy()
    assert sea[0] == pytest.approx(0.1, abs=0.05) and sea[-1] > 0.5, sea
    # every option of the group appears every day it had an opportunity, chosen or not
    assert (frame.groupby(["day", "group"]).size() == 4).all()
    assert (frame["chosen"] == 0).any()
