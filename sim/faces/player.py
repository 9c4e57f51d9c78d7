"""The animated port on the workshop page as still frames with a pause control.

A GIF plays on its own, loops for ever and cannot be paused; moving content that lasts more
than five seconds must have a way to pause it (WCAG 2.2.2), and a facilitator wants to hold
a moment (a queue at 10:00) while the room discusses it. So the page shows the animation's
frames one by one, with Pause / Play and a step either way, each a button named in words.
"""

from __future__ import annotations

import base64
import html
import io
from typing import Any

import panel as pn

from sim.faces.words import say

FPS = 6  # frames a second: one day of 30-minute frames in 8 seconds
#: under the frames of a Chinese page on a machine without a Chinese font, whose frames keep
#: their English words (never boxes): why, and how to have them in Chinese (as the report's
#: note under its first plot, :data:`sim.report.plot_lang.NOTE`)
NOTE = ("<p class='note' data-plot-words='en'>说明：本机没有可显示中文的字体，动画中的文字以"
        "英文显示（安装 bordersim[zh] 或系统中文字体（如 fonts-noto-cjk）后重新运行，动画中的"
        "文字即为中文）。</p>")


def gif_frames(gif: bytes) -> list[bytes]:
    """Each frame of an animated GIF as a PNG, first to last."""
    from PIL import Image, ImageSequence

    out = []
    with Image.open(io.BytesIO(gif)) as image:
        for frame in ImageSequence.Iterator(image):
            buffer = io.BytesIO()
            frame.convert("RGB").save(buffer, format="PNG")
            out.append(buffer.getvalue())
    return out


def _chinese_font() -> bool:
    """Whether this machine has a font the frames draw Chinese words in (the worker drawing
    them runs here too: :func:`sim.report.plot_font.chinese_font`)."""
    from sim.report.plot_font import chinese_font

    return chinese_font() is not None


class PortPlayer:
    """One port's frames played on the page, looping, with Pause / Play and steps of one
    frame (30 simulated minutes) back and forward; a step pauses it; its words in ``lang``
    (those of :mod:`sim.faces.words`, ``step_words`` among them)."""

    def __init__(self, step_words: str = "30 min", fps: int = FPS, lang: str = "en") -> None:
        self.fps = fps
        self.lang = lang
        self._note = ""  # (NOTE where the frames' words fell back to English)
        step = say(lang, step_words)
        self.pane = pn.pane.HTML("", css_classes=["bs-watch-pane"])
        self.where = pn.pane.HTML("", css_classes=["bs-watch-frame"], visible=False)
        self.pause = pn.widgets.Button(label=say(lang, "Pause the animation"), visible=False,
                                       css_classes=["bs-watch-pause"])
        self.back = pn.widgets.Button(label=say(lang, "\u25c0 {step} earlier", step=step),
                                      visible=False, css_classes=["bs-watch-back"])
        self.forward = pn.widgets.Button(label=say(lang, "{step} later \u25b6", step=step),
                                         visible=False, css_classes=["bs-watch-forward"])
        self.pause.on_click(lambda e: self.toggle())
        self.back.on_click(lambda e: self.step(-1))
        self.forward.on_click(lambda e: self.step(1))
        self._frames: list[str] = []
        self._at = 0
        self._alt = ""
        self._timer: Any = None

    @property
    def controls(self) -> tuple[pn.widgets.Button, ...]:
        return self.pause, self.back, self.forward

    @property
    def playing(self) -> bool:
        return self._timer is not None

    def show(self, frames: list[bytes], alt: str) -> None:
        """Play ``frames`` (PNGs) from the first; ``alt``: the animation said in words."""
        self.stop()
        self._frames = [base64.b64encode(f).decode("ascii") for f in frames]
        self._at, self._alt = 0, alt
        self._note = NOTE if self.lang != "en" and not _chinese_font() else ""
        for widget in (*self.controls, self.where):
            widget.visible = bool(self._frames)
        self._draw()
        if len(self._frames) > 1:
            self.play()

    def message(self, text: str) -> None:
        """Show ``text`` (HTML) instead of frames: drawing, or why it cannot animate."""
        self.stop()
        self._frames = []
        for widget in (*self.controls, self.where):
            widget.visible = False
        self.pane.object = text

    def play(self) -> None:
        if self._timer is None and self._frames:
            self._timer = pn.state.add_periodic_callback(self._tick,
                                                         period=int(1000 / self.fps))
            self.pause.label = say(self.lang, "Pause the animation")

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.pause.label = say(self.lang, "Play the animation")

    def toggle(self) -> None:
        self.stop() if self.playing else self.play()

    def step(self, by: int) -> None:
        """Pause, and show the frame ``by`` frames on (back when negative), wrapping round."""
        self.stop()
        if self._frames:
            self._at = (self._at + by) % len(self._frames)
            self._draw()

    def _tick(self) -> None:
        self._at = (self._at + 1) % len(self._frames)
        self._draw()

    def _draw(self) -> None:
        if not self._frames:
            return
        n = len(self._frames)
        at = say(self.lang, "frame {at} of {n}", at=self._at + 1, n=n)
        self.where.object = f'<span class="bs-watch-at" data-frame="{self._at}">{at}</span>'
        self.pane.object = (f'<img class="bs-gif" alt="{html.escape(self._alt)}" '
                            f'src="data:image/png;base64,{self._frames[self._at]}">{self._note}')

    def view(self) -> pn.viewable.Viewable:
        return pn.Column(pn.FlexBox(*self.controls, self.where, flex_wrap="wrap"), self.pane)
