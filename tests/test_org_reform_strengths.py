"""The structural reforms' strengths for the seed paper's two claims the structure alone cannot
show: posts abolished with the level a reform removes (``management_cut``: staff cost) and
uniform law enforcement in the dumbbell (``uniform_standards``: fewer escalations)."""

from __future__ import annotations

import pytest

import sim
from sim.reforms import REFORMS, ReformError
from sim.scenario.org_tree import units_of

SPINDLE = "guangdong-spindle"
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2}


def _management(s: sim.Scenario) -> tuple[int, float]:
    """The tree's management heads and what they cost a year."""
    heads = cost = 0.0
    for u in units_of(s.organisation).values():
        r = u.staff.get("management")
        if r is not None:
            heads += r.count
            cost += r.count * r.cost_per_year
    return int(heads), cost


@pytest.fixture(scope="module")
def spindle() -> sim.Scenario:
    return sim.load_scenario(SPINDLE)


def test_the_defaults_change_only_the_structure(spindle):
    """Without the new strengths the reform is what it was: the same heads, the same shares,
    so every existing comparison keeps its figures."""
    assert REFORMS["dumbbell"].fields(spindle) == {"organisation.structure": "dumbbell"}
    four = REFORMS["merge_affiliated"].fields(spindle)
    assert not any("staff" in k for k in four)


@pytest.mark.parametrize(
    ("reform", "cut"), [("dumbbell", 9), ("merge_affiliated", 3)]
)
def test_management_cut_abolishes_whole_posts_and_their_cost(spindle, reform, cut):
    """30 management heads at 174,800 CNY: 0.3 cuts 9 (0.1 cuts 3), and the staff cost falls
    by exactly their pay, every other role's heads as they were."""
    share = {9: 0.3, 3: 0.1}[cut]
    plain = REFORMS[reform].apply(spindle)
    cut_ = REFORMS[reform](management_cut=share).apply(spindle)
    (h0, c0), (h1, c1) = _management(plain), _management(cut_)
    assert h0 == 30 and h1 == 30 - cut
    assert c0 - c1 == pytest.approx(cut * 174_800)
    others = {
        role: sum(u.staff[role].count for u in units_of(s.organisation).values()
                  if role in u.staff)
        for s in (plain,)
        for role in ("tariff", "quarantine", "anti_smuggling", "risk")
    }
    after = {
        role: sum(u.staff[role].count for u in units_of(cut_.organisation).values()
                  if role in u.staff)
        for role in others
    }
    assert after == others


def test_a_share_rounds_down_to_whole_heads(spindle):
    """0.29 of 30 is 8.7 heads: 8 go (rounded down, not up to 9)."""
    s = REFORMS["dumbbell"](management_cut=0.29).apply(spindle)
    assert _management(s)[0] == 22


@pytest.mark.parametrize(
    ("share", "said"), [(0.01, "cuts no whole head"), (1.0, "leaves no head")]
)
def test_a_cut_of_no_head_or_of_every_head_is_refused(spindle, share, said):
    with pytest.raises(ReformError) as info:
        REFORMS["dumbbell"](management_cut=share).apply(spindle)
    msg = str(info.value)
    assert msg.startswith("reform dumbbell: management_cut = ")
    assert said in msg and "organisation.generate.staff.management" in msg
    assert "allowed: 0, or a share that cuts at least one head" in msg


def test_management_cut_needs_a_generated_tree(spindle):
    """A tree written unit by unit has no role totals to cut: the error says what to change."""
    from sim.scenario.org_reforms import cut_management
    org = spindle.organisation
    org = org.model_copy(update={"generate": None, "units": units_of(org)})
    written = spindle.model_copy(update={"organisation": org})
    with pytest.raises(ValueError, match="staff.management instead"):
        cut_management(written, 0.3)


def test_uniform_standards_multiplies_the_scenarios_factor(spindle):
    s = sim.patch(spindle, {"organisation.advantages.uniform_standards": 0.5})
    s = REFORMS["dumbbell"](uniform_standards=0.8).apply(s)
    assert s.organisation.advantages.uniform_standards == pytest.approx(0.4)


def test_uniform_standards_raises_fewer_escalations_on_the_same_seed(spindle):
    """The same consignments: a lower factor on the dumbbell's escalation shares raises fewer
    escalations; the structure's paths and heads are the same."""
    short = sim.patch(spindle, SHORT)
    plain = sim.simulate(REFORMS["dumbbell"].apply(short), seed=3).metrics()
    uniform = sim.simulate(REFORMS["dumbbell"](uniform_standards=0.5).apply(short), seed=3)
    fewer = uniform.metrics()
    assert plain["escalations_raised"] > 20
    assert fewer["escalations_raised"] < 0.75 * plain["escalations_raised"]
    assert fewer["org_staff_heads"] == plain["org_staff_heads"]
