"""``bordersim dashboard``: the workshop page (Panel, served on the loopback address).

Each browser session gets its own page and its own :class:`~sim.faces.runs.Run`; the
simulations go to one shared pool of worker processes, so the server never freezes and two
people can run at once (their replications share the pool's workers). The page offers only
names and numbers from :mod:`sim.faces.choices`: a bundled scenario, named options, three
levers, replications and run length. Nothing typed on the page is read as a path or as code.
"""

from __future__ import annotations

import dataclasses
import html
import math
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any, cast

import panel as pn

from sim.experiment.compare import clip_interval
from sim.faces import choices
from sim.faces.about import about_html
from sim.faces.announce import Announcer
from sim.faces.chart import clearance_figure
from sim.faces.counted import counted as progress_count
from sim.faces.history import History
from sim.faces.kept import DEFAULT, Kept, for_session
from sim.faces.lever import lever_sliders
from sim.faces.numbers import bound, figure
from sim.faces.option_titles import headed, titled
from sim.faces.org import org_tree_html
from sim.faces.player import PortPlayer
from sim.faces.runs import SHOWN, Run, Snapshot, label, table
from sim.faces.strength_inputs import StrengthInputs
from sim.faces.strengths import offered
from sim.faces.watch import port_frames_png
from sim.faces.words import (
    ANIMATION_ERROR,
    FULL_NOTE,
    HTML_LANG,
    LEVERS_NOTE,
    PYTHON_ERROR,
    QUICK_NOTE,
    lever_label,
    metric_label,
    option_label,
    python_error,
    reason,
    say,
)
from sim.faces.zero import QUICK_CELL, SAME_CELL, mark, note_html, quick_note_html, quick_reps
from sim.faces.zero import cell as unmoved_cell
from sim.scenario.loader import BUNDLED
from sim.scenario.schema import Scenario

POLL_MS = 300
_POOL: dict[str, Executor] = {}


def _warm() -> None:
    """Import the model in a worker, so that the first answer does not wait for it."""
    import sim.model.run  # noqa: F401


def pool(workers: int | None = None) -> Executor:
    """The server's worker processes (started with ``spawn``, shared by every session)."""
    if "pool" not in _POOL:
        from sim.experiment.executors import process_pool

        workers = workers or len(os.sched_getaffinity(0))
        executor = process_pool(workers)  # (its workers end with the server, however)
        for _ in range(workers):  # start every worker now, not on the first run
            executor.submit(_warm)
        _POOL["pool"] = executor
    return _POOL["pool"]


#: hidden from sight, not from a screen reader
UNSEEN = ("position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
          "white-space:nowrap")
#: a change whose interval leaves out 0: "*" to the eye, words to a screen reader (which
#: read the bare "*" as "star", or not at all, and never its title)
def clear_mark(lang: str = "en") -> str:
    """The mark of a clear change in ``lang`` (its title and its words to a screen reader)."""
    return (f' <span class="bs-clear" title="{say(lang, "interval clear of 0")}">'
            f'<span aria-hidden="true">*</span><span style="{UNSEEN}">'
            f'{say(lang, ", a clear change: its interval leaves out 0")}</span></span>')


CLEAR_MARK = clear_mark()


def _cell(side: str, metric: str, mean: float, low: float | None, high: float | None,
          lang: str = "en") -> str:
    """A table cell: the mean and its interval, with the exact mean in ``data-value``.

    The interval is clipped to what is possible for display (no negative hours, shares
    within [0, 1]), as in ``bordersim compare``'s tables; the numbers are in the metric's
    unit (:mod:`sim.faces.numbers`: a share in percent).
    """
    interval = mark = ""
    if low is not None and high is not None:
        if side == "difference" and (low > 0 or high < 0):
            mark = clear_mark(lang)
        # the kind of a by-direction metric is that of the metric without its direction
        kind_of = metric.removesuffix("_import").removesuffix("_export")
        low, high = clip_interval(kind_of, low, high, difference=side == "difference")
        interval = (f' <span class="bs-interval">[{bound(metric, low, mean)}, '
                    f'{bound(metric, high, mean)}]</span>')
    return (
        f'<td class="bs-cell" data-side="{side}" data-metric="{metric}" '
        f'data-value="{mean!r}">{figure(metric, mean, side, lang)}'
        f"{_in_minutes(side, metric, mean, lang)}{mark}"
        f"{interval}</td>"
    )


def _in_minutes(side: str, metric: str, x: float, lang: str = "en") -> str:
    """A difference of hours under 0.1 h, also in minutes (0.010 h reads as a change; it
    is 36 s)."""
    if side != "difference" or "_h_" not in metric or not math.isfinite(x) or abs(x) >= 0.1:
        return ""
    unit = "分钟" if lang == "zh" else "min"
    return f' <span class="bs-minutes">({x * 60:+.1f} {unit})</span>' if x else ""


#: an option's label wraps within the controls' column (not drawn over the results)
_WRAP = "label { white-space: normal; overflow-wrap: anywhere; }"
#: the control the keyboard is on, ringed so that it is seen from the back of a room (Bokeh's
#: own: a 1-pixel light-grey dotted line on the blue Run button, a faint glow on a list)
FOCUS = ":focus-visible { outline: 3px solid #1f4e79 !important; outline-offset: 2px; }"

def results_html(
    rows: list[dict[str, Any]],
    title: str,
    note: str = FULL_NOTE,
    labels: Mapping[str, str] | None = None,
    warnings: Mapping[str, Sequence[str]] | None = None,
    notes: Sequence[str] = (),
    lang: str = "en",
    currency: str = "USD",
    unmoved: str = "",
) -> str:
    """The side-by-side table: baseline, option, and option - baseline (95 % intervals);
    above it what each side ran (``labels``), its warnings and the run's notes; its words in
    ``lang`` (``note`` as given; ``currency``: the scenario's, in a Chinese row's unit;
    ``unmoved``: the note on figures the same in every replication, :mod:`sim.faces.zero`)."""
    head = "".join(
        f'<th scope="col">{say(lang, h)}</th>'
        for h in ("measure", "baseline", "option", "option − baseline (paired)")
    )
    body = []
    for row in rows:
        cells = [_cell(s, row["metric"], row[s][0], row[s][1], row[s][2], lang)
                 for s in ("baseline", "option", "difference")]
        if row.get("unmoved"):  # (the same in every replication: said, not 0.000 [0, 0])
            cells[2] = unmoved_cell(row["metric"], lang, row.get("said", SAME_CELL))
        name = metric_label(row["metric"], row["label"], lang, currency)
        body.append(f'<tr><th scope="row">{name}</th>{"".join(cells)}</tr>')
    colon = "：" if lang == "zh" else ": "
    ran = "".join(
        f'<p class="bs-ran" data-side="{side}"><b>{say(lang, side.capitalize())}</b>{colon}'
        f"{html.escape(text)}</p>"
        for side, text in (labels or {}).items()
    )
    return (
        f'<div class="bs-results"><h3>{html.escape(title)}</h3>{ran}'
        f"{warnings_html(warnings or {}, notes, lang)}{unmoved}"
        f'<div class="bs-table-box" style="overflow-x:auto">'  # (a narrow screen scrolls it)
        f'<table class="bs-table" style="border-collapse:collapse">'
        f'<caption style="{UNSEEN}">{html.escape(title)}</caption>'  # (its name, when listed)
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        f'<p class="bs-note">{note}</p></div>'
    )


def warnings_html(warnings: Mapping[str, Sequence[str]], notes: Sequence[str] = (),
                  lang: str = "en") -> str:
    """Each side's warnings (one list when both sides gave the same) and the run's notes, as
    ``bordersim compare`` prints them (in Chinese from their codes, :func:`sim.cli_lang.line`):
    a warning that says a queue did not settle or goods were left inside makes that side's
    figures not steady-state."""
    from sim.cli_lang import line
    from sim.model.stability import unsettled

    sides = {s: list(w) for s, w in warnings.items() if w}
    if set(sides) == {"baseline", "option"} and sides["baseline"] == sides["option"]:
        sides = {"baseline and option": sides["baseline"]}
    colon = "：" if lang == "zh" else ": "
    out = []
    for side, said in sides.items():
        head = say(lang,
                   "not steady-state: read its figures with care (biased low, or a lower bound)"
                   if unsettled(said) else "read with the warnings below")
        count = say(lang, "{n} warnings" if len(said) > 1 else "{n} warning", n=len(said))
        items = "".join(
            f"<li>{html.escape(line('warning: ' + w, lang).removeprefix('警告：'))}</li>"
            for w in said)
        out.append(
            f'<div class="bs-warnings" data-side="{side}" role="note" '
            'style="border-left:4px solid #b35806;padding-left:8px;margin:6px 0">'
            f"<b>⚠ {say(lang, side)}{colon}{head}</b> ({count})"
            f"<ul>{items}</ul></div>"
        )
    if notes:
        items = "".join(f"<li>{html.escape(line('note: ' + n, lang))}</li>" for n in notes)
        out.append(f'<ul class="bs-notes">{items}</ul>')
    return "".join(out)


def quick_html(quick: dict[str, dict[str, float]], currency: str = "USD",
               lang: str = "en", shown: Sequence[tuple[str, str]] = SHOWN,
               lanes: Sequence[tuple[str, str]] = ()) -> str:
    """The first answer: one short replication from an empty port, per side (the rows of
    ``shown``, those the sides' parts call for, where measured; ``lanes``: the scenario's)."""
    rows = [
        {"metric": m, "label": label(text, currency),
         "baseline": (quick["baseline"].get(m, math.nan), None, None),
         "option": (quick["option"].get(m, math.nan), None, None),
         "difference": (quick["option"].get(m, math.nan) - quick["baseline"].get(m, math.nan),
                        None, None)}
        for m, text in shown
        if any(math.isfinite(quick[s].get(m, math.nan)) for s in ("baseline", "option"))
    ]
    title = say(lang,
                "First look: one short replication a side (2 days from an empty port: rough)")
    rows = mark(rows, reps := quick_reps(quick), QUICK_CELL)  # (said, not a plain 0.000)
    page = results_html(rows, title, say(lang, QUICK_NOTE), lang=lang, currency=currency,
                        unmoved=quick_note_html(rows, reps, lang, lanes))
    return page.replace("bs-results", "bs-quick", 1)


def news(snap: Snapshot, reps: int, lang: str = "en") -> str:
    """What a screen reader is told of a run, in a sentence that changes only with news (not
    with the seconds counting up)."""
    if snap.phase == "failed":
        lines = snap.message.strip().splitlines() or [""]
        why = lines[-1]
        if len(lines) > 1 and lines[0] == say(lang, PYTHON_ERROR):  # (said before the error)
            why = lines[0] + why
        return say(lang, "The run failed: {why}", why=why)
    if snap.phase == "done":
        warned = [side for side, said in snap.warnings.items() if said]
        sides = ("和".join(say(lang, s) for s in warned) if lang == "zh"
                 else " " + " and ".join(warned).capitalize())
        caveat = say(lang, "{sides} gave warnings: read them above the numbers.",
                     sides=sides) if warned else ""
        return say(lang, "Full run done: {reps} replications a side. The table and the chart "
                   "in words are below the first look.", reps=reps) + caveat
    if snap.quick:
        return say(lang, "First look ready: one short replication a side. The full run goes on.")
    return say(lang, "Running: a first look in a few seconds, then the full run.")


def animation_alt(plan: choices.Plan, port: str, lang: str = "en") -> str:
    """The animated port said in words (its frames' alt text), in ``lang``."""
    what = (say(lang, "{scenario} with {options}", scenario=plan.scenario,
                options="+".join(plan.options)) if plan.options
            else say(lang, "{scenario} as it is", scenario=plan.scenario))
    return say(lang, "Animation of one day at {port} ({what}): each lane's queue and busy "
               "servers, every 30 minutes of simulated time", port=port, what=what)


class Page:
    """One session's page: its widgets, its run and the poll that shows the run's progress."""

    def __init__(self, executor: Executor, folder: Path = BUNDLED, lang: str = "en",
                 kept: Kept | None = None):  # (kept: the page's results folder of runs)
        self.executor = executor
        self.folder = folder
        self.lang = lang  # the page's language (:mod:`sim.faces.words`)
        self.run: Run | None = None
        self.poll: Any = None
        names = choices.bundled_scenarios(folder)
        self.scenario = pn.widgets.Select(label=say(lang, "Scenario"), options=names,
                                          value=names[0], css_classes=["bs-scenario"])
        self.about = pn.pane.HTML("", css_classes=["bs-about-pane"], width=320)
        self.seed = pn.widgets.IntInput(label=say(lang, "Seed"), value=1, start=0,
                                        end=choices.MAX_SEED, css_classes=["bs-seed"])
        self.reps = pn.widgets.Select(
            label=say(lang, "Replications"), options=list(choices.REPS_CHOICES),
            value=choices.REPS_DEFAULT, css_classes=["bs-reps"]
        )
        own = say(lang, "the scenario's")
        self.days = pn.widgets.Select(
            label=say(lang, "Observed days"),
            options={(own if d == 0 else f"{d:g}"): d for d in choices.DAYS_CHOICES},
            css_classes=["bs-days"],
        )
        self.switches = pn.Column(sizing_mode="stretch_width")
        self.levers = lever_sliders()
        self.button = pn.widgets.Button(label=say(lang, "Run"), color="primary",
                                        css_classes=["bs-run"])
        self.progress = pn.indicators.Progress(label=say(lang, "Progress"), value=0, max=1,
                                               width=300, css_classes=["bs-progress"])
        self.status = pn.pane.HTML(say(lang, "Choose options and press Run."),
                                   css_classes=["bs-status"])
        self.announce = Announcer(css_classes=["bs-announce"], height=0, margin=0,
                                  lang="" if lang == "en" else HTML_LANG[lang])
        self.quick = pn.pane.HTML("", css_classes=["bs-quick-pane"])
        self.full = pn.pane.HTML("", css_classes=["bs-full-pane"])
        self.chart = pn.pane.HTML("", css_classes=["bs-chart"], sizing_mode="stretch_width")
        self.history = History(lang, kept)  # (the finished runs, kept when Run clears them)
        self.watch_port = pn.widgets.Select(label=say(lang, "Port"), options=[],
                                            css_classes=["bs-watch-port"])
        self.watch_button = pn.widgets.Button(label=say(lang, "Animate one day (option)"),
                                              css_classes=["bs-watch"])
        self.player = PortPlayer(lang=lang)
        self.org = pn.pane.HTML("", css_classes=["bs-org-pane"], sizing_mode="stretch_width")
        for control in (self.scenario, self.seed, self.reps, self.days, self.button,
                        *self.levers.values(), self.watch_port, self.watch_button,
                        *self.player.controls):
            control.stylesheets = [*control.stylesheets, FOCUS]
        self.watch_button.on_click(lambda e: self.watch())
        self._watching: Any = None
        self.scenario.param.watch(lambda e: self._scenario_changed(), "value")
        for slider in self.levers.values():  # (a typed strength's note is judged on them)
            slider.param.watch(lambda e: self._levers_moved(), "value")
        self.button.on_click(lambda e: self.start())
        self._scenario_changed()

    def _scenario_changed(self) -> None:
        """Offer the options that apply to the chosen scenario; levers back to neutral."""
        plan = choices.Plan(self.scenario.value)
        scenario = choices.variants(plan, folder=self.folder).baseline
        idle = choices.idle_at_default(scenario)  # (offered for a strength to be set)
        self._boxes = {  # (a group of one: its box sits inside its <label>, which names it)
            n: pn.widgets.CheckBoxGroup(options={titled(n, option_label(
                o, self.lang, idle=idle.get(n, "")), self.lang): n},
                                        css_classes=[f"bs-option-{n}"],
                                        sizing_mode="stretch_width",
                                        stylesheets=[_WRAP, FOCUS])
            for n, o in choices.applying(scenario).items()
        }
        for box in self._boxes.values():
            box.param.watch(lambda e: self.show_org(), "value")
        catalogue = choices.option_catalogue()
        self._baselines: dict[tuple[tuple[str, float], ...], Scenario] = {(): scenario}
        self._strengths = {n: StrengthInputs(catalogue[n], box, self.lang, [FOCUS],
                                             self.baseline, idle.get(n, ""))
                           for n, box in self._boxes.items() if offered(catalogue[n])}
        none: list[Any] = [pn.pane.HTML(f"<i>{say(self.lang, 'none apply to this scenario')}"
                                        "</i>")]
        self.switches.objects = headed(  # (under their groups' headings)
            {n: [box, *([self._strengths[n].view] if n in self._strengths else [])]
             for n, box in self._boxes.items()}, self.lang,
            lambda text: pn.pane.HTML(f"<b>{html.escape(text)}</b>", css_classes=["bs-group"]),
        ) or none
        self._neutral = {n: lever.neutral(scenario) for n, lever in choices.LEVERS.items()}
        self.about.object = about_html(scenario, self.lang)
        self.watch_port.options = list(scenario.ports)
        self.watch_port.value = next(iter(scenario.ports))
        for name, slider in self.levers.items():
            lever = choices.LEVERS[name]
            slider.label = lever_label(lever, scenario, self.lang)
            slider.disabled = lever.reach(scenario) is None  # nothing it could act on
            slider.value = self._neutral[name]
        self.show_org()

    def baseline(self) -> Scenario:
        """The scenario as the sliders set it now: what Run sets the options against (built
        once per setting of the sliders)."""
        plan = dataclasses.replace(self.plan(), options=(), strengths={}, days=0)
        key = tuple(sorted(plan.levers.items()))
        if key not in self._baselines:
            self._baselines[key] = choices.variants(plan, folder=self.folder).option
        return self._baselines[key]

    def _levers_moved(self) -> None:
        """Each ticked reform's strengths judged again on the baseline the sliders make."""
        for name, inputs in self._strengths.items():
            if inputs.inputs and name in self._boxes[name].value:
                inputs.relabel()

    def show_org(self) -> None:
        """The organisation tree of the scenario, and of the option when its structure
        differs (a reform such as the dumbbell)."""
        try:
            plan = dataclasses.replace(self.plan(), levers={})
            pair = choices.variants(plan, quick=True, folder=self.folder)
        except (choices.PlanError, ValueError) as exc:
            self.org.object = (f"<b>{say(self.lang, 'No tree')}</b>{self._colon}"
                               f"{html.escape(reason(self.lang, str(exc)))}")
            return
        self.org.object = org_tree_html(pair, self.lang)

    def plan(self) -> choices.Plan:
        on = tuple(n for n, box in self._boxes.items() if n in box.value)
        levers = {n: cast(float, s.value) for n, s in self.levers.items()}
        moved = {n: v for n, v in levers.items() if not math.isclose(v, self._neutral[n])}
        typed = {n: self._strengths[n].typed() for n in on if n in self._strengths}
        return choices.Plan(self.scenario.value, on, moved, int(self.reps.value),
                            self.days.value, int(cast(int, self.seed.value)),
                            {n: t for n, t in typed.items() if t})

    def start(self) -> None:
        """Check the plan and start its run; the poll shows it as it goes."""
        if self.run is not None:
            self.run.cancel()
        try:
            plan = self.plan()
            plan.check(folder=self.folder)
        except (choices.PlanError, ValueError) as exc:
            why = reason(self.lang, str(exc))
            self.status.object = (f"<b>{say(self.lang, 'Cannot run')}</b>{self._colon}"
                                  f"{html.escape(why)}")
            self.announce.text = f"{say(self.lang, 'Cannot run')}{self._colon}{why}"
            return
        self.quick.object = self.full.object = ""
        self.chart.object = ""
        self.progress.max, self.progress.value = 2 * plan.reps, 0
        self.run = Run(plan, self.executor, self.folder, self.lang)
        self.run.start()
        if self.poll is None:
            self.poll = pn.state.add_periodic_callback(self.show, period=POLL_MS)

    def show(self) -> None:
        """Put the run's latest state on the page (runs on the session's own event loop)."""
        if self.run is None:
            return
        snap = self.run.snapshot()
        self.progress.max, self.progress.value = snap.total, min(snap.done, snap.total)
        self.status.object = self._status(snap)
        self.announce.text = news(snap, self.run.plan.reps, self.lang)
        if snap.quick and not self.quick.object:
            self.quick.object = quick_html(snap.quick, snap.currency, self.lang, snap.shown,
                                           snap.lanes)
        if snap.phase == "done" and not self.full.object:
            rows = mark(table(snap.full, snap.shown, snap.currency), snap.full)
            self.full.object = results_html(
                rows, say(self.lang, "Full run: {reps} replications a side",
                          reps=self.run.plan.reps),
                say(self.lang, FULL_NOTE), snap.labels, snap.warnings, snap.notes, self.lang,
                snap.currency, note_html(rows, snap.full, snap.window, self.lang, snap.lanes))
            self.chart.object = clearance_figure(rows, self.lang)
            self.history.add(self.run.plan, snap.labels, rows, snap.currency, snap)
        if snap.phase in ("done", "failed") and self.poll is not None:
            self.poll.stop()
            self.poll = None

    def watch(self) -> None:
        """Animate one day of the chosen port under the option, in a worker process."""
        try:
            plan = dataclasses.replace(self.plan(), days=1)
            option = choices.variants(plan, folder=self.folder).option
        except (choices.PlanError, ValueError) as exc:
            self.player.message(f"<b>{say(self.lang, 'Cannot animate')}</b>{self._colon}"
                                f"{html.escape(reason(self.lang, str(exc)))}")
            return
        if self.watch_port.value not in option.ports:
            return
        port = self.watch_port.value
        alt = animation_alt(plan, port, self.lang)
        future = self.executor.submit(port_frames_png, option, plan.seed, port, 24, self.lang)
        self.player.message('<span class="bs-watch-busy">'
                            f'{say(self.lang, "drawing one day of the port...")}</span>')
        if self._watching is not None:
            self._watching.stop()

        def show_frames() -> None:
            if not future.done():
                return
            self._watching.stop()
            self._watching = None
            error = future.exception()
            if error is not None:  # (a Python error after a lead-in, on the Chinese page)
                why = python_error(self.lang, str(error), ANIMATION_ERROR)
                self.player.message(f"<b>{say(self.lang, 'Cannot animate')}</b>{self._colon}"
                                    f"{html.escape(why).replace(chr(10), '<br>')}")
                return
            self.player.show(future.result(), alt)

        self._watching = pn.state.add_periodic_callback(show_frames, period=POLL_MS)

    def _status(self, snap: Snapshot) -> str:
        phase = {"quick": "running the first look", "full": "running the full simulation",
                 "done": "done", "failed": "failed"}.get(snap.phase, snap.phase)
        counted = progress_count(snap, self.lang)  # (as compare counts: reused apart)
        text = (f'<span class="bs-phase" data-phase="{snap.phase}">{say(self.lang, phase)}'
                f"</span>{self._colon}{counted}")
        if snap.phase == "failed":
            text += f"<pre>{html.escape(snap.message)}</pre>"
        return text

    @property
    def _colon(self) -> str:
        """A colon and its space, as the page's language writes them."""
        return "：" if self.lang == "zh" else ": "

    def close(self) -> None:
        if self.run is not None:
            self.run.cancel()
        for callback in (self.poll, self._watching):
            if callback is not None:
                callback.stop()
        self.player.stop()

    def view(self) -> pn.viewable.Viewable:
        lang = self.lang
        controls = pn.Column(  # (Run near the top: the option list below is long, and the
            # results appear at the top of the other column)
            f"## {say(lang, 'Choose')}", self.scenario, self.about, self.reps, self.days, self.seed,
            self.button, f"**{say(lang, 'Levers')}**",
            pn.pane.HTML(say(lang, LEVERS_NOTE), css_classes=["bs-levers-note"]),
            *self.levers.values(), f"**{say(lang, 'Options')}**", self.switches, width=340,
            css_classes=["bs-controls"],
        )
        results = pn.Column(
            self.announce, self.status, self.progress, self.quick, self.full, self.chart,
            self.history.view, sizing_mode="stretch_width",
        )
        watch = pn.Column(f"## {say(lang, 'Watch a port')}",
                          pn.FlexBox(self.watch_port, self.watch_button, flex_wrap="wrap"),
                          self.player.view())
        org = pn.Column(f"## {say(lang, 'The organisation')}", self.org,
                        sizing_mode="stretch_width")
        right = pn.Column(results, watch, org, sizing_mode="stretch_width", min_width=320,
                          styles={"flex": "1 1 320px"}, css_classes=["bs-results-column"])
        return pn.Column(  # (side by side where they fit, else one below the other)
            f"# {say(lang, 'bordersim: baseline and option side by side')}",
            pn.FlexBox(controls, right, flex_wrap="wrap", sizing_mode="stretch_width"),
            sizing_mode="stretch_width",
        )


def app(executor: Executor, folder: Path = BUNDLED, lang: str = "en",
        out: Path | None = None) -> pn.viewable.Viewable:
    """A new page for one browser session, in ``lang`` (its group's runs so far in ``out``)."""
    page = Page(executor, folder, lang, None if out is None else for_session(out))
    pn.state.on_session_destroyed(lambda ctx: page.close())
    return page.view()


def serve(
    host: str = "127.0.0.1",
    port: int = 5006,
    workers: int | None = None,
    folder: Path = BUNDLED,
    origins: Sequence[str] = (),
    lang: str = "en",
    out: Path = DEFAULT,
) -> None:
    """Serve the page until interrupted (its finished runs kept in ``out``: :mod:`.kept`).

    Only pages served from ``host``, the loopback names or one of ``origins`` (host names
    people type, e.g. the machine's name when listening on 0.0.0.0) may connect. The page
    offers the scenarios in ``folder`` by name (default: the bundled ones), in ``lang``.
    """
    executor = pool(workers)
    names = (host, "localhost", "127.0.0.1", *origins)
    allowed = sorted({name if ":" in name else f"{name}:{port}" for name in names})
    print(f"bordersim dashboard: http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    try:
        pn.serve(
            lambda: app(executor, folder, lang, out), port=port, address=host,
            websocket_origin=allowed, show=False, title=say(lang, "bordersim"), verbose=False,
        )
    finally:
        executor.shutdown(cancel_futures=True)
