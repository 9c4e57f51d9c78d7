"""Sections of a results folder's report that need more than a comparison's summary tables:
the scenario, the tail of clearance time, the milestone intervals by port and owner, what
customs sees against the hidden truth, queues over time and the organisation tree (from
:class:`~sim.report.folder.Variant`\\ s). Each returns HTML pieces; plots are embedded PNGs."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sim.report import flow_plots, interval_plots, plots
from sim.report.trading_section import MODE

if TYPE_CHECKING:
    import pandas as pd

    from sim.experiment.compare import CompareResult
    from sim.report.folder import Variant


def img(fig: Any, alt: str, plot: str) -> str:
    """A figure (or the function that makes it: see :func:`sim.report.plots.drawn_png`) as an
    inline PNG; ``data-plot`` names the plot (for readers and tests)."""
    return (
        f'<img data-plot="{html.escape(plot)}" alt="{html.escape(alt)}" '
        f'src="data:image/png;base64,{plots.drawn_png(fig)}">'
    )


def _rows(pairs: list[tuple[str, Any]]) -> str:
    return "".join(
        f"<tr><th scope='row'>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
        for k, v in pairs
    )


def scenario_section(variants: Mapping[str, Variant]) -> list[str]:
    """The scenario as run (the first option's): description, ports, organisation, timeline."""
    if not variants:
        return []
    first = next(iter(variants.values()))
    s = first.scenario
    pairs: list[tuple[str, Any]] = [
        ("name", s.get("name", "")),
        ("description", s.get("description", "")),
        ("observed / warm-up / drain days",
         f"{s.get('days')} / {s.get('warmup_days')} / {s.get('drain_days')}"),
    ]
    if s.get("start_date"):
        pairs.append(("start date", s["start_date"]))
    org = s.get("organisation")
    if isinstance(org, dict):
        pairs.append(("organisation", f"structure {org.get('structure') or 'explicit'}"))
    ports = s.get("ports", {})
    port_rows = "".join(
        f"<tr><td>{html.escape(str(pid))}</td>"
        f"<td{MODE}>{html.escape(str(p.get('mode', '')))}</td>"
        f"<td>{html.escape(str(p.get('label') or ''))}</td></tr>"
        for pid, p in ports.items()
        if isinstance(p, dict)
    )
    out = [
        "<h2>The scenario</h2>",
        f"<table class='scenario'>{_rows(pairs)}</table>",
        "<h3>Ports</h3><table><tr><th>port</th><th>mode</th><th>what it is</th></tr>"
        f"{port_rows}</table>",
    ]
    timeline = s.get("timeline") or []
    if timeline:
        items = "".join(
            f"<tr><td>{html.escape(str(t.get('reform', t)))}</td>"
            f"<td>{html.escape(str(t.get('at', '')))}</td></tr>"
            for t in timeline
            if isinstance(t, dict)
        )
        out.append("<h3>Reforms on the scenario's timeline</h3><table><tr><th>reform</th>"
                   f"<th>from</th></tr>{items}</table>")
    return out


def _tables(variants: Mapping[str, Variant], name: str) -> dict[str, Any]:
    return {n: v.tables[name] for n, v in variants.items() if name in v.tables}


def tail_section(variants: Mapping[str, Variant], comparison: bool = False) -> list[str]:
    """The tail of clearance time: every consignment when the logs were kept (a
    ``comparison`` always keeps them; a run with ``--log``)."""
    clear = _tables(variants, "clearance")
    if not clear:
        return []
    out = ["<h2>The tail of clearance time</h2>"]
    why = ("the logs this comparison kept do not give every consignment's time" if comparison
           else "run with --log for every consignment")
    for metric in ("overall_clearance", "clearance"):
        samples = {n: v.samples.get(metric) for n, v in variants.items()}
        from_logs = all(s is not None for s in samples.values())
        how = (f"every consignment of the kept logs{_partial(variants)}" if from_logs else
               f"the median, p90 and p95 ({why})")
        out += [f"<p class='note'>{html.escape(metric)}: from {how}.</p>",
                img(lambda s=samples, m=metric: flow_plots.clearance_tail(s, clear, m),
                    f"The slowest consignments: the upper tail of {metric} in hours, for "
                    "each option", f"tail-{metric}")]
    return out


def _partial(variants: Mapping[str, Variant]) -> str:
    """Which replications the logs cover, where some were run without one."""
    short = [f"{v.logged} of {len(v.reps)} replications" + (f" ({n})" if len(variants) > 1
             else "") for n, v in variants.items() if v.logged < len(v.reps)]  # fmt: skip
    return f" ({'; '.join(short)}: the others kept none)" if short else ""


def intervals_section(variants: Mapping[str, Variant]) -> list[str]:
    intervals = _tables(variants, "intervals")
    if not intervals:
        return []
    head = "<h2>Milestone intervals by port and direction, and who owns the hours</h2>"
    if not all("per_consignment_h" in t and "dimension" in t for t in intervals.values()):
        return [head, "<p class='note'>This folder's milestone intervals were written by an "
                "older version, without their ports and directions: run the command again "
                "into a new folder to see them.</p>"]  # fmt: skip
    return [
        head,
        "<p class='note'>A Time Release Study breakdown, one panel per port and direction "
        "(each its own hour scale). Each stretch of a consignment's time, from arrival to "
        "release (above the dashed line) and on to the end of its flow (below it), is a "
        "bar of the hours it adds to the average consignment there: its mean among the "
        "consignments that pass through it (beside its name, with their share) times that "
        "share; the bars above the line add up to the clearance time in the panel's title. "
        "Only time after arrival counts: work on an advance declaration before the goods "
        "arrive adds nothing. A wait for a check is its own bar; a wait in parallel with the "
        "checks (the duty payment, the clearance form) adds only the part that holds the "
        "goods once the checks are done. Colours are the owners of the delay as the model "
        "books it: the exam yard's waits and moves (slots, the trader's attendance, lanes, "
        "moves) are split by whose they were. Hatched bars run beside the flow and add "
        "nothing. Every figure, with its 95 % interval over the replications, is in the "
        "folder's milestone-intervals.csv.</p>",
        img(lambda: interval_plots.intervals_by_port(intervals),
            "Bars: the hours each stretch adds to the average consignment of a port and "
            "direction, split by who owns the time, for each option", "intervals"),
    ]


def truth_section(variants: Mapping[str, Variant], res: CompareResult) -> list[str]:
    enforcement = _tables(variants, "enforcement")
    if not enforcement or all(
        (t["truth"] == "compliant").all() for t in enforcement.values()
    ):
        return []
    return [
        "<h2>What customs sees, and the hidden truth</h2>",
        "<p class='note'>Hits and seizures are what customs sees; prevalence, detection and "
        "what slips through are the model's hidden truth (assumptions of the scenario). More "
        "seizures are not better in themselves: where smugglers are deterred, seizures fall "
        "while less slips through.</p>",
        img(lambda: flow_plots.customs_and_truth(enforcement, res.summary),
            "Bars: illicit consignments by what became of them (found, slipped through, "
            "still held) beside what customs sees, for each option", "truth"),
        *_seizures(res, list(enforcement)),
    ]


def _seizures(res: CompareResult, names: list[str]) -> list[str]:
    """Seizures per 1000 declarations per option (a count, not a share: not on the plot)."""
    s = res.summary
    if s.empty or "seizures_per_1000" not in set(s["metric"]):
        return []
    means = s[s["metric"] == "seizures_per_1000"].set_index("option")["mean"]
    shown = ", ".join(f"{html.escape(n)} {float(means[n]):.2f}" for n in names if n in means)
    out = [f"<p class='note' data-metric='seizures_per_1000'>Seizures per 1000 "
           f"declarations (goods seized, detained or rejected; mean over replications): "
           f"{shown}.</p>"]
    return out + _interdicted(s, names)


def _interdicted(s: pd.DataFrame, names: list[str]) -> list[str]:
    """The loads the patrols outside the ports stopped, per option, beside the ports'
    seizures per 1000 declarations, which cannot count them (no declarations); none
    without smuggling groups."""
    rows = s[s["metric"] == "smuggling_interdicted"].set_index("option")["mean"]
    shown = ", ".join(f"{html.escape(n)} {float(rows[n]):.2f}" for n in names if n in rows)
    if not shown:
        return []
    return [f"<p class='note' data-metric='smuggling_interdicted'>Seizures outside the ports, "
            f"not in the figure above (loads the patrols stopped, a replication's mean over "
            f"the observed days): {shown}.</p>"]


def queues_section(variants: Mapping[str, Variant]) -> list[str]:
    queues = _tables(variants, "queues")
    if not queues:
        return []
    first = next(iter(variants.values())).scenario
    warmup_h = 24 * float(first.get("warmup_days") or 0)
    return [
        "<h2>Queue lengths over time</h2>",
        img(lambda: flow_plots.queues_over_time(queues, warmup_h),
            "Lines: the number of jobs waiting at each busy lane over the run's hours, for "
            "each option", "queues"),
    ]


def org_section(variants: Mapping[str, Variant]) -> list[str]:
    """The organisation tree of each option with a distinct structure (staff, utilisation)."""
    from sim.report.org_heads import html_table
    from sim.report.org_plot import draw_organisations, utilisation_by_unit

    panels = []
    seen: list[tuple[str | None, tuple[Any, ...]]] = []
    for name, v in variants.items():
        if v.tree is None:
            continue
        shape = tuple(sorted((u, x.parent, x.heads()) for u, x in v.tree.units.items()))
        if (v.structure, shape) in seen:
            continue
        seen.append((v.structure, shape))
        resources = v.tables.get("resources")
        util = utilisation_by_unit(resources) if resources is not None else {}
        title = name if name == v.structure else f"{name}: {v.structure}"
        panels.append((title, v.tree, util))
    if not panels:
        return []
    structures = ",".join(str(title.split(": ")[-1]) for title, _, _ in panels)
    return [
        "<h2>The organisation</h2>",
        "<p class='note'>Units by level with their staff and the utilisation of each unit's "
        "busiest role; one tree per option whose structure differs.</p>",
        "<div class='wide'>"  # (at its own size, scrolled sideways: its labels stay legible)
        + img(lambda: draw_organisations(panels), "The organisation's tree: its units and levels, "
              "with each unit's staff and busiest role, one tree per structure",
              "org-tree").replace(
            "<img ", f'<img data-structures="{html.escape(structures)}" ', 1)
        + "</div>",
        html_table({title: tree for title, tree, _ in panels}),
    ]
