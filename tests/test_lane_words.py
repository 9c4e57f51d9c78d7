"""Every lane of the catalogue and every stretch of the flow has its words: a lane its
Chinese name and its place, with its scenario field, in the metric glossary's ``lane``
placeholder; a stretch of the flow its Chinese name. Both lists are written by hand beside
the declarations (docs/adding-a-step.md, step 6); a new lane left out of both failed none
of the glossary's, the reports' or the workbook's tests."""

from __future__ import annotations

from sim.experiment.metric_glossary import PLACEHOLDERS
from sim.lane_catalogue import KEYS
from sim.report.zh_glossary import VALUES
from sim.stretches import FLOW


def test_every_lane_has_its_chinese_name():
    missing = [k for k in KEYS if k not in VALUES["lane"]]
    assert not missing, f"add to the 'lane' words of sim/report/zh_glossary.py: {missing}"


def test_every_lane_is_in_the_metric_glossarys_lane_placeholder():
    meaning = PLACEHOLDERS["lane"][0]
    missing = [k for k in KEYS if f"`{k}`" not in meaning]
    assert not missing, (
        f"name them, with their scenario fields, in the 'lane' placeholder of "
        f"sim/experiment/metric_glossary.py: {missing}"
    )


def test_every_stretch_of_the_flow_has_its_chinese_name():
    missing = [s for s in FLOW if s not in VALUES["stretch"]]
    assert not missing, f"add to the 'stretch' words of sim/report/zh_glossary.py: {missing}"
