"""Faces for people who do not write code: the workshop page and what it may ask for.

- :mod:`sim.faces.choices`: bundled scenarios, named options, levers; a request is checked here.
- :mod:`sim.faces.runs`: a session's quick and full runs, off the page's thread.
- :mod:`sim.faces.parts`: which results rows a scenario's parts call for (transit, returns).
- :mod:`sim.faces.dashboard`: the Panel page (``bordersim dashboard``).
- :mod:`sim.faces.strengths`: a library reform's strengths typed on the page, checked, named.
- :mod:`sim.faces.strength_inputs`: a ticked reform's strength boxes on the page.
- :mod:`sim.faces.lever`: a lever as a native range input, named by its label.
- :mod:`sim.faces.chart`: the clearance chart, with its bars said in words.
- :mod:`sim.faces.announce`: what a screen reader is told as a run moves on.
- :mod:`sim.faces.words`: the page's words in Simplified Chinese (``--lang zh``).
- :mod:`sim.faces.chart_zh`: the clearance chart's words in Simplified Chinese.
- :mod:`sim.faces.player`: the animated port's frames, with a pause control.
- :mod:`sim.faces.history`: the runs so far on the page, one row each.
- :mod:`sim.faces.export`: the runs so far as a CSV file to download.
- :mod:`sim.faces.pairs`: two runs so far side by side, with their paired difference.
"""
