"""Detecting network filesystems from mountinfo, and refusing a database there."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.store.db import NetworkFilesystemError, ResultsStore
from quiz.store.filesystem import mount_of, network_filesystem_of, parse_mountinfo

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
40 27 0:45 / /home rw,relatime shared:20 - nfs4 fileserver:/export/home rw,vers=4.2
41 40 0:46 / /home/prof/local\\040disk rw,relatime - ext4 /dev/sdb1 rw
42 27 0:47 /partage /mnt/classe rw,relatime - cifs //nas/classe rw,vers=3.0
43 27 0:48 / /mnt/c rw,noatime - 9p drvfs rw,dirsync
44 27 0:49 / /srv rw,relatime - tmpfs tmpfs rw
44 27 0:50 / /srv rw,relatime - nfs nas:/srv rw
this line is not mountinfo
"""


def test_mountinfo_is_parsed_with_escaped_spaces() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert len(mounts) == 8
    assert mounts[3].mount_point == "/home/prof/local disk"
    assert (mounts[4].fs_type, mounts[4].source) == ("cifs", "//nas/classe")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/prof/quiz.sqlite3", "nfs4"),
        ("/home/prof/local disk/quiz.sqlite3", None),  # a local disk mounted inside an NFS home
        ("/mnt/classe/5eB/quiz.sqlite3", "cifs"),
        ("/mnt/c/Users/prof/quiz.sqlite3", "9p"),
        ("/srv/quiz.sqlite3", "nfs"),  # the later mount over /srv hides the tmpfs
        ("/var/tmp/quiz.sqlite3", None),
        ("/homework/quiz.sqlite3", None),  # /home is a prefix of the text, not a parent folder
    ],
)
def test_the_filesystem_of_a_path_is_its_deepest_mount(path: str, expected: str | None) -> None:
    assert network_filesystem_of(path, mountinfo=MOUNTINFO) == expected


def test_a_path_outside_every_mount_is_local() -> None:
    assert mount_of("/anything", "") is None
    assert network_filesystem_of("/anything", mountinfo="") is None


def test_this_machines_temporary_folder_is_accepted(tmp_path: Path) -> None:
    # The real /proc/self/mountinfo: the tests' own folder is on a local disk.
    assert network_filesystem_of(tmp_path / "db.sqlite3") is None


def test_a_database_on_a_network_filesystem_is_refused_with_what_to_do(tmp_path: Path) -> None:
    # The temporary folder as an NFS mount: the store must refuse before creating anything.
    mountinfo = f"1 0 0:1 / / rw - ext4 /dev/vda rw\n2 1 0:2 / {tmp_path} rw - nfs4 nas:/x rw\n"
    target = tmp_path / "classe.sqlite3"
    with pytest.raises(NetworkFilesystemError) as raised:
        ResultsStore.open(target, _mountinfo=mountinfo)
    message = str(raised.value)
    assert "network filesystem (nfs4)" in message
    assert "locking is not reliable" in message  # why
    assert "local disk" in message  # what to do
    assert "--db" in message
    assert "QUIZ_DB" in message
    assert not target.exists()
