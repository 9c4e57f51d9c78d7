"""The workshop page's options for a scenario (``choices.applying``): those of the catalogue
that apply to it, worked out once per scenario's content."""

from __future__ import annotations

import pytest

from sim.faces import choices
from sim.scenario.loader import BUNDLED, load_scenario


def test_the_options_offered_are_those_that_apply_once_per_scenario(monkeypatch):
    default = load_scenario(BUNDLED / "default.toml")
    catalogue = choices.option_catalogue()
    each = {n for n, o in catalogue.items() if choices.applies(o, default)}
    assert set(choices.applying(default)) == each and 0 < len(each) < len(catalogue)
    assert all(choices.applying(default)[n] == catalogue[n] for n in each)

    def asked(option, scenario, data=None):
        raise AssertionError("worked out again")

    monkeypatch.setattr(choices, "reach", asked)  # (the same content: from the store)
    assert set(choices.applying(load_scenario(BUNDLED / "default.toml"))) == each
    other = load_scenario(BUNDLED / "default.toml", {"ports.sea_port.scan.scanners.capacity": 5})
    with pytest.raises(AssertionError, match="worked out again"):  # (other content: anew)
        choices.applying(other)
