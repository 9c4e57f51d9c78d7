"""A distribution written as another simulation tool writes it (a rate for an exponential,
a lognormal's underlying mu and sigma, a triangular's min and max, a Weibull) is an error
that says how to write it here, besides the file, the field and the value."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.scenario.loader import ScenarioError, load_scenario

MMC = Path(__file__).resolve().parent.parent / "scenarios" / "teaching-mmc.toml"
WRITTEN = '{dist = "exponential", mean = "30 min"}'


def _error(tmp_path: Path, service: str) -> str:
    text = MMC.read_text()
    assert WRITTEN in text
    path = tmp_path / "migrated.toml"
    path.write_text(text.replace(WRITTEN, service))
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    return exc.value.format()


@pytest.mark.parametrize(
    ("service", "key", "says"),
    [
        ('{dist = "exponential", lambda = 2}', "lambda = 2",
         "exponential takes its mean, not a rate: mean = 1 / lambda"),
        ('{dist = "triangular", min = "5 min", mode = "10 min", max = "30 min"}',
         "min = '5 min'", "write 'min' as 'low'"),
        ('{dist = "uniform", a = "5 min", b = "30 min"}', "b = '30 min'", "write 'b' as 'high'"),
        ('{dist = "lognormal", mu = 2.8, sigma = 0.5}', "sigma = 0.5",
         "mean = exp(mu + sigma^2/2), cv = sqrt(exp(sigma^2) - 1)"),
        ('{dist = "gamma", alpha = 4, beta = "5 min"}', "alpha = 4",
         "mean = k x s, cv = 1 / sqrt(k)"),
    ],
)
def test_another_tools_parameters_are_told_how_to_write_them(
    tmp_path: Path, service: str, key: str, says: str
) -> None:
    said = _error(tmp_path, service)
    assert f"migrated.toml: ports.crossing.document_check.service.{key}: unknown key" in said
    assert says in said and "(docs/from-anylogic.md)" in said


@pytest.mark.parametrize(
    ("service", "says"),
    [
        ('{dist = "weibull", shape = 2, scale = "10 min"}',
         'draw a sample of it into a CSV and give {dist = "empirical"'),
        ('{dist = "erlang", k = 3, mean = "10 min"}', "cv = 1 / sqrt(k)"),
        ('{dist = "normal", mean = "10 min", sd = "2 min"}', "times are never below 0"),
    ],
)
def test_a_distribution_the_schema_lacks_is_told_what_to_use(
    tmp_path: Path, service: str, says: str
) -> None:
    said = _error(tmp_path, service)
    assert "ports.crossing.document_check.service = {" in said
    assert "unknown distribution; allowed 'dist' values: deterministic," in said
    assert says in said


def test_a_key_no_tool_uses_gets_no_conversion(tmp_path: Path) -> None:
    said = _error(tmp_path, '{dist = "exponential", mean = "30 min", colour = 2}')
    assert said.endswith("unknown key 'colour'; Allowed here: dist, mean")
