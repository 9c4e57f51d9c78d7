"""``bordersim appraise`` takes each reform's default set-up and running cost from the reform
library (:mod:`sim.reforms.cost_library`), priced on the baseline's scenario; a reform with no
figure leaves the payback not known, never "at once". Every folder is written by hand
(:func:`tests.test_appraisal._folder`): nothing is simulated."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from tests.test_appraisal import _folder


def _reform_folder(path: Path, reform: str, saved: float = 0.0) -> Path:
    """A folder whose option ``o`` is ``reform`` on the default scenario; the option saves
    traders ``saved`` a year more than the helper's 400."""
    import sim
    from sim.scenario.loader import BUNDLED
    from sim.scenario.patch import scenario_data

    folder = _folder(path, {"baseline": {}, "o": {}})
    data = scenario_data(sim.load_scenario(BUNDLED / "default.toml"))
    (folder / "options" / "baseline" / "scenario.json").write_text(json.dumps(data))
    options = [{"name": "baseline"}, {"name": "o", "reform": reform}]
    (folder / "compare.json").write_text(json.dumps({"days": 365, "money": "USD",
                                                     "options": options}))
    reps = pd.read_csv(folder / "replications.csv")
    reps.loc[reps["option"] == "o", "trader_cost_per_year"] -= saved
    reps.to_csv(folder / "replications.csv", index=False)
    return folder


def test_a_reforms_default_cost_reaches_the_npv_and_payback(tmp_path, capsys):
    """single_window's default: 3 officer-years a port to set up, half of one a year to run,
    at the default's 4 ports and US$21,100 an officer-year: 253,200 and 42,200 a year."""
    folder = _reform_folder(tmp_path / "c", "single_window", saved=200_000.0)
    assert main(["appraise", str(folder), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)["options"]["o"]
    setup, running = 3 * 21_100 * 4, 0.5 * 21_100 * 4
    assert got["setup_cost"]["mean"] == pytest.approx(setup)
    assert got["running_cost_given_per_year"]["mean"] == pytest.approx(running)
    annuity = (1 - 1.08 ** -10) / 0.08
    net = 200_400 - (100 + running)  # traders' saving less the running cost, a year
    assert got["net_present_value"]["mean"] == pytest.approx(annuity * net - (setup + 1000))
    # by hand: 158,100 / 1.08 = 146,389 < 254,200; + 158,100 / 1.08^2 = 281,934 >= 254,200
    assert got["payback_years"]["mean"] == 2.0
    assert main(["appraise", str(folder)]) == 0
    assert "Option o takes the reform library's default costs" in capsys.readouterr().out
    # given at appraisal time, the figures replace the defaults
    assert main(["appraise", str(folder), "--json", "--setup", "o=5", "--running", "o=0"]) == 0
    got = json.loads(capsys.readouterr().out)["options"]["o"]
    assert got["setup_cost"]["mean"] == 5.0
    assert got["running_cost_given_per_year"]["mean"] == 0.0


@pytest.mark.parametrize(("reform", "setup", "running"), [
    ("advance_declaration", 0.5, 0.1), ("two_step_processing", 1.0, 0.0)])
def test_advance_and_two_step_processing_now_have_a_payback(tmp_path, capsys, reform, setup,
                                                            running):
    """advance_declaration and two_step_processing had no default set-up cost, so appraise
    left their payback not known: each now has one in officer-years a port (the default's 4
    ports at US$21,100 an officer-year), and appraise gives a payback, in both languages."""
    folder = _reform_folder(tmp_path / "c", reform, saved=200_000.0)
    assert main(["appraise", str(folder), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["setup_unknown"] == {}
    option = got["options"]["o"]
    assert option["setup_cost"]["mean"] == pytest.approx(setup * 21_100 * 4)
    assert option["running_cost_given_per_year"]["mean"] == pytest.approx(running * 21_100 * 4)
    assert option["payback_years"]["mean"] == 1.0
    assert main(["appraise", str(folder)]) == 0
    assert "payback not known" not in capsys.readouterr().out
    assert main(["appraise", str(folder), "--lang", "zh"]) == 0
    assert "回收期未知" not in capsys.readouterr().out


def test_a_reform_with_no_figure_never_reads_at_once(tmp_path, capsys):
    """two_step_declaration has no set-up figure: no year-0 cost, yet its payback is not
    known, said so in both languages, until a set-up cost is given."""
    folder = _reform_folder(tmp_path / "c", "two_step_declaration")
    reps = pd.read_csv(folder / "replications.csv")  # (no equipment either: nothing at year 0)
    reps.loc[reps["option"] == "o", "agency_capital_outlay"] = 5000.0
    reps.to_csv(folder / "replications.csv", index=False)
    assert main(["appraise", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "payback not known: no set-up cost" in text and "at once" not in text, text
    assert main(["appraise", str(folder), "--lang", "zh"]) == 0
    text = capsys.readouterr().out
    assert "回收期未知：没有建设成本" in text and "立即回收" not in text, text
    assert main(["appraise", str(folder), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["options"]["o"]["payback_years"]["mean"] is None
    assert got["setup_unknown"] == {"o": ["two_step_declaration"]}
    assert main(["appraise", str(folder), "--setup", "o=0"]) == 0
    assert "at once" in capsys.readouterr().out


def test_reforms_name_shows_the_default_cost_priced_on_the_scenario(capsys):
    """bordersim reforms NAME prints each default with its figure on the scenario, its rule
    and grounds, in English and Chinese; smart_image_review's is a tenth of a scanner's
    capital per scanner it acts on (the default's 3 + 1 + 2 container scanners: 6)."""
    import sim
    from sim.scenario.loader import BUNDLED

    data = sim.load_scenario(BUNDLED / "default.toml")
    capital = data.costs.scanner["*"].capital if data.costs else 0.0
    assert main(["reforms", "smart_image_review"]) == 0
    text = capsys.readouterr().out
    assert f"default set-up cost: {0.1 * capital * 6:,.0f}: 0.1 x a scanner's capital" in text
    assert f"default running cost: {0.02 * capital * 6:,.0f} a year" in text
    assert main(["reforms", "two_step_declaration", "--lang", "zh"]) == 0
    assert "默认建设成本：无数字（全国统一建设" in capsys.readouterr().out


def test_every_reason_has_its_chinese():
    """Every reform of the library has its entry in the cost library (a figure, or none with
    its reason), and each reason (and each rule's units) is said in Chinese."""
    from sim.reforms import REFORMS
    from sim.reforms.cost_library import COSTS, PER, UNITS, cost_of
    from sim.report import zh_reform_costs as zh

    assert set(COSTS) == set(REFORMS)

    assert set(zh.UNITS) == set(UNITS) and set(zh.PER) == set(PER)
    for name in REFORMS:
        rule = cost_of(name)
        for item in (rule.setup, rule.running):
            if item is not None:
                assert item.why in zh.WHY, (name, item.why)
        if rule.setup is None:
            assert rule.missing in zh.WHY, (name, rule.missing)


def test_the_uncosted_note_says_what_appraise_takes_or_that_it_is_not_known():
    """The compare note and the brief's caveat on reforms given no cost_per_year said "not
    given" while appraise took the library's default: they now say the run counts none,
    which default appraise takes (its rule) where the library has one, and that the cost
    is not known where it has none; in English and Chinese alike."""
    from types import SimpleNamespace

    from sim.cli_lang import line
    from sim.experiment.compare_notes import uncosted_words
    from sim.reforms.cost_library import cost_of
    from sim.report.headline import _uncosted
    from sim.report.translate import text

    rule = cost_of("training").running
    assert rule is not None and cost_of("two_step_declaration").running is None
    both = uncosted_words(["training", "two_step_declaration"])
    assert both.startswith("the run counts no running cost of training, two_step_declaration")
    assert (f"default running cost of training (a year: training: {rule.rule()}; bordersim "
            "reforms NAME prices it on a scenario)") in both
    assert "the running cost of two_step_declaration is not known" in both
    assert "is not known" not in uncosted_words(["training"])
    assert "default running cost" not in uncosted_words(["two_step_declaration"])
    zh = line(f"note (o): {both}", "zh")
    assert "bordersim appraise 对 training 采用改革库的默认运行成本" in zh
    assert "two_step_declaration 的运行成本未知" in zh
    res = SimpleNamespace(meta={"uncosted": {"o": ["training", "two_step_declaration"]}})
    said = text("of which the agencies': no clear change (-0.08 USD; 95 % CI -0.33 to 0.17)"
                + _uncosted(res, "o"))  # type: ignore[arg-type]
    assert said is not None and "效益成本分析对 training 采用改革库中的默认运行成本" in said
    assert said.endswith("或在之后做效益成本分析时给出每年运行成本")


def test_the_reports_payback_cell_says_not_known_never_at_once(tmp_path):
    """The report's business case shows an option with a reform of no set-up figure as
    "not known" (未知), not "at once", though its payback figure would be 0."""
    from sim.experiment.appraisal import FIGURES
    from sim.report.appraisal_section import appraisal_section
    from sim.report.translate import translate

    zero = {"mean": 0.0, "ci_low": 0.0, "ci_high": 0.0}
    figures = {key: dict(zero) for key, _ in FIGURES}
    data = {"options": {"o": figures, "q": figures}, "years": 10, "discount_rate": 0.05,
            "money": "USD", "time_value_scale": 1.0, "setup": {},
            "setup_unknown": {"o": ["two_step_declaration"]}}
    (tmp_path / "appraisal.json").write_text(json.dumps(data))
    page = "<html lang='en'><body>" + "".join(appraisal_section(tmp_path)) + "</body></html>"
    row = page.split("years until the discounted net benefit")[1].split("</tr>")[0]
    assert "<td>not known</td><td>at once [at once, at once]</td>" in row, row
    assert "<td>未知（没有建设成本）</td><td>立即回收 [" in translate(page, "zh")


def test_the_workbooks_payback_cell_says_not_known_never_empty(tmp_path, capsys):
    """The workbook's business case sheet says "not known" (未知) for the payback of an option
    with a reform of no set-up figure, as the report does, not an empty cell."""
    from sim.report.workbook_appraisal import appraisal_sheet

    folder = _reform_folder(tmp_path / "c", "two_step_declaration")
    assert main(["appraise", str(folder)]) == 0
    capsys.readouterr()
    for lang, word in (("en", "not known"), ("zh", "未知（没有建设成本）")):
        sheet = appraisal_sheet(folder, lang)
        assert sheet is not None
        table = sheet.table
        rows = table[(table.iloc[:, 1] == "payback_years") & (table.iloc[:, 0] == "o")]
        assert list(rows.iloc[0, 4:7]) == [word] * 3, rows
        others = table[table.iloc[:, 1] != "payback_years"].iloc[:, 4]
        assert word not in set(others)  # (the option's other figures stay numbers)


def test_a_running_cost_given_replaces_the_default_and_its_note(tmp_path, capsys):
    """With --running for an option, appraise no longer repeats the comparison's note that it
    takes the reform library's default running cost, and the option's line of defaults says
    the figure given replaced it (each of --setup and --running alike), in both languages."""
    from sim.experiment.compare_notes import uncosted_words
    from sim.warning_codes import records

    folder = _reform_folder(tmp_path / "c", "single_window")
    note = f"note (o): {uncosted_words(['single_window'])}"
    (folder / "warning-records.json").write_text(json.dumps({"records": records([note])}))
    assert main(["appraise", str(folder)]) == 0
    text = capsys.readouterr().out
    assert note in text and "; --setup and --running replace them)" in text, text
    assert main(["appraise", str(folder), "--running", "o=7"]) == 0
    text = capsys.readouterr().out
    assert "takes the reform library's default running cost" not in text, text
    assert "default set-up cost" in text and "the --running given replaces" in text, text
    assert main(["appraise", str(folder), "--setup", "o=7"]) == 0
    text = capsys.readouterr().out
    assert note in text and "the --setup given replaces its default set-up cost" in text, text
    assert main(["appraise", str(folder), "--running", "o=7", "--lang", "zh"]) == 0
    text = capsys.readouterr().out
    assert "采用改革库的默认运行成本" not in text and "--running 给出的金额替换了" in text, text
    assert main(["appraise", str(folder), "--running", "o=7", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []


def test_the_dumbbells_default_set_up_is_counted_per_head_it_moves():
    """The dumbbell moves the organisation's heads, not ports: its default set-up cost is a
    tenth of an officer-year a head (guangdong: 122 heads at US$21,100), doubles with the
    heads and is not priced without an organisation to move."""
    import sim
    from sim.reforms.cost_library import cost_of, heads, price
    from sim.scenario.loader import BUNDLED
    from sim.scenario.patch import scenario_data

    data = scenario_data(sim.load_scenario(BUNDLED / "guangdong.toml"))
    setup = cost_of("dumbbell").setup
    assert setup is not None and heads(data) == 122
    assert price(setup, data, []) == pytest.approx(0.1 * 21_100 * 122)
    staff = data["organisation"]["generate"]["staff"]
    data["organisation"]["generate"]["staff"] = {k: 2 * v for k, v in staff.items()}
    assert price(setup, data, []) == pytest.approx(0.1 * 21_100 * 244)
    assert price(setup, {**data, "organisation": {}}, []) is None
