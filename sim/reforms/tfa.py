"""Which measures of the WTO Trade Facilitation Agreement each reform of the library
implements: the project's reading, declared once here for every reform.

The source is the Agreement's text, WT/L/940 (Protocol Amending the Marrakesh Agreement,
Annex: Agreement on Trade Facilitation), Section I; ``ARTICLES`` holds the article and
paragraph numbers used and their titles as the text gives them (Article 8 has no titled
paragraphs: its paragraph 1 is cooperation among a Member's own border agencies, paragraph 2
with neighbouring Members). ``TAGS`` gives every reform its articles and a one-line reason,
or none and the reason why (a shock, an internal reorganisation, or a measure the project
could not place with confidence); ``bears_on`` names articles whose disciplines a measure
falls under without implementing them. ``tests/test_tfa.py`` checks that every reform of the
library has an entry and that every article named is in ``ARTICLES``, so a new reform cannot
be added untagged. This is not an official WTO classification.
"""

from __future__ import annotations

from dataclasses import dataclass

#: where the article numbers and titles come from
SOURCE = "WTO Agreement on Trade Facilitation, WT/L/940 (Annex), Section I"

#: article or paragraph -> its title in WT/L/940 (only those this table uses)
ARTICLES = {
    "5.1": "Notifications for enhanced controls or inspections",
    "6": "Disciplines on fees and charges imposed on or in connection with importation and "
    "exportation and penalties",
    "7.1": "Pre-arrival processing",
    "7.2": "Electronic payment",
    "7.3": "Separation of release from final determination of customs duties, taxes, fees "
    "and charges",
    "7.4": "Risk management",
    "7.5": "Post-clearance audit",
    "7.7": "Trade facilitation measures for authorized operators",
    "7.8": "Expedited shipments",
    "7.9": "Perishable goods",
    "8.1": "Border agency cooperation (paragraph 1: a Member's own border agencies)",
    "10.1": "Formalities and documentation requirements",
    "10.4": "Single window",
    "10.5": "Preshipment inspection",
    "12": "Customs cooperation",
}


@dataclass(frozen=True)
class Tag:
    """A reform's TFA measures (``articles``, keys of ``ARTICLES``; empty: none) and why;
    ``bears_on``: articles whose disciplines apply to it without it implementing them."""

    articles: tuple[str, ...]
    why: str
    bears_on: tuple[str, ...] = ()


#: every reform of the library -> its TFA measures (the project's reading)
TAGS = {
    "advance_declaration": Tag(("7.1",), "declarations lodged before the goods arrive, so "
                               "processing starts before arrival"),
    "aeo_mutual_recognition": Tag(("7.7",), "more domestic traders get authorized "
                                  "operators' lower inspection rates and priority; the "
                                  "article's mutual recognition of other Members' schemes is "
                                  "not modelled"),
    "aeo_partner_recognition": Tag(("7.7",), "imports whose foreign consignor holds a "
                                   "recognised partner's AEO status get authorized operators' "
                                   "lower inspection rates and priority: the article's mutual "
                                   "recognition, at the importing border only"),
    "big_data_targeting": Tag(("7.4",), "checks concentrated on high-risk consignments by "
                              "better risk scores at the same inspection rate"),
    "cancel_clearance_form": Tag(("8.1", "10.1"), "customs no longer waits for another "
                                 "agency's form: one formality fewer, agencies coordinated"),
    "credit_downgrade": Tag((), "a sanction, not a facilitation measure: general traders "
                            "downgraded to discredited lose what Art. 7.7 offers authorized "
                            "operators"),
    "aeo_lapse": Tag((), "a counterfactual, not a facilitation measure: advanced AEOs whose "
                     "certification lapses lose what Art. 7.7 offers authorized operators"),
    "cold_chain_mandate": Tag((), "an emergency health control that adds checks and holds; "
                              "it implements no facilitation measure", ("5.1",)),
    "clearance_integration": Tag((), "a reorganisation of where domestic goods are declared "
                                 "and examined; the Agreement's transit article is for goods "
                                 "crossing a Member's territory, not inland clearance"),
    "fewer_returns": Tag((), "an effect reported from the two-step declaration pilot (fewer "
                         "declarations returned for correction), not a measure of its own"),
    "direct_loading": Tag((), "a terminal's loading practice after release; the TFA does "
                          "not govern terminal operations"),
    "direct_pickup": Tag((), "a terminal's pick-up practice after release; the TFA does "
                         "not govern terminal operations"),
    "double_random": Tag(("7.4",), "random selection as part of risk management, which the "
                         "article allows"),
    "dumbbell": Tag((), "an internal reorganisation of customs' decision levels; no TFA "
                    "article governs it"),
    "ecommerce_surge": Tag((), "a surge of parcels (a what-if shock), not a measure"),
    "epidemic": Tag((), "more quarantine checks and sampling (a what-if shock), not a "
                    "facilitation measure", ("5.1",)),
    "electronic_payment": Tag(("7.2",), "importers pay duties and fees online and customs "
                              "sees the payment at once, so the wait for the duty paid "
                              "before release is shorter"),
    "electronic_certificates": Tag(("10.1",), "the quarantine officer no longer verifies a "
                                  "paper certificate where it arrives electronically: a "
                                  "formality made less time-consuming"),
    "exam_hours": Tag((), "longer working hours at the exam yard: a port's own staffing of its "
                      "checks, no measure of the Agreement"),
    "expedited_shipments": Tag(("7.8",), "air cargo's express shipments lodged before "
                               "arrival and released on a minimum of documents "
                               "(paragraph 2(a), (c) and (d))"),
    "low_value_threshold": Tag(("7.8",), "parcels declared below a de minimis value cleared "
                               "on a simplified declaration with lighter checks "
                               "(paragraph 2(e))"),
    "green_lane": Tag(("7.9",), "perishable goods given priority when their examinations "
                      "and laboratory tests are scheduled (paragraph 1(b))"),
    "exam_without_trader": Tag((), "unsure: no article was found that provides for "
                               "examination without the trader present, so none is given"),
    "flexible_staffing": Tag(("8.1",), "customs and quarantine staff pooled across both "
                             "agencies' examinations"),
    "integrated_declaration": Tag(("8.1", "10.1"), "one declaration to customs and "
                                  "quarantine instead of two"),
    "joint_inspection": Tag(("8.1",), "one declaration, one inspection, one release by the "
                            "border agencies together"),
    "merge_affiliated": Tag((), "an internal merger of customs districts; no TFA article "
                            "governs it"),
    "merge_field_departments": Tag(("8.1",), "customs' and quarantine's field departments "
                                   "examine jointly"),
    "merged_inspection": Tag(("8.1",), "customs and quarantine examine statutory goods "
                             "jointly: one move, one queue"),
    "origin_pre_inspection": Tag((), "inspection at origin of quarantine goods: no article "
                                 "provides for it; the article on preshipment inspection "
                                 "discourages new requirements for it", ("10.5",)),
    "reduce_certificates": Tag(("10.1",), "fewer documents required, shorter preparation"),
    "release_before_test": Tag((), "unsure: release before a laboratory result is not "
                               "found in the text (Art. 7.3 is about duties, taxes, fees and "
                               "charges), so none is given"),
    "remote_image_review": Tag((), "internal pooling of image analysts; no TFA article "
                               "governs it"),
    "risk_based_audit": Tag(("7.5",), "post-clearance audit selected by risk, as the article "
                            "asks, instead of at random"),
    "separate_inspection": Tag((), "the practice before 2018, the inverse of "
                               "joint_inspection: it undoes a measure", ("8.1",)),
    "single_window": Tag(("10.4",), "one portal for every agency's documents"),
    "smart_image_review": Tag((), "software reading scan images; the TFA has no article on "
                              "inspection technology"),
    "smart_sharing": Tag(("7.4", "12"), "partner customs' data sharpen risk scores; the "
                         "article's exchange is on request, so this is a broad reading"),
    "control_order": Tag(("7.4",), "a control order is risk management's mandatory check of "
                         "a named signature; the article asks that checks be concentrated on "
                         "high-risk goods, as such an order does"),
    "outbreak": Tag((), "more infected goods from stricken origins (a what-if shock), not a "
                    "measure"),
    "smuggling_pressure": Tag((), "more illicit attempts (a what-if shock), not a measure"),
    "patrol_staff": Tag((), "anti-smuggling patrols outside the ports: enforcement, not a measure "
                   "that facilitates trade"),
    "state_pays_no_find": Tag((), "unsure: who pays a terminal's handling when nothing is "
                              "found; Art. 6 disciplines the agencies' own fees, so none "
                              "is given"),
    "trader_pays_no_find": Tag((), "the inverse of state_pays_no_find (the practice before "
                               "the pilots)"),
    "training": Tag((), "officers' skill; the TFA's capacity-building provisions (Section "
                    "II) are not measures of Section I"),
    "two_step_declaration": Tag(("7.3",), "release on an outline declaration, the duty "
                                "determined and paid later against a guarantee"),
    "two_step_processing": Tag(("7.3", "7.5"), "the tax review moves after release, to "
                               "post-clearance review"),
}


def title(article: str) -> str:
    """``Art. 7.1 Pre-arrival processing``."""
    return f"Art. {article} {ARTICLES[article]}"


def describe(name: str) -> str:
    """A reform's TFA articles, its reason and the articles it bears on, in one line."""
    tag = TAGS.get(name)
    if tag is None:
        return "not in the TFA table (sim/reforms/tfa.py)"
    said = "; ".join(title(a) for a in tag.articles) or "no TFA measure"
    more = "; ".join(title(a) for a in tag.bears_on)
    return f"{said}: {tag.why}" + (f" (bears on {more})" if more else "")


def _key(article: str) -> tuple[int, ...]:
    """Article numbers in the text's order (10.4 after 8.1)."""
    return tuple(int(p) for p in article.split("."))


def by_article() -> dict[str, list[str]]:
    """Each article (in the text's order) -> the reforms that implement it; ``""`` -> those
    that implement none."""
    out: dict[str, list[str]] = {a: [] for a in sorted(ARTICLES, key=_key)}
    out[""] = []
    for name in sorted(TAGS):
        for a in TAGS[name].articles or ("",):
            out[a].append(name)
    return {a: names for a, names in out.items() if names}


#: a reform at this strength is the reverse of the measure its tag names, and implements no
#: article (reform -> (strength, value)): a comparison recorded before credit_downgrade
#: existed names a downgrade so, and a downgrade is no facilitation for authorized operators
REVERSED = {"aeo_mutual_recognition": ("into", "discredited")}


def _terms(text: str) -> list[str]:
    """The terms of a composition as a comparison records it (``A+B``, ``A>B``), each
    without its date (``A:k=v@60d`` -> ``A:k=v``)."""
    from sim.reforms.compose import split_top

    return [split_top(term, "@")[0].strip()
            for stage in split_top(text, ">") for term in split_top(stage, "+")]  # fmt: skip


def reform_names(text: str) -> list[str]:
    """The reform names in a composition as a comparison records it (``A+B``, ``A>B``,
    ``A:k=v``, ``A@60d``), in order, each once."""
    names = [term.partition(":")[0].strip() for term in _terms(text)]
    return list(dict.fromkeys(n for n in names if n))


def _reversed(term: str) -> bool:
    """Whether a term (``A:k=v,...``) sets its reform at the strength :data:`REVERSED` names."""
    name, _, strengths = term.partition(":")
    rule = REVERSED.get(name.strip())
    if rule is None:
        return False
    given = dict(p.split("=", 1) for p in strengths.split(",") if "=" in p)
    return given.get(rule[0], "").strip().strip("'\"") == rule[1]


def articles_of(text: str) -> tuple[list[str], list[str]]:
    """The TFA articles the reforms of ``text`` implement (in the text's order, each once;
    none of a term at a reversed strength, :data:`REVERSED`), and the names in it that the
    table does not know (a reform since removed)."""
    names = reform_names(text)
    acting = [t.partition(":")[0].strip() for t in _terms(text) if not _reversed(t)]
    found = {a for n in acting if n in TAGS for a in TAGS[n].articles}
    return sorted(found, key=_key), [n for n in names if n not in TAGS]
