"""Draws of the checks: documents, scan, image review, exam, quarantine and laboratory."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.model import order_samples, truth
from sim.model.draws.base import box_times, declare, service_times
from sim.model.registry import Context

# --- checks ------------------------------------------------------------------------------


@declare("doc_time", 17)
def _doc_time(x: Context, u: np.ndarray) -> np.ndarray:
    return service_times(x, x.port.document_check, u)


@declare("scan_time", 18)
def _scan_time(x: Context, u: np.ndarray) -> np.ndarray:
    """Scanning all the declaration's containers (the service time is per box)."""
    scanners = x.port.scan.scanners if x.port.scan else None
    return box_times(x, scanners.service if scanners else None, u)


def _image(x: Context) -> Any:
    return x.port.scan.image_review if x.port.scan else None


@declare("ai_read", 19, "bool")
def _ai_read(x: Context, u: np.ndarray) -> np.ndarray:
    ir = _image(x)
    return u < (ir.ai_share if ir else 0.0)


@declare("ai_clear", 20, "bool")
def _ai_clear(x: Context, u: np.ndarray) -> np.ndarray:
    """AI clears the image (if it reads it); an image that shows illicit goods less often."""
    ir = _image(x)
    return truth.ai_clears(x, u, ir.ai_clear if ir else 0.0)


@declare("image_time", 21)
def _image_time(x: Context, u: np.ndarray) -> np.ndarray:
    """An officer reading the images of all the declaration's containers (per image)."""
    ir = _image(x)
    return box_times(x, ir.officers.service if ir else None, u)


@declare("refer", 22, "bool")
def _refer(x: Context, u: np.ndarray) -> np.ndarray:
    """An officer who reads the image refers the goods to a physical exam."""
    ir = _image(x)
    return truth.officer_refers(x, u, ir.refer if ir else 0.0)


@declare("move", 23)
def _move(x: Context, u: np.ndarray) -> np.ndarray:
    """Moving the declaration's containers from the yard to the bay."""
    return box_times(x, x.port.exam.move if x.port.exam else None, u)


@declare("exam_time", 24)
def _exam_time(x: Context, u: np.ndarray) -> np.ndarray:
    """The examination of all the declaration's containers."""
    return box_times(x, x.port.exam.duration if x.port.exam else None, u)


@declare("quarantine_time", 25)
def _quarantine_time(x: Context, u: np.ndarray) -> np.ndarray:
    """The quarantine check of all the declaration's containers (per box)."""
    q = x.port.quarantine
    return box_times(x, q.check if q else None, u)


@declare("sample", 26, "bool")
def _sample(x: Context, u: np.ndarray) -> np.ndarray:
    """The quarantine check sends a sample: the port's share, or a control order's for the
    goods it covers (:mod:`sim.model.order_samples`)."""
    q = x.port.quarantine
    return order_samples.sampled(x, u, q.sample_share if q else 0.0)


@declare("incubation", 27)
def _incubation(x: Context, u: np.ndarray) -> np.ndarray:
    """This sample's draw of the turnaround of the lab test its commodity needs; a batch
    runs for its first sample's draw (one run, one incubation), so for the others ``lab_end -
    lab_start - incubation`` (the wait for the cut-off, plus the batch's incubation, minus
    this draw) can be negative."""
    q = x.port.quarantine
    lab = q.lab if q else None
    out = x.times(lab.incubation if lab else None, u)
    if lab is not None and lab.tests:
        tests = [x.scenario.commodities[k].lab_test for k in x.commodities]
        for name, dist in lab.tests.items():
            rows = np.isin(x.values["commodity"], [i for i, t in enumerate(tests) if t == name])
            out[rows] = dist.ppf(u[rows])
    return out


@declare("clearance_form", 28)
def _form(x: Context, u: np.ndarray) -> np.ndarray:
    q = x.port.quarantine
    return x.times(q.clearance_form if q else None, u)


declare("exam_finds", 29, "bool")(truth.exam_finds)
declare("quarantine_finds", 30, "bool")(truth.quarantine_finds)
declare("pest_treated", 54, "bool")(truth.pest_treated)
declare("audit_finds", 55, "bool")(truth.audit_finds)
declare("audit_lag", 56)(truth.audit_lag)
