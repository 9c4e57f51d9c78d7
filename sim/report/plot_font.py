"""The font the Chinese report's plots are drawn with: matplotlib's own fonts have no Chinese
glyphs (a Chinese word comes out as empty boxes). Chosen once per process: a system font
with simplified Chinese if the machine has one (Debian's ``fonts-noto-cjk``,
``fonts-wqy-zenhei``, ...), else Noto Sans CJK from the ``noto-cjk-sans-otc`` package that
``pip install 'bordersim[zh]'`` brings (SIL Open Font License), else none: the plots then
keep their English words."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

#: system fonts with simplified Chinese, the first one the machine has taken
SYSTEM_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback")
#: the package that ships a Chinese font (the ``zh`` extra), its file and the face taken
PACKAGE, PACKAGE_FILE, PACKAGE_FONT = ("noto_cjk_sans_otc", "NotoSansCJK-Regular.ttc",
                                       "Noto Sans CJK SC")
#: characters every font taken must draw (the plots' words are checked by the tests)
SAMPLE = "海关通关时间基准方案受益受损"


@lru_cache(maxsize=1)
def chinese_font() -> str | None:
    """The family name of a font that draws simplified Chinese, or None where none is."""
    from matplotlib import font_manager

    have = {f.name for f in font_manager.fontManager.ttflist}
    for name in SYSTEM_FONTS:
        if name in have and draws(name, SAMPLE):
            return name
    if importlib.util.find_spec(PACKAGE) is None:
        return None
    from importlib.resources import files

    font_manager.fontManager.addfont(str(files(PACKAGE).joinpath(PACKAGE_FILE)))
    return PACKAGE_FONT if draws(PACKAGE_FONT, SAMPLE) else None


def draws(family: str, text: str) -> bool:
    """Whether the font ``family`` (itself, no fallback) has every character of ``text``."""
    from matplotlib import font_manager

    prop = font_manager.FontProperties(family=family)
    try:
        path = font_manager.findfont(prop, fallback_to_default=False)
    except ValueError:
        return False
    charmap = font_manager.get_font(path).get_charmap()
    return all(ord(c) in charmap for c in text if not c.isspace())
