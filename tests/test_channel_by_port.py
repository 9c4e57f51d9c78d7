"""Clearance by channel at each port and direction (``clearance_h_mean_channel_<channel>_port_
<port>_<direction>``): the figures a broker working at one port meets. Their means, weighted
by how many each port and direction released, give the pooled channel figure, and a change
at one port moves that port's channel figures alone."""

from __future__ import annotations

import math
from functools import cache

import pytest

import sim
from sim.model.milestones import CHANNELS
from sim.model.result import RunResult

#: one day observed after a week's warm-up: every channel released somewhere, in seconds
SHORT = {"days": 1, "warmup_days": 7}


@cache
def _default(land_border_quarantine_officers: int = 0) -> RunResult:
    """The default scenario's short run (with that many quarantine officers on the land
    border's day shift, if given)."""
    overrides: dict[str, object] = dict(SHORT)
    if land_border_quarantine_officers:
        day = [0] * 8 + [land_border_quarantine_officers] * 10 + [0] * 6
        overrides["ports.land_border.quarantine.officers"] = {"schedule": day}
    return sim.simulate(sim.load_scenario(sim.default_scenario_path(), overrides), seed=1)


def _name(metric: str, stat: str, channel: str, where: str = "") -> str:
    return f"{metric}_h_{stat}_channel_{channel.replace('+', '_')}{where}"


@pytest.mark.parametrize("metric", ["clearance", "declared_to_release"])
def test_the_ports_means_weighted_by_their_counts_give_the_pooled_mean(metric):
    result = _default()
    metrics, table = result.metrics(), result.clearance
    rows = table[(table.metric == metric) & (table.dimension == "port_direction_channel")]
    assert {str(g).split("/")[0] for g in rows.group} == set(sim.load_scenario(
        sim.default_scenario_path()).ports)  # (every port has channels of its own)
    checked = 0
    for channel in CHANNELS:
        at = rows[rows.group.str.endswith(f"/{channel}")]
        means = [metrics[_name(metric, "mean", channel, f"_port_{p}_{d}")]
                 for p, d in zip(at.port, at.direction, strict=True)]
        pooled = metrics[_name(metric, "mean", channel)]
        if at.empty:
            assert math.isnan(pooled)
            continue
        weighted = sum(m * n for m, n in zip(means, at.n, strict=True)) / at.n.sum()
        assert weighted == pytest.approx(pooled, rel=1e-12, abs=1e-12), channel
        checked += 1
    assert checked >= 4  # (a run that released few channels would test little)


def test_a_ports_channels_weighted_by_their_counts_give_that_ports_mean():
    result = _default()
    metrics, table = result.metrics(), result.clearance
    rows = table[(table.metric == "clearance") & (table.dimension == "port_direction_channel")]
    for (port, direction), at in rows.groupby(["port", "direction"]):
        means = [metrics[_name("clearance", "mean", str(g).split("/")[2],
                               f"_port_{port}_{direction}")] for g in at.group]
        weighted = sum(m * n for m, n in zip(means, at.n, strict=True)) / at.n.sum()
        mean = metrics[f"clearance_h_mean_port_{port}_{direction}"]
        assert weighted == pytest.approx(mean, rel=1e-12, abs=1e-12), (port, direction)


def test_each_port_channel_has_its_mean_p90_and_lodgement_figure():
    result = _default()
    metrics, table = result.metrics(), result.clearance
    rows = table[(table.metric == "clearance") & (table.dimension == "port_direction_channel")]
    for r in rows.itertuples():
        where = f"_port_{r.port}_{r.direction}"
        channel = str(r.group).split("/")[2]
        assert metrics[_name("clearance", "mean", channel, where)] == r.mean_h
        assert metrics[_name("clearance", "p90", channel, where)] == r.p90_h
        assert _name("declared_to_release", "mean", channel, where) in metrics
    # every channel at each port and direction that released goods, NaN where it released
    # none in the channel (so that every replication names the same figures)
    names = [k for k in metrics if "_channel_" in k and "_port_" in k]
    pairs = {(r.port, r.direction) for r in rows.itertuples()}
    assert len(names) == 3 * len(pairs) * len(CHANNELS) > 3 * len(rows)
    released = {_name("clearance", "mean", str(r.group).split("/")[2],
                      f"_port_{r.port}_{r.direction}") for r in rows.itertuples()}
    unreleased = [k for k in names if k.startswith("clearance_h_mean_") and k not in released]
    assert unreleased and all(math.isnan(metrics[k]) for k in unreleased)


def _port_channels(metrics: dict[str, float], port: str) -> dict[str, float]:
    return {k: v for k, v in metrics.items() if "_channel_" in k and f"_port_{port}_" in k}


def test_a_change_at_one_port_moves_only_that_ports_channel_figures():
    base = _default().metrics()
    # twice the land border's quarantine officers (6 a day shift): its quarantine waits less
    changed = _default(land_border_quarantine_officers=12).metrics()
    ports = list(sim.load_scenario(sim.default_scenario_path()).ports)
    for port in ports:
        before, after = _port_channels(base, port), _port_channels(changed, port)
        assert before, port
        if port == "land_border":
            assert before != after
            quarantine = _name("clearance", "mean", "quarantine", "_port_land_border_import")
            assert after[quarantine] < before[quarantine]
        else:
            assert before.keys() == after.keys(), port
            same = [k for k in before if before[k] == after[k] or
                    (math.isnan(before[k]) and math.isnan(after[k]))]
            assert same == list(before), port


@pytest.mark.parametrize("stem", ["clearance_h_mean", "clearance_h_p90",
                                  "declared_to_release_h_mean"])
def test_a_ports_channel_figure_is_explained_in_english_and_chinese(stem):
    from sim.experiment.metric_glossary import lookup
    from sim.report.translate import metric_name
    from sim.report.zh_meanings import meaning

    name = f"{stem}_channel_physical_quarantine_port_sea_port_import"
    entry = lookup(name)
    assert entry is not None and "_port_<port>_<direction>" in entry.meaning
    assert meaning(entry.stem, entry.meaning) is not None  # (its Chinese, of this English)
    zh = metric_name(name)
    assert zh is not None and zh.endswith("（口岸 sea_port，进口）"), zh
