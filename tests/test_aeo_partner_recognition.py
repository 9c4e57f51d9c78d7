"""Mutual recognition on the import side: ``aeo_partner_recognition:share=...`` treats a share
of general traders' imports (their foreign consignor a recognised partner's AEO) as advanced
AEOs', the same goods, and leaves every export as it was; its rows are no certification's
payback."""

from __future__ import annotations

import math

import pandas as pd

from sim.experiment.aeo_payback import CERTIFIED, Certification, payback_rows
from tests.class_logs import class_log

_log = class_log


def test_general_imports_move_to_advanced_and_exports_stay():
    a, b = _log(""), _log("aeo_partner_recognition:share=0.5")
    both = a.index.intersection(b.index)
    before, after = (x.loc[both, "trader_class"].astype(str) for x in (a, b))
    moved = before != after
    assert list((before + " -> " + after)[moved].unique()) == ["general -> aeo_advanced"]
    direction = a.loc[both, "direction"].astype(str)
    assert set(direction[moved]) == {"import"}
    exports = direction == "export"
    assert exports.sum() > 0 and (before[exports] == after[exports]).all()
    general = int(((before == "general") & ~exports).sum())
    share = moved.sum() / general
    assert abs(share - 0.5) < 3.3 * math.sqrt(0.25 / general), (share, general)
    assert (a.loc[both, "illicit"].astype(str) == b.loc[both, "illicit"].astype(str)).all()


def test_the_payback_leaves_a_partners_recognition_out():
    row = {"option": "aeo_partner_recognition.share-0.1", "measure": "trader_cost",
           "dimension": "trader_class", "port": "sea_port", "direction": "import",
           "group": CERTIFIED, "unit": "USD", "n": 75, "mean_change": -42.0, "ci_low": -68.0,
           "ci_high": -12.0}
    certified = {**row, "option": "aeo_mutual_recognition.shift-0.1"}
    rows = payback_rows(pd.DataFrame([row, certified]), Certification(1200))
    assert [r["option"] for r in rows] == ["aeo_mutual_recognition.shift-0.1"]
