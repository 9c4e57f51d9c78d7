"""The default scenario's cited numbers against the research notes they cite.

Three kinds of check, none of which runs the model except the last:

- a published figure the scenario quotes must appear, as quoted, in the section of the
  research note (docs/research/) that the scenario cites for it;
- a parameter derived from a published figure must follow from it by the arithmetic its
  comment shows (to the rounding the comment admits);
- the run figures the file's header states (28 days, seed 1) must be what a run gives, to the
  digits written, and the hidden illicit share must sit where the enforcement notes say.

The calibration of inspection rates by credit class is in tests/test_calibration.py.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from scipy.stats import hypergeom

import sim

SCENARIOS = sim.default_scenario_path().parent
NOTES = Path(__file__).parent.parent / "docs" / "research"


def _flat(text: str) -> str:
    """A file's text with comment marks and line breaks folded into single spaces."""
    return " ".join(text.replace("#", " ").split())


def section(note: str, number: str) -> str:
    """The text of section ``§number`` of a research note: from its heading (``## 2.``,
    ``### 3.6``) to the next heading of the same or a higher level."""
    lines = (NOTES / note).read_text(encoding="utf-8").splitlines()
    level = 2 if "." not in number else 3
    start = re.compile(rf"^#{{{level}}} {re.escape(number)}\.?\s")
    out: list[str] = []
    for line in lines:
        if out and re.match(rf"^#{{1,{level}}} ", line):
            break
        if out or start.match(line):
            out.append(line)
    assert out, f"{note} has no section §{number}"
    return "\n".join(out)


#: (scenario file, the figure as the scenario quotes it, the note and section it cites, the
#: figure as the note writes it)
D, K, C, P = "default.toml", "china-2017.toml", "china-figures.md", "published-figures.md"
QUOTED = [
    (D, "36.7 h in December 2019", C, "2", "**36.7**"),
    (D, "seaborne imports averaged 58.2 h in 2020", C, "2", "58.2"),
    (D, "export figure was 2.6 h in December 2019", C, "2", "**2.6**"),
    (D, "1.78 h", C, "2", "**1.78**"),
    (D, "0.57 % for advanced-certified AEOs", P, "2.2", "0.57 %"),
    (D, "84.76 % for discredited", P, "2.2", "84.76 %"),
    (D, "below 20 % of the ordinary", P, "2.2", "< 20 %"),
    (D, "30-40 % of paperless declarations", C, "3.5", "30–40 %"),
    (D, "18.5 min per consignment", C, "3.6", "18.5 → 8.8 min"),
    (D, "≈ 3 s per image", P, "2.6", "≈3 s per image"),
    (D, "more than half of goods auto-identified", P, "2.6",
     "> half of goods auto-identified"),
    (D, "gantry 15-20 trucks/h", P, "2.6", "15–20 units/h"),
    (D, "CBP NII ≈ 8 min", P, "2.2", "8 min per exam"),
    (D, "physical exam up to 2 h", P, "2.2", "up to 120 min"),
    (D, "within 3 days before", C, "3.1", "within 3 days"),
    (D, "within 14 days", C, "3.2", "**14 days**"),
    (D, "36.3 % of trade value", C, "3.7", "36.3 % of national trade value"),
    (D, "660 million CBEC lists cleared in 2017, 8.4x", C, "3.8",
     "660 million CBEC manifests"),
    (D, "< 0.03 % a list averaged", C, "3.8", "< 0.03 %"),
    (D, "US$256.20 to export", P, "2.5", "$256.20"),
    (D, "US$73.57 export / US$77.25 import", P, "2.5", "$77.25"),
    (D, "1.21-8.16 %", P, "2.2", "8.16 %"),
    (D, "CBP ATS false-positive 3.6 %", P, "2.2", "false positive 3.6 %"),
    (D, "US$1-2 per box for a primary scan", P, "2.1", "$1–2 per container"),
    (K, "97.39 h and 12.29 h of 2017", C, "2", "**97.39**"),
    (K, "-62 % and -79 % to December 2019", C, "2", "−62.3 % / −78.6 %"),
    (K, "pilot from 24 Aug 2019", C, "3.2", "**24 Aug 2019**"),
]


@pytest.mark.parametrize(("scenario", "quoted", "note", "number", "written"), QUOTED)
def test_a_quoted_figure_is_in_the_section_it_cites(scenario, quoted, note, number, written):
    text = _flat((SCENARIOS / scenario).read_text(encoding="utf-8"))
    assert quoted in text, f"{scenario} no longer quotes {quoted!r}"
    assert written in section(note, number), f"{note} §{number} does not hold {written!r}"


@pytest.fixture(scope="module")
def default():
    return sim.load_scenario(sim.default_scenario_path())


def test_the_gantry_takes_a_truck_in_the_time_15_to_20_an_hour_give(default):
    service = default.ports["land_border"].scan.scanners.service
    assert (service.low, service.high) == pytest.approx((1 / 20, 1 / 15))


@pytest.mark.parametrize("port", ["sea_port", "land_border"])
def test_an_exam_lasts_up_to_2_h_at_the_95th_percentile(default, port):
    """CBP's physical exam "up to 120 min", read as the p95 of a lognormal."""
    d = default.ports[port].exam.duration
    sigma = math.sqrt(math.log(1 + d.cv**2))
    p95 = d.mean_ * math.exp(-(sigma**2) / 2 + 1.6449 * sigma)
    assert 1.9 <= p95 <= 2.0, p95


@pytest.mark.parametrize(("port", "boxes"), [("land_border", 1), ("airport", 1)])
def test_an_officer_reads_a_one_box_consignment_in_the_published_time(default, port, boxes):
    """Tianjin's 18.5 min a consignment before intelligent review (china-figures.md §3.6),
    one image a truck or air waybill; the files round it to whole minutes (18 min)."""
    mean = default.ports[port].scan.image_review.officers.service.mean_ * 60 * boxes
    assert abs(mean - 18.5) <= 0.5, mean


@pytest.mark.parametrize("port", ["sea_port", "land_border", "airport", "post_hub"])
def test_ai_reads_an_image_in_3_s_and_clears_at_least_half(default, port):
    review = default.ports[port].scan.image_review
    assert review.ai_time * 3600 == pytest.approx(3.0)
    assert review.ai_clear >= 0.5  # "more than half of goods auto-identified" (Tianjin)


def test_declaration_deadlines_are_the_published_ones(default):
    assert default.declaration.advance_max == pytest.approx(72.0)  # Order 243: 3 days
    assert default.after_release.two_step_declaration.deadline == pytest.approx(14 * 24.0)
    for name, port in default.ports.items():
        if port.exports is not None and port.exports.advance_lead is not None:
            assert port.exports.advance_lead.high <= 72.0, name


def test_the_risk_target_follows_from_the_aeo_rate_and_the_cap(default):
    assert default.risk.caps == {"aeo_advanced": 0.2}
    for target in (default.risk.target.import_, default.risk.target.export):
        assert abs(target - 0.0057 / 0.2) <= 0.0005 + 1e-12  # 2.85 %, to a tenth of a point


def test_an_officers_cost_and_hours_follow_from_the_published_wage(default):
    """104,069 yuan (NBS, eastern China, 2019) x 1.4 on-costs / 6.9 yuan a dollar; a 40-hour
    week less 11 public holidays and 10 days' leave."""
    for cost in default.costs.roles.values():
        assert cost == pytest.approx(104069 * 1.4 / 6.9, rel=0.005)
    assert default.costs.hours_per_year == pytest.approx(40 * 52 - (11 + 10) * 8, rel=0.01)
    guangdong = (SCENARIOS / "guangdong.toml").read_text(encoding="utf-8")
    assert "tariff = 145700" in guangdong and round(104069 * 1.4, -2) == 145700


def test_time_costs_lie_in_hummels_and_schaurs_range(default):
    """0.6-2.1 % of the goods' value a day (Hummels & Schaur 2013)."""
    rates = [default.costs.trader.time_cost_per_day]
    rates += [c.time_cost_per_day for c in default.costs.commodities.values()]
    for rate in rates:
        assert rate is None or 0.006 <= rate <= 0.021, rate


def test_the_quarantine_sample_finds_2_percent_infestation_with_95_percent_confidence(default):
    """ISPM 31: 149 units in a large lot; fewer (138) in a lot of 1,000."""
    s = default.enforcement.sampling
    infested = round(s.units_per_container * s.infested_share)
    assert hypergeom(s.units_per_container, infested, s.sample_units).pmf(0) <= 0.05
    assert s.sample_units <= math.ceil(math.log(0.05) / math.log(1 - s.infested_share)) + 1


def test_the_statutory_shares_the_commodities_note_gives(default):
    """The note's import shares by port follow from the traffic mixes, and each port's is
    above the "more than 10 %" customs gave when the clearance form went."""
    note = _flat((SCENARIOS / "default.toml").read_text(encoding="utf-8"))
    said = re.search(
        r"the sea port (\d+) % .*?the land border (\d+) %, the airport (\d+) %,"
        r" the post hub (\d+) %",
        note,
    )
    assert said, "the commodities note no longer gives the shares by port"
    for port, share in zip(("sea_port", "land_border", "airport", "post_hub"), said.groups(),
                           strict=True):
        mix = default.ports[port].traffic.commodities
        got = sum(w * default.commodities[c].statutory for c, w in mix.items())
        assert round(100 * got) == int(share), (port, got)
        assert got > 0.10, port


@pytest.fixture(scope="module")
def header_run():
    """The run the default's header describes: its 28 days, seed 1."""
    return sim.simulate(sim.load_scenario(sim.default_scenario_path()), 1).metrics()


#: (the header's words before the figure, the figure's words after it, the metric)
HEADER = [
    ("sea-port imports take", "h to leave the port",
     "overall_clearance_h_mean_port_sea_port_import"),
    (r"but only", r"h to release", "clearance_h_mean_port_sea_port_import"),
    (r"three goods ports together", r"h against", "overall_clearance_h_mean_goods_import"),
    (r"road crossing's", r"h and", "overall_clearance_h_mean_port_land_border_import"),
    (r"an airport's", r"h weigh in", "overall_clearance_h_mean_port_airport_import"),
    (r"exports", r"h to release", "clearance_h_mean_export"),
    (r"h to release and", r"h to loading", "overall_clearance_h_mean_export"),
]


@pytest.mark.parametrize(("before", "after", "metric"), HEADER)
def test_the_header_gives_what_its_run_gives(header_run, before, after, metric):
    """Each figure to the digits written (half a unit of the last digit)."""
    header = _flat((SCENARIOS / "default.toml").read_text(encoding="utf-8").split("\n\n")[0])
    said = re.search(rf"{before} (\d+(?:\.\d+)?) {after}", header)
    assert said, f"the header no longer says '{before} ... {after}'"
    figure = said.group(1)
    half = 0.5 * 10 ** -len(figure.partition(".")[2])
    assert abs(header_run[metric] - float(figure)) <= half, (metric, header_run[metric], figure)


def test_the_illicit_share_is_at_the_low_end_of_real_declaration_sets(header_run):
    """1.21-8.16 % of declarations in real sets (published-figures.md §2.2); the enforcement
    notes size the prevalence for the low end, here its lowest fifth."""
    low, high = 0.0121, 0.0816
    assert low <= header_run["illicit_share"] <= low + (high - low) / 5
