"""The risk engine: a dynamic selector that scores declarations and inspects the riskiest.

**Score.** Every consignment gets a score from its declared attributes only -- an additive
prior by commodity, origin, trader class, direction and port (``[risk.prior]``; by default
plus the probit of the selection tables' inspection probability of an ordinary trader's goods
of that commodity at that port, i.e. the tables' risk profile) -- plus noise that follows the
binormal model: compliant goods N(0, 1), goods illicit of type t N(d_t, 1), with
d_t = sqrt(2) * Phi^-1(AUC_t), so that within any cell of declared attributes the score
separates type t from compliant goods with area under the ROC curve AUC_t. The noise is
Phi^-1 of the consignment's own uniform (``SelectionInput.score_u``: common random numbers);
the hidden truth (``SelectionInput.illicit``) is used to draw the noise and for nothing else.
(Without ``score_u`` -- before the requirement table carries it -- the low-order part of the
physical-exam uniform stands in; the random-selection draw is always the low-order part of
the document uniform, independent of its leading part to within 2^-24.)
``learning`` raises each AUC in force (``current_auc``) with the labelled outcomes observed;
hook ``local_auc(port, type, origins)``: locally known risks, the organisation's bonus added.

**Threshold.** Per port and direction, a threshold is recomputed every ``refresh`` hours as
a quantile of the last ``window`` scores of ordinary declarations (trader classes without a
credit rule), so that their inspection rate holds the target as prevalence or the mix shift.
A share ``random_share`` of the target is met by random selection (exploration; China's
"double random"): each consignment is drawn with probability rho = share x target whatever its
score, the score selects the top q = (target - rho) / (1 - rho), together the target.
The threshold follows the window: it lags any change shorter than the time the window
takes to fill (an alert's raise, a burst of one commodity), and where a run decides fewer
ordinary declarations than ``window`` it never forgets the start. Alerts raise scores above
it until it adapts, so the achieved rate can sit above the target; the report
(:meth:`RiskEngine.report`, ``RunResult.risk``) shows it, and a run warns when it misses by
more than sampling noise explains (:func:`sim.model.risk_report.misses`).

**Credit rules, as rules** (:mod:`sim.model.risk_rules`): a cap for advanced AEOs, a floor for
discredited traders. **What the selection means**: see :mod:`sim.model.risk_parts`.

**Alerts.** A ``found`` observation (:meth:`RiskEngine.observe`) raises, at each receiving
port, from its receipt time on (``receipt(seizure_port, port, t)``, by default t + ``delay``
within ``scope``), the scores of consignments with the seizure's declared signature (commodity
and origin, optionally class) by ``boost``, decaying linearly to 0 over ``window``. A
smuggling patrol's catch outside the ports raises the same alert on the group's declared
signature (``alert.patrols``; a seizure at no port: national scope only, not through an
organisation).

**Smart sharing** (``[risk.partners.<origin>]``, :mod:`sim.model.sharing`): for the
declarations a partner customs' data covers, a higher AUC and fewer document checks
(electronic certificates); the partner's seizures arrive as alerts on (commodity, origin), from
a stream of their own, after a delay.

**Throttling** (``[risk.throttle]``, optional): when a port's exam queue (the World hands the
engine ``queue_length``: consignments waiting at its exam yard for a bay, movers or a team) is
longer than ``queue``, its target is scaled by queue / length, at least ``min_share`` of it;
the credit floors still hold (:mod:`sim.model.risk_throttle`, which keeps what it read).

**State at most ``refresh`` old.** Decisions are taken at the start of the ``refresh``
interval of each assessment, or, for a declaration that asks for officer review in that
interval, when its review is booked (:mod:`sim.model.decisions`): never after the assessment;
the threshold, the throttle and the learned AUC are recomputed at the first decision of each
interval, alerts count from their receipt up to the interval's start.
(While a window holds fewer than ``MIN_FILL`` scores, the threshold is recomputed on every
block from the window and the block.) The credit rules use the running counts of the
decisions before, which is fresher still.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import ndtri

from sim.model.registry import SPLIT
from sim.model.risk_auc import AucTally
from sim.model.risk_block import outcomes, prepare, select_block
from sim.model.risk_eras import apply_settings, dated_settings
from sim.model.risk_one import select_one, select_row
from sim.model.risk_parts import MIN_FILL, Alerts, CheckMix, Ledger, Receipt
from sim.model.risk_prior import prior, separation
from sim.model.risk_reasons import ReasonTally
from sim.model.risk_report import report, thresholds
from sim.model.risk_rules import Reference
from sim.model.risk_throttle import ThrottleReadings
from sim.model.risk_window import Threshold, Window
from sim.model.selection import Observation, SelectionInput
from sim.model.sharing import Sharing
from sim.scenario.risk import DEFAULT_AUC
from sim.scenario.schema import DIRECTIONS, ILLICIT, TRADER_CLASSES, Scenario

#: a port's exam-queue length now
QueueLength = Callable[[str], float]
#: locally known risks: (port, illicit code, origins) -> AUC per consignment
LocalAuc = Callable[[str, int, np.ndarray], np.ndarray]


class RiskEngine:
    """Scores, a threshold that holds a target inspection rate, the credit rules, alerts.

    ``receipt``: when a port receives a seizure's alert (the organisation's hook);
    ``queue_length``: a port's exam-queue length now (for throttling); ``local_auc``: the
    AUC of a type by port and origin (locally known risks).
    """

    dynamic = True

    def __init__(
        self,
        scenario: Scenario,
        *,
        receipt: Receipt | None = None,
        queue_length: QueueLength | None = None,
        local_auc: LocalAuc | None = None,
        seed: np.random.SeedSequence | None = None,
    ):
        if scenario.risk is None:
            raise ValueError(f"scenario {scenario.name!r} has no [risk] section")
        self.cfg = cfg = scenario.risk
        self.refresh = cfg.refresh
        self.queue_length, self.local_auc = queue_length, local_auc
        self.ports = list(scenario.ports)
        self.base_auc = np.array([cfg.auc.get(t, DEFAULT_AUC) for t in ILLICIT])
        self.labels = 0
        self.current_auc = self.base_auc  #: each type's AUC in force: learned, or the base
        self.d = np.concatenate([[0.0], separation(self.current_auc)])  # by truth code
        self.mix = {p: CheckMix(scenario, p) for p in self.ports}
        self.prior = {p: prior(cfg.prior, scenario, p) for p in self.ports}
        self.caps = {TRADER_CLASSES.index(k): v for k, v in cfg.caps.items()}
        self.floors = {TRADER_CLASSES.index(k): v for k, v in cfg.floors.items()}
        ruled = np.zeros(len(TRADER_CLASSES), bool)
        ruled[list(self.caps) + list(self.floors)] = True
        self.ruled = {p: ruled & cfg.rules_at(p) for p in self.ports}
        keys = [(p, d) for p in self.ports for d in range(len(DIRECTIONS))]
        self.windows = {k: Window(cfg.window) for k in keys}
        self.state = {k: (math.inf, math.inf, 0.0) for k in keys}
        self.next_refresh = dict.fromkeys(keys, -math.inf)
        #: each port-direction's inspection and document-check thresholds
        self.quantiles = {k: (Threshold(), Threshold()) for k in keys}
        self.trace: list[tuple[float, str, str, float, float, int]] = []
        self.ledger = Ledger(self.ports)  # every decision: the credit rules' running counts
        self.reference = Reference(self.ports, cfg.window)  # the recent 'general' rate
        self.counted = Ledger(self.ports)  # the cohort's decisions: what the report shows
        self.auc = AucTally(self.ports)  # the cohort's decided scores: the achieved AUC
        self.reasons = ReasonTally(self.ports)  # the cohort's inspections by reason
        self.throttle = ThrottleReadings(self.ports)  # what a throttle read of the exam queues
        self.buckets = {
            p: dict.fromkeys(list(self.caps) + list(self.floors), 0.0) for p in self.ports
        }
        self.alerts = Alerts(scenario, cfg, receipt)
        self.sharing = Sharing(scenario, seed) if cfg.partners else None
        self.alerts.sharing = self.sharing
        self.dated = dated_settings(self, scenario, seed) if scenario.timeline else []
        self.in_force = 0

    # -- the score ------------------------------------------------------------------------
    def score(self, block: SelectionInput) -> np.ndarray:
        """Each consignment's score: prior + binormal noise + alert raise."""
        if self.dated:
            self.use_settings(block.now)
        return self._alerted(block, self._score_before_alerts(block))

    def _score_before_alerts(self, block: SelectionInput) -> np.ndarray:
        port, com, org, cls = block.port, block.commodity, block.origin, block.trader_class
        u = block.score_u if block.score_u is not None else block.uniforms["physical"] * SPLIT % 1
        s = self.prior[port][block.direction, com, org, cls] + ndtri(np.clip(u, 1e-12, 1 - 1e-12))
        truth = block.illicit
        if truth is not None and truth.any():
            d = self._separation(port, truth.astype(int), org)
            if self.sharing is not None:  # partners' data: better scores for their origins
                d = self.sharing.separation(port, d, truth, org, block.uniforms["scan"])
            s = s + d
        return np.asarray(s)

    def _alerted(self, block: SelectionInput, s: np.ndarray, code: Any = None) -> np.ndarray:
        """Scores ``s`` raised by the alerts in force (``code``: the rows' signatures)."""
        boost = self.alerts.boost(block.port, block.now)
        if boost is None:
            return s
        if code is None:
            code = self.alerts.code(block.port, block.commodity, block.origin, block.trader_class)
        up = boost[code]
        raised = up > 0 if block.cohort is None else (up > 0) & block.cohort
        if np.count_nonzero(raised):
            self.counted.add_raised(block.port, block.direction, block.trader_class, raised)
        return np.asarray(s + up)

    def _separation(self, port: str, truth: np.ndarray, origin: np.ndarray) -> np.ndarray:
        d = self.d[truth]
        if self.local_auc is not None:
            for t in np.unique(truth[truth > 0]).tolist():
                rows = truth == t
                d[rows] = separation(self.local_auc(port, t, origin[rows]))
        return np.asarray(d)

    # -- the threshold ----------------------------------------------------------------------
    def _refresh(self, key: tuple[str, int], now: float, fresh: np.ndarray) -> None:
        """Recompute a port-direction's thresholds from its window (at a refresh instant;
        while the window is short, on every block, with the block's own scores)."""
        port, direction = key
        window = self.windows[key]
        scores = window.scores()
        filling = window.n < MIN_FILL
        if filling:
            scores = np.concatenate([scores, fresh])
        elif now < self.next_refresh[key]:
            return
        target = self.cfg.target_at(port, direction) * self._throttle(port)
        rho = self.cfg.random_share * target
        q = (target - rho) / (1 - rho) if rho < 1 else 0.0
        doc = self.cfg.document
        inspect, document = self.quantiles[key]
        if filling:
            doc_thr = math.inf if doc == "table" else document(scores, doc.of(direction))
            self.state[key] = (inspect(scores, q), doc_thr, rho)
        else:  # (from the window's tails)
            doc_thr = math.inf if doc == "table" else document.of_window(window, doc.of(direction))
            self.state[key] = (inspect.of_window(window, q), doc_thr, rho)
        if self.refresh > 0:
            self.next_refresh[key] = (math.floor(now / self.refresh) + 1) * self.refresh
        if self.cfg.learning is not None:
            self._learn()
        if not filling:
            self.trace.append(
                (now, port, DIRECTIONS[direction], target, self.state[key][0], window.n)
            )

    def _throttle(self, port: str) -> float:
        th = self.cfg.throttle
        if th is None or self.queue_length is None:
            return 1.0
        return self.throttle.factor(th, port, self.queue_length(port))

    def _learn(self) -> None:
        lc = self.cfg.learning
        assert lc is not None
        base = np.minimum(self.base_auc, lc.auc_max)
        auc = lc.auc_max - (lc.auc_max - base) * math.exp(-self.labels / lc.labels)
        self.current_auc = np.maximum(auc, self.base_auc)
        self.d = np.concatenate([[0.0], separation(self.current_auc)])

    # -- the decision -----------------------------------------------------------------------
    def select(
        self, block: SelectionInput, prepared: np.ndarray | None = None
    ) -> dict[str, np.ndarray]:
        """Inspect (scan, physical, quarantine) and document-check decisions of a block
        (``prepared``: its rows' :meth:`prepare`, if made when they were)."""
        if self.dated:
            self.use_settings(block.now)
        if len(block.commodity) == 1:
            out = select_one(self, block)
        else:
            out = self._select_block(block, prepared)
        if self.sharing is not None:  # electronic certificates from partner customs
            table = None
            if self.cfg.document == "table":
                table = self.mix[block.port].document[block.commodity, block.trader_class]
            out["document"] = self.sharing.documents(
                block.port, block.origin, block.uniforms, out["document"], table
            )
        return out

    def _select_block(
        self, block: SelectionInput, prepared: np.ndarray | None = None
    ) -> dict[str, np.ndarray]:
        return select_block(self, block, prepared)

    def prepare(self, block: SelectionInput) -> np.ndarray | None:
        """What of each consignment's decision does not depend on the state of the run,
        worked out when the block is made (see :func:`sim.model.risk_block.prepare`)."""
        return prepare(self, block)

    def outcomes(self, block: SelectionInput) -> list[dict[str, np.ndarray]]:
        """The decisions each consignment may get, whatever the state of the run (see
        :func:`sim.model.risk_block.outcomes`)."""
        return outcomes(self, block)

    # -- dated settings (a timeline's changes to [risk]) -------------------------------------
    def use_settings(self, now: float) -> None:
        """Put in force the settings of the era ``now`` falls in (a decision's time)."""
        era = bisect.bisect_right([t for t, _ in self.dated], now) - 1
        if era != self.in_force:
            self.in_force = era
            apply_settings(self, self.dated[era])

    # -- outcomes and reports ---------------------------------------------------------------
    def observe(self, obs: Observation) -> None:
        """An outcome known at ``obs.time``: a label (for learning) and, if found, an alert."""
        self.labels += 1
        if obs.found:
            self.alerts.add(obs)

    def select_row(
        self,
        port: str,
        now: float,
        row: list[float],
        u: tuple[float, float, float],
        prepared: Sequence[float] | None = None,
        cohort: bool = True,
    ) -> tuple[bool, bool, bool, bool] | None:
        """One declaration's decision from its requirement row, in scalars (``prepared``: its
        row of :meth:`prepare`, if made; see :func:`sim.model.risk_one.select_row`)."""
        return select_row(self, port, now, row, u, prepared, cohort)

    def report(self) -> pd.DataFrame:
        """The cohort's decisions, inspections and inspection rate per port, direction and
        class (see :func:`sim.model.risk_report.report`)."""
        return report(self)

    def thresholds(self) -> pd.DataFrame:
        """The threshold at each refresh instant, per port and direction (a time series)."""
        return thresholds(self)

    def metrics(self) -> dict[str, float]:
        """The AUC it achieved, its throttle's readings, with a timeline its alerts by period."""
        tally = self.alerts.tally
        alerts = tally.metrics() if tally is not None else {}
        return {**self.auc.metrics(), **self.throttle.metrics(), **alerts}
