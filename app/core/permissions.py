"""Who may see and do what: ONE table, role → actions, checked by the services themselves.

The GUI may hide buttons a role cannot use, but the rule is here: every service that shows or
changes personal data calls ``require(actor, action)`` first, so a script, a forgotten button or a
new screen cannot get around it. README.md ("Roles and permissions") shows the same table.
"""

from __future__ import annotations

from app.core.actor import Actor
from app.core.errors import UserError
from app.core.messages import render

# action → (Indonesian label, English label). Every action a service checks is listed here.
ACTIONS: dict[str, tuple[str, str]] = {
    "applicant.list": ("melihat daftar dan pencarian pendaftar", "see the applicant list and search"),
    "applicant.view": ("membuka data lengkap pendaftar", "open an applicant's full record"),
    "applicant.create": ("mendaftarkan pencari kerja", "register a job seeker"),
    "applicant.edit": ("mengubah data pendaftar", "edit an applicant"),
    "applicant.status": ("mengubah status pendaftar", "change an applicant's status"),
    "applicant.import": ("mengimpor pendaftar dari berkas", "import applicants from a file"),
    "applicant.export": ("mengekspor atau mencetak data pribadi", "export or print personal data"),
    "applicant.anonymise": ("menganonimkan pendaftar", "anonymise an applicant"),
    "document.submit": ("menerima berkas dokumen", "take in documents"),
    "document.verify": ("memverifikasi dokumen", "verify documents"),
    "training.view": ("melihat peserta dan presensi pelatihan", "see training participants and attendance"),
    "training.mark": ("mengisi presensi dan nilai", "record attendance and scores"),
    "training.manage": ("mengelola angkatan pelatihan, hari libur, peserta dan kelulusan",
                        "manage training batches, closed days, enrolment and completion"),
    "order.view": ("melihat lowongan dan P3MI", "see job orders and agencies"),
    "order.manage": ("mengelola lowongan dan P3MI", "manage job orders and agencies"),
    "match.applicant": ("mencari lowongan yang cocok untuk satu pendaftar", "find the job orders one applicant fits"),
    "match.run": ("mencocokkan dan memeringkat calon untuk lowongan", "match and rank candidates for a job order"),
    "placement.view": ("melihat penempatan", "see placements"),
    "placement.manage": ("mengelola penempatan dan pembiayaan", "manage placements and their funding"),
    "report.view": ("melihat laporan jumlah (tanpa data pribadi)", "see count reports (no personal data)"),
    "report.print": ("mencetak laporan kantor (laporan MoU, papan lowongan) dari halaman Laporan",
                     "print the office's reports (MoU report, vacancy board) from the Reports page"),
    "dossier.print": ("mencetak dosir calon (satu pendaftar atau daftar pendek satu lowongan)",
                      "print candidate dossiers (one applicant or an order's shortlist)"),
    "audit.view": ("melihat jejak audit", "see the audit trail"),
    "user.manage": ("mengelola pengguna dan kata sandi", "manage users and passwords"),
    "settings.manage": ("mengubah pengaturan aplikasi", "change application settings"),
    "backup.run": ("membuat cadangan", "make a backup"),
    "backup.restore": ("memulihkan dari cadangan", "restore from a backup"),
    "sync.run": ("mengirim dan menerima paket sinkronisasi antarkantor", "export and import sync packets between offices"),
    "sync.resolve": ("menyelesaikan konflik sinkronisasi", "resolve sync conflicts"),
    "sync.trust": ("mendaftarkan kunci publik kantor lain", "register another office's public key"),
}

_COUNTER = {
    "applicant.list", "applicant.view", "applicant.create", "applicant.edit", "applicant.status",
    "document.submit", "report.view",
    # the counter answers "what can I apply for" and "where is my placement"
    "order.view", "match.applicant", "placement.view",
}
_TRAINER = {"training.view", "training.mark", "report.view"}
_SUPERVISOR = _COUNTER | _TRAINER | {
    "applicant.import", "applicant.export", "applicant.anonymise", "document.verify", "audit.view",
    "backup.run", "training.manage", "order.manage", "match.run", "placement.manage", "report.print",
    "dossier.print",
    "sync.run", "sync.resolve",
}
_ADMIN = set(ACTIONS)

# THE table. Trainers work with their batches (names through the training screens, later), not
# with the applicant register: they do not get the list, the full record or any export.
PERMISSIONS: dict[str, frozenset[str]] = {
    "counter": frozenset(_COUNTER),
    "trainer": frozenset(_TRAINER),
    "supervisor": frozenset(_SUPERVISOR),
    "admin": frozenset(_ADMIN),
}


class PermissionDenied(UserError):
    """The actor's role may not do this (shown as a dialog, logged by nobody: it is not a bug)."""

    def __init__(self, role: str, action: str):
        super().__init__("permission_denied", role=role, action=action)

    @property
    def message(self) -> str:
        return render(self.code, "id", role=self.params["role"],
                      action=ACTIONS.get(self.params["action"], (self.params["action"],) * 2)[0])

    @property
    def message_en(self) -> str:
        return render(self.code, "en", role=self.params["role"],
                      action=ACTIONS.get(self.params["action"], (self.params["action"],) * 2)[1])


def allowed(role: str, action: str) -> bool:
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}: add it to permissions.ACTIONS")  # a bug, not a refusal
    return action in PERMISSIONS.get(role, frozenset())


def require(actor: Actor, action: str) -> None:
    """Raise ``PermissionDenied`` unless ``actor``'s role may do ``action``."""
    role = getattr(actor, "role", None)
    if not isinstance(role, str) or not allowed(role, action):
        raise PermissionDenied(str(role), action)


def actions_of(role: str) -> frozenset[str]:
    return PERMISSIONS.get(role, frozenset())


def table_markdown() -> str:
    """The table as Markdown (README.md carries this; a test keeps the two the same)."""
    roles = list(PERMISSIONS)
    lines = ["| action | " + " | ".join(roles) + " |", "| --- |" + " :-: |" * len(roles)]
    for action, (label_id, label_en) in ACTIONS.items():
        marks = " | ".join("✓" if action in PERMISSIONS[r] else "" for r in roles)
        lines.append(f"| `{action}` {label_en} | {marks} |")
    return "\n".join(lines)
