"""The organisation's rules that a trial found wrong: an escalation entry keeps its kind's
defaults, the middle layer's filter acts wherever a middle unit passes a request on, a
running-in loss slows only a structure newly adopted, the structures' paths differ even when
no advantage is set, and errors say their real cause."""

from __future__ import annotations

from pathlib import Path

import pytest
from org_scenarios import generated, ports_scenario
from theory_scenarios import build

import sim
from sim.model.run import simulate

STRUCTURES = ("spindle", "hybrid", "dumbbell")
SCENARIOS = Path(__file__).parents[1] / "sim" / "scenarios"


# -- escalations keep their kind's defaults ---------------------------------------------------
@pytest.mark.parametrize("name", ["guangdong", "guangdong-four"])
def test_the_hybrid_baseline_keeps_quarantine_and_cases_at_the_customs(name: str):
    """guangdong.toml writes its escalations without decided_at: the documented defaults
    apply (rulings to the tax centre, quarantine approvals and cases at the customs)."""
    org = sim.load_scenario(SCENARIOS / f"{name}.toml").organisation
    assert org.structure == "hybrid"
    levels = {k: org.level_of(k) for k in ("ruling", "quarantine", "case")}
    assert levels == {"ruling": "national", "quarantine": "regional", "case": "regional"}


@pytest.mark.parametrize(
    ("name", "level"), [("guangdong-spindle", "regional"), ("guangdong-dumbbell", "national")]
)
def test_the_guangdong_variants_decide_where_their_structure_does(name: str, level: str):
    org = sim.load_scenario(SCENARIOS / f"{name}.toml").organisation
    assert {org.level_of(k) for k in ("ruling", "quarantine", "case")} == {level}


def _org(escalations: dict) -> object:
    data = ports_scenario(["p1"], 0.5, 1)
    staff = {"tariff": 2, "quarantine": 2, "anti_smuggling": 2}
    data["organisation"] = generated("hybrid", {"a": ["p1"]}, staff)
    data["organisation"]["escalations"] = escalations
    return build(data).organisation


def test_an_entry_keeps_its_kinds_default_for_what_it_omits():
    org = _org({"quarantine": {"share": 0.1, "decided_at": {"spindle": "national"}}})
    q = org.escalation("quarantine")
    assert q.decided_at == {"spindle": "national", "hybrid": "regional", "dumbbell": "national"}
    assert (q.applies, q.holds) == ("statutory", 1.0)
    case = _org({"case": {"share": 1.0}}).escalation("case")
    assert (case.applies, case.holds, case.level("hybrid")) == ("caught", 0.0, "regional")
    assert _org({"ruling": {"share": 0.1}}).escalation("ruling").level("hybrid") == "national"


# -- the middle layer's filter ------------------------------------------------------------------
def _with_subordinates(structure: str, advantages: dict | None = None) -> dict[str, float]:
    """Two ports under one customs, a subordinate customs per port (except in the dumbbell),
    every consignment raising a ruling."""
    data = ports_scenario(["p1", "p2"], 0.5, 3, warmup_days=1)
    org = generated(structure, {"a": ["p1", "p2"]}, {"tariff": 6}, transfer="1 h")
    org["generate"]["subordinate"] = True
    if advantages is not None:
        org["advantages"] = advantages
    data["organisation"] = org
    return simulate(build(data), 1).metrics()


def _same(a: dict[str, float], b: dict[str, float]) -> bool:
    """Equal metrics (NaN equal to NaN)."""
    return a.keys() == b.keys() and all(a[k] == b[k] or (a[k] != a[k] and b[k] != b[k]) for k in a)


def _levels(m: dict[str, float]) -> set[str]:
    prefix = "escalation_latency_h_mean_ruling_"
    return {k.removeprefix(prefix) for k in m if k.startswith(prefix)}


def test_the_spindles_middle_layer_resolves_what_it_filters():
    """middle_filter 1: every ruling ends at the subordinate customs, none reaches the
    directly-affiliated customs; 0 is no filter at all."""
    none = _with_subordinates("spindle")
    assert _levels(none) == {"regional"}
    assert _same(_with_subordinates("spindle", {"middle_filter": 0.0}), none)
    every = _with_subordinates("spindle", {"middle_filter": 1.0})
    assert _levels(every) == {"local"}
    assert every["escalations_decided"] == none["escalations_decided"] > 0
    assert every["escalation_latency_h_mean"] < none["escalation_latency_h_mean"] - 1.5


def test_the_middle_layer_filters_once_at_its_highest_unit_and_not_in_the_dumbbell():
    hybrid = _with_subordinates("hybrid", {"middle_filter": 1.0})
    assert _levels(hybrid) == {"regional"}  # the customs below the tax centre, not lower
    half = _with_subordinates("hybrid", {"middle_filter": 0.5})
    assert _levels(half) == {"regional", "national"}
    plain = _with_subordinates("dumbbell")
    assert _same(_with_subordinates("dumbbell", {"middle_filter": 1.0}), plain)


# -- a running-in loss slows a newly adopted structure only --------------------------------------
RUNNING_IN = {"transition_loss": 0.5, "transition_days": 100}


@pytest.mark.parametrize("structure", ["spindle", "hybrid"])
def test_todays_structures_do_not_run_in(structure: str):
    assert _same(_with_subordinates(structure, RUNNING_IN), _with_subordinates(structure))


def test_the_dumbbell_runs_in_unless_it_is_todays():
    mean = "escalation_latency_h_mean"
    steady = _with_subordinates("dumbbell")[mean]
    assert _with_subordinates("dumbbell", RUNNING_IN)[mean] > 1.3 * steady
    today = {**RUNNING_IN, "today": ["dumbbell"]}
    assert _with_subordinates("dumbbell", today)[mean] == steady
    assert _with_subordinates("hybrid", today)[mean] > 1.3 * _with_subordinates("hybrid")[mean]


# -- with no advantage set, the paths still differ -----------------------------------------------
def test_with_no_advantage_the_paths_still_order_the_structures():
    """Subordinate customs and a national tax centre, every hop 1 h, no advantage set: the
    dumbbell's ruling makes one hop each way, the spindle's two (a subordinate customs
    reviews and passes it on), the hybrid's three (the customs passes it to the centre)."""
    mean = {s: _with_subordinates(s)["escalation_latency_h_mean"] for s in STRUCTURES}
    assert mean["dumbbell"] + 2 < mean["spindle"] < mean["hybrid"] - 2


# -- errors say their real cause, on stderr -------------------------------------------------------
def test_too_few_generated_heads_name_the_subordinate_customs_and_the_least_total():
    from sim.scenario.loader import ScenarioError

    path = SCENARIOS / "guangdong-spindle.toml"
    with pytest.raises(ScenarioError) as err:
        sim.load_scenario(path, {"organisation.generate.staff.tariff": 16})
    message = str(err.value)
    assert "16 tariff heads" in message and "at least 17" in message
    assert "10 subordinate customs first (local_heads)" in message
    assert "no unit at level" not in message
    assert sim.load_scenario(path, {"organisation.generate.staff.tariff": 17})
    with pytest.raises(ScenarioError, match="national centre that decides it; give at least 12"):
        sim.load_scenario(SCENARIOS / "guangdong.toml", {"organisation.generate.staff.tariff": 11})


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["default.toml"], "has no [organisation] section"),
        (["guangdong.toml", "--structures", "spindel"], "unknown 'spindel'"),
        (
            ["guangdong.toml", "--structures", "hybrid,spindle", "--set",
             "organisation.generate.staff.tariff=12"],
            "as the spindle: 12 tariff heads",
        ),
    ],
    ids=["no-organisation", "unknown-structure", "too-few-heads-in-one"],
)
def test_the_org_command_says_its_errors_on_stderr(argv: list[str], words: str, capsys):
    from sim.cli import main

    code = main(["org", str(SCENARIOS / argv[0]), *argv[1:]])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.startswith("error: ") and words in captured.err, captured.err


def test_guangdong_says_what_its_centre_share_does():
    """centre_share applies to the heads left after every subordinate customs takes its
    local_heads: the ruling centre gets 7 of tariff's 24 heads, not half of them, and the
    file's comment says so with the code's numbers."""
    from sim.scenario.org_tree import generate

    s = sim.load_scenario(SCENARIOS / "guangdong.toml")
    units = generate(s.organisation)
    tariff = {u: v.staff["tariff"].count for u, v in units.items() if "tariff" in v.staff}
    local = sum(n for u, n in tariff.items() if units[u].level == "local")
    regional = sum(n for u, n in tariff.items() if units[u].level == "regional")
    assert (local, regional, tariff["ruling_centre"]) == (10, 7, 7)
    line = next(
        line for line in (SCENARIOS / "guangdong.toml").read_text().splitlines()
        if line.startswith("centre_share")
    )  # fmt: skip
    assert "after the subordinate customs' local_heads" in line
    assert "24 heads, 10 at the ten subordinate customs, 7 in the centre, 7 at the customs" in line


# -- the intake wait of a level (transfer_to) ---------------------------------------------------
def test_only_a_hop_into_a_level_pays_its_intake_wait():
    """``transfer_to.national`` is the wait of a request passed up to a national unit: the
    decision's way back, and alerts and directives sent out from national level, travel at
    ``transfer`` (here 0). It was paid on every hop to or from national level: a dumbbell
    with 4 h to national and near-zero service decided in 8 h, not 4."""
    data = ports_scenario(["p1", "p2"], 0.5, 4, warmup_days=1)
    staff = {"tariff": 20, "risk": 20, "management": 4, "anti_smuggling": 20}
    org = generated("dumbbell", {"a": ["p1"], "b": ["p2"]}, staff)
    org["generate"]["service"] = dict.fromkeys(
        ("ruling", "case", "quarantine", "alert", "directive"), "1 min"
    )
    org.update(transfer_to={"national": "4 h"}, directive_every="1 d")
    data["organisation"] = org
    scenario = build(data)
    metrics = simulate(scenario, 1).metrics()
    minute = 1 / 60
    assert metrics["escalations_decided"] > 0
    assert metrics["escalation_latency_h_mean"] == pytest.approx(4 + minute, abs=0.01)
    assert metrics["directive_propagation_h_mean"] == pytest.approx(minute, abs=0.01)
    from sim.model.org.model import OrgModel
    from sim.scenario.org_tree import check

    spec = scenario.organisation
    assert spec is not None
    model = OrgModel.__new__(OrgModel)  # only the tree and the hops: no simulation
    model.spec, model.tree = spec, check(spec, ["p1", "p2"])
    model.units, model._paths = model.tree.units, {}
    receipt = model.alert_receipt("p1", 10.0)
    assert receipt == {"p1": pytest.approx(14 + minute), "p2": pytest.approx(14 + minute)}


# -- a merge pools the merged customs' own heads --------------------------------------------
def _customs_heads(scenario) -> dict[str, dict[str, int]]:
    from sim.scenario.org_tree import units_of

    units = units_of(scenario.organisation)
    return {
        uid: {role: r.count for role, r in u.staff.items()}
        for uid, u in units.items()
        if u.level == "regional"
    }


def _other_heads(scenario) -> dict[str, dict[str, int]]:
    from sim.scenario.org_tree import units_of

    units = units_of(scenario.organisation)
    return {
        uid: {role: r.count for role, r in u.staff.items()}
        for uid, u in units.items()
        if u.level != "regional"
    }


@pytest.mark.parametrize("name", ["guangdong-spindle", "guangdong"])
def test_a_merge_moves_no_head_to_or_from_a_customs_outside_it(name: str):
    """Merging customs pools their own heads (the same heads, as the reform says); a customs
    in no merge group keeps its headcount per role, and the rest of the tree is unchanged.
    The generator re-split every head after a merge, one head per role per customs at
    least: Shenzhen, in no group, went from 16 to 23 heads in guangdong-spindle."""
    from sim.reforms import apply
    from sim.reforms.organisation import GUANGDONG_FOUR

    base = sim.load_scenario(SCENARIOS / f"{name}.toml")
    merged = [apply(base, "merge_affiliated")]
    if name == "guangdong":
        merged.append(sim.load_scenario(SCENARIOS / "guangdong-four.toml"))
    before = _customs_heads(base)
    for scenario in merged:
        after = _customs_heads(scenario)
        grouped = {old for olds in GUANGDONG_FOUR.values() for old in olds}
        for cid in set(before) - grouped:
            assert after[cid] == before[cid], cid
        for new, olds in GUANGDONG_FOUR.items():
            roles = {role for old in olds for role in before[old]}
            pooled = {role: sum(before[old].get(role, 0) for old in olds) for role in roles}
            assert after[new] == pooled, new
        assert _other_heads(scenario) == _other_heads(base)
    assert sum(before["shenzhen"].values()) == (16 if name == "guangdong-spindle" else 10)


def test_a_customs_without_a_weight_among_weighted_ones_is_refused():
    """A customs missing from ``weights`` got a weight of 1 against the others' 15-220,
    silently: a few heads for a busy crossing. With weights given, every customs needs one
    (the error names the field and the customs)."""
    path = SCENARIOS / "guangdong.toml"
    split = {"organisation.generate.customs.huanggang": ["sz_huanggang"],
             "organisation.generate.customs.shenzhen": ["sz_yantian"]}
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(path, split)
    message = str(err.value)
    assert "organisation.generate.weights" in message, message
    assert "no weight for customs 'huanggang'" in message, message
    assert "Traceback" not in message
    halves = {f"organisation.generate.weights.{c}": 110 for c in ("shenzhen", "huanggang")}
    heads = _customs_heads(sim.load_scenario(path, {**split, **halves}))
    for role, n in heads["shenzhen"].items():  # equal weights: within a head (remainders)
        assert abs(heads["huanggang"][role] - n) <= 1, role


# -- a child file replaces its parent's tree ---------------------------------------------------
_PORTS = ("gz_nansha", "gz_baiyun", "gz_post", "hp_xingang", "sz_yantian", "sz_huanggang",
          "gb_hzmb", "st_port", "jm_port", "zj_port")
_UNITS = f"""
[organisation.units.gac]
level = "national"
staff = {{ tariff = {{ count = 3 }} }}
tasks = {{ ruling = "2 h" }}
[organisation.units.gd]
level = "regional"
parent = "gac"
staff = {{ quarantine = {{ count = 3 }}, anti_smuggling = {{ count = 2 }} }}
tasks = {{ quarantine = "1 h", case = "4 h" }}
[organisation.units.front]
level = "field"
parent = "gd"
ports = {list(_PORTS)!r}
""".replace("'", '"')
_GENERATE = f"""
[organisation.generate]
subordinate = false
customs = {{ gd = {list(_PORTS)!r} }}
staff = {{ tariff = 4, quarantine = 4, anti_smuggling = 4 }}
service = {{ ruling = "1 h", quarantine = "1 h", case = "1 h" }}
""".replace("'", '"')


def test_a_child_files_units_replace_its_parents_generate_and_back(tmp_path: Path):
    """A child of guangdong.toml could not write its own tree: its units met the parent's
    generate ("exactly one"), and ``generate = {}`` was an incomplete generate. A child's
    units replace the parent's generate, and a grandchild's generate those units."""
    child = tmp_path / "front.toml"
    child.write_text(f'extends = "{SCENARIOS / "guangdong.toml"}"\nname = "front"\n{_UNITS}')
    org = sim.load_scenario(child).organisation
    assert org.generate is None and set(org.units) == {"gac", "gd", "front"}
    again = tmp_path / "again.toml"
    again.write_text(f'extends = "front.toml"\nname = "again"\n{_GENERATE}')
    org = sim.load_scenario(again).organisation
    assert org.units == {} and org.generate is not None and list(org.generate.customs) == ["gd"]
    empty = tmp_path / "empty.toml"
    parent = SCENARIOS / "guangdong.toml"
    empty.write_text(f'extends = "{parent}"\n[organisation]\ngenerate = {{}}\n')
    with pytest.raises(sim.ScenarioError, match="write units alone"):
        sim.load_scenario(empty)


# -- patterns over the names a run gives by what it meets -----------------------------------
@pytest.mark.parametrize("name", ["guangdong", "guangdong-spindle", "guangdong-dumbbell"])
def test_a_pattern_picks_the_organisations_names_by_type_level_and_port(name: str):
    """``--show 'escalation_latency_h_mean_*'`` said "matches no metric" while the exact
    names worked: patterns were matched against the names every run gives, and those by
    type, deciding level and receiving port exist only once a run meets them. The names are
    now every one the tree can give; a run gives no other."""
    from sim.experiment.metric_names import metric_names, shown
    from sim.model.org.stats import RUN_DEPENDENT

    scenario = sim.load_scenario(SCENARIOS / f"{name}.toml")
    known = metric_names(scenario)
    picked = shown(["escalation_latency_h_mean_*", "alert_propagation_h_mean_port_*"], known)
    assert "escalation_latency_h_mean_quarantine" in picked
    assert f"alert_propagation_h_mean_port_{next(iter(scenario.ports))}" in picked
    run = simulate(sim.patch(scenario, {"days": 14, "warmup_days": 0}), 1).metrics()
    given = {m for m in run if m.startswith(tuple(RUN_DEPENDENT))}
    assert len(given) > 10 and given <= known.names, given - known.names


# -- errors name the field, the reform and the structure ----------------------------------
def _child(tmp_path: Path, units: str) -> Path:
    child = tmp_path / "tree.toml"
    child.write_text(f'extends = "{SCENARIOS / "guangdong.toml"}"\nname = "tree"\n{units}')
    return child


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('parent = "gd"', 'parent = "gdx"', "organisation.units.front.parent = 'gdx': "),
        ('level = "regional"', 'level = "field"', "organisation.units.gd.level = 'field': "),
        ('level = "field"', 'level = "national"', "organisation.units.front.level = 'national'"),
        ('ports = ["gz_nansha", ', "ports = [", "organisation.units: port 'gz_nansha' belongs"),
    ],
    ids=["unknown-parent", "field-with-units-under-it", "above-its-parent", "port-uncovered"],
)
def test_a_tree_error_names_the_field_not_the_whole_table(
    tmp_path: Path, old: str, new: str, field: str
):
    """Tree errors quoted the whole ``organisation = {...}`` table; and a customs declared
    at field level with field points under it was accepted."""
    assert old in _UNITS
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(_child(tmp_path, _UNITS.replace(old, new)))
    message = str(err.value)
    assert field in message and "organisation = {" not in message, message


def test_no_heads_for_a_task_raised_is_said_as_clearly_as_too_few():
    """``staff.quarantine=0`` said "no unit at level 'regional' ... handles 'quarantine'";
    ``staff.tariff=5`` said "too few ... give at least 17". Both now name the field, the
    task raised and the least total."""
    path = SCENARIOS / "guangdong.toml"
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(path, {"organisation.generate.staff.quarantine": 0})
    message = str(err.value)
    assert "organisation.generate.staff.quarantine = 0" in message
    assert "no quarantine heads" in message and "give at least 17" in message, message
    assert "organisation.escalations.quarantine.share to 0" in message


def test_a_structure_the_scenario_declares_but_cannot_run_is_named_by_check_and_compare(
    capsys,
):
    """A decided_at.dumbbell no unit serves passed ``check`` and failed in ``compare
    --reforms dumbbell`` with an error naming neither the field nor the reform."""
    from sim.cli import main
    from sim.reforms import ReformError, apply

    bad = {"organisation.escalations.ruling.decided_at.dumbbell": "local"}
    scenario = sim.load_scenario(SCENARIOS / "guangdong.toml", bad)
    with pytest.raises(ReformError) as err:
        apply(scenario, "dumbbell")
    message = str(err.value)
    assert message.startswith("reform dumbbell: organisation.escalations.ruling.decided_at."
                              "dumbbell = 'local': "), message
    setting = "organisation.escalations.ruling.decided_at.dumbbell=\"local\""
    assert main(["check", str(SCENARIOS / "guangdong.toml"), "--set", setting]) == 2
    said = capsys.readouterr().err
    assert ("error: command line: organisation.escalations.ruling.decided_at.dumbbell = "
            "'local': in the dumbbell") in said, said
    assert main(["check", str(SCENARIOS / "guangdong.toml")]) == 0
