"""The report in Chinese on what a first comparison of the default scenario shows: a
headline line without its optional part, the notes of a short or single-replication run,
the lines a Holm correction qualifies, and the terms a customs reader must not confuse
(the share of illicit goods found against the hit rate of a check)."""

from __future__ import annotations

import re

from sim.report.translate import metric_name, text


def test_whom_it_touches_without_an_average_is_translated_not_a_crash():
    # (an option that changes nobody: the line has no average part; it raised KeyError)
    line = ("whom it touches: 0.0 % of the released consignments leave the port more than "
            "1 min sooner, 0.0 % later")
    assert text(line) == "影响范围：0.0% 的已放行货物提离口岸提前超过 1 分钟，0.0% 推迟"


def test_the_share_of_illicit_goods_found_is_never_called_the_hit_rate():
    from sim.report.zh_glossary import TERMS
    from sim.report.zh_metrics import METRICS
    from sim.report.zh_phrases import PHRASES, PIECES

    hit = TERMS["hit rate"].split("（")[0]  # 查获率: a check's hits over the checks made
    assert hit == "查获率"
    for stem, zh in METRICS.items():
        if stem.startswith("detection_rate") or "caught_share" in stem:
            assert hit not in zh, (stem, zh)
        if stem.startswith("hit_rate"):
            assert hit in zh, (stem, zh)
    # 查验查获率 is how China Customs says an exam's hit rate: the exam's share of the
    # illicit goods found must read otherwise
    assert metric_name("detection_rate_by_exam") == "经查验查出的违规货物比例"
    assert metric_name("hit_rate_physical") == "人工查验查获率（命中率）"
    detect = [zh for en, zh in PHRASES.items() if "detect" in en.lower()]
    detect += [zh for p, zh in PIECES if "detect" in p.pattern]
    assert detect and all(hit not in zh for zh in detect), detect


def test_a_short_or_one_replication_run_is_warned_in_chinese():
    from sim.model.window import reps_note, weekday_note

    seen = {(1, 2): "仅观测到星期二和星期三", (14, 1): "仅观测到星期一",
            (0, 3): "仅观测到星期一、星期二和星期三", (2, 6.5): "每天都只观测到一部分"}
    for (warmup, days), words in seen.items():
        zh = text(weekday_note(warmup, days) or "")
        assert zh is not None and words in zh and "不足一周" in zh, (warmup, days, zh)
        assert f"观测期 {days:g} 天" in zh and f"预热期 {warmup:g} 天" in zh
    assert text(reps_note(1) or "") == (
        "注意：仅一次重复运行，无法给出置信区间和显著性（其数据只是一次随机抽样，差异无法与偶然"
        "波动区分）；请使用 --reps 2 或更多")
    assert text("USD at 2019 prices") == "USD（2019 年价格）"  # (the money row)
    assert text("fields: none of this scenario's") == "字段：本情景中没有"  # (an option's row)


def test_a_headline_line_holm_does_not_confirm_is_translated_whole():
    from sim.report.headline import UNCONFIRMED

    line = ("exports' time to departure (arrival to their vessel, flight or truck leaving): "
            f"0.06 h shorter (95 % CI 0.01 to 0.10){UNCONFIRMED}")
    assert text(line) == ("出口货物到港至离境时间（至所装船舶、航班或卡车离开）：缩短 0.06 小时"
                          "（95% 置信区间 0.01 至 0.10），经 Holm 多重比较校正后不显著")
    line = (f"at sea_port, cost per import declaration, agencies and traders: 56.7 USD less "
            f"(95 % CI 0.8 to 112.6){UNCONFIRMED}; per container: 27.5 USD less (95 % CI 0.5 "
            f"to 54.6){UNCONFIRMED}")
    assert text(line) == (
        "口岸 sea_port，每份进口报关单成本（政府部门与企业）：减少 56.7 USD（95% 置信区间 0.8 至 "
        "112.6），经 Holm 多重比较校正后不显著；每箱：减少 27.5 USD（95% 置信区间 0.5 至 54.6），"
        "经 Holm 多重比较校正后不显著")


def test_the_cost_against_time_line_is_translated_with_its_figures():
    change = ("total cost per year (agencies and traders, the value of the goods' time "
              "included) 14,049,462 USD less, 711,535 consignment-hours of overall clearance a "
              "year saved; point estimates")
    assert text(f"cheaper and faster at once: {change}") == (
        "成本更低、通关更快：年度总成本（政府部门与企业，含货物时间价值）减少 14,049,462 USD，"
        "每年节省整体通关时间 711,535 票·小时；均为点估计")
    dearer = change.replace("less", "more")
    line = (f"cost per consignment-hour saved: 3.2 USD ({dearer}); the agencies' cost per "
            "year alone changes by 1.5 USD per consignment-hour saved")
    assert text(line) == (
        "每节省一票·小时的成本：3.2 USD（年度总成本（政府部门与企业，含货物时间价值）增加 "
        "14,049,462 USD，每年节省整体通关时间 711,535 票·小时；均为点估计）；仅政府部门年度成本，"
        "每节省一票·小时变化 1.5 USD")


def test_every_note_on_a_runs_window_is_in_chinese():
    from sim.model.window import window_notes

    for warmup, days, reps in [(14, 3, 1), (1, 2, 2), (0, 7, 1), (2, 6.5, 5), (3, 28, 1),
                               (14, 14, 3), (1, 0.5, 1)]:
        notes = window_notes(warmup, days, reps)
        assert notes or (warmup, days) == (3, 28) or days >= 21
        for note in notes:
            zh = text(note)
            assert zh is not None and zh.startswith("注意："), note
    assert text(window_notes(14, 3)[0]) == (
        "注意：3 个观测天仅含 0 个整周：不足以判断排队是否持续增长（该检查需要 3 周），因此只检查了"
        "是否超负荷。请观测 3 个整周或更长（本次预热期 14 天之后 --days 21 或更长），再将这些数据"
        "视为稳态。")


def test_a_sweeps_design_is_in_chinese():
    from sim.report.sweep_html import design_rows

    seen = {
        ("--param", "a=1,2"): "按所列取值依次运行：4 个扫描点",
        ("--grid", "--param", "a=1,2"): "所列取值的全部组合：4 个扫描点",
        ("--lhs", "4", "--sample-seed", "3"): "拉丁超立方抽样，4 个扫描点（--lhs 4），抽样种子 3",
        ("--sobol", "4"): "Sobol 敏感性指数（overall_clearance_h_mean）的 Saltelli 抽样：4 个扫描点"
                          "（--sobol 4），抽样种子 0",
    }
    for argv, zh in seen.items():
        design = dict(design_rows(["bordersim", "sweep", *argv], 4))["design"]
        assert text(design) == zh, design


def test_words_a_customs_reader_would_take_for_another_procedure_are_not_used():
    from sim.model.finders import AFTER
    from sim.report.zh_glossary import NOTES, UNITS, VALUES
    from sim.report.zh_metrics import METRICS
    from sim.report.zh_phrases import PHRASES

    # a find after release is not a pre-release check's: review is the tax review of
    # two-step processing (审单 is the declaration review before release)
    before = {*VALUES["check"].values(), *VALUES["lane"].values()}
    before |= {VALUES["finder"][f] for f in VALUES["finder"] if f not in AFTER}
    assert all(VALUES["finder"][f] not in before for f in AFTER), VALUES["finder"]
    assert metric_name("detection_rate_by_review") == "经放行后税收复核查出的违规货物比例"
    # 过境 is goods in transit through the territory; 截样 and 截关 are not a laboratory's
    # batch cut-off (截关 is an export's closing for its vessel)
    words = [*METRICS.values(), *PHRASES.values(), *UNITS.values(), *NOTES.values(),
             *(w for v in VALUES.values() for w in v.values())]
    assert [w for w in words if "过境" in w or "截样" in w] == []
    assert metric_name("idling_stretch_hours_crossing_port_lb_export") == (
        "出境通行环节每日车辆等待车时（口岸 lb，出口）")
    assert metric_name("lab_waiting_at_cutoff_max_port_sea").startswith("检测批次截止时")
    # consignments_released counts an export loaded, not picked up
    assert metric_name("consignments_released") == "放行并提离（出口：装载）票数"


def test_a_list_of_options_figures_is_punctuated_in_chinese():
    line = ("Seizures per 1000 declarations (goods seized, detained or rejected; mean over "
            "replications): baseline 1.49, single_window 1.49, joint_inspection 1.50.")
    assert text(line) == ("每 1000 份报关单查扣数（查扣、扣留或退运的货物；各次重复运行的均值）："
                          "基准方案 1.49，single_window 1.49，joint_inspection 1.50。")
    # a figure after a Chinese word has a space before it, as everywhere on the page
    from sim.model.stability import too_short

    zh = text(f"No option warned, but {too_short(14, 7)}.")
    assert zh is not None and zh.startswith("没有方案发出警告，但 7 个观测天仅含 1 个整周"), zh


def test_a_one_replication_comparisons_headline_is_in_chinese():
    assert text("import clearance (arrival to release): not measured") == (
        "进口海关通关时间（到港至放行）：未测得（无置信区间）")
    assert text("consignments seized (a count: goods seized at the ports over the observed "
                "days, a replication's mean): not measured; the baseline's: 1") == (
        "查扣票数（计数：观测期内口岸查扣的货物，每次重复运行均值）：未测得（无置信区间）；基准方案：1")
    assert text("consignments (summed over 1 replication)") == "货物票数（1 次重复运行合计）"
    held = ("Read with care: 6.1% of its cohort was still held when the run ended (the "
            "baseline: 0.1%); they are left out of its clearance and cost figures, which then "
            "flatter it: a time or cost it seems to save may be goods it never cleared.")
    zh = text(held)
    assert zh is not None and zh.startswith("请谨慎解读：运行结束时该方案仍有 6.1% 的货物在流程中"
                                            "（基准方案：0.1%）")


def test_a_replications_overload_warning_is_in_chinese_with_its_figures():
    line = ("rep-0000: sea: document_check is 100% utilised (above 95%); its queue may not "
            "settle, so its waits are not steady-state: add capacity there, or read its waits "
            "as a lower bound. Its cohort's jobs asked for 4.74 servers' work an hour against "
            "2.00 on duty on average (237% of its hours on duty): to carry it at 85% it needs "
            "about 6 on duty, not 2 (ports.sea.document_check.capacity = 6); compare that "
            "option to see what it does to clearance.")
    assert text(line) == (
        "重复运行 rep-0000：口岸 sea：“document_check”的利用率为 100%（超过 95%）；其排队可能无法"
        "趋于稳定，等待时间并非稳态：请在该处增加能力，或将其等待时间视为下限。其货物每小时需要 "
        "4.74 个服务台的工作量，而平均在岗 2.00 个（为在岗能力的 237%）：要使利用率不超过 85%，"
        "约需在岗 6 个，而非 2 个（ports.sea.document_check.capacity = 6）；可将此作为方案比较，"
        "查看其对通关时间的影响。")
    # a review centre's officers have no field to set: the line is translated without it
    zh = text(line.replace("rep-0000: ", "").replace(" (ports.sea.document_check.capacity = 6)",
                                                      ""))
    assert zh is not None and zh.startswith("口岸 sea：") and "而非 2 个；" in zh


def test_a_change_in_percentage_points_is_translated_whole():
    # (a share's change clear of 0: every such headline line stayed in English)
    line = ("share of illicit consignments detected: 2.85 percentage points lower (95 % CI 2.01 "
            "to 3.68)")
    assert text(line) == "违规货物查出率：降低 2.85 个百分点（95% 置信区间 2.01 至 3.68）"
    line = "imports released within 24 h: 0.08 percentage points higher (95 % CI 0.03 to 0.12)"
    assert text(line) == ("24 小时内放行的进口货物比例：提高 0.08 个百分点（95% 置信区间 0.03 至 "
                          "0.12）")


def test_an_illicit_type_holm_does_not_confirm_is_translated_whole():
    from sim.report.headline import UNCONFIRMED

    line = ("share of each illicit type's consignments detected, in percentage points (95 % CI): "
            f"endangered species 5.9 lower (0.1 to 11.8{UNCONFIRMED}); tobacco 1.20 higher (0.20 "
            "to 2.10)")
    assert text(line) == (
        "各类违规货物查出率，单位为百分点（95% 置信区间）：濒危物种降低 5.9（0.1 至 11.8，经 Holm "
        "多重比较校正后不显著）；走私烟草提高 1.20（0.20 至 2.10）")


def test_a_coded_note_the_headline_asks_to_read_with_care_is_in_chinese():
    from sim.experiment.composition import truth_note

    zh = text(f"Read with care: {truth_note(240.2, 2.6)}.")
    assert zh is not None and zh.startswith("请谨慎解读：该方案改变了哪些货物属于违规货物"), zh
    assert "240.2" in zh and "2.6" in zh and zh.endswith("。")
    assert text("Read with care: a note no code knows.") is None  # (left whole in English)


def test_a_coded_note_without_its_chinese_is_left_whole_in_english(monkeypatch):
    """A coded note whose Chinese sentence cannot be made (a reason in English words no table
    knows: the console marks it untranslated) is not put after 请谨慎解读 with that mark."""
    import sim.cli_lang
    from sim.experiment.composition import truth_note
    from sim.report.zh_reforms import UNTRANSLATED

    monkeypatch.setattr(sim.cli_lang, "sentence", lambda rec, english: UNTRANSLATED + english)
    assert text(f"Read with care: {truth_note(240.2, 2.6)}.") is None


def test_a_sweeps_points_have_one_chinese_word_everywhere():
    """The English calls a sweep's runs its points (point 0, each point's replications): in
    Chinese they are 扫描点 in every heading, table, note, console line and page, never the
    参数点 an earlier page used for the same thing."""
    from pathlib import Path

    import sim

    root = Path(sim.__file__).parent
    texts = {p: p.read_text(encoding="utf-8") for p in [*root.rglob("*.py"),
                                                         *root.parent.glob("docs/*.md")]}
    assert [p.name for p, t in texts.items() if "参数点" in t] == []
    assert [p.name for p, t in texts.items() if "扫描点" in t]  # (the scan reads them)
    assert text("Results by point") == "各扫描点结果"
    assert text("Each point against point 0") == "各扫描点与扫描点 0 的比较"


def test_an_option_that_is_the_baseline_again_is_said_in_the_report_with_the_flags():
    """The report says, as the console does, which options are the baseline again or whose
    figures are: their differences of 0 measure nothing; what would show a rare effect is
    said with the command line's flags (a report's reader reruns bordersim compare)."""
    from types import SimpleNamespace

    import pandas as pd

    from sim.report.html import _what_was_run
    from sim.report.translate import translate

    res = SimpleNamespace(meta={"scenario": "small", "identical": ["rare"], "unchanged": ["old"]},
                          options=[], per_rep=pd.DataFrame({"option": [], "rep": []}),
                          names=["baseline", "rare", "old"])
    page = _what_was_run(res, {})  # type: ignore[arg-type]
    assert "note (old): it changes nothing in scenario" in page
    assert "note (rare): its figures are the baseline&#x27;s" in page and "more --reps or" in page
    zh = translate("<body>" + page, "zh")
    assert "提示（方案 old）：该方案在情景 'small' 中不改变任何内容" in zh
    assert "提示（方案 rare）：其各项数据在每次重复运行中都与基准方案完全相同" in zh
    assert "少见的货物：增加 --reps 或 --days 才能看出" in zh and "本页的“" not in zh


def test_an_options_reforms_and_fields_are_in_chinese():
    """A comparison of library reforms says what each does in the Chinese of ``bordersim
    reforms --lang zh`` (the options table and each option's headline), and a field changed
    at every port with its ports counted in Chinese."""
    from sim.reforms import REFORMS
    from sim.report.zh_reforms import mechanism

    one, two = (f"{n}: {REFORMS[n].mechanism.rstrip('.')}."
                for n in ("single_window", "joint_inspection"))
    zh = {n: mechanism(n, REFORMS[n].mechanism) for n in ("single_window", "joint_inspection")}
    said = text(f"{one} {two}")
    assert said == (f"single_window：{zh['single_window']}。"
                    f"joint_inspection：{zh['joint_inspection']}。")
    assert text(f"What it is: {one}") == "内容：" + said.split("。")[0] + "。"
    assert text(one.replace("portal", "portel")) is None  # (English changed: not guessed)
    assert text("ports.*.declaration.lodging_delay (4 ports)") == (
        "ports.*.declaration.lodging_delay（4 个口岸）")


def test_an_exit_is_a_loading_only_for_exports():
    # (an import row does not say "exports: loaded"; an export row says loaded, not exited)
    assert metric_name("exited_within_24h") == "24 小时内提离（出口：装载）比例"
    assert metric_name("exited_within_24h_import") == "24 小时内提离比例（进口）"
    assert metric_name("exited_within_24h_export") == "24 小时内装载比例（出口）"
    assert metric_name("exited_within_24h_port_sea_port_import") == (
        "24 小时内提离比例（口岸 sea_port，进口）")


def test_a_count_of_jobs_in_a_state_says_the_state_in_brackets():
    """A unit counts with its measure word (件, 票, 次); the state the counted things are in
    (waiting, in service) follows in full-width brackets: run into the measure word as a verb
    (件等待, 件服务中) it reads "a piece waits", not a count of waiting jobs."""
    from sim.experiment.compare import metric_unit
    from sim.report.zh_glossary import UNITS

    states = {en: zh for en, zh in UNITS.items()
              if en.startswith("jobs ") and not en.startswith("jobs per ")}
    assert "jobs waiting" in states and "jobs in service" in states
    assert all(re.fullmatch(r"件（[\u4e00-\u9fff]+）", zh) for zh in states.values()), states
    assert [zh for zh in UNITS.values() if re.match(r"[件票次](等待|服务)", zh)] == []
    assert UNITS[metric_unit("queue_mean_sea_scanners")] == states["jobs waiting"]


def test_two_or_three_replications_are_said_in_chinese_with_their_figures():
    from sim.model.window import few_reps_note

    zh = text(few_reps_note(3) or "")
    assert zh is not None and "只有 3 次重复运行，置信区间本身并不可靠" in zh, zh
    assert "自由度为 2 的 t 区间两侧各延伸 4.30 个标准误" in zh and "--reps 4 或更多" in zh
