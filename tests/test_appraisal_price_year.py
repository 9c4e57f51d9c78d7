"""``bordersim appraise --price-year``: a business case in another year's prices, every
money figure carried by a published price index (sim/data/price_index.csv), amounts given at
appraisal read at that year, a year the index does not cover refused."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment import price_index as pi

#: the figures of appraisal.json not in money (they must not move with the prices)
NOT_MONEY = ("hours_saved_per_year", "capacity_freed_hours_per_year", "payback_years",
             "finds_gained_per_year")


def _published(name: str) -> dict[int, float]:
    with pi.DATA.open(newline="", encoding="utf-8") as f:
        return {int(r["year"]): float(r["value"]) for r in csv.DictReader(f)
                if r["index"] == name}


def test_a_factor_is_the_ratio_of_the_published_levels():
    us = _published("us_cpi_u")
    assert pi.factor("us_cpi_u", 2010, 2019) == pytest.approx(us[2019] / us[2010])
    assert pi.factor("us_cpi_u", 2019, 2019) == 1.0
    cn = _published("cn_cpi")  # (each year's change on the one before, previous year = 100)
    assert pi.factor("cn_cpi", 2017, 2019) == pytest.approx(cn[2018] * cn[2019] / 1e4)
    assert pi.factor("cn_cpi", 2019, 2017) == pytest.approx(1e4 / (cn[2018] * cn[2019]))
    for name, info in pi.INDICES.items():  # every index cites its source
        assert info.source.startswith("source: ") and _published(name), name


def test_a_year_the_index_does_not_cover_is_refused():
    first, last = pi.covered("us_cpi_u")
    for year in (first - 1, last + 1):
        with pytest.raises(pi.PriceIndexError, match=f"covers {first} to {last} only, not "
                                                     f"{year}; allowed"):
            pi.factor("us_cpi_u", 2019, year)
    with pytest.raises(pi.PriceIndexError, match="'eur_hicp' not known; allowed: us_cpi_u"):
        pi.level("eur_hicp", 2019)


def _folder(path: Path, currency: str = "USD", year: int | None = 2019) -> Path:
    """A comparison's folder as appraise reads it: option ``o`` adds 1,000 of equipment, 100
    a year of running cost and a reform's set-up cost of 500, and saves traders 400 a year
    and 0.5 h on each of 1,000 consignments."""
    path.mkdir()
    (path / "compare.json").write_text(json.dumps({"days": 365, "money": "USD at 2019 prices"}))
    rows = []
    for r, level in enumerate((1.0, 2.0, 3.0)):
        for name, saved, outlay, running, hours in (("baseline", 0.0, 5000.0, 2000.0, 10.0),
                                                    ("o", 400.0, 6000.0, 2100.0, 9.5)):
            trader = 4000.0 * level - saved
            rows.append({"option": name, "replication": r, "agency_capital_outlay": outlay,
                         "agency_running_cost_per_year": running * level,
                         "trader_cost_per_year": trader, "trader_cost_per_consignment": 4.0,
                         "time_per_consignment": 3.0, "overall_clearance_h_mean": hours * level,
                         "consignments_released": 1000.0})
    pd.DataFrame(rows).to_csv(path / "replications.csv", index=False)
    for name, setup in (("baseline", {}), ("o", {"portal": 500.0})):
        costs = {"discount_rate": 0.08, "setup": setup, "currency": currency,
                 **({} if year is None else {"price_year": year})}
        (path / "options" / name).mkdir(parents=True)
        (path / "options" / name / "scenario.json").write_text(json.dumps({"costs": costs}))
    return path


def _appraise(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    from sim.cli import main

    assert main(["appraise", str(folder), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_every_money_figure_is_carried_and_nothing_else(tmp_path, capsys):
    folder = _folder(tmp_path / "c")
    at_2019 = _appraise(folder, capsys)
    at_2024 = _appraise(folder, capsys, "--price-year", "2024")
    f = pi.factor("us_cpi_u", 2019, 2024)
    assert f > 1.1  # (the years between had inflation: a carrying that did nothing shows)
    assert (at_2019["money"], at_2019["carried"]) == ("USD at 2019 prices", None)
    assert at_2024["money"] == "USD at 2024 prices"
    assert at_2024["carried"]["factor"] == f and at_2024["carried"]["index"] == "us_cpi_u"
    moved = 0
    for figure, old in at_2019["options"]["o"].items():
        new = at_2024["options"]["o"][figure]
        for key in ("mean", "ci_low", "ci_high"):
            if not isinstance(old[key], float):
                assert new[key] == old[key], figure
            elif figure in NOT_MONEY:
                assert new[key] == pytest.approx(old[key]), figure
            else:
                assert new[key] == pytest.approx(old[key] * f), (figure, key)
                moved += old[key] != 0
    assert moved > 10
    assert at_2024["options"]["o"]["setup_cost"]["mean"] == pytest.approx(500.0 * f)


def test_amounts_given_are_read_at_the_year_asked(tmp_path, capsys):
    folder = _folder(tmp_path / "c")
    got = _appraise(folder, capsys, "--price-year", "2024", "--setup", "o=7",
                    "--running", "o=3")["options"]["o"]
    f = pi.factor("us_cpi_u", 2019, 2024)
    assert got["setup_cost"]["mean"] == 7.0
    assert got["running_cost_given_per_year"]["mean"] == 3.0
    assert got["running_cost_per_year"]["mean"] == pytest.approx(3.0 + 200.0 * f)


def test_the_carrying_is_said_in_english_chinese_and_the_reports(tmp_path, capsys):
    from sim.cli import main
    from sim.report.workbook_appraisal import given_flags
    from sim.report.zh_appraisal import text

    folder = _folder(tmp_path / "c")
    assert main(["appraise", str(folder), "--price-year", "2024",
                 "--price-index", "cn_cpi"]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert line.startswith("Every money figure carried from 2019 to 2024 prices by the China "
                           "consumer price index (cn_cpi): x ")
    assert "National Bureau of Statistics" in line
    carried = pi.carried_of(line)
    assert carried is not None and (carried.index, carried.to_year) == ("cn_cpi", 2024)
    assert text(line) == carried.said_zh() and "由 2019 年价格折算为 2024 年价格" in text(line)
    assert main(["appraise", str(folder), "--price-year", "2024", "--lang", "zh"]) == 0
    assert "美国消费者价格指数" in capsys.readouterr().out
    terms = json.loads((folder / "appraisal.json").read_text())
    assert given_flags(folder, terms)[-4:] == ["--price-year", "2024", "--price-index",
                                               "us_cpi_u"]


@pytest.mark.parametrize("made, args, words", [
    ({}, ["--price-year", "2031"], "--price-year 2031: the US consumer price index (CPI-U) "
                                   "(us_cpi_u) in bordersim's data covers 2000 to 20"),
    ({}, ["--price-year", "2024.5"], "--price-year 2024.5: a year, a whole number"),
    ({}, ["--price-year", "2024", "--price-index", "eur"], "--price-index eur: price index "
                                                           "'eur' not known; allowed: us_cpi_u"),
    ({}, ["--price-index", "cn_cpi"], "--price-index cn_cpi: carries money only with "
                                      "--price-year"),
    ({"currency": "EUR"}, ["--price-year", "2024"], "no price index of EUR in bordersim's "
                                                    "data; allowed: --price-index us_cpi_u"),
    ({"year": None}, ["--price-year", "2024"], "gives no costs.price_year"),
])
def test_bad_price_arguments_are_one_line(tmp_path, capsys, made, args, words):
    from sim.cli import main

    folder = _folder(tmp_path / "c", **made)
    assert main(["appraise", str(folder), *args]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert words in err and "Traceback" not in err, err


def test_reproduce_works_a_carried_appraisal_out_again(tmp_path, capsys):
    """The check of a folder against itself carries the replications as appraise did (a
    business case at 2024 prices is not read as an edited one at 2019's)."""
    from sim.appraisal_check import appraisal_problems

    folder = _folder(tmp_path / "c")
    _appraise(folder, capsys, "--price-year", "2024", "--price-index", "cn_cpi")
    assert appraisal_problems(folder) == []
    record = json.loads((folder / "appraisal.json").read_text())
    record["carried"]["to_year"] = 2023  # (the terms edited: the figures no longer theirs)
    (folder / "appraisal.json").write_text(json.dumps(record))
    assert "not the appraisal worked out again" in " ".join(appraisal_problems(folder))
