"""Plots and HTML reports of results (matplotlib, Agg backend, one house style).

- :mod:`sim.report.plots`: functions a researcher can call on results (a :class:`RunResult`'s
  tables or a comparison's): clearance-time distribution, time by owner, utilisation by lane
  with the binding lane marked, who gains and who loses, cost against detection. Each returns
  a matplotlib Figure.
- :mod:`sim.report.flow_plots`: the tail of clearance time, queue lengths over time, what
  customs sees beside the hidden truth; :mod:`sim.report.interval_plots`: the milestone
  intervals by port and direction, split by owner (a Time Release Study chart).
- :mod:`sim.report.org_plot`: the organisation tree; :mod:`sim.report.org_table` the tree as
  data (``organisation.json`` of a results folder).
- :mod:`sim.report.folder` reads a results folder; :mod:`sim.report.folder_report` writes its
  ``report.html`` (``bordersim report``), self-contained (PNG plots inline), through
  :mod:`sim.report.html` and :mod:`sim.report.sections` (:mod:`sim.report.sweep_html` for a
  sweep).
- :mod:`sim.report.animate`: the animated port (GIF).
- :mod:`sim.report.numbers`: numbers too small for three decimals, as the page and the
  terminal show them.
"""
