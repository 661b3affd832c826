"""Is the results database on a network filesystem? SQLite's locking is not safe there.

SQLite relies on POSIX advisory locks and, in WAL mode, on shared memory between the processes that
open the database. On NFS, SMB/CIFS and their kin, locks are often broken or emulated and the shared
memory is not shared across machines: two writers can corrupt the file. A class sharing one database
must therefore keep it on a local disk of the machine the students connect to.

On Linux the filesystem type comes from `/proc/self/mountinfo`; on Windows a UNC path or a mapped
network drive is detected; elsewhere the check is best effort (it answers "local").
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",  # WSL's view of Windows drives, and virtual machines' shared folders
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "fuse.sshfs",
        "fuse.rclone",
        "davfs",
        "fuse.davfs2",
        "lustre",
        "gpfs",
        "vboxsf",
    }
)


@dataclass(frozen=True)
class Mount:
    """One line of mountinfo that matters here: where a filesystem is mounted, and its type."""

    mount_point: str
    fs_type: str
    source: str


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash in paths as octal escapes (`\\040`)."""
    if "\\" not in field:
        return field
    out, i = [], 0
    while i < len(field):
        chunk = field[i : i + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts listed in a `/proc/<pid>/mountinfo` text; malformed lines are skipped."""
    mounts = []
    for line in text.splitlines():
        before, separator, after = line.partition(" - ")
        fields, tail = before.split(), after.split()
        if not separator or len(fields) < 5 or len(tail) < 2:
            continue
        mounts.append(Mount(_unescape(fields[4]), tail[0], _unescape(tail[1])))
    return mounts


def mount_of(path: str | os.PathLike[str], mountinfo: str) -> Mount | None:
    """The mount holding `path` (an absolute, resolved path): the longest mount point above it.

    When a mount point is mounted over several times, the last line is the one in effect.
    """
    target = str(path)
    best: Mount | None = None
    for mount in parse_mountinfo(mountinfo):
        point = mount.mount_point
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best.mount_point)):
            best = mount
    return best


def network_filesystem_of(
    path: str | os.PathLike[str], *, mountinfo: str | None = None
) -> str | None:
    """The network filesystem type `path` lives on ("nfs4", "cifs"…), or None when it is local.

    `path` may not exist yet (a folder that does not exist cannot be a mount point, so the deepest
    mount above it is the right one). Give `mountinfo` to test the decision without mounting
    anything; by default the running system is asked.
    """
    resolved = Path(path).expanduser().resolve()
    if mountinfo is None:
        if sys.platform == "win32":
            return _windows_network_drive(resolved)
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None  # not Linux (macOS, BSD): best effort
    mount = mount_of(resolved, mountinfo)
    if mount is None:
        return None
    fs_type = mount.fs_type.lower()
    if fs_type in NETWORK_FILESYSTEMS or fs_type.startswith(("nfs", "smb")):
        return fs_type
    return None


def _windows_network_drive(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\"):
        return "smb"  # a UNC path: \\server\share
    import ctypes  # only on Windows

    drive_remote = 4
    kind = ctypes.windll.kernel32.GetDriveTypeW(path.anchor)  # type: ignore[attr-defined]
    return "smb" if kind == drive_remote else None
