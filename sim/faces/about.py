"""What the chosen scenario is, said under its name on the workshop page.

A room sees only a scenario's name in the list ("default", "china-2017"): the line under it
gives its description (in Chinese where the report has one,
:func:`sim.report.zh_scenarios.description_zh`), its ports, and the length of its own run, which
the "Observed days" list offers as "the scenario's" without saying how many days that is.
"""

from __future__ import annotations

import html

from sim.faces.words import say
from sim.scenario.schema import Scenario


def about_html(scenario: Scenario, lang: str = "en") -> str:
    """The scenario said in a short paragraph (HTML) in ``lang``: description, ports, run."""
    from sim.report.zh_scenarios import description_zh

    text = scenario.description
    if lang == "zh":
        text = description_zh(scenario.name, text) or text
    ports = ", ".join(scenario.ports)
    run = say(lang, "The scenario's own run: {days:g} observed days, after {warmup:g} days "
              "of warm-up", days=float(scenario.days), warmup=float(scenario.warmup_days))
    lines = [f'<span class="bs-about-text">{html.escape(text)}</span>' if text else "",
             f'<span class="bs-about-ports">{say(lang, "Ports")}{_colon(lang)}'
             f"{html.escape(ports)}</span>",
             f'<span class="bs-about-run" data-days="{float(scenario.days):g}">'
             f"{html.escape(run)}</span>"]
    return '<p class="bs-about">' + "<br>".join(line for line in lines if line) + "</p>"


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "
