"""The customs organisation: a tree of units with staff, and the work that crosses levels.

- ``units.py``     the staff of one unit in one role: a FIFO queue with ``count`` servers
- ``model.py``     escalations, alerts and directives travelling through the tree
- ``messages.py``  what an alert delivers to its listeners (a port's receipt)
- ``running_in.py`` a newly adopted structure's running-in: its loss by time (constant or
                   fading), from the run's start or from the first observed day
- ``keyed.py``     the keyed uniforms and time draws of one message
- ``stats.py``     what the organisation measures, and its staff cost
- ``hours.py``     office hours: the wait for the next opening, a window's open hours
- ``holiday_hours.py`` the same with public holidays and make-up working days

The tree is drawn by :mod:`sim.faces.org` (dashboard) and :mod:`sim.report.org_table`.

The tree itself (generation by structure, paths, validation) is pure and lives with the
scenario (:mod:`sim.scenario.org_tree`); the reforms that change it are in
:mod:`sim.scenario.org_reforms`.
"""

from sim.model.org.model import OrgModel

__all__ = ["OrgModel"]
