"""`bordersim report RESULTS_DIR`: one self-contained HTML file from a results folder of
`run`, `compare` or `sweep`, from its files alone, with the folder's numbers, every plot, the
organisation tree, and a clear error (naming the file) for a folder that is not one or is
damaged. Short runs only: the small scenario, or Guangdong for one day."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.cli import main
from sim.report.folder_report import render_folder

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
GUANGDONG = REPO / "sim" / "scenarios" / "guangdong.toml"
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2"]
#: every plot of a run's report; a comparison adds who gains
RUN_PLOTS = {
    "overall-clearance", "clearance", "tail-overall_clearance", "tail-clearance",
    "time-by-owner", "intervals", "truth", "queues", "utilisation-by-lane",
}


class _Page(HTMLParser):
    """Every tag's attributes, by tag name."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def all(self, tag: str, **having: str) -> list[dict[str, str]]:
        return [
            a for t, a in self.tags
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in having.items())
        ]


def _self_contained(text: str) -> _Page:
    page = _Page(text)
    assert not page.all("script") and not page.all("link") and not page.all("iframe")
    for tag, attrs in page.tags:
        assert "href" not in attrs, (tag, attrs)
        if "src" in attrs:
            assert attrs["src"].startswith("data:image/"), (tag, attrs["src"][:40])
    assert not re.search(r"url\(|@import|https?://", text.split("<body>")[0])  # nothing in CSS
    return page


def _plots(page: _Page) -> set[str]:
    return {a["data-plot"] for a in page.all("img") if "data-plot" in a}


def _same(shown: str, value: float) -> bool:
    x = float(shown)
    return (math.isnan(x) and math.isnan(value)) or x == value


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    """A run of Guangdong (an organisation scenario) for one day, two replications."""
    out = tmp_path_factory.mktemp("run") / "r"
    argv = ["run", str(GUANGDONG), "--reps", "2", "--days", "1", "--set", "warmup_days=0",
            "--set", "drain_days=1", "--out", str(out)]
    assert main(argv) == 0
    return out


@pytest.fixture(scope="module")
def compare_folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("compare") / "c"
    argv = ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
            "--reps", "2", *TINY, "--out", str(out)]
    assert main(argv) == 0
    return out


def test_a_run_folder_gives_a_self_contained_report_with_its_numbers(run_folder, capsys):
    assert main(["report", str(run_folder)]) == 0
    assert "report.html" in capsys.readouterr().out
    text = (run_folder / "report.html").read_text(encoding="utf-8")
    page = _self_contained(text)
    assert _plots(page) >= RUN_PLOTS | {"org-tree"}
    summary = json.loads((run_folder / "summary.json").read_text())
    per_rep = pd.read_csv(run_folder / "replications.csv")
    cells = page.all("td", **{"class": "mean"})
    rows = [a for _, a in page.tags if "data-metric" in a and a.get("data-option") == "run"]
    assert len(cells) == len(rows) >= 10
    for row, cell in zip(rows, cells, strict=True):
        metric = row["data-metric"]
        for key in ("mean", "ci_low", "ci_high"):
            want = summary[metric][key]
            assert _same(cell[f"data-{key.replace('_', '-')}"], math.nan if want is None else want)
        mean = per_rep[metric].mean()  # (NaN where no replication has it: shown as such)
        assert np.isclose(float(cell["data-mean"]), mean, rtol=1e-12, equal_nan=True)
    # the organisation by escalation type and level, role and port, with its intervals
    assert "The organisation by escalation, role and port" in text
    shown = {row["data-metric"] for row in rows}
    assert {"org_staff_cost_per_year_tariff", "org_staff_heads_management"} <= shown
    assert any(m.startswith("escalation_latency_h_mean_case") for m in shown)
    assert any(m.startswith("org_hold_h_mean_port_") for m in shown)  # (which ports gain)
    tree = page.all("img", data_plot="org-tree")[0]
    assert tree["data-structures"] == "hybrid"
    assert "Guangdong" in text and "gz_nansha" in text  # the scenario: description and ports
    # seizures are a count, not a share: beside the truth plot, not on its 0-1 axis
    assert ("Seizures per 1000 declarations (goods seized, detained or rejected; mean over "
            "replications): run ") in text
    # what the command line changed from the scenario file, and the command itself
    assert "warmup_days=0, drain_days=1" in text and "--reps 2 --days 1" in text
    # a run has replications, not options: its stability section says which warned
    assert "No option warned" not in text
    stability = text[text.index(">Stability<"):text.index(">Results<")]
    assert "The run is not steady-state" in stability and "differences" not in stability
    assert "The others" not in stability and "Besides" in stability
    # and the top of the page says so first, before any figure
    first = text[text.index("Before you quote these figures"):text.index(">Results<")]
    assert "Not steady-state: The run had a queue" in first and "Too short to tell" in first


def test_a_comparison_folder_report_is_what_compare_wrote_with_its_csvs(compare_folder, tmp_path):
    written = (compare_folder / "report.html").read_text(encoding="utf-8")
    out = tmp_path / "elsewhere.html"
    assert main(["report", str(compare_folder), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == written  # from the files alone, the same page
    page = _self_contained(written)
    assert _plots(page) >= RUN_PLOTS | {"who-gains"}
    assert "org-tree" not in _plots(page)  # the small scenario has no organisation
    # what to know before quoting a figure comes first, above the headline
    assert written.index("Before you quote these figures") < written.index(">Headline<")
    # stars by Holm's correction, intervals uncorrected: the page says so (as the terminal)
    assert "the intervals are each difference's own, uncorrected" in written
    from sim.cli_compare import _empty_table

    assert "the intervals are each difference's own, uncorrected" in str(
        _empty_table(False).caption)
    # what each option changes: the fields of its scenario.json that differ from the baseline's
    assert "<code>ports.sea.review.capacity: 3 \u2192 4</code>" in written
    summary = pd.read_csv(compare_folder / "summary.csv")
    differences = pd.read_csv(compare_folder / "differences.csv")
    rows = [a for _, a in page.tags if "data-metric" in a and "data-option" in a]
    means = page.all("td", **{"class": "mean"})
    assert {r["data-option"] for r in rows} == {"baseline", "review4"}
    for row, cell in zip(rows, means, strict=True):
        s = summary[(summary["metric"] == row["data-metric"])
                    & (summary["option"] == row["data-option"])].iloc[0]
        for key in ("mean", "ci_low", "ci_high"):
            assert _same(cell[f"data-{key.replace('_', '-')}"], float(s[key]))
    diffs = page.all("td", **{"class": "diff"})
    assert len(diffs) == sum(r["data-option"] == "review4" for r in rows)
    review4 = [r for r in rows if r["data-option"] == "review4"]
    for row, cell in zip(review4, diffs, strict=True):
        d = differences[(differences["metric"] == row["data-metric"])
                        & (differences["option"] == "review4")].iloc[0]
        for key in ("mean", "ci_low", "ci_high"):
            assert _same(cell[f"data-diff-{key.replace('_', '-')}"], float(d[key]))
    gains = pd.read_csv(compare_folder / "gains.csv")
    everyone = gains[(gains["measure"] == "overall_clearance") & (gains["dimension"] == "all")]
    cell = page.all("td", **{"class": "gain"})[0]
    assert _same(cell["data-mean"], float(everyone.iloc[0]["mean_change"]))


def test_a_comparisons_change_the_same_in_every_replication_is_said_in_words(compare_folder):
    """A difference (or a mean) whose replications all agree has no interval to give: the
    table says so, not "[0.000, 0.000]"."""
    from sim.report.html import SAME

    page = render_folder(compare_folder)
    rows = re.findall(r"<tr data-metric=[^>]*>.*?</tr>", page)
    same = [r for r in rows if re.search(r'data-diff-ci-low="([^"]+)" data-diff-ci-high="\1"', r)]
    assert same, "the small comparison has no change the same in every replication"
    for row in same:
        diff = row.split("class='diff'")[1]
        assert SAME in diff and "[" not in diff.split("</td>")[1], row
    assert not re.search(r"\[(0\.000), \1\]", page)


def test_differences_csv_leaves_out_the_baseline_and_a_folder_read_has_it_back(
    compare_folder, tmp_path, capsys
):
    """The baseline's difference from itself (0 for every metric, never significant) is not
    in differences.csv; the table read from the folder has it back, worked out from the
    replications as a comparison's own table has it. A folder written with those rows (as
    before) still reads, and an edited one of them is refused."""
    from sim.report.folder import read_compare

    written = pd.read_csv(compare_folder / "differences.csv")
    assert set(written["option"]) == {"review4"} and len(written) > 100
    res, _ = read_compare(compare_folder)
    base = res.differences[res.differences["option"] == "baseline"]
    assert list(res.differences["option"].unique()) == ["baseline", "review4"]
    assert list(base["metric"]) == list(written["metric"])
    assert set(base["mean"].dropna()) == {0} and not base["significant"].any()
    assert not base["unit"].str.contains("currency").any()  # (named as in the file)
    folder = tmp_path / "copy"
    shutil.copytree(compare_folder, folder)
    (folder / "report.html").unlink(missing_ok=True)
    both = pd.concat([base, written], ignore_index=True)
    both.to_csv(folder / "differences.csv", index=False)
    assert main(["report", str(folder), "--check"]) == 0  # (written with the baseline rows)
    capsys.readouterr()
    both.loc[0, "mean"] = 5.0
    both.to_csv(folder / "differences.csv", index=False)
    err = _error(folder, capsys)
    assert "differences.csv does not match" in err, err


def test_the_tree_of_each_structure_an_option_makes():
    """A reform that changes the structure (the dumbbell) gets its own tree beside the
    baseline's; an option with the same tree does not."""
    from sim.reforms import apply
    from sim.report.folder import Variant
    from sim.report.org_table import tree_from_record, tree_record
    from sim.report.sections import org_section
    from sim.scenario.loader import load_scenario

    hybrid = load_scenario(GUANGDONG)
    dumbbell = apply(hybrid, "dumbbell")
    variants = {}
    for name, sc in (("baseline", hybrid), ("more_staff", hybrid), ("dumbbell", dumbbell)):
        record = tree_record(sc)
        assert record is not None
        variants[name] = Variant(name, Path("."), {}, [0], tree=tree_from_record(record),
                                 structure=record["structure"])
    (img,) = _Page("".join(org_section(variants))).all("img")
    assert img["data-structures"] == "hybrid,dumbbell"
    assert org_section({}) == []


def test_a_sweep_folder_report_has_each_points_intervals(sweep_folder):
    page = _self_contained(render_folder(sweep_folder))  # (read only: nothing written)
    assert "sweep-points" in _plots(page)
    rows = pd.read_csv(sweep_folder / "sweep.csv")
    cells = page.all("td", **{"class": "mean"})
    assert len(cells) >= 8
    for cell in cells:
        values = rows[rows["point"] == int(cell["data-point"])][cell["data-metric"]]
        assert np.isclose(float(cell["data-mean"]), values.mean(), rtol=1e-12)


def _error(folder: Path, capsys) -> str:
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_a_folder_that_is_not_a_results_folder(tmp_path, capsys):
    """Nothing there, or a plain file: said so (not "cannot write FILE/report.html")."""
    nothing = tmp_path / "nothing-here"
    assert f"{nothing} does not exist, not a results folder" in _error(nothing, capsys)
    (tmp_path / "notes.txt").write_text("hello")
    assert "not a bordersim results folder" in _error(tmp_path, capsys)
    err = _error(tmp_path / "notes.txt", capsys)
    assert err.startswith(f"error: {tmp_path / 'notes.txt'} is a file, not a results folder"), err
    assert "cannot write" not in err
    assert not (tmp_path / "report.html").exists()
    err = _error_out(tmp_path / "notes.txt", tmp_path / "r.html", capsys)
    assert "is a file, not a results folder" in err and not (tmp_path / "r.html").exists()


def _error_out(folder: Path, out: Path, capsys) -> str:
    assert main(["report", str(folder), "--out", str(out)]) == 2
    return capsys.readouterr().err


def test_a_missing_who_gains_file_is_named(compare_folder, tmp_path, capsys):
    """A who-gains file (or an option's folder, below) that is missing is named as missing,
    not taken for a pooled table (gains.csv, replications.csv) that does not match."""
    folder = Path(shutil.copytree(compare_folder, tmp_path / "copy"))
    (folder / "gains" / "rep-0001.json").unlink()
    err = _error(folder, capsys)
    assert f"error: {folder / 'gains' / 'rep-0001.json'} is missing (who gains" in err, err
    (folder / "gains" / "rep-0001.csv").unlink()
    err = _error(folder, capsys)
    assert (f"error: {folder / 'gains' / 'rep-0001.csv'} and rep-0001.json are missing (who "
            "gains and who loses in replication 1") in err, err
    assert "gains.csv does not match" not in err


def test_a_missing_options_folder_is_named(compare_folder, tmp_path, capsys):
    folder = Path(shutil.copytree(compare_folder, tmp_path / "copy"))
    shutil.rmtree(folder / "options" / "review4")
    err = _error(folder, capsys)
    assert "replications.csv" not in err, err
    assert (f"error: {folder / 'options' / 'review4'}, the results of option 'review4', is "
            "missing") in err, err


def _edit_a_number(folder: Path) -> None:
    path = folder / "reps" / "rep-0000-resources.csv"
    path.write_text(re.sub(r"0\.(\d)", r"0.9\1", path.read_text(), count=1))


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda f: (f / "meta.json").write_text("{not json"), "meta.json"),
        (lambda f: (f / "scenario.json").write_text("[1, 2]"), "scenario.json"),
        (lambda f: (f / "summary.json").unlink(), "summary.json"),
        (lambda f: (f / "replications.csv").write_bytes(b"\xff\xfe\x00garbage"),
         "replications.csv"),
        (lambda f: (f / "reps" / "rep-0001-queues.csv").write_text("t_h,port\n1,x\n"),
         "rep-0001-queues.csv"),
        (lambda f: (f / "reps" / "rep-0000-clearance.csv").unlink(), "rep-0000-clearance.csv"),
        (_edit_a_number, "rep-0000-resources.csv"),  # valid CSV, but not what was run
        (lambda f: (f / "organisation.json").write_text('{"format": 1, "units": {"a": 1}}'),
         "organisation.json"),
        # a replication's warnings are those of its checksummed record: none may be added,
        # and none taken away (an overloaded run made to look steady-state)
        (lambda f: (f / "warnings.json").write_text('{"replications": {"rep-0001": ["x"]}}'),
         "warnings.json"),
    ],
)
def test_a_damaged_run_folder_names_the_file(run_folder, tmp_path, capsys, damage, named):
    folder = tmp_path / "copy"
    shutil.copytree(run_folder, folder)
    (folder / "report.html").unlink(missing_ok=True)
    damage(folder)
    err = _error(folder, capsys)
    assert named in err, err
    assert not (folder / "report.html").exists()


def _copy(run_folder: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "copy"
    shutil.copytree(run_folder, folder)
    (folder / "report.html").unlink(missing_ok=True)
    return folder


def test_an_edited_replications_csv_is_refused(run_folder, tmp_path, capsys):
    folder = _copy(run_folder, tmp_path)
    table = pd.read_csv(folder / "replications.csv")
    table.loc[0, "clearance_h_mean"] = 5.0  # a valid number, not the one run
    table.to_csv(folder / "replications.csv", index=False)
    err = _error(folder, capsys)
    assert "replications.csv" in err and "does not match" in err, err
    assert len(err.strip().splitlines()) == 1


def test_an_edited_replication_file_is_refused_as_a_resumed_run_refuses_it(
    run_folder, tmp_path, capsys
):
    folder = _copy(run_folder, tmp_path)
    path = folder / "reps" / "rep-0001.json"
    data = json.loads(path.read_text())
    data["metrics"]["clearance_h_mean"] = 5.0
    path.write_text(json.dumps(data))
    err = _error(folder, capsys)
    assert "rep-0001.json" in err and "checksum does not match" in err, err
    assert not (folder / "report.html").exists()


def test_a_replication_beyond_the_run_is_left_out(run_folder, tmp_path, capsys):
    folder = _copy(run_folder, tmp_path)
    reps = folder / "reps"
    (reps / "rep-0007.json").write_bytes((reps / "rep-0001.json").read_bytes())
    assert main(["report", str(folder)]) == 0, capsys.readouterr().err
    assert (folder / "report.html").exists()


def test_a_comparison_with_fewer_replications_into_its_folder_leaves_the_rest_out(
    compare_folder, tmp_path, capsys
):
    """As a run does: a comparison of 1 replication into a folder of 2 notes the files
    beyond it, writes a folder consistent for 1 and its report, which ``report`` reads."""
    folder = tmp_path / "copy"
    shutil.copytree(compare_folder, folder)
    argv = ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
            "--reps", "1", *TINY, "--out", str(folder)]
    capsys.readouterr()
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "rep-0001.json beyond the 1 replication(s)" in err, err
    assert (folder / "options" / "review4" / "reps" / "rep-0001.json").exists()  # left as is
    assert set(pd.read_csv(folder / "replications.csv")["replication"]) == {0}
    assert json.loads((folder / "compare.json").read_text())["reps"] == 1
    (folder / "report.html").unlink()
    assert main(["report", str(folder)]) == 0, capsys.readouterr().err
    assert (folder / "report.html").exists()


def test_a_damaged_comparison_folder_names_the_file(compare_folder, tmp_path, capsys):
    folder = tmp_path / "copy"
    shutil.copytree(compare_folder, folder)
    (folder / "summary.csv").write_text("option,metric\nbaseline,x\n")
    assert "summary.csv" in _error(folder, capsys)
    shutil.rmtree(folder / "options" / "review4" / "reps")
    (folder / "summary.csv").write_bytes((compare_folder / "summary.csv").read_bytes())
    assert "review4" in _error(folder, capsys)


@pytest.mark.parametrize(
    ("file", "column"),
    [
        ("replications.csv", "clearance_h_mean"),
        ("summary.csv", "mean"),
        ("differences.csv", "ci_high"),
        ("gains.csv", "mean_change"),
    ],
)
def test_an_edited_comparison_table_is_refused(compare_folder, tmp_path, capsys, file, column):
    """A comparison's tables are worked out again from the options' replication files: a
    valid number that is not the one run is refused, naming the file."""
    folder = tmp_path / "copy"
    shutil.copytree(compare_folder, folder)
    (folder / "report.html").unlink(missing_ok=True)
    table = pd.read_csv(folder / file)
    table.loc[len(table) - 1, column] = 5.0
    table.to_csv(folder / file, index=False)
    err = _error(folder, capsys)
    assert file in err and "does not match" in err, err
    assert len(err.strip().splitlines()) == 1 and not (folder / "report.html").exists()


def test_edited_pooled_warnings_or_who_gains_files_are_refused(compare_folder, tmp_path, capsys):
    """``warnings.json`` is checked against the options' checksummed replication records
    (an unstable option could be made to look steady-state), and each replication's who-gains
    file against its checksum (an edit there would pass into gains.csv on a rerun)."""
    folder = tmp_path / "copy"
    shutil.copytree(compare_folder, folder)
    (folder / "report.html").unlink(missing_ok=True)
    assert main(["report", str(folder), "--check"]) == 0  # untouched: reported
    capsys.readouterr()
    path = folder / "warnings.json"
    kept = path.read_text(encoding="utf-8")
    warnings = json.loads(kept)
    warnings["review4"] = [*warnings["review4"], "rep-0000: sea: a queue trends upward"]
    path.write_text(json.dumps(warnings), encoding="utf-8")
    err = _error(folder, capsys)
    assert "warnings.json does not match the replication files of option 'review4'" in err, err
    path.write_text(kept, encoding="utf-8")
    part = folder / "gains" / "rep-0001.csv"
    assert part.is_file()
    table = pd.read_csv(part)
    table.loc[0, "n"] = table.loc[0, "n"] + 1
    table.to_csv(part, index=False)
    err = _error(folder, capsys)
    assert "rep-0001.csv does not match its checksum" in err, err
    # compare.json's count of replications is printed by the report: it must be the files'
    meta_path = folder / "compare.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps({**meta, "reps": 20}), encoding="utf-8")
    err = _error(folder, capsys)
    assert "compare.json says 20 replications per option, but replications.csv holds" in err
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    # a folder written before who-gains files had checksums cannot be checked: it is reported
    part.write_bytes((compare_folder / "gains" / "rep-0001.csv").read_bytes())
    for seal in (folder / "gains").glob("rep-*.json"):
        seal.unlink()
    assert main(["report", str(folder), "--check"]) == 0


def test_an_options_folder_points_to_its_comparisons_report(compare_folder, capsys):
    """An option's folder under options/ is part of a comparison: `report` on it says which
    folder to report, instead of calling it incomplete or damaged."""
    option = compare_folder / "options" / "review4"
    assert main(["report", str(option)]) == 2
    err = capsys.readouterr().err
    assert "one option of the comparison" in err and "damaged" not in err, err


def test_a_run_writes_its_organisation_tree_only_when_it_has_one(run_folder, compare_folder):
    record = json.loads((run_folder / "organisation.json").read_text())
    assert record["structure"] == "hybrid" and "gac" in record["units"]
    assert not (compare_folder / "options" / "baseline" / "organisation.json").exists()


def test_no_warning_over_fewer_than_three_weeks_does_not_say_the_queues_settled():
    """The rising-wait check needs three whole observed weeks; a shorter run that did not
    warn must not be reported as settled."""
    from sim.report.html import _no_warning

    assert "every lane settled" in _no_warning(7, 21)
    short = _no_warning(7, 14)
    assert "every lane settled" not in short
    assert "14 observed day(s) hold 2 whole week(s)" in short and "--days 21" in short
    assert "every lane settled" not in _no_warning(3, 21)  # (a warm-up of part of a week)
    assert "--days 25 or more" in _no_warning(3, 21)  # (enough after that warm-up)
    assert _no_warning(7, 21, "replication").startswith("<p>No replication warned")


@pytest.mark.parametrize("kind", ["run", "compare"])
def test_a_report_whose_figures_are_left_out_unbuilt_reads_the_same_and_builds_none(
    run_folder, compare_folder, monkeypatch, kind
):
    from sim.report import plots

    folder = run_folder if kind == "run" else compare_folder
    made: list[object] = []
    png = plots.png_base64

    def counted(fig):  # type: ignore[no-untyped-def]
        made.append(fig)
        return png(fig)

    monkeypatch.setattr(plots, "png_base64", counted)
    with plots.figures_left_out():  # (as a check of the folder: built, not drawn)
        built = render_folder(folder)
    assert made
    made.clear()
    with plots.figures_left_out(built=False):
        assert render_folder(folder) == built
    assert made == []


@pytest.fixture(scope="module")
def sweep_folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("sweep") / "s"
    argv = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=2,4", "--reps", "2",
            *TINY, "--out", str(out)]
    assert main(argv) == 0
    return out


@pytest.fixture(scope="module")
def sweep_page(tmp_path_factory) -> str:
    """The page ``bordersim report`` wrote for a brief sweep of the review lane that asked
    with ``--show`` for the scanners' queue (a lane it does not sweep)."""
    out = tmp_path_factory.mktemp("swept") / "sw"
    # (a warm-up other than the observed day, so that "What was run" cannot show one for
    # the other)
    argv = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=2,3", "--reps", "2",
            "--days", "1", "--set", "warmup_days=3", "--set", "drain_days=2",
            "--show", "queue_mean_sea_*", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    assert main(["report", str(out)]) == 0
    return (out / "report.html").read_text()


def _set_metric(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["metrics"]["clearance_h_mean"] = 123.0
    path.write_text(json.dumps(data), encoding="utf-8")


def _csv_cell(path: Path, line: int, column: int, value: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[line].split(",")
    cells[column] = value
    lines[line] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


SWEEP_DAMAGE = {
    "truncated point": (lambda f: (f / "points/p0001-r0001.json").write_bytes(
        (f / "points/p0001-r0001.json").read_bytes()[:200]),
        "points/p0001-r0001.json: not valid JSON (truncated?)"),
    "edited point": (lambda f: _set_metric(f / "points/p0000-r0001.json"),
                     "points/p0000-r0001.json: checksum does not match"),
    "foreign point": (lambda f: shutil.copy(f / "points/p0000-r0000.json",
                                            f / "points/p0001-r0000.json"),
                      "points/p0001-r0000.json: from another sweep"),
    "missing point": (lambda f: (f / "points/p0001-r0001.json").unlink(),
                      "points/p0001-r0001.json is missing"),
    "edited metric in sweep.csv": (lambda f: _csv_cell(f / "sweep.csv", 2, 4, "0.5"),
                                   "sweep.csv does not match the point files"),
    "edited parameter in sweep.csv": (lambda f: _csv_cell(f / "sweep.csv", 1, 1, "3"),
                                      "sweep.csv does not match the point files"),
    "a row less in sweep.csv": (lambda f: (f / "sweep.csv").write_text(
        "".join((f / "sweep.csv").read_text().splitlines(keepends=True)[:-1])),
        "sweep.csv does not match the point files"),
    "edited design.csv": (lambda f: _csv_cell(f / "design.csv", 2, 1, "3"),
                          "design.csv does not match the point files"),
    "design.csv removed": (lambda f: (f / "design.csv").unlink(), "design.csv is missing"),
    "sweep.csv removed": (lambda f: (f / "sweep.csv").unlink(), "sweep.csv is missing"),
    "summary.csv removed": (lambda f: (f / "summary.csv").unlink(), "summary.csv is missing"),
    "truncated summary.csv": (lambda f: os.truncate(f / "summary.csv", 50),
                              "summary.csv does not match the point files"),
    "edited summary.csv": (lambda f: _csv_cell(f / "summary.csv", 1, 4, "0.5"),
                           "summary.csv does not match the point files"),
    "intervals.csv removed": (lambda f: (f / "intervals.csv").unlink(),
                              "intervals.csv is missing"),
    "truncated intervals.csv": (lambda f: os.truncate(f / "intervals.csv", 500),
                                "intervals.csv does not match the point files"),
    "edited intervals.csv": (lambda f: _csv_cell(f / "intervals.csv", 3, 3, "0.5"),
                             "intervals.csv does not match the point files"),
    "warnings.json removed": (lambda f: (f / "warnings.json").unlink(),
                              "warnings.json is missing"),
    "truncated warnings.json": (lambda f: (f / "warnings.json").write_text('{"0": ['),
                                "warnings.json cannot be read"),
    "edited warnings.json": (lambda f: (f / "warnings.json").write_text('{"0": ["made up"]}'),
                             "warnings.json does not match the point files"),
    "differences.csv removed": (lambda f: (f / "differences.csv").unlink(),
                                "differences.csv is missing"),
    "differences.csv cut in half a line": (
        lambda f: os.truncate(f / "differences.csv", (f / "differences.csv").stat().st_size // 2),
        "differences.csv does not match the point files"),
    "differences.csv not a table": (lambda f: (f / "differences.csv").write_bytes(b"\0{{{\n"),
                                    "differences.csv does not match the point files"),
}


@pytest.mark.parametrize("damage", list(SWEEP_DAMAGE))
def test_a_damaged_sweep_folder_is_refused_naming_the_file(sweep_folder, tmp_path, capsys,
                                                           damage):
    folder = tmp_path / "s"
    shutil.copytree(sweep_folder, folder)
    change, message = SWEEP_DAMAGE[damage]
    change(folder)
    err = _error(folder, capsys)
    assert err.startswith(f"error: {folder}/{message}"), err
    assert len(err.splitlines()) == 1 and not (folder / "report.html").exists()


def test_a_sweep_folder_written_before_point_checksums_is_still_read(sweep_folder, tmp_path):
    """Point files without checksum are read, and the page says so, when meta.json has no
    point_format (an older folder); in a folder of today they are refused."""
    folder = tmp_path / "s"
    shutil.copytree(sweep_folder, folder)
    for path in (folder / "points").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("format", "checksum", "version", "root_seed"):
            del data[key]
        path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="written by an older bordersim, without a checksum"):
        render_folder(folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    del meta["point_format"]
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert "written before point files carried a checksum" in render_folder(folder)
    _csv_cell(folder / "sweep.csv", 2, 4, "0.5")  # still checked against sweep.csv
    with pytest.raises(ValueError, match="sweep.csv does not match the point files"):
        render_folder(folder)


def test_a_sweep_reports_intervals_clipped_to_what_is_possible():
    """A share's interval within [0, 1], a time's not below 0; the raw one kept in data-*."""
    from sim.report.html import _fmt
    from sim.report.sweep_html import _table, point_summary

    rows = pd.DataFrame({"point": [0, 0, 0], "replication": [0, 1, 2], "x": [1, 1, 1],
                         "detection_rate": [0.0, 0.0, 0.4], "clearance_h_mean": [0.1, 0.1, 9]})
    summary = point_summary(rows, ["x"])
    share = summary.set_index("metric").loc["detection_rate"]
    assert share["ci_low"] < 0 and share["shown_low"] == 0 and share["shown_high"] <= 1
    time = summary.set_index("metric").loc["clearance_h_mean"]
    assert time["ci_low"] < 0 and time["shown_low"] == 0
    assert time["shown_high"] == time["ci_high"]
    html = _table(pd.DataFrame({"x": [1]}, index=pd.Index([0], name="point")), summary, ["x"])
    (cell,) = _Page(html).all("td", data_metric="detection_rate")
    assert float(cell["data-ci-low"]) == share["ci_low"]
    assert f"[0.000\u2021, {_fmt(share['shown_high'])}]" in html  # (the cut end marked)
    # (the mean and its interval to the decimals of the end above 10)
    assert f"[0.00\u2021, {_fmt(time['ci_high'])}]" in html and "[-" not in html


def test_a_runs_notes_reach_its_report(tmp_path, capsys):
    """A part of the scenario that acts on nothing (the organisation's local knowledge
    without a risk engine) is noted on stderr, in warnings.json and in report.html."""
    out = tmp_path / "g"
    scenario = REPO / "scenarios" / "guangdong-spindle.toml"
    argv = ["run", str(scenario), "--days", "1", "--set", "warmup_days=0", "--set",
            "drain_days=1", "--reps", "1", "--out", str(out)]
    assert main(argv) == 0
    assert "local_knowledge_auc" in capsys.readouterr().err
    assert main(["report", str(out)]) == 0
    page = (out / "report.html").read_text()
    assert "<p class='note'>note: organisation.advantages.local_knowledge_auc" in page


def test_a_run_in_which_nothing_arrived_has_nothing_to_report(tmp_path, capsys):
    """`run` refuses to summarise a run in which nothing arrived (status 2); its folder is
    kept (nothing is lost), and `report` says there is nothing to report, not a blank page."""
    out = tmp_path / "empty"
    argv = ["run", str(REPO / "tests" / "scenarios" / "small.toml"), "--reps", "1", "--days",
            "2", "--set", "warmup_days=1", "--set", 'ports.sea.arrivals.rate="0/d"', "--set",
            'ports.sea.exports.arrivals.rate="0/d"', "--out", str(out)]
    assert main(argv) == 2
    assert f"(the run is kept in {out})" in capsys.readouterr().err  # (where it is)
    assert main(["report", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no consignment arrived" in err and len(err.strip().splitlines()) == 1, err
    assert not (out / "report.html").exists()


def test_a_group_one_replication_lacks_stays_with_its_dimension():
    """Averaging per-replication clearance tables: a port that saw nothing in the first
    replication is drawn with the other ports, not after the directions."""
    from sim.report.folder import _in_first_order

    t = pd.DataFrame(
        {
            "metric": ["clearance"] * 5,
            "dimension": ["port", "direction", "direction", "port", "mode"],
            "group": ["sea", "import", "export", "jm_port", "sea"],
            "mean_h": [1.0, 2.0, 3.0, 4.0, 5.0],
        }
    )
    got = _in_first_order(t)
    assert got["group"].tolist() == ["sea", "jm_port", "import", "export", "sea"]
    assert got["dimension"].tolist() == ["port", "port", "direction", "direction", "mode"]


def test_a_sweeps_report_shows_the_swept_lanes_figures_and_what_show_asked_for(sweep_page):
    """Sweeping a lane's capacity: the report has that lane's utilisation and mean wait at
    each point, and the metrics ``--show`` named, beside the key ones."""
    page = sweep_page
    for m in ("clearance_h_mean", "utilisation_sea_declaration_review",
              "wait_h_mean_sea_declaration_review", "queue_mean_sea_scanners"):  # fmt: skip
        assert f'data-point="1" data-metric="{m}"' in page, m
    assert 'data-metric="utilisation_sea_scanners"' not in page  # (not swept, not asked)


def test_a_short_runs_caveat_stays_when_some_option_warned():
    """Over fewer than three whole weeks the rising-wait check cannot run: the options that
    did not warn were not checked either, and the report says so beside the warnings."""
    from types import SimpleNamespace

    from sim.report.html import _stability

    res = SimpleNamespace(names=["baseline", "slow"], warnings={"slow": ["p: x is 99% utilised"]},
                          unstable=lambda name: name == "slow",
                          meta={"warmup_days": 7, "days": 7})  # fmt: skip
    text = _stability(res)  # type: ignore[arg-type]
    assert "x is 99% utilised" in text and "The others did not warn, but" in text
    res.meta["days"] = 21
    assert "The others did not warn" not in _stability(res)  # type: ignore[arg-type]


def test_a_sweeps_report_says_what_was_run_and_labels_points_by_their_values(sweep_page):
    """Observed and warm-up days in "What was run"; each column's unit in its head; the
    plot's points named by the swept field's values (one field), a long one cut short."""
    from sim.report.sweep_html import _point_labels

    page = sweep_page
    assert "<th scope='row'>observed days</th><td>1.0</td>" in page
    assert "<th>clearance_h_mean (hours) [95 % CI]</th>" in page
    design = pd.DataFrame({"ports.sea.review.capacity": [2, 3]}, index=pd.Index([0, 1]))
    assert _point_labels(design, ["ports.sea.review.capacity"]) == (
        "ports.sea.review.capacity", {0: "2", 1: "3"})
    long = pd.DataFrame({"s": [[1] * 24]}, index=pd.Index([0]))
    assert _point_labels(long, ["s"])[1][0].endswith("\u2026")
    two = pd.DataFrame({"a": [1], "b": [2]}, index=pd.Index([0]))
    assert _point_labels(two, ["a", "b"])[0] == "point (see the table)"


def test_a_sweeps_points_are_compared_with_point_0_paired_by_replication():
    """The difference of each point from point 0, per replication (the same seeds), then its
    mean and t-interval: narrower than the points' own intervals when they move together."""
    from sim.analysis.stats import confidence_interval
    from sim.report.sweep_html import _differences, point_differences

    rows = pd.DataFrame({"point": [0, 0, 0, 1, 1, 1], "replication": [0, 1, 2, 0, 1, 2],
                         "x": [1, 1, 1, 2, 2, 2],
                         "clearance_h_mean": [5.0, 9.0, 7.0, 4.0, 8.5, 6.2]})  # fmt: skip
    diffs = point_differences(rows, ["clearance_h_mean", "absent"])
    assert diffs["metric"].tolist() == ["clearance_h_mean"] and diffs["point"].tolist() == [1]
    mean, low, high = confidence_interval(np.array([-1.0, -0.5, -0.8]))
    row = diffs.iloc[0]
    assert (row["mean"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, low, high))
    assert high < 0  # (each replication lower: clear of 0, though the levels spread widely)
    design = pd.DataFrame({"x": [1, 2]}, index=pd.Index([0, 1], name="point"))
    page = _differences(design, diffs, ["x"])
    assert 'data-point="1" data-metric="clearance_h_mean">-0.767 *' in page
    assert "<th>clearance_h_mean (hours)</th>" in page


def test_a_sweeps_stars_are_holm_corrected_for_its_number_of_points():
    """Of several points, one whose interval is clear of 0 with p between 0.05 / m and 0.05
    gets no star (Holm over the points, metric by metric, as compare over its options);
    one far clear of 0 keeps it."""
    from sim.report.sweep_html import _differences, point_differences

    base = [5.0, 9.0, 7.0, 6.0]
    far = [b - 2.0 + e for b, e in zip(base, [0.0, 0.1, -0.1, 0.05], strict=True)]
    near = [b - 1.0 + e for b, e in zip(base, [0.35, -0.35, 0.45, -0.45], strict=True)]
    flat = [b + e for b, e in zip(base, [0.1, -0.1, 0.2, -0.2], strict=True)]
    values = base + far + near + flat + flat
    rows = pd.DataFrame({"point": np.repeat([0, 1, 2, 3, 4], 4),
                         "replication": np.tile([0, 1, 2, 3], 5), "x": np.repeat(range(5), 4),
                         "clearance_h_mean": values})  # fmt: skip
    diffs = point_differences(rows, ["clearance_h_mean"]).set_index("point")
    # clear of 0 alone, but above Holm's 0.05 / 3 for the second smallest of four p-values
    assert diffs.loc[2, "ci_high"] < 0 and 0.05 / 3 < diffs.loc[2, "p_value"] < 0.05
    assert diffs["holm"].tolist() == [True, False, False, False]
    design = pd.DataFrame({"x": range(5)}, index=pd.Index(range(5), name="point"))
    page = _differences(design, diffs.reset_index(), ["x"])
    far_mean, near_mean = diffs.loc[1, "mean"], diffs.loc[2, "mean"]
    assert f'data-metric="clearance_h_mean">{far_mean:.3f} *' in page
    assert f'data-metric="clearance_h_mean">{near_mean:.3f} <small>' in page
    assert "after Holm's correction for the number of points" in page


def test_a_run_whose_warnings_were_emptied_is_refused(tmp_path, capsys):
    """An overloaded run (its replications warn that a queue does not settle) whose
    warnings.json was emptied by hand: the report refuses it, naming the file, rather than
    showing the run as steady-state."""
    out = tmp_path / "r"
    argv = ["run", str(SMALL), "--reps", "2", "--days", "2", "--set", "warmup_days=0",
            "--set", "ports.sea.review.capacity=1", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    capsys.readouterr()
    data = json.loads((out / "warnings.json").read_text())
    assert data["replications"], data  # (the run warned)
    data["replications"] = {}
    (out / "warnings.json").write_text(json.dumps(data))
    err = _error(out, capsys)
    assert "warnings.json does not match the replication files" in err, err


def test_report_does_not_write_over_the_results_or_a_file_that_is_not_a_report(
    compare_folder, tmp_path, capsys
):
    """--out never replaces what is not a report: the folder's results (summary.json, the
    very files the report is read from) nor a user's file elsewhere; an earlier report and
    the folder's own report.html are replaced."""
    summary = compare_folder / "summary.csv"
    before = summary.read_bytes()
    assert main(["report", str(compare_folder), "--out", str(summary)]) == 2
    err = capsys.readouterr().err
    assert f"will not write over {summary}: it is one of the results folder's files" in err
    assert summary.read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    assert main(["report", str(compare_folder), "--out", str(notes)]) == 2
    assert "it is not an HTML report of bordersim" in capsys.readouterr().err
    assert notes.read_text() == "mine"
    earlier = tmp_path / "earlier.html"
    earlier.write_bytes((compare_folder / "report.html").read_bytes())
    for out in (earlier, compare_folder / "report.html"):
        assert main(["report", str(compare_folder), "--out", str(out)]) == 0, out


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        ("reps is a file", "reps/rep-0000.json: a file stands where its folder should be"),
        ("a replication is a link", "reps/rep-0001.json: a symbolic link (results files are "
                                    "read only as the files bordersim writes"),
        ("summary.json is a folder", "summary.json is a folder, not a file"),
    ],
)
def test_a_damaged_folder_is_said_in_words_not_the_systems(
    run_folder, tmp_path, capsys, damage, says
):
    """"Too many levels of symbolic links", "Not a directory" and "missing" (for a folder in
    a file's place) named the file but not what was wrong in a user's words."""
    folder = tmp_path / "r"
    shutil.copytree(run_folder, folder)
    if damage == "reps is a file":
        shutil.rmtree(folder / "reps")
        (folder / "reps").write_text("")
    elif damage == "a replication is a link":
        (folder / "reps" / "rep-0001.json").unlink()
        (folder / "reps" / "rep-0001.json").symlink_to("rep-0000.json")
    else:
        (folder / "summary.json").unlink()
        (folder / "summary.json").mkdir()
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert says in err, err
    assert "Too many levels" not in err and "Not a directory" not in err


def test_the_payback_compare_reads_after_its_finish_is_in_its_report(compare_folder, tmp_path):
    """compare's report.html is written as the comparison finishes, before the AEO payback
    options are read: writing aeo-payback.csv writes the report again with it, and renews
    the report's checksum in the folder's seal (a resumed comparison finds it intact)."""
    import argparse
    import hashlib
    from types import SimpleNamespace

    from sim.cli import Notes
    from sim.cli_aeo_payback import show
    from sim.experiment.aeo_payback import CERTIFIED

    folder = Path(shutil.copytree(compare_folder, tmp_path / "copy"))
    assert "id='aeo-payback'" not in (folder / "report.html").read_text(encoding="utf-8")
    gains = pd.DataFrame([{"option": "review4", "measure": "trader_cost", "port": "sea",
                           "dimension": "trader_class", "direction": "import", "n": 9,
                           "group": CERTIFIED, "unit": "USD", "mean_change": -42.0,
                           "ci_low": -68.0, "ci_high": 5.0}])
    args = argparse.Namespace(declarations_a_year=1200.0, certification_once=None,
                              certification_a_year=None, no_report=False)
    show(SimpleNamespace(gains=gains), args, folder, Notes(), lambda _: None)
    text = (folder / "report.html").read_text(encoding="utf-8")
    assert "id='aeo-payback'" in text and "warning (review4): sea import" in text
    seal = json.loads((folder / "finished.json").read_text(encoding="utf-8"))
    assert seal["files"]["report.html"] == hashlib.sha256(
        (folder / "report.html").read_bytes()).hexdigest()
