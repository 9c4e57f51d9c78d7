"""Price indices for carrying money from one year's prices to another's (a deflator).

A scenario's money is in ``costs.currency`` at ``costs.price_year`` prices; an appraisal
signed off in a finance ministry is asked in the prices of another year (the budget year's).
The indices are in ``sim/data/price_index.csv`` (``index,year,value``), one row a year, as
their publishers give them: a level (``us_cpi_u``) or the change on the previous year with
the previous year = 100 (``cn_cpi``), chained here. A year an index does not cover is
refused, never extrapolated.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "price_index.csv"


@dataclass(frozen=True)
class Index:
    """A price index: its title, the currency it deflates, its source, and whether its values
    are levels or each year's change (previous year = 100)."""

    title: str
    currency: str
    source: str
    chained: bool


#: the indices of :data:`DATA`, by name
INDICES: dict[str, Index] = {
    "us_cpi_u": Index(
        "US consumer price index (CPI-U)", "USD",
        "source: US Bureau of Labor Statistics, CPI for All Urban Consumers, U.S. city "
        "average, all items, annual average, 1982-84 = 100 (series CUUR0000SA0)", False),
    "cn_cpi": Index(
        "China consumer price index", "CNY",
        "source: National Bureau of Statistics of China, China Statistical Yearbook, "
        "consumer price index, national, previous year = 100", True),
}


#: each index's title and source in Chinese
ZH: dict[str, tuple[str, str]] = {
    "us_cpi_u": ("美国消费者价格指数（CPI-U）",
                 "来源：美国劳工统计局，城市居民消费者价格指数，全美城市平均，全部项目，年平均，"
                 "1982—1984 年 = 100（序列 CUUR0000SA0）"),
    "cn_cpi": ("中国居民消费价格指数",
               "来源：国家统计局《中国统计年鉴》，全国居民消费价格指数，上年 = 100"),
}


def from_record(record: object) -> Carried | None:
    """The :class:`Carried` of ``appraisal.json``'s ``carried`` (None: none, or not one)."""
    if not isinstance(record, dict) or record.get("index") not in INDICES:
        return None
    try:
        return Carried(str(record["index"]), int(record["from_year"]), int(record["to_year"]),
                       float(record["factor"]))
    except (KeyError, TypeError, ValueError):
        return None


class PriceIndexError(ValueError):
    """An index not known, or a year it does not cover (the message says which are)."""


@cache
def _values() -> dict[str, dict[int, float]]:
    out: dict[str, dict[int, float]] = {}
    with DATA.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["index"], {})[int(row["year"])] = float(row["value"])
    return out


def covered(name: str) -> tuple[int, int]:
    """The first and last year ``name`` gives a level for (a chained index's first year is
    its base: its own change on the year before is not needed)."""
    years = sorted(_values()[known(name)])
    return years[0], years[-1]


def known(name: str) -> str:
    """``name`` if it is an index of :data:`INDICES`, else a :class:`PriceIndexError`."""
    if name not in INDICES:
        raise PriceIndexError(f"price index {name!r} not known; allowed: "
                              + ", ".join(f"{k} ({v.title}, {v.currency})"
                                          for k, v in INDICES.items()))
    return name


def level(name: str, year: int) -> float:
    """The index's level in ``year`` (a chained index: 100 in its first year); a
    :class:`PriceIndexError` for a year it does not cover."""
    values = _values()[known(name)]
    first, last = covered(name)
    if year not in values:
        raise PriceIndexError(
            f"the {INDICES[name].title} ({name}) in bordersim's data covers "
            f"{first} to {last} only, not {year}; allowed: a year {first} to {last} (a "
            "later year's index, once published, is a row added to sim/data/price_index.csv)")
    if not INDICES[name].chained:
        return values[year]
    out = 100.0
    for each in range(first + 1, year + 1):
        out *= values[each] / 100.0
    return out


def factor(name: str, from_year: int, to_year: int) -> float:
    """What 1 at ``from_year`` prices is at ``to_year`` prices by index ``name``."""
    return level(name, to_year) / level(name, from_year)


def for_currency(currency: str) -> str | None:
    """The index that deflates ``currency`` by default (None: none in the data)."""
    return next((k for k, v in INDICES.items() if v.currency == currency), None)


@dataclass(frozen=True)
class Carried:
    """Money carried from one year's prices to another's by a price index."""

    index: str
    from_year: int
    to_year: int
    factor: float

    def said(self) -> str:
        """The carrying in words, its index and source named (an appraisal's terms)."""
        info = INDICES[self.index]
        return (f"Every money figure carried from {self.from_year} to {self.to_year} prices "
                f"by the {info.title} ({self.index}): x {self.factor:.4f} ({info.source}); "
                f"amounts given with --setup and --running are read at {self.to_year} prices")

    def said_zh(self) -> str:
        """:meth:`said` in Chinese (``bordersim appraise --lang zh``, the Chinese report)."""
        title, source = ZH[self.index]
        return (f"所有金额按{title}（{self.index}）由 {self.from_year} 年价格折算为 "
                f"{self.to_year} 年价格：× {self.factor:.4f}（{source}）；--setup 与 --running "
                f"给定的金额按 {self.to_year} 年价格读取")

    def record(self) -> dict[str, object]:
        """The carrying as ``appraisal.json`` keeps it."""
        return {"index": self.index, "title": INDICES[self.index].title,
                "source": INDICES[self.index].source, "from_year": self.from_year,
                "to_year": self.to_year, "factor": self.factor}


def carry(currency: str, from_year: int | None, to_year: int,
          name: str | None = None) -> Carried:
    """How money in ``currency`` at ``from_year`` prices is carried to ``to_year``'s: by
    ``name``, else the currency's own index; a :class:`PriceIndexError` where no index fits
    or a year is not covered."""
    if from_year is None:
        raise PriceIndexError("the comparison's scenario gives no costs.price_year, so its "
                              "money's year is not known and cannot be carried to another")
    if name is None:
        name = for_currency(currency)
        if name is None:
            raise PriceIndexError(
                f"no price index of {currency or 'the scenario currency'} in bordersim's "
                "data; allowed: --price-index " + " or ".join(INDICES)
                + " (an index of another currency: the deflator your guidance prescribes)")
    return Carried(name, from_year, to_year, factor(known(name), from_year, to_year))


def carried_of(en: str) -> Carried | None:
    """The :class:`Carried` that :meth:`Carried.said` wrote ``en`` (None: not such a line)."""
    import re

    found = re.fullmatch(r"Every money figure carried from (\d{4}) to (\d{4}) prices by the "
                         r".+ \((\w+)\): x ([0-9.]+) \(.+\); amounts given with --setup and "
                         r"--running are read at \d{4} prices", en)
    if found is None or found[3] not in INDICES:
        return None
    return Carried(found[3], int(found[1]), int(found[2]), float(found[4]))
