"""``bordersim animate --lang zh``: the closing line, the note on a title the GIF's font
cannot draw, and the command's refusals (a port, ``--fps``, too many frames, ``--start``, a
window with no queue sample) in Chinese, read by :mod:`sim.cli_zh_errors`; ports and
options keep their names. The GIF's own labels are Chinese where the machine has a Chinese
font (:mod:`sim.report.animate_zh`), English where it has none."""

from __future__ import annotations

#: an English reason (the whole of it) -> its Chinese; groups are kept as written
ERRORS: tuple[tuple[str, str], ...] = (
    (r"--port (?P<port>.+): no such port; ports: (?P<ports>.*)",
     "--port {port}：没有这个口岸；情景中的口岸：{ports}"),
    (r"--fps must be 1 to 50; got (?P<fps>-?\d+)", "--fps 应为 1 至 50；实际为 {fps}"),
    (r"(?P<n>[\d,]+) frames \((?P<h>\S+) h every (?P<m>\S+) min\); at most (?P<most>[\d,]+): "
     r"shorten --hours or raise --every",
     "共 {n} 帧（{h} 小时，每 {m} 分钟一帧）；最多 {most} 帧：请缩短 --hours 或加大 --every"),
    (r"--start must be 0 or more hours; got (?P<start>\S+)",
     "--start 应为 0 或更大的小时数；实际为 {start}"),
    (r"no queue sample between (?P<a>\S+) h and (?P<b>\S+) h; the run's samples end at "
     r"(?P<last>\S+) h",
     "第 {a} 小时至第 {b} 小时之间没有排队采样；本次运行的采样止于第 {last} 小时"),
)


def said(words: dict[str, str]) -> dict[str, str]:
    """A pattern's groups as they are (ports, figures and options keep their names)."""
    return words


def done(frames: int, out: object, lang: str) -> str:
    """The closing line: how many frames, and where the GIF is."""
    if lang == "zh":
        return f"{frames} 帧：{out}"
    return f"{frames} frames: {out}"


def font_note(lang: str) -> str:
    """The line on standard error when ``--lang zh`` is asked on a machine without a Chinese
    font: the GIF's words stay English (never boxes), and how to have them in Chinese (the
    report's pages say the same under their first plot: :data:`sim.report.plot_lang.NOTE`)."""
    if lang == "zh":
        return ("提示：本机没有可显示中文的字体，GIF 中的文字以英文显示（安装 bordersim[zh] 或系统"
                "中文字体（如 'fonts-noto-cjk'）后重新生成，文字即为中文）")
    return ("note: no font with Chinese characters on this machine, so the GIF's words are in "
            "English (install bordersim[zh] or a system Chinese font such as fonts-noto-cjk "
            "and make it again for Chinese words)")


def title_note(label: str, port: str, lang: str) -> str:
    """The line on standard error when the port's label cannot be drawn (a Chinese label on
    a machine without a Chinese font would show boxes): the GIF is titled by its identifier."""
    if lang == "zh":
        return (f"提示：口岸名称 {label!r} 含有 GIF 字体无法显示的字符，GIF 标题改用口岸标识 "
                f"{port}")
    return (f"note: the port's label {label!r} has characters the GIF's font cannot draw; "
            f"the GIF is titled with the port's identifier {port}")
