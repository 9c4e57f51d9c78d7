"""The animated port: frames from a run's queue samples and log, and the GIF they make."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.cli import main
from sim.report.animate import (
    Frame,
    LaneState,
    clock,
    flagged_events,
    frame_image,
    port_frames,
    write_gif,
)

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def result():
    scenario = sim.load_scenario(SMALL, {"days": 2, "queue_sample": "30 min"})
    return sim.simulate(scenario, seed=3, log=True)


def test_one_frame_per_queue_sample_in_the_window(result, tmp_path):
    frames = port_frames(result, "sea", start_h=168 + 8, hours=3)
    assert [f.t_h for f in frames] == [176, 176.5, 177, 177.5, 178, 178.5]
    lanes = [lane.name for lane in frames[0].lanes]
    assert "scanners" in lanes and "exam_bays" in lanes
    path = write_gif(frames, tmp_path / "sea.gif", title="sea")
    from PIL import Image

    with Image.open(path) as gif:
        assert gif.n_frames == len(frames)


def test_frames_follow_the_queue_samples(result):
    frames = port_frames(result, "sea", start_h=168, hours=24)
    q = result.queues
    sample = q[(q.port == "sea") & (q.t_h == 180) & (q.lane == "exam_bays")].iloc[0]
    at_noon = next(f for f in frames if f.t_h == 180)
    bays = next(lane for lane in at_noon.lanes if lane.name == "exam_bays")
    assert (bays.queue, bays.busy, bays.capacity) == (sample.queue, sample.busy, sample.capacity)


def test_every_seizure_and_rejection_is_flagged_once_in_its_frame(result):
    start, hours = 168.0, 48.0
    frames = port_frames(result, "sea", start_h=start, hours=hours)
    log = result.log
    events = flagged_events(log, "sea")
    last = frames[-1].t_h
    inside = events[(events.t_h >= start) & (events.t_h <= last)]
    flagged = [e for f in frames for e in f.events]
    assert len(inside) > 0, "the small scenario seizes and rejects some frozen goods"
    assert len(flagged) == len(inside)
    assert sum(e.startswith("SEIZED") for e in flagged) == (inside.outcome == "seized").sum()
    assert frames[-1].seized + frames[-1].rejected == len(inside)
    for f in frames:  # each in the first frame at or after the check that found it
        for e_t in inside.t_h:
            if f.t_h - 0.5 < e_t <= f.t_h:
                assert f.events


def test_a_frame_changes_when_a_queue_changes():
    lanes = (LaneState("scanners", 2, 1, 2), LaneState("exam_bays", 0, 3, 4))
    frame = Frame(200.0, lanes)
    longer = dataclasses.replace(frame, lanes=(LaneState("scanners", 5, 1, 2), lanes[1]))
    busier = dataclasses.replace(frame, lanes=(lanes[0], LaneState("exam_bays", 0, 4, 4)))
    seizure = dataclasses.replace(frame, events=("SEIZED: tobacco (general)",), seized=1)
    same = frame_image(frame)
    assert np.array_equal(same, frame_image(frame))
    for changed in (longer, busier, seizure):
        assert not np.array_equal(same, frame_image(changed))


def test_clock_counts_days_from_monday():
    assert clock(0) == "day 1, Mon 00:00"
    assert clock(24 * 8 + 14.5) == "day 9, Tue 14:30"


def test_animate_command(tmp_path, capsys):
    out = tmp_path / "sea.gif"
    code = main(["animate", str(SMALL), "--port", "sea", "--hours", "2", "--days", "1",
                 "--every", "30 min", "--out", str(out)])
    assert code == 0 and out.exists()
    assert "4 frames" in capsys.readouterr().out


@pytest.mark.parametrize(
    "extra, words",
    [
        (["--port", "nowhere", "--hours", "2"], "ports: sea"),
        (["--port", "sea", "--hours", "2", "--start", "9999"], "no queue sample"),
        (["--port", "sea", "--hours", "900", "--every", "1 min"], "at most 2,000"),
    ],
)
def test_animate_usage_errors(extra, words, capsys, tmp_path):
    code = main(["animate", str(SMALL), "--days", "1", "--out", str(tmp_path / "x.gif"), *extra])
    assert code == 2 and words in capsys.readouterr().err


def test_a_lanes_extra_servers_note_never_runs_into_its_queue_count():
    """A lab of 36 servers with 4 waiting read "+164" when the "+16" beside the squares ran
    into the count "4": the two texts' boxes do not overlap."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from sim.report.animate import Frame, LaneState, PortView

    fig = plt.figure(figsize=(12, 4))
    view = PortView(fig, ["lab", "scanners"])
    view.update(Frame(30.0, (LaneState("lab", 4, 20, 36), LaneState("scanners", 44, 2, 2))))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    note = view.server_notes["lab"].get_window_extent(renderer)
    count = view.counts["lab"].get_window_extent(renderer)
    assert view.server_notes["lab"].get_text() == "+16" and view.counts["lab"].get_text() == "4"
    assert note.x1 < count.x0
    plt.close(fig)


@pytest.mark.parametrize("name", ["../../escaped", "/tmp/escaped", ".."])
def test_a_scenarios_name_never_chooses_where_the_default_gif_goes(name, tmp_path, monkeypatch):
    """The default GIF is named after the scenario, whose name is free text from its file:
    it lands in this folder, named with safe characters only, whatever the name says."""
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    text = SMALL.read_text(encoding="utf-8").replace('name = "small"', f"name = {name!r}", 1)
    (here / "s.toml").write_text(text.replace("'", '"'), encoding="utf-8")
    monkeypatch.chdir(here)
    code = main(["animate", "s.toml", "--port", "sea", "--hours", "1", "--days", "1",
                 "--every", "30 min"])
    assert code == 0
    written = [p for p in tmp_path.rglob("*.gif")]
    assert [p.parent for p in written] == [here], written
    assert written[0].name in ("escaped-sea.gif", "tmp-escaped-sea.gif", "scenario-sea.gif")


def test_a_link_at_the_gifs_place_is_replaced_never_followed(tmp_path):
    """A symbolic link planted where the GIF goes (a shared folder) cannot make the write
    land on the file it points to: the link is replaced by the GIF, the file is untouched."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "sea.gif"
    out.symlink_to(victim)
    code = main(["animate", str(SMALL), "--port", "sea", "--hours", "1", "--days", "1",
                 "--every", "30 min", "--out", str(out)])
    assert code == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not out.is_symlink() and out.read_bytes()[:3] == b"GIF"


def test_a_folder_at_out_is_a_clear_usage_error(tmp_path, capsys):
    code = main(["animate", str(SMALL), "--port", "sea", "--hours", "1", "--days", "1",
                 "--every", "30 min", "--out", str(tmp_path)])
    assert code == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "folder" in err
