"""Reforms that move work from before release to after it (the ``[after_release]`` section,
:mod:`sim.scenario.after_release`): two-step declaration, two-step processing and release
before test. Each sets an uptake by trader class; the flow's steps after release
(:mod:`sim.model.steps.after`) do the rest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import at, dist_mean, ports
from sim.reforms.reform import Changes, Param, Reform

_AEO = ("aeo_advanced", "aeo_general")


def _by_class(s: Mapping[str, Any]) -> dict[str, float]:
    """AEOs at ``uptake``, general traders at ``general_uptake``, discredited traders never."""
    return {**{k: s["uptake"] for k in _AEO}, "general": s["general_uptake"]}


def _two_step_declaration(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    return {"after_release.two_step_declaration.uptake": _by_class(s)}


def _duty_waits(data: dict[str, Any]) -> bool:
    """Whether any import waits for its duty payment: the scenario's wait or a port's own
    (``ports.<port>.duty_payment``, which replaces it at that port)."""
    national = at(data, "after_release.duty_payment")
    waits = [p.get("duty_payment") for _, p in ports(data)]
    waits = [national if w is None else w for w in waits]
    return any(w is not None and dist_mean(w) > 0 for w in waits)


def _no_duty_wait(data: dict[str, Any], s: Mapping[str, Any]) -> str:
    """Two-step declaration skips the wait for the duty payment and costs a guarantee: with
    neither a wait nor a guarantee fee it can do nothing."""
    fee = at(data, "costs.trader.guarantee_fee") or 0.0
    if not _duty_waits(data) and fee == 0:
        return (
            "no wait for duty payment to skip (after_release.duty_payment is 0 h) and no "
            "guarantee fee (costs.trader.guarantee_fee), so release comes no earlier and "
            "nothing costs more"
        )
    return ""


def _fee_only(data: dict[str, Any], s: Mapping[str, Any]) -> str:
    """With no wait for the duty payment but a guarantee fee, two-step declaration can only
    cost: said, so that a cost with no gain is not read as the reform's whole effect."""
    if not _duty_waits(data):
        return (
            "no wait for duty payment to skip (after_release.duty_payment is 0 h), so release "
            "comes no earlier: only the guarantee fee (costs.trader.guarantee_fee) acts"
        )
    return ""


def _two_step_processing(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    if not any(port.get("document_check") is not None for _, port in ports(data)):
        return {}  # (no document check to move after release)
    return {"after_release.two_step_processing.uptake": {"*": s["uptake"]}}


def _release_before_test(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    if not any(at(port, "quarantine.lab") is not None for _, port in ports(data)):
        return {}  # (no laboratory whose result goods could be released before)
    return {"after_release.release_before_test.uptake": _by_class(s)}


def _risk_audit(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    return {"enforcement.audit.targeting": "risk", "enforcement.audit.auc": s["auc"]}


def _no_audit(data: dict[str, Any], s: Mapping[str, Any]) -> str:
    audit = data["enforcement"].get("audit") or {}
    if not audit.get("share"):
        return "the scenario audits no declaration (enforcement.audit.share = 0)"
    if not any(v > 0 for v in (audit.get("finds") or {}).values()):
        return "the audit finds nothing it picks (enforcement.audit.finds)"
    return ""


REFORMS = [
    Reform(
        "two_step_declaration",
        "an outline declaration gets imports released without waiting for the duty payment; "
        "the full declaration and tax follow within 14 days against a guarantee",
        _two_step_declaration,
        (
            "GAC Announcement [2019] No. 127: pilot from 24 Aug 2019; full declaration within "
            "14 days; dutiable goods need a tax guarantee (china-figures.md §3.2)",
            "assumption: uptake by class (the share using two-step was not found; reported "
            "as single-digit %, which china-2017.toml uses: 0.1 / 0.05); the defaults show "
            "the reform at wide uptake; discredited traders excluded",
            "assumption: general_uptake, as uptake above",
        ),
        {
            "uptake": Param(1.0, "share of AEOs' import declarations lodged in two steps"),
            "general_uptake": Param(0.5, "share of general traders' import declarations"),
        },
        idle=_no_duty_wait,
        partial=_fee_only,
    ),
    Reform(
        "two_step_processing",
        "security and quarantine checks stay before release; the document (tax) review moves "
        "after release, to post-clearance review, where undervaluation is found or missed",
        _two_step_processing,
        (
            "2017 national clearance integration: security-access risk check before release, "
            "tax review after release (published-figures.md §2.7)",
            "assumption: uptake",
        ),
        {"uptake": Param(1.0, "share of document checks moved after release")},
    ),
    Reform(
        "release_before_test",
        "low-risk goods sampled for the laboratory are released before the result and "
        "recalled if it fails; goods already sold are not recovered. What the on-site check "
        "itself finds (the goods, their certificates and cold-chain papers) still holds them "
        "at the border: only what the laboratory alone finds is recalled (one draw finds "
        "the goods, a second says whether the on-site check or the laboratory made the find)",
        _release_before_test,
        (
            "assumption: release before test for low-risk goods, a design option (the seed "
            "paper does not describe it; no published figure was found)",
            "assumption: uptake by class (low risk: AEOs), the recall time and the time to "
            "sell (the [after_release.release_before_test] section)",
            "assumption: general_uptake, as uptake above",
        ),
        {
            "uptake": Param(1.0, "share of AEOs' sampled goods released before the result"),
            "general_uptake": Param(0.0, "share of general traders' sampled goods"),
        },
    ),
    Reform(
        "risk_based_audit",
        "the post-clearance audit picks declarations by a risk score instead of at random: "
        "as many compliant declarations audited as before (enforcement.audit.share of "
        "them), the illicit ones picked more often by the score's AUC, so the audit finds "
        "more undervaluation for about the same work (audits_per_year counts the few more)",
        _risk_audit,
        (
            "assumption: post-clearance audit selected by risk, a design option (the seed "
            "paper does not describe it)",
            "assumption: auc (no published AUC of audit selection was found)",
        ),
        {"auc": Param(0.75, "AUC of the post-clearance risk score", 0.5, 0.999)},
        requires=("enforcement",),
        idle=_no_audit,
    ),
]
