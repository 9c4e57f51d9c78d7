"""docs/ai-operating-point.md quotes its runs' tables (docs/examples/ai-operating-point/, the
files ``operating-curve`` wrote): each figure it quotes is read from them here, their exact
columns are the functions', its command line is one the command takes, its links lead to
files that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment import operating_curve as oc

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "ai-operating-point.md"
EXAMPLES = DOCS / "examples" / "ai-operating-point"


def _text() -> str:
    return " ".join(PAGE.read_text().split())


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(EXAMPLES / name)


def _diff(row: pd.Series, metric: str, digits: int = 3, sign: bool = True) -> str:
    """``d [lo, hi]`` as the page writes it."""
    f = f"{{:+.{digits}f}}" if sign else f"{{:.{digits}f}}"
    return f"{f.format(row[metric + '_diff'])} [{f.format(row[metric + '_low'])}, " \
           f"{f.format(row[metric + '_high'])}]"


def test_the_land_borders_figures_are_its_runs():
    f = _read("land_border-frontier.csv").set_index("point")
    util, clr = "utilisation_land_border_image_officers", "clearance_h_mean_port_land_border_import"
    text = _text()
    assert f"from {f.loc[0, util]:.3f} to {f.loc[1, util]:.3f} ({_diff(f.loc[1], util)})" in text
    cut = f"by {-f.loc[1, clr + '_diff']:.3f} h [{-f.loc[1, clr + '_high']:.3f}, " \
          f"{-f.loc[1, clr + '_low']:.3f}]"
    assert cut in text
    assert f"takes it to {f.loc[2, util]:.3f} ({_diff(f.loc[2], util)})" in text
    det = "detection_rate_port_land_border"
    assert f"moves by {_diff(f.loc[2], det)}" in text
    assert f"clears {f.loc[2, 'ai_miss']:.3f} of the images" in text
    assert f"({f.loc[4, 'ai_miss']:.3f} at AUC 0.93)" in text
    assert f"leaves {f.loc[0, 'unread_share']:.3f} of those images unread, but officers read " \
           f"{f.loc[0, 'officers_read']:.3f} of the rest" in text
    edge = f.set_index("ai_auc")["on_frontier"]
    assert bool(edge.loc[0.9]) and not edge.loc[0.85].any() and edge.loc[0.93].all()


def test_the_sea_ports_and_the_aucs_figures_are_their_runs():
    s = _read("sea_port-frontier.csv").set_index("point")
    util = "utilisation_sea_port_image_officers"
    text = _text()
    assert f"officers are {s.loc[0, util]:.3f} utilised" in text
    at = s.loc[3]
    assert f"utilisation falls by {-at[util + '_diff']:.3f} [{-at[util + '_high']:.3f}, " \
           f"{-at[util + '_low']:.3f}]" in text
    clr = "clearance_h_mean_port_sea_port_import"
    assert f"import clearance by {-at[clr + '_diff']:.3f} h [{-at[clr + '_high']:.3f}, " \
           f"{-at[clr + '_low']:.3f}]" in text
    w = _read("land_border-auc-worth.csv").set_index("ai_clear")
    assert f"({w.loc[0.5, 'miss_low']:.3f} to {w.loc[0.5, 'miss_high']:.3f} at clear 0.5; " \
           f"{w.loc[0.9, 'miss_low']:.3f} to {w.loc[0.9, 'miss_high']:.3f} at clear 0.9)" in text
    assert f"rises by {_diff(w.loc[0.9], util.replace('sea_port', 'land_border'), 4, False)}" \
        in text
    assert f"clears {w.loc[0.5, 'clear_same_miss']:.3f} instead of 0.5, or " \
           f"{w.loc[0.9, 'clear_same_miss']:.3f} instead of 0.9" in text
    v = w.loc[0.9]
    assert (f"moves by {v['value_slipped_diff']:,.0f} [{v['value_slipped_low']:,.0f}, "
            f"+{v['value_slipped_high']:,.0f}]") in text
    assert (f"{v['value_slipped_reps_to_tell']:.0f} for the land border's value slipped at "
            f"clear 0.9, {v['detection_rate_frozen_reps_to_tell']:.0f} for frozen goods"
            ) in text
    assert f"detected frozen goods by {_diff(v, 'detection_rate_frozen')}" in text
    # only the land border's AI was better: what no land border image moved stays put
    for kind in ("tobacco", "counterfeit"):
        assert all(v[f"detection_rate_{kind}_{end}"] == 0 for end in ("diff", "low", "high"))
    assert "detected tobacco and counterfeits not at all (+0)" in text


def test_point_0_is_the_ports_effective_auc():
    from sim.model.truth import port_ai_auc
    from sim.scenario.loader import default_scenario_path, load_scenario

    base = load_scenario(default_scenario_path())
    auc = port_ai_auc(base, base.ports["land_border"])
    assert base.ports["land_border"].scan.image_review.ai_auc is None
    for port in ("land_border", "sea_port"):
        assert _read(f"{port}-frontier.csv").loc[0, "ai_auc"] == auc
    assert f"the scenario's {auc:g} is its effective AUC" in _text()


@pytest.mark.parametrize("port", ["land_border", "sea_port"])
def test_the_exact_columns_are_the_functions(port):
    f = _read(f"{port}-frontier.csv")
    for r in f.itertuples():
        assert r.ai_miss == pytest.approx(oc.ai_miss_share(r.ai_auc, r.ai_clear))
        assert r.officers_read == pytest.approx(oc.officer_read_share(r.ai_share, r.ai_clear))
    w = _read(f"{port}-auc-worth.csv")
    for r in w.itertuples():
        assert r.clear_same_miss == pytest.approx(oc.clear_at_same_miss(r.ai_clear, 0.85, 0.93))


def test_its_command_line_is_taken():
    from sim.cli import build_parser

    line = re.search(r"^\$ (bordersim operating-curve .*)$", PAGE.read_text(), re.MULTILINE)
    assert line is not None
    args = build_parser().parse_args(shlex.split(line.group(1))[1:])
    assert (args.port, args.clear, args.auc, args.reps, args.days) == (
        "land_border", [0.5, 0.9], [0.85, 0.93], 3, 7.0)


def test_its_links_lead_to_files():
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text()):
        assert (DOCS / target).exists(), target
