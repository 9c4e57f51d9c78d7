"""A lever of the workshop page as a native, labelled range input.

Bokeh's slider draws its handle as a ``<div role="slider">`` with no accessible name: a
screen reader announced each of the three levers as "slider" and its number, never what it
moves. A browser's own ``<input type="range">`` inside a ``<label>`` is named by the label,
moves with the arrow keys, Home and End, and shows its focus; the value is written beside the
label (an ``<output>``) for those who see it.
"""

from __future__ import annotations

import param
from panel.custom import JSComponent

from sim.faces import choices


class LeverSlider(JSComponent):
    """A slider named by its ``label``: ``value`` goes to the server when it is let go."""

    value = param.Number(default=0.0, doc="the lever's value")
    start = param.Number(default=0.0)
    end = param.Number(default=1.0)
    step = param.Number(default=0.1)
    label = param.String(default="", doc="what the lever moves: the input's accessible name")
    disabled = param.Boolean(default=False, doc="nothing for it to act on in the scenario")

    _esm = """
    export function render({ model, el }) {
      const label = document.createElement("label");
      label.className = "lever-label";
      label.style.cssText = "display:block;white-space:normal;overflow-wrap:anywhere";
      const title = document.createElement("span");
      // (not an <output>: a label names its first labelable element, which would be it)
      const shown = document.createElement("span");
      shown.style.fontWeight = "bold";
      shown.setAttribute("aria-hidden", "true");  // (the input says its value itself)
      const input = document.createElement("input");
      input.type = "range";
      input.className = "lever-range";
      input.style.cssText = "display:block;width:100%;margin:4px 0 8px 0";
      label.append(title, shown, input);
      const sync = () => {
        input.min = model.start; input.max = model.end; input.step = model.step;
        input.value = model.value; input.disabled = model.disabled;
        title.textContent = `${model.label}: `;
        shown.textContent = String(Number(model.value));
      };
      sync();
      input.addEventListener("input", () => { shown.textContent = input.value; });
      input.addEventListener("change", () => { model.value = Number(input.value); });
      for (const name of ["value", "start", "end", "step", "label", "disabled"]) {
        model.on(name, sync);
      }
      el.append(label);
    }
    """


def lever_sliders() -> dict[str, LeverSlider]:
    """A slider per lever of :data:`sim.faces.choices.LEVERS`, at its neutral start."""
    return {
        name: LeverSlider(
            label=lever.label, start=lever.start, end=lever.end, step=lever.step,
            value=lever.start, css_classes=[f"bs-lever-{name}"], margin=(5, 10),
            sizing_mode="stretch_width",
        )
        for name, lever in choices.LEVERS.items()
    }
