"""The input boxes of one reform option's strengths on the workshop page.

Shown under the option's tick box while it is ticked, each starting at its default and
labelled with its range and meaning (:func:`sim.faces.strengths.input_label`). A value typed
is checked at once: a good one relabels the tick box with the strengths it now runs at, a bad
one is refused beside the boxes in the command line's words (and again by the run's check,
:meth:`sim.faces.choices.Plan.check`, whatever the browser sent). A box cleared is at its
default, as one never typed in. A good one that makes the same option as its default on the
baseline the option will run against (the page's scenario as its sliders set it: AI
auto-clear typed below the share the baseline already has) is said beside them, as the
results' note says it, and judged again when a slider moves.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import panel as pn

from sim.cli_lang import line
from sim.experiment.options import Option
from sim.faces.option_titles import titled
from sim.faces.strengths import as_default, checked, input_label, offered, shown_default
from sim.faces.words import option_label, reason, say
from sim.scenario.schema import Scenario


class StrengthInputs:
    """One option's strength boxes, the tick box they belong to and the refusal pane."""

    def __init__(self, option: Option, box: Any, lang: str, stylesheets: list[str],
                 baseline: Callable[[], Scenario] | None = None, idle: str = "") -> None:
        self.option, self.box, self.lang, self.stylesheets = option, box, lang, stylesheets
        self.idle = idle  # (why its defaults do not act there: said while none is typed)
        self.baseline = baseline  # (what the option runs against now: as_default's ground)
        self.defaults = {k: shown_default(p) for k, p in offered(option).items()}
        self.inputs: dict[str, Any] = {}  # (made when first ticked: a page has ~25 such)
        self.refused: Any = None
        self.view = pn.Column(visible=False, sizing_mode="stretch_width", margin=(0, 0, 0, 24),
                              css_classes=[f"bs-strengths-{option.name}"])
        box.param.watch(lambda e: self._ticked(), "value")

    def _make(self) -> None:
        """The boxes, each at its default, labelled with its range and meaning."""
        reform, lang = str(self.option.reform), self.lang
        self.inputs = {
            k: pn.widgets.TextInput(
                label=input_label(reform, k, p, lang), value=self.defaults[k],
                css_classes=[f"bs-strength-{self.option.name}-{k}"],
                sizing_mode="stretch_width", stylesheets=self.stylesheets)
            for k, p in offered(self.option).items()
        }
        self.refused = pn.pane.HTML("", css_classes=[f"bs-strength-refused-{self.option.name}"],
                                    sizing_mode="stretch_width")
        for widget in self.inputs.values():
            widget.param.watch(lambda e: self.relabel(), "value")
        self.view.objects = [*self.inputs.values(), self.refused]

    def typed(self) -> dict[str, str]:
        """The strengths typed away from their defaults (what the plan sends); a box cleared
        is at its default, as one never typed in."""
        return {k: str(w.value).strip() for k, w in self.inputs.items()
                if str(w.value).strip() not in ("", self.defaults[k])}

    def relabel(self) -> None:
        """The tick box named with the strengths typed, or the refusal of a bad one."""
        try:
            values = checked(self.option, self.typed())
        except ValueError as exc:
            self.refused.object = (f'<p class="bs-refused" role="alert">'
                                   f"<b>{say(self.lang, 'Cannot run')}</b>"
                                   f"{'：' if self.lang == 'zh' else ': '}"
                                   f"{html.escape(reason(self.lang, str(exc)))}</p>")
            return
        typed = self.typed()
        same = [] if self.baseline is None or not values else as_default(
            self.option, typed, self.baseline())
        self.refused.object = "".join(
            f'<p class="bs-strength-note">{html.escape(line("note: " + n, self.lang))}</p>'
            for n in same)
        ticked = list(self.box.value)  # (kept: new options may clear a group's value)
        label = titled(self.option.name, option_label(self.option, self.lang, values,
                                                      self.idle), self.lang)
        self.box.options = {label: self.option.name}
        if list(self.box.value) != ticked:
            self.box.value = ticked

    def _ticked(self) -> None:
        ticked = self.option.name in self.box.value
        if ticked and not self.inputs:
            self._make()
        self.view.visible = ticked
