"""A call pattern's share (``arrivals.calls.share``): that share of a port's imports comes by
the pattern's calls, the rest as the port's random calls at ``rate x (1 - share)``, merged
by time; the written rate and size are kept, what reads the port's volume sums both, a
share of 1 written hashes as none written, and a share that cannot be followed is refused
naming the field."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.cli_zh_errors import error_line
from sim.cli_zh_listings import clause
from sim.experiment.outlook import OutlookError, growth_changes
from sim.experiment.store import scenario_hash
from sim.model.arrivals import arrival_groups
from sim.model.call_draws import pattern_calls
from sim.model.draws import WIDTH
from sim.model.streams import CALLS, UniformRows, port_stream, replication_seed
from sim.scenario.arrival_rates import arrival_lines
from sim.scenario.call_share import expected_share, share_notes
from sim.scenario.dormant import idle_changes, unused_parts
from sim.scenario.loader import ScenarioError
from sim.scenario.schema import expected_per_hour
from tests.test_cli_lang_notes import english_left

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"drain_days": 1, "days": 2}
#: small.toml's sea port: random calls 3 a day of uniform(70, 210) declarations
RATE, SIZE_MEAN, SIZE_SD = 3 / 24, 140.0, 140 / math.sqrt(12)
PATTERN = {
    "slots": ["Mon 06:00", "Thu 12:00"],
    "window_h": 2,
    "boxes": {"dist": "triangular", "low": 300, "mode": 400, "high": 500},
    "boxes_per_declaration": 2,
}
#: a call's declarations: triangular(300, 400, 500) boxes over 2, rounded
CALL_MEAN, CALL_SD = 200.0, math.sqrt(30000 / 18 / 4 + 1 / 12)


def shared(share: float, **over: object) -> sim.Scenario:
    """small.toml's sea port with ``PATTERN`` bringing ``share`` of its imports."""
    return sim.load_scenario(SMALL, {**SHORT, "ports.sea.arrivals.calls": {**PATTERN,
                                     "share": share}, **over})


def test_the_share_comes_by_the_calls_and_the_rest_at_rate_times_one_minus_share():
    share, until = 0.4, 52 * 168.0
    spec = shared(share).ports["sea"].arrivals
    assert spec.calls is not None
    rows = UniformRows(np.random.default_rng(0), WIDTH)
    got = [(float(t[0]), len(t)) for t, _ in arrival_groups(
        spec, np.random.default_rng(1), rows, until, rest=np.random.default_rng(2))]
    assert [t for t, _ in got] == sorted(t for t, _ in got)  # merged by time
    drawn = list(pattern_calls(spec.calls, np.random.default_rng(1), until))
    rest = Counter(got)
    rest.subtract(Counter(drawn))
    assert min(rest.values()) >= 0  # every call of the pattern came, whole
    random = list(rest.elements())
    # the pattern's volume: two calls a week, each rint(triangular / 2) declarations
    assert len(drawn) == 2 * 52
    pattern = sum(n for _, n in drawn)
    assert abs(pattern - len(drawn) * CALL_MEAN) <= 4 * math.sqrt(len(drawn)) * CALL_SD
    # the rest: Poisson calls at rate x (1 - share), of batch.size's declarations
    calls = RATE * (1 - share) * until
    assert abs(len(random) - calls) <= 4 * math.sqrt(calls), (len(random), calls)
    sizes = np.array([n for _, n in random])
    assert abs(sizes.mean() - SIZE_MEAN) <= 4 * SIZE_SD / math.sqrt(len(sizes))
    assert sizes.min() >= 70 and sizes.max() <= 210
    # what the volume readers say is what came (compound Poisson and the calls' spread)
    total_sd = math.sqrt(calls * (SIZE_MEAN**2 + SIZE_SD**2) + len(drawn) * CALL_SD**2)
    came = sum(n for _, n in got)
    said = expected_per_hour(shared(share).ports["sea"])[0] * until
    assert abs(came - said) <= 4 * total_sd, (came, said)


def test_a_run_takes_the_patterns_calls_from_its_stream_and_random_calls_beside_them():
    scenario = shared(0.5)
    log = sim.simulate(scenario, 3, log=True).log
    imports = log[(log.port == "sea") & (log.direction == "import")]
    sizes = imports.groupby("arrived", sort=True).size()
    pattern = scenario.ports["sea"].arrivals.calls
    assert pattern is not None
    until = (scenario.warmup_days + scenario.days) * 24
    rng = port_stream(replication_seed(3, 0), "sea", CALLS)
    drawn = list(pattern_calls(pattern, rng, until))
    came = Counter((float(t), int(n)) for t, n in sizes.items())
    came.subtract(Counter(drawn))
    assert min(came.values()) >= 0, drawn
    others = list(came.elements())
    assert others and all(70 <= n <= 210 for _, n in others)  # batch.size's random calls


def test_a_share_keeps_the_written_rate_and_size_and_the_resolved_scenario_loads_again(
    tmp_path,
):
    s = shared(0.5)
    a = s.ports["sea"].arrivals
    assert a.rate == pytest.approx(RATE)
    assert a.batch is not None and a.batch.size.mean == pytest.approx(SIZE_MEAN)
    resolved = tmp_path / "scenario.json"
    resolved.write_text(json.dumps(s.model_dump(mode="json", by_alias=True)))
    assert sim.load_scenario(resolved) == s
    line = next(x for x in arrival_lines(s) if x.startswith("ports.sea.arrivals:"))
    assert "1.5 random calls/d" in line and "0.5 of the imports" in line


def test_a_share_of_one_written_hashes_as_none_written():
    plain = sim.load_scenario(SMALL, {**SHORT, "ports.sea.arrivals.calls": PATTERN})
    assert "share" not in plain.model_dump()["ports"]["sea"]["arrivals"]["calls"]
    assert scenario_hash(shared(1.0)) == scenario_hash(plain)
    assert scenario_hash(shared(0.5)) != scenario_hash(plain)


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"ports.sea.arrivals.calls.share": 0},
         r"ports\.sea\.arrivals\.calls\.share.*greater than 0"),
        ({"ports.sea.arrivals.calls.share": 1.5},
         r"ports\.sea\.arrivals\.calls\.share.*less than or equal to 1"),
        ({"ports.sea.arrivals.batch.size": None},
         r"ports\.sea\.arrivals\.calls\.share.*give arrivals\.rate and arrivals\.batch\.size"),
    ],
)
def test_a_share_that_cannot_be_followed_is_refused(over, message):
    with pytest.raises(ScenarioError, match=message):
        shared(0.5, **over)


def test_the_random_calls_beside_a_share_are_changed_by_their_fields():
    assert idle_changes(shared(0.5), ["ports.sea.arrivals.rate"]) is None
    assert idle_changes(shared(0.5), ["ports.sea.arrivals.batch.size"]) is None
    assert idle_changes(shared(1.0), ["ports.sea.arrivals.rate"]) is not None


def test_an_outlook_refuses_to_grow_a_share_it_cannot_grow_said_in_chinese():
    with pytest.raises(OutlookError, match=r"calls brings 0\.5 of the port's imports") as caught:
        growth_changes(shared(0.5), 1.1)
    line = error_line(str(caught.value), "zh")
    assert "ports.sea.arrivals.calls 以每周的船期模式带来该口岸进口的 0.5" in line, line
    assert "尚无中文" not in line and english_left(line) == [], line


def test_the_arrivals_line_of_a_share_is_said_in_chinese():
    line = next(x for x in arrival_lines(shared(0.5)) if x.startswith("ports.sea.arrivals:"))
    said = [clause(c) for c in line.split(": ", 1)[1].split("; ")]
    assert None not in said, line
    assert "船期模式带来进口的 0.5，其余由随机到港的班次按 rate 的 0.5 倍带来" in said


def test_a_share_given_to_a_resolved_pattern_needs_the_random_calls_rate_and_size():
    """A resolved scenario's rate and size are the pattern's own at a share of 1: a share
    given to it by an option or a patch would take them for the random calls'."""
    whole = sim.load_scenario(SMALL, {**SHORT, "ports.sea.arrivals.calls": PATTERN})
    with pytest.raises(ScenarioError, match=r"calls\.share.*what the pattern itself came to"):
        sim.patch(whole, {"ports.sea.arrivals.calls.share": 0.5})
    given = sim.patch(whole, {"ports.sea.arrivals.calls.share": 0.5,
                              "ports.sea.arrivals.rate": "3/d",
                              "ports.sea.arrivals.batch.size": {"dist": "uniform", "low": 70,
                                                                "high": 210}})
    assert given == shared(0.5)


def _boxed(share: float, expected: float) -> sim.Scenario:
    """small.toml's sea port with a pattern of share ``share`` whose calls (two a week, of
    fixed boxes) bring ``expected`` of its declarations on average."""
    random = RATE * (1 - share) * SIZE_MEAN  # (the random calls' declarations an hour)
    per_call = expected * random / (1 - expected) * 168 / 2
    return shared(share, **{"ports.sea.arrivals.calls.boxes": 2 * per_call})


@pytest.mark.parametrize(("expected", "noted"), [
    (0.5, False), (0.5 * 0.91, False), (0.5 * 1.09, False), (0.5 * 0.89, True),
    (0.5 * 1.11, True), (0.2, True),
])
def test_a_pattern_bringing_a_share_far_from_the_one_written_is_noted(expected, noted):
    scenario = _boxed(0.5, expected)
    line = next(x for x in arrival_lines(scenario) if x.startswith("ports.sea.arrivals:"))
    assert f"; the pattern brings {expected:.3g} of the declarations on average (" in line
    notes = [n for n in unused_parts(scenario) if "arrivals.calls brings" in n]
    assert len(notes) == noted, notes
    if noted:
        assert notes[0].startswith(f"ports.sea.arrivals.calls brings {expected:.3g} of the "
                                   "port's imports on average")
        assert "say 420/d" in notes[0]  # (3 calls a day of 140 declarations)


def test_the_boxes_a_note_suggests_bring_the_share_written():
    (note,) = share_notes(_boxed(0.3, 0.7))
    boxes = float(re.search(r"give the calls about ([\d,]+) boxes", note)[1].replace(",", ""))
    fixed = shared(0.3, **{"ports.sea.arrivals.calls.boxes": boxes})
    assert share_notes(fixed) == []
    found = expected_share(fixed.ports["sea"].arrivals)
    assert found is not None and found[0] == pytest.approx(0.3, rel=0.01)


def test_a_whole_pattern_and_a_port_without_one_say_no_share():
    whole = sim.load_scenario(SMALL, {**SHORT, "ports.sea.arrivals.calls": PATTERN})
    plain = sim.load_scenario(SMALL, SHORT)
    for scenario in (whole, shared(1.0), plain):
        assert share_notes(scenario) == []
        assert not any("the pattern brings" in x for x in arrival_lines(scenario))
