"""Atomic writes, the output lock, and the content hashes behind incremental builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.build import Options, plan
from briefbuilder.errors import BuildError
from briefbuilder.loader import load_project
from briefbuilder.outputs import OutputLock, staging_folder, write_atomic
from briefbuilder.pool import Pool

from .conftest import GOOD_BRIEF, MakeSeries, lock_held


def test_write_atomic_replaces_whole_file_and_leaves_no_temporaries(tmp_path: Path) -> None:
    out = tmp_path / "output"
    target = out / "s" / "b.en.pdf"
    with OutputLock(out):
        write_atomic(target, b"old", staging_folder(out))
        write_atomic(target, b"new", staging_folder(out))
        assert target.read_bytes() == b"new"
        assert list(staging_folder(out).iterdir()) == []
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == [
        ".briefbuilder.lock", "s", "s/b.en.pdf"]


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "output"
    with lock_held(out), pytest.raises(BuildError, match=f"another build is writing to {out}"), \
            OutputLock(out):
        pass
    with OutputLock(out):  # released when its holder died
        pass


def test_an_output_folder_that_is_a_file_is_a_build_error(tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.write_bytes(b"")
    with pytest.raises(BuildError) as caught, OutputLock(out):
        pass
    assert str(caught.value) == (f"cannot write to the output folder {out}: File exists "
                                 "(name a folder you may write to with --out)")


def test_lock_start_clears_a_killed_build_s_staging(tmp_path: Path) -> None:
    out = tmp_path / "output"
    staging_folder(out).mkdir(parents=True)
    (staging_folder(out) / "b.en.pdf.x.part").write_bytes(b"half")
    with OutputLock(out):
        assert not staging_folder(out).exists()


def test_a_link_in_place_of_the_staging_folder_is_removed_not_followed(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "output", tmp_path / "elsewhere"
    (elsewhere / "keep").mkdir(parents=True)
    out.mkdir()
    staging_folder(out).symlink_to(elsewhere, target_is_directory=True)
    with OutputLock(out):
        assert not staging_folder(out).is_symlink()
        write_atomic(out / "s" / "b.en.pdf", b"pdf", staging_folder(out))
    assert sorted(str(p.relative_to(tmp_path)) for p in elsewhere.rglob("*")) == [
        "elsewhere/keep"]
    assert (out / "s" / "b.en.pdf").read_bytes() == b"pdf"


def hashes(folder: Path) -> dict[str, str]:
    jobs, _ = plan(load_project(folder), Options(folder / "out", ("pdf", "docx")))
    return {job.relative: job.content_hash for job in jobs}


def test_brief_edit_changes_only_its_own_jobs(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF},
                         series="id: s\ntitle: S\nbriefs: [b, c]\n")
    before = hashes(folder)
    (folder / "c.en.yaml").write_text(GOOD_BRIEF.replace("Text.", "Edited."))
    after = hashes(folder)
    changed = sorted(k for k in before if before[k] != after[k])
    assert changed == ["s/c.en.docx", "s/c.en.pdf"]


def test_theme_edit_changes_every_job(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF},
                         series="id: s\ntitle: S\nbriefs: [b, c]\n")
    before = hashes(folder)
    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    brand.write_text(brand.read_text().replace("#14305C", "#14305D"))
    after = hashes(folder)
    assert all(before[k] != after[k] for k in before)


def test_a_worker_that_died_idle_is_replaced_before_it_gets_a_task(
        make_series: MakeSeries) -> None:
    folder = make_series()
    (edition,) = load_project(folder).editions()
    pool = Pool(1, time_limit=60, memory_limit=None)
    pool._workers = [pool._spawn()]
    dead = pool._workers[0].process
    dead.kill()
    dead.join()
    worker = pool._hand(0, (0, (edition, "html", folder.parent.parent / "styles" / "ilab")))
    try:
        assert worker.process is not dead and worker.process.is_alive()
        result = worker.conn.recv()
        assert result.problems == [] and b"<html" in result.data
    finally:
        pool.close()
