"""The bonded zone example (docs/examples/bonded-zone/, docs/bonded-zone.md): the zone's
entry leg is the sea port's transit goods at a priced desk, its gate a land port of its own
whose imports (releases for domestic sale) have no discharge and whose exports leave after
a haul; every command on the page parses, its scenario loads, and its --set, --param and
--show names exist. (That every number the example writes cites a source or says it is an
assumption is checked with every docs example's, in test_scenario_sources.py.)"""

from __future__ import annotations

import fnmatch
import re
import shlex
from pathlib import Path

import pytest

import sim
from sim.cli import build_parser
from sim.experiment.metric_names import metric_names

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLE = DOCS / "examples" / "bonded-zone" / "zone.toml"
PAGE = DOCS / "bonded-zone.md"
SHORT = {"days": 1, "warmup_days": 0, "drain_days": 2}


def _commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    return [line for b in blocks for line in b.splitlines() if line.startswith("bordersim ")]


COMMANDS = _commands()


def test_the_example_has_the_ports_and_flows_the_page_says():
    s = sim.load_scenario(EXAMPLE)
    assert sorted(s.ports) == ["sea_port", "zone_gate"]
    port, gate = s.ports["sea_port"], s.ports["zone_gate"]
    transit = port.transit
    assert transit is not None and transit.desk is not None and transit.integrated == 0
    assert "transit_desk" in s.costs.staff  # (the desk's officers are priced)
    assert gate.mode == "land" and gate.arrivals.batch is None and gate.transit is None
    assert gate.exports is not None and gate.exports.loading.delay is not None
    # duty and import VAT at the gate's releases for domestic sale; none on the entry leg
    assert gate.duty_payment is not None and gate.duty_payment.mean > 0
    assert port.duty_payment is None and s.after_release.duty_payment.mean == 0
    text = PAGE.read_text(encoding="utf-8")
    for words in ("`zone_gate`", "land mode", "`[ports.sea_port.transit]`", "`desk`",
                  "`ports.zone_gate.duty_payment`"):
        assert words in text, words


def test_the_gates_imports_have_no_discharge_and_only_the_port_sends_goods_in_transit():
    r = sim.simulate(sim.load_scenario(EXAMPLE, SHORT), 1, log=True)
    assert r.log is not None
    log = r.log
    at_gate = log[log.port == "zone_gate"]
    imports = at_gate[at_gate.direction == "import"]
    assert len(imports) > 50 and (at_gate.direction == "export").sum() > 50
    assert ((imports.discharged - imports.arrived).abs() < 1e-9).all()
    assert not at_gate.transit.any()
    assert log[(log.port == "sea_port") & (log.direction == "import")].transit.any()


@pytest.mark.parametrize("line", COMMANDS, ids=lambda c: " ".join(c.split()[1:3]))
def test_every_command_on_the_page_parses_and_names_what_exists(line):
    args = build_parser().parse_args(shlex.split(line)[1:])
    base = sim.load_scenario(ROOT / args.scenario, dict(args.settings))
    scenarios = [base]
    for key, values in getattr(args, "params", None) or []:
        scenarios += [sim.patch(base, {key: v}) for v in values]
    shown = [m for group in args.show for m in group.split(",")]
    assert shown, "each command shows the metrics the page reads"
    names = [sorted(metric_names(s).names) for s in scenarios]
    for pattern in shown:
        assert any(fnmatch.filter(n, pattern) for n in names), (line, pattern)


def test_the_page_has_both_commands_and_its_links_exist():
    assert [c.split()[1] for c in COMMANDS] == ["run", "sweep"]
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text(encoding="utf-8")):
        assert (DOCS / target).exists(), target
    assert "bonded-zone.md" in (DOCS / "README.md").read_text(encoding="utf-8")
    assert "bonded-zone.md" in (DOCS / "transit.md").read_text(encoding="utf-8")


def test_the_gates_rates_balance_what_enters_the_zone_as_the_page_says():
    """The gate calls off what enters (docs/bonded-zone.md, "The zone's stock"): its domestic
    sales and exports a day, as the example sets them and the page states them, add up to
    the entries a day the page reports; set above them, the zone empties between vessels."""
    s = sim.load_scenario(EXAMPLE)
    gate = s.ports["zone_gate"]
    assert gate.exports is not None
    domestic, exports = gate.arrivals.rate * 24, gate.exports.arrivals.rate * 24
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    said = re.search(r"(\d+) domestic sales and (\d+) exports a day are the (\d+) consignments "
                     r"a day that entered the zone in these runs \((\d+) in 3 days\)", text)
    assert said is not None
    assert (float(said[1]), float(said[2])) == pytest.approx((domestic, exports))
    assert domestic + exports == pytest.approx(float(said[3]))
    assert float(said[3]) == pytest.approx(float(said[4]) / 3, abs=0.5)
    entered = re.search(r"\| entered \(3 days\) \| (\d+) \[", text)
    assert entered is not None and entered[1] == said[4]
    assert f"releases for domestic sale: {domestic:g} declarations a day" in text
