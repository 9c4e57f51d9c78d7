"""The AI operating curve: its exact miss share is the model's (checked against the model's
own draw), the points are paired on the same seeds, and the command refuses bad lists."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from sim.cli import main
from sim.experiment import operating_curve as oc

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")


def _model_miss(auc: float, clear: float, n: int = 200_000) -> float:
    """The share of images that show something the model's own draw clears."""
    from sim.model import truth

    x = SimpleNamespace(
        n=n, values={"image_shows": np.ones(n)}, port=SimpleNamespace(scan=None),
        scenario=SimpleNamespace(
            enforcement=SimpleNamespace(detection=SimpleNamespace(ai_auc=auc))),
    )
    u = np.random.default_rng(5).random(n)
    return float(truth.ai_clears(x, u, clear).mean())  # type: ignore[arg-type]


@pytest.mark.parametrize(("auc", "clear"), [(0.85, 0.5), (0.93, 0.9), (0.7, 0.3)])
def test_the_miss_share_is_the_models(auc, clear):
    assert oc.ai_miss_share(auc, clear) == pytest.approx(_model_miss(auc, clear), abs=0.004)


def test_the_miss_share_at_known_points():
    # AUC 0.5 tells nothing: it clears what shows as often as what does not
    assert oc.ai_miss_share(0.5, 0.7) == pytest.approx(0.7)
    assert oc.ai_miss_share(0.85, 0.5) == pytest.approx(0.0713, abs=1e-4)
    assert oc.ai_miss_share(0.9, 0.0) == 0.0 and oc.ai_miss_share(0.9, 1.0) == 1.0


def test_a_better_auc_clears_more_at_the_same_miss():
    more = oc.clear_at_same_miss(0.5, 0.85, 0.93)
    assert 0.5 < more < 1
    assert oc.ai_miss_share(0.93, more) == pytest.approx(oc.ai_miss_share(0.85, 0.5))
    assert oc.clear_at_same_miss(0.7, 0.9, 0.9) == pytest.approx(0.7)


def test_officers_read_what_the_ai_does_not_clear():
    assert oc.officer_read_share(0.7, 0.5) == pytest.approx(0.65)
    assert oc.officer_read_share(0.0, 0.9) == 1.0


def test_the_design_starts_at_the_scenarios_own_point_once():
    own = {"ai_auc": 0.9, "ai_share": 1.0, "ai_clear": 0.5}
    d = oc.design(own, "sea", [0.9, 0.95], [0.5, 0.8], [1.0])
    assert list(d.iloc[0]) == [0.9, 1.0, 0.5]
    assert len(d) == 4 and not d.duplicated().any()
    # every point sets the port's own fields, its AUC too: the other ports keep theirs
    assert list(d.columns) == [f"ports.sea.scan.image_review.{f}"
                               for f in ("ai_auc", "ai_share", "ai_clear")]


def test_point_0_is_the_ports_own_auc_and_the_output_says_the_others_keep_theirs(
        tmp_path, capsys):
    out = tmp_path / "oc"
    argv = ["operating-curve", SMALL, "--port", "sea", "--clear", "0.5", "--auc", "0.95",
            "--set", "ports.sea.scan.image_review.ai_auc=0.7", "--reps", "1", "--days", "1",
            "--out", str(out)]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "point 0: auc 0.7, share 1, clear 0.5" in printed
    assert "the other ports keep their AI and its AUC" in printed
    assert list(pd.read_csv(out / "frontier.csv")["ai_auc"]) == [0.7, 0.95]


@pytest.mark.parametrize(("values", "low", "high", "open_low", "bad"), [
    ([0.5, 1.2], 0.0, 1.0, False, "1.2"),
    ([0.4], 0.5, 0.9999, False, "0.4"),
    ([float("nan")], 0.0, 1.0, False, "nan"),
])
def test_a_value_out_of_range_is_named(values, low, high, open_low, bad):
    with pytest.raises(ValueError, match=rf"--x: {bad} is not allowed; each value is within"):
        oc.check_values("--x", values, low, high, open_low)


def test_the_command_pairs_points_and_writes_its_tables(tmp_path, capsys):
    out = tmp_path / "oc"
    argv = ["operating-curve", SMALL, "--port", "sea", "--clear", "0.5,0.95",
            "--auc", "0.6,0.95", "--reps", "2", "--days", "2", "--out", str(out)]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "point 0: auc 0.9, share 1, clear 0.5" in printed
    front = pd.read_csv(out / "frontier.csv")
    assert list(front["point"]) == [0, 1, 2, 3, 4]
    util = "utilisation_sea_image_officers"
    # clearing 95 % of images leaves officers less to read than 50 %, paired on the seeds
    at95 = front[front["ai_clear"] == 0.95]
    assert (at95[f"{util}_high"] < 0).all() and (at95[f"{util}_diff"] < 0).all()
    # the AUC does not change what officers read of ordinary images: same at both AUCs
    pair = front[front["ai_clear"] == 0.5].set_index("ai_auc")
    assert pair.loc[0.6, "officers_read"] == pair.loc[0.95, "officers_read"]
    # the better AUC at each threshold leaves the others off the frontier
    assert list(front.loc[front["on_frontier"], "ai_auc"]) == [0.95, 0.95]
    worth = pd.read_csv(out / "auc-worth.csv")
    assert list(worth["ai_clear"]) == [0.5, 0.95]
    assert (worth["miss_high"] < worth["miss_low"]).all()
    assert (worth["clear_same_miss"] > worth["ai_clear"]).all()
    assert "utilisation_sea_image_officers_reps_to_tell" in worth.columns


@pytest.mark.parametrize(("extra", "said"), [
    (["--port", "nowhere", "--clear", "0.5"], "--port 'nowhere': no such port; the "
     "scenario's ports: sea"),
    (["--port", "sea", "--clear", "0.5,1.5"], "--clear: 1.5 is not allowed; each value is "
     "within [0, 1]"),
    (["--port", "sea", "--clear", "0.5", "--auc", "0.3"], "--auc: 0.3 is not allowed"),
])
def test_bad_input_is_one_line_before_anything_runs(extra, said, tmp_path, capsys):
    out = tmp_path / "oc"
    assert main(["operating-curve", SMALL, *extra, "--reps", "1", "--out", str(out)]) == 2
    assert said in capsys.readouterr().err
    assert not out.exists()


def test_a_metrics_short_name_drops_a_port_named_with_port_in_it():
    from sim.cli_operating_curve import _short

    assert _short("clearance_h_mean_port_sea_port_import", "sea_port") == "clearance_h_mean_import"
    assert _short("utilisation_sea_port_image_officers", "sea_port") == "utilisation_officers"
    assert _short("detection_rate_port_sea_port", "sea_port") == "detection_rate_this_port"


def _clears(diff: float, sd: float, m: int) -> bool:
    from scipy import stats

    return float(stats.t.ppf(0.975, m - 1)) * sd / m ** 0.5 < abs(diff)


def test_the_replications_to_tell_are_the_fewest_whose_interval_clears_0():
    from scipy import stats

    # half-width 0.02 over 3 replications: sd = 0.02 sqrt(3) / t(2)
    sd = 0.02 * 3 ** 0.5 / float(stats.t.ppf(0.975, 2))
    for diff in (0.01, -0.01, 0.002):
        m = int(oc.reps_to_tell(diff, -0.01, 0.03, 3))
        assert m > 3 and _clears(diff, sd, m) and not _clears(diff, sd, m - 1)
    assert oc.reps_to_tell(0.01, -0.01, 0.03, 3) == 5
    assert np.isnan(oc.reps_to_tell(0.05, 0.01, 0.09, 3))  # already clear of 0
    assert np.isnan(oc.reps_to_tell(0.0, -0.01, 0.01, 3))
    assert np.isnan(oc.reps_to_tell(float("nan"), 0.0, 0.0, 3))


def test_a_point_another_beats_on_both_counts_is_off_the_frontier():
    # (unread, read): the second misses more for the same reading; the third trades
    assert oc.on_frontier([0.1, 0.2, 0.05, 0.1], [0.5, 0.5, 0.8, 0.5]) == [
        True, False, True, True]


def test_a_point_whose_officers_fall_behind_is_marked_unstable(tmp_path, capsys):
    out = tmp_path / "oc"
    slow = "ports.sea.scan.image_review.officers.service.mean=3 h"
    assert main(["operating-curve", SMALL, "--port", "sea", "--clear", "0,0.9", "--reps", "1",
                 "--days", "2", "--set", slow, "--out", str(out)]) == 0
    front = pd.read_csv(out / "frontier.csv").set_index("ai_clear")
    # officers reading half or all the images at 3 h each fall behind; a tenth they keep up
    assert front.loc[0.5, "unstable"] and front.loc[0.0, "unstable"]
    assert not front.loc[0.9, "unstable"]
    assert "clear 0; AI misses 0.000" in capsys.readouterr().out


def test_a_pooled_ports_officers_are_the_centres_and_nothing_is_left_out_silently(
    tmp_path, capsys
):
    out = tmp_path / "oc"
    assert main(["operating-curve", SMALL, "--port", "sea", "--clear", "0.9", "--reps", "1",
                 "--days", "2", "--set", "ports.sea.scan.image_review.pool=centre",
                 "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "sea's images are read at the review centre 'centre', shared with no other port" \
        in said.err
    assert "replication" in said.err  # the window's note: one replication a point
    front = pd.read_csv(out / "frontier.csv")
    for kind in ("utilisation", "queue_mean", "wait_h_mean"):
        assert f"{kind}_centre_image_officers" in front.columns, kind
    assert "queue_mean_centre_officers" in said.out
    assert "not measured" not in said.err


def test_a_figure_the_runs_did_not_measure_is_named_on_stderr(capsys):
    from argparse import Namespace

    from sim.cli_operating_curve import _notes
    from sim.scenario.loader import load_scenario

    base = load_scenario(SMALL)
    rows = pd.DataFrame({"clearance_h_mean_port_sea_import": [1.0]})
    _notes(base, Namespace(port="sea", reps=5), rows, oc.key_metrics("sea"), "")
    err = capsys.readouterr().err
    assert "not measured by these runs, so left out: clearance_h_p90_port_sea_import" in err
    assert "review centre" not in err


def test_a_centres_officers_have_a_short_name_of_their_own():
    from sim.cli_operating_curve import _short

    assert _short("queue_mean_centre_image_officers", "sea") == "queue_mean_centre_officers"
    assert _short("wait_h_mean_sea_image_officers", "sea") == "wait_h_mean_officers"
