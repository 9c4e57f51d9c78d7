"""Plots and an HTML report of results (matplotlib, Agg backend, one house style).

- :mod:`sim.report.plots`: functions a researcher can call on results (a :class:`RunResult`'s
  tables or a comparison's): clearance-time distribution, time by owner, utilisation by lane
  with the binding lane marked, who gains and who loses. Each returns a matplotlib Figure.
- :mod:`sim.report.html`: ``report.html`` of a comparison, self-contained (PNG plots inline).
"""
