"""The workshop page in Simplified Chinese (``bordersim dashboard --lang zh``): its pieces of
HTML and its widgets, fast, without a browser (tests/test_dashboard_e2e.py loads the page)."""

from __future__ import annotations

import re
import string
from concurrent.futures import ThreadPoolExecutor

import pytest

from sim.faces.chart import clearance_words
from sim.faces.choices import LEVERS, Lever, Plan, option_catalogue, variants
from sim.faces.words import FULL_NOTE, ZH, lever_label, option_label, say

pytest.importorskip("panel")

from sim.faces import dashboard  # noqa: E402  (needs panel)
from sim.faces.runs import Snapshot  # noqa: E402

ROW = {"metric": "clearance_h_mean_import", "label": "Customs clearance, imports (h, mean)",
       "baseline": (10.0, 9.0, 11.0), "option": (9.99, 8.9, 10.9),
       "difference": (-0.01, -0.02, -0.005)}
#: an English word of three or more letters (identifiers such as rep-0001 have digits)
ENGLISH = re.compile(r"(?<![\w-])[A-Za-z]{3,}(?![\w-])")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_chinese_text_fills_the_same_placeholders_as_its_english():
    """A Chinese text that lost or gained a placeholder would show a figure missing, or fail."""
    for english, zh in ZH.items():
        assert _fields(english) == _fields(zh), english
        assert re.search(r"[\u4e00-\u9fff]", zh), english


def test_a_text_without_chinese_is_shown_whole_in_english():
    assert say("zh", "Cannot run") == "无法运行"
    assert say("zh", "no such text {n}", n=3) == "no such text 3"
    assert say("en", "Full run: {reps} replications a side", reps=2) == (
        "Full run: 2 replications a side")


def test_the_results_table_in_chinese_keeps_numbers_and_identifiers():
    zh = dashboard.results_html([ROW], "完整运行", say("zh", FULL_NOTE),
                                labels={"baseline": "workshop", "option": "ai_clear_90"},
                                lang="zh")
    heads = re.findall(r'<th scope="col">(.*?)</th>', zh)
    assert heads == ["指标", "基准方案", "方案", "与基准方案之差（配对）"]
    assert ('<th scope="row">海关通关时间均值（进口）（小时） '
            '<span class="bs-metric-id">clearance_h_mean_import</span></th>') in zh
    assert 'data-metric="clearance_h_mean_import"' in zh and 'data-value="-0.01"' in zh
    assert "(-0.6 分钟)" in zh and "置信区间不含 0" in zh  # (the mark, to a screen reader)
    assert "<b>基准方案</b>：workshop" in zh and "<b>方案</b>：ai_clear_90" in zh
    words = re.sub(r"<[^>]+>|clearance_h_mean_import|workshop|ai_clear_90", " ", zh)
    assert not ENGLISH.findall(words), ENGLISH.findall(words)
    en = dashboard.results_html([ROW], "Full run")
    assert en == dashboard.results_html([ROW], "Full run", lang="en")  # (English as it was)
    assert '<th scope="col">measure</th>' in en and dashboard.CLEAR_MARK in en
    assert "(-0.6 min)" in en and "Customs clearance, imports (h, mean)</th>" in en


def test_quick_look_warnings_and_news_in_chinese():
    quick = dashboard.quick_html({"baseline": {"clearance_h_mean_import": 2.0},
                                  "option": {"clearance_h_mean_import": 1.0}}, "CNY", "zh")
    assert "初步结果" in quick and "尚无置信区间" in quick and "bs-quick" in quick
    warned = dashboard.warnings_html(
        {"baseline": ["rep-0000: risk engine: missed its target rate"], "option": []},
        ["1 observed day(s) hold 0 whole week(s): the day-of-week pattern is not balanced"],
        "zh")
    assert "⚠ 基准方案：请结合下列警告解读</b> (1 条警告)" in warned
    assert "<li>提示：" in warned  # (a note with no Chinese: marked, in English whole)
    done = dashboard.news(Snapshot("done", 4, 4, warnings={"option": ["w"]}), 2, "zh")
    assert done == ("完整运行已完成：每方 2 次重复运行。表格和以文字说明的图表在初步结果下方。"
                    "方案有警告：请阅读数字上方的警告。")
    assert dashboard.news(Snapshot("quick"), 2, "zh").startswith("正在运行")
    assert dashboard.news(Snapshot("done", 4, 4), 2) .startswith("Full run done: 2 ")


def test_chart_words_in_chinese():
    rows = [{"metric": "clearance_h_mean_import", "baseline": (10.0, 9.0, 11.0),
             "option": (9.0, 8.0, 10.0), "difference": (-1.0, -1.5, -0.5)}]
    (said,) = clearance_words(rows, "zh")
    assert said == ("通关时间，海关通关，进口：基准方案 10.0 小时，方案 9.00 小时；"
                    "缩短 1.00 小时：变化显著（其 95% 置信区间 -1.50 至 -0.50 小时，不含 0）。")
    assert clearance_words(rows)[0].startswith("Clearance, customs, imports: 10.0 h")


def test_levers_and_options_in_chinese_or_whole_in_english():
    scenario = variants(Plan("default"), quick=True).baseline
    assert lever_label(LEVERS["staff_scale"], scenario, "zh") == "人员（情景值的倍数）"
    ai = lever_label(LEVERS["ai_clear"], scenario, "zh")
    assert ai.startswith("AI 自动放行比例（作用于 ") and "保持其 0.9" in ai, ai
    odd = Lever("x", "Staff (x scenario)", 0, 1, 1, lambda s: 1.0, lambda s, v: {},
                reach=lambda s: "somewhere else")
    assert lever_label(odd, scenario, "zh") == "Staff (x scenario) (somewhere else)"
    catalogue = option_catalogue()
    assert option_label(catalogue["sea_scanner"], "zh").startswith("sea_scanner：海运口岸")
    assert option_label(catalogue["single_window"], "zh").endswith(
        "（改革 single_window，强度 uptake=1：使用它的企业（报关单）比例；"
        "preparation_cut=0.2：使用者节省的申报准备时间比例）")
    assert option_label(catalogue["sea_scanner"], "en") == (
        "sea_scanner: one more H986 scanner at the sea port (4 instead of 3)")


def test_the_page_in_chinese_and_in_english():
    with ThreadPoolExecutor(1) as pool:
        zh, en = dashboard.Page(pool, lang="zh"), dashboard.Page(pool)
        shown = zh.view()
    labels = [zh.scenario.label, zh.reps.label, zh.days.label, zh.seed.label, zh.button.label]
    assert labels == ["情景", "重复运行次数", "观测天数", "随机数种子", "运行"]
    assert "情景自身的" in zh.days.options and zh.status.object.startswith("请选择方案")
    assert zh.announce.lang == "zh-CN" and en.announce.lang == ""
    assert zh.levers["inspection_scale"].label == "查验率（情景值的倍数）"
    scanner = next(iter(zh._boxes["sea_scanner"].options))  # (its title, its name kept)
    assert scanner.startswith("海运口岸增加一台机检设备：")
    assert scanner.endswith("（方案 sea_scanner）")
    assert "此情景没有组织架构部分" in zh.org.object
    assert shown.objects[0].object == "# bordersim：基准方案与方案对比"
    assert [en.scenario.label, en.button.label] == ["Scenario", "Run"]
    assert en.status.object == "Choose options and press Run."
    snap = Snapshot("full", 1, 4, elapsed=3.2)
    assert zh._status(snap).endswith("正在运行完整模拟</span>：已完成 1/4 次重复运行，3 秒")
    assert "running the full simulation</span>: 1 of 4 replications, 3 s" in en._status(snap)


@pytest.mark.parametrize("how", ["--lang", "env"])
def test_an_unknown_language_is_refused_before_serving(how, monkeypatch, capsys,
                                                       tmp_path):
    from sim.cli import main

    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    if how == "env":
        monkeypatch.setenv("BORDERSIM_LANG", "fr")
        # (a folder that is not there: should the language pass, the page is not served)
        assert main(["dashboard", "--scenarios", str(tmp_path / "none")]) == 2
        assert "BORDERSIM_LANG='fr' is not a language" in capsys.readouterr().err
        return
    with pytest.raises(SystemExit) as refused:
        main(["dashboard", "--lang", "fr"])
    assert refused.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


class _Poll:
    """A periodic callback that is only recorded (no server runs in these tests)."""

    def __init__(self, callback, period):
        self.callback, self.stopped = callback, False

    def stop(self):
        self.stopped = True


def test_the_animated_ports_controls_and_words_in_chinese(monkeypatch):
    import panel as pn

    from sim.faces.player import PortPlayer

    monkeypatch.setattr(pn.state, "add_periodic_callback", _Poll)
    zh, en = PortPlayer(lang="zh"), PortPlayer()
    for player in (zh, en):
        player.show([b"a", b"b", b"c"], "alt")
    assert [zh.pause.label, zh.back.label, zh.forward.label] == [
        "暂停动画", "\u25c0 后退 30 分钟", "前进 30 分钟 \u25b6"]
    assert ">第 1 帧，共 3 帧</span>" in zh.where.object
    zh.step(1)
    assert zh.pause.label == "播放动画" and ">第 2 帧，共 3 帧</span>" in zh.where.object
    assert [en.pause.label, en.back.label, en.forward.label] == [
        "Pause the animation", "\u25c0 30 min earlier", "30 min later \u25b6"]
    assert en.where.object == '<span class="bs-watch-at" data-frame="0">frame 1 of 3</span>'
    plan = Plan("default", ("ai_clear_90",))
    assert dashboard.animation_alt(plan, "airport", "zh") == (
        "airport 一天的动画（default，方案 ai_clear_90）：每 30 分钟模拟时间，各作业线的排队和"
        "正在作业的窗口")
    assert dashboard.animation_alt(Plan(), "airport", "zh").startswith(
        "airport 一天的动画（default（原样））：")
    assert dashboard.animation_alt(Plan(), "airport") == (
        "Animation of one day at airport (default as it is): each lane's queue and busy "
        "servers, every 30 minutes of simulated time")
    with ThreadPoolExecutor(1) as pool:  # (the page gives its player its language)
        assert dashboard.Page(pool, lang="zh").player.pause.label == "暂停动画"


def test_what_each_side_ran_in_chinese_or_whole_in_english():
    from dataclasses import replace

    from sim.faces.words import side_labels

    alone = Plan("default", (), {"staff_scale": 0.5}, 2, 1, 1)
    pair = variants(alone, quick=True)
    assert side_labels(alone, pair, "zh") == {"baseline": "default", "option": "人员 x0.5"}
    assert side_labels(alone, pair, "en") == {"baseline": "default", "option": "staff x0.5"}
    both = Plan("default", ("ai_clear_90",), {"ai_clear": 0.3}, 2, 1, 1)
    said = side_labels(both, variants(both, quick=True), "zh")
    assert said["baseline"].startswith("default，调节杆：AI 自动放行比例 0.3（作用于 sea_port")
    assert said["baseline"].endswith("post_hub 保持其 0.9）")
    assert said["option"] == "ai_clear_90（在上述基准方案之上）"
    still = side_labels(Plan(), variants(Plan(), quick=True), "zh")
    assert still["option"] == "仍为基准方案（未勾选方案，也未移动调节杆）"
    odd = replace(pair, levers_said=(("staff_scale", 0.5, "somewhere else"),))
    assert side_labels(alone, odd, "zh") == {"baseline": "default", "option": "staff x0.5"}


def test_why_the_page_cannot_run_is_said_through_the_consoles_translation():
    from sim.faces.choices import PlanError
    from sim.faces.words import reason

    with pytest.raises(PlanError) as out_of_range:
        Plan(levers={"staff_scale": 3.0}).check()
    assert reason("zh", str(out_of_range.value)) == (
        "人员（情景值的倍数）：3 超出范围，应在 0.5 至 2 之间")
    assert reason("en", str(out_of_range.value)) == "Staff (x scenario): 3 is outside 0.5 to 2"
    assert reason("zh", "replications: 4 is not one of [2, 3, 5, 10]") == (
        "重复运行次数：4 不是可选值 [2, 3, 5, 10] 之一")
    # a lever the page has no Chinese for, a reason none knows: whole in English, marked
    assert reason("zh", "Speed: 3 is outside 0.5 to 2") == (
        "（此条尚无中文译文）Speed: 3 is outside 0.5 to 2")
    assert reason("zh", "ValueError: model fault\nx: 1 = 2: out of range: input should be "
                  "greater than 3") == ("（此条尚无中文译文）ValueError: model fault\n"
                                        "x：1 = 2：超出范围：应大于 3")
    with ThreadPoolExecutor(1) as pool:
        page = dashboard.Page(pool, lang="zh")
        page.seed.value = -1
        page.start()
    said = "无法运行：随机数种子：-1 应为 0 至 2147483647 的整数"
    assert page.announce.text == said and said.replace("：", "</b>：", 1) in page.status.object


def test_a_failed_run_says_its_scenarios_problem_in_chinese(monkeypatch):
    from sim.faces import choices, runs

    monkeypatch.setitem(
        choices.LEVERS, "staff_scale",
        choices.Lever("staff_scale", "Staff (x scenario)", 0.5, 2, 0.1, lambda s: 1.0,
                      lambda s, v: {"ports.sea_port.review.capacity": -1}))
    snaps = {}
    with ThreadPoolExecutor(1) as pool:
        for lang in ("zh", "en"):
            run = runs.Run(Plan(levers={"staff_scale": 2.0}, reps=2), pool, lang=lang)
            run.start()
            run.join(30)
            snaps[lang] = run.snapshot()
    assert snaps["zh"].phase == "failed"
    assert snaps["zh"].message == (
        "命令行：ports.sea_port.review.capacity = -1：应为 0 至 10,000 的整数（在岗人数或"
        '窗口数），或 "unlimited"（不限）')
    assert snaps["en"].message == ("command line: ports.sea_port.review.capacity = -1: a "
                                   'whole number of servers from 0 to 10,000, or "unlimited"')


def test_the_page_gives_its_run_its_language(monkeypatch):
    import panel as pn

    monkeypatch.setattr(pn.state, "add_periodic_callback", _Poll)
    monkeypatch.setattr(dashboard.Run, "start", lambda self: None)  # (nothing simulated)
    with ThreadPoolExecutor(1) as pool:
        pages = {lang: dashboard.Page(pool, lang=lang) for lang in ("zh", "en")}
        for page in pages.values():
            page.start()
    assert {lang: p.run.lang for lang, p in pages.items() if p.run} == {"zh": "zh", "en": "en"}


def test_the_page_names_its_animation_and_its_run_says_what_each_side_ran(monkeypatch):
    """The alt text of the frames the page shows, and the levers in a run's labels, in the
    page's language (each given its language at construction)."""
    import panel as pn

    from sim.faces import runs

    polls: list[_Poll] = []
    monkeypatch.setattr(pn.state, "add_periodic_callback",
                        lambda cb, period: polls.append(_Poll(cb, period)) or polls[-1])
    asked: list[tuple[object, ...]] = []
    monkeypatch.setattr(dashboard, "port_frames_png",
                        lambda *a, **k: asked.append(a) or [b"a", b"b"])
    monkeypatch.setattr(runs, "measure", lambda s, seed, r: ({"inspection_rate": 0.1}, []))
    with ThreadPoolExecutor(1) as pool:
        page = dashboard.Page(pool, lang="zh")
        page.watch_port.value = "airport"
        page.watch()
        run = runs.Run(Plan("default", (), {"staff_scale": 0.5}, 2, 1, 1), pool, lang="zh")
        run.start()
        run.join(30)
        pool.shutdown(wait=True)
    polls[0].callback()
    assert 'alt="airport 一天的动画（default（原样））：' in page.player.pane.object
    assert [a[2:] for a in asked] == [("airport", 24, "zh")]  # (its words drawn in Chinese)
    assert run.snapshot().labels == {"baseline": "default", "option": "人员 x0.5"}


def test_a_failed_replications_python_error_follows_a_chinese_lead_in(monkeypatch):
    """A Python error cannot be translated: the Chinese page says what happened and that the
    English text follows verbatim, then gives it (the status, and what a screen reader is
    told); the English page gives the error alone, as before."""
    from sim.faces import runs
    from sim.faces.words import PYTHON_ERROR

    def broken(scenario, seed, replication):
        raise ValueError("model fault: lane 'x' has no servers")

    monkeypatch.setattr(runs, "measure", broken)
    snaps = {}
    with ThreadPoolExecutor(1) as pool:
        for lang in ("zh", "en"):
            run = runs.Run(Plan(reps=2), pool, lang=lang)
            run.start()
            run.join(30)
            snaps[lang] = run.snapshot()
        page = dashboard.Page(pool, lang="zh")
    error = "ValueError: model fault: lane 'x' has no servers"
    lead = ZH[PYTHON_ERROR]
    assert lead.startswith("运行因 Python 程序错误而中止") and "英文原文" in lead
    assert snaps["zh"].phase == "failed" and snaps["zh"].message == f"{lead}\n{error}"
    assert snaps["en"].message == error
    status = page._status(snaps["zh"])
    assert status.endswith(f"<pre>{lead}\nValueError: model fault: lane &#x27;x&#x27; has no "
                           "servers</pre>")
    assert "尚无中文" not in status
    assert dashboard.news(snaps["zh"], 2, "zh") == f"运行失败：{lead}{error}"
    assert dashboard.news(snaps["en"], 2) == f"The run failed: {error}"


def test_an_animation_stopped_by_a_python_error_says_so_in_chinese(monkeypatch):
    """The animated port drawn in a worker: a Python error there is shown after a Chinese
    lead-in naming the animation (not the run) and saying its English text follows verbatim;
    the English page gives the error alone, as before."""
    import panel as pn

    from sim.faces.words import ANIMATION_ERROR

    def broken(option, seed, port, *rest):
        raise RuntimeError("no frames: <lane> drawn twice")

    monkeypatch.setattr(pn.state, "add_periodic_callback", _Poll)
    monkeypatch.setattr(dashboard, "port_frames_png", broken)
    shown = {}
    with ThreadPoolExecutor(1) as pool:
        for lang in ("zh", "en"):
            page = dashboard.Page(pool, lang=lang)
            page.watch()
            poll = page._watching
            pool.submit(lambda: None).result()  # (the drawing has failed by now)
            poll.callback()
            shown[lang] = page.player.pane.object
    lead = ZH[ANIMATION_ERROR]
    assert lead.startswith("动画因 Python 程序错误而中止") and "英文原文" in lead
    assert shown["zh"] == ("<b>无法演示</b>：" + lead + "<br>no frames: &lt;lane&gt; drawn twice")
    assert shown["en"] == "<b>Cannot animate</b>: no frames: &lt;lane&gt; drawn twice"


def test_the_chosen_scenario_is_described_in_chinese():
    """The line under the scenario's name: its Chinese description, ports and run length, no
    English word but the ports' names."""
    from sim.faces.about import about_html
    from sim.faces.choices import Plan, variants

    scenario = variants(Plan("default")).baseline
    zh = about_html(scenario, "zh")
    assert "华南的海运口岸" in zh and f"观测 {float(scenario.days):g} 天" in zh, zh
    words = re.sub(r"<[^>]+>|" + "|".join(scenario.ports), " ", zh)
    assert not ENGLISH.findall(words), ENGLISH.findall(words)
    assert scenario.description in about_html(scenario)  # (English: its own words)


def test_the_runs_so_far_in_chinese_and_the_oldest_dropped():
    """The table of finished runs: Chinese words around the names and numbers, one row per
    run numbered as the page ran them, the oldest dropped past KEPT."""
    from sim.faces.choices import Plan
    from sim.faces.history import KEPT, History

    history = History("zh")
    other = {**ROW, "metric": "utilisation_x", "label": "not a headline"}
    for _ in range(KEPT + 2):
        history.add(Plan("workshop", reps=2), {"baseline": "workshop", "option": "ai_clear_90"},
                    [ROW, other])
    page = str(history.pane.object)
    assert re.findall(r'<tr data-run="(\d+)">', page) == [str(n) for n in range(3, KEPT + 3)]
    assert "utilisation_x" not in page and page.count('data-side="difference"') == KEPT
    assert "2 次重复运行，观测天数：情景自身的，随机数种子 1" in page
    words = re.sub(r"<[^>]+>|clearance_h_mean_import|workshop|ai_clear_90",
                   " ", re.sub(r"<style>.*?</style>", "", page))
    assert not ENGLISH.findall(words), ENGLISH.findall(words)


def test_the_animated_port_says_why_its_words_are_english(monkeypatch):
    """On a Chinese page, frames drawn without a Chinese font keep English words: a note
    under them says why and how to have them in Chinese (the report's charts have one); with
    the font, or on the English page, no note."""
    import panel as pn

    from sim.faces.player import NOTE, PortPlayer
    from sim.report import plot_font

    monkeypatch.setattr(pn.state, "add_periodic_callback", _Poll)
    zh, en = PortPlayer(lang="zh"), PortPlayer()
    zh.show([b"a"], "alt")
    assert NOTE not in zh.pane.object  # (this machine draws Chinese: the tests install it)
    monkeypatch.setattr(plot_font, "chinese_font", lambda: None)
    for player in (zh, en):
        player.show([b"a", b"b"], "alt")
    assert zh.pane.object.endswith(NOTE) and "本机没有可显示中文的字体" in NOTE
    zh.step(1)
    assert zh.pane.object.endswith(NOTE)  # (under every frame)
    assert NOTE not in en.pane.object
