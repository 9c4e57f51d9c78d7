"""The risk engine (sim/model/risk.py): the target rate holds, random selection is blind to the
truth, a better score finds more, the credit rules hold, alerts act on exactly their signature
and only after they arrive, and the threshold follows prevalence.

Most tests drive the engine alone with synthetic blocks (fast); a few run short simulations.
Statistical tolerances are four standard errors (binomial, plus the error of a quantile taken
over the window where the threshold matters), so a correct engine fails about once in 16,000.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sim
from sim.model.draws import REQUIREMENTS, R
from sim.model.risk import RiskEngine, separation
from sim.model.risk_rules import CAP_BANK
from sim.model.risk_window import Threshold, Window, threshold
from sim.model.selection import Observation, SelectionInput
from sim.model.world import World
from sim.scenario.loader import load_scenario
from sim.scenario.risk import RiskConfig
from sim.scenario.schema import ILLICIT, TRADER_CLASSES

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
DEFAULT = sim.default_scenario_path()
ORIGINS = {"ports.sea.traffic.origins": {"a": 0.5, "b": 0.5}}
BASE = {"target": 0.05, "random_share": 0.0, "window": 2000, "refresh": "1 h"}
GENERAL, AEO, DISCREDITED = (
    TRADER_CLASSES.index(k) for k in ("general", "aeo_advanced", "discredited")
)


def scenario(risk: dict | None = None) -> sim.Scenario:
    return sim.load_scenario(SMALL, {**ORIGINS, "risk": {**BASE, **(risk or {})}})


def engine(risk: dict | None = None, **kw) -> RiskEngine:
    return RiskEngine(scenario(risk), **kw)


def block(
    rng: np.random.Generator,
    n: int,
    now: float,
    *,
    classes: tuple[float, ...] = (0, 0, 1, 0),
    prevalence: float = 0.0,
    commodity: int | None = None,
    origin: int | None = None,
) -> SelectionInput:
    """``n`` declarations at port 'sea' (imports), classes drawn with weights ``classes``,
    illicit (of a random type) with probability ``prevalence``."""
    u = {c: rng.random(n) for c in ("document", "scan", "physical")}
    u["quarantine"] = u["physical"]  # one declaration: the engine's nesting
    cls = rng.choice(len(TRADER_CLASSES), n, p=np.asarray(classes) / sum(classes))
    com = rng.integers(0, 2, n) if commodity is None else np.full(n, commodity)
    org = rng.integers(0, 2, n) if origin is None else np.full(n, origin)
    bad = rng.random(n) < prevalence
    types = rng.integers(1, len(ILLICIT) + 1, n)
    return SelectionInput(
        port="sea",
        direction=np.zeros(n, int),
        commodity=com,
        trader_class=cls,
        value=np.ones(n),
        origin=org,
        uniforms=u,
        now=now,
        illicit=np.where(bad, types, 0),
        score_u=rng.random(n),
    )


def inspected(out: dict[str, np.ndarray]) -> np.ndarray:
    return out["scan"] | out["physical"] | out["quarantine"]


def four_se(p: float, n: float) -> float:
    return 4 * math.sqrt(p * (1 - p) / n)


# --- the target rate ----------------------------------------------------------------------
def test_the_achieved_inspection_rate_converges_to_the_target():
    """Interval test: after the window has filled, the share inspected is the target within
    four standard errors of the count and of the window's quantile."""
    target, window = 0.05, 2000
    e = engine({"target": target, "random_share": 0.1, "window": window})
    rng = np.random.default_rng(1)
    chosen = [inspected(e.select(block(rng, 100, float(h)))) for h in range(300)]
    late = np.concatenate(chosen[100:])
    tol = math.hypot(four_se(target, len(late)), four_se(target, window))
    assert late.mean() == pytest.approx(target, abs=tol)
    report = e.report().set_index("trader_class").loc["general"]
    assert report.inspected == sum(c.sum() for c in chosen)
    assert report.rate == pytest.approx(target, abs=tol)


def test_random_selection_picks_illicit_goods_at_its_rate():
    """All of the target by random selection: illicit goods are inspected at the rate r,
    however well the score would have found them."""
    r, auc = 0.1, dict.fromkeys(ILLICIT, 0.99)
    rng = np.random.default_rng(2)
    blocks = [block(rng, 200, float(h), prevalence=0.2) for h in range(100)]
    rates = {}
    for share in (1.0, 0.0):
        e = engine({"target": r, "random_share": share, "auc": auc})
        chosen = np.concatenate([inspected(e.select(b)) for b in blocks])
        bad = np.concatenate([b.illicit for b in blocks]) > 0
        rates[share] = chosen[bad].mean()
        if share == 1.0:
            assert chosen[bad].mean() == pytest.approx(r, abs=four_se(r, bad.sum()))
            assert chosen[~bad].mean() == pytest.approx(r, abs=four_se(r, (~bad).sum()))
    assert rates[0.0] > 3 * rates[1.0]  # the score, by contrast, finds them


def enforced(risk: dict, r: float, p: float) -> dict:
    """The small scenario with the engine selecting physical exams only (the tables' mix), goods
    carrying tobacco with probability 0.3 that an exam finds with probability p, no class
    rules, and lanes that never queue."""
    over = {
        **ORIGINS,
        "declaration.review_share": {},
        "selection": {"physical": {"*": {"*": 1.0}}},
        "enforcement.prevalence": {"tobacco": 0.3},
        "enforcement.by_commodity": {},
        "enforcement.detection.exam": {"tobacco": p},
        "ports.sea.exam.bays.capacity": 200,
        "ports.sea.exam.teams.capacity": 200,
        "ports.sea.exam.movers.capacity": 200,
        "ports.sea.exam.slots.capacity": "unlimited",
        "risk": {**BASE, "target": r, "caps": {}, "floors": {}, **risk},
    }
    return sim.simulate(sim.load_scenario(SMALL, over), 3).metrics()


def test_random_selection_detects_at_r_times_p():
    """Model level, all of the target by random selection: the detection rate of illicit goods
    is r x p (99.9 % Wilson interval)."""
    r, p = 0.3, 0.6
    m = enforced({"random_share": 1.0}, r, p)
    n = int(m["illicit_declarations"])
    k = round(m["detection_rate"] * n)
    z = 3.29
    centre = (k / n + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(k / n * (1 - k / n) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert n > 500
    assert centre - half <= r * p <= centre + half


def test_a_higher_auc_detects_more_at_the_same_inspection_rate():
    """Model level: the same consignments and target, a better score finds more."""
    low, high = (
        enforced({"auc": dict.fromkeys(ILLICIT, auc), "random_share": 0.1}, 0.1, 0.9)
        for auc in (0.6, 0.9)
    )
    assert high["detection_rate"] > low["detection_rate"] + 0.1
    assert abs(high["inspection_rate"] - low["inspection_rate"]) < 0.02


def test_a_higher_auc_never_lowers_the_share_of_illicit_goods_inspected():
    """Same consignments (common random numbers), same target: the share of illicit goods
    inspected grows with the AUC."""
    rng = np.random.default_rng(3)
    blocks = [block(rng, 200, float(h), prevalence=0.05) for h in range(80)]
    bad = np.concatenate([b.illicit for b in blocks[20:]]) > 0
    shares, rates = [], []
    for auc in (0.5, 0.6, 0.7, 0.8, 0.9, 0.97):
        e = engine({"target": 0.05, "random_share": 0.1, "auc": dict.fromkeys(ILLICIT, auc)})
        chosen = np.concatenate([inspected(e.select(b)) for b in blocks][20:])
        shares.append(chosen[bad].mean())
        rates.append(chosen.mean())
    assert all(b >= a for a, b in zip(shares, shares[1:], strict=False)), shares
    assert shares[-1] > 5 * shares[0]
    assert max(rates) - min(rates) < 0.01  # at the same inspection rate


def test_separation_is_the_binormal_one():
    assert separation(0.5) == 0
    assert separation(0.76) == pytest.approx(math.sqrt(2) * 0.7063, abs=1e-3)


# --- the credit rules ---------------------------------------------------------------------
CREDIT = scenario()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cap=st.floats(0, 1),
    floor=st.floats(0, 1),
    target=st.floats(0.005, 0.6),
    share=st.floats(0, 1),
    classes=st.tuples(*(st.floats(0.01, 1) for _ in TRADER_CLASSES)),
    sizes=st.lists(st.integers(1, 40), min_size=1, max_size=40),
    seed=st.integers(0, 2**32 - 1),
)
def test_the_aeo_cap_and_the_discredited_floor_hold_after_every_decision(
    cap, floor, target, share, classes, sizes, seed
):
    """Invariants, whatever the blocks and the settings: after every decision a discredited
    trader's running rate is at least the floor, and an advanced AEO's inspections are at most
    cap x the recent 'general' rate summed over its declarations; every consignment the engine
    counts as inspected gets a scan, physical or quarantine exam."""
    risk = RiskConfig.model_validate(
        {
            **BASE,
            "target": target,
            "random_share": share,
            "caps": {"aeo_advanced": cap},
            "floors": {"discredited": floor},
        }
    )
    e = RiskEngine(CREDIT.model_copy(update={"risk": risk}))
    rng = np.random.default_rng(seed)
    led, allowance = e.ledger, 0.0
    for h, n in enumerate(sizes):
        b = block(rng, n, h * 0.7, classes=classes, prevalence=0.1)
        before = led.inspected["sea"].sum()
        out = e.select(b)
        assert inspected(out).sum() == led.inspected["sea"].sum() - before
        dec, ins = led.decided["sea"].sum(axis=0), led.inspected["sea"].sum(axis=0)
        assert ins[DISCREDITED] >= floor * dec[DISCREDITED] - 1e-9
        allowance += cap * e.reference.rate("sea") * (b.trader_class == AEO).sum()
        assert ins[AEO] <= allowance + 1e-9


def test_a_cap_refers_to_the_recent_general_rate_not_the_run_so_far():
    """After a long stretch at 10 % and a long one at 2 %, the reference is about 2 % (a
    cumulative rate would say 6 %), whether the decisions came in blocks or one by one."""
    from sim.model.risk_rules import Reference

    blocks, single = Reference(["sea"], 500), Reference(["sea"], 500)
    for rate in (0.10, 0.02):
        for _ in range(200):  # 200 blocks of 50: 10,000 decisions, 20 memories
            blocks.add("sea", 50, round(50 * rate))
        for i in range(10_000):
            single.add("sea", 1, int(i % round(1 / rate) == 0))
    assert blocks.rate("sea") == pytest.approx(0.02, abs=1e-9)
    assert single.rate("sea") == pytest.approx(0.02, abs=0.002)
    assert Reference(["sea"], 500).rate("sea") == 0.0


def test_over_the_observed_days_the_aeo_cap_holds_against_their_general_rate():
    """Model level, the default scenario with its engine on (14 days, seed 1): at every port
    with credit rules, the cohort's advanced AEOs are inspected at most cap x the cohort's
    'general' rate, two banked inspections and the noise of the rate it earns against (the
    'general' rate of the time, about its last `window` decisions) aside: frozen goods found
    on site and by the laboratory apart left the airport's 17 a quarter above 14.75 + 2.
    Against the run's cumulative rate, which
    the threshold's start lifts, two ports ended 1-2 inspections above that (24 against
    23.1 at the sea port, 18 against 16.9 at the airport)."""
    scenario = sim.load_scenario(DEFAULT, {"risk.enabled": True, "days": 14})
    w = World(scenario, 1)
    w.run()
    assert isinstance(w.selector, RiskEngine)
    rep = w.selector.report().groupby(["port", "trader_class"])[["decided", "inspected"]].sum()
    cap, memory = scenario.risk.caps["aeo_advanced"], scenario.risk.window
    for port in ("sea_port", "land_border", "airport"):
        general, aeo = rep.loc[(port, "general")], rep.loc[(port, "aeo_advanced")]
        rate = general.inspected / general.decided
        allowance = cap * rate * aeo.decided
        # the engine earns against the 'general' rate of the time, a mean over about its last
        # `memory` decisions: three binomial standard errors of that mean, in inspections
        lag = 3 * cap * aeo.decided * math.sqrt(rate * (1 - rate) / min(memory, general.decided))
        assert aeo.inspected <= allowance + CAP_BANK + lag, (port, aeo.inspected, allowance, lag)
        assert aeo.inspected <= 0.3 * rate * aeo.decided  # (the slack hides no cap of 30 %)


def test_one_row_and_block_decisions_agree():
    """A block of one goes through the scalar path: the same decisions as the block path."""
    rng = np.random.default_rng(4)
    a, b = engine({"random_share": 0.2}), engine({"random_share": 0.2})
    for h in range(300):
        one = block(rng, 1, h * 0.25, classes=(1, 1, 4, 1), prevalence=0.2)
        fast = a.select(one)
        slow = b._select_block(one)
        for check in fast:
            assert (fast[check] == slow[check]).all(), (h, check)
    assert (a.ledger.inspected["sea"] == b.ledger.inspected["sea"]).all()


@pytest.mark.parametrize("document", ["table", 0.1])
def test_a_block_of_both_directions_decides_each_by_its_own_thresholds(document):
    """Imports and exports in one block: each row meets its direction's thresholds (targets
    of 2 % and 30 % here), exactly as if each direction had come as a block of its own."""
    risk = {"target": {"import": 0.02, "export": 0.3}, "random_share": 0.1, "document": document}
    mixed, apart = engine(risk), engine(risk)
    rng = np.random.default_rng(11)
    rates = {0: [], 1: []}
    for h in range(400):
        b = block(rng, int(rng.integers(2, 60)), h * 0.5, prevalence=0.2)  # (ordinary traders)
        d = (rng.random(len(b.commodity)) < 0.4).astype(int)
        b = dataclasses.replace(b, direction=d)
        out = mixed.select(b)
        for k in (0, 1):
            rows = d == k
            if not rows.any():
                continue
            part = SelectionInput(
                **{
                    f.name: _rows(getattr(b, f.name), rows)
                    for f in dataclasses.fields(SelectionInput)
                }
            )
            own = apart.select(part)
            for check in out:
                assert (out[check][rows] == own[check]).all(), (h, k, check)
            if h >= 100:  # (after the windows filled)
                rates[k].extend(inspected(own).tolist())
    assert np.mean(rates[0]) < 0.05 < 0.2 < np.mean(rates[1])


def _rows(x, rows):
    """A field of a SelectionInput restricted to ``rows`` (arrays, and dicts of them)."""
    if isinstance(x, np.ndarray):
        return x[rows]
    if isinstance(x, dict):
        return {k: v[rows] for k, v in x.items()}
    return x


@pytest.mark.parametrize("document", ["table", 0.1])
def test_the_engine_foresees_each_decision_among_its_outcomes(document):
    """``outcomes`` (what the model plans ahead for) holds every decision the engine then
    takes, whatever the state: thresholds, credit rules, blocks of one or many."""
    rng = np.random.default_rng(7)
    e = engine({"random_share": 0.2, "document": document})
    for h in range(200):
        b = block(rng, int(rng.integers(1, 40)), h * 0.5, classes=(1, 1, 4, 1), prevalence=0.2)
        possible = e.outcomes(b)
        out = e.select(b)
        assert len(possible) == (2 if document == "table" else 4)
        foreseen = np.zeros(len(b.commodity), bool)
        for option in possible:
            foreseen |= np.all([option[c] == out[c] for c in out], axis=0)
        assert foreseen.all(), h


def test_decisions_prepared_when_the_consignments_are_made_are_the_same():
    """What :meth:`RiskEngine.prepare` works out ahead (scores before alerts, signatures,
    checks if inspected, ...) gives the very decisions worked out at the time, alerts,
    credit rules and both directions included; it prepares nothing where those parts may
    change during a run."""
    rng = np.random.default_rng(11)
    now, ahead = engine({"random_share": 0.2}), engine({"random_share": 0.2})
    for e in (now, ahead):
        e.observe(Observation("sea", 5.0, 1, 0, GENERAL, 1, True))
    for h in range(150):
        b = block(rng, int(rng.integers(2, 60)), h * 0.5, classes=(1, 1, 4, 1), prevalence=0.2)
        b = dataclasses.replace(b, direction=rng.integers(0, 2, len(b.commodity)))
        plain, prepared = now.select(b), ahead.select(b, ahead.prepare(b))
        for check in plain:
            assert (plain[check] == prepared[check]).all(), (h, check)
    assert (now.ledger.inspected["sea"] == ahead.ledger.inspected["sea"]).all()
    assert now.ledger.inspected["sea"].sum() > 100
    assert engine({"learning": {"labels": 100}}).prepare(b) is None


@pytest.mark.parametrize("document", ["table", 0.1])
def test_one_declaration_decided_from_its_prepared_row_gets_the_same_decision(document):
    """A reviewed declaration decided alone uses what was prepared when it was made (its row
    of :meth:`RiskEngine.prepare`): the same decisions, alerts, credit rules, both directions
    and the document check by table or by score included, as one worked out at the time."""
    rng = np.random.default_rng(12)
    risk = {"random_share": 0.2, "document": document}
    now, ahead = engine(risk), engine(risk)
    for e in (now, ahead):
        e.observe(Observation("sea", 5.0, 1, 0, GENERAL, 1, True))
    for h in range(600):
        b = block(rng, 1, h * 0.25, classes=(1, 1, 4, 1), prevalence=0.3)
        b = dataclasses.replace(b, direction=rng.integers(0, 2, 1))
        row = [0.0] * len(REQUIREMENTS)
        for name, x in (
            ("direction", b.direction),
            ("commodity", b.commodity),
            ("trader_class", b.trader_class),
            ("origin", b.origin),
            ("illicit", b.illicit),
            ("score_noise", b.score_u),
        ):
            row[getattr(R, name)] = float(x[0])
        u = tuple(float(b.uniforms[c][0]) for c in ("document", "scan", "physical"))
        plain = now.select_row("sea", b.now, row, u)
        prepared = ahead.select_row("sea", b.now, row, u, ahead.prepare(b)[0].tolist())
        assert plain == prepared, h
    assert (now.ledger.inspected["sea"] == ahead.ledger.inspected["sea"]).all()
    assert (now.ledger.documents["sea"] == ahead.ledger.documents["sea"]).all()
    assert now.ledger.inspected["sea"].sum() > 30

# --- alerts -------------------------------------------------------------------------------
def test_an_alert_raises_exactly_its_signature_and_only_after_it_arrives():
    """A seizure of frozen goods from origin 'a' at 10.2 h, received 5 h later: decisions
    before the receipt are those of an engine that never heard of it; in the first refresh
    interval after it, only frozen goods from 'a' are inspected more."""
    frozen, a = 1, 0
    rng = np.random.default_rng(5)
    blocks = [block(rng, 400, h + 0.5) for h in range(40)] + [block(rng, 4000, 16.0)]
    blocks.sort(key=lambda b: b.now)
    told, never = engine({"alert": {"delay": "5 h", "window": "2 d"}}), engine()
    seizure = Observation("sea", 10.2, frozen, a, GENERAL, 1, True)
    for b in blocks:
        if b.now >= 10.2 and seizure is not None:
            told.observe(seizure)
            never.observe(Observation("sea", b.now, frozen, a, GENERAL, 0, False))  # a label
            seizure = None
        x, y = inspected(told.select(b)), inspected(never.select(b))
        if b.now < 16.0:  # received at 15.2 h, counted from the next refresh instant
            assert (x == y).all(), b.now
        elif b.now == 16.0 and len(x) == 4000:
            match = (b.commodity == frozen) & (b.origin == a)
            assert (x[~match] == y[~match]).all()
            assert (x[match] >= y[match]).all()
            assert x[match].mean() > 1.5 * y[match].mean()


def test_an_alert_reaches_other_ports_by_the_receipt_hook_and_decays():
    e = engine({"alert": {"delay": "2 h", "window": "10 h", "boost": 2.0}})
    e.observe(Observation("sea", 3.0, 1, 0, GENERAL, 1, True))
    assert e.alerts.boost("sea", 4.0) is None  # not yet received
    raised = e.alerts.boost("sea", 5.0)
    assert raised is not None and raised.max() == pytest.approx(2.0)
    assert np.count_nonzero(raised) == 1
    assert e.alerts.boost("sea", 10.0).max() == pytest.approx(1.0)  # half way through
    assert e.alerts.boost("sea", 15.0) is None  # expired
    hooked = engine(receipt=lambda seized, port, t: None)
    hooked.observe(Observation("sea", 3.0, 1, 0, GENERAL, 1, True))
    assert hooked.alerts.boost("sea", 5.0) is None


# --- prevalence shifts --------------------------------------------------------------------
def test_the_threshold_adapts_when_prevalence_shifts():
    """Prevalence jumps from 1 % to 30 % (AUC 0.9): the threshold rises and the rate stays
    at the target, where the old threshold would have inspected far more."""
    target, window = 0.05, 2000
    e = engine({"target": target, "window": window, "auc": dict.fromkeys(ILLICIT, 0.9)})
    rng = np.random.default_rng(6)
    early = [block(rng, 100, float(h), prevalence=0.01) for h in range(60)]
    late = [block(rng, 100, float(60 + h), prevalence=0.3) for h in range(140)]
    for b in early:
        e.select(b)
    old = e.state[("sea", 0)][0]
    chosen = np.concatenate([inspected(e.select(b)) for b in late][40:])
    tol = math.hypot(four_se(target, len(chosen)), four_se(target, window))
    assert chosen.mean() == pytest.approx(target, abs=tol)
    assert e.state[("sea", 0)][0] > old
    scores = np.concatenate([e.score(b) for b in late[40:]])
    assert (scores > old).mean() > 2 * target  # what a fixed threshold would have done


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 400),  # scores the window takes in before a refresh
            st.floats(0.0, 1.0),  # the share above the threshold
            st.floats(-3.0, 3.0),  # a shift of the new scores (the threshold moves)
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(0, 2**32 - 1),
    st.booleans(),
)
def test_the_moving_threshold_is_the_window_order_statistic(refreshes, seed, ties):
    """:class:`Threshold` keeps a floor between refreshes to partition fewer scores: at every
    refresh it is exactly :func:`threshold` of the window, whether the window moved a
    little or a lot, up or down, with ties (scores on a coarse grid) or without."""
    rng = np.random.default_rng(seed)
    window, moving = Window(500), Threshold()
    for taken, q, shift in refreshes:
        fresh = rng.normal(shift, 1.0, taken)
        window.add(np.round(fresh, 1) if ties else fresh)
        scores = window.scores()
        assert moving(scores, q) == threshold(scores, q)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 400),  # scores the window takes in before a refresh
            st.booleans(),  # one at a time (else as a block)
            st.floats(0.0, 1.0),  # the share above the threshold
            st.floats(-3.0, 3.0),  # a shift of the new scores (the threshold moves)
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(0, 2**32 - 1),
    st.booleans(),
)
def test_the_threshold_read_from_a_tail_is_the_window_order_statistic(refreshes, seed, ties):
    """:meth:`Threshold.of_window` reads the statistic from a sorted tail of the window's
    scores that the window keeps up to date: at every refresh it is exactly
    :func:`threshold` of the window, with blocks or single scores coming in, the window
    filling or full, the share above or below one half, with ties or without."""
    rng = np.random.default_rng(seed)
    window, moving = Window(300), Threshold()
    for taken, single, q, shift in refreshes:
        fresh = rng.normal(shift, 1.0, taken)
        fresh = np.round(fresh, 1) if ties else fresh
        if single:
            for x in fresh.tolist():
                window.add_one(x)
        else:
            window.add(fresh)
        scores = window.scores()
        assert moving.of_window(window, q) == threshold(scores, q)


# --- short runs ---------------------------------------------------------------------------
def run(
    risk: dict | None = None, seed: int = 3, alert=None, over: dict | None = None
) -> tuple[World, object]:
    s = sim.load_scenario(
        SMALL,
        {
            **ORIGINS,
            **(over or {}),
            "days": 3,
            "warmup_days": 1,
            "drain_days": 3,
            "risk": {**BASE, "window": 500, **(risk or {})},
        },
    )
    w = World(s, seed, log=True)
    if alert is not None:

        def tell(env=w.env):
            yield env.timeout(alert.time)
            w.selector.observe(alert)

        w.env.process(tell())
    w.run()
    return w, w.result()


def test_a_run_with_the_engine_keeps_its_rules_and_reports_its_rates():
    w, r = run({"target": 0.1, "random_share": 0.1})
    assert isinstance(w.selector, RiskEngine)
    log = r.log[r.log.assessed.notna()]
    chosen = log.sel_scan.astype(bool) | log.sel_physical.astype(bool)
    chosen |= log.sel_quarantine.astype(bool)
    by_class = chosen.groupby(log.trader_class, observed=True).agg(["sum", "size"])
    ours = chosen[log.cohort].groupby(log.trader_class[log.cohort], observed=True)
    report = w.selector.report().groupby("trader_class").sum(numeric_only=True)
    for cls in ("aeo_advanced", "general", "discredited"):  # (the report: the cohort's)
        assert ours.sum()[cls] == report.loc[cls, "inspected"]
        assert ours.size()[cls] == report.loc[cls, "decided"]
    rate = by_class["sum"] / by_class["size"]  # (the rules hold over every decision)
    assert rate["discredited"] >= 0.8
    assert rate["aeo_advanced"] <= 0.2 * rate["general"] + 1 / by_class.loc["aeo_advanced", "size"]
    assert len(w.selector.thresholds()) > 24


def test_an_alert_in_a_run_changes_only_what_comes_after_its_receipt():
    """Model level: the same run with and without a seizure alert at 40 h (received at 41 h):
    identical decisions before, more frozen goods from 'a' inspected in the two days after."""
    seizure = Observation("sea", 40.0, 1, 0, GENERAL, 1, True)
    risk = {"alert": {"delay": "1 h", "window": "2 d", "boost": 3.0}}
    quiet = {"enforcement.prevalence": {}}  # no seizures of its own: only the alert we send
    _, told = run(risk, alert=seizure, over=quiet)
    _, never = run(risk, over=quiet)
    a, b = told.log.set_index(["direction", "index"]), never.log.set_index(["direction", "index"])
    cols = ["sel_scan", "sel_physical", "sel_quarantine"]
    before = a.assessed < 41.0
    assert (a.loc[before, cols] == b.loc[a.index[before], cols]).all().all()
    after = (a.assessed >= 41.0) & (a.assessed < 89.0)
    match = after & (a.commodity == "frozen") & (a.origin == 0)
    x = a.loc[match, cols].astype(bool).any(axis=1)
    y = b.loc[a.index[match], cols].astype(bool).any(axis=1)
    assert x.sum() > 2 * y.sum()


def _pick(rng: np.random.Generator, mix: dict, names: list, n: int) -> np.ndarray:
    return rng.choice([names.index(k) for k in mix], n, p=list(mix.values()))


def default_stream(s: sim.Scenario, days: int, seed: int):
    """Hourly blocks of declarations with the default scenario's traffic mixes and daily
    volumes, per goods port and direction (post hubs are counted apart in China's rates)."""
    rng = np.random.default_rng(seed)
    coms = list(s.commodities)
    for h in range(days * 24):
        for name, port in s.ports.items():
            if port.mode == "post":
                continue
            a = port.arrivals
            per_h = {0: a.rate * (a.batch.size.mean if a.batch else 1)}
            if port.exports is not None:
                per_h[1] = port.exports.arrivals.rate
            t = port.traffic
            for d, rate in per_h.items():
                n = rng.poisson(rate)
                if not n:
                    continue
                u = {c: rng.random(n) for c in ("document", "scan", "physical")}
                u["quarantine"] = u["physical"]
                yield SelectionInput(
                    port=name,
                    direction=np.full(n, d),
                    commodity=_pick(rng, t.commodities, coms, n),
                    trader_class=_pick(rng, t.trader_classes, list(TRADER_CLASSES), n),
                    value=np.ones(n),
                    origin=rng.integers(0, len(t.origins), n),
                    uniforms=u,
                    now=float(h),
                    illicit=np.zeros(n, int),
                    score_u=rng.random(n),
                )


def test_calibration_of_class_rates_with_the_ordinary_rate_as_the_one_free_parameter():
    """Calibration test (not a law): the default scenario's [risk] section, its ordinary
    target (2.9 %) fitted so that the 20 % cap gives China's 2019 advanced-AEO rate of 0.57 %;
    the discredited rate is then at the 80 % floor, short of the published 84.76 % by what the
    hidden truth must add. The engine decides 28 days of the default's goods declarations
    (its traffic mixes and volumes, compliant goods; a run inspects what the engine selects,
    plus the few a document check's alarm refers: see the next test). Tolerances:
    three binomial standard errors."""
    s = sim.load_scenario(sim.default_scenario_path(), {"risk.enabled": True})
    e = RiskEngine(s)
    for b in default_stream(s, 28, 2024):
        e.select(b)
    rates = e.report().groupby("trader_class")[["decided", "inspected"]].sum()
    p = rates.inspected / rates.decided
    n = rates.decided
    assert p["aeo_advanced"] == pytest.approx(
        0.0057, abs=3 * math.sqrt(0.0057 * 0.9943 / n["aeo_advanced"])
    )
    assert 0.8 <= p["discredited"] < 0.8476
    assert p["aeo_advanced"] <= 0.2 * p["general"]
    assert p["general"] == pytest.approx(s.risk.target.import_, rel=0.05)


def test_the_default_scenario_runs_with_the_engine_on():
    """The bundled [risk] section is valid and runs (briefly); what it selects is inspected
    (with a few more that a document check's alarm refers)."""
    over = {"days": 1, "warmup_days": 0.5, "drain_days": 2, "risk.enabled": True}
    r = sim.simulate(sim.load_scenario(sim.default_scenario_path(), over), 1, log=True)
    log = r.log[r.log.assessed.notna()]
    chosen = log[["sel_scan", "sel_physical", "sel_quarantine"]].astype(bool).any(axis=1)
    seen = log.scan_start.notna() | log.exam_start.notna() | log.quarantine_start.notna()
    released = log.outcome == "released"  # (goods seized at the document check never reach it)
    assert released.mean() > 0.9
    assert (seen[released] | ~chosen[released]).all()  # every selected one was inspected
    assert (seen & ~chosen).mean() < 0.01  # and a few more, referred by a check's alarm


def test_a_long_exam_queue_throttles_the_target():
    """Throttling: with the exam queue at twice its limit the target is halved (never below
    ``min_share`` of it); without a queue hook it is the target."""
    target, window = 0.1, 2000
    queue = {"sea": 0.0}
    risk = {"target": target, "window": window, "throttle": {"queue": 20, "min_share": 0.3}}
    e = engine(risk, queue_length=lambda port: queue[port])
    rng = np.random.default_rng(7)
    for h in range(60):
        e.select(block(rng, 100, float(h)))
    queue["sea"] = 40.0
    chosen = np.concatenate([inspected(e.select(block(rng, 100, 60.0 + h))) for h in range(100)])
    late = chosen[4000:]
    tol = math.hypot(four_se(target / 2, len(late)), four_se(target / 2, window))
    assert late.mean() == pytest.approx(target / 2, abs=tol)
    queue["sea"] = 1000.0
    e.select(block(rng, 100, 200.0))
    assert e.thresholds().target.iloc[-1] == pytest.approx(0.3 * target)


def test_the_world_hands_the_engine_its_exam_queue():
    w, _ = run({"throttle": {"queue": 5}})
    assert w.selector.queue_length == w.exam_queue
    assert w.exam_queue("sea") >= 0


def test_learning_raises_the_auc_with_labelled_outcomes_only():
    """Each labelled outcome (an inspected consignment's result) moves every AUC towards
    ``auc_max``: AUC = max - (max - AUC0) exp(-labels / scale), taken at the refresh."""
    auc0, top, scale = 0.6, 0.9, 200.0
    risk = {"auc": dict.fromkeys(ILLICIT, auc0), "learning": {"auc_max": top, "labels": scale}}
    e = engine(risk)
    rng = np.random.default_rng(8)
    for _ in range(5):  # fills the window: from now on the state is taken at refresh instants
        e.select(block(rng, 50, 0.0))
    assert e.d[1] == pytest.approx(separation(auc0))
    for _ in range(300):
        e.observe(Observation("sea", 0.5, 0, 0, GENERAL, 0, False))
    e.select(block(rng, 50, 0.5))  # same refresh interval: not yet
    assert e.d[1] == pytest.approx(separation(auc0))
    e.select(block(rng, 50, 1.0))
    learned = top - (top - auc0) * math.exp(-300 / scale)
    assert e.d[1] == pytest.approx(separation(learned))
    assert engine({"auc": dict.fromkeys(ILLICIT, auc0)}).d[1] == pytest.approx(separation(auc0))


@pytest.mark.parametrize(
    ("section", "where"),
    [
        (
            "target = 0.05\n[risk.ports.nowhere]\ntarget = 0.1",
            r"risk\.ports\.nowhere.*unknown port",
        ),
        ("target = 0.05\nauc = { cocaine = 0.8 }", r"risk\.auc\.cocaine.*unknown illicit type"),
        ("target = 0.05\nauc = { tobacco = 0.3 }", r"risk\.auc\.tobacco.*0\.5"),
        ("target = 0.05\n[risk.prior]\norigin = { mars = 1 }", r"risk\.prior\.origin\.mars"),
        ("target = 0.05\ncaps = { discredited = 0.2 }", r"risk\.caps\.discredited.*a floor"),
        ("target = 0.05\nfloors = { general = 0.5 }", r"risk\.floors\.general.*ordinary"),
        ("target = 0.05\ncaps = { general = 0.5 }", r"risk\.caps\.general.*ordinary"),
        ("target = 1.5", r"risk\.target\.import.*1.5"),
        (
            "target = 0.05\n[risk.alert]\nwindow = 0",
            r"risk\.alert\.window = 0: .*more than 0.*risk\.alert\.boost = 0",
        ),
        (
            "target = 0.05\nauc = { pest = 0.9 }\n[risk.learning]\nauc_max = 0.85",
            r"risk\.learning\.auc_max = 0\.85: below risk\.auc\.pest = 0\.9: .*never act.*"
            r"from 0\.9 to below 1",
        ),
        (
            "target = 0.05\n[risk.learning]\nauc_max = 0.7",
            r"risk\.learning\.auc_max = 0\.7: below the AUC of 'tobacco', 0\.75 by default",
        ),
    ],
)
def test_a_bad_risk_section_names_the_file_the_field_and_the_value(
    write, small_text, section, where
):
    path = write(small_text + "\n[risk]\n" + section + "\n")
    with pytest.raises(sim.ScenarioError, match=where) as err:
        sim.load_scenario(path)
    assert path.name in str(err.value)


# --- does the target hold? the report in the results and a warning when it does not --------
def _report(rows: list[tuple[str, int, int]], target: float = 0.08):
    """A risk report of port 'sea' (imports): (class, decided, inspected) rows; the credit
    rules' classes have no target."""
    import pandas as pd

    ruled = {"aeo_advanced", "discredited"}
    return pd.DataFrame(
        [
            {"port": "sea", "direction": "import", "trader_class": c, "decided": n,
             "inspected": m, "rate": m / n, "target": math.nan if c in ruled else target}
            for c, n, m in rows
        ]
    )


def test_a_miss_beyond_sampling_noise_warns_and_one_within_it_does_not():
    """Tolerance: three binomial standard errors of the target plus 0.005, over the ordinary
    classes' decisions (the credit rules' classes are left out), and only with enough."""
    from sim.model.risk_report import MIN_DECIDED, misses, tolerance

    cfg = scenario({"window": 5000, "alert": {"boost": 1.0}}).risk
    assert tolerance(0.08, 4000) == pytest.approx(3 * math.sqrt(0.08 * 0.92 / 4000) + 0.005)
    assert tolerance(0.08, 4000) == pytest.approx(0.01787, abs=1e-5)
    far = misses(_report([("general", 3000, 300), ("aeo_general", 1000, 100)]), cfg)
    assert len(far) == 1 and far[0].startswith("sea: the risk engine's inspection rate of "
                                               "ordinary imports missed its target of 0.080")
    assert "(0.100 over 4,000 decisions" in far[0]
    head = far[0].split(" (")[0]  # (what the run's summary keeps)
    assert "shorter risk.window" in head and "alerts raise scores" in head
    near = [("general", 3000, 285), ("aeo_general", 1000, 75)]  # 0.09: within 0.0179
    assert misses(_report(near), cfg) == []
    # a discredited trader's floor (no target) does not count towards the ordinary rate
    ruled = [("general", 4000, 330), ("discredited", 500, 450)]
    assert misses(_report(ruled), cfg) == []
    few = MIN_DECIDED - 1
    assert misses(_report([("general", few, few // 2)]), cfg) == []
    low = misses(_report([("general", 4000, 200)]), cfg)  # 0.05: a miss below counts too
    assert len(low) == 1 and "(0.050 over" in low[0]


def test_a_run_reports_its_risk_engine_and_warns_when_the_target_does_not_hold(tmp_path):
    """At a port whose run decides fewer declarations than the default window, strong alerts
    lift the ordinary rate well above its target: the run warns and says what to try; a
    short window without alerts holds it. The report reaches the results folder and the
    metrics."""
    from sim.experiment.store import RunStore

    over = {**ORIGINS, "risk": {"target": 0.08, "alert": {"boost": 3.0}}}
    s = sim.load_scenario(SMALL, over)
    r = sim.simulate(s, 2)
    warned = [w for w in r.warnings if w.startswith("sea: the risk engine's inspection rate "
                                                      "of ordinary imports missed")]
    assert len(warned) == 1 and "shorter risk.window" in warned[0], r.warnings
    assert r.risk is not None and r.risk_thresholds is not None
    assert set(r.risk["trader_class"]) >= {"general", "discredited"}
    ordinary = r.risk[r.risk["target"].notna() & (r.risk["direction"] == "import")]
    rate = ordinary["inspected"].sum() / ordinary["decided"].sum()
    assert r.metrics()["inspection_rate_ordinary_port_sea_import"] == pytest.approx(rate)
    assert rate > 0.1
    from sim.experiment.metric_names import metric_names

    known = metric_names(s)  # (found without running: --metric accepts them)
    rates = {f"inspection_rate_ordinary_port_sea_{d}" for d in ("import", "export")}
    assert rates <= known.names and rates <= set(r.metrics())
    store = RunStore(tmp_path / "out")
    store.open(s, 2, 1)
    store.save(0, r)
    saved = tmp_path / "out" / "reps"
    assert (saved / "rep-0000-risk.csv").read_text() == r.risk.to_csv(index=False)
    assert (saved / "rep-0000-risk-thresholds.csv").is_file()
    assert store.verify(0)[0]["inspection_rate_ordinary_port_sea_import"] == pytest.approx(rate)
    calm = {**ORIGINS, "risk": {"target": 0.08, "window": 200, "alert": {"boost": 0.0}}}
    quiet = sim.simulate(sim.load_scenario(SMALL, calm), 2)
    assert not [w for w in quiet.warnings if "risk engine" in w], quiet.warnings


def test_the_alerts_reach_is_counted_on_every_decision_path():
    """alert_raised_share: the decisions an alert raised, over all decided; none without a
    boost; the same whether decisions go in blocks, alone or as flows."""
    base = {"days": 7, "risk.target": 0.1, "risk.alert.delay": "0 h"}
    over = {**base, "enforcement.prevalence.tobacco": 0.05}
    raised = sim.simulate(sim.load_scenario(SMALL, over), 2)
    m = raised.metrics()
    assert 0 < m["alert_raised_share"] < 1
    assert raised.risk is not None
    rep = raised.risk
    assert m["alert_raised_share"] == rep["raised"].sum() / rep["decided"].sum()
    assert m["alert_raised_share_port_sea"] == m["alert_raised_share"]  # (one port)
    flows = sim.simulate(sim.load_scenario(SMALL, over), 2, fast=False).metrics()
    assert flows["alert_raised_share"] == m["alert_raised_share"]
    quiet = sim.simulate(sim.load_scenario(SMALL, {**over, "risk.alert.boost": 0.0}), 2)
    assert quiet.metrics()["alert_raised_share"] == 0.0


def test_a_block_counts_the_decisions_an_alert_raised():
    """After a seizure of (commodity 1, origin 0), every later decision with that signature
    is raised and counted, in a block worked out now or from what was prepared; other
    signatures are not."""
    rng = np.random.default_rng(5)
    for prepared in (False, True):
        e = engine()
        e.observe(Observation("sea", 5.0, 1, 0, GENERAL, 1, True))
        hit = block(rng, 30, 12.0, commodity=1, origin=0)
        miss = block(rng, 20, 12.0, commodity=0, origin=0)
        for b in (hit, miss):
            e.select(b, e.prepare(b)) if prepared else e.select(b)
        assert e.counted.raised["sea"].sum() == 30, prepared
        assert e.report()["raised"].sum() == 30


def test_the_report_counts_the_cohort_and_the_credit_rules_every_decision():
    """The report (risk.csv, inspection_rate_ordinary_*, alert_raised_share) is over the
    cohort, as every statistic is: exactly the cohort's decided declarations of the log; the
    engine's running counts, which the credit rules read, hold the warm-up's too."""
    w, r = run({"target": 0.1, "random_share": 0.1, "alert": {"delay": "0 h"}})
    e = w.selector
    assert isinstance(e, RiskEngine) and r.risk is not None
    log = r.log[r.log.assessed.notna()]
    cohort = log[log.cohort]
    assert 0 < len(cohort) < len(log)
    assert r.risk["decided"].sum() == len(cohort)
    assert e.ledger.decided["sea"].sum() == len(log)
    chosen = cohort.sel_scan.astype(bool) | cohort.sel_physical.astype(bool)
    chosen |= cohort.sel_quarantine.astype(bool)
    assert r.risk["inspected"].sum() == chosen.sum()
    assert r.risk["illicit"].sum() == (cohort.illicit != "compliant").sum()


def test_decisions_outside_the_cohort_change_nothing_but_the_report():
    """A block or a lone declaration marked outside the cohort gets the same decision and
    moves the credit rules' counts, but not the report's (nor its alert reach)."""
    rng = np.random.default_rng(8)
    counted, all_in = engine(), engine()
    for e in (counted, all_in):
        e.observe(Observation("sea", 5.0, 1, 0, GENERAL, 1, True))
    for h in range(40):
        b = block(rng, 20, 6.0 + h, classes=(1, 1, 4, 1), commodity=1, origin=0)
        mark = dataclasses.replace(b, cohort=np.arange(20) < 5)
        x, y = counted.select(mark), all_in.select(b)
        assert all((x[c] == y[c]).all() for c in x)
        fields = {f.name: _rows(getattr(b, f.name), slice(0, 1)) for f in dataclasses.fields(b)}
        one = dataclasses.replace(b, **fields)
        out = dataclasses.replace(one, cohort=np.array([False]))
        x, y = counted.select(out), all_in.select(one)
        assert all((x[c] == y[c]).all() for c in x)
    assert (counted.ledger.decided["sea"] == all_in.ledger.decided["sea"]).all()
    assert counted.report()["decided"].sum() == 40 * 5
    assert all_in.report()["decided"].sum() == 40 * 21
    assert counted.report()["raised"].sum() == 40 * 5
    assert all_in.report()["raised"].sum() == 40 * 21


def test_a_patrol_catch_outside_the_ports_raises_the_alert_of_a_seizure():
    """A smuggling patrol's catch raises, at every port within national scope, the alert a
    seizure of the group's declared signature would: none within scope 'port' (a patrol is
    at no port) and none when the alert is set not to follow patrols."""
    rng = np.random.default_rng(9)
    for risk, raised in (({}, 30), ({"alert": {"scope": "port"}}, 0),
                         ({"alert": {"patrols": False}}, 0)):
        e = engine(risk)
        e.alerts.add_outside(5.0, 1, "a", GENERAL)
        for b in (block(rng, 30, 12.0, commodity=1, origin=0),
                  block(rng, 20, 12.0, commodity=0, origin=0),
                  block(rng, 20, 12.0, commodity=1, origin=1)):
            e.select(b)
        assert e.report()["raised"].sum() == raised, risk
        assert e.labels == 0  # (a patrol's catch is no label of customs' inspections)


def test_in_a_run_every_patrol_catch_reaches_the_ports_targeting():
    """Beilun with a risk engine: each interdiction outside the ports is told to the engine
    with the group's declared signature, and each port that knows the origin gets the alert
    of a seizure (after the alert's delay); set not to follow patrols, none."""
    beilun = Path(__file__).parent.parent / "scenarios" / "beilun-border.toml"
    general = TRADER_CLASSES.index("general")
    # (one week of warm-up, not six, and a drain day, not 14: what is checked is each
    # catch's alert, which neither the routes' learning nor the drain changes)
    for patrols in (True, False):
        s = sim.load_scenario(beilun, {"days": 7, "warmup_days": 7, "drain_days": 1,
                                       "risk.target": 0.1, "risk.alert.patrols": patrols})
        w = World(s, 1)
        e, smugglers = w.selector, w.smugglers
        assert isinstance(e, RiskEngine) and smugglers is not None
        tell, told, alerted = smugglers.on_interdiction, [], []
        assert tell is not None

        delay = s.risk.alert.delay if s.risk is not None else math.nan

        def record(t, com, origin, cls, tell=tell, told=told, alerted=alerted, e=e, delay=delay):
            told.append((com, origin, cls))
            tell(t, com, origin, cls)
            for port, names in e.alerts.origins.items():
                if origin in names:
                    code = int(e.alerts.code(port, com, names.index(origin), cls))
                    at = t + delay
                    alerted.append(at in e.alerts.pending[port].get(code, []))

        smugglers.on_interdiction = record
        w.run()
        r = w.result()
        outside = r.smuggling[(r.smuggling.kind != "port") & (r.smuggling.route != "not_smuggled")]
        assert len(told) == outside["caught"].sum() > 0
        assert set(told) <= {
            (list(s.commodities).index("frozen"), "asean_other", general),
            (list(s.commodities).index("general"), "vietnam", general),
        }
        assert alerted and all(alerted) == patrols and any(alerted) == patrols


def test_the_throttle_reads_every_consignment_waiting_at_the_exam_yard():
    """Where the bays and movers are unlimited and one exam team holds the yard back, the
    queue is at the team: the throttle reads it (it read only the bays' queue, always 0
    there, and never engaged) and lowers the inspection rate."""
    yard = {"ports.sea.exam.bays.capacity": "unlimited",
            "ports.sea.exam.movers.capacity": "unlimited", "ports.sea.exam.teams.capacity": 1,
            "risk.target": 0.1}  # fmt: skip
    free = sim.simulate(sim.load_scenario(SMALL, yard), 1).metrics()
    held = sim.simulate(sim.load_scenario(SMALL, {**yard, "risk.throttle.queue": 2}), 1)
    m = held.metrics()
    assert m["throttle_queue_peak_port_sea"] > 100 and m["throttle_engaged_share_port_sea"] > 0.5
    assert m["inspection_rate"] < 0.8 * free["inspection_rate"]


def test_a_cap_and_floor_conflict_names_the_file_each_came_from_and_how_to_clear_one(
    write, small_text
):
    """A child that gives a floor to a class its parent caps: the error names the parent
    for the cap and the child for the floor (a default one is said to be a default), and
    says that an empty table clears the inherited entries, which it then does."""
    write(small_text + "\n[risk]\ntarget = 0.05\ncaps = { aeo_general = 0.5 }\n", "parent.toml")
    child = write('extends = "parent.toml"\n[risk]\nfloors = { aeo_general = 0.9 }\n', "c.toml")
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(child)
    text = str(err.value)
    assert "parent.toml: risk.caps.aeo_general = 0.5: trader class 'aeo_general' has both" in text
    assert f"(the cap set in {child.parent / 'parent.toml'}, the floor set in {child})" in text
    # (in Python's words from sim.load_scenario; the command line's loader says --set)
    assert "an empty table in a file or an entry of overrides (caps = {} or floors = {})" in text
    with pytest.raises(sim.ScenarioError) as err:
        load_scenario(child)
    assert "an empty table in a file or a --set (caps = {} or floors = {}) clears" in str(err.value)
    cleared = write('extends = "parent.toml"\n[risk]\ncaps = {}\nfloors = { aeo_general = 0.9 }\n',
                    "cleared.toml")  # fmt: skip
    risk = sim.load_scenario(cleared).risk
    assert risk.caps == {} and risk.floors == {"aeo_general": 0.9}
    own = write('extends = "parent.toml"\n[risk]\ncaps = { discredited = 0.5 }\n', "own.toml")
    with pytest.raises(sim.ScenarioError, match=rf"set in {own}, the floor by default\)"):
        sim.load_scenario(own)
