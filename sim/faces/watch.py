"""The animated port on the workshop page: one day of a port's lanes, as a GIF in memory
and as its frames (the page plays them with a pause control: :mod:`sim.faces.player`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sim.scenario.schema import Scenario

FRAME_EVERY_H = 0.5  # a frame every 30 minutes of simulated time


def port_gif(scenario: Scenario, seed: int, port: str, hours: float = 24,
             lang: str = "en") -> bytes:
    """A GIF of ``port`` over the first ``hours`` after the warm-up (run in a worker process).

    The run samples its queues every 30 minutes (an in-range value, so the scenario stays
    valid); everything else is the scenario as given. Its words in ``lang``: in Chinese where
    the machine has a Chinese font (:mod:`sim.report.animate_zh`), else English.
    """
    from sim.model.run import simulate
    from sim.report.animate import drawable, port_frames, write_gif
    from sim.report.plot_lang import plots_in

    sampled = scenario.model_copy(update={"queue_sample": FRAME_EVERY_H})
    result = simulate(sampled, seed, log=True)
    frames = port_frames(result, port, sampled.warmup_days * 24, hours)
    with tempfile.TemporaryDirectory(prefix="bordersim-watch-") as folder, plots_in(lang):
        label = scenario.ports[port].label
        title = label if label and drawable(label) else port  # (never a title of boxes)
        path = write_gif(frames, Path(folder) / "port.gif", title=title, fps=6, dpi=80)
        return path.read_bytes()


def port_frames_png(scenario: Scenario, seed: int, port: str, hours: float = 24,
                    lang: str = "en") -> list[bytes]:
    """:func:`port_gif`'s frames, each a PNG (run in a worker process)."""
    from sim.faces.player import gif_frames

    return gif_frames(port_gif(scenario, seed, port, hours, lang))
