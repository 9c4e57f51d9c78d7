"""A Time Release Study's figures, checked by hand against the per-consignment log of the run
an analyst would make (``bordersim run --reps 2 --days 14 --log``, the bundled default):

- who owns the time to release (arrival -> release), by direction and by port and direction:
  the log's ``to_release_*`` columns against its milestones and ``own_*`` columns (what
  follows release recomputed by hand), the metrics against the log and against the
  milestone intervals table they are read from;
- the shares within each time target (``within_hours``), by direction, port and direction,
  and trader class;
- a class's clearance times (mean, median, p90) and an AEO's share released within 2 h;
- the median and p90 of clearance by port and direction (read from the streamed histograms:
  within 1 % of the log's exact quantiles).

Each replication's metrics (``replications.csv``) are its log's to 1e-9; ``summary.json``'s
mean is the mean of the replications'.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.model.milestones import OWNERS
from sim.scenario.base import DIRECTIONS, TRADER_CLASSES
from tests.short_runs import short_run

TARGETS = (2, 24, 48, 72)  # (hours: a TRS's import standards and an AEO's 2 h)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("trs") / "run"
    argv = ["run", "--reps", "2", "--days", "14", "--log", "--out", str(out), "--json",
            "--set", "within_hours=[2, 48, 72]"]  # fmt: skip
    assert main(argv) == 0
    return out


@pytest.fixture(scope="module")
def reps(folder: Path) -> list[tuple[dict[str, float], pd.DataFrame]]:
    """Each replication's metrics and its log's cohort."""
    table = pd.read_csv(folder / "replications.csv")
    out = []
    for k, path in enumerate(sorted((folder / "reps").glob("rep-*-log.parquet"))):
        log = pd.read_parquet(path)
        row = table[table["replication"] == k].iloc[0]
        out.append(({str(c): float(v) for c, v in row.items() if c != "replication"},
                    log[log["cohort"]]))  # fmt: skip
    assert len(out) == 2
    return out


def _released(log: pd.DataFrame) -> pd.DataFrame:
    """Released by customs by the end of the run (a censored one's milestones after the end
    are NaN in the log): the consignments of ``clearance_h_mean``."""
    return log[log["released"].notna()]


def _out(log: pd.DataFrame) -> pd.DataFrame:
    """Out of the flow: those of ``overall_clearance_h_mean``."""
    return log[log["outcome"] == "released"]


def _groups(log: pd.DataFrame):
    """(metric suffix, rows): each direction, then each port's imports and exports."""
    for d in DIRECTIONS:
        yield d, log[log["direction"] == d]
    for port in log["port"].cat.categories:
        for d in DIRECTIONS:
            yield f"port_{port}_{d}", log[(log["port"] == port) & (log["direction"] == d)]


def _same(got: float, want: float) -> bool:
    if np.isnan(want):
        return bool(np.isnan(got))
    return bool(abs(got - want) <= 1e-9 * max(1.0, abs(want)))


TO = [f"to_release_{x}" for x in OWNERS]
OWN = [f"own_{x}" for x in OWNERS]


def _after_by_hand(o: pd.DataFrame, crossing: list[str]) -> pd.DataFrame:
    """Each owner's hours after release, from the milestones alone: an import's wait for
    its discharge (the terminal's), pick-up (the trader's) and gate (the terminal's); an
    export's loading (the terminal's wait for a cut-off, a land crossing's drive the
    trader's); none of the agencies'."""
    available = np.fmax(o["released"], o["discharged"])
    loading = (o["loaded"] - o["released"]).fillna(0.0)
    by_truck = o["port"].astype(str).isin(crossing)
    after = pd.DataFrame(0.0, index=o.index, columns=list(OWNERS))
    after["trader"] = (o["picked_up"] - available).fillna(0.0) + loading.where(by_truck, 0.0)
    after["terminal"] = ((available - o["released"]).where(o["direction"] == "import", 0.0)
                         + (o["exited"] - o["picked_up"]).fillna(0.0))  # fmt: skip
    after["carrier"] = loading.where(~by_truck, 0.0)  # (the vessel's or flight's schedule)
    return after


def test_each_consignments_hours_split_at_release(folder, reps):
    """Per consignment out of the flow: the owners' hours to release add up to release -
    arrival (1e-9 h), none is below 0 or above the owner's hours of the whole flow
    (``own_*``), and ``own_*`` less them is what follows release, owner by owner, as the
    milestones give it by hand; a consignment not out of the flow has none."""
    from sim.model.cutoffs import departures_of

    scenario = sim.load_scenario(folder / "scenario.json")
    crossing = [n for n, p in scenario.ports.items() if departures_of(p) is None]
    for _, log in reps:
        o = _out(log)
        to, own = o[TO].to_numpy(), o[OWN].to_numpy()
        assert np.allclose(to.sum(axis=1), o["released"] - o["arrived"], rtol=0, atol=1e-9)
        assert (to >= -1e-9).all() and (to <= own + 1e-9).all()
        after = _after_by_hand(o, crossing).to_numpy()
        assert np.allclose(own - to, after, rtol=0, atol=1e-9)
        left = log[log["outcome"] != "released"]
        assert len(left) and left[TO].isna().all().all()


def test_owner_hours_and_shares_to_release_are_the_logs(reps):
    for m, log in reps:
        for suffix, g in _groups(_out(log)):
            hours = {x: g[f"to_release_{x}"] for x in OWNERS}
            total = sum(h.sum() for h in hours.values())
            for x in OWNERS:
                mean = hours[x].mean() if len(g) else np.nan
                share = hours[x].sum() / total if total > 0 else np.nan
                assert _same(m[f"owner_hours_to_release_{x}_{suffix}"], mean), (x, suffix)
                assert _same(m[f"owner_share_to_release_{x}_{suffix}"], share), (x, suffix)


def test_owner_hours_to_release_are_the_intervals_tables(folder, reps):
    """What an analyst reads off the table is what the milestone intervals say: each
    owner's hours to release are the ``clearance`` row's ``<owner>_h`` of the replication's
    intervals table, by direction and at every port and direction, and the five add up to
    that row's mean clearance (of the consignments out of the flow; ``clearance_h_mean``
    also counts those released but not out at the end: none here, so it is the same)."""
    for k, (m, log) in enumerate(reps):
        t = pd.read_csv(folder / "reps" / f"rep-{k:04d}-intervals.csv")
        t = t[t["interval"] == "clearance"].set_index("group")
        for suffix, g in _groups(_out(log)):
            group = "/".join(suffix.removeprefix("port_").rsplit("_", 1))  # (sea_port/import)
            if not len(g):
                continue
            row = t.loc[group]
            for x in OWNERS:
                assert _same(m[f"owner_hours_to_release_{x}_{suffix}"], row[f"{x}_h"]), suffix
            total = sum(m[f"owner_hours_to_release_{x}_{suffix}"] for x in OWNERS)
            assert _same(total, row["mean_h"])
        assert len(_released(log)) == len(_out(log))  # (so:)
        for d in DIRECTIONS:
            total = sum(m[f"owner_hours_to_release_{x}_{d}"] for x in OWNERS)
            assert _same(total, m[f"clearance_h_mean_{d}"])


def test_sea_imports_wait_on_the_trader_to_release_and_customs_holds_little(reps):
    """By hand, from the milestones alone: a sea import's trader hours to release are its
    lodging after arrival (an advance declaration: none), and a little more (duty payment
    release waits for, a missed exam appointment); customs' are under its declared-to-release
    time. Its share of the time to release is many times its share of the whole flow, which
    the trader's day-long pick-up dominates."""
    for m, log in reps:
        sea = _out(log)
        sea = sea[(sea["port"] == "sea_port") & (sea["direction"] == "import")]
        lodging = np.maximum(sea["lodged"] - sea["arrived"], 0).mean()
        trader = m["owner_hours_to_release_trader_port_sea_port_import"]
        assert lodging <= trader <= 1.05 * lodging
        declared = sea["released"] - np.fmax(sea["lodged"], sea["arrived"])
        customs = m["owner_hours_to_release_customs_port_sea_port_import"]
        assert 0 < customs < declared.mean()
        whole = m["owner_share_customs_port_sea_port_import"]
        assert m["owner_share_to_release_customs_port_sea_port_import"] > 2 * whole


def _within(v: pd.Series, h: float) -> float:
    return float((v <= h).mean()) if len(v) else np.nan


def test_shares_within_each_target_are_the_logs(reps):
    for m, log in reps:
        r, o = _released(log), _out(log)
        for h in TARGETS:
            for prefix, rows, v in (
                ("released", r, r["released"] - r["arrived"]),
                ("exited", o, np.fmax(o["exited"], o["loaded"]) - o["arrived"]),
            ):
                assert _same(m[f"{prefix}_within_{h}h"], _within(v, h))
                for suffix, g in _groups(rows):
                    assert _same(m[f"{prefix}_within_{h}h_{suffix}"], _within(v[g.index], h))
            for d in DIRECTIONS:  # (a class's service standard: its release)
                for cls in TRADER_CLASSES:
                    g = r[(r["direction"] == d) & (r["trader_class"] == cls)]
                    clearance = r["released"] - r["arrived"]
                    assert _same(m[f"released_within_{h}h_{cls}_{d}"],
                                 _within(clearance[g.index], h))  # fmt: skip


def test_a_class_clearance_and_its_service_standard_are_the_logs(reps):
    """A class's imports and exports over every port: mean, median and p90 of clearance (the
    quantiles within 1 % of the log's), and an AEO's share released within 2 h at the sea
    port."""
    for m, log in reps:
        r = _released(log)
        clearance = r["released"] - r["arrived"]
        for d in DIRECTIONS:
            for cls in TRADER_CLASSES:
                g = (r["direction"] == d) & (r["trader_class"] == cls)
                assert _same(m[f"clearance_h_mean_{cls}_{d}"], clearance[g].mean())
                for stat, q in (("median", 0.5), ("p90", 0.9)):
                    got = m[f"clearance_h_{stat}_{cls}_{d}"]
                    assert _close_quantile(got, clearance[g], q), (stat, cls, d, got)
        g = ((r["port"] == "sea_port") & (r["direction"] == "import")
             & (r["trader_class"] == "aeo_advanced"))  # fmt: skip
        assert g.sum() > 20
        got = m["released_within_2h_aeo_advanced_port_sea_port_import"]
        assert _same(got, _within(clearance[g], 2))


def _close_quantile(got: float, values: pd.Series, q: float) -> bool:
    """The histogram's quantile within 1 % (and a hair) of one of the log's exact order
    statistics around ``q``."""
    exact = np.quantile(values, q, method="inverted_cdf"), np.quantile(values, q)
    return any(abs(got - e) <= 0.01 * e + 1e-6 for e in exact)


def test_median_and_p90_by_port_and_direction_are_the_logs(reps):
    for m, log in reps:
        r = _released(log)
        clearance = r["released"] - r["arrived"]
        for suffix, g in _groups(r):
            if suffix in DIRECTIONS or not len(g):
                continue
            for stat, q in (("median", 0.5), ("p90", 0.9)):
                got = m[f"clearance_h_{stat}_{suffix}"]
                assert _close_quantile(got, clearance[g.index], q), (stat, suffix, got)
        sea = clearance[(r["port"] == "sea_port") & (r["direction"] == "import")]
        assert 5 < m["clearance_h_median_port_sea_port_import"] < 12 < sea.mean()
        assert m["clearance_h_p90_port_sea_port_import"] > 24


def test_the_summary_is_the_mean_of_the_replications(folder, reps):
    summary = json.loads((folder / "summary.json").read_text())
    for name in ("owner_hours_to_release_customs_port_sea_port_import",
                 "owner_share_to_release_trader_import",
                 "released_within_48h_port_sea_port_import",
                 "released_within_72h_aeo_advanced_import",
                 "clearance_h_median_port_sea_port_import",
                 "clearance_h_p90_aeo_general_export"):  # fmt: skip
        values = [m[name] for m, _ in reps]
        assert summary[name]["mean"] == pytest.approx(np.mean(values), rel=1e-12)
        assert summary[name]["ci_low"] is not None


SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_compare_gives_the_figures_intervals_and_paired_differences(tmp_path, capsys):
    """The new figures are metrics like any other: ``--show`` picks them by pattern (a time
    target of the scenario's too), ``--json`` gives each option's interval and the paired
    difference from the baseline."""
    # (the names and intervals read the settings: run without the warm-up, 1 drain day)
    argv = ["compare", short_run(tmp_path, SMALL), "--option",
            "slow:ports.sea.review.capacity=1", "--reps", "2", "--days", "3", "--no-report",
            "--set", "within_hours=[2, 48]"]  # fmt: skip
    shown = "released_within_*_port_*,owner_hours_to_release_customs_*"
    assert main([*argv, "--out", str(tmp_path / "c"), "--show", shown]) == 0
    out = capsys.readouterr().out
    for name in ("released_within_24h_port_sea_import", "released_within_48h_port_sea_export",
                 "owner_hours_to_release_customs_port_sea_import"):  # fmt: skip
        assert name in out
    assert main([*argv, "--out", str(tmp_path / "j"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for name in ("released_within_2h_port_sea_import", "owner_share_to_release_customs_import",
                 "clearance_h_median_port_sea_import", "clearance_h_median_general_import",
                 "released_within_2h_aeo_advanced_port_sea_import"):  # fmt: skip
        assert data["options"]["slow"][name]["ci_low"] is not None, name
        assert name in data["differences"]["slow"], name
    # fewer review officers: customs holds imports longer before release
    diff = data["differences"]["slow"]["owner_hours_to_release_customs_import"]
    assert diff["mean"] > 0


def test_run_show_picks_the_shares_within_24_h_by_port_and_direction(tmp_path, capsys):
    # (the table's names, not its figures: run without the warm-up, 1 drain day)
    argv = ["run", short_run(tmp_path, SMALL), "--reps", "2", "--days", "2", "--out",
            str(tmp_path / "r"), "--show", "released_within_24h_port_*"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "released_within_24h_port_sea_import" in out
    assert "released_within_24h_port_sea_export" in out
