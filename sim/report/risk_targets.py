"""The risk engine's targets under a run's console table: the table lists the ordinary
classes' achieved inspection rate by port and direction
(``inspection_rate_ordinary_port_<port>_<direction>``,
:func:`sim.experiment.metric_names.risk_rows`), but a rate means little without the
target it was asked to hold, which is in the scenario
(``risk.target``, a port's own ``risk.ports.<port>.target``), not among the metrics. A
line under the table gives each row's target, as set at the start (a throttle or a dated
reform can move it during the run: ``risk-achieved.csv`` and the notes say how far). Without
an engine on, a line says instead that selection came from the static selection tables and
how to switch the engine on (:func:`static_line`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: the achieved rate's row of a port and direction (``{p}``: port, ``{d}``: direction)
ROW = "inspection_rate_ordinary_port_{p}_{d}"


def target_line(scenario: Any, rows: Iterable[str], lang: str = "en") -> str:
    """The line under a run's table naming the target beside each achieved-rate row among
    ``rows`` (the metrics it shows); "" without a risk engine on or such a row."""
    from sim.scenario.base import DIRECTIONS

    risk = getattr(scenario, "risk", None)
    if risk is None or not risk.enabled:
        return ""
    shown = set(rows)
    parts = [
        f"{p}_{d} {100 * risk.target_at(p, i):.3g} %"
        for p in scenario.ports
        for i, d in enumerate(DIRECTIONS)
        if ROW.format(p=p, d=d) in shown
    ]
    if not parts:
        return ""
    if lang == "zh":
        return ("风险布控引擎的目标查验率（一般信用企业，与 inspection_rate_ordinary_port_* 各行"
                "对照；为开始时的设定，查验限流或按日期生效的改革会在运行中改变它）："
                + "，".join(parts) + "；各类别的实际查验率与目标见 risk-achieved.csv")
    return ("risk engine's target beside each inspection_rate_ordinary_port_* row (ordinary "
            "traders; as set at the start, a throttle or a dated reform moves it): "
            + ", ".join(parts) + "; each class's rate against it: risk-achieved.csv")


def static_line(scenario: Any, lang: str = "en") -> str:
    """The line under a run's table when selection came from the scenario's static
    selection tables (no risk engine on: ``risk.enabled = false`` or no ``[risk]``), saying
    so and how to switch the engine on; "" with the engine on. Without it, an analyst who
    looks for the engine's figures (``risk_auc``, the ordinary classes' achieved rates,
    ``risk-achieved.csv``) finds them missing and nothing says why."""
    risk = getattr(scenario, "risk", None)
    if risk is not None and risk.enabled:
        return ""
    off = risk is not None  # (a [risk] section kept, switched off)
    how = "--set risk.enabled=true" if off else "--set risk.target=0.03"
    if lang == "zh":
        why = "risk.enabled = false" if off else "情景中没有 [risk] 一节"
        made = "" if off else "（目标查验率 0.03 仅为示例，此设定会新建 [risk] 一节）"
        return (f"查验布控由情景的静态布控表决定（每类货物按固定比例查验）；风险布控引擎"
                f"（为每票报关单打风险分，查验分数最高者）未启用（{why}），故没有 risk_auc"
                "（引擎的分数把违规报关单排在合规报关单之上的程度，0.5 等于随机，1 为完美）、"
                "inspection_rate_ordinary_port_* 与 risk-achieved.csv；启用引擎："
                f"{how}{made}，各项设定见 docs/risk-analyst.md")
    why = "risk.enabled = false" if off else "the scenario has no [risk] section"
    made = "" if off else " (0.03: an example target; it creates [risk])"
    return ("selection came from the scenario's static selection tables (a fixed share of "
            "each kind of consignment inspected); the risk engine (it scores every declaration "
            f"and inspects the highest scores) is off ({why}): no risk_auc (how well its scores "
            "rank illicit declarations above compliant ones: 0.5 is chance, 1 perfect), "
            "inspection_rate_ordinary_port_* or risk-achieved.csv; "
            f"to select with the engine: {how}{made}; its settings: docs/risk-analyst.md")
