"""The Chinese of a warning says what to do, as its English does: each code's generator
message (and the other wordings of the codes that have several) comes out with its action,
the settings and figures as the English writes them, not only its first clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli_lang import line
from tests.test_warning_codes import GENERATORS

#: code -> what its Chinese must carry (the action, with the English's settings)
ACTIONS: dict[str, tuple[str, ...]] = {
    "sobol_uncertain": ("--reps 2 或更多", "（--days）", "--sobol N 不能减少"),
    "empty_run": ("请检查其到港率，或延长运行（--days）", "其 5 次重复运行中有 2 次"),
    "smugglers_unsettled": ("请延长预热期",),
    "risk_target_missed": ("口岸 sea，进口货物", "更短的 risk.window",
                           "risk.alert.boost 和 risk.alert.window"),
    "warmup_too_short": ("--set warmup_days=21",),
    "staff_overload": ("请在该处增加", "视为下限"),
    "period_outside_run": ("（--days）以看到该时期",),
    "reform_outside_run": ("（--days）以看到其效果",),
    "resident_lane_backlog": ("请增加关员",),
    "resident_lane_overload": ("巡查排班中增加关员",),
    "metric_unpaired": ("（--set）以便比较", "enforcement.report_by_port"),
    "prcc_noise": ("--reps 2 或更多",),
    "not_out": ("请延长收尾期（drain_days）",),
    "unfinished": ("请在其等待处增加能力，或以更长的收尾期运行", "最远只到“检疫申报”"),
    # (the console's and a workbook's: the flags; the workshop page's are its controls)
    "option_identical": ("少见的货物：增加 --reps 或 --days 才能看出",),
}


@pytest.mark.parametrize("code", sorted(ACTIONS))
def test_each_codes_chinese_carries_its_action(code: str, tmp_path: Path):
    english = GENERATORS[code](tmp_path)
    zh = line("warning: " + english, "zh")
    for said in ACTIONS[code]:
        assert said in zh, (said, zh)
    if "--set warmup_days=" in english:  # (a smuggling group's suggested warm-up)
        setting = "--set warmup_days=" + english.split("--set warmup_days=")[1].split(")")[0]
        assert setting in zh, (setting, zh)


#: the other wordings of codes with several: (English, what its Chinese must carry)
VARIANTS = (
    ("the Sobol indices are uncertain: the widest 95 % half-width is 0.412, while an index "
     "lies between 0 and 1; raise --sobol N (now 64; doubling it narrows the intervals by "
     "about 1/sqrt(2), around the values these random numbers give), and --reps or --days, "
     "which reduce the simulation noise the intervals leave out",
     ("半宽为 0.412", "请增大 --sobol N（当前 64", "--reps 或 --days")),
    ("simulation noise moves the Sobol indices more than their bootstrap intervals show "
     "(noise half-width over 3 replications: a S1 ±0.2 (bootstrap ±0.1)); the bootstrap "
     "resamples the parameter sample only: raise --reps or --days (a larger --sobol N does "
     "not reduce the noise)", ("3 次重复运行", "请增加 --reps 或 --days")),
    ("simulation noise makes up much of the spread of the points' means (m 45%): it pulls "
     "those PRCCs towards 0; raise --reps or --days (more points do not reduce it)",
     ("请增加 --reps 或 --days", "噪声所占份额：m 45%")),
    ("the dated reform 'training' takes effect on day 7 of the run, at or before the observed "
     "days begin (day 14, after the warm-up), so every observed arrival meets it and there is "
     "no period before it; date it after day 14 to set its before against its after",
     ("请把其生效日定在第 14 天之后",)),
    ("no consignment arrived in the observed days of any replication: there is nothing to "
     "measure there, so its times, shares and rates are blanks (counts 0), not figures; "
     "check its arrival rates, or run longer (--days)", ("每次重复运行均如此",)),
)


@pytest.mark.parametrize(("english", "carries"), VARIANTS)
def test_each_wording_of_a_code_says_its_own_action(english: str, carries: tuple[str, ...]):
    zh = line("warning: " + english, "zh")
    assert "尚无中文" not in zh, zh
    for said in carries:
        assert said in zh, (said, zh)


def test_the_furthest_milestone_and_the_queue_of_unfinished_goods_are_named_in_chinese():
    """Censored goods' furthest milestone and the lane they wait at are named in Chinese, and
    every milestone the model has a name for (a new one without a Chinese name fails here)."""
    import numpy as np

    from sim.model import stability
    from sim.model.milestones import MILESTONES
    from sim.report.zh_glossary import VALUES

    assert set(VALUES["milestone"]) == set(MILESTONES)
    assert len(set(VALUES["milestone"].values())) == len(MILESTONES)  # (none named twice)
    stuck = np.zeros((1, len(MILESTONES)))
    stuck[0, MILESTONES.index("discharged")] = 80
    english = stability.unfinished(["p_1"], np.array([[1000, 0]]), stuck, 2,
                                   {"p_1": ("exam_bays", 40)})[0]
    zh = line("warning: " + english, "zh")
    assert "最远只到“卸货”" in zh and "40 票在查验台位等待" in zh, zh
    assert "discharged" not in zh and "exam_bays" not in zh, zh


def test_the_reports_line_on_unfinished_goods_names_milestones_and_the_lane_in_chinese():
    """The report's Stability section translates a replication's line on goods not released
    by its own table: the milestones and the lane by their Chinese names, not their codes."""
    import numpy as np

    from sim.model import stability
    from sim.model.milestones import MILESTONES
    from sim.report.translate import translate

    stuck = np.zeros((1, len(MILESTONES)))
    stuck[0, MILESTONES.index("discharged")], stuck[0, MILESTONES.index("assessed")] = 80, 20
    english = stability.unfinished(["p_1"], np.array([[1000, 0]]), stuck, 2,
                                   {"p_1": ("exam_bays", 40)})[0]
    zh = translate(f"<ul><li>rep-0001: {english}</li></ul>", "zh")
    assert "最多的停留在“卸货”环节，最长排队在查验台位" in zh, zh
    assert "到达的最远环节：80% 在“卸货”，20% 在“风险评估”；" in zh, zh
    assert "discharged" not in zh and "exam_bays" not in zh, zh


def test_more_than_three_unpaired_metrics_are_said_in_chinese():
    """metric_unpaired names three metrics and counts the rest ("and 2 more"): the count,
    a figure named ``more``, is not a reason to translate (``more`` is also a reason's
    name), so the note comes out in Chinese with its count, not as untranslated."""
    from sim.experiment.compare_notes import unpaired

    (english,) = unpaired({"baseline": {"a"}, "o": {"a", "b", "c", "d", "e", "f"}}, "baseline")
    assert "and 2 more" in english
    zh = line(english, "zh")
    assert "尚无中文译文" not in zh and "另有 2 个" in zh, zh
