"""A comparison with dated reforms on the page: its periods labelled by date (not by another
option's reform, nor by field names), which option switches on what and when said once, each
option's own switch-on marked as its own, a dated reform's strengths and transition in the
options table, and a caveat on the whole-run lines of a reform in force for part of the run."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from sim.experiment.options import Option
from sim.report.folder import Variant
from sim.report.headline import headline
from sim.report.options_table import options_rows
from sim.report.periods import periods_of

PERIODS = ["era_0 from the observed days' start (day 14)",
           "era_1 from day 21: smart_image_review:clear=0.9"]  # (as compare.json names them)


def _scenario(timeline: list[dict]) -> dict:
    return {"name": "s", "warmup_days": 14.0, "days": 14.0, "timeline": timeline,
            "periods_at": [504.0]}


def _comparison(options: list[Option], timelines: dict[str, list[dict]], meta_periods=PERIODS):
    """A comparison's result and variants with one difference row per option and metric."""
    metrics = ["clearance_h_mean_import", "agency_cost_per_year", "clearance_h_mean_era_0_import",
               "clearance_h_mean_era_1_import"]  # fmt: skip
    rows = [(o.name, m, -0.5, -0.8, -0.2) for o in options[1:] for m in metrics]
    diffs = pd.DataFrame(rows, columns=["option", "metric", "mean", "shown_low", "shown_high"])
    res = SimpleNamespace(names=[o.name for o in options], options=options, differences=diffs,
                          meta={"currency": "USD", "periods": meta_periods},
                          unstable=lambda name: False)  # fmt: skip
    variants = {o.name: Variant(o.name, Path("."), _scenario(timelines.get(o.name, [])), [0])
                for o in options}  # fmt: skip
    return res, variants


def _sections(text: str) -> dict[str, str]:
    """The headline's text by option (its <h3> to the next)."""
    parts = re.split(r"<h3>(.*?)</h3>", html.unescape(text))
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_periods_are_labelled_by_date_and_each_options_own_switch_on_is_its_own():
    options = [Option("baseline"), Option("single_window", reform="single_window"),
               Option("sir", reform="smart_image_review:clear=0.9@21d")]
    res, variants = _comparison(
        options, {"sir": [{"reform": "smart_image_review:clear=0.9", "at": 504.0}]})
    text = html.unescape("".join(headline(res, None, periods_of(res.meta, options, variants))))
    by = _sections(text)
    assert "Goods arriving from day 21 (7 days into the observed run)" in by["single_window"]
    assert "smart_image_review" not in by["single_window"]  # (another option's reform)
    assert "era_1)" not in text and "periods_at" not in text
    assert ("to the observed run's end (day 28), its own smart_image_review (clear = 0.9) in "
            "force:") in by["sir"]
    said = "sir switches on smart_image_review (clear = 0.9) on day 21 (7 days into the observed"
    assert text.count(said) == 1


def test_two_options_dated_the_same_day_each_name_their_own_reform():
    options = [Option("baseline"), Option("t", reform="merged_inspection:transition_days=5,"
                                            "transition_loss=0.3@18d"),
               Option("m", reform="merged_inspection@18d")]
    timelines = {"t": [{"reform": "merged_inspection:transition_days=5,transition_loss=0.3",
                        "at": 432.0}], "m": [{"reform": "merged_inspection", "at": 432.0}]}
    periods = ["era_0 from the observed days' start (day 14)", "era_1 from day 18: "
               "merged_inspection:transition_days=5,transition_loss=0.3"]
    res, variants = _comparison(options, timelines, periods)
    for v in variants.values():
        v.scenario["periods_at"] = [432.0]
    by = _sections("".join(headline(res, None, periods_of(res.meta, options, variants))))
    assert "its own merged_inspection (transition 5 days, officers' service times +30 %, days " \
        "18\u201323) in force:" in by["t"]
    assert "its own merged_inspection in force:" in by["m"] and "transition" not in by["m"]


def test_a_third_options_date_is_a_date_not_a_field_name():
    """Without the folder's scenarios (compare.json alone) a period is still its date."""
    options = [Option("baseline"), Option("a", reform="training@18d")]
    meta = ["era_0 from the observed days' start (day 14)", "era_1 from day 18: training",
            "era_2 from day 24: periods_at (in a comparison: a compared option's dated reform)"]
    res, _ = _comparison(options, {}, meta)
    text = "".join(headline(res))
    assert "era_2: goods arriving from day 24" in text and "periods_at" not in text


def test_a_dated_reforms_strengths_transition_and_date_are_in_the_options_table():
    options = [Option("baseline"), Option("t", reform="merged_inspection:transition_days=5,"
                                            "transition_loss=0.3@18d"),
               Option("c", reform="smart_image_review:clear=0.9@21d"),
               Option("u", reform="single_window:uptake=0.5")]
    timelines = {"t": [{"reform": "merged_inspection:transition_days=5,transition_loss=0.3",
                        "at": 432.0}],
                 "c": [{"reform": "smart_image_review:clear=0.9", "at": 504.0}]}
    _, variants = _comparison(options, timelines)
    text = html.unescape(options_rows(options, variants))
    assert ("merged_inspection (transition 5 days, officers' service times +30 %, days "
            "18\u201323), from day 18 (4 days into the observed run)") in text
    assert "smart_image_review (clear = 0.9), from day 21 (7 days into the observed run)" in text
    assert "single_window (uptake = 0.5): one submission portal" in text


def test_the_whole_run_lines_of_a_reform_in_force_for_part_of_it_say_so():
    options = [Option("baseline"), Option("single_window", reform="single_window"),
               Option("sir", reform="smart_image_review:clear=0.9@21d")]
    res, variants = _comparison(
        options, {"sir": [{"reform": "smart_image_review:clear=0.9", "at": 504.0}]})
    by = _sections("".join(headline(res, None, periods_of(res.meta, options, variants))))
    caveat = ("in force for 7 of 14 observed days: whole-run figures mix the periods; see the "
              "period figures")
    assert caveat in by["sir"] and "agencies' cost per year" in by["sir"].split(caveat)[1]
    assert "in force for" not in by["single_window"]
