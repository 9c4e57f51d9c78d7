"""Where an appraised option's set-up and running costs come from, so that every place that
labels them (the terminal, ``appraisal.csv``, ``appraisal.json``, the report, the workbook,
Chinese) says "given" only of a figure someone supplied (``--setup``, ``--running`` or the
reform's own ``setup_cost`` in its scenario) and "library default (an assumption)" of one the
reform library (:mod:`sim.reforms.cost_library`) supplied. The figures do not change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: the kinds of source of a cost, as ``appraisal.json``'s ``cost_sources`` holds them
GIVEN = "given"
SCENARIO = "scenario"
DEFAULT = "library_default"
BOTH = "scenario_and_library_default"
NONE = "none"
#: each source in words (English): what a finance reader is told of the figure
WORDS = {GIVEN: "given",
         SCENARIO: "given (the reform's setup_cost in its scenario)",
         DEFAULT: "library default (an assumption)",
         BOTH: "given in the scenario for some reforms, library default (an assumption) "
               "for the others",
         NONE: "none given or assumed"}
#: each source in Chinese
WORDS_ZH = {GIVEN: "给定",
            SCENARIO: "给定（情景中改革自身的建设成本）",
            DEFAULT: "改革库默认值（假设）",
            BOTH: "部分改革在情景中给定，其余为改革库默认值（假设）",
            NONE: "未给定，也无假设"}
#: the figures whose source is said, each with the kind of cost it is
SOURCED = {"setup_cost": "setup", "running_cost_given_per_year": "running"}


def cost_sources(ask: Any, folder: Any) -> dict[str, dict[str, str]]:
    """Each option's source of its set-up and of its running cost added at appraisal
    (``ask``: an :class:`~sim.experiment.appraisal.Appraisal`; ``folder``: its
    :class:`~sim.experiment.appraisal_folder.Folder`): a figure given at appraisal replaces
    the rest; otherwise the scenario's own set-up cost and the library's defaults, where
    above 0, say where it came from."""
    library_setup, library_running = folder.defaults.setup(), folder.defaults.running()
    out: dict[str, dict[str, str]] = {}
    for name in folder.options:
        if name in ask.setup_given:
            setup = GIVEN
        else:
            own = folder.setup.get(name, 0.0) > 0
            library = library_setup.get(name, 0.0) > 0
            setup = BOTH if own and library else SCENARIO if own else DEFAULT if library else NONE
        running = (GIVEN if name in ask.running_given
                   else DEFAULT if library_running.get(name, 0.0) > 0 else NONE)
        out[name] = {"setup": setup, "running": running}
    return out


def labelled(figure: str, words: str, sources: Mapping[str, str] | None,
             zh: bool = False) -> str:
    """A figure's name (``words``) with where its amount came from, for the set-up and the
    running cost added (``sources``: one option's of :func:`cost_sources`); other figures,
    and an appraisal written before sources were recorded (None), as they are."""
    kind = SOURCED.get(figure)
    source = (sources or {}).get(kind or "")
    if source is None:
        return words
    return f"{words}，{WORDS_ZH[source]}" if zh else f"{words}, {WORDS[source]}"


def part(data: Any, key: str) -> dict[str, Any]:
    """``data[key]`` where both are JSON objects (``appraisal.json``'s ``cost_sources`` and an
    option's in it), else empty: an appraisal written before sources were recorded."""
    got = data.get(key) if isinstance(data, dict) else None
    return got if isinstance(got, dict) else {}
