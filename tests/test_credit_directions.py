"""China's credit rules in each direction (sim/model/credit_directions.py): with exports'
own selection tables, a direction's breach that the pooled rate hides is noted, with the
direction's rates; without them the pooled check's notes are as they were."""

from __future__ import annotations

from pathlib import Path

import sim
from sim.model.credit_rules import credit_rules

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 3, "warmup_days": 1, "drain_days": 3}


def _means(imports: tuple[float, float, float], exports: tuple[float, float, float]) -> dict:
    """Goods rates of (discredited, aeo_advanced, general) by direction, and pooled."""
    out = {}
    for d, rates in (("import", imports), ("export", exports)):
        for cls, rate in zip(("discredited", "aeo_advanced", "general"), rates, strict=True):
            out[f"inspection_rate_{cls}_goods_{d}"] = rate
    for i, cls in enumerate(("discredited", "aeo_advanced", "general")):
        out[f"inspection_rate_{cls}_goods"] = (imports[i] + exports[i]) / 2
    return out


def test_a_directions_breach_the_pooled_rate_hides_is_noted_with_its_rates():
    # discredited exporters at 70 %, importers at 95 %: 82.5 % pooled, above the floor;
    # advanced AEO importers at 30 % of ordinary importers' rate, exporters at 2 %: 19 %
    # of ordinary traders' pooled rate (0.0085 / 0.045), under the cap
    means = _means((0.95, 0.0075, 0.025), (0.70, 0.0010, 0.065))
    assert credit_rules(means) == {}  # (pooled: nothing to see)
    found = credit_rules(means, directed=True)
    assert list(found) == ["cap_aeo_advanced_import", "floor_export"]
    assert "70.0% of discredited traders' exports, below the 80% floor" in found["floor_export"]
    assert ("advanced AEO traders' imports at 0.75%, 30.0% of ordinary traders' imports' 2.5%"
            in found["cap_aeo_advanced_import"])
    assert credit_rules(_means((0.95, 0.001, 0.05), (0.85, 0.0, 0.02)), directed=True) == {}


def test_a_post_hubs_parcels_stay_out_of_a_directions_rates():
    means = {**_means((0.9, 0.001, 0.05), (0.9, 0.001, 0.05)),
             "inspection_rate_aeo_advanced_export": 0.5, "inspection_rate_general_export": 0.5,
             "inspection_rate_discredited_export": 0.6}  # fmt: skip
    assert credit_rules(means, directed=True) == {}
    alone = {k.replace("_goods", ""): v for k, v in means.items() if "_goods" in k}
    assert credit_rules(alone, directed=True) == {}  # (no hub: the direction's own rates)


def test_a_run_with_export_tables_checks_each_direction_and_one_without_does_not():
    export = {"physical": {"*": {"*": 0.03, "discredited": 0.1}},
              "scan": {"*": {"*": 0.1, "discredited": 0.0}}}  # fmt: skip
    run = sim.replicate(sim.load_scenario(SMALL, {**SHORT, "export_selection": export}), 1)
    notes = run.attrs["notes"]
    floor = [n for n in notes if "of discredited traders' exports, below the 80% floor" in n]
    assert len(floor) == 1
    rate = run["inspection_rate_discredited_export"].iloc[0]
    assert f"{rate:.1%} of discredited traders' exports" in floor[0]
    assert not any("discredited traders' declarations" in n for n in notes)
    plain = sim.replicate(sim.load_scenario(SMALL, SHORT), 1).attrs["notes"]
    assert not any("traders' imports" in n or "traders' exports" in n for n in plain)


def test_a_comparison_checks_each_direction_of_an_option_with_export_tables():
    from types import SimpleNamespace

    import pandas as pd

    from sim.experiment.compare_notes import _notes_of_means

    means = _means((0.95, 0.0075, 0.025), (0.70, 0.0010, 0.065))
    rows = [{"option": o, "metric": k, "mean": v} for o in ("baseline", "tables")
            for k, v in means.items()]  # fmt: skip
    res = SimpleNamespace(summary=pd.DataFrame(rows), names=["baseline", "tables"],
                          meta={"directed": {"baseline": False, "tables": True}})
    notes = _notes_of_means(res)
    assert [n.split(":")[0] for n in notes] == ["note (tables)"] * 2
    assert any("discredited traders' exports" in n for n in notes)
    res.meta = {}  # (a folder written before: pooled, as it was)
    assert _notes_of_means(res) == []
