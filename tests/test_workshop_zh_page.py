"""docs/workshop-zh.md is copied command by command in a Chinese workshop: every command on it
must be one its command's parser takes as written, and every error line it promises (a line
``# ...错误：...`` under a command, ``...`` standing for any text) must be what that command
prints today for that mistake. The mistakes fail before simulating, and the file the page
has participants write must check with the note it shows: a few seconds, nothing run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import sim
from sim.cli import _build, build_parser, lang_after_command, main
from sim.reforms.compose import parse
from sim.scenario.loader import bundled_scenario
from tests.test_cli_lang_notes import english_left

PAGE = Path(__file__).resolve().parents[1] / "docs" / "workshop-zh.md"
#: the page's placeholder for a results folder
RESULTS = "结果文件夹"


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)


def _commands() -> list[tuple[str, list[str]]]:
    """Each ``bordersim`` line of the page's sh blocks with the ``# `` lines under it."""
    out: list[tuple[str, list[str]]] = []
    for line in (x for b in _blocks("sh") for x in b.splitlines()):
        if line.startswith("bordersim "):
            out.append((line, []))
        elif line.startswith("# ") and out:
            out[-1][1].append(line[2:])
    return out


def _argv(line: str) -> list[str]:
    """The arguments a shell passes (its comment and an output redirection dropped)."""
    words = shlex.split(line, comments=True)[1:]
    return words[: words.index(">")] if ">" in words else words


def _pattern(sample: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in sample.split("...")))


COMMANDS = _commands()
ERRORS = [(c, s) for c, said in COMMANDS for s in said if "错误：" in s]


def test_the_page_has_its_commands_and_errors():
    assert len(COMMANDS) >= 20
    assert len(ERRORS) >= 5


@pytest.mark.parametrize(("line", "said"), COMMANDS,
                         ids=[" ".join(c.split()[1:4]) for c, _ in COMMANDS])
def test_every_command_is_taken_by_its_parser(line, said, capsys):
    """Each command parses, but ``--help``, which exits 0, and a mistake in the arguments
    themselves the page shows (``bordersim run: 错误：...``, a mistyped command's
    ``bordersim: 错误：...``), which argparse refuses."""
    argv = lang_after_command(_argv(line), _build()[1])  # (bordersim --lang zh --help)
    refused = any(s.startswith(("bordersim ", "bordersim:")) for s in said)  # (bordersim rnu)
    if "--help" in argv or refused:
        with pytest.raises(SystemExit) as done:
            build_parser().parse_args(argv)
        assert done.value.code == (2 if refused else 0), line
        return
    args = build_parser().parse_args(argv)
    if argv[0] in ("run", "compare", "sweep", "warmup", "outlook") and not any(
            "错误：" in s for s in said):
        # (a bundled name, or an example's file from the repository's root, as the page says)
        path = bundled_scenario(args.scenario) or PAGE.parents[1] / args.scenario
        base = sim.load_scenario(path, dict(args.settings))
        for text in getattr(args, "reforms", None) or []:
            parse(text).apply(base)  # (the reforms it names exist and apply)


@pytest.mark.parametrize(("line", "sample"), ERRORS, ids=[c[10:40] for c, _ in ERRORS])
def test_every_error_the_page_shows_is_printed(line, sample, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    argv = _argv(line)
    try:
        status = main(argv)
    except SystemExit as exc:  # (argparse's own errors)
        status = exc.code
    assert status == 2, line
    printed = capsys.readouterr().err.splitlines()
    assert any(_pattern(sample).fullmatch(p) for p in printed), (sample, printed)
    assert not (tmp_path / "results").exists(), "a mistake must not start a run"


def test_the_file_the_page_has_written_checks_with_its_note(capsys, monkeypatch, tmp_path):
    (toml,) = _blocks("toml")
    ((line, said),) = [(c, s) for c, s in COMMANDS if " check " in c and ".toml" in c]
    name = _argv(line)[1]
    (tmp_path / name).write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    assert main(_argv(line)) == 0
    printed = capsys.readouterr().err.splitlines()
    for sample in said:
        assert any(_pattern(sample).fullmatch(p) for p in printed), (sample, printed)
    (tmp_path / name).write_text(toml + 'name = "我的情景"\n', encoding="utf-8")
    assert main(_argv(line)) == 0
    assert capsys.readouterr().err == "", "the page says the note goes with a name"


#: the run sheet's commands, shortened for the test: a day observed after a day's warm-up,
#: two replications (in place of the sheet's --reps: a second one is refused)
SHORT = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=1"]


def _shortened(argv: list[str]) -> list[str]:
    """``argv`` as the test runs it: a command that simulates, shortened (:data:`SHORT`)."""
    if argv[0] not in ("run", "compare", "sweep"):
        return argv
    at = argv.index("--reps")
    return [*argv[:at + 1], "2", *argv[at + 2:], *SHORT]


def _run_sheet() -> list[tuple[str, str]]:
    """The run sheet's commands in order, each with the comment above it (its step, time
    and what to point at)."""
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(r"<!-- run-sheet -->\n```sh\n(.*?)```", text, re.S)
    assert found, "no run sheet (<!-- run-sheet --> before an sh block) on the page"
    out, said = [], ""
    for line in found[1].splitlines():
        if line.startswith("# "):
            said = line[2:]
        elif line.startswith("bordersim "):
            out.append((line, said))
            said = ""
    return out


def test_the_run_sheet_runs_in_order_in_chinese(capsys, monkeypatch, tmp_path):
    """Each command of the facilitator's run sheet, in its order (the report, workbook and
    hours read the comparison's folder), succeeds from an empty folder and prints Chinese;
    each says its step, how long it took and what to point at."""
    sheet = _run_sheet()
    assert len(sheet) >= 8
    steps = [re.match(r"(\d+)\. 约 [0-9.至 ]+秒：\S", said) for _, said in sheet]
    assert all(steps), [said for _, said in sheet]
    assert [int(m[1]) for m in steps if m] == list(range(1, len(sheet) + 1))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    for line, _ in sheet:
        try:
            status = main(_shortened(_argv(line)))
        except SystemExit as exc:  # (--help)
            status = exc.code
        printed = capsys.readouterr()
        assert status in (0, None), (line, printed.err[-2000:])
        assert re.search(r"[\u4e00-\u9fff]", printed.out), line
        assert "尚无中文" not in printed.out + printed.err, line
        assert english_left(printed.out + printed.err) == [], (line, english_left(
            printed.out + printed.err))
    page = (tmp_path / "结果" / "对比" / "report-zh.html").read_text(encoding="utf-8")
    assert "data-untranslated" not in page  # (its top would say some paragraphs are English)
    assert (tmp_path / "结果" / "对比" / "workbook-zh.xlsx").is_file()
