"""The docs-figures check (``python -m sim.docs_figures``) on made-up pages and made-up
command output: how a marker and its table are read, the precision rule and the
drift-or-change verdict. Nothing is simulated (the check itself runs on demand)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from sim import docs_figures, docs_figures_page, docs_figures_recovery
from sim.docs_figures_page import FiguresError, Key, Printed, commands, figures, marked_rows
from sim.docs_figures_verdict import judge, like

PAGE = """# A page

```sh
# compare 1: the reform
bordersim compare default --reforms fast \\
  --reps 2 --days 1 --out somewhere
```

<!-- figures: compare 1, column 2
row 1: wait_h; wait_h diff fast
row 2: -; -; cost in fast
-->

| claim | answer |
|---|---|
| waits | 10.71 h, fast -1.40 h (95 % CI -5.05 to 2.24), with `fast:cut=0.3` |
| costs | 9 of 30 heads; 18,648,400 CNY |
"""


def _stat(mean: float, low: float, high: float) -> dict[str, float]:
    return {"mean": mean, "ci_low": low, "ci_high": high}


def _output(
    wait: float = 10.706, diff: float = -1.403, cost: float = 18_648_400.0
) -> dict[str, Any]:
    """A made-up ``compare --json`` output: the baseline first, then the option."""
    return {
        "options": {
            "baseline": {"wait_h": _stat(wait, 9.0, 12.0), "cost": _stat(1.0, 1.0, 1.0)},
            "fast": {"wait_h": _stat(9.3, 8.0, 10.0), "cost": _stat(cost, cost, cost)},
        },
        "differences": {"fast": {"wait_h": _stat(diff, -5.048, 2.242)}},
    }


def test_a_marker_keys_each_number_of_its_cell_in_order():
    rows = marked_rows(PAGE, "page.md")
    assert [(r.command, r.row) for r in rows] == [("compare 1", 1), ("compare 1", 2)]
    first = [(str(k), p) for k, p in rows[0].figures]
    assert first == [
        ("wait_h", Printed("10.71")),
        ("wait_h diff fast", Printed("-1.40", "-5.05", "2.24")),
    ]
    # "-" skips a number that is no figure of the run (the 9 and the 30)
    assert [(str(k), p.mean) for k, p in rows[1].figures] == [("cost in fast", "18,648,400")]


def test_numbers_in_code_and_words_are_not_figures():
    assert [p.mean for p in figures("its 90th percentile 3.5 h with `cut=0.3`")] == ["3.5"]
    assert figures("1,573,200 (9 of 30)") == [Printed("1,573,200"), Printed("9"), Printed("30")]


def test_a_cell_with_more_numbers_than_keys_is_an_error_naming_the_marker():
    with pytest.raises(FiguresError, match=r"line 9.*row 2.*3 numbers \(9, 30, 18,648,400\)"):
        marked_rows(PAGE.replace("row 2: -; -; cost in fast", "row 2: -; cost"), "page.md")


def test_a_bad_key_says_what_is_allowed():
    with pytest.raises(FiguresError, match="METRIC in OPTION"):
        marked_rows(PAGE.replace("wait_h diff fast", "wait_h minus fast"), "page.md")


def test_commands_are_found_by_their_label_with_continuations_joined():
    assert commands(PAGE)["compare 1"].endswith("--reps 2 --days 1 --out somewhere")
    args = docs_figures.command_args(commands(PAGE)["compare 1"], Path("scratch"))
    assert "somewhere" not in args and args[-3:] == ["--json", "--out", "scratch"]


@pytest.mark.parametrize(
    ("new", "printed", "same"),
    [(10.706, "10.71", True), (10.714, "10.71", True), (10.716, "10.71", False),
     (18_648_449.0, "18,648,400", False), (18_648_400.4, "18,648,400", True),
     (-0.0004, "0.000", True), (0.05, "0.1", True), (0.04, "0.1", False)],
)
def test_a_figure_is_compared_at_the_pages_printed_precision(new, printed, same):
    verdict = judge(Key("m"), Printed(printed), new, new - 1, new + 1)
    assert verdict.moved is not same


def test_like_keeps_thousands_separators_and_drops_a_negative_zero():
    assert like(-1_573_200.2, "-1,573,200") == "-1,573,200"
    assert like(-0.001, "0.00") == "0.00"


@pytest.mark.parametrize(
    ("new", "drift"), [(-1.0, True), (2.2, True), (2.3, False), (-5.1, False)]
)
def test_a_moved_figure_is_drift_inside_the_old_interval_and_change_outside(new, drift):
    verdict = judge(Key("m", "fast", diff=True), Printed("-1.40", "-5.05", "2.24"), new, -9, 9)
    assert verdict.moved and verdict.drift is drift
    assert ("drift" if drift else "change") in verdict.line()


def test_without_a_printed_interval_the_old_figure_is_set_against_the_new_one():
    inside = judge(Key("m"), Printed("10.71"), 11.0, 10.0, 12.0)
    outside = judge(Key("m"), Printed("10.71"), 13.0, 12.0, 14.0)
    assert (inside.drift, outside.drift) == (True, False)
    assert "new run's 95 % interval" in outside.line()


@pytest.mark.parametrize(
    ("output", "status"),
    [(_output(), 0), (_output(wait=10.72), 1), (_output(cost=18_648_500.0), 1)],
)
def test_the_page_check_exits_1_when_a_figure_moved(tmp_path, monkeypatch, capsys, output, status):
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    monkeypatch.setattr(docs_figures, "run_command", lambda line, scratch: output)
    assert docs_figures.figures_page(page) == status
    report = capsys.readouterr().out
    assert f"3 figures: {3 - status} same, {status} moved" in report
    assert report.count(": moved, ") == status
    # each figure names its table row's line (two tables' row 1 told apart)
    assert "compare 1, line 16 (row 1), column 2: wait_h: " in report


def test_an_unreadable_page_exits_2_with_one_line(tmp_path, capsys):
    assert docs_figures.main([str(tmp_path / "missing.md")]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_only_checks_the_named_commands_rows(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    ran: list[str] = []
    monkeypatch.setattr(docs_figures, "run_command", lambda line, s: ran.append(line) or _output())
    assert docs_figures.figures_page(page, only="compare 1") == 0 and len(ran) == 1
    with pytest.raises(FiguresError, match="no marked figures of 'compare 2'"):
        docs_figures.figures_page(page, only="compare 2")
    page.write_text(PAGE.replace("# compare 1:", "# compare 3:"))
    with pytest.raises(FiguresError, match="no ```sh command labelled compare 1"):
        docs_figures.figures_page(page)


DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize(
    "page", sorted(p.name for p in DOCS.glob("*.md") if "<!-- figures:" in p.read_text())
)
def test_every_marked_page_reads_and_its_rows_name_labelled_commands(page):
    """A writer who adds a number to a marked cell, or renames a command, is told here (the
    figures themselves are checked on demand, by ``make docs-figures``)."""
    text = (DOCS / page).read_text(encoding="utf-8")
    rows = marked_rows(text, page)
    found = docs_figures_recovery.listings(text, DOCS / page)
    assert rows or (found and all(x.lanes and x.folder.is_dir() for x in found))
    assert {r.command for r in rows} <= set(commands(text))


def test_a_key_the_output_lacks_is_an_error_naming_the_line_and_the_options():
    rows = marked_rows(PAGE.replace("diff fast", "diff faster"), "page.md")
    said = r"line 16 \(row 1\): wait_h diff faster: .*baseline, fast"
    with pytest.raises(FiguresError, match=said):
        docs_figures.check(rows, {"compare 1": _output()})


WIDE = """<!-- figures: compare 1, column 2
row 1: wait_h
row 1, column 3: wait_h in fast; wait_h diff fast
row 2, compare 2, column 3: cost in fast
-->

| | baseline | fast |
|---|---|---|
| waits | 10.71 | 9.30, -1.40 (-5.05 to 2.24) |
| costs | 1 | 18,648,400 |
"""


def test_a_row_may_name_its_own_column_and_command():
    """A table with an option a column: each row names the column its figures are in."""
    rows = marked_rows(WIDE, "page.md")
    cells = [(r.command, r.row, r.column, [p.mean for _, p in r.figures]) for r in rows]
    assert cells == [
        ("compare 1", 1, 2, ["10.71"]),
        ("compare 1", 1, 3, ["9.30", "-1.40"]),
        ("compare 2", 2, 3, ["18,648,400"]),
    ]
    with pytest.raises(FiguresError, match="row 2, column 4: the table has no such cell"):
        marked_rows(WIDE.replace("compare 2, column 3", "column 4"), "page.md")


def test_an_interval_is_clipped_as_the_commands_table_prints_it():
    """A share's interval is printed within 0 and 1, a count's above 0 (the raw one is in
    the JSON): a page's "0.83 (0.12 to 1)" is what the command printed."""
    output = {
        "options": {"baseline": {"detection_rate_frozen": _stat(0.833, 0.116, 1.550),
                                 "illicit_frozen": _stat(2.0, -0.484, 4.484)}},
        "differences": {},
    }
    assert docs_figures_page.value(Key("detection_rate_frozen"), output) == (0.833, 0.116, 1.0)
    assert docs_figures_page.value(Key("illicit_frozen"), output) == (2.0, 0.0, 4.484)
    verdict = judge(Key("m"), Printed("0.83", "0.12", "1"), 0.833, 0.116, 1.0)
    assert not verdict.moved


def test_an_interval_in_brackets_is_read_as_one_in_words():
    """Pages print "-2.3 [-7.5, +2.8]" as well as "-2.3 (-7.5 to 2.8)", and an option's
    mean with its difference as "6.36 (-0.19, -0.20 to -0.18)"."""
    assert figures("14.7 | -2.3 [-7.5, +2.8]; 3.30 h [3.1, 3.5]") == [
        Printed("14.7"), Printed("-2.3", "-7.5", "+2.8"), Printed("3.30", "3.1", "3.5")
    ]
    # an option's mean, then its difference with the difference's interval
    assert figures("6.36 (-0.19, -0.20 to -0.18)") == [
        Printed("6.36"), Printed("-0.19", "-0.20", "-0.18")
    ]


def test_a_run_command_is_checked_as_a_comparison_of_one_option():
    """``run --json`` prints ``{metric: {mean, ci_low, ci_high}}``: its figures are keyed
    ``METRIC`` as a comparison's baseline is."""
    line = "bordersim run --reps 3 --days 14 --out results/x"
    assert docs_figures.command_args(line, Path("s"))[:1] == ["run"]
    page = PAGE.replace("bordersim compare default --reforms fast", "bordersim run default")
    page = page.replace("wait_h diff fast", "-").replace("cost in fast", "cost")
    run = docs_figures.as_compare({"wait_h": _stat(10.706, 9.0, 12.0),
                                   "cost": _stat(18_648_400.0, 1.0, 2.0)}, "run")
    verdicts = docs_figures.check(marked_rows(page, "page.md"), {"compare 1": run})
    assert [(str(v.key), v.moved) for _, v in verdicts] == [
        ("wait_h", False), ("cost", False)
    ]
    with pytest.raises(FiguresError, match="only 'bordersim compare' and 'bordersim run'"):
        docs_figures.command_args("bordersim sweep default", Path("s"))


SHARES = """# Shares

```sh
# compare 1: the reform
bordersim compare default --reforms fast --reps 2 --days 1
```

<!-- figures: compare 1, column 2, percent
row 1: held; held diff fast
-->

| | share |
|---|---|
| held | 81.3 % [80.1, 82.5], fast \u22120.4 [\u22120.6, \u22120.2] |

<!-- figures: column 2
row 1, compare 1, percent: held
row 2, compare 1: wait_h
-->

| | figure |
|---|---|
| held, % | 81.3 |
| wait | 10.71 h |
"""


def _shares(held: float = 0.813, diff: float = -0.004) -> dict[str, Any]:
    """A made-up output whose ``held`` is a share (0.813 printed as 81.3 %)."""
    return {
        "options": {"baseline": {"held": _stat(held, 0.801, 0.825),
                                 "wait_h": _stat(10.706, 9.0, 12.0)}},
        "differences": {"fast": {"held": _stat(diff, -0.006, -0.002)}},
    }


def test_a_share_printed_as_a_percentage_is_compared_in_percent():
    """``percent`` on a marker's first line or on a row: 81.3 % is the share 0.813, and a
    difference in points -0.4 is -0.004; the other rows are read as printed."""
    rows = marked_rows(SHARES, "page.md")
    assert [(r.row, r.percent) for r in rows] == [(1, True), (1, True), (2, False)]
    verdicts = docs_figures.check(rows, {"compare 1": _shares()})
    assert [(str(v.key), v.moved) for _, v in verdicts] == [
        ("held", False), ("held diff fast", False), ("held", False), ("wait_h", False)
    ]
    moved = docs_figures.check(rows, {"compare 1": _shares(held=0.8149, diff=-0.0051)})
    assert [v.new.mean for _, v in moved][:3] == ["81.5", "-0.5", "81.5"]
    assert [v.moved for _, v in moved] == [True, True, True, False]


def test_a_percent_sign_and_a_typographic_minus_are_read():
    """``6.24 % [5.87, 6.61]`` carries its interval across the sign, and a minus printed as
    U+2212 is a minus (the same figure as one printed with a hyphen)."""
    assert figures("6.24 % [5.87, 6.61]") == [Printed("6.24", "5.87", "6.61")]
    assert figures("\u22122.51 [\u22122.70, 0.01]") == [
        Printed("\u22122.51", "\u22122.70", "0.01")
    ]
    assert not judge(Key("m"), Printed("\u22122.51", "\u22122.70", "0.01"),
                     -0.0251 * 100, -2.7, 0.01).moved


RECOVERY = """# Disruptions

<!-- figures: recovery, in examples -->
```console
$ bordersim compare port.toml --option storm:@storm.toml --reps 1 --out results/d
$ bordersim hours results/d --recovery
storm:
sea_port  declaration_review  +616.0 above the baseline on day 11 at 10:00 (queue 621.0, \
baseline 5.0); back to the baseline's queue 69 h later
sea_port  scanners  +13.0 above the baseline on day 11 at 01:00 (queue 13.0, baseline 0.0); \
not back to the baseline's queue before the run ends
days count from the run's start
```
""".replace("\\\n", "")

CSV_HEAD = "port,lane,excess_queue,peak_h,queue,baseline_queue,recovered_h,option\n"


def _recovery_csv(tmp_path: Path, review_back: str = "69.0") -> Path:
    """A made-up ``hours --recovery --csv``: the page's two lanes, the first back after
    ``review_back`` hours."""
    path = tmp_path / "recovery.csv"
    path.write_text(CSV_HEAD + f"sea_port,declaration_review,616.0,274.0,621.0,5.0,{review_back},"
                    "storm\nsea_port,scanners,13.0,265.0,13.0,0.0,inf,storm\n")
    return path


def test_a_recovery_listing_is_read_lane_by_lane_and_not_as_a_table(tmp_path):
    """The marker names the folder the commands run in; each lane line's figures are keyed
    by option, port and lane; the table reader leaves the marker alone."""
    (found,) = docs_figures_recovery.listings(RECOVERY, tmp_path / "page.md")
    assert found.folder == tmp_path / "examples" and found.hours.endswith("--recovery")
    assert sorted(found.lanes) == [("storm", "sea_port", "declaration_review"),
                                   ("storm", "sea_port", "scanners")]
    assert found.lanes[("storm", "sea_port", "scanners")]["back"] is None
    assert marked_rows(RECOVERY, "page.md") == []
    with pytest.raises(FiguresError, match="one '\\$ bordersim compare'"):
        docs_figures_recovery.listings(RECOVERY.replace("$ bordersim hours", "$ hours"), Path("p"))


@pytest.mark.parametrize(("back", "status"), [("69.0", 0), ("70.0", 1)])
def test_a_recovery_lane_moves_when_the_csv_prints_otherwise(tmp_path, monkeypatch, capsys,
                                                           back, status):
    page = tmp_path / "page.md"
    page.write_text(RECOVERY)
    new = docs_figures_recovery.from_csv(_recovery_csv(tmp_path, back))
    monkeypatch.setattr(docs_figures_recovery, "check_listing", lambda listing, scratch: new)
    assert docs_figures.figures_page(page) == status
    report = capsys.readouterr().out
    assert f"2 lanes: {2 - status} same, {status} moved" in report
    if status:
        assert "declaration_review: moved, " in report and "back 70 h later" in report


def test_a_lane_the_page_lacks_or_the_run_no_longer_prints_has_moved(tmp_path):
    (found,) = docs_figures_recovery.listings(RECOVERY, tmp_path / "page.md")
    new = docs_figures_recovery.from_csv(_recovery_csv(tmp_path))
    gone = dict(list(new.items())[:1])
    lines = docs_figures_recovery.compare_lanes(found.lanes, gone)
    assert [m for _, m in lines] == [False, True] and "no longer above" in lines[1][0]
    extra = {**new, ("storm", "sea_port", "lab"): new[("storm", "sea_port", "scanners")]}
    assert [m for _, m in docs_figures_recovery.compare_lanes(found.lanes, extra)][-1]


def test_the_help_names_the_recovery_choice_of_only(capsys):
    """``--only recovery`` checks a page's recovery listings alone; the help says so."""
    with pytest.raises(SystemExit):
        docs_figures.main(["--help"])
    assert "'recovery'" in " ".join(capsys.readouterr().out.split())


def test_only_recovery_checks_the_listings_and_no_table(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    page.write_text(PAGE + RECOVERY)
    new = docs_figures_recovery.from_csv(_recovery_csv(tmp_path))
    monkeypatch.setattr(docs_figures_recovery, "check_listing", lambda listing, scratch: new)
    ran: list[str] = []
    monkeypatch.setattr(docs_figures, "run_command", lambda line, s: ran.append(line) or _output())
    assert docs_figures.figures_page(page, only="recovery") == 0 and ran == []


PEAK_PAGE = PAGE.replace("row 2: -; -; cost in fast", "row 2: -; -; cost in fast\n"
                         "row 3: peak:hub:bays:peak_queue; peak:hub:bays:cleared_h in fast") + (
    "| peak | 40 waiting; the option back to the mean in 2 h |\n")


def test_a_peak_figure_is_read_from_the_reruns_folder_as_hours_peak_reads_it(
        tmp_path, monkeypatch, capsys):
    """``peak:PORT:LANE:FIELD`` keys a lane's ``hours --peak`` figure: the rerun's folder is
    read for it (the baseline's peak queue 40, the option's 2 h back to the mean)."""
    from types import SimpleNamespace

    import pandas as pd

    from sim import docs_figures_peak

    def queues(at_25: float) -> pd.DataFrame:
        rows = [(24.0, 1.0), (25.0, at_25), (26.0, at_25), (27.0, 20.0), (28.0, 2.0)]
        return pd.DataFrame([(t, "hub", "bays", q, 0.0, 1.0) for t, q in rows],
                            columns=["t_h", "port", "lane", "queue", "busy", "capacity"])

    folder = {name: SimpleNamespace(tables={"queues": queues(q)},
                                    scenario={"warmup_days": 1, "days": 1})
              for name, q in (("baseline", 40.0), ("fast", 41.0))}
    monkeypatch.setattr(docs_figures_peak, "read", lambda f: ("compare", folder))
    done = subprocess.CompletedProcess([], 0, stdout=json.dumps(_output()), stderr="")
    monkeypatch.setattr(docs_figures.subprocess, "run", lambda *a, **k: done)
    page = tmp_path / "page.md"
    page.write_text(PEAK_PAGE)
    assert docs_figures.figures_page(page) == 0
    report = capsys.readouterr().out
    assert "peak:hub:bays:peak_queue: same, 40" in report
    assert "peak:hub:bays:cleared_h in fast: same, 2" in report
    folder["baseline"].tables["queues"] = queues(41.0)
    assert docs_figures.figures_page(page) == 1


#: a listing from queue samples finer than an hour: the peak at HH:MM, the recovery's moment
#: and its length to the minute (``hours --recovery`` with ``queue_sample='5 min'``), beside
#: a lane from the hour's form and one not back
FINE = RECOVERY.replace(
    "on day 11 at 10:00 (queue 621.0, baseline 5.0); back to the baseline's queue 69 h later",
    "on day 11 at 10:35 (queue 621.0, baseline 5.0); back to the baseline's queue on day 12 at "
    "03:10, 16 h 35 min later",
)
#: the fine listing's lanes in the CSV: the peak 10:35 on day 11, back 16 h 35 min later
FINE_CSV = (CSV_HEAD + f"sea_port,declaration_review,616.0,{11 * 24 + 10 + 35 / 60!r},621.0,5.0,"
            f"{16 + 35 / 60!r},storm\nsea_port,scanners,13.0,265.0,13.0,0.0,inf,storm\n")


def test_a_recovery_listing_is_read_to_the_minute_and_to_the_hour(tmp_path):
    """``hours --recovery`` tells the peak as HH:MM and the recovery to the minute when the
    samples are finer than an hour, as HH:00 and whole hours when they are hourly: both
    lines are read, and each is the same as its CSV row (one minute later moves it)."""
    (fine,) = docs_figures_recovery.listings(FINE, tmp_path / "page.md")
    review = fine.lanes[("storm", "sea_port", "declaration_review")]
    assert (review["day"], review["clock"], review["back"]) == ("11", "10:35", "16 h 35 min")
    (hourly,) = docs_figures_recovery.listings(RECOVERY, tmp_path / "page.md")
    review = hourly.lanes[("storm", "sea_port", "declaration_review")]
    assert (review["day"], review["clock"], review["back"]) == ("11", "10:00", "69 h")
    path = tmp_path / "fine.csv"
    path.write_text(FINE_CSV)
    new = docs_figures_recovery.from_csv(path)
    assert [m for _, m in docs_figures_recovery.compare_lanes(fine.lanes, new)] == [False, False]
    assert [m for _, m in docs_figures_recovery.compare_lanes(
        hourly.lanes, docs_figures_recovery.from_csv(_recovery_csv(tmp_path)))] == [False, False]
    later = FINE_CSV.replace(f"{11 * 24 + 10 + 35 / 60!r}", f"{11 * 24 + 10 + 36 / 60!r}")
    path.write_text(later)
    lines = docs_figures_recovery.compare_lanes(fine.lanes, docs_figures_recovery.from_csv(path))
    assert [m for _, m in lines] == [True, False]
    assert "at 10:35" in lines[0][0] and "at 10:36" in lines[0][0], lines[0][0]
    assert "back 16 h 35 min later" in lines[0][0]
