"""The warehouse tables: each one's columns (name, type, unit, whether it may be empty), its
primary key and the keys it shares with ``runs`` and ``options``.

The same columns for every scenario and every version of a folder: a table of figures whose
number varies (a time target's share, a cost the scenario prices) is long, one row per
figure, its name in ``figure`` and its unit in ``unit``, so that a new figure is a new row,
never a new column. :data:`SCHEMA_VERSION` changes whenever a table or column does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pyarrow as pa

SCHEMA_VERSION = "3"
#: each earlier schema version a warehouse may still hold, and the columns (by table) it
#: lacks: such tables still validate, and the columns read as null (version 1: no
#: ``runs.price_year``, its money's price year unknown)
OLDER_VERSIONS: dict[str, dict[str, tuple[str, ...]]] = {"1": {"runs": ("price_year",)},
                                                         "2": {}}
#: the tables an earlier schema version did not have yet, by the version that added them:
#: a warehouse of an earlier version still validates without them (version 3:
#: ``seizure_layer_figures``)
ADDED_IN: dict[str, str] = {"seizure_layer_figures": "3"}

#: Frictionless Table Schema types and the Arrow types the Parquet files hold.
ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "datetime": pa.timestamp("ms", tz="UTC"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    unit: str = ""  # a fixed unit; "" where the row's ``unit`` column says it, or none
    required: bool = True  # False: may be empty (null)


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    parent: str = "options"  # the table its (run_id[, option]) refer to; "" for none

    def arrow_schema(self) -> pa.Schema:
        """The Arrow schema every file of this table is written with."""
        return pa.schema([pa.field(c.name, ARROW[c.type], nullable=not c.required)
                          for c in self.columns])

    def in_version(self, version: str) -> bool:
        """Whether schema ``version`` has this table (one it does not know: the current)."""
        added = ADDED_IN.get(self.name)
        if added is None or version not in OLDER_VERSIONS:
            return True
        return int(version) >= int(added)

    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def as_of(self, version: str) -> Table:
        """The table as schema ``version`` declared it (an earlier one lacks some columns)."""
        lacks = OLDER_VERSIONS.get(version, {}).get(self.name, ())
        return replace(self, columns=tuple(c for c in self.columns if c.name not in lacks))


def _c(name: str, type_: str, description: str, unit: str = "", required: bool = True) -> Column:
    return Column(name, type_, description, unit, required)


RUN_ID = _c("run_id", "string", "the folder's key: 16 hex digits of the SHA-256 of its kind, "
            "scenario hash, root seed and creation time (the same on every export)")
OPTION = _c("option", "string", "the option (`baseline`: the scenario unchanged; a run's one "
            "option is `baseline`)")
REPLICATION = _c("replication", "integer", "replication number from 0 (seeded "
                 "SeedSequence(seed, spawn_key=(r,)); the same r in every option: paired)")
PARTS = (
    _c("metric", "string", "the metric's whole name (docs/metrics.md)"),
    _c("base", "string", "the metric without its port, direction, class and lane"),
    _c("port", "string", "its port; '': every port pooled"),
    _c("direction", "string", "import or export; '': both pooled"),
    _c("trader_class", "string", "its trader class; '': every class"),
    _c("lane", "string", "its lane; '': none"),
    _c("unit", "string", "the metric's unit, money naming the currency"),
)
INTERVAL = (
    _c("ci_low", "number", "95 % Student-t interval, low end, raw (empty: one replication)",
       required=False),
    _c("ci_high", "number", "95 % Student-t interval, high end, raw", required=False),
)
STAT = (
    _c("mean", "number", "mean over the replications, in `unit`", required=False),
    *INTERVAL,
    _c("n", "integer", "replications that measured it"),
    _c("shown_low", "number", "the interval clipped to what is possible", required=False),
    _c("shown_high", "number", "the interval clipped to what is possible", required=False),
)
FIGURE = (
    _c("figure", "string", "the figure's name, a column of the results folder's own table"),
    _c("unit", "string", "the figure's unit (`hours`, `declarations`, `USD per consignment`)"),
    _c("mean", "number", "mean over the replications", required=False),
    *INTERVAL,
    _c("diff", "number", "a comparison's paired difference, option - baseline (0 for the "
       "baseline; empty in a run or for a figure with none)", required=False),
    _c("diff_ci_low", "number", "its 95 % interval, low end", required=False),
    _c("diff_ci_high", "number", "its 95 % interval, high end", required=False),
)
PER_REP_FIGURE = (
    _c("figure", "string", "the figure's name, a column of the replication's own table"),
    _c("unit", "string", "the figure's unit"),
    _c("value", "number", "the replication's figure", required=False),
)


def _t(name: str, description: str, columns: tuple[Column, ...], key: tuple[str, ...],
       parent: str = "options") -> Table:
    return Table(name, description, columns, key, parent)


def _keys(*names: str) -> tuple[Column, ...]:
    """Grouping columns: strings, never null, '' where pooled or not applicable."""
    return tuple(_c(n, "string", f"the row's {n} ('': pooled or not applicable)")
                 for n in names)


TABLES: tuple[Table, ...] = (
    _t("runs", "one row per results folder (a run or a comparison)", (
        RUN_ID,
        _c("kind", "string", "`run` or `compare`"),
        _c("folder", "string", "the results folder's name (its last path part)"),
        _c("scenario", "string", "the scenario's name"),
        _c("scenario_hash", "string", "SHA-256 of the resolved scenario (the baseline's)"),
        _c("version", "string", "bordersim's version that made it"),
        _c("build", "string", "fingerprint of the code and libraries that made it"),
        _c("seed", "integer", "root seed"),
        _c("reps", "integer", "replications (per option)"),
        _c("days", "number", "observed days", unit="days"),
        _c("warmup_days", "number", "warm-up days before them", unit="days"),
        _c("drain_days", "number", "days after them to finish the cohort", unit="days"),
        _c("currency", "string", "the money unit (`[costs]` currency); empty: no costs",
           required=False),
        _c("price_year", "integer", "the year whose prices the money is at (`[costs]` "
           "price_year: USD at 2019 prices is `USD`, 2019); empty: no costs, or a table "
           "of schema version 1, which did not record it", unit="year", required=False),
        _c("created", "datetime", "when the folder was first written (UTC)"),
        _c("schema_version", "string", "the warehouse schema's version"),
    ), ("run_id",), parent=""),
    _t("options", "one row per option of a folder (a run has one, `baseline`)", (
        RUN_ID, OPTION,
        _c("position", "integer", "its place in the comparison (0: baseline)"),
        _c("scenario_hash", "string", "SHA-256 of the option's resolved scenario"),
        _c("description", "string", "what the option is", required=False),
        _c("changes", "string", "its field changes, a JSON object (dotted path: value)"),
        _c("reform", "string", "the library reform it applies (`bordersim reforms`); '': none"),
        _c("parts", "string", "a combined option's options, `A+B`; '': not combined"),
    ), ("run_id", "option"), parent="runs"),
    _t("scenario_fields", "each option's resolved scenario (its scenario.json), one row per "
       "field: what was run, to join figures to the settings behind them",
       (RUN_ID, OPTION,
        _c("field", "string", "the field's dotted path, as `--set` names it "
           "(`ports.sea.scan.scanners.capacity`); a list is one field"),
        _c("value", "string", "its value as JSON (times in hours, rates per hour)"),
        _c("number", "number", "the value when it is a number; empty otherwise",
           required=False)),
       ("run_id", "option", "field")),
    _t("metric_values", "every metric of every replication (metrics.csv)",
       (RUN_ID, OPTION, REPLICATION, *PARTS, _c("value", "number", "in `unit`",
                                                 required=False)),
       ("run_id", "option", "replication", "metric")),
    _t("metric_summary", "each metric's mean and interval (summary.csv)",
       (RUN_ID, OPTION, *PARTS, *STAT), ("run_id", "option", "metric")),
    _t("metric_differences", "each option's paired difference from the baseline "
       "(differences.csv; none in a run)",
       (RUN_ID, OPTION, *PARTS, *STAT,
        _c("p_value", "number", "paired t test, uncorrected", required=False),
        _c("significant", "boolean", "significant after Holm's correction over the options"),
        _c("steady_state", "boolean", "true: checked and steady; false: a replication "
           "warned; empty: runs too short to check", required=False)),
       ("run_id", "option", "metric")),
    _t("metric_interactions", "each combined option's interaction (A+B) - A - B + baseline "
       "(interactions.csv; none without a combined option)",
       (RUN_ID, OPTION, *PARTS, *STAT,
        _c("p_value", "number", "paired t test, uncorrected", required=False),
        _c("parts", "string", "the options combined, `A+B`"),
        _c("additive", "boolean", "false for a quantile, whose interaction is not one in "
           "the usual sense")),
       ("run_id", "option", "metric")),
    _t("class_differences", "class-differences.csv: each trader class against `general` "
       "traders at the same port and direction, paired within each replication (a run's)",
       (RUN_ID, OPTION, _c("metric", "string", "the base metric compared"),
        *_keys("port", "direction", "class"),
        _c("unit", "string", "the metric's unit (`hours`, `USD per consignment`, ...)"),
        _c("reps", "integer", "replications where both were measured"),
        _c("class_mean", "number", "the class's mean, in `unit`", required=False),
        _c("general_mean", "number", "general traders' mean, in `unit`", required=False),
        _c("difference", "number", "class - general, in `unit`", required=False),
        *INTERVAL),
       ("run_id", "option", "metric", "port", "direction", "class")),
    _t("enforcement_figures", "enforcement.csv long: declarations, finds and seizures by port, "
       "direction and truth over the observed days, a replication's mean",
       (RUN_ID, OPTION, *_keys("port", "direction", "truth"),
        _c("reps", "integer", "replications"), *FIGURE),
       ("run_id", "option", "port", "direction", "truth", "figure")),
    _t("enforcement_weekly_figures", "enforcement-weekly.csv long: each observed week's",
       (RUN_ID, OPTION, _c("week", "integer", "observed week from 0"),
        *_keys("port", "direction"), _c("reps", "integer", "replications"),
        _c("days", "integer", "observed days in the week", unit="days"), *FIGURE),
       ("run_id", "option", "week", "port", "direction", "figure")),
    _t("trading_figures", "trading-across-borders.csv long: documentary and border "
       "compliance time and cost per port, direction (and class)",
       (RUN_ID, OPTION, *_keys("dimension", "group", "port", "mode", "direction",
                               "trader_class"),
        _c("reps", "integer", "replications"),
        _c("consignments", "number", "consignments a replication (mean)", required=False),
        *FIGURE),
       ("run_id", "option", "dimension", "group", "figure")),
    _t("seizure_layer_figures", "seizures-by-layer.csv long: per illicit type and place, "
       "the illicit goods that arrived, those seized at the port, stopped by patrols, found "
       "but not seized or missed, the share detected, and customs' inspections and hits (counts in "
       "`consignments`, a route's loads among them; `detection_share`, "
       "`detection_share_pooled` and `hit_rate` a `share (0-1)`; a patrol's `inspected` and "
       "`hits` empty; `diff` only for arrived, seized_at_port, stopped_by_patrols, "
       "detection_share and detection_share_pooled, the last the difference of the pooled "
       "shares paired by replication)",
       (RUN_ID, OPTION,
        _c("truth", "string", "the illicit type (enforcement's `truth`); '': every type"),
        _c("place", "string", "a port, or a smuggling route outside the ports with its "
           "patrol; '': every place"),
        _c("kind", "string", "`port` or `patrol`; '': every place"),
        _c("reps", "integer", "replications"), *FIGURE),
       ("run_id", "option", "truth", "place", "kind", "figure")),
    _t("milestone_figures", "milestone-intervals.csv long: the Time Release Study's stretches",
       (RUN_ID, OPTION, *_keys("interval", "kind", "from", "to", "owner", "dimension", "group",
                               "port", "direction", "trader_class"),
        _c("reps", "integer", "replications"), *FIGURE),
       ("run_id", "option", "interval", "kind", "dimension", "group", "figure")),
    _t("gains", "gains.csv: who gains and who loses, each consignment against itself in the "
       "baseline (none in a run); a pooled part reads `all`",
       (RUN_ID, OPTION, *_keys("measure", "dimension", "port", "direction", "group"),
        _c("unit", "string", "the measure's unit (`h`: hours)"),
        _c("n", "integer", "consignments"), _c("reps", "integer", "replications"),
        _c("mean_change", "number", "mean change, in `unit`", required=False), *INTERVAL,
        _c("share_worse", "number", "share of consignments worse off", unit="share (0-1)",
           required=False),
        _c("share_better", "number", "share better off", unit="share (0-1)", required=False),
        _c("baseline_mean", "number", "their baseline mean, in `unit`", required=False),
        _c("mean_change_per_container", "number", "the trader cost's pooled change per "
           "container, in `unit` (empty for the hours)", required=False),
        _c("ci_low_per_container", "number", "its 95 % interval's lower end", required=False),
        _c("ci_high_per_container", "number", "its 95 % interval's upper end",
           required=False),
        _c("baseline_mean_per_container", "number", "the trader cost's baseline per "
           "container, in `unit`", required=False)),
       ("run_id", "option", "measure", "dimension", "port", "direction", "group")),
    _t("clearance_by_replication", "reps/rep-NNNN-clearance.csv of every replication, long",
       (RUN_ID, OPTION, REPLICATION, _c("metric", "string", "the clearance time measured"),
        *_keys("dimension", "group", "port", "direction", "trader_class"), *PER_REP_FIGURE),
       ("run_id", "option", "replication", "metric", "dimension", "group", "figure")),
    _t("resources_by_replication", "reps/rep-NNNN-resources.csv of every replication, long",
       (RUN_ID, OPTION, REPLICATION, *_keys("port", "lane"), *PER_REP_FIGURE),
       ("run_id", "option", "replication", "port", "lane", "figure")),
)

BY_NAME = {t.name: t for t in TABLES}


def datapackage() -> dict[str, Any]:
    """The schema as a Frictionless Data Package descriptor (``datapackage.json``)."""
    resources = []
    for t in TABLES:
        fields = []
        for c in t.columns:
            f: dict[str, Any] = {"name": c.name, "type": c.type, "description": c.description}
            if c.unit:
                f["unit"] = c.unit
            f["constraints"] = {"required": c.required}
            fields.append(f)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": list(t.primary_key)}
        if t.parent:
            keys = list(BY_NAME[t.parent].primary_key)
            schema["foreignKeys"] = [{"fields": keys,
                                      "reference": {"resource": t.parent, "fields": keys}}]
        resources.append({"name": t.name, "path": f"{t.name}.parquet", "format": "parquet",
                          "description": t.description, "schema": schema})
    return {"name": "bordersim-results", "schema_version": SCHEMA_VERSION,
            "resources": resources}
