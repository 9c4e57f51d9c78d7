"""``bordersim compare``'s AEO payback options: a trader's declarations a year and the
certification's own costs, set against the certified traders' saving a declaration
(:mod:`sim.experiment.aeo_payback`). They are the trader's figures, not the port's, so they
are typed where the gains are computed, not kept in the scenario: rerunning a comparison
into its folder with other figures resumes it (nothing is simulated again) and prints the
payback anew, the file written again (atomically) only when its rows changed.
``--payback-port`` and ``--payback-direction`` keep one port's or direction's rows. Without
``--declarations-a-year`` nothing here prints or is written."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: the file written into the results folder
FILE = "aeo-payback.csv"


def _number(least: float, what: str) -> Callable[[str], float]:
    """An argparse type: a finite number, ``least`` or more (``what`` says which)."""

    def parse(text: str) -> float:
        try:
            value = float(text.replace(",", "").replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not math.isfinite(value) or value < least:
            raise argparse.ArgumentTypeError(f"{what}; got {text}")
        return value

    return parse


def add_options(p: argparse.ArgumentParser) -> None:
    """Add the trader's figures to ``compare``'s parser."""
    p.add_argument("--declarations-a-year", type=declarations, metavar="N",
                   help="your declarations a year at the port you read, one count for both "
                   "directions (1200) or imports and exports apart (import=800,export=400), "
                   "with an "
                   "aeo_mutual_recognition option (or, if you are certified already, an "
                   "aeo_lapse one: what losing the status would cost you): prints its "
                   "certified traders' saving a year against the certification's costs and "
                   f"the months to pay back, and writes {FILE}")
    p.add_argument("--certification-once", type=_number(0, "must be 0 or more"),
                   metavar="AMOUNT",
                   help="the one-off cost of getting certified (audits, consultants, "
                   "systems), in the scenario's currency at its prices; no default: "
                   "enter your own")
    p.add_argument("--certification-a-year", type=_number(0, "must be 0 or more"),
                   metavar="AMOUNT",
                   help="the yearly cost of keeping the status (a compliance officer's "
                   "time, audits, systems), in the same money; no default: enter your own")
    p.add_argument("--payback-port", metavar="NAME",
                   help=f"with --declarations-a-year: only this port's rows (printed and in "
                   f"{FILE})")
    p.add_argument("--payback-direction", choices=("import", "export"),
                   help=f"with --declarations-a-year: only this direction's rows (printed and "
                   f"in {FILE})")


def _positive(text: str) -> float:
    value = _number(0, "must be a positive number")(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number; got {text}")
    return value


#: the refusal of a ``--declarations-a-year`` in neither form (its Chinese:
#: :data:`sim.cli_zh_aeo_payback.USAGE`)
FORMS = ("expected N (one count for both directions) or import=N,export=N (each direction "
         "once); got {text}")


def declarations(text: str) -> float | dict[str, float]:
    """An argparse type: ``--declarations-a-year``'s one count for both directions
    (``1200``), or a count for each, imports and exports apart (``import=800,export=400``);
    each count positive. Anything else is refused, saying what is allowed."""
    if "=" not in text:
        return _positive(text)
    counts: dict[str, float] = {}
    for part in text.split(","):
        key, _, value = part.partition("=")
        key = key.strip()
        if key not in ("import", "export") or key in counts or not value.strip():
            raise argparse.ArgumentTypeError(FORMS.format(text=text))
        try:
            counts[key] = _positive(value.strip())
        except argparse.ArgumentTypeError as e:  # (said of the part as typed: import=-3)
            said = str(e).replace(f"got {value.strip()}", f"got {part.strip()}")
            raise argparse.ArgumentTypeError(said.replace(repr(value.strip()),
                                                          repr(part.strip()))) from None
    if len(counts) != 2:
        raise argparse.ArgumentTypeError(FORMS.format(text=text))
    return counts


def check(args: argparse.Namespace) -> None:
    """Refuse a certification cost without the declarations it is set against."""
    from sim.cli import UsageError

    given = [f for f, v in (("--certification-once", args.certification_once),
                            ("--certification-a-year", args.certification_a_year))
             if v is not None]
    if given and args.declarations_a_year is None:
        raise UsageError(f"{' and '.join(given)} given without --declarations-a-year N: "
                         "the payback needs your declarations a year to scale the saving")
    picked = [f for f, v in (("--payback-port", getattr(args, "payback_port", None)),
                             ("--payback-direction", getattr(args, "payback_direction", None)))
              if v is not None]
    if picked and args.declarations_a_year is None:
        raise UsageError(f"{' and '.join(picked)} given without --declarations-a-year N: "
                         "they pick the payback's rows, which need your declarations a year")


def check_port(args: argparse.Namespace, scenario: Any) -> None:
    """Refuse a ``--payback-port`` that is not a port of the comparison's ``scenario``
    (before anything is simulated), naming the ports allowed."""
    from sim.cli import UsageError

    port = getattr(args, "payback_port", None)
    if port is not None and port not in scenario.ports:
        raise UsageError(f"--payback-port: {port!r} is not a port of the scenario "
                         f"{scenario.name!r}; allowed: {', '.join(sorted(scenario.ports))}")


def picked(rows: list[dict[str, Any]], args: argparse.Namespace) -> list[dict[str, Any]]:
    """The payback's rows of ``--payback-port`` and ``--payback-direction`` (all when not
    given): a trader reads one port and direction, as ``--declarations-a-year`` counts."""
    port = getattr(args, "payback_port", None)
    direction = getattr(args, "payback_direction", None)
    return [r for r in rows if (port is None or r["port"] == port)
            and (direction is None or r["direction"] == direction)]


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` atomically (a reader, or a comparison stopped part-way,
    never sees half a file) unless it already holds it; whether it was written."""
    from sim.experiment.store import atomic_write

    try:
        if path.is_file() and not path.is_symlink() and path.read_text(
                encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass  # (unreadable: written anew)
    atomic_write(path, text)
    return True


def show(res: Any, args: argparse.Namespace, out: Path, notes: Any,
         say: Callable[[str], None]) -> list[dict[str, Any]] | None:
    """With ``--declarations-a-year``: write :data:`FILE` into ``out``, print each row's
    payback (``say``, in the notes' language), warn where its saving's interval holds 0 and
    return the rows (for ``--json``); without it, do nothing and return None."""
    if args.declarations_a_year is None:
        return None
    import pandas as pd

    from sim.experiment.aeo_payback import COLUMNS, Certification, payback_rows, unclaimed_words

    ask = Certification(args.declarations_a_year, args.certification_once,
                        args.certification_a_year)
    rows = picked(payback_rows(res.gains, ask), args)
    text = pd.DataFrame(rows, columns=list(COLUMNS)).to_csv(index=False)
    written = write_if_changed(out / FILE, text)
    if written and (out / "report.html").is_file() and not getattr(args, "no_report", False):
        _report_again(out)
    if notes.lang == "zh":
        from sim.cli_zh_aeo_payback import lines
    else:
        lines = _lines
    for line in lines(rows, ask):
        say(line)
    for row in rows:
        if not row["claimable"]:
            notes.add(f"warning ({row['option']}): {unclaimed_words(row)}")
    return rows


def _report_again(out: Path) -> None:
    """The comparison's ``report.html`` written again with :data:`FILE` in it (it was
    written as the comparison finished, before these figures were read), its checksum
    in the folder's seal renewed so that a resumed comparison still finds it intact."""
    from sim.experiment.finish_seal import renew
    from sim.report.folder_report import write_folder_report

    write_folder_report(out)
    renew(out, "report.html")


def _lines(rows: list[dict[str, Any]], ask: Any) -> list[str]:
    """The payback in English: a heading, then one line per option, port and direction."""
    head = f"AEO certification for one trader ({counted(ask)} declarations a year"
    if ask.cost_once is None and ask.cost_a_year is None:
        head += ("; the certification's costs not given: enter yours with "
                 "--certification-once and --certification-a-year")
    if not rows:
        return [head + "): no certified traders' trader cost in this comparison (an "
                "aeo_mutual_recognition option on a scenario with [costs] has one)"]
    return [head + "):", *(_line(r) for r in rows)]


def counted(ask: Any) -> str:
    """The trader's declarations a year as the heading gives them: ``1,200``, or ``800
    import, 400 export`` when counted by direction."""
    n = ask.declarations_a_year
    if isinstance(n, dict):
        return ", ".join(f"{n[k]:,.0f} {k}" for k in ("import", "export"))
    return f"{n:,.0f}"


def _line(r: dict[str, Any]) -> str:
    u = r["unit"]
    said = (f"  {r['option']}  {r['port']} {r['direction']}: saves {r['saving']:,.1f} {u} a "
            f"declaration [{r['saving_low']:,.1f}, {r['saving_high']:,.1f}] (n {r['n']:,}); "
            f"{r['saved_a_year']:,.0f} {u} a year [{r['saved_low_a_year']:,.0f}, "
            f"{r['saved_high_a_year']:,.0f}]")
    if r["cost_a_year"] is not None:
        said += f", net of {r['cost_a_year']:,.0f} a year to keep the status {r['net_a_year']:,.0f}"
    if r["cost_once"] is not None:
        months = r["months_to_pay_back"]
        said += ("; never repays the one-off cost" if months is None else
                 f"; repays the one-off {r['cost_once']:,.0f} in {months:,.1f} months")
    return said + ("" if r["claimable"] else " (not claimable: the interval holds 0)")
