"""A port's own AI AUC (``ports.<port>.scan.image_review.ai_auc``): unset, the scenario's
``enforcement.detection.ai_auc`` applies and nothing changes (not even the scenario's hash);
set, it moves that port's AI alone; a bad value is refused by the loader, by name."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import sim
from sim.experiment import operating_curve as oc
from sim.experiment.store import scenario_hash
from sim.model import truth
from sim.scenario.loader import ScenarioError, default_scenario_path

FIELD = "ports.land_border.scan.image_review.ai_auc"
SHORT = {"days": 3, "warmup_days": 0}


def _log(change: dict) -> pd.DataFrame:
    s = sim.load_scenario(default_scenario_path(), {**SHORT, **change})
    return sim.simulate(s, 4, log=True).log.set_index(["port", "index"])


def _x(own: float | None, scenario_auc: float, n: int) -> SimpleNamespace:
    review = SimpleNamespace(ai_auc=own)
    return SimpleNamespace(
        n=n, values={"image_shows": np.ones(n)}, port=SimpleNamespace(
            scan=SimpleNamespace(image_review=review)),
        scenario=SimpleNamespace(
            enforcement=SimpleNamespace(detection=SimpleNamespace(ai_auc=scenario_auc))))


@pytest.mark.parametrize(("own", "used"), [(None, 0.6), (0.97, 0.97)])
def test_the_ports_own_auc_or_else_the_scenarios_scores_its_images(own, used):
    x = _x(own, 0.6, 200_000)
    u = np.random.default_rng(3).random(x.n)
    miss = float(truth.ai_clears(x, u, 0.7).mean())  # type: ignore[arg-type]
    assert miss == pytest.approx(oc.ai_miss_share(used, 0.7), abs=0.004)
    assert truth.port_ai_auc(x.scenario, x.port) == used  # type: ignore[arg-type]


def test_unset_it_dumps_and_hashes_as_before_set_it_is_kept():
    base = sim.load_scenario(default_scenario_path())
    review = base.ports["land_border"].scan.image_review
    assert review.ai_auc is None and "ai_auc" not in review.model_dump()
    same = sim.load_scenario(default_scenario_path(), {FIELD: 0.9})
    assert scenario_hash(same) != scenario_hash(base)  # set, it is part of the scenario
    dumped = same.model_dump(mode="json", by_alias=True)
    assert dumped["ports"]["land_border"]["scan"]["image_review"]["ai_auc"] == 0.9
    assert "ai_auc" not in dumped["ports"]["sea_port"]["scan"]["image_review"]


def test_the_scenarios_own_value_changes_nothing_another_moves_that_port_alone():
    base = _log({})
    pd.testing.assert_frame_equal(base, _log({FIELD: 0.9}))  # the scenario's AUC is 0.9
    worse = _log({FIELD: 0.5})
    here = base.index.get_level_values("port") == "land_border"
    pd.testing.assert_series_equal(base.ai_clear[~here], worse.ai_clear[~here])
    moved = base.ai_clear != worse.ai_clear
    assert moved[here].any() and (base.image_shows[moved] > 0).all()


@pytest.mark.parametrize(("value", "says"), [
    ("1.2", "less than or equal to 0.9999"), ("0.3", "greater than or equal to 0.5"),
    ('"high"', "valid number"),
])
def test_a_bad_value_names_the_file_the_field_and_what_is_allowed(tmp_path: Path, value, says):
    text = default_scenario_path().read_text()
    head = "[ports.land_border.scan.image_review]\n"
    assert head in text
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace(head, f"{head}ai_auc = {value}\n", 1))
    with pytest.raises(ScenarioError) as err:
        sim.load_scenario(bad)
    msg = str(err.value)
    assert "bad.toml" in msg and FIELD in msg and value.strip('"') in msg and says in msg


def test_smart_image_review_reaches_a_port_with_its_own_ai_unless_that_is_better():
    """The reform sets the scenario's AUC; a port with its own (a trial) would ignore it and
    keep its weaker AI without a word: the reform's AI goes there too, a better one stays."""
    from sim.model.truth import port_ai_auc
    from sim.reforms import apply

    review = "ports.{}.scan.image_review.ai_auc"
    base = sim.load_scenario(default_scenario_path(), {review.format("land_border"): 0.8,
                                                       review.format("sea_port"): 0.99})
    after = apply(base, "smart_image_review:auc=0.95")
    aucs = {p: port_ai_auc(after, after.ports[p]) for p in ("land_border", "sea_port")}
    assert aucs == {"land_border": 0.95, "sea_port": 0.99}
    assert after.enforcement.detection.ai_auc == 0.95
