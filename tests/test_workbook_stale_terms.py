"""The workbook refuses an appraisal older than its folder's replications with the command
to run again (the report says it beside the business case), and that command carries the
terms the appraisal was given (appraisal.json): its --setup and --running, and its horizon,
rate and scale where not the defaults, so the new business case is the same one (in Chinese
too). The folder is written by hand (:func:`tests.test_appraisal._folder`): nothing is
simulated."""

from __future__ import annotations

import html
import shlex

import pandas as pd
import pytest

from sim.cli import main
from sim.cli_zh_errors import error_line
from sim.report.appraisal_section import appraisal_section
from sim.report.folder import ResultsFolderError
from sim.report.translate import translate
from sim.report.workbook_appraisal import appraisal_sheet
from tests.test_appraisal import _folder


def _refused(tmp_path, capsys, *given: str) -> str:
    """The workbook's refusal of ``given``'s appraisal once a replication is added."""
    folder = _folder(tmp_path / "c d", {"baseline": {}, "o": {}})
    assert main(["appraise", str(folder), *given]) == 0
    capsys.readouterr()
    reps = pd.read_csv(folder / "replications.csv")
    more = reps[reps["replication"] == reps["replication"].max()]
    pd.concat([reps, more.assign(replication=more["replication"] + 1)]).to_csv(
        folder / "replications.csv", index=False)
    with pytest.raises(ResultsFolderError) as refused:
        appraisal_sheet(folder, "en")
    return str(refused.value)


@pytest.mark.parametrize("given", [
    ("--setup", "o=7", "--running", "o=10.5"),
    ("--running", "o=10.5", "--years", "7", "--time-value-scale", "2"),
    ("--setup", "o=7", "--discount-rate", "0.03"),
])
def test_the_command_to_appraise_again_carries_the_flags_given(tmp_path, capsys, given):
    said = _refused(tmp_path, capsys, *given)
    folder = tmp_path / "c d"
    again = shlex.join(["bordersim", "appraise", str(folder), *given])
    assert f"run {again} again (the terms it was given, from appraisal.json)" in said, said
    zh = error_line(said, "zh")
    assert f"请先重新运行 {again}（即原来给定的条件，取自 appraisal.json），再生成工作簿" in zh
    # the report says the same command beside its business case (in Chinese too)
    section = html.unescape("".join(appraisal_section(folder)))
    assert f"Run {again} again (the terms it was given, from appraisal.json) for a " in section
    zh = html.unescape(translate("".join(appraisal_section(folder)), "zh"))
    assert f"请重新运行 {again}（即原来给定的条件，取自 appraisal.json），得到" in zh


def test_an_appraisal_given_no_flags_is_run_again_without_any(tmp_path, capsys):
    said = _refused(tmp_path, capsys)
    again = shlex.join(["bordersim", "appraise", str(tmp_path / "c d")])
    assert f"run {again} again (" in said, said
