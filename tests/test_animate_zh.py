"""``bordersim animate --lang zh`` (or ``BORDERSIM_LANG=zh``): the closing line, the
refusals and the note on a port label the GIF cannot draw in Chinese; English as it was; a
typo in the variable refused as the other commands refuse it. (The GIF's own labels:
tests/test_animate_words.py.)"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_zh_options import UNTRANSLATED

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: a tiny window: one observed day, a frame every half hour
TINY = ["--port", "sea", "--days", "1", "--every", "30 min"]
#: Latin words a Chinese line may keep: options, their values, ports and units as typed
KEPT = {"port", "sea", "fps", "start", "hours", "every", "min", "nowhere", "gif", "out"}


def _animate(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["animate", str(SMALL), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _english_words(line: str, path: Path) -> set[str]:
    """The Latin words of ``line`` (its paths left out) that are not options or names."""
    return set(re.findall(r"[A-Za-z]{2,}", line.replace(str(path), ""))) - KEPT


@pytest.fixture(autouse=True)
def _no_language_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)


@pytest.mark.parametrize("how", ["--lang", "env"])
def test_the_closing_line_in_chinese_and_in_english(how, tmp_path, capsys, monkeypatch):
    from PIL import Image

    out = tmp_path / "sea.gif"
    args = [*TINY, "--hours", "2", "--out", str(out)]
    assert _animate(args, capsys) == (0, f"4 frames: {out}\n", "")
    if how == "env":
        monkeypatch.setenv("BORDERSIM_LANG", "zh")
        zh = args
    else:
        zh = [*args, "--lang", "zh"]
    code, said, err = _animate(zh, capsys)
    with Image.open(out) as gif:
        assert gif.n_frames == 4
    assert (code, said, err) == (0, f"{4} 帧：{out}\n", "")
    assert UNTRANSLATED not in said


def test_lang_en_overrides_the_variable(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    out = tmp_path / "sea.gif"
    code, said, _ = _animate([*TINY, "--hours", "1", "--out", str(out), "--lang", "en"], capsys)
    assert (code, said) == (0, f"2 frames: {out}\n")


REFUSALS = [  # (arguments, the English as it always was, figures the Chinese must keep)
    (["--hours", "1", "--port", "nowhere", "--every", "30 min"],
     "--port nowhere: no such port; ports: sea", ["--port nowhere", "sea"]),
    (["--hours", "1", "--fps", "60"], "--fps must be 1 to 50; got 60", ["--fps", "50", "60"]),
    (["--port", "sea", "--hours", "900", "--every", "1 min"],
     "54,000 frames (900 h every 1 min); at most 2,000: shorten --hours or raise --every",
     ["54,000", "900", "2,000", "--hours", "--every"]),
    (["--hours", "1", "--start", "-3"], "--start must be 0 or more hours; got -3",
     ["--start", "-3"]),
    (["--hours", "1", "--start", "9999"],
     "no queue sample between 9999 h and 10000 h; the run's samples end at 359.5 h",
     ["9999", "10000", "359.5"]),
]


@pytest.mark.parametrize("extra, english, kept", REFUSALS)
def test_each_refusal_in_chinese_and_in_english(extra, english, kept, tmp_path, capsys):
    out = tmp_path / "x.gif"
    given = {"--port", "--every"} & set(extra)
    args = ["--days", "1", "--out", str(out), *extra,
            *([] if given else ["--port", "sea", "--every", "30 min"])]
    assert _animate(args, capsys) == (2, "", f"error: {english}\n")
    code, said, err = _animate([*args, "--lang", "zh"], capsys)
    assert (code, said) == (2, "")
    assert err.startswith("错误：") and err.count("\n") == 1, err
    assert UNTRANSLATED not in err
    assert all(k in err for k in kept), err
    assert not _english_words(err, out), err
    assert not out.exists()


def test_a_gif_that_cannot_be_written_is_refused_in_chinese(tmp_path, capsys):
    (tmp_path / "f").write_text("", encoding="utf-8")
    for out in (tmp_path, tmp_path / "f" / "x.gif"):
        args = [*TINY, "--hours", "1", "--out", str(out)]
        code, _, english = _animate(args, capsys)
        assert code == 2 and english.startswith(f"error: cannot write {out}: ")
        code, _, err = _animate([*args, "--lang", "zh"], capsys)
        assert code == 2 and err.startswith(f"错误：无法写入 {out}：") and err.count("\n") == 1
        assert UNTRANSLATED not in err and not _english_words(err, tmp_path), err


def test_hours_not_positive_is_refused_in_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["animate", str(SMALL), *TINY, "--hours", "-1", "--lang", "zh"])
    last = capsys.readouterr().err.splitlines()[-1]
    assert "错误" in last and "-1" in last and UNTRANSLATED not in last


def test_a_typo_in_the_variable_is_refused_as_the_other_commands_refuse_it(
        tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zn")
    out = tmp_path / "x.gif"
    code, said, err = _animate([*TINY, "--hours", "1", "--out", str(out)], capsys)
    assert (code, said) == (2, "") and not out.exists()
    assert main(["dashboard", "--port", "1"]) == 2  # (refused before serving)
    assert err == capsys.readouterr().err
    assert err.startswith("error: environment variable BORDERSIM_LANG='zn' is not a language")


def _with_label(tmp_path: Path, label: str) -> Path:
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace('[ports.sea]\nmode = "sea"', f'[ports.sea]\nlabel = "{label}"\n'
                        'mode = "sea"', 1)
    assert label in text
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("label", ["深圳蛇口港", "Sea port", "Port de Sète"])
def test_drawable_says_whether_the_font_would_draw_boxes(label):
    """:func:`drawable` is False exactly when matplotlib finds a glyph missing."""
    from sim.report.animate import Frame, LaneState, drawable, frame_image

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame_image(Frame(1.0, (LaneState("scanners", 1, 1, 2),)), title=label)
    missing = any("missing from font" in str(w.message) for w in caught)
    assert drawable(label) is not missing


@pytest.fixture
def titles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles the GIFs of a test are written with (each GIF still written)."""
    import sim.report.animate as animate

    seen: list[str] = []
    real = animate.write_gif
    monkeypatch.setattr(animate, "write_gif",
                        lambda *a, **kw: seen.append(kw["title"]) or real(*a, **kw))
    return seen


def _as_without_a_chinese_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a machine with a Chinese font, behave as one without (a Latin title only)."""
    import sim.report.animate as animate

    if animate.drawable("深圳蛇口港"):
        monkeypatch.setattr(animate, "drawable", lambda text: text.isascii())


@pytest.mark.parametrize("lang, note", [("zh", "提示：口岸名称 '深圳蛇口港'"),
                                        ("en", "note: the port's label '深圳蛇口港'")])
def test_a_label_the_font_cannot_draw_gives_the_identifier(lang, note, tmp_path, capsys,
                                                           monkeypatch, titles):
    _as_without_a_chinese_font(monkeypatch)
    out = tmp_path / "x.gif"
    scenario = _with_label(tmp_path, "深圳蛇口港")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = main(["animate", str(scenario), *TINY, "--hours", "1", "--out", str(out),
                     "--lang", lang])
    _, err = capsys.readouterr()
    assert not [w for w in caught if "missing from font" in str(w.message)]  # (no boxes)
    assert code == 0 and titles == ["sea"]
    assert err.startswith(note) and err.count("\n") == 1 and err.rstrip().endswith(" sea")
    assert UNTRANSLATED not in err


def test_a_label_the_font_draws_is_the_title(tmp_path, capsys, titles):
    scenario = _with_label(tmp_path, "Port de Sète")
    code = main(["animate", str(scenario), *TINY, "--hours", "1", "--out",
                 str(tmp_path / "x.gif"), "--lang", "zh"])
    assert code == 0 and titles == ["Port de Sète"] and capsys.readouterr().err == ""


def test_the_pages_animation_falls_back_to_the_identifier_too(tmp_path, monkeypatch, titles):
    """The workshop page draws the same GIF: a label its font cannot draw is not its title."""
    import sim
    from sim.faces.watch import port_gif

    _as_without_a_chinese_font(monkeypatch)
    scenario = sim.load_scenario(_with_label(tmp_path, "深圳蛇口港"), {"days": 1})
    assert port_gif(scenario, 1, "sea", hours=1)[:3] == b"GIF"
    assert titles == ["sea"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_a_chinese_font_the_gif_says_why_its_words_are_english(lang, tmp_path, capsys,
                                                                        monkeypatch):
    """``--lang zh`` on a machine without a Chinese font: the GIF's words stay English and a
    line on standard error says why and what to install (the report's charts say as much);
    in English nothing is said."""
    from sim.report import plot_font

    monkeypatch.setattr(plot_font, "chinese_font", lambda: None)
    out = tmp_path / "x.gif"
    code, said, err = _animate([*TINY, "--hours", "1", "--out", str(out), "--lang", lang],
                               capsys)
    assert code == 0 and out.is_file()
    if lang == "en":
        assert err == ""
        return
    assert err.startswith("提示：本机没有可显示中文的字体，GIF 中的文字以英文显示")
    assert err.count("\n") == 1
    assert "bordersim[zh]" in err and "fonts-noto-cjk" in err
