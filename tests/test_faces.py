"""The workshop page without a browser: what a request may name, the levers, and the runs."""

from __future__ import annotations

import base64
import io
import math
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import sim
from sim.faces import choices, runs
from sim.faces.choices import Plan, PlanError, variants
from sim.scenario.loader import ScenarioError


@pytest.mark.parametrize(
    "plan, words",
    [
        (Plan("../../etc/passwd"), "unknown scenario"),
        (Plan("default.toml"), "unknown scenario"),
        (Plan("/tmp/x"), "unknown scenario"),
        (Plan(options=("__import__('os')",)), "unknown option"),
        (Plan(options=("ai_clear_90:ports.sea_port.exam.bays.capacity=0",)), "unknown option"),
        (Plan(levers={"days": 3.0}), "unknown lever"),
        (Plan(levers={"staff_scale": 50.0}), "outside 0.5 to 2"),
        (Plan(levers={"inspection_scale": math.nan}), "not a number"),
        (Plan(reps=10_000), "replications"),
        (Plan(days=365), "days"),
        (Plan(seed=-1), "seed"),
    ],
)
def test_a_request_names_only_what_the_page_offers(plan, words):
    with pytest.raises(PlanError, match=words):
        plan.check()


def test_a_server_folder_offers_only_its_own_scenarios(tmp_path, small_text):
    (tmp_path / "workshop.toml").write_text(small_text)
    (tmp_path / "notes.txt").write_text("not a scenario")
    assert choices.bundled_scenarios(tmp_path) == ["workshop"]
    Plan("workshop").check(folder=tmp_path)
    with pytest.raises(PlanError, match="offered: workshop"):
        Plan("default").check(folder=tmp_path)
    pair = variants(Plan("workshop", levers={"staff_scale": 2.0}), folder=tmp_path)
    review = pair.option.ports["sea"].review
    assert review is not None and review.capacity == 6


def test_offered_choices_pass():
    assert "default" in choices.bundled_scenarios()
    Plan("default", tuple(choices.option_catalogue()), {"staff_scale": 2.0}, 2, 1, 0).check()


def test_options_switched_on_together_combine():
    pair = variants(Plan(options=("sea_scanner", "ai_clear_90")))
    assert pair.option_overrides == {
        "ports.sea_port.scan.scanners.capacity": 4,
        "ports.sea_port.scan.image_review.ai_clear": 0.9,
    }
    sea = pair.option.ports["sea_port"].scan
    assert sea is not None and sea.scanners.capacity == 4 and sea.image_review.ai_clear == 0.9
    base = pair.baseline.ports["sea_port"].scan
    assert base is not None and base.scanners.capacity == 3


def test_nothing_switched_on_runs_the_baseline_twice():
    pair = variants(Plan())
    assert pair.option is pair.baseline and pair.option_overrides == {}


def test_inspection_lever_scales_every_inspection_probability_up_to_one():
    pair = variants(Plan(levers={"inspection_scale": 2.0}))
    base, option = pair.baseline, pair.option
    for check, com, cls, port in [
        ("scan", "general", "general", "sea_port"),
        ("physical", "tobacco", "discredited", "land_border"),
        ("quarantine", "frozen", "general", "airport"),
        ("scan", "ecommerce", "general", "post_hub"),  # the port's own table
    ]:
        before = base.probability(check, com, cls, port)
        assert option.probability(check, com, cls, port) == pytest.approx(min(1, 2 * before))
    # document checks are not inspections (China's definition): unchanged
    assert option.selection["document"] == base.selection["document"]


def test_ai_lever_moves_the_scanners_at_the_common_share_and_starts_there():
    base = variants(Plan()).baseline
    lever = choices.LEVERS["ai_clear"]
    assert lever.neutral(base) == 0.5  # the sea port's, airport's and land border's share
    assert lever.overrides(base, lever.neutral(base)) == {}
    option = variants(Plan(levers={"ai_clear": 0.55})).option
    shares = {p: port.scan.image_review.ai_clear for p, port in option.ports.items()
              if port.scan is not None}
    # the post hub keeps its own 0.9: the lever does not lower it
    assert shares == {"sea_port": 0.55, "land_border": 0.55, "airport": 0.55, "post_hub": 0.9}
    assert lever.slider_label(base) == (
        "AI auto-clear share (at sea_port, land_border, airport; post_hub keeps its 0.9)")


def test_ai_lever_has_nothing_to_act_on_without_scanners():
    guangdong = variants(Plan("guangdong"), quick=True).baseline
    lever = choices.LEVERS["ai_clear"]
    assert lever.reach(guangdong) is None
    assert "nothing to act on" in lever.slider_label(guangdong)
    pair = variants(Plan("guangdong", levers={"ai_clear": 0.5}), quick=True)
    assert pair.option is pair.baseline and "AI" not in pair.option_label


def test_a_lever_sets_the_baseline_too_and_an_option_keeps_its_own_value():
    """AI at 0.3 with ai_clear_90 ticked: the sea port runs the option's 0.9 (the slider used
    to overwrite it with 0.3, under the label of the option), the baseline the slider's 0.3,
    and the page says so."""
    pair = variants(Plan("default", ("ai_clear_90",), {"ai_clear": 0.3}, 2, 1, 1))
    sea, base = pair.option.ports["sea_port"].scan, pair.baseline.ports["sea_port"].scan
    assert sea is not None and base is not None
    assert (sea.image_review.ai_clear, base.image_review.ai_clear) == (0.9, 0.3)
    for port in ("airport", "land_border"):  # the slider holds on both sides elsewhere
        for side in (pair.option, pair.baseline):
            assert side.ports[port].scan.image_review.ai_clear == 0.3
    assert pair.baseline_label.startswith("default with AI auto-clear share 0.3 (at sea_port")
    assert pair.option_label == "ai_clear_90 on that baseline"
    [note] = pair.notes
    assert "ai_clear_90 sets ports.sea_port.scan.image_review.ai_clear to 0.9" in note
    # no option: the levers are the option, against the scenario as it is
    alone = variants(Plan("default", (), {"staff_scale": 0.5}, 2, 1, 1))
    assert (alone.baseline_label, alone.option_label) == ("default", "staff x0.5")
    assert alone.baseline_overrides == {} and alone.notes == ()


def test_staff_lever_scales_officers_and_teams_but_not_machines():
    pair = variants(Plan(levers={"staff_scale": 2.0}))
    base, option = pair.baseline.ports["sea_port"], pair.option.ports["sea_port"]
    assert base.review is not None and option.review is not None
    assert option.review.schedule == [2 * n for n in base.review.schedule or []]
    assert option.exam is not None and base.exam is not None
    assert option.exam.teams.schedule == [2 * n for n in base.exam.teams.schedule or []]
    assert option.exam.bays == base.exam.bays  # equipment, not staff
    air = pair.option.ports["airport"].scan
    assert air is not None and air.image_review.officers.capacity == 4
    assert choices.LEVERS["staff_scale"].overrides(pair.baseline, 1.0) == {}


INLAND = Path(__file__).resolve().parents[1] / "docs" / "examples" / "transit" / "inland.toml"


def test_staff_lever_scales_a_transit_desk_where_a_port_has_one(tmp_path):
    """The room's question "what if transit volumes doubled?": the transit example with twice
    its transit share and a desk of three officers; the staff lever moves the desk's officers
    with the rest. Without a desk the lever has no desk to move."""
    doubled = INLAND.read_text(encoding="utf-8").replace(
        'share = { "*" = 0.4 }', 'share = { "*" = 0.8 }'
    )
    desk = "\n[ports.sea_port.transit.desk]\ncapacity = 3\n"
    (tmp_path / "doubled.toml").write_text(doubled + desk, encoding="utf-8")
    pair = variants(Plan("doubled", levers={"staff_scale": 2.0}), folder=tmp_path)
    base, option = pair.baseline.ports["sea_port"], pair.option.ports["sea_port"]
    assert base.transit is not None and base.transit.share == {"*": 0.8}
    assert base.transit.desk is not None and base.transit.desk.capacity == 3
    assert option.transit is not None and option.transit.desk is not None
    assert option.transit.desk.capacity == 6
    assert pair.option_overrides["ports.sea_port.transit.desk.capacity"] == 6
    without = variants(Plan("inland", levers={"staff_scale": 2.0}), folder=INLAND)
    assert not [k for k in without.option_overrides if ".transit" in k]
    assert without.option.ports["sea_port"].transit == without.baseline.ports["sea_port"].transit


def test_half_the_staff_keeps_at_least_one_where_there_was_one():
    option = variants(Plan(levers={"staff_scale": 0.5})).option
    scan = option.ports["land_border"].scan
    assert scan is not None
    assert set(scan.image_review.officers.schedule or []) == {0, 1}


def _fake_measure(scenario, seed, replication):
    """Fast stand-in for a simulation: a number that depends on the scenario and the seed."""
    scan = scenario.ports["sea_port"].scan
    value = scan.image_review.ai_clear * 10 + seed + replication / 10
    return {metric: value for metric, _ in runs.SHOWN}, []


def test_two_sessions_run_at_once_each_with_its_own_numbers(monkeypatch):
    monkeypatch.setattr(runs, "measure", _fake_measure)
    with ThreadPoolExecutor(2) as pool:
        first = runs.Run(Plan(options=("ai_clear_90",), reps=3, seed=1), pool)
        second = runs.Run(Plan(reps=2, seed=5), pool)
        first.start()
        second.start()
        first.join(30)
        second.join(30)
    a, b = first.snapshot(), second.snapshot()
    assert (a.phase, a.done, a.total, a.reused) == ("done", 6, 6, 0)
    assert (b.phase, b.done, b.total, b.reused) == ("done", 2, 2, 2)  # (option = baseline)
    assert [r["clearance_h_mean_import"] for r in a.full["option"]] == [10.0, 10.1, 10.2]
    assert [r["clearance_h_mean_import"] for r in a.full["baseline"]] == [6.0, 6.1, 6.2]
    assert b.full["option"] == b.full["baseline"]  # nothing switched on
    assert [r["clearance_h_mean_import"] for r in b.full["baseline"]] == [10.0, 10.1]
    assert a.quick["option"]["clearance_h_mean_import"] == 10.0  # replication 0 of the quick run
    row = runs.table(a.full)[0]
    assert row["difference"][0] == pytest.approx(4.0)
    assert row["baseline"][0] == pytest.approx(6.1)


def test_the_page_thread_never_waits_for_a_run(monkeypatch):
    gate = threading.Event()

    def slow(scenario, seed, replication):
        gate.wait(10)
        return _fake_measure(scenario, seed, replication)

    monkeypatch.setattr(runs, "measure", slow)
    with ThreadPoolExecutor(2) as pool:
        run = runs.Run(Plan(reps=2), pool)
        run.start()
        assert run.snapshot().phase in ("idle", "quick")  # returned at once
        gate.set()
        run.join(30)
    assert run.snapshot().phase == "done"


def test_a_failed_replication_is_reported_not_raised(monkeypatch):
    def broken(scenario, seed, replication):
        raise ValueError("model fault")

    monkeypatch.setattr(runs, "measure", broken)
    with ThreadPoolExecutor(1) as pool:
        run = runs.Run(Plan(reps=2), pool)
        run.start()
        run.join(30)
    snap = run.snapshot()
    assert snap.phase == "failed" and "model fault" in snap.message
    assert ("sea_port", "scanners") in snap.lanes  # (the note names lanes from these)


def test_a_lever_that_makes_a_bad_scenario_is_a_scenario_error(monkeypatch):
    monkeypatch.setitem(
        choices.LEVERS,
        "staff_scale",
        choices.Lever("staff_scale", "Staff", 0.5, 2, 0.1, lambda s: 1.0,
                      lambda s, v: {"ports.sea_port.review.capacity": -1}),
    )
    with pytest.raises(ScenarioError, match="review.capacity"):
        variants(Plan(levers={"staff_scale": 2.0}))


def test_page_widgets_make_the_plan():
    pytest.importorskip("panel")
    from sim.faces.dashboard import Page, results_html

    with ThreadPoolExecutor(1) as pool:
        page = Page(pool)
        offered = set(page._boxes)
        assert {"sea_scanner", "ai_clear_90", "direct_pickup", "single_window"} <= offered
        assert "dumbbell" not in offered  # (it needs an organisation)
        assert "integrated_declaration" not in offered  # (already in effect: changes nothing)
        assert "bs-no-org" in page.org.object  # the default has no organisation to draw
        page._boxes["sea_scanner"].value = ["sea_scanner"]
        page.levers["staff_scale"].value = 1.5
        page.reps.value = 5
        page.seed.value = 42
        plan = page.plan()
    assert plan == Plan("default", ("sea_scanner",), {"staff_scale": 1.5}, 5, 0, 42)
    row = {"metric": "clearance_h_mean_import", "label": "<b>x</b>",
           "baseline": (2.5, -1.0, 6.0), "option": (1.0, 0.5, 1.5),
           "difference": (-1.5, -2.0, -1.0)}
    share = {"metric": "released_within_24h_export", "label": "s",
             "baseline": (0.9, 0.4, 1.4), "option": (0.9, 0.4, 1.4),
             "difference": (-0.0001, -0.5, 1.5)}
    small = {"metric": "released_within_24h_import", "label": "i",
             "baseline": (0.9, 0.8, 1.0), "option": (0.9, 0.8, 1.0),
             "difference": (0.000157, 0.000075, 0.000239)}  # fmt: skip
    zero = {**small, "difference": (-1e-12, 0.0, 0.0)}
    text = results_html([row, share, small, zero], "t")
    assert 'data-value="2.5"' in text and "&lt;b&gt;" in text
    assert "[0.00, 6.00]" in text  # no negative hours shown
    assert "[40.0, 100.0]" in text  # a share stays within [0, 1] (in %), by direction too
    # not "-0.0"; its ends at its decimals
    assert '>-0.010 points <span class="bs-interval">[-50.000, 100.000]' in text
    # a change too small for three decimals keeps two digits, not "0.000 [0.000, 0.000]";
    # an interval clear of 0 is marked, one that holds 0 is not
    from sim.faces.dashboard import CLEAR_MARK as star

    # the mark says in words what it means to a screen reader, which skips the "*" itself
    assert re.search(r'<span aria-hidden="true">\*</span><span style="position:absolute;'
                     r'[^"]*clip:rect\(0 0 0 0\)[^"]*">, a clear change: its interval '
                     r"leaves out 0</span>", star), star
    # the table is named by its title, when a screen reader lists the tables of the page
    assert re.search(r'<table [^>]*><caption style="[^"]*">t</caption><thead>', text)
    # (its ends at its decimals: 0.0075 is a hair under, in binary)
    assert f'>0.016 points{star} <span class="bs-interval">[0.007, 0.024]' in text
    assert '>0.0 points <span class="bs-interval">[0.0, 0.0]' in text  # (no "-0.0")
    assert f'>-1.50{star} <span class="bs-interval">' in text and text.count(star) == 2
    assert "<small" not in text  # (10 pixels on the page: notes and intervals at its 12)
    # a small change of hours is also given in minutes (0.010 h reads as a change: 36 s)
    tiny = {**row, "difference": (-0.0102, -0.0125, -0.0079)}
    assert f'>-0.01 <span class="bs-minutes">(-0.6 min)</span>{star}' in results_html(
        [tiny], "t")


@pytest.mark.parametrize(
    "argv, words",
    [
        (["dashboard", "--port", "0"], "a port is 1 to 65535"),
        (["dashboard", "--scenarios", "no-such-folder"], "no such folder or scenario file"),
        # (one scenario file is served alone: an empty one is refused as run refuses it)
        (["dashboard", "--scenarios", "docs/examples/transit/inland.toml"],
         "docs/examples/transit/inland.toml: "),
    ],
)
def test_dashboard_usage_errors(argv, words, capsys, tmp_path, monkeypatch):
    from sim.cli import main

    (tmp_path / "docs" / "examples" / "transit").mkdir(parents=True)
    (tmp_path / "docs" / "examples" / "transit" / "inland.toml").touch()  # (a file, here)
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    assert code == 2 and words in capsys.readouterr().err


def test_dashboard_refuses_a_folder_without_scenarios(capsys, tmp_path):
    from sim.cli import main

    assert main(["dashboard", "--scenarios", str(tmp_path)]) == 2
    assert "no scenario files" in capsys.readouterr().err


def test_clearance_chart_shows_both_sides_with_intervals_never_below_zero():
    from sim.faces.chart import _error, clearance_chart

    rows = [
        {"metric": "clearance_h_mean_import", "baseline": (5.0, -1.0, 11.0),
         "option": (4.0, 3.0, 5.0)},
        {"metric": "overall_clearance_h_mean_export", "baseline": (2.0, None, None),
         "option": (2.0, None, None)},
    ]
    fig = clearance_chart(rows)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["customs, imports", "overall, exports"]
    assert sorted(round(p.get_width(), 6) for p in ax.patches) == [2.0, 2.0, 4.0, 5.0]
    assert _error(5.0, -1.0, 11.0) == (5.0, 6.0)  # the bar's interval stops at 0 hours
    assert _error(2.0, None, None) == (0.0, 0.0)


def test_port_gif_is_a_gif_of_the_window(small_text, tmp_path):
    from PIL import Image

    from sim.faces.watch import port_gif

    (tmp_path / "s.toml").write_text(small_text)
    scenario = sim.load_scenario(tmp_path / "s.toml", {"days": 1})
    data = port_gif(scenario, 1, "sea", hours=2)
    assert data[:4] == b"GIF8"
    (tmp_path / "p.gif").write_bytes(data)
    with Image.open(tmp_path / "p.gif") as gif:
        assert gif.n_frames == 4  # 2 hours, a frame every 30 minutes
        gif.seek(2)
        third = gif.convert("RGB")
    from sim.faces.player import gif_frames

    frames = gif_frames(data)  # (what the page plays, one by one, with a pause control)
    assert len(frames) == 4 and all(f[:8] == b"\x89PNG\r\n\x1a\n" for f in frames)
    with Image.open(io.BytesIO(frames[2])) as png:
        assert png.tobytes() == third.tobytes()  # the GIF's own third frame


def test_page_animates_the_chosen_port_under_the_option(monkeypatch):
    """The page plays the frames with a pause control (a GIF cannot be paused): Pause stops
    the frames moving, Play starts them again, a step pauses and moves one frame."""
    pytest.importorskip("panel")
    import panel as pn

    from sim.faces import dashboard

    calls, polls = [], []

    def fake_frames(scenario, seed, port, hours=24, lang="en"):
        calls.append((scenario, seed, port))
        return [b"\x89PNG-frame-%d" % k for k in range(3)]

    class Poll:
        def __init__(self, callback, period):
            self.callback, self.period, self.stopped = callback, period, False

        def stop(self):
            self.stopped = True

    monkeypatch.setattr(dashboard, "port_frames_png", fake_frames)
    monkeypatch.setattr(pn.state, "add_periodic_callback",
                        lambda cb, period: polls.append(Poll(cb, period)) or polls[-1])
    with ThreadPoolExecutor(1) as pool:
        page = dashboard.Page(pool)
        page._boxes["ai_clear_90"].value = ["ai_clear_90"]
        page.watch_port.value = "airport"
        assert not page.player.pause.visible  # (nothing to pause yet)
        page.watch()
        pool.shutdown(wait=True)
    waiting = polls[-1]
    waiting.callback()
    scenario, seed, port = calls[0]
    assert port == "airport" and seed == 1 and scenario.days == 1
    assert scenario.ports["sea_port"].scan.image_review.ai_clear == 0.9  # the option's scenario
    assert waiting.stopped and page.player.playing
    frame = base64.b64encode(b"\x89PNG-frame-%d" % 0).decode("ascii")
    assert f'src="data:image/png;base64,{frame}"' in page.player.pane.object
    # an image a screen reader can name
    assert 'alt="Animation of one day at airport (default with ai_clear_90)' in (
        page.player.pane.object)
    player, timer = page.player, polls[-1]
    assert player.pause.visible and player.pause.label == "Pause the animation"
    timer.callback()
    assert "frame 2 of 3" in player.where.object
    player.pause.clicks += 1  # Pause: the frames stop moving
    assert timer.stopped and not player.playing and player.pause.label == "Play the animation"
    player.forward.clicks += 1
    assert "frame 3 of 3" in player.where.object and not player.playing
    player.back.clicks += 1
    player.back.clicks += 1
    assert "frame 1 of 3" in player.where.object
    player.pause.clicks += 1  # Play again, from where it stands
    assert player.playing and not polls[-1].stopped and polls[-1] is not timer
    polls[-1].callback()
    assert "frame 2 of 3" in player.where.object


def test_the_dumbbell_is_offered_only_where_the_organisation_is_generated():
    from sim.scenario.loader import BUNDLED, load_scenario

    dumbbell = choices.option_catalogue()["dumbbell"]
    assert not choices.applies(dumbbell, load_scenario(BUNDLED / "default.toml"))
    assert choices.applies(dumbbell, load_scenario(BUNDLED / "guangdong.toml"))
    pair = variants(Plan("guangdong", ("dumbbell",)), quick=True)
    assert pair.baseline.organisation.structure == "hybrid"
    assert pair.option.organisation.structure == "dumbbell"
    assert pair.option.ports == pair.baseline.ports


def _trees(text: str) -> list[dict[str, str]]:
    """The attributes of each tree image, in order; they agree with the block's list."""
    images = [dict(re.findall(r'([a-z-]+)="([^"]*)"', img))
              for img in re.findall(r"<img [^>]*>", text)]
    block = re.search(r'class="bs-org-trees" data-structures="([^"]*)"', text)
    assert block and block[1] == ",".join(i["data-structure"] for i in images)
    return images


@pytest.mark.drawn
def test_org_tree_of_the_scenario_and_of_an_option_that_changes_the_structure():
    from sim.faces.org import MIN_SCALE, NO_ORGANISATION, org_tree_html

    assert org_tree_html(variants(Plan("default"), quick=True)) == NO_ORGANISATION
    [alone] = _trees(org_tree_html(variants(Plan("guangdong"), quick=True)))
    assert alone["data-structure"] == "hybrid" and alone["src"].startswith("data:image/png")
    both = _trees(org_tree_html(variants(Plan("guangdong", ("dumbbell",)), quick=True)))
    assert [i["data-structure"] for i in both] == ["hybrid", "dumbbell"]
    for img in both:
        # one image per tree, each fitted to the pane down to MIN_SCALE of its own width (one
        # image of both, 2403 px at its own size, put the dumbbell off-screen)
        style = dict(part.split(":") for part in img["style"].split(";"))
        width = int(style["max-width"].removesuffix("px"))
        assert style["width"] == "100%" and 900 < width < 1400
        assert int(style["min-width"].removesuffix("px")) == round(MIN_SCALE * width)
        # the alt text says what the tree holds, not only that it is one
        assert img["alt"].startswith("Organisation tree of the ")
        assert img["alt"].endswith(" units; 122 staff")
    assert "3 national, 7 regional, 10 local, 10 field units" in both[0]["alt"]


def test_page_redraws_the_tree_when_the_scenario_or_an_option_changes():
    pytest.importorskip("panel")
    from sim.faces.dashboard import Page

    def drawn(page) -> list[str]:
        return [i["data-structure"] for i in _trees(page.org.object)]

    with ThreadPoolExecutor(1) as pool:
        page = Page(pool)
        page.scenario.value = "guangdong"
        assert "dumbbell" in page._boxes and "sea_scanner" not in page._boxes
        assert drawn(page) == ["hybrid"]
        page._boxes["dumbbell"].value = ["dumbbell"]
        assert drawn(page) == ["hybrid", "dumbbell"]
        page._boxes["dumbbell"].value = []
        assert drawn(page) == ["hybrid"]
        page.scenario.value = "default"
        assert "bs-no-org" in page.org.object


def test_the_pages_choices_are_in_order_and_the_tree_keeps_its_size():
    """Replications 2, 3, 5, 10 (3 preselected) and days the scenario's, 1, 7, 14 read in
    order."""
    from sim.faces import choices

    assert list(choices.REPS_CHOICES) == sorted(choices.REPS_CHOICES)
    assert choices.REPS_DEFAULT in choices.REPS_CHOICES and choices.Plan().reps == 3
    assert choices.DAYS_CHOICES[0] == 0
    assert list(choices.DAYS_CHOICES[1:]) == sorted(choices.DAYS_CHOICES[1:])
    # a run long enough for the rising-wait check (3 whole observed weeks) after any
    # bundled scenario's warm-up can be asked for (Guangdong's note asks for 25 days)
    from sim.model.stability import too_short
    from sim.scenario.loader import BUNDLED, load_scenario

    longest = max(choices.DAYS_CHOICES)
    for name in choices.bundled_scenarios():
        s = load_scenario(BUNDLED / f"{name}.toml")
        assert not too_short(s.warmup_days, longest), name


def test_page_sliders_say_where_they_act_and_start_at_the_scenarios_values(monkeypatch):
    pytest.importorskip("panel")
    from sim.faces import dashboard
    from sim.faces.dashboard import Page

    # (the organisation tree is not read here: the test of redrawing draws it)
    monkeypatch.setattr(dashboard, "org_tree_html", lambda pair, lang="en": "")
    with ThreadPoolExecutor(1) as pool:
        page = Page(pool)
        ai = page.levers["ai_clear"]
        assert ai.value == 0.5 and "post_hub keeps its 0.9" in ai.label and not ai.disabled
        page.scenario.value = "guangdong"  # no scanner: the slider can move nothing
        assert ai.disabled and "nothing to act on" in ai.label
        page.scenario.value = "default"
        assert not ai.disabled


def test_an_overloaded_short_run_shows_its_warnings_and_the_short_run_note(monkeypatch):
    """Half the staff and twice the inspections over 1 day: sim.simulate warns (lanes 100 %
    utilised, goods still inside); the page shows each side's warnings beside its results,
    and that 1 day is too short to call the figures steady-state."""
    pytest.importorskip("panel")
    import sim.model.run
    from sim.faces.dashboard import results_html

    # the first look is not read here: one short hour of it, not two days and a drain
    monkeypatch.setattr(choices, "QUICK", {"days": 1 / 24, "warmup_days": 0, "drain_days": 0})
    said: dict[tuple[str, int, int], list[str]] = {}  # sim.simulate's own warnings, by run
    real = sim.model.run.simulate

    def spy(scenario, seed, *, replication=0, **kw):
        result = real(scenario, seed, replication=replication, **kw)
        said[(scenario.model_dump_json(), seed, replication)] = list(result.warnings)
        return result

    monkeypatch.setattr(sim.model.run, "simulate", spy)
    # (the scenario's own 14 days of warm-up before the 1 observed day are kept: the lanes
    # fill over them, and its run notes are counted from them)
    plan = Plan("default", (), {"staff_scale": 0.5, "inspection_scale": 2.0}, 2, 1, 1)
    with ThreadPoolExecutor(2) as pool:
        run = runs.Run(plan, pool)
        run.start()
        run.join(120)
    snap = run.snapshot()
    assert snap.phase == "done", snap.message
    pair = variants(plan)
    # what sim.simulate said, for the option's replication 1, when the page ran it
    expected = said[(pair.option.model_dump_json(), 1, 1)]
    assert expected and any("100% utilised" in w for w in expected)
    assert all(any(w in said for said in snap.warnings["option"]) for w in expected)
    assert snap.labels == {"baseline": "default",
                           "option": "staff x0.5, inspection rate x2"}
    text = results_html(runs.table(snap.full), "t", labels=snap.labels,
                        warnings=snap.warnings, notes=snap.notes)
    assert '<div class="bs-warnings" data-side="option"' in text
    assert "⚠ option: not steady-state" in text
    assert "declaration_review is 100% utilised" in text
    assert "1 observed day(s) hold 0 whole week(s)" in text and 'class="bs-notes"' in text
    assert text.index("bs-warnings") < text.index("<table")  # read before the numbers


def test_warnings_are_named_by_replication_and_shown_once_when_both_sides_gave_them():
    from sim.faces.dashboard import warnings_html

    named = runs.named_warnings([["a", "b"], [], ["a"]])
    assert named == ["rep-0000, rep-0002: a", "rep-0000: b"]
    both = warnings_html({"baseline": named, "option": list(named)})
    assert both.count("bs-warnings") == 1 and 'data-side="baseline and option"' in both
    assert warnings_html({"baseline": [], "option": []}) == ""
    target = warnings_html({"option": ["risk engine: missed its target rate"]})
    assert "read with the warnings below" in target  # not a steady-state failure


def test_the_page_shows_enforcement_cost_and_organisation_rows_where_measured():
    """Beyond clearance, the table has the inspection and detection rates, the value that
    slipped, cost per import and export, and the organisation's latency and holds, each
    where the scenario measures it (no row of blanks)."""
    from sim.faces.runs import table

    measured = {"clearance_h_mean_import": 2.0, "detection_rate": 0.2,
                "total_cost_per_consignment_import": 100.0}  # fmt: skip
    full = {"baseline": [measured, measured], "option": [measured, measured]}
    rows = [r["metric"] for r in table(full)]
    assert rows == ["clearance_h_mean_import", "detection_rate",
                    "total_cost_per_consignment_import"]  # fmt: skip
    # what customs sees, as officers know it: goods apart from parcels, imports and exports
    # apart, and seizures (with the caveat that more is not better); money in the
    # scenario's own currency
    seen = {**measured, "inspection_rate_goods": 0.08, "inspection_rate_import": 0.4,
            "inspection_rate_export": 0.2, "inspection_rate": 0.3, "seizures_per_1000": 2.0}
    got = table({"baseline": [seen, seen], "option": [seen, seen]}, currency="CNY")
    assert [r["metric"] for r in got][1:6] == [
        "inspection_rate_goods", "inspection_rate_import", "inspection_rate_export",
        "inspection_rate", "detection_rate"]  # fmt: skip
    labels = {r["metric"]: r["label"] for r in got}
    assert "more is not better" in labels["seizures_per_1000"]
    assert labels["total_cost_per_consignment_import"].endswith("(CNY)")
    # detection by illicit type after the pooled share (a type the scenario has none of,
    # NaN in every replication, left out), and the harm that slipped through, a year
    kinds = {**measured, "detection_rate_pest": 0.06, "detection_rate_frozen": 0.9,
             "detection_rate_counterfeit": math.nan, "harm_slipped": 2.5e6}  # fmt: skip
    got = table({"baseline": [kinds, kinds], "option": [kinds, kinds]})
    assert [r["metric"] for r in got] == [
        "clearance_h_mean_import", "detection_rate", "detection_rate_frozen",
        "detection_rate_pest", "harm_slipped", "total_cost_per_consignment_import"]  # fmt: skip
    assert "pests" in got[3]["label"] and got[3]["baseline"][0] == 0.06


def test_the_page_shows_the_duty_evaded_and_found_after_release_after_the_harm():
    """A revenue manager weighing less checking at the border against more audit after
    release reads the duty each side lets go and finds after release, in the currency."""
    from sim.faces.runs import table

    seen = {"harm_slipped": 2.5e6, "revenue_evaded": 5e7, "revenue_found_after_release": 1e5,
            "total_cost_per_consignment_import": 100.0}  # fmt: skip
    got = table({"baseline": [seen, seen], "option": [seen, seen]}, currency="CNY")
    assert [r["metric"] for r in got] == [
        "harm_slipped", "revenue_evaded", "revenue_found_after_release",
        "total_cost_per_consignment_import"]  # fmt: skip
    labels = {r["metric"]: r["label"] for r in got}
    assert labels["revenue_evaded"].startswith("Duty evaded") and "CNY a year" in (
        labels["revenue_evaded"])
    assert "post-clearance audit (CNY a year" in labels["revenue_found_after_release"]


def test_the_page_says_when_an_option_switches_the_engine_on_or_changes_the_structure():
    """As ``bordersim compare`` does: big data targeting on the default switches the risk
    engine on (its effect is not the change alone); the dumbbell rests on stated
    assumptions; an option that does neither gets no such note."""
    from sim.faces.runs import run_notes

    def notes(scenario: str, option: str) -> str:
        return " ".join(run_notes(variants(Plan(scenario, (option,)), quick=True)))

    assert "switches the risk engine on" in notes("default", "big_data_targeting")
    assert "organisation.transfer_to" in notes("guangdong", "dumbbell")
    plain = notes("default", "sea_scanner")
    assert "switches the risk engine" not in plain and "transfer_to" not in plain


def test_the_pages_intervals_are_those_of_compare_quantiles_widened_too():
    """The page shows the figures ``bordersim compare`` gives: a quantile's interval (each
    side's and the paired difference's) is widened to the histogram's resolution, as the
    comparison's tables are (two replications whose p90 fall in one bin gave [19.3, 19.3]
    on the page), and a mean's is the plain t-interval."""
    import pandas as pd

    from sim.experiment.compare import BASELINE, _differences, _summaries, resolve_options
    from sim.faces.runs import table

    base = [{"clearance_h_p90_import": 19.3, "clearance_h_mean_import": 6.0 + i / 10}
            for i in range(3)]  # fmt: skip
    option = [{"clearance_h_p90_import": 18.0 + i / 100, "clearance_h_mean_import": 5.0 + i / 7}
              for i in range(3)]  # fmt: skip
    shown = [("clearance_h_p90_import", "p90"), ("clearance_h_mean_import", "mean")]
    rows = {r["metric"]: r for r in table({"baseline": base, "option": option}, shown)}
    assert rows["clearance_h_p90_import"]["baseline"][1] < 19.3 - 0.15  # (widened: not 0 wide)
    per_rep = pd.DataFrame(
        [{"option": BASELINE, "replication": i, **r} for i, r in enumerate(base)]
        + [{"option": "o", "replication": i, **r} for i, r in enumerate(option)]
    )
    opts = resolve_options(["o:days=1"])
    levels = _summaries(per_rep, opts).set_index(["option", "metric"])
    diffs = _differences(per_rep, opts, {}).set_index(["option", "metric"])
    for metric, _ in shown:
        for side, key in (("baseline", (BASELINE, metric)), ("option", ("o", metric))):
            want = levels.loc[key, ["mean", "ci_low", "ci_high"]].tolist()
            assert list(rows[metric][side]) == pytest.approx(want), (metric, side)
        want = diffs.loc[("o", metric), ["mean", "ci_low", "ci_high"]].tolist()
        assert list(rows[metric]["difference"]) == pytest.approx(want), metric


def test_the_chart_says_in_words_what_it_draws_for_a_reader_who_cannot_see_it():
    """The chart's image has alt text, and its caption gives every bar in plain words: the
    hours of each side, the change, and whether the change is clear of chance; the option's
    bars are hatched, so they are told apart without colour."""
    from sim.faces.chart import clearance_chart, clearance_figure

    rows = [
        {"metric": "clearance_h_mean_import", "baseline": (10.6, 10.1, 11.2),
         "option": (9.8, 9.3, 10.4), "difference": (-0.8, -1.1, -0.5)},
        {"metric": "overall_clearance_h_mean_export", "baseline": (50.6, 47.0, 54.1),
         "option": (50.7, 47.1, 54.0), "difference": (0.1, -0.2, 0.3)},
    ]
    page = clearance_figure(rows)
    alt = re.findall(r'<img class="bs-chart-img" alt="([^"]+)"', page)
    assert len(alt) == 1 and len(alt[0].split()) >= 8, alt
    words = re.findall(r"<li>(.*?)</li>", page)
    assert words == [
        "Clearance, customs, imports: 10.6 h with the baseline, 9.80 h with the option; "
        "0.80 h (48 min) shorter: a clear change (its 95 % range, -1.10 to -0.50 h, does "
        "not include 0).",
        "Clearance, overall, exports: 50.6 h with the baseline, 50.7 h with the option; "
        "0.10 h (6 min) longer: not a clear change (its 95 % range, -0.20 to 0.30 h, "
        "includes 0: it could be chance).",
    ]
    same = [{**rows[0], "difference": (0.0, 0.0, 0.0)}]  # the option ran as the baseline
    assert re.findall(r"<li>(.*?)</li>", clearance_figure(same))[0].endswith(
        "; no change in any replication.")
    ax = clearance_chart(rows).axes[0]
    hatched = [bool(p.get_hatch()) for p in ax.patches]  # (the baseline's first, then the option's)
    assert hatched == [False, False, True, True], hatched
    assert clearance_figure([]) == ""  # nothing measured: no chart, no empty figure


def test_a_screen_reader_is_told_each_step_of_a_run_and_nothing_more():
    """The live region's sentence changes with news only: started, first look, done (with
    the sides that warned), failed; not with the seconds counting up."""
    pytest.importorskip("panel")
    from sim.faces.dashboard import news
    from sim.faces.runs import Snapshot

    started = news(Snapshot("quick", elapsed=1.0), 3)
    assert started.startswith("Running:") and started == news(Snapshot("quick", elapsed=9.0), 3)
    quick = {"baseline": {"x": 1.0}, "option": {"x": 1.0}}
    assert news(Snapshot("full", 2, 6, quick=quick), 3).startswith("First look ready")
    later = news(Snapshot("full", 4, 6, quick=quick), 3)
    assert later == news(Snapshot("full", 2, 6, quick=quick), 3)
    done = news(Snapshot("done", 6, 6, quick=quick, warnings={"baseline": [], "option": ["w"]}), 3)
    assert done.startswith("Full run done: 3 replications a side.") and done.endswith(
        "Option gave warnings: read them above the numbers."), done
    assert "warnings" not in news(Snapshot("done", 6, 6, quick=quick), 3)
    failed = news(Snapshot("failed", message="Traceback ...\nValueError: bad lane"), 3)
    assert failed == "The run failed: ValueError: bad lane"


def test_a_plan_the_page_cannot_run_is_said_to_a_screen_reader():
    pytest.importorskip("panel")
    from sim.faces.dashboard import Page

    with ThreadPoolExecutor(1) as pool:
        page = Page(pool)
        page.seed.value = -1  # (the box allows 0 and up; a bad value must still be told)
        page.start()
    assert page.announce.text.startswith("Cannot run: "), page.announce.text
    assert page.announce.text[len("Cannot run: "):] in page.status.object
