"""``bordersim appraise``'s spread of the NPV from its cost inputs: each input at its low and
high end, the others central, ranked by the swing; worked from the comparison's replications
alone, beside (never instead of) the interval over the replications."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment.appraisal import Appraisal, appraise
from sim.experiment.appraisal_spread import INPUTS, Range, default_ranges, tornado

#: the option's set-up cost and running cost added, and the horizon's terms
SETUP, RUNNING, YEARS, RATE = 50_000.0, 2_000.0, 10, 0.08


def _replications() -> pd.DataFrame:
    """Three paired replications: option ``o`` adds equipment of 1,000, saves traders 4,000
    a year (the value of time's share of their cost falls from 3/4 to 2.7/4: a time saving
    of 3,000 x level + 0.675 x 4,000, 5,700 a year on average) and raises the running cost
    by 500 a year."""
    rows = []
    for r, level in enumerate((1.0, 1.1, 0.9)):
        for name, extra in (("baseline", 0.0), ("o", 1.0)):
            trader = 40_000.0 * level - extra * 4_000.0
            rows.append({"option": name, "replication": r,
                         "agency_capital_outlay": 5_000.0 + extra * 1_000.0,
                         "agency_running_cost_per_year": 9_000.0 * level + extra * 500.0,
                         "trader_cost_per_year": trader, "trader_cost_per_consignment": 4.0,
                         "time_per_consignment": 3.0 - extra * 0.3,
                         "overall_clearance_h_mean": 10.0 * level - extra,
                         "consignments_released": 1000.0})
    return pd.DataFrame(rows)


def _ask(**kw: float) -> Appraisal:
    return Appraisal(YEARS, RATE, 365.0, setup={"o": SETUP}, running={"o": RUNNING}, **kw)


def _npv(ask: Appraisal) -> float:
    table = appraise(_replications(), ["o"], ask)
    return float(table.loc[table["figure"] == "net_present_value", "mean"].iloc[0])


def test_at_the_centre_the_npv_is_the_appraisals_own_bit_for_bit():
    ask = _ask()
    central = _npv(ask)
    for s in tornado(_replications(), "o", ask,
                     [Range(r.name, r.central, r.central, r.central, "")
                      for r in default_ranges("o", ask)]):
        # (an input of zero width moves nothing)
        assert s.npv_low == central and s.npv_high == central and s.swing == 0


def test_widening_one_inputs_range_widens_the_spread_by_the_amount_worked_by_hand():
    ask = _ask()
    annuity = ask.annuity()

    def swing(name: str, low: float, high: float) -> float:
        return tornado(_replications(), "o", ask, [Range(name, low, 0.0, high, "")])[0].swing

    # year 0's set-up cost is not discounted: the NPV moves by its change
    assert swing("setup_cost", SETUP, SETUP * 2) == pytest.approx(SETUP)
    assert (swing("setup_cost", SETUP / 2, SETUP * 3) - swing("setup_cost", SETUP / 2, SETUP * 2)
            == pytest.approx(SETUP))
    # a running cost a year: by its change over the horizon's annuity
    assert swing("running_cost_given", 0.0, RUNNING) == pytest.approx(RUNNING * annuity)
    # the value of time: 5,700 a year of the traders' saving, scaled
    assert swing("time_value", 1.0, 3.5) == pytest.approx(2.5 * 5_700.0 * annuity)
    # the equipment's price: its outlay of 1,000 at year 0
    assert swing("equipment_price", 0.5, 2.0) == pytest.approx(1.5 * 1_000.0)
    # the discount rate: the NPV worked again at each rate
    low, high = _npv(_ask()), _npv(Appraisal(YEARS, 0.12, 365.0, setup={"o": SETUP},
                                             running={"o": RUNNING}))
    assert swing("discount_rate", RATE, 0.12) == pytest.approx(abs(high - low))


def test_the_inputs_are_ranked_by_their_swing():
    ask = _ask()
    swings = tornado(_replications(), "o", ask)
    assert [s.swing for s in swings] == sorted((s.swing for s in swings), reverse=True)
    assert {s.range.name for s in swings} == set(INPUTS)
    # (a set-up cost ten times as uncertain moves to the top)
    wide = [Range("setup_cost", 0.0, SETUP, SETUP * 20, ""),
            *(r for r in default_ranges("o", ask) if r.name != "setup_cost")]
    assert tornado(_replications(), "o", ask, wide)[0].range.name == "setup_cost"
    assert tornado(_replications(), "o", ask, wide[1:])[0].range.name != "setup_cost"


def _folder(path: Path) -> Path:
    """A comparison's folder of :func:`_replications` (option ``o``)."""
    path.mkdir()
    (path / "compare.json").write_text(json.dumps({"days": 365, "money": "USD at 2019 prices"}))
    _replications().to_csv(path / "replications.csv", index=False)
    for name in ("baseline", "o"):
        (path / "options" / name).mkdir(parents=True)
        scenario = {"costs": {"discount_rate": RATE, "currency": "USD", "price_year": 2019}}
        (path / "options" / name / "scenario.json").write_text(json.dumps(scenario))
    return path


def _numbers(lines: list[str]) -> list[list[str]]:
    """Each line's figures before its reason (the input's ends, the NPV at each, the swing)."""
    return [re.findall(r"-?[0-9][0-9,.]*", re.split("[;；]", line)[0]) for line in lines]


def test_the_terminal_json_and_chinese_carry_the_same_spread(tmp_path, capsys):
    from sim.cli import main

    folder = _folder(tmp_path / "c")
    terms = ["--setup", f"o={SETUP:g}", "--running", f"o={RUNNING:g}"]
    assert main(["appraise", str(folder), "--json", *terms]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = data["input_spread"]["o"]
    assert [r["input"] for r in rows][0] == tornado(_replications(), "o", _ask())[0].range.name
    assert data["options"]["o"]["net_present_value"]["mean"] == _npv(_ask())  # (unchanged)
    assert data["input_spread_assumes"].startswith("The NPV's spread from the cost inputs")
    assert main(["appraise", str(folder), *terms]) == 0
    en = capsys.readouterr().out.splitlines()
    assert main(["appraise", str(folder), "--lang", "zh", *terms]) == 0
    zh = capsys.readouterr().out.splitlines()
    # (the spread: after the figures, before the closing note on reading them)
    en_spread = en[next(i for i, x in enumerate(en) if x.startswith("The NPV's spread")):-1]
    zh_spread = zh[next(i for i, x in enumerate(zh) if x.startswith("净现值随成本输入")):-1]
    assert len(en_spread) == len(rows) + 3  # (what it assumes, the option, all together)
    assert _numbers(en_spread[2:]) == _numbers(zh_spread[2:])  # (the same figures)
    assert all(len(n) >= 4 for n in _numbers(en_spread[3:]))
    together = data["input_spread_together"]["o"]
    assert f"{together['low']:,.0f} 至 {together['high']:,.0f}" in zh_spread[2]
    setup = next(r for r in rows if r["input"] == "setup_cost")
    assert f"{setup['npv_at_low']:,.0f}" in "\n".join(zh_spread)


def test_the_report_and_its_chinese_carry_the_same_spread(tmp_path, capsys):
    from sim.cli import main
    from sim.report.appraisal_section import appraisal_section
    from sim.report.translate import translate
    from tests.test_cli_lang_notes import english_left

    folder = _folder(tmp_path / "c")
    assert main(["appraise", str(folder), "--json", "--setup", f"o={SETUP:g}"]) == 0
    rows = json.loads(capsys.readouterr().out)["input_spread"]["o"]
    en = "<html lang='en'><body>" + "".join(appraisal_section(folder)) + "</body></html>"
    zh = translate(en, "zh")
    assert "<h3>The NPV&#x27;s spread from the cost inputs</h3>" in en
    assert "<h3>净现值随成本输入的变化范围</h3>" in zh
    cell = re.compile(r"<td>([^<]*)</td>")
    cells_en, cells_zh = cell.findall(en), cell.findall(zh)
    # (each row: option, input, range, NPV at the low and at the high end, swing, reason)
    assert len(cells_en) == len(cells_zh) >= 7 * len(rows)
    figures = [c for i, c in enumerate(cells_en[-7 * len(rows):]) if i % 7 in (3, 4, 5)]
    assert figures == [c for i, c in enumerate(cells_zh[-7 * len(rows):]) if i % 7 in (3, 4, 5)]
    assert f"{rows[0]['swing']:,.0f}" in figures  # (the widest first, as appraisal.json)
    assert "× 1 至 × 3.5" in zh and "25,000 至 100,000" in zh  # (the set-up cost given)
    assert "0，未变动" in zh and "0, not varied" in en  # (no running cost added)
    together = json.loads((folder / "appraisal.json").read_text())["input_spread_together"]
    said = f"{together['o']['low']:,.0f} 至 {together['o']['high']:,.0f}"
    assert "o：全部一并（带固定种子的蒙特卡洛模拟，2,000 次抽样" in zh and said in zh
    text = re.sub(r"<[^>]*>", "\n", zh)
    assert english_left(text) == [] and "data-untranslated" not in zh, english_left(text)


def test_a_cost_range_given_replaces_the_default_and_widens_the_spread_by_hand(tmp_path,
                                                                             capsys):
    from sim.cli import main

    folder = _folder(tmp_path / "c")

    def setup_row(*ranges: str) -> dict:
        assert main(["appraise", str(folder), "--json", "--setup", f"o={SETUP:g}",
                     *(w for r in ranges for w in ("--cost-range", r))]) == 0
        data = json.loads(capsys.readouterr().out)
        return next(r for r in data["input_spread"]["o"] if r["input"] == "setup_cost")

    default, wider = setup_row(), setup_row("setup_cost=0.5:3")
    assert default["swing"] == pytest.approx(1.5 * SETUP) and default["why"].startswith("assum")
    assert wider["swing"] - default["swing"] == pytest.approx(SETUP)  # (high end 2 -> 3)
    assert wider["why"] == "given (--cost-range)" and wider["high"] == 3 * SETUP
    from sim.report.workbook_appraisal import given_flags

    terms = json.loads((folder / "appraisal.json").read_text())  # (the last: 0.5:3)
    assert terms["cost_ranges"] == {"setup_cost": [0.5, 3.0]}
    assert given_flags(folder, terms)[-2:] == ["--cost-range", "setup_cost=0.5:3"]
    assert setup_row("setup_cost=1:1")["swing"] == 0  # (zero width: moves nothing)


@pytest.mark.parametrize("given, en, zh", [
    ("setup_cost=2:3", "--cost-range setup_cost=2:3: LOW 0 or more, at most 1, HIGH at least 1",
     "--cost-range setup_cost=2:3：下限应不小于 0 且不大于 1，上限应不小于 1"),
    ("discount_rate=0.05:0.5", "HIGH at least 0.08 and at most 0.3",
     "上限应不小于 0.08 且不大于 0.3"),
    ("scanner=1:2", "not INPUT=LOW:HIGH (its inputs: setup_cost, running_cost_given,",
     "格式应为 INPUT=LOW:HIGH（INPUT 为输入名，LOW、HIGH 为下限和上限；其输入：setup_cost,"),
])
def test_a_bad_cost_range_is_refused_in_english_and_chinese(tmp_path, capsys, given, en, zh):
    from sim.cli import main

    folder = _folder(tmp_path / "c")
    assert main(["appraise", str(folder), "--cost-range", given]) == 2
    assert en in capsys.readouterr().err
    assert main(["appraise", str(folder), "--cost-range", given, "--lang", "zh"]) == 2
    assert zh in capsys.readouterr().err


def test_a_spread_edited_after_it_was_written_is_found(tmp_path, capsys):
    from sim.appraisal_check import appraisal_problems
    from sim.cli import main

    folder = _folder(tmp_path / "c")
    assert main(["appraise", str(folder), "--setup", f"o={SETUP:g}",
                 "--cost-range", "discount_rate=0.05:0.1"]) == 0
    capsys.readouterr()
    assert appraisal_problems(folder) == []  # (the ranges given are worked out again too)
    file = folder / "appraisal.json"
    terms = json.loads(file.read_text())
    terms["input_spread"]["o"][0]["npv_at_low"] += 1.0
    file.write_text(json.dumps(terms))
    said = appraisal_problems(folder)
    assert len(said) == 1 and " npv_at_low is " in said[0], said
    assert f"o spread_of_{terms['input_spread']['o'][0]['input']} npv_at_low" in said[0]


def _fixed(ask: Appraisal, **widths: tuple[float, float]) -> list[Range]:
    """The option's inputs at zero width but those of ``widths`` (low, high)."""
    return [Range(r.name, *widths.get(r.name, (r.central, r.central))[:1], r.central,
                  widths.get(r.name, (r.central, r.central))[1], "")
            for r in default_ranges("o", ask)]


def _joint(ask: Appraisal, ranges: list[Range], reps: pd.DataFrame | None = None):
    from sim.experiment.appraisal import present_values, yearly_flows
    from sim.experiment.appraisal_montecarlo import joint

    reps = _replications() if reps is None else reps
    base, mine = reps[reps["option"] == "baseline"], reps[reps["option"] == "o"]
    npv = present_values(yearly_flows(mine, base, ask, SETUP, RUNNING), ask)
    return joint(mine, base, ask, ranges, npv["net_present_value"].to_numpy(float))


def test_the_monte_carlo_at_zero_width_and_no_noise_is_the_central_npv():
    ask = _ask()
    together = _joint(ask, _fixed(ask))
    assert together.low == pytest.approx(_npv(ask)) and together.high == pytest.approx(_npv(ask))


def test_the_monte_carlo_draws_a_set_up_cost_triangular_as_worked_by_hand():
    ask = _ask()
    together = _joint(ask, _fixed(ask, setup_cost=(SETUP / 2, SETUP * 2)))
    # triangular(25,000, 50,000, 100,000): its 2.5 % point 25,000 + sqrt(0.025 x 75,000 x
    # 25,000) and its 97.5 % point 100,000 - sqrt(0.025 x 75,000 x 50,000)
    low_cost = SETUP / 2 + (0.025 * 1.5 * SETUP * SETUP / 2) ** 0.5
    high_cost = SETUP * 2 - (0.025 * 1.5 * SETUP * SETUP) ** 0.5
    tolerance = 0.03 * 1.5 * SETUP  # (2,000 draws)
    assert together.high == pytest.approx(_npv(ask) + SETUP - low_cost, abs=tolerance)
    assert together.low == pytest.approx(_npv(ask) + SETUP - high_cost, abs=tolerance)
    assert _joint(ask, _fixed(ask, setup_cost=(SETUP / 2, SETUP * 2))) == together  # (seeded)


def test_the_monte_carlo_adds_the_simulations_noise():
    from scipy import stats

    reps = _replications()
    noise = reps["replication"].map({0: -300.0, 1: 0.0, 2: 300.0})
    reps.loc[reps["option"] == "o", "agency_running_cost_per_year"] += noise
    ask = _ask()
    table = appraise(reps, ["o"], ask)
    row = table[table["figure"] == "net_present_value"].iloc[0]
    together = _joint(ask, _fixed(ask), reps)
    half = row["ci_high"] - row["mean"]  # (the t interval: t(0.975, 2) standard errors)
    assert together.high - together.low == pytest.approx(2 * half, rel=0.15)
    assert stats.t.ppf(0.975, 2) > 4  # (so the noise is not a normal's)
