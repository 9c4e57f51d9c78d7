"""The glossary's entries, one per metric family, by layer (:mod:`sim.experiment.metric_glossary`
matches names to them, gives their units and writes ``docs/metrics.md``).

Each meaning is read off the code that computes the metric: :meth:`RunResult.metrics`, the
recorder, the enforcement tally, the cost book, the smuggling table, the organisation's
statistics and the risk engine's report. The *cohort* is the consignments that arrive in the
observed window; a *finished* consignment is one of the cohort not censored at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the modifiers an entry may take: suffix -> what it restricts the metric to
MODIFIERS = {
    "direction": ("_<direction>", "imports or exports only"),
    "port": ("_port_<port>", "one port only"),
    "port_direction": ("_port_<port>_<direction>", "one port's imports or exports only"),
}
ALL = ("direction", "port", "port_direction")
DIR = ("direction",)
DIR_PD = ("direction", "port_direction")


@dataclass(frozen=True)
class Entry:
    """One metric family: its stem (with placeholders), layer, meaning, the modifiers it
    takes (keys of :data:`MODIFIERS`) and, for a family no bundled scenario yields, when
    it appears."""

    stem: str
    layer: str
    meaning: str
    by: tuple[str, ...] = ()
    only: str = ""


CLEAR_LAYER = "clearance times"
COUNT_LAYER = "counts and outcomes"
TRUTH_LAYER = "enforcement: the truth"
EFFECT_LAYER = "enforcement: effectiveness"
SEEN_LAYER = "enforcement: what customs sees"
SMUG_LAYER = "smuggling"
COST_LAYER = "costs"
LANE_LAYER = "lanes and queues"
ORG_LAYER = "organisation"
RISK_LAYER = "risk engine"
IDLING_LAYER = "idling and emissions"
#: the layers in the page's order
LAYERS = (
    CLEAR_LAYER, COUNT_LAYER, TRUTH_LAYER, EFFECT_LAYER, SEEN_LAYER,
    SMUG_LAYER, COST_LAYER, LANE_LAYER, ORG_LAYER, RISK_LAYER, IDLING_LAYER,
)

_RELEASED = (
    "over the cohort's consignments released by customs by the end of the run (those "
    "released but not yet out included; seized, rejected and never-released ones left out)"
)
_OUT = (
    "over the cohort's consignments out of the flow by the end of the run (outcome "
    "`released`: exited or loaded); seized, rejected and censored ones left out"
)
_QUANTILE = "read from a log histogram, within 1 % of the exact quantile"
FINISHED = "mean over the finished consignments (the cohort less the censored)"


def _quantile_note(stat: str) -> str:
    """The sentence a quantile's entry ends with (a mean's: none)."""
    return "" if stat == "mean" else f" {_QUANTILE[:1].upper()}{_QUANTILE[1:]}."


def _quantiles(stat: str, what: str, by: tuple[str, ...]) -> list[Entry]:
    """A quantile of clearance and of overall clearance, over the same consignments as
    their means."""
    return [
        Entry(f"{m}_h_{stat}", CLEAR_LAYER,
              f"The {what} of the times `{m}_h_mean` averages, over the same consignments "
              f"({_QUANTILE}).", by)
        for m in ("clearance", "overall_clearance")
    ]


_CLASS = (
    "over every port: a class much at a slow port looks slow (read it beside "
    "`clearance_h_mean_<class>_port_<port>_<direction>`); NaN where the class released none"
)


def _by_class() -> list[Entry]:
    """A trader class's clearance figures, imports and exports apart."""
    out = [
        Entry(f"clearance_h_{stat}_<class>_<direction>", CLEAR_LAYER,
              f"`clearance_h_{stat}` of one trader class's imports or exports, {_CLASS}."
              + _quantile_note(stat))
        for stat in ("mean", "median", "p90")
    ]
    out += [
        Entry("released_within_<target>_<class>_<direction>", CLEAR_LAYER,
              f"`released_within_<target>` of one trader class's imports or exports, {_CLASS}. "
              f"The agencies' own hours of a class are the milestone intervals' "
              f"(`customs_h`, `quarantine_h` of its `port_direction_class` rows)."),
        Entry("clearance_h_p90_<class>_port_<port>_<direction>", CLEAR_LAYER,
              "90th percentile of the clearance time of one trader class's consignments at "
              "one port and direction, over the consignments "
              "`clearance_h_mean_<class>_port_<port>_<direction>` averages: the tail a class "
              "(advanced AEO certification, say) gives a trader where it trades, which a "
              "class's p90 pooled over every port mixes with where it trades. NaN where the "
              "class released nothing there." + _quantile_note("p90")),
        Entry("released_within_<target>_<class>_port_<port>_<direction>", CLEAR_LAYER,
              "`released_within_<target>` of one trader class's consignments at one port and "
              "direction: a class's service standard where it trades (an AEO's 2 h, say). NaN "
              "where the class released nothing there."),
    ]
    return out


_COMMODITY = (
    "of one commodity group's consignments (`<commodity>`, a key of the scenario's "
    "`[commodities]`), over every port and direction, imports and exports together: a "
    "commodity much at a slow port, or much imported, looks slow. Named for each commodity the "
    "run released"
)


def _by_commodity() -> list[Entry]:
    """A commodity group's clearance figures, over every port and direction."""
    out = [
        Entry(f"clearance_h_{stat}_commodity_<commodity>", CLEAR_LAYER,
              f"`clearance_h_{stat}` {_COMMODITY}."
              + _quantile_note(stat))
        for stat in ("mean", "median", "p90")
    ]
    out += [
        Entry(f"overall_clearance_h_{stat}_commodity_<commodity>", CLEAR_LAYER,
              f"`overall_clearance_h_{stat}` {_COMMODITY}: the time to exit or loading, which "
              "storage after the free period is charged on."
              + _quantile_note(stat))
        for stat in ("mean", "p90")
    ]
    out.append(Entry("released_within_<target>_commodity_<commodity>", CLEAR_LAYER,
                     f"`released_within_<target>` {_COMMODITY}."))
    return out + _by_channel()


_CHANNEL = (
    "of the declarations of one channel (the checks they met), over every port and direction: "
    "which declarations wait long and why, beside the checks' rates (`document_check_rate`, "
    "`inspection_rate`), which say how many are in each. Pooled over the ports, so a channel "
    "mixes where it is used (a post or express hub scans nearly every parcel, released in "
    "minutes, so `scan` is mostly parcels). Named for every channel; NaN where the run "
    "released none of it. With `_port_<port>_<direction>`: one port's imports or exports of "
    "the channel, what a broker working there meets (named for every channel at each port "
    "and direction that released goods, NaN where none was in the channel; their means "
    "weighted by how many each released give the pooled mean)"
)


#: a channel's figures at one port and direction too
_PD = ("port_direction",)


def _by_channel() -> list[Entry]:
    """A channel's clearance figures, over every port and direction and at each."""
    return [
        *(Entry(f"clearance_h_{stat}_channel_<channel>", CLEAR_LAYER,
                f"`clearance_h_{stat}` {_CHANNEL}." + _quantile_note(stat), by=_PD)
          for stat in ("mean", "p90")),
        Entry("declared_to_release_h_mean_channel_<channel>", CLEAR_LAYER,
              f"`declared_to_release_h_mean` (from lodgement, or arrival if later) {_CHANNEL}.",
              by=_PD),
    ]


_TO_RELEASE = (
    "from arrival to customs' release, over the cohort's consignments out of the flow by the "
    "end of the run (those of the milestone intervals table: its `clearance` row's "
    "`<owner>_h`, whose owners add up to that row's mean clearance; "
    "`clearance_h_mean` also counts those released but still waiting for pick-up, exit or a "
    "departure at the end). The trader's hours are its lodging after arrival (a declaration "
    "lodged in advance costs none), a second declaration, duty payment release waits for, "
    "its part of the exam yard (attendance, a missed appointment); customs' its acceptance, "
    "assessment, checks and the queues for them; quarantine's its checks, laboratory, "
    "treatment and clearance form; the terminal's the wait for a box to be discharged before "
    "its scan or exam and the moves to and from the exam bay; the organisation's its holds "
    "(a ruling, an approval); the carrier's none (its schedule holds an export only after "
    "release). The hours after release (an import's pick-up and gate, an export's wait for "
    "its cut-off) are the intervals' `after_release` rows"
)


def _release_owners() -> list[Entry]:
    """Owners' hours and shares of arrival -> release, by direction and at each port and
    direction."""
    out = []
    for kind, what in (
        ("hours", "Mean hours per consignment the owner holds the goods"),
        ("share", "The owner's share of the hours summed over the consignments (a ratio "
                  "of sums; the owners' add up to 1)"),
    ):
        stem = f"owner_{kind}_to_release_<owner>"
        out += [
            Entry(f"{stem}_<direction>", CLEAR_LAYER,
                  f"{what}, {_TO_RELEASE}; imports or exports (never pooled: each waits on "
                  f"different owners). The log's `to_release_<owner>` columns are each "
                  f"consignment's hours to release. NaN where there is no such consignment."),
            Entry(f"{stem}_port_<port>_<direction>", CLEAR_LAYER,
                  f"`{stem}_<direction>` of one port's consignments of that direction "
                  f"(pooled, the ports' owners mix: a post hub's parcels beside a sea "
                  f"port's boxes); NaN where the port has none."),
        ]
    return out


CLEARANCE = [
    Entry("clearance_h_mean", CLEAR_LAYER,
          f"Mean clearance time: hours from the goods' arrival to customs' release, "
          f"{_RELEASED}.", ALL),
    Entry("clearance_h_mean_<class>_port_<port>_<direction>", CLEAR_LAYER,
          f"Mean clearance time of one trader class's consignments at one port and direction, "
          f"{_RELEASED}: what a class (advanced AEO certification, say) buys a trader where "
          "it trades. Read it rather than a class's figure pooled over every port, which "
          "also counts where the class trades (a class much at a fast port looks fast). NaN "
          "where the class released nothing there."),
    Entry("overall_clearance_h_mean", CLEAR_LAYER,
          f"Mean overall clearance time: hours from arrival to the end of the flow (an "
          f"import's exit from the supervised area, an export's loading), {_OUT}.", ALL),
    *_quantiles("median", "median", DIR_PD),
    *_quantiles("p90", "90th percentile", DIR_PD),
    *_quantiles("p95", "95th percentile", DIR),
    Entry("clearance_h_mean_<era>", CLEAR_LAYER,
          f"With a timeline, `clearance_h_mean` of the goods that arrived in one of its periods "
          f"(`<era>`), {_RELEASED}. A change from one period to the next is not the effect "
          "of the reform dated between them (week-to-week drift is as large): `compare` splits "
          "every option, the baseline too, at its options' dates, so each period has a paired "
          "difference. A reform applies to goods assessed after its date, so a period's first "
          "days mix goods that arrived just before it. Only with a timeline of dated reforms "
          "(`[[timeline]]`, `--reforms NAME@TIME`) or `periods_at`.", DIR_PD),
    Entry("overall_clearance_h_mean_<era>", CLEAR_LAYER,
          f"With a timeline, `overall_clearance_h_mean` of the goods that arrived in one of its "
          f"periods (`<era>`), {_OUT}.", DIR_PD),
    *[
        Entry(f"{m}_h_{stat}_goods_<direction>", CLEAR_LAYER,
              f"`{m}_h_{stat}_<direction>` of goods declarations alone, at every port but the "
              "post and express hubs, whose parcel lists China counts apart (released in "
              "seconds, they dominate a pooled median). Only where a post or express hub runs "
              "beside goods ports.")
        for m in ("clearance", "overall_clearance")
        for stat in ("mean", "median", "p90")
    ],
    Entry("declared_to_release_h_mean", CLEAR_LAYER,
          f"Mean hours from when the goods are there and declared (the later of their arrival "
          f"and the declaration's lodging) to customs' release, {_RELEASED}: the Time Release "
          "Study's lodgement to release, counted from arrival for a declaration lodged in "
          "advance (a declaration-to-release figure counting its lead would make advance "
          "declaration seem to slow release), without the trader's time to lodge after "
          "arrival. Not customs' or quarantine's own time: it also holds every wait after "
          "lodgement that keeps the goods, the trader's too (the duty payment, a late "
          "declaration to quarantine, an examination's attendance) and the terminal's (a box "
          "not yet discharged), so a reform that removes a trader's wait (two-step "
          "declaration, released before the duty is paid) lowers it with no agency working "
          "faster. The agencies' own hours are the milestone intervals' `customs_h` and "
          "`quarantine_h` (its `clearance` row, by port and direction, results folders' "
          "`milestone-intervals.csv`). Not China's overall clearance time, which starts at "
          "arrival (`clearance_h_mean`).", DIR_PD),
    Entry("declared_to_release_h_median", CLEAR_LAYER,
          f"The median of the times `declared_to_release_h_mean` averages ({_QUANTILE}).",
          DIR_PD),
    Entry("declared_to_release_h_p90", CLEAR_LAYER,
          f"The 90th percentile of the times `declared_to_release_h_mean` averages ({_QUANTILE}).",
          DIR_PD),
    Entry("arrival_to_lodgement_h_mean", CLEAR_LAYER,
          f"Mean hours from the goods' arrival to the lodging of their declaration, "
          f"{_RELEASED}: the Time Release Study's arrival to lodgement, the trader's own "
          "preparation after the goods came; 0 for a declaration lodged in advance, so that "
          "pre-arrival lodgement (advance declaration) lowers it. With "
          "`declared_to_release_h_mean` it adds up to `clearance_h_mean`.", DIR_PD),
    Entry("arrival_to_lodgement_h_median", CLEAR_LAYER,
          f"The median of the times `arrival_to_lodgement_h_mean` averages ({_QUANTILE}).",
          DIR_PD),
    Entry("arrival_to_lodgement_h_p90", CLEAR_LAYER,
          f"The 90th percentile of the times `arrival_to_lodgement_h_mean` averages "
          f"({_QUANTILE}).", DIR_PD),
    Entry("release_to_exit_h_mean", CLEAR_LAYER,
          "Mean hours from customs' release to the end of the flow (an import's exit through "
          "the terminal's gate, an export's loading at its cut-off or its crossing), over "
          "the cohort's consignments out of the flow by the end of the run: the Time Release "
          "Study's release to exit (removal), the trader's pick-up and the terminal's time "
          "after customs let the goods go.", DIR_PD),
    Entry("release_to_exit_h_median", CLEAR_LAYER,
          f"The median of the times `release_to_exit_h_mean` averages ({_QUANTILE}).", DIR_PD),
    Entry("release_to_exit_h_p90", CLEAR_LAYER,
          f"The 90th percentile of the times `release_to_exit_h_mean` averages ({_QUANTILE}).",
          DIR_PD),
    Entry("released_within_<target>", CLEAR_LAYER,
          f"Share released within a time target of arrival (clearance time <= the target, "
          f"exactly on it counted in; counted exactly, not read from a histogram), "
          f"{_RELEASED}: a Time Release Study's service standard (24, 48 or 72 h for imports, "
          f"2 h for AEOs, ...). `released_within_24h` always; the scenario's `within_hours` "
          f"(`--set 'within_hours=[2,48,72]'`) adds its targets. A target of 0 "
          f"(`released_within_0h`) is the share released on arrival: declared, assessed and "
          f"released before the goods came, the aim of pre-arrival processing (WTO TFA "
          f"Art. 7.1); goods screened in the seconds after arrival (a parcel's automatic "
          f"check) are not in it.", DIR_PD),
    Entry("exited_within_<target>", CLEAR_LAYER,
          f"Share out of the flow (exited or, for an export, loaded) within a time target of "
          f"arrival (as `released_within_<target>`), {_OUT}.", DIR_PD),
    Entry("released_within_<target>_<era>", CLEAR_LAYER,
          "With a timeline, `released_within_<target>` of the goods that arrived in one of its "
          "periods (`<era>`, as `clearance_h_mean_<era>`): the service standard in a peak "
          "season or after a dated reform, which the run's share dilutes with the other "
          "periods. Only with a timeline of dated reforms or `periods_at`.", DIR_PD),
    Entry("exited_within_<target>_<era>", CLEAR_LAYER,
          f"With a timeline, `exited_within_<target>` of the goods that arrived in one of its "
          f"periods (`<era>`), {_OUT}.", DIR_PD),
    *_by_class(),
    *_by_commodity(),
    Entry("departure_h_mean_export", CLEAR_LAYER,
          f"Mean hours from an export's arrival to its departure: the vessel or flight it was "
          f"loaded for (its cut-off's lead after `loaded`: the port's "
          f"`exports.loading.cutoff`, a direct user's `exports.loading.direct.time`), or its "
          f"truck's crossing at a land border, {_OUT}. Overall clearance stops at loading, as "
          f"China's export indicator does, so it cannot see a later cut-off that lets a box "
          f"leave sooner (direct loading): this time can."),
    Entry("departure_h_mean_port_<port>_export", CLEAR_LAYER,
          "`departure_h_mean_export` of one port's exports."),
    Entry("departure_h_p90_export", CLEAR_LAYER,
          f"The 90th percentile of the times `departure_h_mean_export` averages ({_QUANTILE})."),
    Entry("exports_missed_cutoff_share_<port>", CLEAR_LAYER,
          "Of the cohort's exports loaded by the end of the run at a port with departures "
          "(vessels, flights: `exports.loading.departures`), the share that left on a later "
          "departure than the first they could have made: the first whose cut-off (for that "
          "box: the ordinary one, or a direct user's later one) is at or after its arrival. "
          "Absent at a port whose exports cross after a delay."),
    Entry("exports_cutoffs_missed_mean_<port>", CLEAR_LAYER,
          "Mean number of departures missed per export loaded (as "
          "`exports_missed_cutoff_share_<port>`): 0 for a box that made the first departure it "
          "could, 1 for one that went a departure later, and so on."),
    Entry("exports_missed_cutoff_containers_share_<port>", CLEAR_LAYER,
          "`exports_missed_cutoff_share_<port>` counted in containers, as a terminal counts: "
          "of the containers of the exports loaded by the end of the run (each declaration "
          "with its containers), the share that left on a later departure than the first they "
          "could have made. It departs from the declarations' share where large and small "
          "declarations miss unequally."),
    Entry("exports_missed_cutoff_containers_per_day_<port>", CLEAR_LAYER,
          "The containers of those exports (as `exports_missed_cutoff_containers_share_<port>`) "
          "that rolled to a later departure than the first they could have made, per observed "
          "day: the boxes a terminal re-plans onto a later vessel or flight a day."),
    Entry("owner_share_<owner>", CLEAR_LAYER,
          "The owner's share of the hours from arrival to the end of the flow, summed over the "
          "cohort's consignments out of the flow (a ratio of sums, not a mean of shares); the "
          "shares of the owners add up to 1. An export's wait from release to the cut-off of "
          "the vessel or flight it makes (the `loading` interval) is the carrier's: its "
          "schedule, not the terminal's handling, so the terminal's share is its own. Pooled "
          "over imports and "
          "exports it hides whose time each waits on (imports mostly the trader's pick-up, "
          "exports mostly the wait for a departure): read it by direction. "
          "`_port_<port>_<direction>`: of one port's consignments of that direction, so that a "
          "terminal reads its own (pooled, the ports' owners mix: a post hub's parcels beside "
          "a sea port's boxes); NaN where the port has none. Who owns the time to release "
          "(customs' part, not drowned by an import's pick-up): "
          "`owner_share_to_release_<owner>_<direction>`.", DIR_PD),
    *_release_owners(),
]

COUNTS = [
    Entry("consignments_arrived", COUNT_LAYER,
          "Consignments of the cohort: declarations that arrived at any port in the observed "
          "window, imports and exports, smugglers' port loads included."),
    Entry("consignments_released", COUNT_LAYER,
          "Of the cohort, those released and out of the flow (exited or loaded) by the end "
          "of the run."),
    Entry("consignments_seized", COUNT_LAYER, "Of the cohort, those whose goods were seized."),
    Entry("consignments_rejected", COUNT_LAYER,
          "Of the cohort, those whose goods were rejected after a find (returned or "
          "destroyed). Their return or destruction takes no time and holds no yard space in "
          "the model unless their commodity's `disposal` gives it a time (then the yard's "
          "figures count it, the clearance figures never): the goods' flow ends at the "
          "rejection."),
    Entry("consignments_detained", COUNT_LAYER, "Of the cohort, those whose goods were detained."),
    Entry("consignments_censored", COUNT_LAYER,
          "Of the cohort, those still in the flow when the run ended (released or not); "
          "never dropped silently."),
    Entry("consignments_not_out", COUNT_LAYER,
          "Among the censored: released by customs but not yet out (waiting for pick-up, exit "
          "or departure); they count in clearance times, not in overall clearance."),
    Entry("consignments_treated", COUNT_LAYER,
          "Among the released: those treated by quarantine (fumigation, heat) before release."),
]

TRUTH = [
    Entry("illicit_declarations", TRUTH_LAYER,
          "The cohort's declarations carrying illicit goods of any type (the hidden truth, "
          "never seen by customs)."),
    Entry("illicit_share", TRUTH_LAYER,
          "Illicit declarations over all the cohort's declarations (the hidden truth)."),
    Entry("illicit_<type>", TRUTH_LAYER,
          "The cohort's declarations carrying illicit goods of this type (the hidden truth)."),
    Entry("illicit_<type>_<era>", TRUTH_LAYER,
          "With a timeline, `illicit_<type>` of the goods that arrived in one of its periods "
          "(`<era>`, as `clearance_h_mean_<era>`): an outbreak abroad (reform `outbreak`) "
          "before and after its date, in the hidden truth."),
]

#: what the value metrics count of an illicit declaration
_ILLICIT_VALUE = (
    "illicit value (the true value of smuggled, counterfeit, frozen or pest goods; of an "
    "undervalued declaration only the hidden part, true value - declared value, as "
    "`revenue_evaded` taxes: its goods are legal)"
)

EFFECTIVENESS = [
    Entry("detection_rate", EFFECT_LAYER,
          "Illicit declarations found before release (document check, exam, quarantine) over "
          "the cohort's illicit declarations whose outcome is known (those still held "
          "undetected at the end, `illicit_held`, left out: so are they in every "
          "`detection_rate` form); finds after release are not counted.",
          ("direction", "port")),
    Entry("detection_rate_goods", EFFECT_LAYER,
          "`detection_rate` of goods declarations alone, at every port but the post and "
          "express hubs: a hub scans nearly every parcel at its own target (the default's post "
          "hub: `risk.ports.post_hub.target` = 0.98), which a change of `risk.target` does "
          "not move, so the pooled rate mixes a fixed part into the goods ports' answer to "
          "the target. Read this beside `burden_share_goods`. Only where a post or express "
          "hub runs beside goods ports."),
    Entry("detection_rate_value_goods", EFFECT_LAYER,
          "`detection_rate_value` of goods declarations alone, at every port but the post "
          "and express hubs (as `detection_rate_goods`). Only where a post or express hub "
          "runs beside goods ports."),
    Entry("detection_rate_<type>", EFFECT_LAYER,
          "Of the cohort's declarations illicit of this type whose outcome is known (those "
          "still held undetected at the end left out, as in `detection_rate`), the share "
          "found before release."),
    Entry("detection_rate_<class>", EFFECT_LAYER,
          "Of the cohort's illicit declarations of one trader class whose outcome is known "
          "(as in `detection_rate`), the share found before release, over every port: what "
          "a class's offenders get through (a lower cap on AEOs' inspections lets more of "
          "theirs pass). Illicit goods are few in a class, so it is noisy; read "
          "`seizures_per_1000_<class>` beside it. NaN where the class had none."),
    Entry("detection_rate_value", EFFECT_LAYER,
          f"The {_ILLICIT_VALUE} found before release over that of the cohort's illicit "
          "declarations whose outcome is known (the value still held undetected at the end, "
          "`value_held`, left out, as in `detection_rate`)."),
    Entry("detection_rate_with_audit", EFFECT_LAYER,
          "Illicit declarations found before release or, among those released, after it (tax "
          "review, recall of goods recovered, post-clearance audit), over the illicit ones "
          "whose outcome is known. A find after release counts whenever it falls due, even "
          "months after the run's end (the audit's lag after release: "
          "`enforcement.audit.lag`): the cohort's eventual outcome, not what customs knows by "
          "the run's end (see `detection_rate_by_audit_by_end`)."),
    Entry("detection_rate_by_audit_by_end", EFFECT_LAYER,
          "As `detection_rate_by_audit`, but only the audit's finds due by the run's end "
          "(release + the audit's lag, `enforcement.audit.lag`): `detection_rate_by_audit` "
          "counts them whenever they fall due (the cohort's eventual outcome). The difference "
          "is what a run of this length has not seen yet; with a lag longer than the run, "
          "this is 0."),
    Entry("detection_rate_by_<finder>", EFFECT_LAYER,
          "Illicit declarations credited to this check over the cohort's illicit declarations "
          "whose outcome is known, as `detection_rate`'s (those still held undetected at the "
          "end left out), so those of `document`, `exam` and `quarantine` sum to "
          "`detection_rate`. "
          "Goods found by more than one check are credited to the first: document, exam, "
          "quarantine, then after release review, recall, audit; goods that both the exam and "
          "a quarantine check that started before it find (`inspection.mode = \"separate\"`) "
          "are the quarantine check's. A joint examination does both at once: its finds are "
          "the exam's."),
    Entry("value_seized", EFFECT_LAYER,
          f"The {_ILLICIT_VALUE} of the cohort's declarations seized, detained or rejected "
          "(undervalued goods found are reassessed and released, so add nothing), summed over "
          "the observed days: a part of the value found (before release or after it)."),
    Entry("value_slipped", EFFECT_LAYER,
          f"The {_ILLICIT_VALUE} of the cohort's illicit declarations released and found "
          "neither before release nor after it (eventually, whenever a find after release "
          "falls due), summed over the observed days, so that found "
          "before + found after + slipped + held (`value_held`) = the illicit value: at the "
          "ports only (smugglers' port loads included); with smugglers, the total slipped is "
          "`value_slipped_total`."),
    Entry("illicit_held", EFFECT_LAYER,
          "The cohort's illicit declarations still held by customs, undetected, when the run "
          "ended (censored, not released): their outcome is not known, so they are neither "
          "slipped nor in the detection rates' denominators (0 with a long enough drain)."),
    Entry("value_held", EFFECT_LAYER,
          f"The {_ILLICIT_VALUE} of `illicit_held`'s declarations."),
    Entry("detection_rate_<era>", EFFECT_LAYER,
          "With a timeline, `detection_rate` of the goods that arrived in one of its periods "
          "(`<era>`, as `clearance_h_mean_<era>`): a dated reform's before and after in what "
          "customs finds. Set it against the baseline's same period (`compare` splits every "
          "option at its options' dates), not against the period before: illicit goods are few "
          "in a period, so its rate is noisy.", DIR),
    Entry("detection_rate_<type>_<era>", EFFECT_LAYER,
          "With a timeline, `detection_rate_<type>` of the goods that arrived in one of its "
          "periods (`<era>`): what customs found of one type before and after a dated reform "
          "or an outbreak (with `illicit_<type>_<era>`, how many of them slipped). Few goods "
          "of one type arrive in a period: set it against the baseline's same period."),
    Entry("recalls", EFFECT_LAYER,
          "The cohort's goods released before their laboratory result (release before test) "
          "and recalled when it failed."),
    Entry("recalls_unrecovered", EFFECT_LAYER,
          "Of the recalls, those whose goods were not recovered (already sold: they slip "
          "through)."),
]

SEEN = [
    Entry("inspection_rate", SEEN_LAYER,
          "Share of the cohort's declarations inspected: scanned, physically examined or "
          "checked by quarantine (a quarantine check alone counts; a check counts once it "
          "started: one a consignment still in the system at the end was queued for, or "
          "booked to start after the end, does not). Pooled over every port, "
          "a post or express hub that scans nearly every parcel included, so it is not a "
          "port's rate for goods declarations (`_port_<port>`: one port's; `_import`, `_export`: "
          "one direction's; `_port_<port>_<direction>`: one port's imports or exports, the "
          "rate an exporter meets at the port it ships through).",
          ALL),
    Entry("inspection_rate_goods", SEEN_LAYER,
          "Share of the cohort's goods declarations inspected (as `inspection_rate`), at every "
          "port but the post and express hubs, whose parcel lists China counts apart: the "
          "figure to set beside a published national rate. Only where a post or express hub "
          "runs beside goods ports.", ("direction",)),
    Entry("inspection_rate_<class>_goods", SEEN_LAYER,
          "The class's goods declarations inspected, at every port but the post and express "
          "hubs (China's published class rates, AEO 0.57 % and discredited 84.76 % in 2019, "
          "count goods declarations; `_import`, `_export`: one direction's, as the rules "
          "apply to each declaration whatever its direction). Only where a post or express hub "
          "runs beside goods ports.", ("direction",)),
    Entry("inspection_rate_per_container", SEEN_LAYER,
          "Containers of inspected declarations over all the cohort's containers, pooled over "
          "every port (a post hub's parcels, one container each and mostly scanned, dominate "
          "it); `_port_<port>`: one port's containers only (a terminal's own rate).",
          ("port",)),
    Entry("inspection_rate_<class>", SEEN_LAYER,
          "Share of the class's declarations in the cohort scanned, physically examined or "
          "checked by quarantine (however selected: by the tables or the risk engine, or "
          "referred by a document check's alarm), pooled over every port (a post or express "
          "hub included, whose near-total parcel scanning dominates a class it handles much of; "
          "`_port_<port>`: the class at one port; `_import`, `_export`: the class in one "
          "direction; `_port_<port>_<direction>`: the class's imports or exports at one port).",
          ALL),
    Entry("document_check_rate", SEEN_LAYER,
          "Share of the cohort's declarations that had a document check: one that started "
          "(as for `inspection_rate`, a check a consignment still in the system at the end "
          "was queued for, or booked to start after the end, does not count; the log's "
          "`channel` names the checks booked; `_port_<port>`: one port's declarations).",
          ("port", "direction")),
    Entry("document_check_rate_<class>", SEEN_LAYER,
          "`document_check_rate` of one trader class's declarations, pooled over every port "
          "(`_port_<port>`: the class at one port; `_import`, `_export`: the class in one "
          "direction): how often a declarant's clients of that credit class have their "
          "papers checked, beside `inspection_rate_<class>` for the goods. A document check "
          "that refers the goods to an exam counts here and, once the exam starts, there.",
          ("port", "direction")),
    Entry("hit_rate_<check>", SEEN_LAYER,
          "Of the cohort's declarations that had this check (one that started, as for "
          "`document_check_rate`), the share whose alarm a finding "
          "confirmed (a scan's: referred by the image officer to an exam that found goods, so "
          "an image the AI cleared is never a hit). Pooled over every port, a post or express "
          "hub included, whose many scanned parcels (few hits) dominate it: not a goods "
          "port's rate (`hit_rate_<check>_goods`: goods declarations alone; `_port_<port>`: "
          "one port's, as ports see different goods and smugglers).", ("port", "direction")),
    Entry("hit_rate_<check>_goods", SEEN_LAYER,
          "`hit_rate_<check>` of the cohort's goods declarations, at every port but the post "
          "and express hubs, whose parcel lists China counts apart. Only where a post or "
          "express hub runs beside goods ports."),
    Entry("seizures_per_1000", SEEN_LAYER,
          "Declarations seized, detained or rejected per 1,000 of the cohort's declarations "
          "(deterrence lowers it: more is not better in itself). Detentions and quarantine "
          "rejections count, so it is not comparable with counts of criminal smuggling "
          "cases. `_port_<port>`: per 1,000 of one port's declarations.", ("port", "direction")),
    Entry("seizures_per_1000_<class>", SEEN_LAYER,
          "`seizures_per_1000` of one trader class's declarations, over every port and "
          "direction: the seizures a credit rule or an accreditation moves between classes "
          "(certified traders seized less, discredited ones more)."),
    Entry("inspection_rate_<era>", SEEN_LAYER,
          "With a timeline, `inspection_rate` of the goods that arrived in one of its periods "
          "(`<era>`, as `clearance_h_mean_<era>`).", DIR),
    Entry("seizures_per_1000_<era>", SEEN_LAYER,
          "With a timeline, `seizures_per_1000` of the goods that arrived in one of its "
          "periods (`<era>`, as `clearance_h_mean_<era>`).", DIR),
    Entry("burden_share", SEEN_LAYER,
          "Share of the cohort's compliant declarations (no illicit goods) that were scanned, "
          "examined or checked by quarantine. The burden customs puts on honest traders, but "
          "counted with the hidden truth: customs itself cannot tell compliant goods from "
          "illicit goods it missed; what it can count is its inspections that found nothing "
          "(1 - `hit_rate_<check>`, `no_find_per_consignment`).", ("direction",)),
    Entry("burden_share_<class>", SEEN_LAYER,
          "`burden_share` of one trader class: the share of its compliant declarations "
          "inspected, over every port (a post or express hub included, whose near-total "
          "parcel scanning dominates a class it handles much of: read "
          "`burden_share_<class>_goods`). What a credit class spares honest traders, or what "
          "a credit rule costs them; counted with the hidden truth, as `burden_share`."),
    Entry("burden_share_<class>_goods", SEEN_LAYER,
          "`burden_share_<class>` at the goods ports alone, every port but the post and "
          "express hubs: the share of the class's compliant goods declarations inspected, "
          "to set against the caps and floors of its credit rules. Only where a post or "
          "express hub runs beside goods ports."),
    Entry("burden_share_goods", SEEN_LAYER,
          "`burden_share` of the goods ports alone, every port but the post and express "
          "hubs, whose nearly all scanned parcels dominate the pooled figure (at the default "
          "scenario's targets the pooled share is several times the goods'): the share of "
          "compliant goods declarations inspected. Only where a post or express hub runs "
          "beside goods ports."),
    Entry("burden_clearance_h", SEEN_LAYER,
          "The clearance hours an inspection adds to compliant goods, compared within each "
          "port and direction (never pooled across ports, whose inspection rates and speeds "
          "differ): there, the mean clearance time of the cohort's compliant declarations "
          "released after a scan, exam or quarantine check less that of those released "
          "without one; averaged over the ports and directions that have both, weighted by "
          "their inspected ones (`_port_<port>`: that port's two directions; "
          "`burden_clearance_h_goods`: the goods ports'). Counted with "
          "the hidden truth, as `burden_share`.",
          ("port",)),
    Entry("burden_clearance_h_goods", SEEN_LAYER,
          "`burden_clearance_h` of the goods ports alone, every port but the post and express "
          "hubs, whose many inspected parcels (minutes each) dominate the pooled figure: the "
          "hours an inspection adds to compliant goods declarations. Only where a post or "
          "express hub runs beside goods ports."),
]
