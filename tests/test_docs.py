"""The user guide's generated pages equal what the code generates now, and miss no field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sim
from sim import docs
from sim.scenario import schema

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = docs.pages()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_committed_page_is_what_the_code_generates(name):
    path = DOCS / name
    assert path.exists(), f"docs/{name} is missing: run python -m sim.docs"
    assert path.read_text(encoding="utf-8") == PAGES[name], (
        f"docs/{name} is out of date: run python -m sim.docs and commit the result"
    )


def test_every_field_of_every_section_is_described():
    reference = PAGES["scenario-reference.md"]
    sections = docs.sections()
    assert schema.Scenario in sections and schema.Lab in sections and schema.Slots in sections
    for model in sections:
        assert f"## {docs.title(model)}\n" in reference
        for name, field in model.model_fields.items():
            key = field.alias or name
            assert f"| `{key}` |" in reference, f"{model.__name__}.{key} is not in the reference"
            assert docs.description(model, name), (
                f"{model.__name__}.{key} has no description: give it one in the schema "
                "(Field(description=...)) or in sim.docs.NOTES"
            )


def test_notes_name_only_fields_that_exist():
    fields = {
        f"{model.__name__}.{field.alias or name}"
        for model in docs.sections()
        for name, field in model.model_fields.items()
    }
    assert set(docs.NOTES) <= fields
    assert set(docs.UNITS) <= fields


def test_types_and_defaults_read_as_a_file_writes_them():
    reference = PAGES["scenario-reference.md"]
    assert '| `ai_time` | duration: `"15 min"`, `"2 h"`, `"3 d"` (a bare 0 is 0 h) | `"3 s"` |' in (
        reference
    )
    assert '| `day_start` | clock time `"HH:MM"` | `"08:00"` |' in reference
    assert (
        '| `rate` | rate: `"4/d"`, `"150/h"` (also per `month`, `year`) | *required* |'
    ) in reference
    assert "| `refer` | share, 0 to 1 | *required* |" in reference
    assert '| `mode` | `"single"` or `"separate"` | `"single"` |' in reference
    assert "| `start_date` | date (YYYY-MM-DD) | none |" in reference
    assert "<class " not in reference


def test_the_default_scenario_page_lists_its_sources():
    page = PAGES["scenario-default.md"]
    text = (DOCS.parent / "sim" / "scenarios" / "default.toml").read_text(encoding="utf-8")
    cited = [line for line in text.splitlines() if "source:" in line.partition("#")[2]]
    rows = docs.sources(text)
    assert len(rows) >= len([c for c in cited if "=" in c.partition("#")[0]])
    assert "| `ports.sea_port.scan.image_review.ai_clear` | `0.5` | source:" in page
    assert "| `sea_port` | sea |" in page


def test_the_guangdong_page_says_its_ports_have_no_scanners_and_what_that_idles():
    """No Guangdong port scans: the page says so, and that the image-review reforms then
    change nothing there (a planner expects H986 at Yantian and Nansha)."""
    import sim

    scenario = sim.load_scenario(DOCS.parent / "sim" / "scenarios" / "guangdong.toml")
    assert all(port.scan is None for port in scenario.ports.values())
    page = " ".join(PAGES["scenario-guangdong.md"].split())
    assert "No port here has a scanner" in page
    assert "remote_image_review, smart_image_review" in page and "change nothing here" in page


def test_a_value_marked_an_assumption_is_not_listed_as_sourced():
    """A block above a table that names a source is a note on the section, not the source
    of its values; a value whose own comment says assumption is not sourced, whatever the
    block above it says; one without a comment of its own takes the block's."""
    text = (
        "# the tables below rest on X (source: a paper)\n"
        "[selection.document]\n"
        '"*" = 0.1   # assumption\n'
        "[ports.a]\n"
        "# source: a census\n"
        "rate = 5\n"
        "# source: a survey\n"
        "share = 0.2   # assumption: from the survey's range\n"
        "cv = 1   # source: a trial\n"
    )
    keys = [k for k, _, _ in docs.sources(text)]
    assert keys == ["ports.a.rate", "ports.a.cv"]
    assert docs.section_notes(text) == [("selection.document",
                                         "the tables below rest on X (source: a paper)")]
    default = (DOCS.parent / "sim" / "scenarios" / "default.toml").read_text(encoding="utf-8")
    listed = {k for k, _, _ in docs.sources(default)}
    assert not any(k.startswith("selection.document") for k in listed)  # (its "*": assumption)


def test_check_fails_on_a_stale_page(tmp_path, capsys):
    assert docs.main(["--out", str(tmp_path)]) == 0
    assert docs.main(["--out", str(tmp_path), "--check"]) == 0
    page = tmp_path / "scenario-reference.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    assert docs.main(["--out", str(tmp_path), "--check"]) == 1
    assert "scenario-reference.md" in capsys.readouterr().err


def test_the_reform_catalogue_lists_every_reform_with_its_mechanism():
    from sim.reforms import REFORMS

    page = PAGES["reforms.md"]
    for name, reform in REFORMS.items():
        assert f"## {name}\n" in page
        assert reform.mechanism[1:40] in page
        if reform.needs:
            assert f"needs {reform.needs}" in page


def test_every_citation_of_the_design_names_a_section_it_has():
    """Code, scenarios and docs cite "DESIGN.md section 2" or "DESIGN.md §5": the design
    ships in docs/, and each cited section is one of its headings."""
    import re

    root = Path(__file__).resolve().parents[1]
    design = (root / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^## (\d+)\.", design, flags=re.MULTILINE))
    files = [*root.glob("sim/**/*.py"), *root.glob("sim/scenarios/*.toml"), *root.glob("docs/*.md")]
    cited = {
        (f.name, n)
        for f in files
        for n in re.findall(r"DESIGN\.md,? (?:sections? |§)(\d+)", f.read_text(encoding="utf-8"))
    }
    assert len(cited) >= 5  # (the pattern still finds the citations)
    assert {n for _, n in cited} <= sections, sorted(c for c in cited if c[1] not in sections)


def test_every_column_of_the_resources_table_is_explained():
    """The resources table's columns, as a run gives them, each have a row in the table of
    docs/how-results-are-computed.md (and nothing is explained that no run gives)."""
    text = (DOCS / "how-results-are-computed.md").read_text()
    section = text.split("**The resources table**")[1].split("**The cost tables**")[0]
    s = sim.load_scenario(ROOT / "tests" / "scenarios" / "small.toml", {"days": 1, "drain_days": 1})
    given = set(sim.simulate(s, 1).resources.columns) - {"port", "lane"}
    assert given == _explained(section)


def _explained(section: str) -> set[str]:
    """The names in the first cell of each row of the tables of ``section``."""
    return {
        name
        for line in section.splitlines()
        if line.startswith("| `")
        for name in re.findall(r"`([a-z_0-9<>]+)`", line.split("|")[1])
    }


def test_every_column_of_the_cost_tables_and_every_kind_of_cost_item_is_explained():
    """The cost tables' columns (by group and per item) and the cost items' kinds, as a run
    of the default scenario gives them, each have their row or mention in
    docs/how-results-are-computed.md (a column added to them must be explained there)."""
    text = (DOCS / "how-results-are-computed.md").read_text()
    section = text.split("**The cost tables**")[1].split("\n\n## ")[0]
    groups, items = section.split("`RunResult.agency`")
    s = sim.load_scenario(ROOT / "sim" / "scenarios" / "default.toml", {"days": 2})
    r = sim.simulate(s, 1)
    assert r.costs is not None and r.agency is not None
    owners = {c for c in r.costs.columns if c.startswith("time_")}
    assert set(r.costs.columns) - owners | {"time_<owner>"} == _explained(groups)
    for column in r.agency.columns:
        assert f"`{column}`" in items.split("Kinds:")[0], column
    assert set(r.agency["kind"]) <= _explained(items.split("Kinds:")[1])
    assert {"staff", "overtime", "posts", "equipment"} <= set(r.agency["kind"])


def test_the_log_page_lists_every_column_of_a_log_in_its_order():
    """docs/log.md (generated) has a row for every column a run's log has, in the log's
    order, and no other: a column added to the model appears there, with its meaning."""
    text = (DOCS / "log.md").read_text()
    listed = [line.split("`")[1] for line in text.splitlines() if line.startswith("| `")]
    s = sim.load_scenario(ROOT / "tests" / "scenarios" / "small.toml", {"days": 1, "drain_days": 1})
    costed = [line.split("`")[1] for line in text.splitlines()
              if line.startswith("| `") and "| cost, " in line]  # fmt: skip
    assert listed == list(sim.simulate(s, 1, log=True).log.columns) + costed  # (no [costs])
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 0.5, "warmup_days": 0})
    assert listed == list(sim.simulate(s, 1, log=True).log.columns)  # (with [costs])
    assert all(len(line.split("|")[3].strip()) > 3 for line in text.splitlines()
               if line.startswith("| `"))


def test_the_metrics_page_is_generated_and_linked():
    """docs/metrics.md (generated from the metric glossary) is among the generated pages,
    and the README and the page on how results are computed link it."""
    assert "metrics.md" in PAGES
    assert "[docs/metrics.md](docs/metrics.md)" in (ROOT / "README.md").read_text()
    assert "](metrics.md)" in (DOCS / "how-results-are-computed.md").read_text()
    assert "](metrics.md)" in (DOCS / "README.md").read_text()


def test_every_module_the_code_and_docs_name_exists():
    """A ``:mod:`` reference in a docstring reaches the generated pages (docs/log.md named
    ``sim.model.org.escalation``, which never existed): each names a real module."""
    import importlib.util

    files = [*(ROOT / "sim").rglob("*.py"), *DOCS.glob("*.md")]
    refs = {r for f in files for r in re.findall(r":mod:`(sim(?:\.\w+)+)`", f.read_text("utf-8"))}
    assert len(refs) > 20
    missing = sorted(r for r in refs if importlib.util.find_spec(r) is None)
    assert not missing, f"no such module: {missing}"


def test_the_log_page_says_how_to_filter_save_and_reload_a_log(tmp_path):
    """docs/log.md's recipe recomputes a metric from the cohort (the warm-up's rows are in
    the log too; no consignment arrives in the drain), and its save and reload round-trip."""
    import pandas as pd

    text = (DOCS / "log.md").read_text(encoding="utf-8")
    assert "or the drain" not in text and "none arrives in the drain" in text
    assert "pandas.read_parquet(" in text and "store=RunStore(" in text
    sc = sim.load_scenario(ROOT / "tests" / "scenarios" / "small.toml")
    result = sim.simulate(sc, seed=1, log=True)
    log = result.log
    assert not (log.arrived >= 24 * (sc.warmup_days + sc.days)).any()  # (none in the drain)
    assert (~log.cohort).any()  # (the warm-up's)
    recipe = re.search(r"```python\n(.*?)```", text, re.S)
    assert recipe is not None
    *steps, last = recipe.group(1).strip().splitlines()
    found: dict = {"result": result}
    exec("\n".join(steps), found)
    value = eval(last.split("#")[0], found)
    assert value == pytest.approx(result.metrics()["clearance_h_mean"], rel=1e-12)
    log.to_parquet(tmp_path / "log.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "log.parquet"), log)


def test_a_scenario_pages_sources_name_an_array_of_tables_and_count_in_number():
    """``[[timeline]]`` entries are ``timeline.reform``, not ``[timeline.reform``; one value
    cites a source and one line carries an assumption (not "1 values", "1 lines")."""
    text = ('name = "s"\n# an assumption\n[[timeline]]\n'
            'reform = "single_window"  # source: a notice\nat = "20 d"\n')
    assert docs.sources(text) == [("timeline.reform", '"single_window"', "source: a notice")]
    assert docs._many(1, "value cites", "values cite") == "1 value cites"
    assert docs._many(0, "line carries", "lines carry") == "0 lines carry"
    page = (ROOT / "docs" / "scenario-guangdong-spindle.md").read_text(encoding="utf-8")
    assert "1 value cites a source" in page


def test_every_link_of_the_scenario_reference_lands_on_its_own_section():
    """Two models of one name (the smuggling patrols' Alert and the risk engine's) had one
    anchor, so the risk engine's link landed on the patrols' table."""
    import re

    page = docs.reference()
    headings = re.findall(r"^## (.+)$", page, flags=re.M)
    anchors = [re.sub(r"[^a-z0-9 _-]", "", h.lower()).replace(" ", "-") for h in headings]
    assert len(anchors) == len(set(anchors)), sorted(a for a in anchors if anchors.count(a) > 1)
    for target in set(re.findall(r"\]\(#([^)]+)\)", page)):
        assert target in anchors, target
    assert "[Alert (risk)](#alert-risk)" in page and "[Alert (smuggling)](#alert-smuggling)" in page


def test_a_scenario_page_of_a_file_that_extends_another_names_its_base():
    """guangdong-dumbbell's own file cites one source; the hundreds it rests on are its
    base's, and its page says so and links there (a reader counted one)."""
    page = (ROOT / "docs" / "scenario-guangdong-dumbbell.md").read_text(encoding="utf-8")
    assert "It extends `guangdong.toml` ([its page](scenario-guangdong.md))" in page
    assert docs._base_note('extends = "default"\nname = "x"\n', "x")[1].startswith(
        "It extends `default` ([its page](scenario-default.md))")
    assert docs._base_note('name = "x"\n', "x") == []
    assert "It extends" not in (ROOT / "docs" / "scenario-default.md").read_text(encoding="utf-8")


def test_no_field_type_repeats_itself_across_an_or():
    """A union's forms read apart ("a share at every port, or a table of shares by port"),
    never the same words twice around an "or" (local_risks once read "table: name → share,
    0 to 1 or table: name → share, 0 to 1")."""
    for model in docs.sections():
        for name, field in model.model_fields.items():
            text = docs.field_type(field)
            parts = [p.strip(" ,") for p in text.split(" or ")]
            assert len(parts) == len(set(parts)), f"{model.__name__}.{name}: {text}"
    row = next(line for line in PAGES["scenario-reference.md"].splitlines()
               if line.startswith("| `local_risks` |"))
    assert "at every port, or a table of shares by port" in row, row
