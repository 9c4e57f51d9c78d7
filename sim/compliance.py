"""The compliance-measurement estimate of a results folder's replications, beside the truth.

    bordersim run SCENARIO --log --reps 5 --out DIR
    bordersim compliance DIR [--check physical] [--level 0.95]   (or python -m sim.compliance)

reads the folder's resolved scenario (``scenario.json``) and each replication's log
(``reps/rep-NNNN-log.parquet``), and prints, for each replication, customs' estimate of the
non-compliance rate from the consignments selected for the check (Horvitz-Thompson, with its
interval: :mod:`sim.analysis.compliance`) beside the hidden truth; then, by illicit type,
the means over the replications and how many intervals held the truth.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from sim.analysis.compliance import NotEstimable, compliance_estimate
from sim.scenario.schema import Scenario

NOTE = (
    "A miss looks compliant: the estimate is of the goods the check finds, so a check that "
    "finds a share d of the illicit goods it inspects estimates d times the true rate, and "
    "its interval does not know d."
)


def folder_estimates(folder: Path, check: str = "physical", level: float = 0.95) -> pd.DataFrame:
    """Every replication's table (:func:`compliance_estimate`), stacked with a first index
    level ``replication``."""
    scenario_file = folder / "scenario.json"
    if not scenario_file.is_file():
        raise FileNotFoundError(f"{folder}: no scenario.json; is it a results folder?")
    logs = sorted((folder / "reps").glob("rep-*-log.parquet"))
    if not logs:
        raise FileNotFoundError(
            f"{folder}: no replication log (reps/rep-NNNN-log.parquet); run with --log"
        )
    from sim.report.folder import own_bytes, read_parquet
    from sim.scenario.files import MAX_SCENARIO_BYTES

    scenario = _scenario(scenario_file, own_bytes(scenario_file, MAX_SCENARIO_BYTES))
    tables = {int(p.name.split("-")[1]): compliance_estimate(read_parquet(p), scenario,
                                                             check, level)
              for p in logs}  # fmt: skip
    return pd.concat(tables, names=["replication"])


def _scenario(file: Path, raw: bytes) -> Scenario:
    """The run's scenario from the bytes read of its ``scenario.json`` (never through a link:
    what was checked is what is loaded, not a file swapped in between)."""
    from sim.report.folder import ResultsFolderError
    from sim.scenario.check import load_resolved

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ResultsFolderError(f"{file} cannot be read (not UTF-8: {exc.reason})") from None
    return load_resolved(file, {}, "overrides", text)


def summary(tables: pd.DataFrame) -> pd.DataFrame:
    """By illicit type: the mean estimate, standard error and truth over the replications,
    and the share of replications whose interval held the truth."""
    by = tables.groupby(level="illicit", sort=False)
    out = by[["estimate", "se", "truth"]].mean()
    out["covered"] = by["covered"].mean()
    out["replications"] = by.size()
    return out


def report(folder: Path, check: str = "physical", level: float = 0.95, lang: str = "en") -> int:
    """Print a results folder's estimates (see the module's docstring); 2 on bad input.
    ``lang``: ``zh`` names the same tables' headings, columns and rows in Chinese
    (:mod:`sim.cli_zh_compliance`)."""
    from sim.cli_zh_errors import error_line
    from sim.report.folder import ResultsFolderError
    from sim.scenario.loader import ScenarioError

    if not 0 < level < 1:
        print(error_line(f"--level {level:g}: give a level between 0 and 1, e.g. 0.95", lang),
              file=sys.stderr)
        return 2
    try:
        tables = folder_estimates(folder, check, level)
    except (FileNotFoundError, NotEstimable, ResultsFolderError, ScenarioError) as exc:
        print(error_line(str(exc), lang), file=sys.stderr)
        return 2
    if lang == "zh":
        return _report_zh(tables, check)
    with pd.option_context("display.width", 200, "display.max_columns", 20,
                           "display.float_format", "{:.5f}".format):  # fmt: skip
        print(f"Non-compliance estimated from the {check} selections, by replication:")
        print(tables.xs("all", level="illicit").to_string())
        print("\nBy illicit type, over the replications (covered: share whose interval held "
              "the truth):")
        print(summary(tables).to_string())
    print("\n" + NOTE)
    return 0


def _report_zh(tables: pd.DataFrame, check: str) -> int:
    """The tables of :func:`report` in Chinese: the same frames and float format, columns
    aligned for Chinese characters."""
    from sim import cli_zh_compliance as zh

    with pd.option_context("display.width", 200, "display.max_columns", 20,
                           "display.float_format", "{:.5f}".format,
                           "display.unicode.east_asian_width", True):  # fmt: skip
        print(zh.heading(check))
        print(zh.table(tables.xs("all", level="illicit")).to_string())
        print("\n" + zh.BY_TYPE)
        print(zh.table(summary(tables)).to_string())
    print("\n" + zh.NOTE)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m sim.compliance``: as ``bordersim compliance``."""
    from sim.cli_compliance import add_parser

    parser = argparse.ArgumentParser(prog="python -m sim.compliance")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["compliance", *(sys.argv[1:] if argv is None else argv)])
    from sim.cli_lang import chosen

    return report(args.folder, args.check, args.level, chosen(args))


if __name__ == "__main__":
    raise SystemExit(main())
