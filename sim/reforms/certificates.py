"""Electronic certificates: the exporting country's quarantine certificates (phytosanitary,
veterinary, health) exchanged electronically between authorities, so the quarantine officer
no longer verifies a paper original at the on-site check (the seed paper's "international
networking of electronic certificates")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import ports, rounded, scaled
from sim.reforms.reform import Changes, Param, Reform


def _electronic(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Every port's quarantine check shorter on average by the share of its time spent on the
    paper certificate, for the covered share of the goods checked."""
    factor = 1 - s["coverage"] * s["verify_share"]
    return {
        f"ports.{name}.quarantine.check": rounded(scaled(port["quarantine"]["check"], factor))
        for name, port in ports(data)
        if port.get("quarantine") is not None
    }


CERTIFICATES = [
    Reform(
        "electronic_certificates",
        "the exporting country's quarantine certificates reach customs electronically from "
        "the issuing authority: for the covered share of goods the quarantine officer no "
        "longer verifies a paper original, so each port's on-site quarantine check is shorter "
        "on average by coverage x verify_share (its officers freed as much)",
        _electronic,
        (
            "seed paper: 'international networking of electronic certificates' and "
            "'electronic certificate cooperation' under Smart Sharing",
            "assumption: coverage and verify_share (no published figure was found)",
        ),
        {
            "coverage": Param(
                0.5, "share of quarantine-checked goods whose certificate arrives electronically"
            ),
            "verify_share": Param(
                0.2, "share of the on-site quarantine check spent verifying the paper certificate"
            ),
        },
    ),
]
