"""Smuggling groups who adapt (sim.model.smuggling): logit route choice with an outside option,
deterrence and displacement, exponential smoothing of perceived detection, determinism, and
the baseline's consignments untouched by the groups' own streams."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm

from sim.cli import main
from sim.experiment.compare import compare
from sim.model.draws import REQUIREMENTS
from sim.model.run import simulate
from sim.model.smuggling import NOT_SMUGGLED
from sim.model.smuggling_groups import GroupState, logit_shares, smooth
from sim.model.streams import SMUGGLING_INDEX
from sim.model.world import World
from sim.scenario.loader import ScenarioError, load_scenario

SMALL = Path(__file__).parent / "scenarios" / "small.toml"

#: a group at the small scenario's sea port and on two patrolled routes outside it
SMUGGLING = """
[smuggling]
learning = {learning}
alert = {{factor = 2.0, duration = "2 d"}}

[smuggling.routes.sea]
kind = "port"
port = "sea"
cost = 1500
perceived = 0.1

[smuggling.routes.river]
kind = "river"
cost = 500
perceived = 0.3
patrol = {{staff = {river_staff}, per_officer = {per_officer}}}

[smuggling.routes.boats]
kind = "small_vessels"
cost = 2500
perceived = 0.05
patrol = {{staff = 2, per_officer = {per_officer}}}

[smuggling.groups.ring]
illicit = "frozen"
commodity = "frozen"
trader_class = "discredited"
origin = "unspecified"
value = {{dist = "lognormal", mean = 20000, cv = 0.5}}
margin = 0.25
rate = "{rate}/d"
profit_scale = 1500
routes = {routes}
"""


#: every frozen declaration examined (the small scenario's examinations find every frozen load)
EXAMINED = """
[selection.physical.frozen]
"*" = 1.0
"""


def scenario(tmp_path: Path, extra: str = "", **kw: object):
    """The small scenario with a smuggling group; ``extra`` TOML is appended."""
    params = {
        "learning": 0.2,
        "river_staff": 3,
        "per_officer": 0.05,
        "rate": 40,
        "routes": '["sea", "river", "boats"]',
    }
    params.update(kw)
    path = tmp_path / "smuggling.toml"
    path.write_text(SMALL.read_text() + SMUGGLING.format(**params) + extra)
    return load_scenario(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("smuggling")


@pytest.fixture(scope="module")
def base(folder):
    """The group's run under seed 5 (shared: runs cost time)."""
    return simulate(scenario(folder), 5)


@pytest.fixture(scope="module")
def plain():
    """The small scenario without smuggling, with its log."""
    return simulate(load_scenario(SMALL), 4, log=True)


def by_route(frame) -> dict[str, int]:
    return {k: int(v) for k, v in frame.groupby("route")["chosen"].sum().items()}


# -- the choice model -----------------------------------------------------------------------
def test_logit_shares_include_the_outside_option():
    p = logit_shares(np.array([3000.0, 1000.0]), 1000.0)
    e = np.exp([3.0, 1.0, 0.0])
    assert p == pytest.approx(e / e.sum(), rel=1e-12)
    # profits far below zero: (almost) everybody stays out
    assert logit_shares(np.array([-50_000.0]), 1000.0)[-1] == pytest.approx(1.0)


def test_route_shares_equal_the_logit_probabilities_when_beliefs_are_fixed(tmp_path):
    """Learning off: each opportunity picks route k with the logit probability p_k, so the
    counts are multinomial(N, p); every count lies within its binomial interval
    (Bonferroni over the 4 options at 99.9 % overall)."""
    s = scenario(tmp_path, learning=0.0, rate=150)
    world = World(s, 3).run()
    group = world.smugglers.groups[0]
    expected = group.shares()
    frame = world.result().smuggling
    counts = by_route(frame)
    names = ["sea", "river", "boats", NOT_SMUGGLED]
    n = sum(counts.values())
    assert n > 1800
    z = norm.ppf(1 - 0.001 / (2 * len(names)))
    for name, p in zip(names, expected, strict=True):
        half = z * math.sqrt(n * p * (1 - p))
        assert abs(counts.get(name, 0) - n * p) <= half, (name, counts, n * expected)
    # and the shares are the logit of gain x (1 - perceived) - cost
    gain = 0.25 * 20000
    profit = gain * (1 - np.array([0.1, 0.3, 0.05])) - np.array([1500, 500, 2500])
    assert expected == pytest.approx(logit_shares(profit, 1500.0))


def test_raising_detection_everywhere_deters(tmp_path, base):
    """Patrols ten times as effective on every route outside the port, and every port
    attempt seized (a physical exam of every discredited trader's frozen goods, all found):
    the groups learn it and fewer attempts are made at all (not only moved)."""
    base = base.metrics()
    s = scenario(tmp_path, EXAMINED, per_officer=0.5)
    hard = simulate(s, 5).metrics()
    assert hard["smuggling_opportunities"] == base["smuggling_opportunities"]  # same stream
    assert hard["smuggling_attempts"] < 0.7 * base["smuggling_attempts"]
    assert hard["attempts_deterred"] > base["attempts_deterred"] + 50
    assert hard["smuggling_caught_at_ports"] > 0


def test_raising_detection_on_one_route_displaces_flow_to_the_others(tmp_path, base):
    river = simulate(scenario(tmp_path, river_staff=30), 5).smuggling
    b, r = by_route(base.smuggling), by_route(river)
    assert sum(b.values()) == sum(r.values())  # the same opportunities
    assert r["river"] < 0.5 * b["river"]
    assert r["sea"] > b["sea"] and r["boats"] > b["boats"]


# -- learning -------------------------------------------------------------------------------
def test_perceived_detection_is_exponentially_smoothed():
    a, p0 = 0.3, 0.2
    outcomes = [True, False, False, True, True, False, True]
    p = p0
    for caught in outcomes:
        p = smooth(p, caught, a)
    n = len(outcomes)
    closed = (1 - a) ** n * p0 + sum(
        a * (1 - a) ** (n - 1 - i) * float(x) for i, x in enumerate(outcomes)
    )
    assert p == pytest.approx(closed, abs=1e-15)


def test_groups_learn_from_every_outcome_on_each_route(tmp_path):
    """Crossings a patrol always stops (river) and never stops (boats), and port attempts
    that are always seized: after n outcomes on a route the group believes exactly
    1 - (1 - a)^n (1 - p0) (always caught) or (1 - a)^n p0 (never caught)."""
    s = scenario(tmp_path, EXAMINED, per_officer=50, learning=0.1)
    s = s.model_copy(
        update={
            "smuggling": s.smuggling.model_copy(
                update={
                    "routes": {
                        **s.smuggling.routes,
                        "boats": s.smuggling.routes["boats"].model_copy(
                            update={
                                "patrol": s.smuggling.routes["boats"].patrol.model_copy(
                                    update={"staff": 0}
                                )
                            }
                        ),
                    }
                }
            ),
        }
    )
    world = World(s, 2).run()
    g = world.smugglers.groups[0]
    frame = world.result().smuggling
    told = frame.groupby("route")[["caught", "slipped"]].sum()
    a = 0.1
    n_sea, n_river = int(told.loc["sea", "caught"]), int(told.loc["river", "caught"])
    n_boats = int(told.loc["boats", "slipped"])
    assert told.loc["sea", "slipped"] == 0 and told.loc["river", "slipped"] == 0
    assert told.loc["boats", "caught"] == 0
    assert min(n_sea, n_river, n_boats) > 5
    assert g.perceived[0] == pytest.approx(1 - (1 - a) ** n_sea * (1 - 0.1), abs=1e-12)
    assert g.perceived[1] == pytest.approx(1 - (1 - a) ** n_river * (1 - 0.3), abs=1e-12)
    assert g.perceived[2] == pytest.approx((1 - a) ** n_boats * 0.05, abs=1e-12)


def test_a_group_state_chooses_by_cumulative_shares(tmp_path):
    s = scenario(tmp_path)
    world = World(s, 0)
    g: GroupState = world.smugglers.groups[0]
    cum = np.cumsum(g.shares())
    assert g.choose(0.0) == 0
    assert g.choose(float(cum[0]) + 1e-9) == 1
    assert g.choose(0.999999999) == len(g.routes)


def test_an_alert_raises_patrols_against_the_group_for_its_duration(tmp_path):
    """After the group's goods are caught, a crossing is interdicted with probability
    1 - exp(-k x staff x factor) until the alert lapses, and 1 - exp(-k x staff) after."""
    world = World(scenario(tmp_path), 0)
    sm = world.smugglers
    g = sm.groups[0]
    river = g.routes.index(sm.routes[sm.route_index["river"]])
    normal, raised = 1 - math.exp(-0.05 * 3), 1 - math.exp(-0.05 * 3 * 2.0)
    u = (normal + raised) / 2  # stopped only under the alert
    sm._outcome(g, 2, 0, 1.0, True)  # caught elsewhere: alert for 2 days from now (0 h)
    assert g.alert_until == 48.0
    sm._cross(g, river, 0, 0.0, 1.0, u, None)
    world.env.run(until=48.0)  # the alert has lapsed
    sm._cross(g, river, 0, 48.0, 1.0, u, None)
    n = sm.ledger.n[0, 0, sm.route_index["river"]]
    assert n[1] == 1 and n[2] == 1  # caught once (under the alert), slipped once (after)


# -- determinism and the baseline -----------------------------------------------------------
def test_same_seed_same_smuggling(tmp_path, base):
    again = simulate(scenario(tmp_path), 5)
    assert again.smuggling.equals(base.smuggling)
    a, b = again.metrics(), base.metrics()
    assert a.keys() == b.keys()
    assert all(a[k] == b[k] or (math.isnan(a[k]) and math.isnan(b[k])) for k in a)
    other = simulate(scenario(tmp_path, routes='["river", "boats"]'), 6)
    assert not other.smuggling.equals(again.smuggling)


def test_baseline_consignments_keep_their_draws(tmp_path, plain):
    """With a group declaring at the sea port, every baseline consignment carries the very
    same requirement row (attributes, service times, selection) as without smuggling; the
    group's declarations have indices of their own and its forced attributes."""
    plain = plain.log
    with_smuggling = simulate(scenario(tmp_path), 4, log=True).log
    base = with_smuggling[with_smuggling["index"] < SMUGGLING_INDEX].reset_index(drop=True)
    assert len(base) == len(plain)
    for col in ("index", *REQUIREMENTS):
        assert (base[col].to_numpy() == plain[col].to_numpy()).all(), col
    ours = with_smuggling[with_smuggling["index"] >= SMUGGLING_INDEX]
    assert len(ours) > 20
    assert (ours["commodity"] == "frozen").all()
    assert (ours["trader_class"] == "discredited").all()
    assert (ours["cohort"] == ((ours["arrived"] >= 7 * 24) & (ours["arrived"] < 14 * 24))).all()


def test_routes_outside_the_ports_leave_the_ports_exactly_as_they_were(tmp_path, plain):
    s = scenario(tmp_path, routes='["river", "boats"]')
    other = simulate(s, 4, log=True)
    assert other.counts == plain.counts
    assert other.clearance.equals(plain.clearance)
    assert other.metrics()["smuggling_attempts"] > 0


def test_port_attempts_carry_their_illicit_type_and_are_found_by_the_checks(tmp_path):
    """The group's declarations carry its hidden truth (frozen, not concealed); every one of
    them physically examined is seized (the small scenario's exam finds all frozen loads)."""
    log = simulate(scenario(tmp_path, EXAMINED), 4, log=True).log
    ours = log[log["index"] >= SMUGGLING_INDEX]
    assert len(ours) > 20
    assert (ours["illicit"] == "frozen").all() and not ours["concealed"].any()
    examined = ours[ours["channel"].astype(str).str.contains("physical")]
    assert len(examined) > 10
    assert (examined["outcome"] == "seized").all()


def test_value_slipped_at_the_ports_and_outside_them_add_up_to_the_truth(base):
    """A port route's load is a declaration at the port: its value is in the ports'
    value_slipped, so the outside figure counts the routes outside the ports only, and the
    two add up to what truly slipped through (each load once)."""
    m, frame = base.metrics(), base.smuggling
    obs = frame[frame["observed"] & (frame["route"] != NOT_SMUGGLED)]
    at_port = obs["kind"] == "port"
    assert obs.loc[at_port, "value_slipped"].sum() > 0  # (else the test shows nothing)
    outside = obs.loc[~at_port, "value_slipped"].sum()
    assert m["smuggling_value_slipped_outside"] == pytest.approx(outside)
    assert m["smuggling_value_slipped_at_ports"] == pytest.approx(
        obs.loc[at_port, "value_slipped"].sum()
    )
    assert "smuggling_value_slipped" not in m  # (the old name, which counted both)
    e = base.enforcement
    bad = e[e["truth"] != "compliant"]
    at_ports = (bad["value"] - bad["detected_value"] - bad["audit_detected_value"]).sum()
    assert m["value_slipped"] == pytest.approx(at_ports)
    assert m["value_slipped"] >= m["smuggling_value_slipped_at_ports"] - 1e-6
    assert m["value_slipped_total"] == pytest.approx(at_ports + outside)  # (each load once)


def test_attempts_are_counted_by_their_time_and_days_as_the_daily_series_counts_them():
    """With a warm-up of three and a half days the observed window starts mid-day: a port
    route's attempts are its loads in the cohort (cut at the same instant, by their time),
    and the smuggling table's ``day`` is the daily enforcement series' (0: the 24 hours from
    the end of the warm-up), so the two join on it."""
    beilun = Path(__file__).parent.parent / "scenarios" / "beilun-border.toml"
    s = load_scenario(beilun, {"warmup_days": 3.5, "days": 14})
    r = simulate(s, 3, log=True)
    log = r.log[r.log["cohort"] & (r.log["index"] >= SMUGGLING_INDEX)]
    log = log.assign(day=((log["arrived"] - 3.5 * 24) // 24).astype(int), port=log.port.astype(str))
    loads = log.groupby(["day", "port"]).size()
    frame = r.smuggling
    ports = frame[frame["observed"] & (frame["kind"] == "port")]
    routes = {n: rt.port for n, rt in s.smuggling.routes.items()}
    chosen = ports.assign(port=ports.route.map(routes)).groupby(["day", "port"])["chosen"].sum()
    chosen = chosen[chosen > 0]  # (the table has a row for every option, chosen or not)
    assert chosen.to_dict() == loads.to_dict()
    m = r.metrics()
    at_road = int((log.port == "dongxing").sum())
    assert m["smuggling_attempts_route_dongxing_road"] == at_road == 33
    observed_days = set(frame.loc[frame["observed"], "day"])
    assert observed_days == set(r.enforcement_daily["day"]) == set(range(14))
    assert (frame.loc[~frame["observed"], "day"] < 0).all()


# -- input ------------------------------------------------------------------------------------
def test_an_unknown_route_is_named_with_its_field(tmp_path, capsys):
    s = SMALL.read_text() + SMUGGLING.format(
        learning=0.2, river_staff=3, per_officer=0.05, rate=40, routes='["sea", "ferry"]'
    )
    path = tmp_path / "bad.toml"
    path.write_text(s)
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "smuggling.groups.ring.routes" in err and "'ferry'" in err and "river" in err


def test_a_route_listed_twice_for_a_group_is_refused(tmp_path, capsys):
    """A repeated route would weigh double in the group's logit choice: it is named."""
    path = tmp_path / "twice.toml"
    path.write_text(
        SMALL.read_text() + SMUGGLING.format(
            learning=0.2, river_staff=3, per_officer=0.05, rate=40, routes='["river", "river"]'
        )
    )
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "smuggling.groups.ring.routes = ['river', 'river']" in err
    assert "route 'river' given twice" in err


#: a [costs] section whose roles lack the default patrol role (customs_officer)
COSTS_WITHOUT_PATROL_ROLE = """
[costs]
price_year = 2019
[costs.roles]
officer = 21100
[costs.staff]
exam_teams = { role = "officer", heads = 2 }
"""


def test_a_patrol_role_missing_from_the_costs_roles_is_refused_on_load(tmp_path, capsys):
    """Patrols are priced by costs.patrol_role: one that is not in costs.roles is named on
    load (each replication used to fail with a KeyError)."""
    path = tmp_path / "bad.toml"
    path.write_text(
        SMALL.read_text() + SMUGGLING.format(
            learning=0.2, river_staff=3, per_officer=0.05, rate=40, routes='["sea", "river"]'
        ) + COSTS_WITHOUT_PATROL_ROLE
    )
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "costs.patrol_role" in err and "'customs_officer'" in err
    assert "allowed (costs.roles): officer" in err and "river" in err
    fixed = load_scenario(path, {"costs.patrol_role": "officer"})
    assert fixed.costs.patrol_role == "officer"
    with pytest.raises(ScenarioError, match=r"costs\.patrol_role = 'guard'.*allowed"):
        load_scenario(path, {"costs.patrol_role": "guard"})


def test_a_comparison_shows_smuggling_beside_what_slips_through_at_the_ports(tmp_path):
    """More patrol on the river: its table and report.html show the attempts, those deterred
    and interdicted, the value slipped outside the ports and attempts by route; value_slipped
    (declared goods at the ports only) and the outside figure say that they add up, and money
    is in the scenario's currency (USD)."""
    import io

    from rich.console import Console

    from sim.cli_compare import table, table_rows
    from sim.experiment.compare import compare

    short = {"days": 2, "warmup_days": 1, "drain_days": 3}
    res = compare(scenario(tmp_path), ["river6:smuggling.routes.river.patrol.staff=6"],
                  reps=2, overrides=short, out=tmp_path / "c")
    rows = table_rows(res)
    smuggling = ("smuggling_opportunities", "attempts_deterred", "smuggling_attempts",
                 "smuggling_interdicted", "smuggling_caught_at_ports", "smuggling_slipped",
                 "smuggling_unresolved", "smuggling_value_slipped_outside",
                 "value_slipped_total", "smuggling_attempts_route_boats",
                 "smuggling_attempts_route_river", "smuggling_attempts_route_sea")
    at = rows.index("value_slipped") + 1
    assert rows[at:at + len(smuggling)] == smuggling
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(table(res, rows))
    text = console.export_text()
    assert "value_slipped (USD, observed days), at the ports only" in text
    assert "smuggling_value_slipped_outside (USD, observed days), routes outside" in text
    assert "smuggling_interdicted (attempts)" in text
    html = (tmp_path / "c" / "report.html").read_text(encoding="utf-8")
    assert "<h2>Smuggling</h2>" in html
    assert 'data-plot="smuggling-beliefs"' in html  # (what the groups believed, by day)
    for name in smuggling:
        assert f'data-metric="{name}" data-option="river6"' in html
    assert "value_slipped (USD, observed days), at the ports only" in html
    head = html.split("<h2>Headline</h2>")[1].split("<h2>")[0]
    for line in ("value of illicit goods slipping through in all (ports + smuggling routes "
                 "outside them; over the observed days, not a year): ",
                 "smuggling attempts (every route): ",
                 "smuggling opportunities deterred (not tried): ",
                 "smuggling attempts interdicted by patrols outside the ports: ",
                 "share of smuggling attempts caught (by patrols outside the ports or by the "
                 "ports' checks): "):
        assert f"<li>{line}" in head.replace("&#x27;", "'"), line
    summary = (tmp_path / "c" / "summary.csv").read_text(encoding="utf-8")
    assert "currency" not in summary and '"USD, observed days"' in summary


def test_a_runs_table_shows_smuggling_beside_value_slipped(tmp_path, capsys):
    out = tmp_path / "r"
    scenario(tmp_path)  # (written to smuggling.toml)
    argv = ["run", str(tmp_path / "smuggling.toml"), "--days", "2", "--set", "warmup_days=1",
            "--set", "drain_days=3", "--reps", "2", "--out", str(out)]
    assert main(argv) == 0
    text = capsys.readouterr().out
    order = ["value_slipped,", "smuggling_opportunities ", "attempts_deterred ",
             "smuggling_attempts ", "smuggling_interdicted ", "smuggling_caught_at_ports ",
             "smuggling_slipped ", "smuggling_unresolved ", "smuggling_value_slipped_outside,",
             "smuggling_attempts_route_"]
    at = [text.index(f"│ {name}") for name in order]
    assert at == sorted(at)
    value = {name.strip(" ,"): _cell(text, name) for name in order[1:8]}  # the two splits
    assert value["smuggling_opportunities"] == pytest.approx(
        value["attempts_deterred"] + value["smuggling_attempts"])
    assert value["smuggling_attempts"] == pytest.approx(sum(
        value[k] for k in ("smuggling_interdicted", "smuggling_caught_at_ports",
                           "smuggling_slipped", "smuggling_unresolved")))
    assert "smuggling_attempts_route_river" in text
    assert "USD, observed days" in text and "currency" not in text


def test_a_comparison_without_smuggling_has_no_smuggling_rows_or_section(tmp_path):
    from sim.cli_compare import table_rows
    from sim.experiment.compare import compare

    short = {"days": 2, "warmup_days": 1, "drain_days": 3}
    res = compare(SMALL, ["review4:ports.sea.review.capacity=4"], reps=1, overrides=short,
                  out=tmp_path / "c")
    assert not [r for r in table_rows(res) if "smuggling" in r or "attempts" in r]
    assert "<h2>Smuggling</h2>" not in (tmp_path / "c" / "report.html").read_text()
    assert not (tmp_path / "c" / "smuggling-weekly.csv").exists()  # (no groups, no series)


#: the group declares as the sea port's general traders do (most of its loads get through)
LIKE_TRADERS = {
    "smuggling.groups.ring.trader_class": "general",
    "smuggling.groups.ring.commodity": "general",
}


def test_who_gains_compares_the_traders_consignments_and_none_of_the_groups_loads(tmp_path):
    """More patrol on the river sends more of the group's loads to the sea port, where their
    indices count them as they come: the k-th load of the option is another load than the
    baseline's k-th. Who gains counts exactly the traders' consignments released in both."""
    out = tmp_path / "c"
    res = compare(
        scenario(tmp_path), ["river30:smuggling.routes.river.patrol.staff=30"], reps=1,
        seed=4, overrides={"days": 3, **LIKE_TRADERS}, out=out, report=False,
    )  # fmt: skip
    both = set.intersection(*(_released(out, name) for name in ("baseline", "river30")))
    traders = {key for key in both if key[1] < SMUGGLING_INDEX}
    assert len(both) - len(traders) > 10  # the group's loads share indices in the two runs
    g = res.gains
    everyone = g[(g["option"] == "river30") & (g["dimension"] == "all")]
    assert set(everyone["measure"]) >= {"clearance", "overall_clearance"}
    assert everyone.set_index("measure").loc["clearance", "n"] == len(traders)


def _released(out: Path, option: str) -> set[tuple[str, int]]:
    """(port, index) of the consignments an option's first replication released."""
    log = pd.read_parquet(out / "options" / option / "reps" / "rep-0000-log.parquet")
    log = log[log["outcome"].astype(str) == "released"]
    return set(zip(log["port"].astype(str), log["index"].astype(int), strict=True))


def _cell(text: str, name: str) -> float:
    """The mean shown on the table row of ``name``."""
    line = next(x for x in text.splitlines() if x.startswith(f"│ {name}"))
    return float(line.split("│")[3].strip().replace(",", ""))


def test_the_beilun_groups_cross_when_the_scenario_says_and_its_catch_rates_are_the_models():
    """The river route is night crossings: the frozen gang's loads move only in the hours the
    river's night shift is on, so a crossing without an alert is stopped with probability
    1 - exp(-per_officer x 6), the rate the file states; the tobacco ring's loads are ready
    at any hour, as its note says, and those through the resident-trade market wait for its
    opening hours, when its inspectors are on duty. Where a group's gain equals a route's
    cost, the file says so."""
    path = Path(__file__).parent.parent / "scenarios" / "beilun-border.toml"
    s = load_scenario(path)
    assert s.smuggling is not None
    river = s.smuggling.routes["beilun_river"].patrol
    assert river is not None and river.schedule is not None
    frozen = s.smuggling.groups["frozen_gang"]
    hours = [h for h, w in enumerate(frozen.hourly) if w > 0]
    assert hours and {river.schedule[h] for h in hours} == {6}
    text = path.read_text(encoding="utf-8")
    night = 1 - math.exp(-river.per_officer * 6)
    assert f"6 officers (20:00-06:00) stop {100 * night:.1f} %" in text
    day = 1 - math.exp(-river.per_officer * 2)
    assert f"2 officers (by day) {100 * day:.1f} %" in text
    tobacco = s.smuggling.groups["tobacco_ring"]
    assert "resident_trade" in tobacco.routes and set(tobacco.hourly) == {1.0}
    market = s.smuggling.routes["resident_trade"]
    assert market.open_hours is not None and market.patrol is not None
    staff = market.patrol.weekly()
    opened = [h for h in range(24) if market.opens(h + 0.5) == h + 0.5]
    assert opened and all(staff[h] > 0 for h in opened)
    gain = tobacco.margin * tobacco.value.mean
    assert gain == s.smuggling.routes["fangchenggang_sea"].cost
    assert "tobacco can never profit here" in text
    assert "follows from the assumed margins" in text


def test_an_unknown_route_in_a_groups_perceived_is_named_there(tmp_path, capsys):
    """An unknown route in a group's ``perceived`` is named at that key, with its value, in
    the file that wrote it (it was blamed on ``routes``, whose value lacks the route, and,
    under ``extends``, on the parent file)."""
    base = tmp_path / "base.toml"
    base.write_text(SMALL.read_text() + SMUGGLING.format(
        learning=0.2, river_staff=3, per_officer=0.05, rate=40, routes='["sea", "river"]'))
    child = tmp_path / "child.toml"
    child.write_text('extends = "base.toml"\n\n[smuggling.groups.ring]\n'
                     'perceived = { tunnel = 0.5 }\n')  # fmt: skip
    assert main(["check", str(child)]) == 2
    err = capsys.readouterr().err
    assert f"{child}: smuggling.groups.ring.perceived.tunnel = 0.5: unknown route 'tunnel'" \
        in err, err


def test_a_route_opens_at_its_hours_past_midnight_too():
    from sim.scenario.smuggling import Route

    day = Route(kind="river", cost=1, perceived=0.1, open_hours=("08:00", "18:00"),
                patrol={"staff": 1, "per_officer": 0.1})  # fmt: skip
    assert [day.opens(t) for t in (7.5, 8.0, 17.99, 18.0, 23.0, 24 + 9)] == pytest.approx(
        [8.0, 8.0, 17.99, 32.0, 32.0, 33.0]
    )
    night = day.model_copy(update={"open_hours": (20.0, 6.0)})
    assert [night.opens(t) for t in (19.0, 21.0, 24 + 5, 24 + 7)] == pytest.approx(
        [20.0, 21.0, 29.0, 44.0]
    )
    assert Route(kind="river", cost=1, perceived=0.1,
                 patrol={"staff": 1, "per_officer": 0.1}).opens(3.0) == 3.0  # fmt: skip


def test_loads_on_a_route_with_opening_hours_cross_only_while_it_is_open(tmp_path):
    """A river patrolled only 08:00-18:00 so heavily that it stops every crossing then: with
    the route open only in those hours, every crossing is stopped; open at any hour, the
    night's crossings get through."""
    day_only = "[" + ",".join("50" if 8 <= h < 18 else "0" for h in range(24)) + "]"
    extra = (f'\n[smuggling.routes.river.patrol]\nschedule = {day_only}\n'
             'per_officer = 1.0\n')  # fmt: skip

    def river(open_hours: str):
        scenario(tmp_path, learning=0.0, routes='["river"]')  # (written to smuggling.toml)
        text = (tmp_path / "smuggling.toml").read_text()
        text = text.replace("patrol = {staff = 3, per_officer = 0.05}\n", open_hours)
        (tmp_path / "smuggling.toml").write_text(text + extra)
        frame = load_and_run(tmp_path / "smuggling.toml").smuggling
        return frame[frame["route"] == "river"][["caught", "slipped"]].sum()

    opened = river('open_hours = ["08:00", "18:00"]\n')
    assert opened["caught"] > 100 and opened["slipped"] == 0, opened
    anytime = river("")
    assert anytime["slipped"] > 0.3 * (anytime["caught"] + anytime["slipped"]), anytime


def load_and_run(path: Path):
    return simulate(load_scenario(path), 6)


def test_the_headline_says_where_smuggling_attempts_went():
    """A patrol that displaces loads changes little in the totals: the headline lists each
    route's change of attempts and of those not tried, largest first, with intervals, and
    says nothing when no route changed clearly."""
    from sim.report.headline import _routes

    def row(mean: float, low: float, high: float) -> dict:
        return {"mean": mean, "shown_low": low, "shown_high": high}

    rows = {
        ("river30", "smuggling_attempts_route_river"): row(-37.2, -45.1, -29.3),
        ("river30", "smuggling_attempts_route_road"): row(19.2, 12.0, 26.4),
        ("river30", "smuggling_attempts_route_boats"): row(-0.4, -4.5, 3.7),
        ("river30", "attempts_deterred"): row(3.4, -1.0, 7.8),
        ("other", "smuggling_attempts_route_river"): row(-1.0, -3.0, 1.0),
    }
    text = _routes(rows, "river30")
    assert text.startswith("where smuggling attempts went, a replication (95 % CI): "
                           "river 37.2 fewer (29.3 to 45.1); road 19.2 more (12.0 to 26.4); "
                           "not tried (deterred) no clear change (3.40; -1.00 to 7.80); "
                           "boats no clear change (-0.40; -4.50 to 3.70)."), text
    assert _routes(rows, "other") == ""  # (nothing clear)
    assert _routes({}, "river30") == ""  # (no smugglers)


BEILUN_FILE = Path(__file__).parent.parent / "scenarios" / "beilun-border.toml"


def test_a_patrol_set_on_a_port_route_is_refused_at_once(capsys):
    """``--set`` of a patrol on a port route says that port routes take no patrol (it asked
    for the patrol's missing ``per_officer``, then refused the route once it was given)."""
    for extra in ([], ["--set", "smuggling.routes.dongxing_road.patrol.per_officer=0.03"]):
        argv = ["check", str(BEILUN_FILE),
                "--set", "smuggling.routes.dongxing_road.patrol.staff=10", *extra]  # fmt: skip
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "a port route is checked by the port, not by a patrol" in err, err
        assert "set it too" not in err


def test_a_belief_about_a_route_the_group_does_not_use_is_refused(capsys):
    argv = ["check", str(BEILUN_FILE),
            "--set", "smuggling.groups.tobacco_ring.perceived={coastal_boats=0.3}"]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert ("smuggling.groups.tobacco_ring.perceived.coastal_boats = 0.3: the group does not "
            "use route 'coastal_boats'") in err, err


def test_a_group_with_no_opportunities_gets_a_note(capsys):
    argv = ["check", str(BEILUN_FILE), "--set", "smuggling.groups.tobacco_ring.rate=0/d"]
    assert main(argv) == 0
    out = capsys.readouterr()
    assert "smuggling.groups.tobacco_ring has a rate of 0" in out.out + out.err


def test_each_routes_catches_and_catch_rate_are_metrics(base):
    """What a patrol commander asks: each route's catches and catch rate; the catches add up
    to those interdicted and those caught at the ports."""
    m, frame = base.metrics(), base.smuggling
    obs = frame[frame["observed"]]
    for route in ("sea", "river", "boats"):
        mine = obs[obs["route"] == route]
        caught, slipped = int(mine["caught"].sum()), int(mine["slipped"].sum())
        assert m[f"smuggling_caught_route_{route}"] == caught
        assert m[f"smuggling_caught_share_route_{route}"] == pytest.approx(
            caught / (caught + slipped))
    assert m["smuggling_caught_route_river"] + m["smuggling_caught_route_boats"] == m[
        "smuggling_interdicted"]
    assert m["smuggling_caught_route_sea"] == m["smuggling_caught_at_ports"] > 0


def test_beliefs_are_plotted_only_where_every_option_kept_them():
    """A folder written before the smuggling table kept the groups' beliefs has none to
    plot: the report leaves the plot out rather than failing."""
    import pandas as pd

    from sim.report.smuggling_plots import beliefs, has_beliefs

    new = pd.DataFrame({"day": [-1, 0, 0], "group": ["g"] * 3, "route": ["a", "a", "b"],
                        "perceived": [0.1, 0.2, 0.3]})  # fmt: skip
    old = new.drop(columns="perceived")
    assert has_beliefs({"base": new}) and not has_beliefs({"base": new, "x": old})
    assert not has_beliefs({"base": None}) and not has_beliefs({})
    fig = beliefs({"base": new})
    assert [ax.get_title() for ax in fig.axes] == ["g"]
    assert len(fig.axes[0].lines) == 3  # (two routes and the line at day 0)


#: a second group, carrying another illicit type, on the routes outside the port only
TOBACCO_GROUP = """
[smuggling.groups.cigarettes]
illicit = "tobacco"
commodity = "general"
trader_class = "general"
origin = "unspecified"
value = {dist = "lognormal", mean = 20000, cv = 0.5}
margin = 0.2
rate = "20/d"
profit_scale = 1500
routes = ["river", "boats"]
"""


def test_each_illicit_types_deterrence_and_routes_are_metrics_of_their_own(tmp_path):
    """What a tobacco-control researcher asks: the tobacco groups' deterrence, route choice,
    catch share and value slipped, apart from the other groups' they are pooled with. Each
    type's figures are its rows of the truth table, only its groups' routes are named, and
    the types add up to the pooled figures."""
    run = simulate(scenario(tmp_path, TOBACCO_GROUP), 5)
    m, frame = run.metrics(), run.smuggling
    obs = frame[frame["observed"]]
    for kind in ("frozen", "tobacco"):
        mine = obs[obs["illicit"] == kind]
        tried = mine[mine["route"] != NOT_SMUGGLED]
        deterred = int(mine.loc[mine["route"] == NOT_SMUGGLED, "chosen"].sum())
        caught, slipped = int(tried["caught"].sum()), int(tried["slipped"].sum())
        assert 0 < deterred < int(mine["chosen"].sum())
        assert m[f"attempts_deterred_{kind}"] == deterred
        assert m[f"smuggling_deterred_share_{kind}"] == pytest.approx(
            deterred / int(mine["chosen"].sum()))
        assert m[f"smuggling_caught_share_{kind}"] == pytest.approx(
            caught / (caught + slipped))
        assert m[f"smuggling_value_slipped_{kind}"] == pytest.approx(
            float(tried["value_slipped"].sum()))
        assert m[f"smuggling_interdicted_{kind}"] == int(
            tried.loc[tried["kind"] != "port", "caught"].sum())
    assert m["smuggling_interdicted_frozen"] + m["smuggling_interdicted_tobacco"] == m[
        "smuggling_interdicted"] > 0
    assert "smuggling_attempts_tobacco_route_sea" not in m  # (not a route of its groups)
    for route in ("sea", "river", "boats"):
        kinds = [k for k in ("frozen", "tobacco") if f"smuggling_attempts_{k}_route_{route}" in m]
        assert sum(m[f"smuggling_attempts_{k}_route_{route}"] for k in kinds) == m[
            f"smuggling_attempts_route_{route}"]
    assert m["smuggling_attempts_tobacco_route_river"] > 0
    _type_route_seizures(m, obs)
    assert m["attempts_deterred_frozen"] + m["attempts_deterred_tobacco"] == m[
        "attempts_deterred"]
    assert m["smuggling_value_slipped_frozen"] + m["smuggling_value_slipped_tobacco"] == (
        pytest.approx(m["smuggling_value_slipped_outside"] + m["smuggling_value_slipped_at_ports"]))


def _type_route_seizures(m: dict[str, float], obs) -> None:
    """What an enforcement analyst asks of each type: the share of its attempts that went by
    each route, and what was seized of them there; the shares add up to 1 and each type's
    catches on a route add up to the route's."""
    for kind, routes in (("frozen", ("sea", "river", "boats")), ("tobacco", ("river", "boats"))):
        tried = obs[(obs["illicit"] == kind) & (obs["route"] != NOT_SMUGGLED)]
        assert sum(m[f"smuggling_route_share_{kind}_route_{r}"] for r in routes) == (
            pytest.approx(1))
        for route in routes:
            mine = tried[tried["route"] == route]
            caught, slipped = int(mine["caught"].sum()), int(mine["slipped"].sum())
            assert m[f"smuggling_route_share_{kind}_route_{route}"] == pytest.approx(
                int(mine["chosen"].sum()) / int(tried["chosen"].sum()))
            assert m[f"smuggling_caught_{kind}_route_{route}"] == caught
            assert m[f"smuggling_caught_share_{kind}_route_{route}"] == pytest.approx(
                caught / (caught + slipped))
    for route in ("river", "boats"):
        assert m[f"smuggling_caught_frozen_route_{route}"] + m[
            f"smuggling_caught_tobacco_route_{route}"] == m[f"smuggling_caught_route_{route}"]
    assert m["smuggling_caught_tobacco_route_river"] > 0
