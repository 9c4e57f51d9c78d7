"""Reforms of declaration and clearance practice: single window, one declaration / one
inspection / one release and its parts, advance declaration, fewer certificates, ship-side
pick-up and loading on arrival, examinations without the trader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import at, dist_mean, ports, scaled, shares_toward
from sim.reforms.reform import Changes, Param, Reform

_MERGER = (
    "'one declaration, one inspection, one release': inspection & quarantine operate as customs "
    "from 20 April 2018 (english.customs.gov.cn, published-figures.md CIQ merger)"
)


def _lodging(data: dict[str, Any], factor: float) -> Changes:
    """Every port's (and its exports') lodging delay times ``factor``."""
    out: Changes = {}
    for name, port in ports(data):
        out[f"ports.{name}.declaration.lodging_delay"] = scaled(
            port["declaration"]["lodging_delay"], factor
        )
        own = at(port, "exports.lodging_delay")
        if own is not None:
            out[f"ports.{name}.exports.lodging_delay"] = scaled(own, factor)
    return out


def _single_window(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    out = _lodging(data, 1 - s["uptake"] * s["preparation_cut"])
    out["declaration.second_submission"] = 0.0
    return out


def _clearance_form(data: dict[str, Any], value: Any) -> Changes:
    return {
        f"ports.{name}.quarantine.clearance_form": value
        for name, port in ports(data)
        if port.get("quarantine") is not None
    }


def _joint(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    return {
        "declaration.mode": "single",
        "inspection.mode": "joint",
        **_clearance_form(data, 0.0),
    }


def _separate(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    return {
        "declaration.mode": "separate",
        "inspection.mode": "separate",
        "declaration.second_submission": {"dist": "lognormal", "mean": s["second_h"], "cv": 1.0},
        **_clearance_form(data, {"dist": "lognormal", "mean": s["form_h"], "cv": 1.0}),
    }


def _advance(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    out: Changes = {}
    for name, port in ports(data):
        share = port["declaration"]["advance_share"]
        out[f"ports.{name}.declaration.advance_share"] = shares_toward(share, s["uptake"])
        own = at(port, "exports.advance_share")
        if own is not None:
            out[f"ports.{name}.exports.advance_share"] = shares_toward(own, s["uptake"])
    return out


def _no_time_to_gain(data: dict[str, Any], s: Mapping[str, Any]) -> str:
    """Advance declaration lodges a declaration its lead before arrival instead of its
    lodging delay after: where every lead and every delay is 0 h (imports' and exports'),
    both lodge on arrival, so more advance declarations change nothing."""
    times = []
    for _, port in ports(data):
        own = port["declaration"]
        times += [own["advance_lead"], own["lodging_delay"]]
        if port.get("exports") is not None:
            times += [at(port, f"exports.{k}") or own[k] for k in ("advance_lead",
                                                                   "lodging_delay")]
    if any(dist_mean(t) > 0 for t in times):
        return ""
    return (
        "no port lodges before or after arrival (every declaration.advance_lead and "
        "lodging_delay is 0 h), so a declaration lodged in advance is lodged on arrival, as "
        "one lodged after it: nothing comes earlier"
    )


def _pickup(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    direct = {"share": s["eligible"] * s["uptake"], "time": s["minutes"] / 60}
    return {f"ports.{name}.release.direct": direct for name, _ in ports(data, "sea")}


def _loading(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    direct = {"share": s["eligible"] * s["uptake"], "time": s["minutes"] / 60}
    return {
        f"ports.{name}.exports.loading.direct": direct
        for name, port in ports(data, "sea")
        if at(port, "exports.loading") is not None
    }


def _no_attendance(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    return {
        f"ports.{name}.exam.trader_attendance.share": port["exam"]["trader_attendance"]["share"]
        * (1 - s["uptake"])
        for name, port in ports(data)
        if port.get("exam") is not None
    }


UPTAKE = Param(1.0, "share of traders (declarations) that use it")

REFORMS = [
    Reform(
        "single_window",
        "one submission portal: traders who use it prepare faster and never lodge a second "
        "declaration (second_submission 0); at every port, imports and exports alike, a post "
        "hub's parcels too",
        _single_window,
        (
            "International Trade Single Window: 80 % of main customs business through it by "
            "end-2018, 100 % by end-2020 (china-figures.md §3.3)",
            "assumption: preparation_cut, the share of a user's preparation time the portal saves",
            "assumption: uptake 1 (every trader), the end-2020 target: no realised share was "
            "found (china-figures.md §3.3 gives the targets only). The targets bound 2019, "
            "the default's year, to 0.8-1; for 2017, over 100,000 declarations a day in "
            "Nov 2017 (25-36 million a year) against about 78 million goods declarations "
            "(china-figures.md §4.1) give about 0.3-0.5, if all were goods declarations; "
            "the tornado tries 0.3 to 1",
        ),
        {
            "uptake": UPTAKE,
            "preparation_cut": Param(0.2, "share of preparation time saved by a user"),
        },
    ),
    Reform(
        "joint_inspection",
        "one declaration, one inspection, one release: one selection, one move and one queue "
        "for statutory goods, no quarantine clearance form",
        _joint,
        (_MERGER,),
        structural=True,
    ),
    Reform(
        "separate_inspection",
        "practice before 2018 (the inverse of joint_inspection): statutory goods get a second "
        "declaration and selection, a second move and queue, and a clearance form",
        _separate,
        (
            "practice before the merger of 20 April 2018 (china-figures.md)",
            "assumption: second_h and form_h, the mean times of the second declaration and "
            "the form",
        ),
        {
            "second_h": Param(4.0, "mean hours to lodge the second declaration", 0, 240),
            "form_h": Param(8.0, "mean hours to issue the clearance form", 0, 240),
        },
    ),
    Reform(
        "merged_inspection",
        "customs and quarantine examine statutory goods jointly: one move, one queue",
        lambda d, s: {"inspection.mode": "joint"},
        (_MERGER,),
        structural=True,
    ),
    Reform(
        "cancel_clearance_form",
        "customs releases statutory goods without waiting for a quarantine clearance form",
        lambda d, s: _clearance_form(d, 0.0),
        (
            "entry/exit clearance form cancelled 1 June 2018 (the reform timeline's date; the "
            "notice itself was not found in the research notes)",
        ),
    ),
    Reform(
        "integrated_declaration",
        "one declaration for customs and inspection & quarantine: one selection, no second "
        "submission",
        lambda d, s: {"declaration.mode": "single", "declaration.second_submission": 0.0},
        (
            "integrated declaration form from 1 August 2018 (cosmetic.chemlinked.com, "
            "published-figures.md)",
        ),
    ),
    Reform(
        "advance_declaration",
        "more traders lodge before the goods arrive: advance_share moves the share uptake of "
        "its distance to 1 (0.6 at uptake 0.5 becomes 0.8)",
        _advance,
        (
            "GAC Order 243 art. 18: declaration up to 3 days before arrival "
            "(china-figures.md §3.1)",
            "assumption: uptake (no share of declarations lodged in advance was found, by "
            "year or port: china-figures.md §3.1)",
        ),
        {"uptake": Param(0.5, "share of the traders now lodging after arrival who switch")},
        idle=_no_time_to_gain,
    ),
    Reform(
        "reduce_certificates",
        "fewer regulatory documents to collect: preparation shorter by the removed share of "
        "the time spent on certificates",
        lambda d, s: _lodging(d, 1 - s["removed"] * s["certificate_time"]),
        (
            "regulatory certificates 86 (2017) to 48 (Nov 2018) to 41 (2020) (scio.gov.cn, "
            "china-figures.md)",
            "assumption: certificate_time, the share of preparation spent collecting them",
            "removed: 45 of the 86 certificates, the cut from 2017 to 2020 above",
        ),
        {
            "removed": Param(45 / 86, "share of documents removed"),
            "certificate_time": Param(0.3, "share of preparation time spent on certificates"),
        },
    ),
    Reform(
        "direct_pickup",
        "ship-side pick-up on arrival at sea ports: signed-up importers whose goods are not "
        "inspected collect in minutes instead of their usual hours (release.direct); the "
        "others pick up as before",
        _pickup,
        (
            "Shenzhen ship-side direct lift: unloading to pick-up 4-6 h to 5-8 min (eneltec "
            "page, published-figures.md); a user's pick-up time: 8 min, its upper end",
            "assumption: eligible share",
            "assumption: uptake; minutes: the 8 min above",
        ),
        {
            "eligible": Param(0.3, "share of declarations eligible (they use it if not inspected)"),
            "uptake": UPTAKE,
            "minutes": Param(8.0, "pick-up time of a user, minutes", 0, 600),
        },
    ),
    Reform(
        "direct_loading",
        "loading on arrival for exports at sea ports: signed-up exporters whose goods are not "
        "inspected need minutes of lead before the vessel instead of the cut-off "
        "(exports.loading.direct); the others load as before",
        _loading,
        (
            "Shenzhen direct loading: port dwell 3-4 days to 2 h (eneltec page, "
            "published-figures.md); a user's lead before its vessel: the 2 h",
            "assumption: eligible share",
            "assumption: uptake; minutes: the 2 h above",
        ),
        {
            "eligible": Param(0.3, "share of declarations eligible (they use it if not inspected)"),
            "uptake": UPTAKE,
            "minutes": Param(120.0, "lead a user needs, minutes", 0, 600),
        },
    ),
    Reform(
        "exam_without_trader",
        "examinations go ahead without the trader present: no wait for attendance",
        _no_attendance,
        (
            "the reform list of the design (no published figure found): assumption",
            "assumption: uptake",
        ),
        {"uptake": UPTAKE},
    ),
]
