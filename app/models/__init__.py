"""SQLModel tables. Importing this package registers every table on ``SQLModel.metadata``."""

from app.models.base import Record, UTCDateTime, utcnow  # noqa: F401  (naming convention first)
from app.models.applicant import (  # noqa: F401
    MARITAL_STATUSES, RELIGIONS, SEXES, STATUSES, Applicant, ApplicantLanguage, AuditEntry,
    RegistrationCounter, WorkExperience,
)
from app.models.job_order import (  # noqa: F401
    ORDER_STATUSES, PLACEMENT_ENDS, PLACEMENT_STAGES, Agency, JobOrder, Placement,
)
from app.models.office import AppSetting, Office  # noqa: F401
from app.models.user import ROLES, User  # noqa: F401
from app.models.training import (  # noqa: F401
    MARKS, RESULTS, SCORE_KINDS, Holiday, TrainingAttendance, TrainingBatch, TrainingEnrolment,
    TrainingScore, TrainingSession,
)
from app.models.sync import (  # noqa: F401
    OfficeKey, SyncConflict, SyncLog, SyncPacketIn, SyncPeer, SyncPeerRow, SyncSent,
)

from sqlmodel import SQLModel

metadata = SQLModel.metadata
from app.models.document import (  # noqa: F401,E402
    ANY, DOCUMENT_STATUSES, REQUIREMENTS, STAGES, ApplicantChecklist, ApplicantDocument, ChecklistRule,
    DocumentScan, DocumentType,
)
