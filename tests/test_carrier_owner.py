"""An export's wait from its release to its vessel's cut-off is the carrier's (its schedule),
not the terminal's: booked apart, the owners still add up to each consignment's time, and the
owners' figures, the report's note and the Chinese words name it."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import sim
from sim.model.milestones import OWNERS

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_the_wait_for_the_vessel_is_the_carriers_and_the_owners_add_up():
    result = sim.simulate(sim.load_scenario(SMALL, {"days": 1}), 1, log=True)
    log = result.log
    out = log[log.cohort & (log.outcome == "released")]
    ex = out[out.direction == "export"]
    assert len(ex) > 20 and (ex.loaded > ex.released).any()
    # the whole wait from release to loading, and nothing else, is the carrier's
    np.testing.assert_allclose(ex.own_carrier, ex.loaded - ex.released, atol=1e-9)
    assert (out[out.direction == "import"].own_carrier == 0).all()
    own = out[[f"own_{o}" for o in OWNERS]].sum(axis=1)
    end = np.fmax(out.exited, out.loaded)
    np.testing.assert_allclose(own, end - out.arrived, atol=1e-9)
    # the terminal's export hours are its handling alone, far below the wait for a vessel
    owners = result.owners.set_index("owner")
    assert owners.loc["carrier", "mean_h_export"] > 10 * owners.loc["terminal", "mean_h_export"]
    shares = [result.metrics()[f"owner_share_{o}_port_sea_export"] for o in OWNERS]
    assert abs(sum(shares) - 1) < 1e-9 and shares[OWNERS.index("carrier")] > 0.5


def test_the_carrier_is_named_in_the_report_and_in_chinese():
    from sim.report.html import CARRIER_NOTE, _owner_plots
    from sim.report.plots import OWNER_COLOURS
    from sim.report.zh_glossary import VALUES
    from sim.report.zh_notes import NOTES

    assert set(OWNERS) <= set(VALUES["owner"]) and set(OWNERS) <= set(OWNER_COLOURS)
    assert "承运人" in VALUES["owner"]["carrier"] and "承运人" in NOTES[CARRIER_NOTE]
    page = "".join(p for p in _owner_plots({}) if "<p" in p)
    assert CARRIER_NOTE in page


def test_the_carriers_zero_hours_to_release_are_said_to_be_the_models_choice():
    """The carrier holds an export only after release, so its hours to release are 0 in
    every run: the report's to-release plot says so beside it, in Chinese too."""
    from sim.report.html import CARRIER_TO_RELEASE_NOTE, _owner_plots
    from sim.report.zh_notes import NOTES

    result = sim.simulate(sim.load_scenario(SMALL, {"days": 1}), 1)
    m = result.metrics()
    assert m["owner_hours_to_release_carrier_port_sea_export"] == 0
    assert m["yard_dwell_h_after_release_port_sea_export"] > 0  # (the wait, after release)
    assert "承运人" in NOTES[CARRIER_TO_RELEASE_NOTE]
    page = "".join(p for p in _owner_plots({"baseline": result.owners}) if "<p" in p)
    assert CARRIER_TO_RELEASE_NOTE in page
    assert CARRIER_TO_RELEASE_NOTE not in "".join(p for p in _owner_plots({}) if "<p" in p)


def test_the_terminals_tables_say_why_the_carriers_rows_to_release_are_zero() -> None:
    """The run table prints the carrier's shares to release as 0.000 in every run: beside
    each it says that this is the model's construction, in English and in Chinese; the
    carrier's rows to exit, which are not 0 for exports, get no such note."""
    from rich.console import Console

    from sim.cli import _table

    zero = {"mean": 0.0, "ci_low": 0.0, "ci_high": 0.0}
    rows = ("owner_share_to_release_carrier_import", "owner_share_to_release_carrier_export",
            "owner_share_carrier_export")
    for lang, said in (("en", "0 by construction"), ("zh", "按模型构造恒为 0")):
        console = Console(width=400, record=True)
        console.print(_table({m: dict(zero) for m in rows}, 2, lang=lang))
        lines = [line for line in console.export_text().splitlines() if "carrier" in line]
        noted = {m for m in rows for line in lines if f"{m}," in line or f"{m}，" in line}
        assert noted == set(rows[:2]), (lang, lines)
        assert all(said in line for line in lines if "to_release" in line), (lang, lines)
