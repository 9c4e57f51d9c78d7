"""What the workshop page says to a screen reader when a run moves on.

The page's status line is redrawn every poll (its seconds count up), and each redraw
replaces the element: a screen reader heard nothing when Run was pressed, when the first look
came or when the full run was done. :class:`Announcer` keeps one ``role="status"`` element for
the whole session, hidden from sight (the status line shows the same), and changes its text
only when there is news, which a screen reader then reads out. It also sets the document's
language (``lang``: ``zh-CN`` on a page served with ``--lang zh``), so that a screen reader
reads the page in its language.
"""

from __future__ import annotations

import param
from panel.custom import JSComponent

#: hidden from sight, not from a screen reader
_UNSEEN = ("position:absolute;width:1px;height:1px;overflow:hidden;"
           "clip:rect(0 0 0 0);white-space:nowrap")


class Announcer(JSComponent):
    """A live region: set ``text`` to have it read out (once per change)."""

    text = param.String(default="", doc="the news, in a sentence")
    lang = param.String(default="", doc="the document's language (as lang writes it); '': as is")

    _esm = f"""
    export function render({{ model, el }}) {{
      const region = document.createElement("div");
      region.className = "bs-news";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      region.style.cssText = "{_UNSEEN}";
      if (model.lang) {{ document.documentElement.lang = model.lang; region.lang = model.lang; }}
      const say = () => {{ region.textContent = model.text; }};
      // (the region is in the page before its first news, or the news may not be read)
      requestAnimationFrame(say);
      model.on("text", say);
      el.append(region);
    }}
    """
